"""The review app in-process through Starlette's TestClient: sign-in, sessions, CSRF, authorization, escaping."""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path
from typing import Any

from translate_flow import catalog
from translate_flow.catalog import State
from translate_flow.catalog.extract import extract
from translate_flow.project import Project
from starlette.applications import Starlette

from translate_flow.web.invites import InviteStore
from translate_flow.web.server import make_server

from .conftest import CONDEMN, NATO, TITLE, UNITE, Client, edit_behind, entry, po_path


def test_sign_in_link_sets_an_httponly_samesite_session_cookie(client: Client, invite: Any) -> None:
    reply = client.sign_in(invite("olena"))
    assert reply.status == 303
    assert reply.headers["location"] == "/"
    cookie = reply.headers["set-cookie"]
    assert "HttpOnly" in cookie and "samesite=lax" in cookie.lower() and "Path=/" in cookie
    assert "secure" not in cookie.lower()
    page = client.get("/")
    assert page.status == 200
    assert page.page_data()["me"]["name"] == "olena"


def test_opening_the_link_alone_signs_nobody_in(client: Client, invite: Any) -> None:
    token = invite("olena")
    reply = client.get("/signin", token=token)
    assert reply.status == 200
    assert "set-cookie" not in reply.headers
    assert "Sign in as olena" in reply.text
    assert client.get("/").status == 401


def test_invites_file_holds_only_a_hash_and_only_its_owner_can_read_it(root: Path) -> None:
    store = InviteStore.for_root(root)
    token = store.issue("olena")
    text = store.path.read_text(encoding="utf-8")
    assert token not in text
    assert json.loads(text)["invites"]["olena"]["digest"]
    assert stat.S_IMODE(os.stat(store.path).st_mode) == 0o600
    assert store.path.parent == root / ".tflow"


def test_a_revoked_link_is_refused_and_its_sessions_end(client: Client, root: Path, invite: Any) -> None:
    token = invite("olena")
    assert client.sign_in(token).status == 303
    assert InviteStore.for_root(root).revoke("olena")
    assert client.get("/api/work").status == 401
    assert client.get("/signin", token=token).status == 403
    assert client.post_form("/signin", {"token": token}, origin=client.origin).status == 403


def test_a_new_invite_replaces_the_old_link(client: Client, invite: Any) -> None:
    old = invite("olena")
    assert client.sign_in(old).status == 303
    new = invite("olena")
    assert client.get("/api/work").status == 401
    assert client.get("/signin", token=old).status == 403
    assert client.sign_in(new).status == 303


def test_failed_sign_ins_are_rate_limited_even_for_a_good_token(client: Client, invite: Any) -> None:
    good = invite("olena")
    for attempt in range(5):
        assert client.get("/signin", token=f"guess-{attempt}").status == 403
    blocked = client.get("/signin", token=good)
    assert blocked.status == 429
    assert client.post_form("/signin", {"token": good}, origin=client.origin).status == 429


def test_a_person_removed_from_the_config_is_signed_out(signed_in: Any, root: Path) -> None:
    olena = signed_in("olena")
    config = root / "translate-flow.toml"
    text = config.read_text(encoding="utf-8")
    start = text.index('[[people]]\nname = "olena"')
    end = text.index("[[people]]", start + 1)
    config.write_text(text[:start] + text[end:], encoding="utf-8")
    assert olena.get("/api/work").status == 401


def test_sign_out_ends_the_session(signed_in: Any) -> None:
    olena = signed_in("olena")
    assert olena.post_form("/signout", {"csrf": "wrong"}, origin=olena.origin).status == 403
    assert olena.post_form("/signout", {"csrf": olena.csrf or ""}, origin=olena.origin).status == 303
    assert olena.get("/api/work").status == 401


def test_pages_and_api_need_a_session(client: Client) -> None:
    assert client.get("/").status == 401
    assert client.get("/statement", slug="appeal", lang="uk").status == 401
    assert client.get("/api/work").status == 401
    assert client.post_json("/api/save", {}, csrf=None).status == 401


