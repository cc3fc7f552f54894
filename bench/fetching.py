"""Pages fetched (and coded) per second from a local server, at 1, 4 and 16 concurrent fetches.

    uv run python bench/fetching.py                 # 64 pages, 50 ms server latency
    uv run python bench/fetching.py --n 128 --latency 0.1

A feed of N conflict articles (bench corpus, rendered as news pages) is served by a
threaded HTTP server on 127.0.0.1 that waits `--latency` seconds before each answer (a
remote site's round trip). strife reads the feed URL as `strife ingest URL` does
(`strife.ingest.read_inputs`: robots.txt, the feed, then every entry's page), with the
per-host rate lifted so that only concurrency limits it. Two figures per concurrency:
pages fetched and read per second (no coding), and pages fetched, read and coded per
second. Baseline in the same run: the same pages saved as .html files, read and coded.
Last, the politeness check: at the default-like rate of 5 requests a second to one host,
the measured rate of request starts.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import corpus
from common import load_articles

from strife.ingest import ReadOptions, read_inputs
from strife.ingest.fetch import Fetcher, FetchSettings, Request
from strife.pipeline import Resources
from strife.pipeline.runner import run
from strife.records import Article


def render(article: Article) -> bytes:
    paragraphs = "".join(f"<p>{p.strip()}</p>" for p in article.text.split("\n") if p.strip())
    date = article.date.isoformat() if article.date else ""
    return (
        f'<!doctype html><html><head><title>{article.id}</title><meta property="article:published_time" '
        f'content="{date}"></head><body><nav><a href="/">Home</a></nav><article><h1>Report {article.id}'
        f"</h1>{paragraphs}</article><footer>The Bench Ledger</footer></body></html>"
    ).encode()


def serve(pages: dict[str, bytes], latency: float) -> tuple[ThreadingHTTPServer, list[float]]:
    starts: list[float] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            starts.append(time.monotonic())
            time.sleep(latency)
            body = pages.get(self.path)
            status = 200 if body is not None else 404
            body = body if body is not None else b"not here"
            kind = "application/rss+xml" if self.path.endswith(".xml") else "text/html; charset=utf-8"
            if self.path == "/robots.txt":
                kind = "text/plain"
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server, starts


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=64)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    articles, _ = load_articles(corpus.build(args.n, 1.0, args.seed))
    pages = {f"/p/{i}": render(a) for i, a in enumerate(articles)}
    pages["/robots.txt"] = b"User-agent: *\nAllow: /\n"
    server, starts = serve(pages, args.latency)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    items = "".join(f"<item><title>{i}</title><link>{base}/p/{i}</link></item>" for i in range(len(articles)))
    pages["/feed.xml"] = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>b</title>{items}</channel></rss>'.encode()
    )
    resources = Resources()
    resources.warm()
    print(f"{len(articles)} pages, server latency {args.latency * 1000:.0f} ms, pipeline loaded\n")

    folder = tempfile.mkdtemp()
    for i in range(len(articles)):
        (Path(folder) / f"p{i}.html").write_bytes(pages[f"/p/{i}"])

    def coded_per_s(inputs: list[str], options: ReadOptions) -> float:
        started = time.perf_counter()
        coded = sum(1 for o in run(read_inputs(inputs, options), resources) if o.rejection is None)
        assert coded == len(articles), coded
        return coded / (time.perf_counter() - started)

    feed = [f"{base}/feed.xml"]
    for concurrency in (1, 4, 16):
        settings = FetchSettings(rate=10_000.0, concurrency=concurrency, per_host=concurrency, timeout=30.0)
        options = ReadOptions(fetch=settings)
        started = time.perf_counter()
        read = sum(1 for x in read_inputs(feed, options) if isinstance(x, Article))
        fetched = read / (time.perf_counter() - started)
        # coded from the server and from saved files in turn, best of `--repeat`: the machine is shared
        both = baseline = 0.0
        for _ in range(args.repeat):
            baseline = max(baseline, coded_per_s([folder], options))
            both = max(both, coded_per_s(feed, options))
        print(
            f"concurrency {concurrency:2d}: fetched and read {fetched:6.1f} pages/s; fetched, read and coded "
            f"{both:5.1f} pages/s = {both / baseline:4.2f} of the same pages coded from saved files "
            f"({baseline:5.1f} pages/s)"
        )

    starts.clear()
    with Fetcher(FetchSettings(rate=5.0, concurrency=8, per_host=8)) as fetcher:
        list(fetcher.fetch_all(Request(f"{base}/p/{i % len(articles)}") for i in range(21)))
    span = starts[-1] - starts[0]
    print(
        f"\npoliteness: rate 5/s to one host, 8 fetches allowed at once: {len(starts) - 1} gaps in "
        f"{span:.2f} s = {(len(starts) - 1) / span:.2f} request starts/s (robots.txt included)"
    )
    server.shutdown()
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
