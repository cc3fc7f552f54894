"""Requests per second and p99 latency of `strife serve` under 50 concurrent clients.

    uv run python bench/serve_load.py                  # 100,000 occurrences, 10 s per run
    uv run python bench/serve_load.py --n 20000 --duration 5 --repeat 3

Builds (once, then reuses) the synthetic store of bench/synthetic_store.py, starts
`strife.web.serve` on it in a child process (uvicorn, one worker, read-only), and
loads it with wrk, a local HTTP load tool (`apt-get install -y wrk` on Debian and
Ubuntu, `brew install wrk` on macOS). The baseline in the same run is
/api/health (two counts, kept until the store changes: the cost of the server and
its HTTP layer); the other routes are reported as a ratio of it. Each route is run
for a second before it is measured, so what is measured is a kept answer; the
server computes its first answers at start anyway. Targets run in turn, `--repeat` rounds, best round
kept, so baseline and rival share the machine's load. wrk runs on the same
machine with one thread, so on few cores it takes CPU the server would have.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import synthetic_store
from corpus import OUT

# (name, path): the baseline first.
TARGETS: tuple[tuple[str, str], ...] = (
    ("health (baseline)", "/api/health"),
    ("events, first page", "/api/events"),
    ("events, filtered + sorted", "/api/events?country=Mali&sort=-fatalities&page=3"),
)
MORE: tuple[tuple[str, str], ...] = (
    ("events, page 1999", "/api/events?page=1999"),
    ("event record (the same one)", "/api/events/occ-000123"),
    ("map (clusters)", "/api/map"),
    ("timeline by week", "/api/timeline?interval=week&country=Mali"),
    ("counts by actor1", "/api/counts?by=actor1"),
)
_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


@dataclass(frozen=True)
class Load:
    name: str
    requests_per_s: float
    p99_ms: float
    errors: int

    def line(self, baseline: Load | None = None) -> str:
        text = f"{self.name:<28} {self.requests_per_s:9.0f} req/s   p99 {self.p99_ms:8.1f} ms"
        if self.errors:
            text += f"   {self.errors} errors"
        if baseline is not None:
            text += f"   ratio {self.requests_per_s / baseline.requests_per_s:5.2f} of {baseline.name}"
        return text


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _start(store: Path, port: int) -> subprocess.Popen[bytes]:
    code = f"from strife.web import serve; serve({str(store)!r}, port={port})"
    server = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            error = server.stderr.read().decode() if server.stderr else ""
            raise SystemExit(f"the server exited before answering:\n{error}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not answer /api/health within 60 s")


def _ms(value: str, unit: str) -> float:
    return float(value) * _UNITS[unit]


def _wrk(url: str, duration: int, connections: int) -> tuple[float, float, int]:
    """Requests/s, p99 latency (ms) and failed requests of one wrk run."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
    if rate is None or p99 is None:
        raise SystemExit(f"could not read wrk's figures from:\n{output}")
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors:.*?(\d+).*?(\d+).*?(\d+).*?(\d+)", output)
    failed = int(errors.group(1)) if errors else 0
    if socket_errors:
        failed += sum(int(n) for n in socket_errors.groups())
    return float(rate.group(1)), _ms(p99.group(1), p99.group(2)), failed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=100_000, help="occurrences in the synthetic store")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=50, help="concurrent clients")
    parser.add_argument("--repeat", type=int, default=2, help="rounds; the best of each is kept")
    parser.add_argument("--more", action="store_true", help="also the map, timeline, counts, one record")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit(
            "wrk is not installed: install it with 'apt-get install -y wrk' (Debian/Ubuntu) "
            "or 'brew install wrk' (macOS), then run this again"
        )
    store = OUT / f"store-{args.n}-{args.seed}.duckdb"
    if not store.exists():
        started = time.perf_counter()
        synthetic_store.build(args.n, args.seed, store)
        print(f"built {store} in {time.perf_counter() - started:.1f} s")
    targets = TARGETS + (MORE if args.more else ())
    port = _free_port()
    server = _start(store, port)
    print(
        f"{args.n} occurrences, {args.connections} connections, {args.duration} s per run, "
        f"best of {args.repeat}, {os.cpu_count()} cores (server and wrk share them)"
    )
    try:
        best: dict[str, Load] = {}
        for _ in range(max(1, args.repeat)):
            for name, path in targets:
                url = f"http://127.0.0.1:{port}{path}"
                _wrk(url, 1, args.connections)  # warm-up: pages cached, threads started
                rate, p99, errors = _wrk(url, args.duration, args.connections)
                if name not in best or rate > best[name].requests_per_s:
                    best[name] = Load(name, rate, p99, errors)
    finally:
        server.terminate()
        server.wait(timeout=30)
    baseline = best[targets[0][0]]
    print(baseline.line())
    for name, _ in targets[1:]:
        print(best[name].line(baseline))


if __name__ == "__main__":
    main()
