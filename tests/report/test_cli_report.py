"""`strife report`: a brief file from the command line, and one-line errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from report_helpers import expected_summary

from strife.cli import main


def _report(example_store: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["report", "--db", str(example_store), *args])
    return result.exit_code, result.output


def test_writes_an_html_brief(example_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "drc.html"
    period = ["--from", "2024-03-04", "--to", "2024-03-10", "--compare", "same-last-year"]
    code, output = _report(
        example_store, "--country", "Democratic Republic of Congo", *period, "-o", str(out)
    )
    assert code == 0, output
    assert str(out) in output
    page = out.read_text(encoding="utf-8")
    drc = expected_summary(example_store, "Democratic Republic of Congo", date(2024, 3, 4), date(2024, 3, 10))
    assert drc in page and drc.split(" in ")[0] in output
    assert "North Kivu" in page and "same period last year" in page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2024-03-10", "--to", "2024-03-04", "-o", "x.html"], "swap --from and --to"),
        (["--from", "2024-03-04", "--to", "2024-03-10", "-o", "x.txt"], "pass --format html, md or pdf"),
        (["--from", "2024-03-04", "--to", "2024-03-10", "-o", "no/such/folder/x.html"], "cannot write"),
    ],
)
def test_errors_are_one_line(example_store: Path, tmp_path: Path, args: list[str], message: str) -> None:
    args = [str(tmp_path / a) if a.startswith(("x.", "no/")) else a for a in args]
    code, output = _report(example_store, "--country", "Sudan", *args)
    assert code != 0 and message in output and len(output.strip().splitlines()) == 1
