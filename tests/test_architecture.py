"""The data flow is the architecture: no module imports from a later stage.

Packages are ranked in the order the README's "How it works" lists them; a module may
import from its own package or an earlier one, never a later one (imports inside
functions count too).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "strife"

# README "How it works", in order; equal ranks may not import each other.
ORDER: dict[str, float] = {
    "records": 0,
    "geo": 0,
    "tables": 0,
    "mentions": 1,
    "lookups": 2,
    "ingest": 3,
    "clean": 4,
    "resolve": 5,
    "extract": 6,
    "assemble": 7,
    "learn": 7.5,
    "store": 8,
    "dedupe": 9,
    "export": 10,
    "evaluate": 11,
    "review": 11.5,
    "pipeline": 12,
    "report": 12.5,
    "distributed": 12.5,
    "api": 13,
    "cli": 14,
    "web": 13.5,
}


def _package(path: Path) -> str:
    return path.relative_to(SRC).parts[0].removesuffix(".py")


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "strife" and len(parts) > 1:
                found.add(parts[1])
    return found


MODULES = sorted(p for p in SRC.rglob("*.py") if _package(p) != "__init__")


def test_every_package_has_a_rank() -> None:
    assert {_package(p) for p in MODULES} <= set(ORDER)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_imports_a_later_stage(path: Path) -> None:
    package = _package(path)
    later = {t for t in _imports(path) - {package} if ORDER[t] >= ORDER[package]}
    assert not later, f"{path.relative_to(SRC)} ({package}) imports later or equal stages: {sorted(later)}"
