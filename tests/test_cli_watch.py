"""`strife watch` and URL inputs of `strife ingest`, against a real server on 127.0.0.1.

One Coder is loaded for the module and handed to the commands (their model-loading step is
replaced), so the tests pay for the model once.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from ingest.localsite import Answer, Site, page, rss, serving

import strife
from strife.cli import coding, main, watch
from strife.cli.watch import parse_every

HTML = {"Content-Type": "text/html; charset=utf-8"}
STORIES = {
    "/a": page(
        "Gunmen kill five in Zamfara",
        ["Gunmen killed five villagers in an attack on a village in Zamfara state on Tuesday, police said."],
    ),
    "/b": page(
        "Tear gas in Nairobi",
        ["Police fired tear gas at hundreds of protesters in Nairobi on Wednesday as demonstrations spread."],
        published="2024-05-08",
    ),
    "/c": page(
        "Clashes near Goma",
        ["Troops clashed with M23 rebels near Goma on Thursday, killing three soldiers, the army said."],
        published="2024-05-09",
    ),
}


@pytest.fixture(scope="module")
def coder() -> strife.Coder:
    return strife.Coder()


@pytest.fixture
def runner(coder: strife.Coder, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setattr(coding, "loaded_coder", lambda show=None: coder)
    monkeypatch.setattr(watch, "loaded_coder", lambda show=None: coder)
    monkeypatch.setenv("STRIFE_FETCH_RATE", "1000")
    monkeypatch.setenv("STRIFE_CONTACT", "tests@example.org")
    return CliRunner()


@pytest.fixture
def site() -> Iterator[Site]:
    with serving() as served:
        served.routes["/robots.txt"] = Answer(200, b"User-agent: *\nAllow: /\n")
        for path, body in STORIES.items():
            served.routes[path] = Answer(200, body, HTML)
        yield served


def feed_of(site: Site, paths: list[str], etag: str) -> None:
    def answer(headers: dict[str, str]) -> Answer:
        if headers.get("if-none-match") == etag:
            return Answer(304, b"", {"ETag": etag})
        items = [(path, path, "Tue, 07 May 2024 10:00:00 GMT") for path in paths]
        return Answer(200, rss(items), {"Content-Type": "application/rss+xml", "ETag": etag})

    site.routes["/feed.xml"] = answer


def test_watch_once_twice_stores_new_entries_only_and_asks_conditionally(
    runner: CliRunner, site: Site, tmp_path: Path
) -> None:
    db = str(tmp_path / "w.duckdb")
    args = ["watch", "--once", site.url("/feed.xml"), "--db", db]
    feed_of(site, ["/a", "/b"], '"v1"')
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "pages fetched 2" in first.stdout and "stored 2," in first.stdout
    again = runner.invoke(main, args)  # a restart: only the store remembers the first run
    assert again.exit_code == 0, again.output
    assert (
        "not modified 1" in again.stdout and "pages fetched 0" in again.stdout and "stored 0," in again.stdout
    )
    assert site.hits[-1].headers.get("if-none-match") == '"v1"'
    feed_of(site, ["/c", "/a", "/b"], '"v2"')  # the feed gains an entry
    third = runner.invoke(main, args)
    assert "pages fetched 1" in third.stdout and "stored 1," in third.stdout
    assert site.paths().count("/a") == 1 and site.paths().count("/c") == 1
    with strife.open_store(db, read_only=True) as store:
        assert store.store.cursor().execute("SELECT count(*) FROM articles").fetchone() == (3,)


def test_watch_survives_a_server_that_is_down(runner: CliRunner, site: Site, tmp_path: Path) -> None:
    url = site.url("/feed.xml")
    site.routes["/feed.xml"] = Answer(503, b"busy", {"Retry-After": "0"})
    result = runner.invoke(main, ["watch", "--once", url, "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 0, result.output
    assert "HTTP 503 Service Unavailable" in result.stderr and "rejected 1 (fetch 1)" in result.stdout


def test_watch_on_a_store_another_process_writes_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    strife.open_store(db).close()
    hold = (
        "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); time.sleep(9)"
    )
    child = subprocess.Popen([sys.executable, "-c", hold, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        result = runner.invoke(main, ["watch", "--once", "http://127.0.0.1:9/feed.xml", "--db", str(db)])
    finally:
        child.kill()
        child.wait(timeout=10)
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert "skipped" in line and f"process {child.pid}" in line


def test_ingest_reads_urls_and_url_lists_and_counts_rejections_by_stage(
    runner: CliRunner, site: Site, tmp_path: Path
) -> None:
    listed = tmp_path / "urls.csv"
    listed.write_text(
        f"title,url\nB,{site.url('/b')}\nnone,\nmissing,{site.url('/gone')}\n", encoding="utf-8"
    )
    db = str(tmp_path / "i.duckdb")
    result = runner.invoke(main, ["ingest", site.url("/a"), "--urls", str(listed), "--db", db])
    assert result.exit_code == 0, result.output
    assert "articles read 2, stored 2" in result.stdout and "rejected 2 (read 1, fetch 1)" in result.stdout
    assert "HTTP 404 Not Found" in result.stderr


@pytest.mark.parametrize(
    ("text", "seconds"), [("15m", 900), ("90s", 90), ("1h", 3600), ("2", 120), ("1.5h", 5400), ("1d", 86400)]
)
def test_every_reads_a_period(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "0m", "soon", "-5m", "15 minutes"])
def test_every_refuses_what_is_no_period(text: str) -> None:
    with pytest.raises(ValueError, match="not a period"):
        parse_every(text)


def test_a_bad_every_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["watch", "--every", "soon", "http://127.0.0.1:9/feed.xml"])
    assert result.exit_code == 2 and "not a period" in result.stderr


def test_a_source_that_is_neither_url_nor_file_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["watch", "--once", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2 and "neither an http(s) URL nor a file" in result.stderr


@pytest.mark.parametrize(("total", "shown"), [(3, "3 of 3"), (None, "3 coded")])
def test_the_progress_bar_shows_a_total_when_known_and_never_1_articles(
    total: int | None, shown: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for _ in coding.progress_bar(total, show=True)(iter([object()] * 3)):  # type: ignore[list-item]
        pass
    err = capsys.readouterr().err
    assert shown in err and "article/s" in err and "articles:" in err and "1 articles" not in err


def test_server_needs_a_token(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STRIFE_TOKEN", raising=False)
    result = runner.invoke(main, ["ingest", str(tmp_path), "--server", "http://127.0.0.1:9"])
    assert result.exit_code == 2 and "--server needs the server's token" in result.stderr


def test_a_server_that_does_not_answer_is_one_line(runner: CliRunner, site: Site, tmp_path: Path) -> None:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    args = ["ingest", site.url("/a"), "--server", f"http://127.0.0.1:{port}", "--token", "t"]
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert "no strife server answers" in line


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """A real `strife serve --token t` on a store of its own, the learned stage off to load faster."""
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    db = tmp_path / "served.duckdb"
    strife.open_store(db).close()
    env = {**os.environ, "STRIFE_ENCODER": "off"}
    command = [sys.executable, "-c", "from strife.cli import main; main()", "serve", "--db", str(db)]
    command += ["--port", str(port), "--token", "t"]
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if child.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"strife serve did not start: {child.stderr.read() if child.stderr else ''}")
            time.sleep(0.2)
        yield url
    finally:
        child.terminate()
        child.wait(timeout=30)


@pytest.mark.slow
def test_ingest_and_watch_hand_articles_to_a_running_server(
    runner: CliRunner, site: Site, server: str, tmp_path: Path
) -> None:
    posted = runner.invoke(main, ["ingest", site.url("/a"), "--server", server, "--token", "t"])
    assert posted.exit_code == 0, posted.output
    assert "stored 1," in posted.stdout and f"(server: {server})" in posted.stdout
    feed_of(site, ["/a", "/b"], '"v1"')
    args = ["watch", "--once", site.url("/feed.xml"), "--server", server, "--token", "t"]
    watched = runner.invoke(main, [*args, "--db", str(tmp_path / "state.duckdb")])
    assert watched.exit_code == 0, watched.output
    assert "pages fetched 2" in watched.stdout and "stored 1, duplicates skipped 1" in watched.stdout
    assert httpx.get(f"{server}/api/health").json()["articles"] == 2
    refused = runner.invoke(main, ["ingest", site.url("/b"), "--server", server, "--token", "wrong"])
    assert refused.exit_code == 1 and "refused the articles" in refused.stderr


def test_loading_the_model_is_a_step_on_the_terminal(
    coder: strife.Coder, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(strife, "Coder", lambda: coder)
    assert coding.loaded_coder(show=True) is coder
    err = capsys.readouterr().err
    assert err.startswith("loading the model (") and " ready in " in err
    coding.loaded_coder(show=False)
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("name", "value", "said"),
    [
        ("STRIFE_FETCH_RATE", "fast", "STRIFE_FETCH_RATE is 'fast', not a number"),
        ("STRIFE_FETCH_RATE", "0", "> 0"),
    ],
)
def test_a_bad_fetch_setting_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, said: str
) -> None:
    monkeypatch.setenv(name, value)
    for args in (
        ["ingest", "http://127.0.0.1:9/feed.xml"],
        ["watch", "--once", "http://127.0.0.1:9/feed.xml"],
    ):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2 and said in result.stderr and "Traceback" not in result.output


def test_fetching_without_a_contact_says_to_set_one(
    runner: CliRunner, site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STRIFE_CONTACT", raising=False)
    result = runner.invoke(main, ["ingest", site.url("/a"), "--db", str(tmp_path / "i.duckdb")])
    assert "set STRIFE_CONTACT" in result.stderr
    monkeypatch.setenv("STRIFE_CONTACT", "desk@example.org")
    result = runner.invoke(main, ["ingest", site.url("/a"), "--db", str(tmp_path / "i.duckdb")])
    assert "STRIFE_CONTACT" not in result.stderr
    assert "desk@example.org" in site.hits[-1].headers["user-agent"]
