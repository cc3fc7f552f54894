"""The store's tables and the ordered migration steps that build them.

A store's schema version is the number of steps applied to it; each applied step
is a row of `meta`. Opening a store runs the steps it lacks, in order, each in
its own transaction, so a store written by any earlier release is brought up to
date and a crash mid-migration leaves it at the last whole step.

To change the schema, append a step: never edit one that has shipped, because
stores in the field were built by the old text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

Connection = duckdb.DuckDBPyConnection


class StoreError(RuntimeError):
    """A store cannot be opened or used; the message names the store, the cause and the fix."""


class StoreVersionError(StoreError):
    """The store was written by a newer strife than this one."""


class StoreNeedsMigration(StoreError):
    """A read-only open found a store of an older schema, which only a writing open can migrate."""


def needs_migration(where: str, found: int, latest: int) -> StoreNeedsMigration:
    return StoreNeedsMigration(
        f"store '{where}' has schema version {found} and needs migrating to {latest}, which a read-only "
        "open cannot do; open it once without read-only (any strife command while no `strife serve` "
        "holds it, or strife.open_store(path) in Python)"
    )


def check_openable(where: str, read_only: bool) -> None:
    """Raise StoreError for a path DuckDB would refuse with a less helpful message (or none)."""
    if where == ":memory:" or where.startswith(("md:", "motherduck:")):
        return
    path = Path(where)
    if path.is_dir():
        raise StoreError(
            f"store '{where}' is a folder, not a store file; pass --db FILE (e.g. {path}/strife.duckdb)"
        )
    if not path.parent.is_dir():
        raise StoreError(
            f"cannot open the store '{where}': folder '{path.parent}' does not exist; "
            f"create it (mkdir -p {path.parent}) or pass another --db path"
        )
    if read_only and not path.exists():
        raise StoreError(
            f"store '{where}' does not exist; create it with `strife ingest INPUT... --db {where}`"
        )


# DuckDB's own messages, matched to say what holds the file and what to do instead.
_PID = re.compile(r"\(PID (\d+)\)")
_WRITERS = "a running `strife ingest`, `strife delete` or `strife serve --token`"


def open_error(where: str, error: Exception, read_only: bool) -> StoreError:
    """The one-line StoreError for a failed duckdb.connect: the store, the cause and the fix."""
    text = str(error)
    pid = _PID.search(text)
    holder = f"process {pid.group(1)}" if pid else "another process"
    if "Could not set lock" in text or "Conflicting lock" in text:
        if read_only:
            return StoreError(
                f"store '{where}' is being written by {holder} ({_WRITERS}); wait for it to finish or "
                "stop it, or query that server's API (GET /api/events)"
            )
        if "read-only mode" in text:  # the holder reads: DuckDB says a read-only open would work
            return StoreError(
                f"store '{where}' is in use by {holder} (a reader such as `strife serve` without "
                "--token); stop it to write, or start the server with --token and post articles to it "
                "(POST /api/articles)"
            )
        return StoreError(
            f"store '{where}' is in use by {holder} ({_WRITERS}); wait for it to finish or stop it, "
            "or post articles to the server with its token (POST /api/articles)"
        )
    if "not a valid DuckDB database" in text:
        return StoreError(
            f"'{where}' is not a strife store (not a DuckDB database file); pass --db with a store, "
            "or a new file name to create one"
        )
    if "Permission denied" in text or "Read-only file system" in text:
        mode = "reading" if read_only else "writing"
        return StoreError(
            f"store '{where}' cannot be opened for {mode} (permission denied); make the file and its "
            "folder writable (chmod u+w), or copy the store somewhere writable"
        )
    if "different configuration" in text:
        return StoreError(
            f"store '{where}' is already open in this process in another mode (read-only or not); "
            "close that Store first"
        )
    cause = " ".join(text.split())
    return StoreError(f"cannot open the store '{where}' ({cause}); check the path")


@dataclass(frozen=True)
class Migration:
    """One schema step: SQL statements (`;`-separated) or a function of the connection."""

    version: int
    description: str
    apply: str | Callable[[Connection], None]

    def run(self, con: Connection) -> None:
        if callable(self.apply):
            self.apply(con)
            return
        for statement in self.apply.split(";"):
            if statement.strip():
                con.execute(statement)


_V1_TABLES = """
CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,
    hash VARCHAR NOT NULL UNIQUE,
    date DATE,
    url VARCHAR,
    title VARCHAR,
    outlet VARCHAR,
    origin VARCHAR,
    date_note VARCHAR,
    text VARCHAR NOT NULL,
    ingested_at TIMESTAMP NOT NULL
);
CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL REFERENCES articles (id),
    event_type VARCHAR NOT NULL,
    sub_event_type VARCHAR NOT NULL,
    event_date DATE,
    date_start DATE,
    date_end DATE,
    time_precision INTEGER,
    actor1 VARCHAR,
    actor1_type INTEGER,
    assoc_actor1 VARCHAR,
    actor2 VARCHAR,
    actor2_type INTEGER,
    assoc_actor2 VARCHAR,
    interaction INTEGER,
    country VARCHAR,
    admin1 VARCHAR,
    admin2 VARCHAR,
    location VARCHAR,
    latitude DOUBLE,
    longitude DOUBLE,
    geo_precision INTEGER,
    fatalities INTEGER,
    fatalities_low INTEGER,
    fatalities_high INTEGER,
    fatalities_disputed BOOLEAN NOT NULL,
    displaced_figure INTEGER,
    displaced_unit VARCHAR,
    displaced_people INTEGER,
    displacement_origin VARCHAR,
    displacement_destination VARCHAR,
    reported_by VARCHAR,
    disputed BOOLEAN NOT NULL,
    notes VARCHAR,
    confidence DOUBLE,
    schema_version INTEGER NOT NULL
);
CREATE TABLE evidence (
    event_id VARCHAR NOT NULL REFERENCES events (event_id),
    ordinal INTEGER NOT NULL,
    field VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    sentence VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (event_id, ordinal)
);
CREATE TABLE claims (
    event_id VARCHAR NOT NULL REFERENCES events (event_id),
    ordinal INTEGER NOT NULL,
    claimant VARCHAR,
    statement VARCHAR NOT NULL,
    figure INTEGER,
    PRIMARY KEY (event_id, ordinal)
);
CREATE TABLE sources (
    event_id VARCHAR NOT NULL REFERENCES events (event_id),
    ordinal INTEGER NOT NULL,
    article_id VARCHAR NOT NULL,
    url VARCHAR,
    outlet VARCHAR,
    date DATE,
    originating_agency VARCHAR,
    PRIMARY KEY (event_id, ordinal)
);
CREATE TABLE rejections (
    origin VARCHAR NOT NULL,
    stage VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    article_id VARCHAR,
    "at" TIMESTAMP NOT NULL,
    UNIQUE (origin, stage, reason)
);
CREATE INDEX events_date ON events (event_date);
CREATE INDEX events_article ON events (article_id)
"""

# One occurrence per group of merged events (CODEBOOK section 9): `occurrences`
# holds the merged record, whole in `record` and its scalars as columns to query;
# `event_occurrence` says which stored event belongs to which; `merge_log` says
# why. `chains` groups near-duplicate articles; `article_bands` is their MinHash
# LSH index and `article_signatures` the signatures that confirm a band match.
_V2_MERGING = """
ALTER TABLE events ADD COLUMN corroboration INTEGER;
ALTER TABLE sources ADD COLUMN chain VARCHAR;
CREATE TABLE occurrences AS SELECT * FROM events WITH NO DATA;
ALTER TABLE occurrences DROP COLUMN article_id;
ALTER TABLE occurrences ADD COLUMN source_count INTEGER;
ALTER TABLE occurrences ADD COLUMN record JSON;
ALTER TABLE occurrences ADD COLUMN updated_at TIMESTAMP;
CREATE INDEX occurrences_id ON occurrences (event_id);
CREATE INDEX occurrences_date ON occurrences (event_date);
CREATE TABLE event_occurrence (
    event_id VARCHAR PRIMARY KEY,
    occurrence_id VARCHAR NOT NULL
);
CREATE INDEX event_occurrence_occurrence ON event_occurrence (occurrence_id);
CREATE TABLE merge_log (
    occurrence_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    matched VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    "at" TIMESTAMP NOT NULL
);
CREATE TABLE chains (
    article_id VARCHAR PRIMARY KEY,
    chain_id VARCHAR NOT NULL,
    similarity DOUBLE,
    agency VARCHAR
);
CREATE TABLE article_signatures (
    article_id VARCHAR PRIMARY KEY,
    signature UINTEGER[] NOT NULL
);
CREATE TABLE article_bands (
    band INTEGER NOT NULL,
    hash UBIGINT NOT NULL,
    article_id VARCHAR NOT NULL
);
CREATE INDEX article_bands_hash ON article_bands (hash)
"""

# feeds: every URL `strife watch` polls (a feed, or a page named on its own) with the validators
# of its last answer. fetched: every page fetched from them, and what became of it: outcome
# 'article' (read; article_id), 'rejected' (reason) or 'retry' (a failure that may pass, tried
# again on later polls until `attempts` reaches the limit in store/fetched.py).
_V3_FETCHING = """
CREATE TABLE feeds (
    url VARCHAR PRIMARY KEY,
    etag VARCHAR,
    last_modified VARCHAR,
    last_polled TIMESTAMP,
    status INTEGER,
    error VARCHAR,
    entries INTEGER
);
CREATE TABLE fetched (
    url VARCHAR PRIMARY KEY,
    source VARCHAR,
    first_seen TIMESTAMP NOT NULL,
    last_fetched TIMESTAMP,
    status INTEGER,
    etag VARCHAR,
    last_modified VARCHAR,
    article_id VARCHAR,
    outcome VARCHAR NOT NULL,
    reason VARCHAR,
    attempts INTEGER NOT NULL DEFAULT 1
)
"""

# Review (strife.review): an analyst's corrections kept beside the machine's records, never in
# them, so re-ingest and re-merging cannot overwrite them. `review_log` is the audit trail (one
# row per changed field or decision), `review_overrides` the reviewer's current value of each
# field, `review_status` the decision on each reviewed occurrence (keyed by its id at review, an
# event id that stays a member however the merger regroups), `review_groups` the reports a
# reviewer pinned together or apart (split and merge).
_V4_REVIEW = """
CREATE SEQUENCE review_seq;
CREATE TABLE review_log (
    seq BIGINT PRIMARY KEY DEFAULT nextval('review_seq'),
    event_id VARCHAR NOT NULL,
    action VARCHAR NOT NULL,
    field VARCHAR,
    value_before JSON,
    value_after JSON,
    reason VARCHAR,
    reviewer VARCHAR NOT NULL,
    "at" TIMESTAMP NOT NULL
);
CREATE INDEX review_log_event ON review_log (event_id);
CREATE TABLE review_overrides (
    event_id VARCHAR NOT NULL,
    field VARCHAR NOT NULL,
    value JSON,
    PRIMARY KEY (event_id, field)
);
CREATE TABLE review_status (
    event_id VARCHAR PRIMARY KEY,
    status VARCHAR NOT NULL,
    category VARCHAR,
    reason VARCHAR,
    reviewer VARCHAR NOT NULL,
    "at" TIMESTAMP NOT NULL,
    flagged VARCHAR,
    sources JSON,
    machine JSON,
    record JSON,
    applied_at TIMESTAMP
);
CREATE TABLE review_groups (
    event_id VARCHAR PRIMARY KEY,
    group_id VARCHAR NOT NULL,
    reviewer VARCHAR NOT NULL,
    "at" TIMESTAMP NOT NULL
)
"""

_V5_BANDS = """
DROP INDEX IF EXISTS article_bands_hash
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, events, evidence, claims, sources, rejections", _V1_TABLES),
    Migration(2, "occurrences, merge log, source chains and their MinHash index", _V2_MERGING),
    Migration(3, "feeds polled and pages fetched (conditional requests, seen URLs)", _V3_FETCHING),
    Migration(4, "review: audit log, overrides, decisions and pinned groupings", _V4_REVIEW),
    # The bands are read by a hash join of the batch's band hashes (store.chains.sharing_bands),
    # which never used the index, and keeping it cost most of the time of storing them: at 100k
    # articles, 1.3 s of CPU per 2,000 articles' bands with it, 0.5 s without.
    Migration(5, "drop the index of the MinHash bands' hashes (unused, costly to keep)", _V5_BANDS),
)

