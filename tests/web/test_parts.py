"""The parts under the server: word diff, invites, sessions, rate limit, the offline sheet file."""

from __future__ import annotations

import html
import json
import os
import re
import stat
from pathlib import Path

import pytest

from translate_flow.errors import ConfigError
from translate_flow.project import Project
from translate_flow.web.auth import RateLimiter, Sessions
from translate_flow.web.diff import word_diff
from translate_flow.web.invites import InviteStore, claimed_name
from translate_flow.web.pages import inline_script, json_for_script
from translate_flow.web.sheet import sheet_path, write_sheets


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_word_diff_marks_whole_words() -> None:
    assert word_diff("We stand with the workers.", "We stand with the working people.") == [
        ("=", "We stand with the "), ("-", "workers"), ("+", "working people"), ("=", "."),
    ]


def test_word_diff_of_equal_texts_is_one_run() -> None:
    assert word_diff("Слава праці!", "Слава праці!") == [("=", "Слава праці!")]


def test_an_invite_token_finds_its_person_until_revoked(tmp_path: Path) -> None:
    store = InviteStore(tmp_path / "invites.json")
    token = store.issue("olena")
    assert claimed_name(token) == "olena"
    found = store.lookup(token)
    assert found is not None and found.name == "olena"
    assert store.lookup(token + "x") is None
    assert store.lookup("taras." + token.partition(".")[2]) is None
    assert store.revoke("olena")
    assert store.lookup(token) is None


def test_an_invite_made_by_another_process_is_seen_at_once(tmp_path: Path) -> None:
    server_side = InviteStore(tmp_path / "invites.json")
    assert server_side.invites() == {}
    token = InviteStore(tmp_path / "invites.json").issue("taras")
    assert server_side.lookup(token) is not None


def test_a_damaged_invites_file_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "invites.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"invites\.json: the invites file is damaged"):
        InviteStore(path).invites()


def test_sessions_expire_and_end(tmp_path: Path) -> None:
    clock = Clock()
    sessions = Sessions(tmp_path / "sessions.sqlite", lifetime=60, clock=clock)
    cookie, session = sessions.start("olena", "digest")
    other, _ = sessions.start("olena", "digest")
    assert sessions.get(cookie) == session
    sessions.end(session.key)
    assert sessions.get(cookie) is None
    clock.now += 61
    assert sessions.get(other) is None


def test_sessions_survive_a_new_store_on_the_same_file_and_keep_only_hashes(tmp_path: Path) -> None:
    path = tmp_path / ".tflow" / "sessions.sqlite"
    cookie, session = Sessions(path).start("olena", "digest")
    assert Sessions(path).get(cookie) == session
    assert cookie.encode() not in path.read_bytes()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_a_damaged_sessions_file_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "sessions.sqlite"
    path.write_bytes(b"not a database, " * 100)
    with pytest.raises(ConfigError, match=r"sessions\.sqlite: the sessions database cannot be used"):
        Sessions(path).get("cookie")


def test_the_csrf_check_refuses_anything_but_the_token(tmp_path: Path) -> None:
    _, session = Sessions(tmp_path / "sessions.sqlite").start("olena", "digest")
    assert session.csrf_ok(session.csrf)
    for sent in (None, "", "forged", session.csrf + "x", "é" * 43):
        assert not session.csrf_ok(sent)


def test_the_rate_limit_forgets_failures_after_its_window() -> None:
    clock = Clock()
    limiter = RateLimiter(limit=2, window=10, clock=clock)
    limiter.fail("127.0.0.1")
    assert limiter.retry_after("127.0.0.1") is None
    limiter.fail("127.0.0.1")
    assert limiter.retry_after("127.0.0.1") == 10
    assert limiter.retry_after("10.0.0.2") is None
    clock.now += 10
    assert limiter.retry_after("127.0.0.1") is None


def test_page_json_cannot_close_its_script_element() -> None:
    text = json_for_script({"msgstr": "</script><!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"msgstr": "</script><!-- & -->"}


def test_a_sheet_is_self_contained_and_makes_no_requests(project: Project) -> None:
    (path,) = write_sheets(project, "olena")
    assert path == project.root / "review" / "outbox" / "olena" / "review-olena.html"
    text = path.read_text(encoding="utf-8")
    found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
    assert found
    policy = html.unescape(found.group(1))
    assert "connect-src 'none'" in policy and "default-src 'none'" in policy
    assert "script-src 'sha256-" in policy
    assert not re.search(r'<(?:link|img|iframe)\b|\ssrc=|\shref="http', text)
    data = json.loads(re.search(r'id="tflow-data">(.*?)</script>', text, re.S).group(1))  # type: ignore[union-attr]
    (view,) = data["statements"]
    assert (data["me"]["name"], view["slug"], view["lang"], data["kind"]) == ("olena", "appeal", "uk", "tflow-decisions")


def test_sheets_go_to_people_with_work_and_old_ones_are_removed(project: Project) -> None:
    old = sheet_path(project, "maria")
    old.parent.mkdir(parents=True)
    old.write_text("stale", encoding="utf-8")
    written = write_sheets(project)
    assert sorted(p.name for p in written) == ["review-ivan.html", "review-olena.html", "review-taras.html"]
    assert not old.exists()


def test_the_sheet_script_holds_every_module_once_without_imports_or_exports() -> None:
    script = inline_script()
    assert not re.search(r"^\s*(import|export)\b", script, re.M)
    for name in ("function el(", "class Review", "function renderSheet(", "function renderWork("):
        assert script.count(name) == 1, name
    assert script.index("function el(") < script.index("class Review") < script.index("useStrings(data.strings)")
