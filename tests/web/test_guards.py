"""What a request cannot do: bad text, oversized bodies, guessing per account, spoofed proxies, restarts."""

from __future__ import annotations

import json
import logging
import re
import subprocess
import threading
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette

from translate_flow.errors import ConfigError
from translate_flow.project import Project
from translate_flow.web.app import allowed_hosts, create_app
from translate_flow.web.auth import Limits, RateLimiter
from translate_flow.web.inputs import MAX_BODY
from translate_flow.web.server import make_server

from tests.conftest import require_program

from .conftest import NATO, TITLE, Client, entry, po_path


def test_a_lone_surrogate_in_a_save_is_a_400_with_a_message_and_nothing_written(
    signed_in: Any, root: Path, caplog: pytest.LogCaptureFixture
) -> None:
    olena = signed_in("olena")
    before = po_path(root, "uk").read_bytes()
    body = ('{"slug": "appeal", "lang": "uk", "msgid": "%s", "msgstr": "\\ud800 текст", "fingerprint": "%s"}'
            % (TITLE, olena.fingerprint(TITLE))).encode()
    with caplog.at_level(logging.ERROR):
        reply = olena.post_raw("/api/save", body)
    assert reply.status == 400
    assert reply.json()["reason"].startswith("msgstr: ")
    assert "U+D800" in reply.json()["reason"]
    assert po_path(root, "uk").read_bytes() == before
    assert not caplog.records


def test_a_lone_surrogate_anywhere_in_a_decision_is_refused(signed_in: Any, root: Path) -> None:
    olena = signed_in("olena")
    for field in ("slug", "lang", "msgid", "fingerprint"):
        data = {"slug": "appeal", "lang": "uk", "msgid": TITLE, "msgstr": "Проти війни",
                "fingerprint": olena.fingerprint(TITLE), field: "x\udfff"}
        reply = olena.post_raw("/api/save", ascii_json(data))
        assert reply.status == 400, field
        assert field in reply.json()["reason"]
    assert entry(root, "uk", TITLE).msgstr == ""


def ascii_json(data: dict[str, str]) -> bytes:
    """JSON as a browser could send it, lone surrogates written as \\u escapes."""
    return json.dumps(data, ensure_ascii=True).encode()


