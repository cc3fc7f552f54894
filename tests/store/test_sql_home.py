"""All SQL lives in strife.store: no string literal elsewhere in the package holds a statement."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import strife

PACKAGE = Path(strife.__file__).parent
# Folders that may hold SQL, each with the reason.
ALLOWED: dict[str, str] = {
    "store": "the store: every query over a strife store, and the Parquet writer",
    "resolve/places": "the gazetteer's own read-only SQLite index (built and read there), not a strife store",
}
STATEMENT = re.compile(
    r"\b(SELECT\s|INSERT\s+INTO\b|DELETE\s+FROM\b|UPDATE\s+\S+\s+SET\b|CREATE\s+(TABLE|INDEX|VIEW)\b"
    r"|ALTER\s+TABLE\b|DROP\s+TABLE\b|COPY\s+\S+\s+TO\b)"
)


def _allowed(path: Path) -> bool:
    relative = path.relative_to(PACKAGE).as_posix()
    return any(relative.startswith(folder + "/") for folder in ALLOWED)


def _statements(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value.strip()[:60]!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and STATEMENT.search(node.value)
    ]


def test_no_sql_outside_the_store() -> None:
    modules = [path for path in sorted(PACKAGE.rglob("*.py")) if not _allowed(path)]
    found = [line for path in modules for line in _statements(path)]
    assert found == [], "SQL outside strife/store (move it into a store module):\n" + "\n".join(found)


def test_the_check_sees_sql_in_f_strings(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('table = "x"\nquery = f"SELECT id FROM {table} WHERE a = 1"\n', encoding="utf-8")
    assert STATEMENT.search("DELETE FROM occurrences") and not STATEMENT.search("select the best one")
    tree = ast.parse(module.read_text())
    assert any(isinstance(n, ast.Constant) and STATEMENT.search(str(n.value)) for n in ast.walk(tree))