def test_a_sign_in_posted_from_another_site_is_refused(client: Client, invite: Any) -> None:
    reply = client.post_form("/signin", {"token": invite("olena")}, origin="http://evil.example")
    assert reply.status == 403
    assert "set-cookie" not in reply.headers


def test_a_save_without_the_csrf_token_is_refused(signed_in: Any, root: Path) -> None:
    olena = signed_in("olena")
    before = po_path(root, "uk").read_bytes()
    fingerprint = olena.fingerprint(TITLE)
    body = {"slug": "appeal", "lang": "uk", "msgid": TITLE, "msgstr": "Проти війни", "fingerprint": fingerprint}
    assert olena.post_json("/api/save", body, csrf=None).status == 403
    assert olena.post_json("/api/save", body, csrf="forged").status == 403
    assert po_path(root, "uk").read_bytes() == before


def test_a_save_from_another_origin_is_refused(signed_in: Any, root: Path) -> None:
    olena = signed_in("olena")
    body = {"slug": "appeal", "lang": "uk", "msgid": TITLE, "msgstr": "Проти війни",
            "fingerprint": olena.fingerprint(TITLE)}
    assert olena.post_json("/api/save", body, origin="http://evil.example").status == 403
    assert entry(root, "uk", TITLE).msgstr == ""


def test_a_save_records_the_person_as_translator(signed_in: Any, root: Path) -> None:
    olena = signed_in("olena")
    reply = olena.save(TITLE, "Проти війни")
    assert reply.status == 200, reply.text
    result = reply.json()
    assert result["status"] == "applied"
    assert result["entry"]["state"] == "translated"
    assert result["progress"]["entries"]["untranslated"] == 1
    saved = entry(root, "uk", TITLE)
    assert saved.msgstr == "Проти війни"
    assert catalog.translator(saved) == "olena"


def test_saving_a_draft_unchanged_accepts_it(signed_in: Any, root: Path) -> None:
    olena = signed_in("olena")
    draft = entry(root, "uk", NATO).msgstr
    assert olena.save(NATO, draft).status == 200
    assert catalog.state(entry(root, "uk", NATO)) is State.TRANSLATED


def test_an_edit_of_another_language_is_refused(signed_in: Any, root: Path) -> None:
    olena = signed_in("olena")
    before = po_path(root, "ru").read_bytes()
    fingerprint = catalog.fingerprint(entry(root, "ru", TITLE))
    reply = olena.save(TITLE, "Против войны", lang="ru", fingerprint=fingerprint)
    assert reply.status == 403
    assert reply.json()["reason"] == "olena не може змінювати текст ru (мови: uk)."
    assert po_path(root, "ru").read_bytes() == before
    assert olena.get("/statement", slug="appeal", lang="ru").status == 403


def test_a_translator_cannot_approve(signed_in: Any, root: Path) -> None:
    olena = signed_in("olena")
    reply = olena.approve(UNITE)
    assert reply.status == 403
    assert "потрібна роль рецензента для uk" in reply.json()["reason"]
    assert catalog.state(entry(root, "uk", UNITE)) is State.TRANSLATED


def test_nobody_approves_their_own_translation_when_two_people_are_required(signed_in: Any, root: Path) -> None:
    maria = signed_in("maria")
    reply = maria.approve(UNITE)
    assert reply.status == 403
    # the reason comes in the page language: maria works in Ukrainian
    assert "maria перекладає цей запис і не може сам(а) його затвердити" in reply.json()["reason"]
    assert catalog.state(entry(root, "uk", UNITE)) is State.TRANSLATED


