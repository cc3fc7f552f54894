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
