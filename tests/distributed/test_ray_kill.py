"""kill -9 of a Ray run's driver once some shards are written, then the same command again: the
store ends as a clean run's (article ids, events with their evidence, merged occurrences),
nothing lost or doubled, and the resumed run codes only what the killed ones left.

The driver (`strife ingest --engine ray`) runs as a child process in a session of its own, with
Ray's files under a private folder (RAY_TMPDIR). After each kill, every process that carries
that folder in its environment (the local cluster the driver started: GCS, raylet, the coding
actors) is given 15 s to stop with its driver and is then killed by its id, so no cluster
outlives a kill or the test (the actors stop within seconds; Ray's dashboard and runtime-env
agents take about a minute, and are the ones killed here). The kill points are drawn at
random (STRIFE_KILL_SEED repeats one). Marked `distributed` and `slow`: three cluster starts,
about six minutes on two loaded cores.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import strife

pytestmark = [
    pytest.mark.distributed,
    pytest.mark.slow,
    pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="needs the 'ray' extra"),
]

INPUTS = 28  # files: enough that the actors take several seconds after their first shard
RUN_LIMIT = 480  # seconds one driver may take on a loaded machine


@pytest.fixture(scope="module")
def inputs(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """INPUTS files: the examples' stories, in copies that differ by a closing line (distinct texts)."""
    folder = tmp_path_factory.mktemp("inputs")
    stories = sorted(examples_dir.glob("*.txt"))
    for number in range(INPUTS):
        story = stories[number % len(stories)]
        text = story.read_text(encoding="utf-8").rstrip("\n") + f"\n\nFiled by desk {number}.\n"
        (folder / f"{number:03d}-{story.name}").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def ray_dir() -> Iterator[str]:
    # Short, under /tmp: Ray's socket paths inside it must fit in 107 bytes.
    folder = tempfile.mkdtemp(prefix="rk-", dir="/tmp")
    try:
        yield folder
    finally:
        _reap(folder, grace=0.0)
        shutil.rmtree(folder, ignore_errors=True)


def _driver(inputs: Path, db: Path, ray_dir: str, log: Path) -> subprocess.Popen[bytes]:
    """`strife ingest --engine ray` in a session of its own, its output in `log` (a pipe nobody
    reads would fill up and stall it)."""
    command = [sys.executable, "-c", "from strife.cli import main; main()", "ingest", str(inputs),
               "--engine", "ray", "--workers", "2", "--db", str(db)]  # fmt: skip
    env = {**os.environ, "RAY_TMPDIR": ray_dir}
    with log.open("ab") as out:
        return subprocess.Popen(command, env=env, start_new_session=True, stdout=out, stderr=out)


def _cluster(ray_dir: str) -> list[int]:
    """The processes whose environment names this Ray folder: the driver's cluster, and only it."""
    marker = f"RAY_TMPDIR={ray_dir}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                environ = (entry / "environ").read_bytes()
            except OSError:
                continue  # gone, or not ours
            if marker in environ.split(b"\0"):
                found.append(int(entry.name))
    return found


def _reap(ray_dir: str, grace: float) -> list[str]:
    """Wait `grace` seconds for the cluster to stop by itself, then kill what is left; their names back."""
    deadline = time.monotonic() + grace
    while (left := _cluster(ray_dir)) and time.monotonic() < deadline:
        time.sleep(0.5)
    names = []
    for pid in left:
        with contextlib.suppress(OSError):  # it stopped meanwhile
            names.append(Path(f"/proc/{pid}/comm").read_text(encoding="utf-8").strip())
            os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while _cluster(ray_dir) and time.monotonic() < deadline:
        time.sleep(0.2)
    return names


def _done(db: Path) -> int:
    return len(list(Path(f"{db}.shards", "done").glob("*.json")))


def _kill_once_shards_are_written(
    inputs: Path, db: Path, ray_dir: str, target: int, draw: random.Random
) -> bool:
    """Start the driver, kill -9 it once `target` shards are done (a drawn moment into the folding
    of shards into the store when that is all of them), then clean up the cluster it started;
    True when the kill landed before the driver finished."""
    driver = _driver(inputs, db, ray_dir, db.with_suffix(".log"))
    started = time.monotonic()
    while driver.poll() is None and _done(db) < target and time.monotonic() - started < RUN_LIMIT:
        time.sleep(0.05)
    if target == INPUTS:
        time.sleep(draw.uniform(0.0, 2.0))  # into the folding of shards into the store
    landed = driver.poll() is None
    os.kill(driver.pid, signal.SIGKILL)  # the driver alone, as kill -9 PID does
    driver.wait()
    survivors = _reap(ray_dir, grace=15.0)
    with contextlib.suppress(ProcessLookupError):  # and anything else left in its session
        os.killpg(driver.pid, signal.SIGKILL)
    print(f"killed at {_done(db)} of {INPUTS} shards; outlived it by 15 s, then killed: {survivors}")
    assert _cluster(ray_dir) == []
    return landed


def _snapshot(db: Path) -> dict[str, object]:
    with strife.open_store(db, read_only=True) as store:
        cursor = store.store.cursor()
        try:
            articles = sorted(row[0] for row in cursor.execute("SELECT id FROM articles").fetchall())
        finally:
            cursor.close()
        return {
            "articles": articles,
            "reports": sorted(json.dumps(e.to_dict(), sort_keys=True) for e in store.events(per_report=True)),
            "events": sorted(json.dumps(e.to_dict(), sort_keys=True) for e in store.events()),
        }


def test_killed_ray_runs_resume_to_the_clean_store(inputs: Path, ray_dir: str, tmp_path: Path) -> None:
    draw = random.Random(os.environ.get("STRIFE_KILL_SEED", "11"))
    killed = tmp_path / "killed.duckdb"
    # The first kill while the actors code; the second while they code or while the driver folds.
    first = _kill_once_shards_are_written(inputs, killed, ray_dir, draw.randint(1, INPUTS - 2), draw)
    assert first, "the first driver finished before it was killed: give it more inputs"
    second = draw.randint(min(_done(killed) + 1, INPUTS), INPUTS)
    _kill_once_shards_are_written(inputs, killed, ray_dir, second, draw)
    left = INPUTS - _done(killed)

    log = tmp_path / "resumed.log"
    resumed = _driver(inputs, killed, ray_dir, log)
    resumed.wait(timeout=RUN_LIMIT)
    said = log.read_text(encoding="utf-8", errors="replace")
    assert resumed.returncode == 0, said[-3000:]
    assert f"ray: {left} of {INPUTS} inputs coded" in said  # only what the killed runs left

    clean = tmp_path / "clean.duckdb"
    with strife.open_store(clean) as store:  # the local runner stores what a Ray run stores (test_ray.py)
        store.ingest([inputs])
    expected = _snapshot(clean)
    assert len(expected["articles"]) == INPUTS and _snapshot(killed) == expected  # type: ignore[arg-type]
