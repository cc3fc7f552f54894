"""strife.web.serve: uvicorn on 127.0.0.1, answering only to loopback host names."""

from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _get(port: int, path: str, host: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@pytest.fixture
def served(sample_store: Path) -> Iterator[int]:
    port = _free_port()
    code = f"from strife.web import serve; serve({str(sample_store)!r}, port={port})"
    server = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(port, "/api/health", "127.0.0.1")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    error = server.stderr.read().decode() if server.stderr else ""
                    pytest.fail(f"strife.web.serve did not start: {error}")
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_answers_on_loopback(served: int) -> None:
    status, body = _get(served, "/api/health", f"127.0.0.1:{served}")
    assert status == 200 and b'"events":8' in body
    assert _get(served, "/api/health", f"localhost:{served}")[0] == 200


def test_serve_refuses_other_host_names(served: int) -> None:
    # A page on another site reaching the API through DNS rebinding sends its own host name.
    assert _get(served, "/api/health", "attacker.example")[0] == 400
