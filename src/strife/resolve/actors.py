"""Actor dictionary: noun phrases in a text -> canonical actors with a type code (CODEBOOK section 4).

Three data files drive it, each editable by a domain expert (read by `strife.resolve.actor_tables`):

- ``data/actors.tsv``: named actors, one row per actor and period (the Taliban are rebels
  to 2021-08-14 and the state forces of Afghanistan from 2021-08-15), with aliases that
  match anywhere and local aliases ("the resistance", "junta") that match only in
  articles about the given countries.
- ``data/generic_actors.tsv``: common nouns ("civilians", "troops", "gunmen") that name
  an actor once a country is known: ``Civilians (<Country>)``, ``Military Forces of
  <Country>``, ``Unidentified Armed Group (<Country>)``.
- ``data/actor_demonyms.tsv``: "Russian", "Somalia" and the like, which give a generic
  noun right after them its country ("Russian troops" -> Military Forces of Russia), and
  ethnic or communal groups ("Murle", "Fulani"), which name the militia of a generic noun
  right after them ("Murle youth" -> Murle Ethnic Militia (South Sudan)).

Matching works on word tokens: case, accents, hyphens and brackets are ignored, the last
word may carry a plural or possessive ending, and the longest alias wins. An alias written
all in capitals (NRF, IS-K) or starting with "=" must match exactly as written, so "IS"
does not match the verb "is" nor "the Front" match "the front line". A name inside a
hyphenated modifier ("pro-Houthi media", "a rebel-held town", "Hamas-run Gaza") is not a
mention of that actor, unless a longer alias covers the whole compound ("anti-coup fighters").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from strife.mentions import Actor
from strife.resolve._actor_match import Lexicon, Scan, fold, in_modifier
from strife.resolve.actor_tables import (
    ACTOR_COLUMNS,
    AdminUnits,
    Demonym,
    Entry,
    Generic,
    Sense,
    read_tables,
)

__all__ = ["ACTOR_COLUMNS", "ActorDictionary"]


@dataclass
class _Candidate:
    start: int  # token index
    end: int  # exclusive
    named: list[Sense]
    generic: Generic | None
    country: str | None = None  # from a demonym before a generic noun
    group: Demonym | None = None  # an ethnic or communal group before a "{militia}" noun


class ActorDictionary:
    """Named and generic actors with validity dates; resolves noun phrases and finds mentions in text."""

    def __init__(
        self,
        entries: list[Entry],
        aliases: list[tuple[str, Sense]],
        generics: list[tuple[str, Generic]],
        demonyms: list[tuple[str, Demonym]],
        admin_units: AdminUnits | None = None,
    ) -> None:
        self.entries = entries
        self.admin_units = admin_units or AdminUnits()
        self._named: Lexicon[Sense] = Lexicon()
        self._generic: Lexicon[Generic] = Lexicon()
        self._demonyms: Lexicon[Demonym] = Lexicon()
        for alias, sense in aliases:
            self._named.add(alias, sense)
        for alias, generic in generics:
            self._generic.add(alias, generic)
        for alias, demonym in demonyms:
            self._demonyms.add(alias, demonym)
        self.countries = {d.country for _, d in demonyms} | {e.country for e in entries if e.country}
        self._by_name: dict[str, list[Entry]] = defaultdict(list)
        for entry in entries:
            self._by_name[fold(entry.name)].append(entry)

    @classmethod
    def load(
        cls,
        path: Path | None = None,
        generic_path: Path | None = None,
        demonym_path: Path | None = None,
        admin_path: Path | None = None,
    ) -> ActorDictionary:
        """Read the data files (the packaged ones by default); errors name the file, line and fix."""
        return cls(*read_tables(path, generic_path, demonym_path, admin_path))

    def alias_senses(self) -> Iterator[tuple[tuple[str, ...], list[tuple[Entry, bool]]]]:
        """Every alias key with the (entry, local) pairs it names: for data checks."""
        for key, senses in self._named.items():
            yield key, [(s.entry, s.local) for s in senses]

    def resolve(self, phrase: str, on: date | None = None, country: str | None = None) -> Actor | None:
        """The actor a noun phrase names ("NRF forces", "Russian troops", "residents"), or None.

        A named actor anywhere in the phrase wins over a generic noun ("Taliban commanders"
        is the Taliban); `on` picks the row valid that day (None: the open-ended row) and
        `country` is the article's country, which fills generic nouns and local aliases.
        """
        found = self._mentions(phrase, on, country)
        named = [m for m in found if m[3]]
        best = named or found
        return best[0][2] if best else None

    def find(
        self, text: str, on: date | None = None, country: str | None = None
    ) -> list[tuple[int, int, Actor]]:
        """All actor mentions in a text as (char start, char end, actor), in text order.

        Longest mentions are taken first and mentions never overlap."""
        return [(start, end, actor) for start, end, actor, _ in self._mentions(text, on, country)]

    def mentions(
        self, text: str, on: date | None = None, country: str | None = None
    ) -> list[tuple[int, int, Actor, bool]]:
        """find(), with whether each mention names an actor (True) or is a generic noun (False)."""
        return self._mentions(text, on, country)

    def country_of(self, name: str) -> str | None:
        """The home country of a canonical actor name ("Civilians (Sudan)" -> "Sudan"), for country hints."""
        for entry in self._by_name.get(fold(name), []):
            if entry.country:
                return entry.country
        match = re.search(r"\(([^()]+)\)\s*$", name) or re.search(
            r"\bof (?:the )?(.+?)(?: \(\d{4}-(?:\d{4})?\))?$", name
        )
        if match and match.group(1) in self.countries:
            return match.group(1)
        return None

    # -- matching ---------------------------------------------------------------------------

    def _mentions(
        self, text: str, on: date | None, country: str | None
    ) -> list[tuple[int, int, Actor, bool]]:
        scan = Scan(text)
        tokens = scan.tokens
        candidates = list(self._candidates(scan))
        # Longest first; at equal length a named actor beats a generic noun.
        candidates.sort(key=lambda c: (c.start - c.end, not c.named, c.start))
        taken = [False] * len(tokens)
        out = []
        for cand in candidates:
            if any(taken[cand.start : cand.end]) or in_modifier(scan, cand.start, cand.end):
                continue
            actor, is_named = self._actor(cand, on, country)
            if actor is None:
                continue
            start, end = tokens[cand.start].start, tokens[cand.end - 1].end
            matched = Actor(actor.name, actor.type, actor.country, actor.assoc, text[start:end])
            out.append((start, end, matched, is_named))
            taken[cand.start : cand.end] = [True] * (cand.end - cand.start)
        return sorted(out, key=lambda m: m[0])

    def _candidates(self, scan: Scan) -> Iterator[_Candidate]:
        count = len(scan.tokens)
        # Every named alias at a position is a candidate: when the longest one names no actor
        # here (a local alias of another country), a shorter one still can.
        named_all = self._named.every(scan)
        named_spans = {(i, n) for i, n, _ in named_all}
        generic = self._generic.longest_at(scan)
        demonym_ends: dict[int, tuple[int, Demonym]] = {}  # token index after a demonym -> (its start, row)
        for i, (n, rows) in sorted(self._demonyms.longest_at(scan).items()):
            if i + n < count and scan.joined(i + n - 1, 2):
                demonym_ends.setdefault(i + n, (i, rows[0]))
        nothing: tuple[int, list[Generic]] = (0, [])
        for i, n, senses in named_all:
            # A word that is both an alias and a generic noun keeps both readings on one candidate.
            here = generic.get(i, nothing)
            same = _plain(here[1]) if here[0] == n else None
            end = i + n
            # "Taliban fighters", "al-Shabaab militants": the noun after the name is the same actor.
            after = _plain(generic.get(end, nothing)[1])
            if same is None and after and after.after_name and scan.joined(end - 1, 2):
                end += generic[end][0]
            yield _Candidate(i, end, senses, same)
        for i, (n, generics) in sorted(generic.items()):
            start, demonym = demonym_ends.get(i, (i, None))
            if demonym is not None and demonym.militia is not None:
                # "Murle youth", "Fulani gunmen": the group's militia; a noun with no militia
                # reading ("Fulani herders") is read without the group word.
                militia = next((g for g in generics if g.needs_group), None)
                if militia is not None:
                    yield _Candidate(start, i + n, [], militia, None, demonym)
                    continue
                start, demonym = i, None
            plain = _plain(generics)
            if plain is None or (demonym is None and _ends_unknown_name(scan, i, n, plain)):
                continue
            if plain.template.startswith("Government of") and _in_unit_name(scan, i, n, self.admin_units):
                continue  # "Igabi Local Government Area" is a place, not the state
            country = demonym.country if demonym is not None else None
            if country is not None or (i, n) not in named_spans:
                yield _Candidate(start, i + n, [], plain, country)
            if country is not None:
                # "Russian and Ukrainian forces": the first demonym names forces of its own.
                yield from self._coordinated(scan, start, plain, demonym_ends)

    @staticmethod
    def _coordinated(
        scan: Scan, start: int, generic: Generic, demonym_ends: dict[int, tuple[int, Demonym]]
    ) -> Iterator[_Candidate]:
        """ "Russian" in "Russian and Ukrainian forces": a demonym joined by "and"/"or" to the one
        before a generic noun shares that noun."""
        conj = start - 1
        if conj < 1 or scan.tokens[conj].folded not in {"and", "or"} or not scan.joined(conj, 2):
            return
        first_start, first = demonym_ends.get(conj, (0, None))
        if first is not None and first.militia is None:
            yield _Candidate(first_start, conj, [], generic, first.country)

    def _actor(self, cand: _Candidate, on: date | None, country: str | None) -> tuple[Actor | None, bool]:
        """The candidate's actor and whether it is a named one (a generic reading is the fallback)."""
        entry = self._choose(cand.named, on, country, stale_ok=cand.generic is None)
        if entry is not None:
            return self._from_entry(entry, country), True
        if cand.generic is not None and cand.group is not None and cand.group.militia is not None:
            # A group's militia is named for the country it acts in, else the group's home.
            home = country or cand.group.country
            return Actor(f"{cand.group.militia} ({home})", cand.generic.type, home), False
        if cand.generic is not None:
            return self._from_generic(cand.generic, cand.country or country, on, country), False
        return None, False

    def _choose(
        self, senses: list[Sense], on: date | None, country: str | None, stale_ok: bool
    ) -> Entry | None:
        """The row an alias names: a local row for the article's country first, then by date."""
        local = [s.entry for s in senses if s.local and country in s.entry.local_in]
        shared = [s.entry for s in senses if not s.local]
        if country is None and not shared:
            # Without a country a local alias counts only when all its rows are one country's.
            homes = {s.entry.local_in for s in senses if s.local}
            local = [s.entry for s in senses if s.local] if len(homes) == 1 else []
        shared.sort(key=lambda e: e.country != country)
        for pool in (local, shared):
            if not pool:
                continue
            if on is None:
                return sorted(pool, key=lambda e: e.valid_to is not None)[0]
            valid = [e for e in pool if e.valid_on(on)]
            if valid:
                return valid[0]
            if stale_ok:
                # A named actor out of its period ("Afghan National Army" in 2023) is still that actor.
                return min(pool, key=lambda e: abs(((e.valid_to or e.valid_from or on) - on).days))
        return None

    def _from_entry(self, entry: Entry, country: str | None) -> Actor:
        kind = entry.type
        if kind == 1 and country and entry.country and entry.country != country:
            kind = 8  # state forces acting outside their own country are external forces (ACLED)
        return Actor(entry.name, kind, entry.country, entry.assoc)

    def _from_generic(
        self, generic: Generic, home: str | None, on: date | None, country: str | None
    ) -> Actor:
        if home is None:
            bare = generic.template.replace(" ({country})", "").replace(" of {country}", "")
            return Actor(bare, generic.type, None)
        if generic.type == 1:
            # The dictionary's own name for the country's forces wins: "... of Afghanistan (2021-)".
            prefix = generic.template.split("{country}")[0]
            rows = [
                e
                for e in self.entries
                if e.type == 1 and e.country == home and _is_state_name(e.name, prefix)
            ]
            entry = self._choose([Sense(e, False) for e in rows], on, None, stale_ok=False)
            if entry is not None:
                return self._from_entry(entry, country)
            return self._from_entry(
                Entry(generic.template.format(country=home), 1, home, frozenset(), None, None, None), country
            )
        return Actor(generic.template.format(country=home), generic.type, home)


