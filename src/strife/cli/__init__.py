"""The `strife` command line: parse options, call the library, format output. Nothing else.

`_base` holds the `main` group and what every command shares; each other module of this
package is one family of commands registering itself on `main`, and all are imported here,
so a new family is a new module (no list to edit).
"""

from __future__ import annotations

import importlib
import pkgutil

from strife.cli._base import main

for _family in pkgutil.iter_modules(__path__):
    if not _family.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_family.name}")

__all__ = ["main"]
