"""The training corpus of the learned heads: labelled sentences in TSV files.

Everything lives under `data/training/`:

- `labels.tsv`: the label set of each head (`head`, `label`, `group`, `description`);
- `examples/*.tsv`: one example a line (`label`, `text`, `source`, `split`);
- `wikievents_map.tsv`: how `scripts/build_training_corpus.py` maps WikiEvents types
  (read by the script only).

One reader serves all of them: lines starting with `#` are comments, blank lines are
skipped, the first other line names the columns, and every error names the place as
`file:line: what is wrong`. An unknown column or label is an error, not a silent skip,
so a typo in a label cannot quietly shrink a class.

The `split` column is part of the data, not drawn at load time: `split_for` decides it
from a key (the text for sentences we wrote, the document id for sentences taken from
an article, so that one article's sentences all fall on one side), and a test checks
that every row agrees with it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

TRAINING_DIR = Path(__file__).resolve().parents[1] / "data" / "training"

Split = Literal["train", "heldout"]
HeadName = Literal["subtype", "eventhood"]
HEADS: tuple[HeadName, ...] = ("subtype", "eventhood")
SPLITS: tuple[Split, ...] = ("train", "heldout")

EVENT = "event"
EXAMPLE_COLUMNS = ("label", "text", "source", "split")
LABEL_COLUMNS = ("head", "label", "group", "description")
HELDOUT_PERCENT = 25

# Sources whose sub-type sentences do not also teach event-hood. A WikiEvents trigger
# sentence names the kind of attack well, but is often history in its own document (a
# Wikipedia page, a trial report years later), so as an "event" example it would teach
# the event-hood head that dated history is news.
NOT_EVENTHOOD_SOURCES = ("wikievents",)


class CorpusError(ValueError):
    """A training file that cannot be read; the message starts with `file:line:`."""


@dataclass(frozen=True)
class Example:
    """One labelled sentence. `source` says where it came from (`strife-authors`, `<file>#<id>`)."""

    label: str
    text: str
    source: str
    split: Split


@dataclass(frozen=True)
class Row:
    """One data line of a table: its line number and its cells by column name."""

    line: int
    cells: dict[str, str]


@dataclass(frozen=True)
class Labels:
    """The label set of each head, in file order, and the group of each label."""

    by_head: dict[str, tuple[str, ...]]
    group: dict[str, str]

    def head_of(self, label: str) -> str | None:
        return next((head for head, labels in self.by_head.items() if label in labels), None)

    def of(self, head: str) -> tuple[str, ...]:
        return self.by_head[head]


@dataclass(frozen=True)
class Corpus:
    """All examples with the label sets they were checked against."""

    labels: Labels
    examples: tuple[Example, ...]


def head_examples(examples: Iterable[Example], labels: Labels, head: HeadName) -> list[Example]:
    """`examples` as seen by one head, relabelled for it.

    Sub-type examples count as `event` examples for the event-hood head (except those of
    `NOT_EVENTHOOD_SOURCES`), so both heads learn from one set of event sentences.
    """
    out: list[Example] = []
    for example in examples:
        owner = labels.head_of(example.label)
        if owner == head:
            out.append(example)
        elif head == "eventhood" and owner == "subtype" and not _is_not_eventhood(example.source):
            out.append(Example(EVENT, example.text, example.source, example.split))
    return out


def _is_not_eventhood(source: str) -> bool:
    return source.split("#", 1)[0].split(":", 1)[0] in NOT_EVENTHOOD_SOURCES


def split_for(key: str) -> Split:
    """The split of an example, decided by a hash of `key`: about 25% are held out."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return "heldout" if int.from_bytes(digest[:8], "big") % 100 < HELDOUT_PERCENT else "train"


def split_key(example: Example) -> str:
    """What an example's split is decided by: its document for article sentences, else its text."""
    return example.source if "#" in example.source else example.text


