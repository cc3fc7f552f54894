"""The inputs of a distributed run as units: one file each, with a key that survives reruns.

A unit is coded and its shard written as a whole, so the unit is what a resumed run skips.
Its key hashes the path and the bytes: a rerun over the same inputs finds the same keys
(and skips their finished shards), while an edited file is coded again. Folders are walked
as the local reader walks them, and every entry it would not read is a Rejection here too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from strife.ingest.text import path_text
from strife.ingest.walk import walk
from strife.records import Rejection


@dataclass(frozen=True)
class Unit:
    """One input file of a distributed run; `path` as the OS gives it (undecodable bytes kept)."""

    path: str
    key: str


def unit_key(path: Path) -> str:
    """A hash of the path and the file's bytes (of the path alone when the file cannot be read)."""
    digest = hashlib.sha256(path_text(path).encode("utf-8", "surrogateescape") + b"\0")
    try:
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        digest.update(b"unreadable")  # the worker's reader turns the file into a Rejection
    return digest.hexdigest()[:24]


def expand(inputs: Iterable[str | Path]) -> tuple[list[Unit], list[Rejection]]:
    """Units in input order (folders walked, sorted), and the folder entries that are not inputs."""
    units: list[Unit] = []
    rejections: list[Rejection] = []
    for item in inputs:
        if str(item) == "-":
            raise ValueError("standard input cannot be coded on a cluster; save it to a file and name that")
        path = Path(item)
        entries = walk(path) if path.is_dir() else [path]
        for entry in entries:
            if isinstance(entry, Rejection):
                rejections.append(entry)
            else:
                units.append(Unit(str(entry), unit_key(entry)))
    return units, rejections