# The armed-force nouns that end the names of groups ("... Patriotic Army", "... Defence Forces"); a
# capitalised "Gunmen" or "Militants" after a capitalised word begins a headline or follows a dateline.
_NAME_ENDINGS = frozenset({"army", "militia", "militias", "forces", "force", "guard", "brigade", "brigades"})


def _ends_unknown_name(scan: Scan, i: int, n: int, generic: Generic) -> bool:
    """Whether an armed-force noun at token i ends the proper name of a group the dictionary lacks.

    "the Kordofan Patriotic Army", "the Popular Mobilisation Militia": a capitalised "Army" or
    "Militia" (a noun of _NAME_ENDINGS) after another capitalised word is part of a name, not the
    state's army or an unnamed group. Police and government nouns keep their reading ("Kano State
    Police"), and so does a headline in title case ("Troops Repel Bandits In Raid"), where the next
    word is capitalised too."""
    if i == 0 or not (generic.type == 8 or generic.template.startswith("Military Forces")):
        return False
    toks = scan.tokens
    word, before = toks[i + n - 1].raw, toks[i - 1].raw
    if word.lower() not in _NAME_ENDINGS:  # "NAIROBI (Reuters) - Gunmen killed ...": no name
        return False
    if not (word[:1].isupper() and before[:1].isupper() and scan.joined(i - 1, 2)):
        return False
    end = i + n
    return end >= len(toks) or not scan.joined(end - 1, 2) or not toks[end].raw[:1].isupper()


