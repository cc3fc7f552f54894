"""Peak resident memory of strife extract on 1,000 and on 20,000 articles: it must not grow with the corpus.

    uv run python bench/memory.py                      # sizes 1000 and 20000 (long: minutes per 1,000)
    uv run python bench/memory.py --sizes 200 2000     # quicker check of the same property

Each size runs in a fresh child process (so one run's peak cannot hide another's),
streaming the corpus file through the reader and the runner and discarding each
outcome, as `strife extract` does. Baseline in the same run: the child's peak after
loading the resources and coding the first 8 articles. Target: peaks within 10%
of each other.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import corpus
from common import peak_rss_mb

from strife.pipeline import Resources

CHILD = """
import itertools, json, sys
sys.path.insert(0, {bench!r})
from common import peak_rss_mb

from strife.pipeline import Resources
from strife.ingest import ReadOptions, read_inputs
from strife.pipeline import Resources
from strife.pipeline.runner import run
resources = Resources()
items = read_inputs([{path!r}], ReadOptions())
events = 0
for outcome in run(itertools.islice(items, 8), resources):
    events += len(outcome.events)
warm = peak_rss_mb()
for outcome in run(items, resources):
    events += len(outcome.events)
print(json.dumps({{"warm_mb": warm, "peak_mb": peak_rss_mb(), "events": events}}))
"""


def measure(path: Path) -> dict[str, float]:
    bench = str(Path(__file__).resolve().parent)
    code = CHILD.format(bench=bench, path=str(path))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"child for {path.name} failed:\n{done.stderr[-2000:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 20000])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    # the first use of a new gazetteer compiles its index (a one-off peak): do it here, not in a child
    Resources().gazetteer.close()
    peaks = []
    for size in args.sizes:
        path = corpus.build(size, 1.0, args.seed)
        result = measure(path)
        peaks.append(result["peak_mb"])
        print(
            f"{size:>7} articles: peak RSS {result['peak_mb']:7.1f} MB "
            f"(after warm-up {result['warm_mb']:.1f} MB, {int(result['events'])} events)"
        )
    growth = max(peaks) / min(peaks) - 1
    verdict = "meets target" if growth <= 0.10 else "MISSES target"
    print(f"peak growth from smallest to largest: {growth:.1%}, target <= 10%: {verdict}")
    print(f"(this parent process: {peak_rss_mb():.1f} MB)")


if __name__ == "__main__":
    main()
