"""Source chains: articles that are copies of one story (syndicated, edited or spun).

An article joins the chain of its most similar earlier article when their
estimated Jaccard similarity reaches CHAIN_SIMILARITY, or when most of the shorter
is in the longer (CHAIN_CONTAINMENT); otherwise it starts its own chain, named by
its own id. Candidates come from the LSH bands, so an
article is compared only with the few that share a band, never with all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from strife.dedupe.fingerprint import MIN_SHINGLES, Fingerprint, Signature, contained, set_size, similarity

# Two texts this similar (estimated Jaccard of their word-pair shingles) are one story.
# A heavily spun copy measures about 0.3 without the synonym classes and 0.8 with them;
# independent reports of one clash, and unrelated stories, stay near 0.05.
CHAIN_SIMILARITY = 0.2
# Or when this much of the shorter text is in the longer one: an agency story an outlet cut to
# its first paragraphs under a lede of its own (two of seven paragraphs kept: Jaccard 0.24,
# containment 0.65). Independent reports of one occurrence stay under 0.45; formulaic briefs of
# two occurrences in like words near 0.5.
CHAIN_CONTAINMENT = 0.6


def copies(a: Signature, b: Signature, sizes: tuple[float, float] | None = None) -> float | None:
    """The similarity that makes two texts copies of one story, or None when they are not. A text
    of fewer than MIN_SHINGLES word pairs (estimated) is nobody's copy. `sizes`: the two
    `set_size`s, when the caller keeps them."""
    small, large = sorted(sizes or (set_size(a), set_size(b)))
    if small < MIN_SHINGLES:
        return None
    jaccard = similarity(a, b)  # once: merging asks this of every pair of records it compares
    if jaccard >= CHAIN_SIMILARITY or contained(jaccard, small, large) >= CHAIN_CONTAINMENT:
        return jaccard
    return None


@dataclass(frozen=True)
class Link:
    """An article's place in a chain: the chain, the copy it matched and how closely."""

    article_id: str
    chain_id: str
    matched: str | None = None
    similarity: float | None = None


@dataclass
class ChainIndex:
    """The LSH index of fingerprinted articles and the chain of each."""

    chain: dict[str, str] = field(default_factory=dict)
    _signatures: dict[str, Signature] = field(default_factory=dict)
    _bands: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add_existing(
        self, article_id: str, chain_id: str, signature: Signature, bands: Iterable[int]
    ) -> None:
        self.chain[article_id] = chain_id
        self._signatures[article_id] = signature
        for band in bands:
            self._bands[band].append(article_id)

    def candidates(self, print_: Fingerprint) -> set[str]:
        return {a for band in print_.bands for a in self._bands.get(band, ()) if a != print_.article_id}

    def place(self, print_: Fingerprint) -> Link:
        """Put a new article in the chain of its closest copy, or in a chain of its own."""
        best: tuple[float, str] | None = None
        for other in sorted(self.candidates(print_)):
            score = copies(print_.signature, self._signatures[other])
            if score is not None and (best is None or score > best[0]):
                best = (score, other)
        if best is None:
            link = Link(print_.article_id, print_.article_id)
        else:
            link = Link(print_.article_id, self.chain[best[1]], best[1], best[0])
        self.add_existing(print_.article_id, link.chain_id, print_.signature, print_.bands)
        return link
