"""Source chains in the store: each article's chain, its MinHash signature and its LSH bands."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np

from strife.store._write import insert
from strife.store.schema import Connection


def unchained(con: Connection) -> list[tuple[str, str]]:
    """(id, text) of the stored articles not yet placed in a chain, oldest first."""
    return con.execute(
        "SELECT id, text FROM articles WHERE id NOT IN (SELECT article_id FROM chains) "
        "ORDER BY ingested_at, id"
    ).fetchall()


def sharing_bands(con: Connection, hashes: Sequence[int]) -> list[tuple[str, str, np.ndarray, int]]:
    """(article id, chain id, signature, shared band hash) of chained articles sharing a band."""
    # Joined from the list, not filtered by `IN`: about twice as fast on a store of 100k articles.
    found = con.execute(
        "SELECT b.article_id, c.chain_id, s.signature, b.hash FROM (SELECT unnest(?::UBIGINT[]) AS hash) w "
        "JOIN article_bands b USING (hash) JOIN chains c USING (article_id) "
        "JOIN article_signatures s USING (article_id)",
        [sorted(set(hashes))],
    ).fetchnumpy()
    signatures = [np.asarray(sig, dtype=np.uint32) for sig in found["signature"]]
    columns = (found["article_id"].tolist(), found["chain_id"].tolist(), signatures, found["hash"].tolist())
    return list(zip(*columns, strict=True))


def save(
    con: Connection,
    links: Sequence[tuple[str, str, float | None, str | None]],
    signatures: Sequence[tuple[str, np.ndarray, Sequence[int]]],
) -> None:
    """Store chain rows (article, chain, similarity, agency) and fingerprints (article, signature, bands)."""
    insert(con, "chains", ("article_id", "chain_id", "similarity", "agency"), links)
    insert(
        con, "article_signatures", ("article_id", "signature"), [(a, s.tolist()) for a, s, _ in signatures]
    )
    bands = [(band >> 32, band, a) for a, _, hashes in signatures for band in hashes]
    insert(con, "article_bands", ("band", "hash", "article_id"), bands)


def chain_of(con: Connection, article_ids: Sequence[str]) -> dict[str, str]:
    rows = con.execute(
        "SELECT article_id, chain_id FROM chains WHERE article_id IN (SELECT unnest(?))", [list(article_ids)]
    ).fetchall()
    return dict(rows)


def agency_of(con: Connection, article_ids: Sequence[str]) -> dict[str, str]:
    rows = con.execute(
        "SELECT article_id, agency FROM chains WHERE agency IS NOT NULL AND article_id IN (SELECT unnest(?))",
        [list(article_ids)],
    ).fetchall()
    return dict(rows)


def dated_copies(con: Connection, article_ids: Sequence[str]) -> dict[str, tuple[str, date]]:
    """For each of these articles that has no date: the earliest dated copy in its chain and that
    date, which merging lends to the undated copy's records (CODEBOOK section 9)."""
    rows = con.execute(
        "SELECT u.id, d.id, d.date FROM articles u JOIN chains cu ON cu.article_id = u.id "
        "JOIN chains cd ON cd.chain_id = cu.chain_id AND cd.article_id <> u.id "
        "JOIN articles d ON d.id = cd.article_id "
        "WHERE u.date IS NULL AND d.date IS NOT NULL AND u.id IN (SELECT unnest(?)) "
        "QUALIFY row_number() OVER (PARTITION BY u.id ORDER BY d.date, d.id) = 1",
        [list(article_ids)],
    ).fetchall()
    return {article: (copy, day) for article, copy, day in rows}


def signatures_of(con: Connection, article_ids: Sequence[str]) -> dict[str, np.ndarray]:
    """The MinHash signatures of these articles (those fingerprinted)."""
    found = con.execute(
        "SELECT article_id, signature FROM article_signatures WHERE article_id IN (SELECT unnest(?))",
        [list(article_ids)],
    ).fetchnumpy()  # each list as one array: about 15x faster than a Python list per signature
    return {
        article: np.asarray(sig, dtype=np.uint32)
        for article, sig in zip(found["article_id"].tolist(), found["signature"], strict=True)
    }
