"""MinHash fingerprints of article texts, robust to syndication and machine rewriting.

A text is normalised first: the clean stage drops boilerplate and turns spun
wording back into plain news English ("mentioned" -> "said"), then case,
punctuation and figures are levelled and common words dropped. What is left is
cut into overlapping word pairs (shingles); a copy that swaps one word in eight
still shares most of them, and a word swapped for a synonym of its class
(src/strife/data/synonyms.tsv) reads the same. The MinHash signature estimates the Jaccard
similarity of two shingle sets, and its bands (LSH) find the candidate copies of
a text without comparing it with every stored article.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

import numpy as np
import numpy.typing as npt

from strife.extract.agency import Agencies
from strife.tables import Row, read_table

# 64 bands of 3 rows: a pair at similarity 0.3 shares a band with probability 0.83, at 0.4
# with 0.98, at 0.6 with 1.00; a pair at 0.05 (two unrelated stories on one topic) with 0.008.
# Bands of 2 rows found more copies at 0.2-0.3 but made about 15% of all stored articles
# candidates of each new one, so merging time grew with the square of the store.
# Changing these makes stored signatures incomparable: add a migration that empties chains,
# article_bands and article_signatures, and the next ingest fingerprints every article again.
PERMUTATIONS = 192
BANDS = 64
SHINGLE = 2  # words per shingle
# Fewer shingles than this and similarity says little: two independent one-line reports
# of a clash share its names. Such texts get no bands, so they never join a chain.
MIN_SHINGLES = 20

_PRIME = 4_294_967_311  # the first prime above 2**32: (a*x + b) stays exact in 64 bits
_MAX_HASH = (1 << 32) - 1
_TOKEN = re.compile(r"[^\W\d_]+|\d[\d,.]*")

Signature = npt.NDArray[np.uint32]


def parse_synonyms(rows: Iterable[Row]) -> dict[str, str]:
    """word -> class name, from `class<TAB>members` rows (members separated by |); a word in two
    classes is an error."""
    classes: dict[str, str] = {}
    for row in rows:
        name = row["class"].strip().casefold()
        if not name:
            raise row.error("empty class; expected 'class<TAB>member|member...'")
        for member in (m.strip().casefold() for m in row["members"].split("|")):
            if member and classes.setdefault(member, name) != name:
                raise row.error(f"{member!r} is already in class {classes[member]!r}")
    return classes


@dataclass(frozen=True)
class Vocabulary:
    """What fingerprints read words with: the stopwords dropped (data/stopwords.txt), the synonym
    classes (data/synonyms.tsv), and the wire agencies a text names (data/agencies.tsv)."""

    stopwords: frozenset[str]
    synonyms: Mapping[str, str]
    agencies: Agencies

    @classmethod
    def load(cls) -> Vocabulary:
        return cls(
            frozenset(row["word"].strip().casefold() for row in read_table("stopwords.txt", ["word"])),
            MappingProxyType(parse_synonyms(read_table("synonyms.tsv", ["class", "members"]))),
            Agencies.load(),
        )


def tokens(text: str, vocabulary: Vocabulary) -> list[str]:
    """Lower-case words, each read as its synonym class, without stopwords; figures become '#'."""
    drop, classes = vocabulary.stopwords, vocabulary.synonyms
    found: list[str] = []
    for match in _TOKEN.finditer(text.casefold()):
        word = match.group()
        if word[0].isdigit():
            found.append("#")
        elif word not in drop:
            found.append(classes.get(word, word))
    return found


def shingles(words: Sequence[str], size: int = SHINGLE) -> set[str]:
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


@cache
def _permutations() -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    # Fixed seed: signatures stored today must compare with those computed next year.
    generator = np.random.default_rng(20221)
    a = generator.integers(1, 1 << 31, size=PERMUTATIONS, dtype=np.uint64)
    b = generator.integers(0, 1 << 31, size=PERMUTATIONS, dtype=np.uint64)
    return a, b


def signature(pieces: Iterable[str]) -> Signature:
    """The MinHash signature (PERMUTATIONS uint32 values) of a set of shingles."""
    hashes = np.fromiter((zlib.crc32(p.encode("utf-8")) for p in pieces), dtype=np.uint64)
    if hashes.size == 0:
        return np.full(PERMUTATIONS, _MAX_HASH, dtype=np.uint32)
    a, b = _permutations()
    mixed = (hashes[:, None] * a[None, :] + b[None, :]) % np.uint64(_PRIME)
    return (mixed.min(axis=0) & np.uint64(_MAX_HASH)).astype(np.uint32)


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.count_nonzero(a == b)) / PERMUTATIONS


def set_size(sig: Signature) -> float:
    """The estimated number of shingles behind a signature: each of its minima is the least of n
    uniform draws over the hash range, whose mean is 1 / (n + 1)."""
    total = float(np.sum(sig.astype(np.float64))) / _PRIME
    return PERMUTATIONS / total - 1 if total > 0 else 0.0


def containment(a: Signature, b: Signature, sizes: tuple[float, float] | None = None) -> float:
    """Estimated share of the smaller text's shingles found in the other: a copy cut short (an
    outlet keeping the first paragraphs of a wire story under its own lede) contains much of
    the original though their Jaccard similarity is low. `sizes`: the two `set_size`s, if known."""
    small, large = sorted(sizes or (set_size(a), set_size(b)))
    return contained(similarity(a, b), small, large)


def contained(jaccard: float, small: float, large: float) -> float:
    """`containment` from the two texts' Jaccard similarity and their set sizes, smaller first."""
    if small <= 0:
        return 0.0
    return min(1.0, jaccard * (small + large) / ((1 + jaccard) * small))


def bands(sig: Signature) -> list[int]:
    """One 64-bit hash per band; two texts that share any band are candidate copies."""
    rows = PERMUTATIONS // BANDS
    raw = sig.tobytes()
    width = rows * 4
    found = []
    for band in range(BANDS):
        digest = zlib.crc32(raw[band * width : (band + 1) * width])
        found.append((band << 32) | digest)
    return found


@dataclass(frozen=True)
class Fingerprint:
    """An article's signature, its band hashes and the wire agency its text names."""

    article_id: str
    signature: Signature
    bands: tuple[int, ...]
    agency: str | None = None


def fingerprint(
    article_id: str,
    text: str,
    clean: Callable[[str], str] = lambda t: t,
    vocabulary: Vocabulary | None = None,
) -> Fingerprint:
    """The fingerprint of one text; without `vocabulary`, the shipped tables are read for this call."""
    vocabulary = vocabulary or Vocabulary.load()
    plain = clean(text)
    pieces = shingles(tokens(plain, vocabulary))
    sig = signature(pieces)
    return Fingerprint(
        article_id,
        sig,
        tuple(bands(sig)) if len(pieces) >= MIN_SHINGLES else (),
        vocabulary.agencies.agency_of(plain),
    )
