"""The Ray actor that codes units: one loaded pipeline per actor, reused for every unit it is given.

Ray Data calls it with batches of units (`path` as bytes, since a file name need not be
UTF-8, and `key`); it reads each file with the local reader, runs the very same stages
as the local runner, and writes the unit's shard before answering with its counts.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from strife.distributed.shards import write_shard
from strife.ingest.files import ReadOptions, read_inputs
from strife.ingest.text import path_text
from strife.pipeline.resources import Resources
from strife.pipeline.stages import default_pipeline


class CodeUnits:
    """Loads the model, gazetteer and encoder once (in `__init__`), then codes unit after unit."""

    def __init__(self, root: str, max_bytes: int | None) -> None:
        self.root = Path(root)
        self.options = ReadOptions(max_bytes=max_bytes) if max_bytes else ReadOptions()
        self.resources = Resources()
        self.resources.warm()
        self.pipeline = default_pipeline(self.resources)
        self.worker = f"{os.uname().nodename}:{os.getpid()}"

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        answer: dict[str, list[Any]] = {
            k: [] for k in ("key", "articles", "rejections", "events", "seconds", "worker")
        }
        for raw, key in zip(batch["path"], batch["key"], strict=True):
            path = os.fsdecode(bytes(raw))
            started = time.perf_counter()
            outcomes = list(self.pipeline.run(read_inputs([path], self.options)))
            seconds = time.perf_counter() - started
            counts = write_shard(self.root, str(key), path_text(path), outcomes, seconds)
            for name, value in (
                ("key", str(key)), ("articles", counts.articles), ("rejections", counts.rejections),
                ("events", counts.events), ("seconds", seconds), ("worker", self.worker),
            ):  # fmt: skip
                answer[name].append(value)
        return answer
