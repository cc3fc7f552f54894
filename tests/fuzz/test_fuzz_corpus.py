"""A generated corpus of ~2,000 hostile inputs, read as `strife ingest` reads a folder.

Every input is built to give exactly one outcome (an article file, or a collection of one
line), so the count is checkable: each entry written, hidden names aside, is accounted
for by exactly one Article or Rejection bearing its origin, with no reader error caught
by the last-resort guard.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import re
import socket
from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

import pytest

from strife.ingest import read_inputs
from strife.ingest.text import path_text
from strife.records import Article, Rejection

Check = Callable[[object], None]
SENTENCES = [
    "Gunmen attacked the village of Kaya in Burkina Faso on Tuesday, killing 12 civilians.",
    "Les réfugiés ont quitté la ville à cause des combats, a déclaré l'élu de Zürich.",
    "Em São Paulo, a polícia disse que três pessoas morreram; un ñandú fue visto.",
    "Беженцы покинули город из-за боёв, сообщили местные власти.",
    "東京で大規模な抗議活動が行われ、警察によると数千人が参加した。",
]
ENCODINGS = ["cp1252", "latin-1", "utf-16", "utf-32", "utf-8-sig", "cp1251", "koi8_r", "shift_jis", "gb18030"]
ENCODINGS += ["big5", "cp500", "utf-7", "mac_roman", "cp437", "iso8859_7"]
BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE]


class Corpus:
    """Writes entries into a folder and remembers the origin each one must be reported under."""

    def __init__(self, root: Path, rng: random.Random) -> None:
        self.root, self.rng = root, rng
        self.expected: Counter[str] = Counter()
        self.count = 0

    def path(self, suffix: str, raw_name: bytes | None = None) -> Path:
        self.count += 1
        folder = self.root / f"part{self.count % 20:02d}"  # a tree, not one flat folder
        folder.mkdir(exist_ok=True)
        name = raw_name or f"f{self.count:05d}{suffix}".encode()
        path = Path(os.fsdecode(os.fsencode(folder) + b"/" + name))
        self.expected[path_text(path)] += 1
        return path

    def write(self, suffix: str, data: bytes) -> None:
        self.path(suffix).write_bytes(data)

    def noise(self, size: int) -> bytes:
        return self.rng.randbytes(size)

    def line(self, size: int) -> bytes:
        """Random bytes with no newline: one line of a collection."""
        return self.noise(size).replace(b"\n", b" ")

    def text(self) -> str:
        return " date 2024-03-09 " + " ".join(self.rng.choices(SENTENCES, k=self.rng.randint(1, 4)))


def _write_corpus(corpus: Corpus, stack: ExitStack) -> int:
    """Writes the corpus; returns the number of hidden entries (skipped silently, by design)."""
    rng = corpus.rng
    for _ in range(350):  # random bytes, with and without NULs
        noise = corpus.noise(rng.randint(1, 3000))
        corpus.write(rng.choice([".txt", ".text", ""]), rng.choice([noise, noise.replace(b"\x00", b"")]))
    for _ in range(200):  # UTF-8 cut mid-character, or with bytes flipped
        data = corpus.text().encode()
        cut = data[: rng.randint(1, len(data))]
        if rng.random() < 0.5:
            at = rng.randrange(len(cut))
            cut = cut[:at] + bytes([rng.randint(0x80, 0xFF)]) + cut[at + 1 :]
        corpus.write(".txt", cut)
    for _ in range(150):  # NUL bytes in text and in collections
        data = corpus.text().encode()
        at = rng.randrange(len(data))
        corpus.write(rng.choice([".txt", ".jsonl", ".csv"]), data[:at] + b"\x00" + data[at:])
    for _ in range(250):  # odd encodings
        text = corpus.text()
        encoding = rng.choice(ENCODINGS)
        corpus.write(".txt", text.encode(encoding, errors="replace"))
    for _ in range(100):  # byte-order marks before text, noise or nothing
        tail = rng.choice([b"", corpus.text().encode(), corpus.line(200)])
        corpus.write(rng.choice([".txt", ".jsonl", ".csv"]), rng.choice(BOMS) + tail)
    for _ in range(100):  # empty and blank files of every kind
        corpus.write(
            rng.choice([".txt", ".jsonl", ".csv", ".html", ""]), rng.choice([b"", b"\n\n", b" \t\r\n"])
        )
    for _ in range(150):  # deep JSON, one line each
        depth = rng.choice([10, 999, 1000, 1001, 5000, 50_000])
        opener, closer = rng.choice([("[", "]"), ('{"a":', "}")])
        corpus.write(".jsonl", ('{"text": ' + opener * depth + "1" + closer * depth + "}\n").encode())
    for _ in range(150):  # JSONL: one line of noise, or of values of the wrong kind
        value = rng.choice([[1, 2], {"x": ["y"]}, 5, None, True, "text", {"text": ["x"]}, {"id": 1.5}])
        line = rng.choice([corpus.line(rng.randint(1, 500)), json.dumps(value).encode()])
        corpus.write(rng.choice([".jsonl", ".ndjson"]), line + b"\n")
    for _ in range(100):  # JSONL: one valid row with hostile values
        row = {
            "id": rng.choice(["a\ud800", 7, "", "x" * 300]),
            "date": rng.choice(["9999-12-31", "0001-01-01", "२०२४-०३-०९", "2024-02-30", "2024-03-09", None]),
            "text": rng.choice(SENTENCES) + rng.choice(["", "\ud83d", "\x00", "\u2028"]),
            "url": rng.choice([["u"], "https://x.org", None]),
        }
        corpus.write(".jsonl", json.dumps(row).encode() + b"\n")
    for _ in range(100):  # CSV: a header and one row of noise
        corpus.write(
            rng.choice([".csv", ".tsv"]), b"id,text,date\n" + corpus.line(rng.randint(1, 400)) + b"\n"
        )
    for _ in range(40):  # HTML: noise, broken markup, deep markup
        body = rng.choice(
            [
                corpus.noise(300),
                b"<div>" * 3000 + b"text" + b"</div>" * 10,
                b"<html><body><p>" + corpus.line(300),
            ]
        )
        corpus.write(rng.choice([".html", ".htm"]), body)
    for _ in range(5):  # huge: over the character limit, in one line or many
        corpus.write(".txt", b" date 2024-03-09 " + b"x" * 950_000)
        corpus.write(".jsonl", json.dumps({"text": "y" * 950_000}).encode() + b"\n")
    for _ in range(60):  # file names in legacy encodings, with controls, with bidi marks
        raw = rng.choice([b"caf\xe9", b"\xff\xfe", b"two\nlines", b"\xe2\x80\xaeevil", b"tab\there"])
        corpus.path(".txt", raw + f"-{corpus.count}.txt".encode()).write_bytes(corpus.text().encode())
    for _ in range(60):  # extensions strife does not read
        corpus.write(rng.choice([".md", ".json", ".pdf", ".xml", ".bak", ".JPG"]), corpus.text().encode())
    for _ in range(20):  # symlinks: loops, dangling, to folders
        corpus.path(".txt").symlink_to(corpus.root / "part00", target_is_directory=True)
        loop = corpus.path(".txt")
        loop.symlink_to(loop)
        corpus.path(".txt").symlink_to(corpus.root / "nowhere.txt")
    for _ in range(20):  # FIFOs: never opened, so nothing blocks
        os.mkfifo(corpus.path(".txt"))
    for _ in range(5):  # sockets, where the path is short enough to bind
        path = corpus.path(".txt")
        if len(os.fsencode(path)) < 100:
            server = stack.enter_context(socket.socket(socket.AF_UNIX))
            server.bind(str(path))
        else:
            corpus.expected[path_text(path)] -= 1
    for _ in range(100):  # good articles, so the corpus is not all rejections
        corpus.write(rng.choice([".txt", ".html", ""]), corpus.text().encode())
    for index in range(20):  # hidden: skipped silently, as the README says
        (corpus.root / f"part{index:02d}" / f".hidden{index}.txt").write_bytes(corpus.text().encode())
    return 20


def _base(origin: str) -> str:
    return re.sub(r":[0-9]+\Z", "", origin)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX file types")
def test_every_hostile_input_is_one_article_or_one_rejection(tmp_path: Path, sound: Check) -> None:
    corpus = Corpus(tmp_path / "corpus", random.Random(18))
    corpus.root.mkdir()
    with ExitStack() as stack:
        hidden = _write_corpus(corpus, stack)
        outcomes = list(read_inputs([corpus.root]))
    for item in outcomes:
        sound(item)
    articles = sum(isinstance(item, Article) for item in outcomes)
    rejections = sum(isinstance(item, Rejection) for item in outcomes)
    written = sum(corpus.expected.values())
    assert written >= 1900 and hidden == 20
    assert articles + rejections == written
    assert Counter(_base(item.origin or "") for item in outcomes) == +corpus.expected
    assert 100 <= articles < written // 2
