"""Whether two reports tell one occurrence: a score from named factors, with the reasons (CODEBOOK section 9).

The codebook's test (same type and country, same place or within 50 km, overlapping dates,
no conflicting actors) still merges what it merged. What it missed, the score catches when
other evidence is there:

- **two codings of one occurrence**: an air strike in one report is an attack on civilians in
  another; the family precedence of `data/type_precedence.tsv` links them (`Families`), but
  such a pair needs more than place and date (like wording, equal figures, a shared group);
- **a place named at two levels**: the town inside the district or province the other
  report names, or a place the other report's sentences name too;
- **an undated report** (a scraped page that lost its date): it merges only with other
  evidence: a copy of the same story (one source chain), a date lent by such a copy, or
  evidence sentences that tell the same thing at the same town; type and place alone never
  merge it, since the same town sees the same kind of event many times.

Vetoes come first (another country, unlinked types, disjoint dates, two different named
actors in one position, places far apart), then each factor adds its weight. A score of at
least MERGE merges; one in the UNCERTAIN band below it is left apart and logged for a person
to decide. The thresholds were set on the dev files' clusters and bench/data/merging.jsonl.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Literal

from strife.dedupe.families import Families
from strife.dedupe.match import SAME_PLACE_KM, _km, _window
from strife.dedupe.place_keys import NEAR_KM
from strife.dedupe.place_keys import fold as _fold
from strife.dedupe.similarity import Similarity
from strife.records import Event

MERGE = 2.5
UNCERTAIN = 2.0

Outcome = Literal["merge", "uncertain"]


@dataclass(frozen=True)
class Report:
    """One event record with what merging knows of it beyond its fields.

    `lent_from`: the copy (article id) in the same source chain whose date the record's window
    was lent from, when the article itself has no date. `sentences` gives the record's evidence
    sentences (its type's first) and `article_sentences` those of every record of its article
    (where a place the other report names may be told), read only when a decision needs them."""

    event: Event
    article: str
    lent_from: str | None = None
    sentences: Callable[[], Sequence[str]] = lambda: ()
    article_sentences: Callable[[], Sequence[str]] = lambda: ()
    unlent: Event | None = None  # the record as stored, before a date was lent to it

    def without_lent_date(self) -> Report:
        return self if self.unlent is None else replace(self, event=self.unlent, lent_from=None, unlent=None)

    @property
    def dated(self) -> bool:
        start, end = _window(self.event)
        return start is not None and end is not None


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    score: float
    factors: tuple[str, ...]

    def reason(self) -> str:
        words = "uncertain, not merged" if self.outcome == "uncertain" else "merged"
        return f"{words}: score {self.score:.2f} ({'; '.join(self.factors)})"


def lent_window(article_date: date) -> tuple[date, date]:
    """The window of a current event in an article of that date (CODEBOOK section 5, default window)."""
    return article_date - timedelta(days=6), article_date


@dataclass
class Decider:
    """Scores pairs of reports; `similarity` measures evidence sentences (see dedupe.similarity)."""

    families: Families
    similarity: Similarity

    def apart(self, a: Report, b: Report) -> bool:
        """Whether a veto keeps the pair apart whatever else is known of it, copies or not: another
        country, the disjoint dates of two dated reports (neither lent its dates, which a copy's
        other toll would take back), unlinked types, two parties in one position. Merging asks
        this before it works out whether two articles are copies: most pairs of a busy week and
        country end here, and `decide` would end them too."""
        x, y = a.event, b.event
        if x.country and y.country and x.country != y.country:
            return True
        if a.unlent is None and b.unlent is None and a.dated and b.dated and not _overlap(x, y):
            return True
        if x.event_type != y.event_type and self.families.linked(x, y) is None:
            return True
        return self.families.actors_agree(x, y) is None

    def decide(self, a: Report, b: Report, *, copies: bool = False) -> Verdict | None:
        """The verdict on a pair, or None when a veto or a low score keeps them apart.

        The steps: vetoes (country, unlinked types, actors, disjoint dates, far places); the
        factors and their weights; the evidence some pairs must also have (like sentences for an
        undated report, two codings or victims named differently); the thresholds."""
        tally = _Tally()
        if copies and _tolls_differ(a.event, b.event):
            # Copies of one story give one toll: two tolls say the chain joined two stories told in
            # like words (short, formulaic briefs), so the pair is judged as independent reports.
            copies = False
            a, b = a.without_lent_date(), b.without_lent_date()
            tally.add(0.0, "one source chain, but two death tolls: judged as independent reports")
        x, y = a.event, b.event
        if x.country and y.country and x.country != y.country:
            return None
        if x.event_type == y.event_type:
            tally.add(1.0, f"same type ({x.event_type})")
        else:
            link = self.families.linked(x, y)
            if link is None:
                return None
            tally.add(0.0, f"{link} (family precedence)")
        actors = self.families.actors_agree(x, y)
        if actors is None:
            return None
        if actors:
            tally.add(0.0, actors)
        shared = self.families.telling_actors(x, y)
        if shared:
            tally.add(0.5 * len(shared), f"same named actors ({', '.join(shared)})")
        undated = not (a.dated and b.dated)
        if not undated and not _overlap(x, y):
            return None
        same_day = not undated and x.time_precision == y.time_precision == 1 and _window(x) == _window(y)
        if undated:
            tally.add(0.0, "undated (needs other evidence)")
        else:
            lent = [r.lent_from for r in (a, b) if r.lent_from]
            words = ("same day" if same_day else "dates overlap") + (
                f", date lent by copy {lent[0]}" if lent else ""
            )
            tally.add(1.25 if same_day else 1.0, words)
        if copies:
            tally.add(1.5, "copies of one story")
        tolls = _figures(x, y)
        if tolls is not None:
            tally.add(*tolls)
        place, place_words, town = self._place(a, b)
        if place is None:
            facts = _same_facts(x, y)
            if not copies and not facts:
                return None
            tally.add(0.0, "copies: place coded differently" if copies else f"places differ, but {facts}")
            place, town = 0.0, True
        else:
            tally.add(place, place_words)
        doubt = False
        if not copies:
            cross = x.event_type != y.event_type
            if undated or cross or actors or place < 1.0:
                text = self._text(a, b, tally)
                related = text is not None and text >= self.similarity.related and town
                strong = related and text is not None and text >= self.similarity.strong
                same_toll = tolls is not None and tolls[0] >= 0.5
                close_tolls = tolls is None or tolls[0] > 0
                if cross and not (related or same_toll):
                    return None  # two codings of one occurrence need a detail that ties them
                if actors and not (related or (same_day and tolls is not None and tolls[0] >= 0.25)):
                    return None  # so do victims named differently: like wording, or one day and toll
                if undated and not (strong or (related and tolls is not None and close_tolls)):
                    return None  # and an undated report: like sentences at the same town
                if undated and not close_tolls:
                    doubt = True  # tolls far apart: with no date to agree on, a person decides
        if tally.score >= MERGE and not doubt:
            return Verdict("merge", tally.score, tuple(tally.factors))
        if tally.score >= UNCERTAIN:
            return Verdict("uncertain", tally.score, tuple(tally.factors))
        return None

    def _place(self, a: Report, b: Report) -> tuple[float | None, str, bool]:
        """(weight, words, whether the two agree at town level); weight None: the places conflict."""
        x, y = a.event, b.event
        distance = _km(x, y)
        same_name = bool(x.location and y.location and _fold(x.location) == _fold(y.location))
        if same_name or (distance is not None and distance <= SAME_PLACE_KM):
            towns = _town_level(a) and _town_level(b)
            weight, words = (1.0, "") if towns else (0.5, ", both only a province")
            if same_name:
                return weight, f"same place ({x.location}{words})", towns
            assert distance is not None
            return weight, f"{distance:.0f} km apart{words}", towns and distance <= NEAR_KM
        if x.admin1 and y.admin1 and x.admin1 != y.admin1:
            return None, "", False
        inside = _inside(x, y) or _inside(y, x)
        if inside:
            return 0.75, inside, True
        if distance is not None:
            return None, "", False  # both placed, far apart: the coordinates say two places
        named = _named_by(a, b) or _named_by(b, a)
        if named:
            return 0.75, named, True
        if x.admin1 and x.admin1 == y.admin1:
            return 0.5, f"same admin1 ({x.admin1})", False
        return 0.0, "place unknown on one side", False

    def _text(self, a: Report, b: Report, tally: _Tally) -> float | None:
        """The similarity of the two evidence sentences (their type's), added to the tally."""
        first, second = a.sentences(), b.sentences()
        if not first or not second:
            return None
        value = self.similarity(first[0], second[0])
        weight = 1.0 if value >= self.similarity.strong else 0.5 if value >= self.similarity.related else 0.0
        tally.add(weight, f"evidence sentences alike ({self.similarity.name} {value:.2f})")
        return value


@dataclass
class _Tally:
    score: float = 0.0
    factors: list[str] = field(default_factory=list)

    def add(self, weight: float, words: str) -> None:
        self.score += weight
        self.factors.append(f"{words} {weight:+.2f}")


def _inside(small: Event, large: Event) -> str | None:
    """Words when `small`'s place lies in the district or province `large` names as its place."""
    if not large.location or (large.geo_precision or 0) < 2:
        return None
    name = _fold(large.location)
    for level, area in (("district", small.admin2), ("province", small.admin1)):
        if area and _fold(area) == name:
            return f"{small.location or 'the place'} lies in the {level} {large.location}"
    if (large.geo_precision or 0) >= 3 and small.admin1 and small.admin1 == large.admin1:
        return f"{small.location or 'the place'} lies in {large.admin1}, which the other report names"
    return None


def _town_level(report: Report) -> bool:
    """Whether a record's place is a town, not a province stood for by its capital: many
    occurrences share a province. Precision 3 is a province's, unless the name is one the
    gazetteer lacks, kept with the province's coordinates, that the record's sentence names."""
    event = report.event
    if (event.geo_precision or 1) <= 2:
        return True
    if not event.location or (event.admin1 and _fold(event.location) == _fold(event.admin1)):
        return False
    return _names(report.sentences(), event.location)


def _named_by(place: Report, reader: Report) -> str | None:
    """Words when `reader`'s article names `place`'s location in its evidence sentences too."""
    location = place.event.location
    if not location or len(location) < 4:
        return None
    if _names((*reader.sentences(), *reader.article_sentences()), location):
        return f"the other report names {location} too"
    return None


def _names(sentences: Sequence[str], place: str) -> bool:
    """Whether any of the sentences names the place, as a whole word, spelled either way."""
    needle = _fold(place)
    for sentence in sentences:
        text = _fold(sentence)
        at = text.find(needle)
        while at >= 0:
            before = text[at - 1] if at > 0 else " "
            after = text[at + len(needle)] if at + len(needle) < len(text) else " "
            if not before.isalnum() and not after.isalnum():
                return True
            at = text.find(needle, at + 1)
    return False


def _overlap(a: Event, b: Event) -> bool:
    (s1, e1), (s2, e2) = _window(a), _window(b)
    return not (e1 < s2 or e2 < s1)  # type: ignore[operator]


def _figures(a: Event, b: Event) -> tuple[float, str] | None:
    """Death tolls as evidence: equal counts agree, close ones a little, far apart ones disagree."""
    if not a.fatalities or not b.fatalities:
        return None
    low, high = sorted((a.fatalities, b.fatalities))
    if low == high:
        return 0.5, f"same death toll ({low})"
    if high <= 1.5 * low:
        return 0.25, f"close death tolls ({low}, {high})"
    if high > 3 * low:
        return -0.5, f"death tolls far apart ({low}, {high})"
    return 0.0, f"death tolls differ ({low}, {high})"


def _tolls_differ(a: Event, b: Event) -> bool:
    return a.fatalities is not None and b.fatalities is not None and a.fatalities != b.fatalities


def _same_facts(a: Event, b: Event) -> str | None:
    """Words when two reports agree on everything but the place: the same day, the same two named
    actors and the same death toll (a place resolved wrongly on one side; two such clashes in one
    country on one day with one toll are rare)."""
    if not (a.time_precision == b.time_precision == 1 and _window(a) == _window(b)):
        return None
    if not (a.fatalities and a.fatalities == b.fatalities):
        return None
    mine = {a.actor1, a.actor2}
    if None in mine or any(n.startswith("Unidentified ") for n in mine if n) or mine != {b.actor1, b.actor2}:
        return None
    return f"same day, same two actors and same toll ({a.fatalities})"
