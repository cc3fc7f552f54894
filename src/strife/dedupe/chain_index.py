"""Source chains: articles that are copies of one story (syndicated, edited or spun).

An article joins the chain of its most similar earlier article when their
estimated Jaccard similarity reaches CHAIN_SIMILARITY; otherwise it starts its
own chain, named by its own id. Candidates come from the LSH bands, so an
article is compared only with the few that share a band, never with all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from strife.dedupe.fingerprint import Fingerprint, Signature, similarity

# Two texts this similar (estimated Jaccard of their word-pair shingles) are one story.
# A heavily spun copy measures about 0.3 without the synonym classes and 0.8 with them;
# independent reports of one clash, and unrelated stories, stay near 0.05.
CHAIN_SIMILARITY = 0.2


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
            score = similarity(print_.signature, self._signatures[other])
            if score >= CHAIN_SIMILARITY and (best is None or score > best[0]):
                best = (score, other)
        if best is None:
            link = Link(print_.article_id, print_.article_id)
        else:
            link = Link(print_.article_id, self.chain[best[1]], best[1], best[0])
        self.add_existing(print_.article_id, link.chain_id, print_.signature, print_.bands)
        return link
