"""Units: one per input file, keyed by path and bytes, folder entries that are not inputs rejected."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from strife.distributed.units import expand, unit_key


def test_a_folder_is_walked_in_order_into_one_unit_per_file(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.jsonl"):
        (tmp_path / name).write_text("date 2024-05-01\nGunmen attacked a village.", encoding="utf-8")
    units, rejections = expand([tmp_path])
    assert [Path(u.path).name for u in units] == ["a.txt", "b.txt", "c.jsonl"] and rejections == []


def test_the_key_is_the_same_on_a_rerun_and_changes_with_the_bytes(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("date 2024-05-01\nGunmen attacked a village.", encoding="utf-8")
    first = unit_key(story)
    assert unit_key(story) == first
    story.write_text("date 2024-05-01\nGunmen attacked two villages.", encoding="utf-8")
    assert unit_key(story) != first


def test_the_same_bytes_at_two_paths_are_two_units(tmp_path: Path) -> None:
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text("same text", encoding="utf-8")
    units, _ = expand([tmp_path])
    assert len({u.key for u in units}) == 2


def test_an_entry_the_reader_would_skip_is_a_rejection(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("text", encoding="utf-8")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    units, rejections = expand([tmp_path])
    assert len(units) == 1 and len(rejections) == 1 and "dangling" in rejections[0].origin


def test_standard_input_cannot_go_to_a_cluster() -> None:
    with pytest.raises(ValueError, match="standard input"):
        expand(["-"])
