"""The clean stage: boilerplate removal and spun-wording normalisation, with an offset map.

cleaner = Cleaner.default()
cleaned = cleaner(article.text)
cleaned.text                       # what later stages read
cleaned.to_original(start, end)    # a span of cleaned.text -> a span of article.text
"""

from strife.clean.boilerplate import BoilerplateRules, Rule
from strife.clean.cleaner import Cleaner
from strife.clean.rewrites import Rewrite, RewriteTable
from strife.clean.text import CleanText

__all__ = ["BoilerplateRules", "CleanText", "Cleaner", "Rewrite", "RewriteTable", "Rule"]