def _in_unit_name(scan: Scan, i: int, n: int, units: AdminUnits) -> bool:
    """Whether a government noun at token i is part of an administrative unit's name (admin_units.tsv):
    "Igabi Local Government Area", "the Nairobi County Government", "a local government area". A
    level word before it makes a unit when the noun is capitalised or a unit word follows; a unit
    word after it alone does when both are capitalised ("Government Area")."""
    toks, end = scan.tokens, i + n
    word = toks[i].raw[:1].isupper()
    before = i > 0 and scan.joined(i - 1, 2) and toks[i - 1].folded in units.before
    after = end < len(toks) and scan.joined(end - 1, 2) and toks[end].folded in units.after
    if before:
        return word or after
    return after and word and toks[end].raw[:1].isupper()


def _plain(generics: list[Generic]) -> Generic | None:
    """The first reading of a generic noun that needs no group word before it."""
    return next((g for g in generics if not g.needs_group), None)


def _is_state_name(name: str, prefix: str) -> bool:
    """Whether a name is the prefix plus a country, maybe dated: "Military Forces of Myanmar (2021-)"."""
    rest = name[len(prefix) :] if name.startswith(prefix) else ""
    return bool(rest) and re.fullmatch(r"(?:the )?[^()]+?(?: \(\d{4}-(?:\d{4})?\))?", rest) is not None
