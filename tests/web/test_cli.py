"""`tflow invite` and `tflow serve`."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from translate_flow.cli import cli
from translate_flow.web.invites import InviteStore, digest

LINK = re.compile(r"^http://127\.0\.0\.1:8000/signin\?token=(olena\.[\w-]{43})$", re.M)


def tflow(root: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> Result:
    monkeypatch.chdir(root)
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_invite_prints_a_personal_link_and_keeps_only_its_hash(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = tflow(root, monkeypatch, "invite", "olena")
    assert result.exit_code == 0, result.output
    assert "Sign-in link for olena (send it to olena@example.org only" in result.output
    match = LINK.search(result.output)
    assert match, result.output
    invite = InviteStore.for_root(root).current("olena")
    assert invite is not None and invite.digest == digest(match.group(1))


def test_invite_takes_the_address_people_use(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = tflow(root, monkeypatch, "invite", "taras", "--url", "http://192.168.1.20:8000/")
    assert "\nhttp://192.168.1.20:8000/signin?token=" in result.output


def test_invite_refuses_someone_not_in_people(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = tflow(root, monkeypatch, "invite", "mallory")
    assert result.exit_code == 1
    assert result.output.startswith("Error: translate-flow.toml: no person named 'mallory' in [[people]] "
                                    "(known: olena, taras, maria, ivan)")


def test_invite_revoke_ends_the_link(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tflow(root, monkeypatch, "invite", "olena")
    result = tflow(root, monkeypatch, "invite", "--revoke", "olena")
    assert result.output == "Revoked olena's sign-in link; their sessions end with their next request.\n"
    assert InviteStore.for_root(root).current("olena") is None
    again = tflow(root, monkeypatch, "invite", "--revoke", "olena")
    assert again.output == "olena had no sign-in link; nothing to revoke.\n"


def test_serve_listens_on_loopback_and_serves_until_stopped(root: Path) -> None:
    code = "from translate_flow.cli.web import serve; serve.main(['--port', '0', '--quiet'], prog_name='tflow serve')"
    process = subprocess.Popen([sys.executable, "-c", code], cwd=root, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.match(r"Serving review for .* at (http://127\.0\.0\.1:\d+)/ \(Ctrl-C to stop\)$", line)
        assert match, line + (process.stderr.read() if process.stderr else "")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(match.group(1) + "/api/work", timeout=5)
        assert refused.value.code == 401
        refused.value.close()
    finally:
        process.terminate()
        process.communicate(timeout=10)


def test_serve_refuses_a_trusted_proxy_that_is_not_an_address(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = tflow(root, monkeypatch, "serve", "--port", "0", "--trusted-proxy", "nginx")
    assert result.exit_code == 1
    assert result.output.startswith("Error: --trusted-proxy: 'nginx' is not an IP address or network")
