"""`strife serve --host`: a non-loopback address needs --allow-remote, and then warns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import strife.web
from strife.cli import main as cli
from strife.web.app import remote_check


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_needs_nothing(host: str) -> None:
    assert remote_check(host, allow_remote=False) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "::", "example.org"])
def test_other_hosts_need_allow_remote_and_warn(host: str) -> None:
    with pytest.raises(ValueError, match="--allow-remote"):
        remote_check(host, allow_remote=False)
    warning = remote_check(host, allow_remote=True)
    assert warning is not None and "in clear" in warning and "TLS" in warning


def test_cli_refuses_a_remote_host_in_one_line(sample_store: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(sample_store), "--host", "0.0.0.0"])
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "--allow-remote" in lines[0] and "error" in lines[0]


def test_cli_passes_allow_remote_on(sample_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    called: dict[str, Any] = {}
    monkeypatch.setattr(strife.web, "serve", lambda db, **options: called.update(options))
    args = ["serve", "--db", str(sample_store), "--host", "0.0.0.0", "--allow-remote"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert called["host"] == "0.0.0.0" and called["allow_remote"] is True
