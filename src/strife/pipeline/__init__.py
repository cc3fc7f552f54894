"""The pipeline: named stages over articles (core), the default stages, and the ways to run them.

- core.py: `Pipeline`, `Work` (one article in flight), `Outcome`, per-article error isolation;
- stages.py: relevance -> clean -> parse -> resolve -> extract -> assemble;
- resources.py / settings.py: the loaded model and tables the stages share, and the settings table;
- runner.py: one process or a pool of forked workers, results in input order;
- storing.py: coding into a store, with source chains and occurrences merged as it goes.
"""

from strife.pipeline.core import Outcome, Pipeline, Stage, Work
from strife.pipeline.resources import Resources
from strife.pipeline.settings import SETTINGS, Setting, setting
from strife.pipeline.stages import default_pipeline

__all__ = [
    "SETTINGS",
    "Outcome",
    "Pipeline",
    "Resources",
    "Setting",
    "Stage",
    "Work",
    "default_pipeline",
    "setting",
]
