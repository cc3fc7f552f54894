"""The brief (`strife report`): one country's (or admin1 area's) events over a period, against a
comparison period, as HTML, Markdown or PDF, with its charts and map drawn offline.

    brief = build_brief(con, BriefRequest("Sudan", Period(date(2024, 2, 1), date(2024, 2, 29))))
    write_brief(brief, Path("sudan.pdf"))

brief.py reads the content from the store (its SQL is in strife.store.briefing), content.py words
it, charts.py draws the map and trend, render.py and markdown.py lay it out.
"""

from strife.report.brief import Brief, BriefRequest, Change, Figures, build_brief
from strife.report.periods import COMPARISONS, Period
from strife.report.render import FORMATS, MEDIA_TYPES, format_of, render, write_brief

__all__ = [
    "COMPARISONS",
    "FORMATS",
    "MEDIA_TYPES",
    "Brief",
    "BriefRequest",
    "Change",
    "Figures",
    "Period",
    "build_brief",
    "format_of",
    "render",
    "write_brief",
]
