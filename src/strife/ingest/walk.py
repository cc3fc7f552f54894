"""Folders and file types: which entries are inputs, and why each one that is not is skipped.

"Never vanishes" is the promise: every entry of a folder is read or becomes a Rejection
naming its cause (a symlink loop, a dangling link, a symlinked folder, a FIFO, socket or
device, an extension strife does not read). Two exceptions are skipped silently, since
a folder of articles commonly carries them and none is an article: hidden names (`.git`,
`.DS_Store`, an editor's `.draft.txt`), as the README says, and strife's own DuckDB store
(`strife.duckdb` and its `.wal` journal), which `strife ingest .` would otherwise report
as a rejection on every run.

Special files are found with stat() before anything is opened: opening a FIFO blocks
until a writer comes, and opening a device may have effects. A file is opened with
O_NONBLOCK and checked again (fstat), so one swapped for a FIFO between the two looks
is refused too, without blocking.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Literal

from strife.ingest.text import path_text, quoted
from strife.records import Rejection

# Suffixes that pick a reader; in a folder, files with these or with `.txt`, `.text` or
# no suffix at all are read, and any other is a rejection. A file named on its own is
# always read, whatever its suffix.
SUFFIX_KINDS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
DIRECTORY_SUFFIXES = frozenset({*SUFFIX_KINDS, ".txt", ".text", ""})
WARC_ENDINGS = (".warc", ".warc.gz")  # web archives (warc.py), recognised by the name's ending
_STORE_SUFFIXES = (".duckdb", ".duckdb.wal")
_READ_LIST = (
    ".txt .text .jsonl .ndjson .csv .tsv .html .htm .xhtml .warc .warc.gz and names without an extension"
)

_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def special_file_reason(mode: int) -> str | None:
    """None for a regular file, else why a file of this `mode` is not read."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder where a file was expected; check the path"
    kind = next((name for test, name in _SPECIAL if test(mode)), "not a regular file")
    return f"{kind}, not a regular file; strife reads files (pipe a stream to standard input with '-')"


def stat_problem(exc: OSError, *, link: bool) -> str:
    """The one-line reason for a failed stat() of an entry (`link` when it is a symlink)."""
    if exc.errno == errno.ELOOP:
        return "symlink loop (the link leads back to itself); remove the link or point it at a file"
    if exc.errno == errno.ENOENT and link:
        return "dangling symlink (its target does not exist); remove the link or restore the target"
    if exc.errno == errno.ENOENT:
        return "no such file; check the path"
    strerror = exc.strerror or type(exc).__name__
    return f"cannot look at the file ({strerror}); check that it exists and is readable"


def open_regular(path: Path) -> tuple[BinaryIO, int] | str:
    """The file opened for binary reading, with its size; or why it is not read.

    Raises OSError only for failures of open() itself (permissions, races).
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return stat_problem(exc, link=path.is_symlink())
    problem = special_file_reason(mode)
    if problem is not None:
        return problem
    flags = (
        os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    )
    fd = os.open(path, flags)
    try:
        status = os.fstat(fd)
        problem = special_file_reason(status.st_mode)  # swapped since the stat() above
        if problem is not None:
            os.close(fd)
            return problem
        return os.fdopen(fd, "rb", buffering=64 * 1024), status.st_size
    except BaseException:
        os.close(fd)
        raise


def walk(directory: Path) -> Iterator[Path | Rejection]:
    """The input files under `directory`, depth first in sorted order, and a Rejection per skipped entry.

    Iterative (a stack of listings), so a deeply nested tree cannot exhaust Python's
    recursion limit. Symlinked folders are not followed (a link back up the tree would
    loop); symlinked files are read.
    """
    pending: list[Iterator[os.DirEntry[str]]] = []
    listing = _listing(directory)
    if isinstance(listing, Rejection):
        yield listing
        return
    pending.append(listing)
    while pending:
        entry = next(pending[-1], None)
        if entry is None:
            pending.pop()
            continue
        if entry.name.startswith(".") or entry.name.lower().endswith(_STORE_SUFFIXES):
            continue
        found = _entry(entry)
        if found == _FOLDER:
            below = _listing(Path(entry.path))
            if isinstance(below, Rejection):
                yield below
            else:
                pending.append(below)
        else:
            yield found


def _listing(directory: Path) -> Iterator[os.DirEntry[str]] | Rejection:
    try:
        with os.scandir(directory) as entries:
            return iter(sorted(entries, key=lambda entry: entry.name))
    except OSError as exc:
        reason = f"cannot list the folder ({exc.strerror or type(exc).__name__}); check its permissions"
        return Rejection(path_text(directory), "read", reason)


_FOLDER: Literal["folder"] = "folder"


def _entry(entry: os.DirEntry[str]) -> Path | Rejection | Literal["folder"]:
    """One folder entry: _FOLDER to descend into, the Path of an input, or a Rejection."""
    path = Path(entry.path)
    origin = path_text(path)
    try:
        link = entry.is_symlink()
        if not link and entry.is_dir(follow_symlinks=False):
            return _FOLDER
        mode = os.stat(path).st_mode  # follows a link to what it points at
    except OSError as exc:
        return Rejection(origin, "read", stat_problem(exc, link=path.is_symlink()), path_text(path.stem))
    if stat.S_ISDIR(mode):
        reason = (
            "symlink to a folder, not followed (it could loop back up the tree); "
            "name the folder itself as an input"
        )
        return Rejection(origin, "read", reason)
    problem = special_file_reason(mode)
    if problem is not None:
        return Rejection(origin, "read", problem, path_text(path.stem))
    suffix = path.suffix.lower()
    if suffix not in DIRECTORY_SUFFIXES and not path.name.lower().endswith(WARC_ENDINGS):
        reason = f"unknown extension {quoted(suffix)}; in a folder strife reads {_READ_LIST}"
        return Rejection(origin, "read", reason, path_text(path.stem))
    return path