def read_table(path: Path, columns: Sequence[str]) -> list[Row]:
    """Rows of a TSV file whose header must name exactly `columns` (in any order)."""
    rows: list[Row] = []
    header: list[str] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if header is None:
            header = _check_header(path, number, cells, columns)
            continue
        if len(cells) != len(header):
            raise CorpusError(f"{path}:{number}: {len(cells)} fields, the header names {len(header)}")
        rows.append(Row(number, {name: cell.strip() for name, cell in zip(header, cells, strict=True)}))
    if header is None:
        raise CorpusError(f"{path}:1: no header line (expected columns: {', '.join(columns)})")
    return rows


def _check_header(path: Path, number: int, cells: list[str], columns: Sequence[str]) -> list[str]:
    names = [cell.strip() for cell in cells]
    unknown = [name for name in names if name not in columns]
    if unknown:
        raise CorpusError(
            f"{path}:{number}: unknown column {unknown[0]!r} (known columns: {', '.join(columns)})"
        )
    missing = [name for name in columns if name not in names]
    if missing:
        raise CorpusError(f"{path}:{number}: missing column {missing[0]!r}")
    if len(set(names)) != len(names):
        raise CorpusError(f"{path}:{number}: a column is named twice")
    return names


def read_labels(path: Path | None = None) -> Labels:
    """The label sets of `labels.tsv`."""
    path = path or TRAINING_DIR / "labels.tsv"
    by_head: dict[str, list[str]] = {head: [] for head in HEADS}
    group: dict[str, str] = {}
    for row in read_table(path, LABEL_COLUMNS):
        head, label = row.cells["head"], row.cells["label"]
        if head not in by_head:
            raise CorpusError(f"{path}:{row.line}: unknown head {head!r} (heads: {', '.join(HEADS)})")
        if label in group:
            raise CorpusError(f"{path}:{row.line}: label {label!r} is listed twice")
        by_head[head].append(label)
        group[label] = row.cells["group"]
    return Labels({head: tuple(labels) for head, labels in by_head.items()}, group)


def read_examples(path: Path, labels: Labels) -> list[Example]:
    """The examples of one file, each checked against `labels`."""
    examples: list[Example] = []
    for row in read_table(path, EXAMPLE_COLUMNS):
        label, text, source, split = (row.cells[name] for name in EXAMPLE_COLUMNS)
        where = f"{path}:{row.line}"
        if labels.head_of(label) is None:
            raise CorpusError(f"{where}: unknown label {label!r} (labels are listed in labels.tsv)")
        if not text:
            raise CorpusError(f"{where}: empty text")
        if not source:
            raise CorpusError(f"{where}: empty source")
        examples.append(Example(label, text, source, _split(split, where)))
    return examples


def _split(value: str, where: str) -> Split:
    if value == "train":
        return "train"
    if value == "heldout":
        return "heldout"
    raise CorpusError(f"{where}: split {value!r} is not one of {', '.join(SPLITS)}")


def load_corpus(folder: Path | None = None) -> Corpus:
    """Every example file of `folder/examples/`, checked against `folder/labels.tsv`."""
    folder = folder or TRAINING_DIR
    labels = read_labels(folder / "labels.tsv")
    examples: list[Example] = []
    for path in sorted((folder / "examples").glob("*.tsv")):
        examples.extend(read_examples(path, labels))
    return Corpus(labels, tuple(examples))


def write_examples(path: Path, examples: Iterable[Example], comment: str = "") -> None:
    """Write examples in the format `read_examples` reads (used by the corpus build script)."""
    lines = [f"# {line}".rstrip() for line in comment.splitlines()]
    lines.append("\t".join(EXAMPLE_COLUMNS))
    for e in examples:
        if "\t" in e.text or "\n" in e.text:
            raise ValueError(f"text of {e.source} holds a tab or newline")
        lines.append("\t".join((e.label, e.text, e.source, e.split)))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
