"""Folder entries and special files: every skipped entry is a Rejection with its reason; nothing blocks."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from strife.ingest import read_inputs
from strife.records import Article, Rejection

GOOD = b" date 2024-03-09 Troops and rebels clashed near the border town."
needs_posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX file types")


def _outcomes(*paths: Path) -> dict[str, str]:
    """Each outcome by the name it was read from: an Article's id, a Rejection's reason."""
    found: dict[str, str] = {}
    for item in read_inputs(paths):
        if isinstance(item, Article):
            found[Path(item.origin or "").name] = "article " + item.id
        else:
            found[Path(item.origin).name] = item.reason
    return found


def _read_within(seconds: float, *paths: Path) -> list[Article | Rejection]:
    """read_inputs run in a thread, so that a read which blocks fails the test instead of hanging it."""
    result: list[Article | Rejection] = []
    thread = threading.Thread(target=lambda: result.extend(read_inputs(paths)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "reading blocked"
    return result


@needs_posix
@pytest.mark.parametrize(
    ("make", "reason_start"),
    [
        (lambda p: p.symlink_to(p), "symlink loop"),
        (lambda p: p.symlink_to(p.parent / "nowhere.txt"), "dangling symlink"),
        (lambda p: p.symlink_to(p.parent), "symlink to a folder, not followed"),
        (lambda p: os.mkfifo(p), "a FIFO (named pipe), not a regular file"),
    ],
    ids=["loop", "dangling", "folder-link", "fifo"],
)
def test_skipped_folder_entry_is_a_rejection_and_the_walk_goes_on(
    tmp_path: Path, make: object, reason_start: str
) -> None:
    (tmp_path / "a.txt").write_bytes(GOOD)
    make(tmp_path / "b.txt")  # type: ignore[operator]
    (tmp_path / "c.txt").write_bytes(GOOD)
    found = _outcomes(tmp_path)
    assert (found["a.txt"], found["c.txt"]) == ("article a", "article c")
    assert found["b.txt"].startswith(reason_start) and len(found["b.txt"].splitlines()) == 1


@needs_posix
def test_a_two_link_loop_is_a_rejection_per_link(tmp_path: Path) -> None:
    (tmp_path / "x.txt").symlink_to(tmp_path / "y.txt")
    (tmp_path / "y.txt").symlink_to(tmp_path / "x.txt")
    found = _outcomes(tmp_path)
    assert sorted(found) == ["x.txt", "y.txt"] and all(r.startswith("symlink loop") for r in found.values())


@needs_posix
def test_a_socket_in_a_folder_is_a_rejection(tmp_path: Path) -> None:
    folder = Path("/tmp") / f"strife-sock-{os.getpid()}"  # AF_UNIX paths are short
    folder.mkdir()
    try:
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(str(folder / "s.txt"))
            assert _outcomes(folder)["s.txt"].startswith("a socket, not a regular file")
    finally:
        (folder / "s.txt").unlink(missing_ok=True)
        folder.rmdir()


def test_a_symlinked_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "real.data").write_bytes(GOOD)
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.data")
    assert _outcomes(tmp_path)["link.txt"] == "article link"


@needs_posix
def test_a_fifo_named_on_the_command_line_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (rejection,) = _read_within(5, fifo)
    assert isinstance(rejection, Rejection) and rejection.reason.startswith("a FIFO (named pipe)")


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_a_device_is_refused_without_being_read() -> None:
    (rejection,) = _read_within(5, Path("/dev/null"))
    assert isinstance(rejection, Rejection) and rejection.reason.startswith("a character device")


@needs_posix
def test_a_symlink_loop_named_on_the_command_line_is_a_rejection(tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (rejection,) = read_inputs([tmp_path / "loop"])
    assert isinstance(rejection, Rejection) and rejection.reason.startswith("symlink loop")


@pytest.mark.parametrize("name", ["notes.md", "data.json", "scan.pdf", "photo.JPG", "feed.xml", "a.txt.bak"])
def test_an_unknown_extension_in_a_folder_is_a_rejection_naming_it(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(GOOD)
    reason = _outcomes(tmp_path)[name]
    suffix = Path(name).suffix.lower()
    assert reason.startswith(f"unknown extension '{suffix}'; in a folder strife reads .txt .text .jsonl")


@pytest.mark.parametrize(
    "name",
    ["a.txt", "a.TXT", "a.text", "a", "a.jsonl", "a.ndjson", "a.csv", "a.tsv", "a.html", "a.htm", "a.xhtml"],
)
def test_the_extensions_read_in_a_folder(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(GOOD)
    (item,) = read_inputs([tmp_path])
    assert "unknown extension" not in getattr(item, "reason", "")


def test_a_deeply_nested_folder_is_walked_without_recursion(tmp_path: Path) -> None:
    levels = [tmp_path / "top"]
    for _ in range(1100):  # past Python's recursion limit of 1000
        levels.append(levels[-1] / "d")
    try:
        for level in levels:
            level.mkdir()
        (levels[-1] / "bottom.txt").write_bytes(GOOD)
        assert [item.id for item in read_inputs([levels[0]])] == ["bottom"]
    finally:  # bottom up: pytest's own clean-up (shutil.rmtree) recurses and would fail
        (levels[-1] / "bottom.txt").unlink(missing_ok=True)
        for level in reversed(levels):
            if level.exists():
                level.rmdir()


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="Linux /proc")
def test_an_error_while_reading_a_file_is_its_rejection_and_the_inputs_go_on(tmp_path: Path) -> None:
    (tmp_path / "after.txt").write_bytes(GOOD)
    failing = Path("/proc/self/mem")  # a regular file whose first read fails (EIO)
    items = list(read_inputs([failing, tmp_path]))
    assert [type(item).__name__ for item in items] == ["Rejection", "Article"]
    assert items[0].origin == "/proc/self/mem" and items[0].reason.startswith("reading stopped (")  # type: ignore[union-attr]


def test_strifes_own_store_files_are_skipped_silently(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(GOOD)
    (tmp_path / "strife.duckdb").write_bytes(b"DUCK\x00")
    (tmp_path / "strife.duckdb.wal").write_bytes(b"\x00")
    assert [item.id for item in read_inputs([tmp_path])] == ["a"]


@pytest.mark.parametrize("error", [KeyError("bug"), UnicodeError("odd"), RecursionError(), MemoryError()])
def test_an_error_escaping_a_reader_is_the_inputs_last_rejection(error: Exception) -> None:
    from strife.ingest.files import UNEXPECTED, _guarded

    def reader() -> Iterator[Article | Rejection]:
        yield Article(id="a", text="First row.", origin="batch.jsonl:1")
        raise error

    first, last = _guarded("batch.jsonl", "batch", reader())
    assert isinstance(first, Article) and isinstance(last, Rejection)
    assert (last.origin, last.article_id) == ("batch.jsonl", "batch")
    assert last.reason.startswith(f"{UNEXPECTED} ({type(error).__name__}")
