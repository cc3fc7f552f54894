"""The documentation keeps up with the code: a command, option, setting, record field or
data file that the code has and README.md or CODEBOOK.md lacks fails a test here."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from strife.cli import main
from strife.pipeline.settings import SETTINGS, Setting
from strife.records import Event

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
CODEBOOK = ROOT / "CODEBOOK.md"


# -- reading the documents ----------------------------------------------------------------------


def section(text: str, heading: str) -> str:
    """The body of the `## heading` section (up to the next heading of level 2 or above)."""
    match = re.search(rf"^## {re.escape(heading)}\s*$(.*?)(?=^#{{1,2}} |\Z)", text, re.MULTILINE | re.DOTALL)
    assert match, f"no '## {heading}' section"
    return match.group(1)


def first_cells(table: str) -> list[str]:
    """The first cell of each row of the markdown tables in `table`, header and rule rows left out."""
    cells = []
    for line in table.splitlines():
        if not line.startswith("|") or re.fullmatch(r"\|[\s|:-]+\|?", line.strip()):
            continue
        cells.append(re.split(r"(?<!\\)\|", line)[1].strip())
    return cells[1:] if cells else cells  # the first row is the header


def mentions(text: str, word: str) -> bool:
    """Whether `word` occurs in `text` as a whole token (so `--db` does not match `--dbfile`)."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


# -- walking the command line -------------------------------------------------------------------


def commands(
    group: click.Group = main, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Every command and subcommand under `group`, as (its path of names, the command)."""
    for name, command in sorted(group.commands.items()):
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))


COMMANDS = list(commands())
OPTIONS = [
    (path, param)
    for path, command in [((), main), *COMMANDS]
    for param in command.params
    if isinstance(param, click.Option) and not param.hidden
]


def _id(path: tuple[str, ...]) -> str:
    return " ".join(("strife", *path))


# -- commands -----------------------------------------------------------------------------------


def test_command_table_is_found() -> None:
    rows = first_cells(section(README.read_text(encoding="utf-8"), "Command line"))
    assert any(row.startswith("`strife ") for row in rows)


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[_id(p) for p, _ in COMMANDS])
def test_command_is_in_readme_command_table(path: tuple[str, ...], command: click.Command) -> None:
    rows = first_cells(section(README.read_text(encoding="utf-8"), "Command line"))
    name = _id(path)
    assert any(re.match(rf"`{re.escape(name)}(?=[\s`])", row) for row in rows), (
        f"README.md's command table has no row for `{name}`; add one: | `{name} ...` | what it does |"
    )


@pytest.mark.parametrize(
    ("path", "option"), OPTIONS, ids=[f"{_id(p)} {max(o.opts, key=len)}" for p, o in OPTIONS]
)
def test_option_is_documented(path: tuple[str, ...], option: click.Option) -> None:
    """An option is documented when README.md names it, or when its --help line explains it."""
    readme = README.read_text(encoding="utf-8")
    if any(mentions(readme, flag) for flag in option.opts):
        return
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    listed = any(mentions(result.output, flag) for flag in option.opts)
    assert listed and option.help, (
        f"option {'/'.join(option.opts)} of `{_id(path)}` is neither in README.md nor explained by "
        f"--help; give it help='...' or describe it in README.md"
    )


# -- settings -----------------------------------------------------------------------------------


def _settings_rows() -> dict[str, list[str]]:
    table = section(README.read_text(encoding="utf-8"), "Settings")
    rows = {}
    for line in table.splitlines():
        cells = [c.strip().strip("`") for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if cells and re.fullmatch(r"[A-Z][A-Z0-9_]+", cells[0]):
            rows[cells[0]] = cells
    return rows


@pytest.mark.parametrize("setting", SETTINGS, ids=[s.name for s in SETTINGS])
def test_setting_is_in_readme_settings_table(setting: Setting) -> None:
    assert setting.name in _settings_rows(), f"README.md's settings table has no row for {setting.name}"


@pytest.mark.parametrize("setting", SETTINGS, ids=[s.name for s in SETTINGS])
def test_setting_default_matches_readme(setting: Setting) -> None:
    name, default = setting.name, setting.default
    row = _settings_rows().get(name)
    if row is None:
        pytest.skip(f"{name} has no row (reported by test_setting_is_in_readme_settings_table)")
    assert len(row) > 1 and row[1] == default, (
        f"README.md gives {name} the default {row[1:2]}, the code {default!r}"
    )


def test_readme_lists_no_unknown_setting() -> None:
    known = {s.name for s in SETTINGS}
    assert set(_settings_rows()) <= known, (
        f"README.md documents settings the code lacks: {set(_settings_rows()) - known}"
    )


# -- the record ---------------------------------------------------------------------------------

EVENT_FIELDS = [f.name for f in dataclasses.fields(Event)]


def _codebook_fields() -> list[str]:
    table = section(CODEBOOK.read_text(encoding="utf-8"), "Fields of the record")
    return [cell.strip("`") for cell in first_cells(table)]


@pytest.mark.parametrize("name", EVENT_FIELDS)
def test_event_field_is_in_codebook(name: str) -> None:
    assert name in _codebook_fields(), f"CODEBOOK.md's 'Fields of the record' table has no row for `{name}`"


def test_codebook_lists_only_event_fields() -> None:
    extra = [name for name in _codebook_fields() if name not in EVENT_FIELDS]
    assert not extra, f"CODEBOOK.md documents fields strife.records.Event does not have: {extra}"


def test_codebook_lists_fields_in_record_order() -> None:
    assert [n for n in _codebook_fields() if n in EVENT_FIELDS] == EVENT_FIELDS


# -- data files ---------------------------------------------------------------------------------

DATA_FILES = sorted(
    entry.name
    for entry in resources.files("strife").joinpath("data").iterdir()
    if entry.is_file() and not entry.name.startswith((".", "__"))
)


def test_data_files_are_found() -> None:
    assert "triggers.tsv" in DATA_FILES


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_file_is_documented(name: str) -> None:
    docs = CODEBOOK.read_text(encoding="utf-8") + README.read_text(encoding="utf-8")
    assert mentions(docs, name), f"data file {name} is mentioned in neither CODEBOOK.md nor README.md"