def test_a_nul_character_or_bytes_that_are_not_utf8_are_refused(signed_in: Any, root: Path) -> None:
    olena = signed_in("olena")
    fingerprint = olena.fingerprint(TITLE)
    nul = olena.save(TITLE, "Проти\x00війни", fingerprint=fingerprint)
    assert nul.status == 400 and "NUL" in nul.json()["reason"]
    latin = olena.post_raw("/api/save", '{"msgstr": "Проти"}'.encode("cp1251"))
    assert latin.status == 400 and "UTF-8" in latin.json()["reason"]
    form = olena.request("POST", "/signin", body=b"token=%ED%A0%80",
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert form.status == 400
    assert entry(root, "uk", TITLE).msgstr == ""


def test_an_oversized_body_is_refused_unread(signed_in: Any) -> None:
    olena = signed_in("olena")
    reply = olena.save(TITLE, "я" * MAX_BODY)
    assert reply.status == 413
    assert "KiB" in reply.json()["reason"]


def test_a_body_that_is_not_a_json_object_is_a_400(signed_in: Any) -> None:
    olena = signed_in("olena")
    assert olena.post_raw("/api/save", b"{not json").status == 400
    assert olena.post_raw("/api/save", b"[1, 2]").status == 400
    assert olena.post_json("/api/save", {"slug": 1}).status == 400
    assert olena.post_raw("/api/save", b"{}", content_type="text/plain").status == 415


def test_a_wrong_method_is_405_with_the_security_headers(client: Client) -> None:
    reply = client.request("DELETE", "/api/save")
    assert reply.status == 405
    assert "frame-ancestors 'none'" in reply.headers["content-security-policy"]


def test_sessions_survive_a_restart_of_the_server(project: Project, invite: Any, limits: Limits) -> None:
    before = Client(create_app(project, hosts=allowed_hosts("127.0.0.1", 8000), limits=limits))
    assert before.sign_in(invite("olena")).status == 303
    restarted = create_app(project, hosts=allowed_hosts("127.0.0.1", 8000), limits=limits)
    after = Client(restarted)
    after.http.cookies = before.http.cookies
    after.csrf = before.csrf
    assert after.get("/api/work").status == 200
    assert after.save(TITLE, "Проти війни").status == 200


def test_a_revoked_invite_ends_a_session_that_survived_a_restart(project: Project, invite: Any,
                                                                   root: Path) -> None:
    from translate_flow.web.invites import InviteStore

    before = Client(create_app(project, hosts=allowed_hosts("127.0.0.1", 8000)))
    assert before.sign_in(invite("olena")).status == 303
    assert InviteStore.for_root(root).revoke("olena")
    after = Client(create_app(project, hosts=allowed_hosts("127.0.0.1", 8000)))
    after.http.cookies = before.http.cookies
    assert after.get("/api/work").status == 401


def test_guessing_one_account_from_many_addresses_locks_that_account_only(
    app: Starlette, invite: Any, limits: Limits
) -> None:
    good = invite("olena")
    secret = good.partition(".")[2]
    for attempt in range(limits.accounts.limit):
        guesser = Client(app, client=(f"198.51.100.{attempt}", 40000))
        assert guesser.get("/signin", token=f"olena.{secret[::-1]}{attempt}").status == 403
    olena = Client(app, client=("192.0.2.7", 40000))
    blocked = olena.get("/signin", token=good)
    assert blocked.status == 429
    assert olena.post_form("/signin", {"token": good}, origin=olena.origin).status == 429
    taras = Client(app, client=("192.0.2.7", 40000))
    assert taras.sign_in(invite("taras")).status == 303


def test_guesses_naming_nobody_count_against_the_client_only(app: Starlette, invite: Any,
                                                               limits: Limits) -> None:
    for attempt in range(limits.clients.limit + 3):
        guesser = Client(app, client=(f"198.51.100.{attempt}", 40000))
        assert guesser.get("/signin", token=f"mallory{attempt}.guess").status == 403
    assert Client(app, client=("192.0.2.7", 40000)).sign_in(invite("olena")).status == 303


def proxied(project: Project, proxies: Sequence[str]) -> Starlette:
    return create_app(project, hosts=allowed_hosts("127.0.0.1", 8000), trusted_proxy=proxies,
                      limits=Limits(RateLimiter(limit=3), RateLimiter(limit=100)))


def through_proxy(client: Client, forwarded_for: str, path: str, **query: str) -> int:
    headers = {"X-Forwarded-For": forwarded_for, "X-Forwarded-Proto": "https", "Host": "review.example.org"}
    return client.get(path, headers=headers, **query).status


def test_behind_a_trusted_proxy_limits_count_the_real_client(project: Project, invite: Any) -> None:
    proxy = Client(proxied(project, ["127.0.0.1"]), client=("127.0.0.1", 40000))
    for attempt in range(3):
        assert through_proxy(proxy, "203.0.113.5", "/signin", token=f"guess{attempt}") == 403
    assert through_proxy(proxy, "203.0.113.5", "/signin", token=invite("olena")) == 429
    assert through_proxy(proxy, "203.0.113.6", "/signin", token=invite("olena")) == 200


def test_forwarded_headers_from_an_untrusted_peer_are_ignored(project: Project, invite: Any) -> None:
    app = proxied(project, ["10.0.0.0/24"])
    spoofer = Client(app, client=("127.0.0.1", 40000))
    headers = {"X-Forwarded-For": "203.0.113.5"}
    for attempt in range(3):
        assert spoofer.get("/signin", headers={"X-Forwarded-For": f"203.0.113.{attempt}"},
                           token=f"guess{attempt}").status == 403
    assert spoofer.get("/signin", headers=headers, token=invite("olena")).status == 429
    rebound = spoofer.get("/", headers={"Host": "review.example.org", "X-Forwarded-Proto": "https"})
    assert rebound.status == 421


def test_behind_an_https_proxy_the_session_cookie_is_secure_and_the_origin_https(
    project: Project, invite: Any
) -> None:
    proxy = Client(proxied(project, ["127.0.0.0/8"]), client=("127.0.0.1", 40000), origin="https://review.example.org")
    token = invite("olena")
    headers = {"X-Forwarded-For": "203.0.113.5", "X-Forwarded-Proto": "https", "Host": "review.example.org",
               "Content-Type": "application/x-www-form-urlencoded"}
    plain = proxy.request("POST", "/signin", body=f"token={token}".encode(),
                          headers={**headers, "Origin": "http://review.example.org"})
    assert plain.status == 403
    reply = proxy.request("POST", "/signin", body=f"token={token}".encode(),
                          headers={**headers, "Origin": "https://review.example.org"})
    assert reply.status == 303, reply.text
    cookie = reply.headers["set-cookie"]
    assert "; secure" in cookie.lower() and "httponly" in cookie.lower()


def test_a_trusted_proxy_that_is_not_an_address_is_an_error(project: Project) -> None:
    with pytest.raises(ConfigError, match=r"--trusted-proxy: 'nginx' is not an IP address or network"):
        create_app(project, trusted_proxy=["nginx"])


def git(root: Path, *args: str) -> str:
    return subprocess.run([require_program("git"), "-C", str(root), *args], check=True,
                          capture_output=True, text=True).stdout


def test_with_git_commit_each_accepted_save_is_a_commit_by_its_person(
    root: Path, invite: Any
) -> None:
    config = root / "translate-flow.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("commit = false", "commit = true", 1),
                      encoding="utf-8")
    git(root, "init", "--quiet")
    git(root, "-c", "user.name=editor", "-c", "user.email=editor@example.org", "add", "-A")
    git(root, "-c", "user.name=editor", "-c", "user.email=editor@example.org", "commit", "--quiet", "-m", "start")
    app = create_app(Project.open(root), hosts=allowed_hosts("127.0.0.1", 8000))
    olena = Client(app)
    assert olena.sign_in(invite("olena")).status == 303
    seen = olena.fingerprint(NATO)
    assert olena.save(TITLE, "Проти війни").status == 200
    maria = Client(app)
    assert maria.sign_in(invite("maria")).status == 303
    assert maria.save(NATO, "НАТО і Кремль посилають робітників на смерть.").status == 200
    assert olena.save(NATO, "НАТО та Кремль", fingerprint=seen).status == 409
    app.state.review.commits.close()
    assert git(root, "log", "--format=%an", "-3").split() == ["maria", "olena", "editor"]
    assert "locales/uk/appeal.po" in git(root, "show", "--stat", "HEAD~1")
    assert git(root, "status", "--porcelain", "--", "locales") == ""


def test_an_unexpected_error_is_a_500_with_headers_and_its_traceback_only_in_the_log(
    signed_in: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    olena = signed_in("olena")

    def broken(*args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("translate_flow.web.work.worklist", broken)
    with caplog.at_level(logging.ERROR, logger="translate_flow.web"):
        reply = olena.get("/api/work")
    assert reply.status == 500
    assert reply.text == "Внутрішня помилка; подробиці — в журналі сервера."
    assert "disk on fire" not in reply.text
    assert "default-src 'none'" in reply.headers["content-security-policy"]
    (record,) = caplog.records
    assert record.exc_info is not None and "disk on fire" in str(record.exc_info[1])


def test_the_request_log_never_shows_a_sign_in_token(project: Project, invite: Any) -> None:
    lines: list[str] = []
    server = make_server(project, "127.0.0.1", 0, log=lines.append)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        assert server.wait_started()
        token = invite("olena")
        with urllib.request.urlopen(f"{server.url}/signin?token={token}", timeout=10) as reply:
            assert reply.status == 200
    finally:
        server.stop()
        thread.join(10)
    assert any(re.fullmatch(r"GET /signin 200 \d+ ms", line) for line in lines), lines
    assert not any(token.partition(".")[2] in line for line in lines)
