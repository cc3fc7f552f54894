"""Shards: a unit's outcomes written as Parquet and read back equal, finished only by their marker."""

from __future__ import annotations

from pathlib import Path

import pytest

from strife.distributed.shards import is_done, read_shard, write_shard
from strife.ingest import read_inputs
from strife.pipeline import Outcome, Pipeline

pytest.importorskip("pyarrow", reason="shards need the 'ray' extra (pyarrow)")

STORY = (
    "date 2024-05-17\n"
    "Gunmen killed 12 civilians in an attack on the village of Kaya in Burkina Faso on Tuesday, "
    "local officials said. Separately, troops clashed with Ansar al-Islam fighters near Djibo on "
    "Wednesday, and four soldiers were killed, the army said.\n"
)


@pytest.fixture(scope="module")
def outcomes(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> list[Outcome]:
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "kaya.txt").write_text(STORY, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return list(pipeline.run(read_inputs([folder])))


def test_outcomes_read_back_equal_to_those_written(outcomes: list[Outcome], tmp_path: Path) -> None:
    assert sum(len(o.events) for o in outcomes) >= 2 and any(o.rejection for o in outcomes)
    counts = write_shard(tmp_path, "k1", "inputs", outcomes, seconds=1.5)
    back = list(read_shard(tmp_path, "k1"))
    assert [o.article for o in back] == [o.article for o in outcomes]
    assert [o.rejection for o in back] == [o.rejection for o in outcomes]
    assert [[e.to_dict() for e in o.events] for o in back] == [
        [e.to_dict() for e in o.events] for o in outcomes
    ]
    assert counts.events == sum(len(o.events) for o in outcomes) and counts.rejections == 1


def test_events_are_partitioned_by_country_and_month(outcomes: list[Outcome], tmp_path: Path) -> None:
    write_shard(tmp_path, "k1", "inputs", outcomes, seconds=1.0)
    folders = {p.parent.relative_to(tmp_path).as_posix() for p in tmp_path.glob("events/*/*/*.parquet")}
    assert folders == {"events/country=Burkina Faso/month=2024-05"}


def test_a_unit_is_done_only_once_its_marker_is_written(outcomes: list[Outcome], tmp_path: Path) -> None:
    assert not is_done(tmp_path, "k1")
    write_shard(tmp_path, "k1", "inputs", outcomes, seconds=1.0)
    assert is_done(tmp_path, "k1")


def test_rewriting_a_unit_leaves_no_part_of_the_old_shard(outcomes: list[Outcome], tmp_path: Path) -> None:
    write_shard(tmp_path, "k1", "inputs", outcomes, seconds=1.0)
    write_shard(tmp_path, "k1", "inputs", outcomes[:1], seconds=1.0)  # the empty file's rejection gone
    assert len(list(read_shard(tmp_path, "k1"))) == 1
