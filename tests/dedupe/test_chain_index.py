from pathlib import Path

from strife.clean import Cleaner
from strife.dedupe.chain_index import ChainIndex
from strife.dedupe.fingerprint import fingerprint

REPORTS = Path(__file__).parents[2] / "examples"
# One clash, three reports: a wire story, a spun copy of it, and an independent report.
WIRE, SPUN, MONITOR = "sudan-el-obeid-wire", "sudan-el-obeid-spun-copy", "sudan-el-obeid-monitor"
CLEANER = Cleaner.default()


def prints(*names: str) -> list:  # type: ignore[type-arg]
    return [fingerprint(n, (REPORTS / f"{n}.txt").read_text(), lambda t: CLEANER(t).text) for n in names]


def test_copies_share_a_chain_named_by_the_first_article() -> None:
    index = ChainIndex()
    links = [index.place(p) for p in prints(SPUN, MONITOR, WIRE)]
    assert [link.chain_id for link in links] == [SPUN, MONITOR, SPUN]
    assert links[2].matched == SPUN and links[2].similarity is not None and links[2].similarity > 0.6
    assert links[0].matched is None and links[1].matched is None


def test_an_article_is_compared_only_with_band_candidates() -> None:
    index = ChainIndex()
    wire, spun, other = prints(WIRE, SPUN, MONITOR)
    index.place(wire)
    assert index.candidates(spun) == {WIRE}
    assert index.candidates(other) == set()


def test_an_agency_story_cut_short_under_a_rewritten_lede_is_a_copy() -> None:
    # An outlet keeps two paragraphs of a long wire story under a lede of its own: little of the
    # story is in the copy (Jaccard under CHAIN_SIMILARITY), but most of the copy is in the story.
    from strife.dedupe.chain_index import CHAIN_SIMILARITY, copies
    from strife.dedupe.fingerprint import containment, similarity

    others = [
        (REPORTS / f"{n}.txt").read_text().split("\n", 1)[1]
        for n in ("burkina-faso-village-attack", "drc-north-kivu-clashes")
    ]
    wire = (REPORTS / f"{WIRE}.txt").read_text()
    long_story = "\n".join([wire, *others])  # a long story: the wire's paragraphs and more
    paragraphs = [p for p in wire.split("\n") if p.strip()]
    lede = "Dozens dead as Sudan's army and RSF trade fire near El Obeid, officials say."
    cut = "\n".join([lede, *paragraphs[3:5]])
    story, copy = (
        fingerprint(n, t, lambda t: CLEANER(t).text) for n, t in (("story", long_story), ("cut", cut))
    )
    assert similarity(story.signature, copy.signature) < CHAIN_SIMILARITY
    assert containment(story.signature, copy.signature) > 0.8
    assert copies(story.signature, copy.signature) is not None
    assert copies(story.signature, prints(MONITOR)[0].signature) is None  # an independent report