def test_a_reviewer_approves_someone_elses_translation(signed_in: Any, root: Path) -> None:
    taras = signed_in("taras")
    reply = taras.approve(CONDEMN)
    assert reply.status == 200, reply.text
    assert reply.json()["entry"]["approval"]["person"] == "taras"
    found = catalog.approval(entry(root, "uk", CONDEMN))
    assert found is not None and found.person == "taras"


def test_a_save_against_a_changed_entry_is_a_conflict_with_both_versions(signed_in: Any, root: Path) -> None:
    olena = signed_in("olena")
    seen = olena.fingerprint(NATO)
    edit_behind(root, "uk", NATO, "НАТО і Кремль посилають робітників на смерть.", "maria")
    reply = olena.save(NATO, "НАТО та Кремль шлють робітників помирати.", fingerprint=seen)
    assert reply.status == 409
    result = reply.json()
    assert result["status"] == "conflict"
    assert result["yours"] == "НАТО та Кремль шлють робітників помирати."
    assert result["current_msgstr"] == "НАТО і Кремль посилають робітників на смерть."
    assert result["entry"]["translator"] == "maria"
    assert "тепер переклад від maria" in result["reason"]
    assert entry(root, "uk", NATO).msgstr == "НАТО і Кремль посилають робітників на смерть."


def test_a_translation_with_markup_is_escaped_in_the_page(signed_in: Any, root: Path) -> None:
    payload = '</script><script>alert(1)</script><img src=x onerror=alert(2)>&amp;'
    edit_behind(root, "uk", CONDEMN, payload, "maria")
    olena = signed_in("olena")
    page = olena.get("/statement", slug="appeal", lang="uk")
    assert page.status == 200
    assert "<script>alert" not in page.text
    assert "<img" not in page.text
    assert "\\u003c/script\\u003e" in page.text
    shown = next(e for e in page.page_data()["statement"]["entries"] if e["msgid"] == CONDEMN)
    assert shown["msgstr"] == payload


def test_every_response_carries_the_security_headers(client: Client) -> None:
    for reply in (client.get("/"), client.get("/static/main.js"), client.get("/nowhere")):
        assert "script-src 'self'" in reply.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in reply.headers["content-security-policy"]
        assert reply.headers["x-content-type-options"] == "nosniff"


def test_static_files_are_served_and_nothing_else(client: Client) -> None:
    assert client.get("/static/app.css").status == 200
    assert client.get("/static/main.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/static/%2e%2e/invites.py").status == 404
    assert client.get("/static/..%2finvites.py").status == 404
    assert client.get("/static/view.py").status == 404


def test_a_request_for_another_host_name_is_refused(client: Client) -> None:
    reply = client.request("GET", "/", headers={"Host": "rebound.example:8000"})
    assert reply.status == 421
    assert "script-src 'self'" in reply.headers["content-security-policy"]


def test_my_work_lists_assignments_with_progress(signed_in: Any) -> None:
    work = signed_in("olena").get("/api/work").json()
    (unit,) = work["assigned"]
    assert (unit["slug"], unit["lang"], unit["roles"]) == ("appeal", "uk", ["translator"])
    assert unit["title"] == "Against the war"
    assert unit["pending"]["entries"] == 4
    assert unit["progress"]["entries"]["approved"] == 1


def test_the_statement_is_whole_and_in_document_order(signed_in: Any) -> None:
    view = signed_in("taras").statement("uk")
    assert [row["line"] for row in view["rows"]] == sorted(row["line"] for row in view["rows"])
    assert view["rows"][-1]["repeat"] is True
    assert view["third"] == "ru"
    assert view["can_approve"] is True
    by_msgid = {e["msgid"]: e for e in view["entries"]}
    assert by_msgid[CONDEMN]["third"]["msgstr"] == "Мы осуждаем войну и мобилизацию в Украине."
    assert by_msgid[NATO]["provenance"] == "machine: apertium 2026-11-20"
    assert [t["target"] for t in by_msgid[NATO]["glossary"]] == ["НАТО", "Кремль"]
    assert [p["check"] for p in by_msgid[UNITE]["problems"]] == ["punctuation"]
    stale = next(e for e in view["entries"] if e["state"] == "stale")
    assert ["-", "workers"] in stale["diff"] and ["+", "working people"] in stale["diff"]