# `meta` is outside the steps: it must exist before the first step can be recorded.
_META = """
CREATE TABLE IF NOT EXISTS meta (
    version INTEGER PRIMARY KEY,
    description VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
)
"""


def current_version(steps: Sequence[Migration] = MIGRATIONS) -> int:
    """The schema version a store has once every step in `steps` is applied."""
    return steps[-1].version if steps else 0


def stored_version(con: Connection) -> int:
    """The schema version recorded in an open store (0 for a store with no `meta`)."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = con.execute("SELECT max(version) FROM meta").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(con: Connection, steps: Sequence[Migration] = MIGRATIONS, *, where: str = "store") -> int:
    """Apply the steps the store lacks, in order; return the resulting version.

    Raises StoreVersionError when the store is newer than `steps` (written by a
    later strife), naming `where` (the store's path) and the fix.
    """
    _check_order(steps)
    found = stored_version(con)
    latest = current_version(steps)
    if found > latest:
        raise StoreVersionError(
            f"{where}: store schema version {found} is newer than this strife supports ({latest}); "
            "upgrade strife to open it, or point to another store"
        )
    for step in steps:
        if step.version <= found:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(_META)
            step.run(con)
            con.execute(
                "INSERT INTO meta VALUES (?, ?, ?)",
                [step.version, step.description, datetime.now(UTC).replace(tzinfo=None)],
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return max(found, latest)


def _check_order(steps: Sequence[Migration]) -> None:
    # A gap or a repeat would make "the steps a store lacks" ambiguous.
    versions = [step.version for step in steps]
    if versions != list(range(1, len(steps) + 1)):
        raise ValueError(f"migration versions must run 1..{len(steps)} in order, got {versions}")
