"""Offline geocoding: a GeoNames gazetteer, toponym detection, and event locations.

    gazetteer = Gazetteer.load()          # compiled once, then opened in milliseconds
    geocoder = Geocoder(gazetteer)
    mentions = geocoder.mentions(text)
    country = geocoder.article_country(text, mentions)
    location = geocoder.locate(text, mentions, start, end, country, anchor)

Place data: GeoNames, CC BY 4.0 (see CREDIT).
"""

from strife.mentions import Location, Place, PlaceMention
from strife.resolve.places.gazetteer import CREDIT, Gazetteer, import_geonames, strife_home
from strife.resolve.places.geocoder import Geocoder

__all__ = [
    "CREDIT",
    "Gazetteer",
    "Geocoder",
    "Location",
    "Place",
    "PlaceMention",
    "import_geonames",
    "strife_home",
]
