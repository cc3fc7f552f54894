"""Build the example files of the learned heads' training corpus (strife.learn.corpus).

    uv run python scripts/build_training_corpus.py wikievents [--shared ../shared]
        WikiEvents train split -> src/strife/data/training/examples/wikievents.tsv (committed)
    uv run python scripts/build_training_corpus.py dev [--shared ../shared] [--out FILE]
        dev gold evidence -> build/training/dev_gold.tsv (NOT committed: ../shared/eval/dev/README.md
        says its news texts are never copied into the project); train or evaluate with it through
        `python -m strife.learn.train --dev build/training/dev_gold.tsv`
    uv run python scripts/build_training_corpus.py resplit
        rewrite the split column of the authored files after an edit

The library reads only the files under src/strife/data/training/, never ../shared.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from strife.learn.corpus import (
    TRAINING_DIR,
    Example,
    load_corpus,
    read_examples,
    read_labels,
    read_table,
    split_for,
    split_key,
    write_examples,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = TRAINING_DIR / "examples"
MAP_COLUMNS = ("type", "triggers", "needs", "bars", "label", "why")
DEV_FILES = ("news_dev.jsonl", "news_dev_2.jsonl")

# At most this many WikiEvents sentences per label: about as many as we wrote ourselves,
# so 206 documents about a few famous bombings do not outweigh the rest of the corpus.
WIKIEVENTS_CAP = 40
# WikiEvents sentences are cut on "." tokens; longer runs are live-blog paragraphs, not sentences.
MAX_TOKENS = 60
MIN_TOKENS = 5
_ABBREVIATIONS = {"lt", "gen", "col", "sgt", "capt", "mr", "mrs", "ms", "dr", "st", "jan", "feb", "aug"}
_ABBREVIATIONS |= {"sept", "oct", "nov", "dec", "no", "vs", "jr", "sen", "rep", "gov", "u.s", "inc"}


@dataclass(frozen=True)
class MapRow:
    type: str
    triggers: frozenset[str]
    needs: tuple[str, ...]
    bars: tuple[str, ...]
    label: str

    def matches(self, event_type: str, trigger: str, sentence: str) -> bool:
        if event_type != self.type or ("*" not in self.triggers and trigger not in self.triggers):
            return False
        if self.needs and not any(_has_word(sentence, w) for w in self.needs):
            return False
        return not any(_has_word(sentence, w) for w in self.bars)


def _has_word(sentence: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", sentence) is not None


def _words(cell: str) -> tuple[str, ...]:
    return tuple(w.strip().lower() for w in cell.split(",") if w.strip())


def read_map(path: Path) -> list[MapRow]:
    labels = read_labels()
    rows = []
    for row in read_table(path, MAP_COLUMNS):
        c = row.cells
        if labels.head_of(c["label"]) != "subtype":
            raise SystemExit(f"{path}:{row.line}: {c['label']!r} is not a sub-type in labels.tsv")
        if not c["why"]:
            raise SystemExit(f"{path}:{row.line}: say why the mapping is clean")
        rows.append(
            MapRow(
                c["type"], frozenset(_words(c["triggers"])), _words(c["needs"]), _words(c["bars"]), c["label"]
            )
        )
    return rows


def detokenize(tokens: Sequence[str]) -> str:
    """Undo WikiEvents' tokenisation well enough for a sentence encoder."""
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    text = re.sub(r"(\w) ([\u2019'])\s?(s|t|re|ve|ll|d|m)\b", r"\1\2\3", text)
    text = re.sub(r"(\w) - (\w)", r"\1-\2", text)
    text = re.sub(r"\b([A-Z])\. (?=[A-Z]\.)", r"\1.", text)  # "U. S." -> "U.S."
    text = re.sub(r"([“]) ", r"\1", text)
    text = re.sub(r" ([”])", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def sentence_span(tokens: Sequence[str], index: int) -> tuple[int, int]:
    """The token range of the sentence holding `tokens[index]`."""

    def ends_at(i: int) -> bool:
        if tokens[i] not in {".", "?", "!"}:
            return False
        before = tokens[i - 1].lower() if i else ""
        return not (len(before) == 1 and before.isalpha()) and before not in _ABBREVIATIONS

    start = index
    while start > 0 and not ends_at(start - 1):
        start -= 1
    end = index
    while end < len(tokens) - 1 and not ends_at(end):
        end += 1
    return start, end + 1


def wikievents_candidates(path: Path, rows: list[MapRow]) -> Iterator[tuple[str, str, str]]:
    """(document id, sentence, label) for each mapped mention."""
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        tokens: list[str] = doc["tokens"]
        for mention in doc["event_mentions"]:
            start, end = sentence_span(tokens, mention["trigger"]["start_idx"])
            if not MIN_TOKENS <= end - start <= MAX_TOKENS:
                continue
            sentence = detokenize(tokens[start:end])
            lowered = sentence.lower()
            trigger = mention["trigger"]["text"].lower()
            row = next((r for r in rows if r.matches(mention["event_type"], trigger, lowered)), None)
            if row is not None:
                yield doc["docid"], sentence, row.label


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build_wikievents(shared: Path) -> list[Example]:
    rows = read_map(TRAINING_DIR / "wikievents_map.tsv")
    labels_of: dict[str, set[str]] = defaultdict(set)
    doc_of: dict[str, str] = {}
    for docid, sentence, label in wikievents_candidates(shared / "train" / "wikievents_train.jsonl", rows):
        labels_of[sentence].add(label)
        doc_of.setdefault(sentence, docid)
    # label -> document -> sentences; a sentence two rows label differently is ambiguous
    by_label: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for sentence, labels in labels_of.items():
        if len(labels) == 1:
            by_label[next(iter(labels))][doc_of[sentence]].append(sentence)
    examples = []
    for label in sorted(by_label):
        for docid, sentence in _round_robin(by_label[label])[:WIKIEVENTS_CAP]:
            source = f"wikievents#{docid}"
            examples.append(Example(label, sentence, source, split_for(source)))
    return examples


def _round_robin(by_doc: dict[str, list[str]]) -> list[tuple[str, str]]:
    """Sentences taken one document at a time, so the cap keeps many documents, not one."""
    queues = [(d, sorted(s, key=_hash)) for d, s in sorted(by_doc.items(), key=lambda kv: _hash(kv[0]))]
    out: list[tuple[str, str]] = []
    depth = 0
    while any(depth < len(q) for _, q in queues):
        out.extend((d, q[depth]) for d, q in queues if depth < len(q))
        depth += 1
    return out


def _evidence_text(evidence: str, article: str) -> str:
    """The evidence without a coder's closing note such as "(part of the same raid)"."""
    text = " ".join(evidence.split())
    stripped = re.sub(r"\s*\([^()]*\)$", "", text)
    if stripped != text and text not in article and stripped:
        return stripped
    return text


def build_dev(shared: Path) -> list[Example]:
    labels = read_labels()
    examples: list[Example] = []
    seen: set[str] = set()
    for name in DEV_FILES:
        for line in (shared / "eval" / "dev" / name).read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            source = f"{name}#{article['id']}"
            for event in article["events"]:
                label = event["sub_event_type"][0]
                text = _evidence_text(event.get("evidence") or "", " ".join(article["text"].split()))
                if not text or text in seen:
                    continue
                if labels.head_of(label) != "subtype":
                    raise SystemExit(f"{name}: {article['id']}: unknown sub-type {label!r}")
                seen.add(text)
                examples.append(Example(label, text, source, split_for(source)))
    return examples


def resplit() -> None:
    labels = read_labels()
    for path in sorted(EXAMPLES.glob("authored_*.tsv")):
        examples = read_examples(path, labels)
        comment = "\n".join(
            line[2:] for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# ")
        )
        fixed = [Example(e.label, e.text, e.source, split_for(split_key(e))) for e in examples]
        write_examples(path, fixed, comment)


def _summary(examples: Sequence[Example]) -> str:
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for e in examples:
        counts[(e.label, e.split)] += 1
    labels = sorted({e.label for e in examples})
    return "\n".join(
        f"  {label:40} train {counts[(label, 'train')]:4}  heldout {counts[(label, 'heldout')]:4}"
        for label in labels
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("what", choices=("wikievents", "dev", "resplit"))
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "training" / "dev_gold.tsv")
    args = parser.parse_args()
    if args.what == "resplit":
        resplit()
        load_corpus()  # the files still read
        return
    if args.what == "wikievents":
        examples = build_wikievents(args.shared)
        out = EXAMPLES / "wikievents.tsv"
        comment = (
            "Trigger sentences of the WikiEvents train split (Li, Ji & Han, NAACL 2021; MIT licence,\n"
            "raspberryice/gen-arg via mc2259/gen-arg), mapped to sub-types by wikievents_map.tsv and\n"
            f"capped at {WIKIEVENTS_CAP} per label. Built by scripts/build_training_corpus.py;\n"
            "split by document."
        )
    else:
        examples = build_dev(args.shared)
        out = args.out
        comment = "Evidence sentences of the news dev gold; local only, never committed. Split by article."
    out.parent.mkdir(parents=True, exist_ok=True)
    write_examples(out, examples, comment)
    print(f"{out}: {len(examples)} examples\n{_summary(examples)}")


if __name__ == "__main__":
    main()
