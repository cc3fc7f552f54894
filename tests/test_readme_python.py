"""The README's Python section runs as written (doctest of its examples)."""

from __future__ import annotations

import doctest
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_python_examples_run() -> None:
    cwd = Path.cwd()
    os.chdir(ROOT)  # the examples name examples/ relative to the project root
    try:
        result = doctest.testfile(
            str(ROOT / "README.md"), module_relative=False, optionflags=doctest.ELLIPSIS, verbose=False
        )
    finally:
        os.chdir(cwd)
    assert result.attempted >= 8, "the README's Python section lost its examples"
    assert result.failed == 0