def test_memory_suggests_what_people_translated_elsewhere(signed_in: Any, root: Path, app: Starlette) -> None:
    echo = "We condemn the war and the conscription in Ukraine!"
    (root / "statements" / "echo.md").write_text(f"---\ntitle: Echo\nlang: en\n---\n\n{echo}\n", encoding="utf-8")
    extract(Project.open(root), ())
    app.state.review.memory.max_age = 0
    olena = signed_in("olena")
    deadline = time.monotonic() + 10
    while True:
        reply = olena.get("/api/suggest", slug="echo", lang="uk", msgid=echo, current="")
        assert reply.status == 200
        found = reply.json()["suggestions"]
        if found or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    (suggestion,) = found
    assert suggestion["text"] == "Ми засуджуємо війну і мобілізацію в Україні."
    assert "locales/uk/appeal.po:" in suggestion["origin"]
    same = olena.get("/api/suggest", slug="echo", lang="uk", msgid=echo, current=suggestion["text"])
    assert same.json() == {"suggestions": []}
    assert olena.get("/api/suggest", slug="echo", lang="ru", msgid=echo).status == 403


def test_the_server_listens_on_loopback_unless_told_otherwise(project: Project) -> None:
    server = make_server(project, port=0)
    try:
        assert server.socket.getsockname()[0] == "127.0.0.1"
        assert server.url == f"http://127.0.0.1:{server.port}"
    finally:
        server.close()


def test_unknown_statements_and_languages_are_not_found(signed_in: Any) -> None:
    olena = signed_in("olena")
    assert olena.get("/statement", slug="../translate-flow", lang="uk").status == 404
    assert olena.get("/statement", slug="appeal", lang="en").status == 404
    reply = olena.post_json("/api/save", {"slug": "nope", "lang": "uk", "msgid": TITLE, "msgstr": "x",
                                          "fingerprint": "0"})
    assert reply.status == 404


def test_the_page_carries_the_review_librarys_verdict_not_a_copy_of_the_rule(signed_in: Any) -> None:
    maria = {e["msgid"]: e for e in signed_in("maria").statement("uk")["entries"]}
    assert maria[UNITE]["may_approve"] is False
    assert "maria перекладає цей запис і не може сам(а) його затвердити" in maria[UNITE]["reason"]
    assert maria[CONDEMN]["may_approve"] is True and maria[CONDEMN]["override_required"] == []
    assert maria[NATO]["may_approve"] is False
    olena = {e["msgid"]: e for e in signed_in("olena").statement("uk")["entries"]}
    assert olena[CONDEMN]["may_approve"] is False
    assert "роль рецензента" in olena[CONDEMN]["reason"]
    assert olena[CONDEMN]["comments"] == [] and olena[CONDEMN]["overrides"] == []


def test_the_review_librarys_reasons_follow_the_language_switch(signed_in: Any) -> None:
    maria = signed_in("maria")
    assert maria.post_form("/language", {"ui": "en", "next": "/"}, origin=maria.origin).status == 303
    entries = {e["msgid"]: e for e in maria.statement("uk")["entries"]}
    assert entries[UNITE]["reason"] == ("maria translated this entry and cannot approve it too "
                                        "([review] two_people = true)")
    reply = maria.approve(UNITE)
    assert reply.status == 403 and reply.json()["reason"] == entries[UNITE]["reason"]
    assert maria.post_form("/language", {"ui": "ru", "next": "/"}, origin=maria.origin).status == 303
    entries = {e["msgid"]: e for e in maria.statement("uk")["entries"]}
    assert entries[UNITE]["reason"] == ("maria переводит эту запись и не может сам(а) её утвердить "
                                        "([review] two_people = true)")
