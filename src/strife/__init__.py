"""strife: dated news reports in, verifiable conflict and displacement event records out.

The public API (see the README's "Python" section):

- `strife.extract(text, date=None, url=None) -> list[Event]`: one article, no store;
- `strife.Coder`: the loaded pipeline, reusable; `coder.extract_many(articles, workers=N)`;
- `strife.open_store(path)`: a store to `ingest`, query (`events`), `export` and curate (`delete`);
- the records: `Article`, `Event`, `Evidence`, `Claim`, `Source`, `Rejection`.

The API names load on first use (PEP 562), so `import strife.records` stays light.
"""

from __future__ import annotations

import sys
import types
from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from strife.records import SCHEMA_VERSION, Article, Claim, Event, Evidence, Rejection, Source

if TYPE_CHECKING:
    from strife.api import Coder, Dataset, article, extract, open_store, read
    from strife.pipeline import Outcome
    from strife.pipeline.storing import IngestSummary

try:
    __version__ = version("strife")  # the one place it is written is pyproject.toml
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

_LAZY = {
    "Coder": "strife.api",
    "Dataset": "strife.api",
    "article": "strife.api",
    "extract": "strife.api",
    "open_store": "strife.api",
    "read": "strife.api",
    "Outcome": "strife.pipeline",
    "IngestSummary": "strife.pipeline.storing",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'strife' has no attribute {name!r}")


class _Strife(types.ModuleType):
    """`strife.extract` is the API function, though `strife/extract/` is also a subpackage.

    Importing a subpackage sets it as an attribute of its parent, which would replace the
    function with the package after the first `import strife.extract.<module>`. This
    property keeps the function; the subpackage stays reachable as
    `sys.modules["strife.extract"]` and through every `from strife.extract... import`.
    """

    @property
    def extract(self) -> Any:
        return import_module("strife.api").extract

    @extract.setter
    def extract(self, value: Any) -> None:
        pass  # the import system setting the subpackage: keep the function


sys.modules[__name__].__class__ = _Strife


__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Claim",
    "Coder",
    "Dataset",
    "Event",
    "Evidence",
    "IngestSummary",
    "Outcome",
    "Rejection",
    "Source",
    "__version__",
    "article",
    "extract",
    "open_store",
    "read",
]
