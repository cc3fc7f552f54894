"""Corrections that teach the coder: the reviews written as a gold file (scored by `strife eval`)
and as training examples of the learned heads (read by `strife train --extra FILE`).

Gold (shared/eval/FORMAT.md): one row per article a reviewed event cites, with its text. Its
events are the reviewed occurrences it reports, with the reviewer's values; the occurrences of
the article nobody reviewed yet are there too, marked optional (a coder that finds them is not
wrong, one that misses them is not penalised); rejected occurrences are its `not_events`, so a
coder that still codes them is scored a false positive.

Training (strife.learn.corpus): the evidence sentences of an approved or corrected event, labelled
with its sub-type; those of a rejected event, labelled with the event-hood label of its category
(background, intention, ...; a category no head knows, such as duplicate, teaches nothing). The
split is `split_for` of the article, so one article's sentences fall on one side.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from strife.learn.corpus import Example, read_labels, split_for, write_examples
from strife.store import Store
from strife.store import review as reviewed
from strife.store.reading import articles_by_id

SOURCE = "review"


def _window(record: dict[str, Any]) -> tuple[Any, Any]:
    start = record.get("date_start") or record.get("event_date")
    end = record.get("date_end") or record.get("event_date")
    return start, end


def _range(value: Any) -> list[int] | None:
    return None if value is None else [value, value]


def gold_event(record: dict[str, Any], article_id: str, *, optional: bool = False) -> dict[str, Any]:
    """One FORMAT.md gold event from an occurrence's record (as shown, reviewer's values in)."""
    start, end = _window(record)
    actors = [(record.get(f"actor{n}"), record.get(f"actor{n}_type")) for n in (1, 2)]
    named = [(name, kind) for name, kind in actors if name]
    evidence = [e["sentence"] for e in record.get("evidence") or [] if e.get("article_id") == article_id]
    return {
        "event_type": record["event_type"],
        "sub_event_type": [record["sub_event_type"]],
        "date_start": start,
        "date_end": end,
        "country": record.get("country"),
        "admin1": [record["admin1"]] if record.get("admin1") else None,
        "location": [record["location"]] if record.get("location") else None,
        "latitude": record.get("latitude"),
        "longitude": record.get("longitude"),
        "actors": [[name] for name, _ in named],
        "actor_types": [kind for _, kind in named],
        "fatalities": _range(record.get("fatalities")),
        "displaced_people": _range(record.get("displaced_people")),
        "optional": optional,
        "evidence": evidence[0] if evidence else None,
        "review": record.get("event_id"),
    }


def _not_event(record: dict[str, Any], decision: reviewed.Decision) -> str:
    what = ", ".join(str(v) for v in (record.get("sub_event_type"), record.get("location")) if v)
    why = f"{decision.category}" + (f": {decision.reason}" if decision.reason else "")
    return f"{what} ({why})"


def gold_rows(store: Store) -> Iterator[dict[str, Any]]:
    """The reviews as gold rows, one per article, in article id order."""
    con = store.cursor()
    try:
        reviews = reviewed.reviewed_records(con)
        by_article: dict[str, list[tuple[reviewed.Decision, dict[str, Any]]]] = {}
        for decision, record in reviews:
            for source in record.get("sources") or []:
                by_article.setdefault(source["article_id"], []).append((decision, record))
        done = {record["event_id"] for _, record in reviews}
        citing = reviewed.occurrences_citing(con, by_article)
        texts = articles_by_id(con, sorted(by_article))
        for article_id in sorted(by_article):
            article = texts.get(article_id)
            if article is None:
                continue  # a source merged in from elsewhere: no text to score against
            events, not_events = [], []
            for decision, record in by_article[article_id]:
                if decision.status == "rejected":
                    not_events.append(_not_event(record, decision))
                else:
                    events.append(gold_event(record, article_id))
            for occurrence in citing.get(article_id, []):
                found = reviewed.stored_record(con, occurrence)
                if occurrence not in done and found is not None:
                    events.append(gold_event(found[0], article_id, optional=True))
            yield {
                "id": article_id,
                "date": article["date"],
                "url": article["url"],
                "title": article["title"],
                "text": article["text"],
                "cluster": None,
                "events": events,
                "not_events": not_events,
            }
    finally:
        con.close()


def write_gold(store: Store, out: TextIO) -> int:
    """Write the gold rows as JSONL; return how many articles."""
    count = 0
    for row in gold_rows(store):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def training_examples(store: Store) -> list[Example]:
    """The reviews as labelled sentences for the learned heads (see the module's docstring)."""
    labels = read_labels()
    examples: dict[tuple[str, str], Example] = {}
    con = store.cursor()
    try:
        reviews = reviewed.reviewed_records(con)
    finally:
        con.close()
    for decision, record in reviews:
        label = decision.category if decision.status == "rejected" else record.get("sub_event_type")
        if label is None or labels.head_of(label) is None:
            continue
        for evidence in record.get("evidence") or []:
            if evidence.get("field") not in ("event_type", "sub_event_type"):
                continue
            text = " ".join(str(evidence["sentence"]).split())
            source = f"{SOURCE}#{evidence['article_id']}"
            if text and (label, text) not in examples:
                examples[(label, text)] = Example(label, text, source, split_for(source))
    return sorted(examples.values(), key=lambda e: (e.label, e.source, e.text))


def write_training(store: Store, path: Path) -> int:
    """Write the examples as a TSV `strife train --extra FILE` reads; return how many."""
    examples = training_examples(store)
    write_examples(
        path,
        examples,
        comment="Sentences of reviewed events (strife review export --format training).\n"
        "label: the reviewed sub-type, or the event-hood label of a rejection; split by article.",
    )
    return len(examples)


# Fields whose corrections point at a data file: the actor dictionary or the place aliases.
SUGGESTED = {
    **dict.fromkeys(("actor1", "actor2", "assoc_actor1", "assoc_actor2"), "actors.tsv"),
    **dict.fromkeys(("location", "admin1", "admin2"), "places/aliases.tsv"),
}
SUGGESTION_COLUMNS = (
    "file",
    "field",
    "words",
    "machine",
    "reviewer",
    "country",
    "event_id",
    "article_id",
    "reason",
)


def suggestions(store: Store) -> list[dict[str, Any]]:
    """Data-file suggestions from corrected actors and places: the words of the article the machine
    read the field from, what it made of them, and what the reviewer says they are. One row per
    corrected field and evidence span; a person decides what goes into the data file."""
    con = store.cursor()
    try:
        reviews = reviewed.reviewed_records(con)
        lines = reviewed.history(con, [d.event_id for d, _ in reviews])
        texts = articles_by_id(
            con, sorted({e["article_id"] for _, r in reviews for e in r.get("evidence") or []})
        )
    finally:
        con.close()
    by_anchor = {d.event_id: record for d, record in reviews}
    latest: dict[tuple[str, str], reviewed.Change] = {}
    first: dict[tuple[str, str], Any] = {}
    for line in lines:
        if line.action == "edit" and line.field in SUGGESTED:
            first.setdefault((line.event_id, line.field), line.before)
            latest[(line.event_id, line.field)] = line
    rows = []
    for (anchor, field), line in sorted(latest.items()):
        record = by_anchor.get(anchor)
        if record is None or line.after == first[(anchor, field)]:
            continue
        for evidence in record.get("evidence") or []:
            article = texts.get(evidence["article_id"])
            if evidence["field"] != field or article is None:
                continue
            words = " ".join(article["text"][evidence["start"] : evidence["end"]].split())
            rows.append({
                "file": SUGGESTED[field], "field": field, "words": words, "machine": first[(anchor, field)],
                "reviewer": line.after, "country": record.get("country"), "event_id": record["event_id"],
                "article_id": evidence["article_id"], "reason": line.reason,
            })  # fmt: skip
    return rows


def write_suggestions(store: Store, out: TextIO) -> int:
    """The suggestions as TSV (tabs and newlines in values become spaces); return how many rows."""
    rows = suggestions(store)
    out.write("\t".join(SUGGESTION_COLUMNS) + "\n")
    for row in rows:
        cells = ("" if row[c] is None else " ".join(str(row[c]).split()) for c in SUGGESTION_COLUMNS)
        out.write("\t".join(cells) + "\n")
    return len(rows)
