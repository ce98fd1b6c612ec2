"""Issues 9 and 8 through HTTP: overrides, comments, the own-edit verdict, draft defects, weak drafts first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from translate_flow import catalog
from translate_flow.catalog import State
from translate_flow.project import Project
from translate_flow.review.people import load_people
from translate_flow.web.view import Context, statement_view
from translate_flow.web.work import find_statement

from .conftest import CONDEMN, NATO, TITLE, Client, entry, po_path

WITH_ERROR = "Ми засуджуємо війну і мобілізацію в Україні, ёлки."
WEAK_DRAFT = "НАТО і Кремль обидва посилають робітників помирати здесь, ми коштуємо <b>."
WEAK_NOTE = ("machine: apertium 2026-12-01; unknown: здесь; errors: обидва; "
             "ambiguous: стоим→коштуємо (стояти|стоїмо); quality: 0.41")


def put_error(root: Path) -> None:
    """Olena's translation of CONDEMN with a Russian letter (an error-level `letters` problem)."""
    with catalog.editing(po_path(root, "uk")) as po:
        for item in po:
            if item.msgid == CONDEMN:
                catalog.set_translation(item, WITH_ERROR, "olena", "2026-11-20")


def put_weak_draft(root: Path) -> None:
    """A machine draft of NATO with an unknown word, a generation error, a guess and a low quality."""
    with catalog.editing(po_path(root, "uk")) as po:
        for item in po:
            if item.msgid == NATO:
                catalog.set_draft(item, WEAK_DRAFT, WEAK_NOTE)


def view_of(client: Client, msgid: str) -> Any:
    return next(e for e in client.statement()["entries"] if e["msgid"] == msgid)


def test_approving_a_check_error_is_refused_without_a_reason_and_recorded_with_one(
    root: Path, signed_in: Any
) -> None:
    put_error(root)
    taras = signed_in("taras")
    shown = view_of(taras, CONDEMN)
    assert shown["may_approve"] is True
    assert [p["check"] for p in shown["override_required"]] == ["letters"]
    refused = taras.approve(CONDEMN)
    assert refused.status == 403
    assert refused.json()["status"] == "refused"
    assert "letters" in refused.json()["reason"] and "override" in refused.json()["reason"]
    assert [p["check"] for p in refused.json()["entry"]["override_required"]] == ["letters"]
    assert catalog.state(entry(root, "uk", CONDEMN)) is State.TRANSLATED
    blank = taras.post_json("/api/approve", {"slug": "appeal", "lang": "uk", "msgid": CONDEMN,
                                             "fingerprint": shown["fingerprint"], "override": "  "})
    assert blank.status == 403 and "потребує причини" in blank.json()["reason"]  # in the page language (uk)
    done = taras.post_json("/api/approve", {"slug": "appeal", "lang": "uk", "msgid": CONDEMN,
                                            "fingerprint": shown["fingerprint"],
                                            "override": "«ёлки» is a quotation"})
    assert done.status == 200, done.text
    assert done.json()["status"] == "applied"
    saved = entry(root, "uk", CONDEMN)
    assert catalog.approval(saved) is not None
    (override,) = catalog.overrides(saved)
    assert (override.person, override.checks, override.reason) == ("taras", ("letters",), "«ёлки» is a quotation")
    assert done.json()["entry"]["overrides"][0]["reason"] == "«ёлки» is a quotation"


def test_accepting_a_draft_with_errors_asks_for_a_reason(root: Path, signed_in: Any) -> None:
    put_weak_draft(root)
    olena = signed_in("olena")
    shown = view_of(olena, NATO)
    assert [p["check"] for p in shown["accept_override_required"]] == ["html", "unknown", "unknown"]
    refused = olena.save(NATO, WEAK_DRAFT)
    assert refused.status == 403 and "не прийнято" in refused.json()["reason"]
    assert catalog.state(entry(root, "uk", NATO)) is State.DRAFT
    done = olena.post_json("/api/save", {"slug": "appeal", "lang": "uk", "msgid": NATO, "msgstr": WEAK_DRAFT,
                                         "fingerprint": shown["fingerprint"], "override": "a name here"})
    assert done.json()["status"] == "applied", done.text
    saved = entry(root, "uk", NATO)
    assert catalog.state(saved) is State.TRANSLATED
    assert [o.checks for o in catalog.overrides(saved)] == [("html", "unknown")]


def test_an_edited_text_needs_no_override_to_be_saved(root: Path, signed_in: Any) -> None:
    put_weak_draft(root)
    olena = signed_in("olena")
    reply = olena.save(NATO, "НАТО і Кремль посилають робітників помирати.")
    assert reply.json()["status"] == "applied", reply.text


def test_a_comment_is_kept_and_shown_to_everyone_on_the_language(root: Path, signed_in: Any) -> None:
    olena = signed_in("olena")
    fingerprint = olena.fingerprint(CONDEMN)
    reply = olena.post_json("/api/comment", {"slug": "appeal", "lang": "uk", "msgid": CONDEMN,
                                             "fingerprint": fingerprint,
                                             "comment": "«мобілізація» чи «призов»?\n<script>x</script>"})
    assert reply.status == 200, reply.text
    assert (reply.json()["status"], reply.json()["commented"]) == ("applied", True)
    (kept,) = catalog.comments(entry(root, "uk", CONDEMN))
    assert (kept.person, kept.text) == ("olena", "«мобілізація» чи «призов»?\n<script>x</script>")
    assert entry(root, "uk", CONDEMN).msgstr == "Ми засуджуємо війну і мобілізацію в Україні."
    seen = view_of(signed_in("taras"), CONDEMN)["comments"]
    assert [(c["person"], c["text"]) for c in seen] == [("olena", kept.text)]
    empty = olena.post_json("/api/comment", {"slug": "appeal", "lang": "uk", "msgid": CONDEMN,
                                             "fingerprint": fingerprint, "comment": " "})
    assert empty.status == 403 and "порожній коментар" in empty.json()["reason"]


def test_a_comment_on_another_language_is_refused(root: Path, signed_in: Any) -> None:
    before = po_path(root, "uk").read_bytes()
    ivan = signed_in("ivan")
    reply = ivan.post_json("/api/comment", {"slug": "appeal", "lang": "uk", "msgid": CONDEMN,
                                            "fingerprint": "x", "comment": "Вопрос"})
    assert reply.status == 403
    assert po_path(root, "uk").read_bytes() == before


def test_a_comment_without_csrf_is_refused(root: Path, signed_in: Any) -> None:
    before = po_path(root, "uk").read_bytes()
    olena = signed_in("olena")
    reply = olena.post_json("/api/comment", {"slug": "appeal", "lang": "uk", "msgid": CONDEMN,
                                             "fingerprint": "x", "comment": "?"}, csrf=None)
    assert reply.status == 403
    assert po_path(root, "uk").read_bytes() == before


def test_approving_text_nobody_is_on_record_for_adopts_it(root: Path, signed_in: Any) -> None:
    with catalog.editing(po_path(root, "uk")) as po:
        for item in po:
            if item.msgid == TITLE:
                item.msgstr = "Проти війни"  # as a PO editor leaves it: no translated: note
    taras = signed_in("taras")
    assert view_of(taras, TITLE)["adopt"] is True
    reply = taras.approve(TITLE)
    assert (reply.json()["status"], reply.json()["adopted"]) == ("applied", True)
    assert catalog.translator(entry(root, "uk", TITLE)) == "taras"


def test_the_page_names_who_suggested_a_draft(root: Path, signed_in: Any) -> None:
    with catalog.editing(po_path(root, "uk")) as po:
        for item in po:
            if item.msgid == TITLE:
                catalog.set_suggestion(item, "Проти війни?", "maria", "2026-11-21")
    assert view_of(signed_in("taras"), TITLE)["suggested_by"] == "maria"


def test_the_own_edit_verdict_follows_the_two_people_setting(project: Project) -> None:
    people = load_people(project.config)
    statement = find_statement(project, "appeal")
    assert statement is not None
    two = statement_view(project, statement, "uk", people["maria"], Context.load(project))
    assert {e["own_edit"]["may_approve"] for e in two["entries"]} == {False}
    one = statement_view(project, statement, "uk", people["maria"],
                         Context(Context.load(project).glossary, Context.load(project).problems, False))
    assert {e["own_edit"]["may_approve"] for e in one["entries"]} == {True}
    olena = statement_view(project, statement, "uk", people["olena"], Context.load(project))
    assert {e["own_edit"]["may_approve"] for e in olena["entries"]} == {False}


def test_a_draft_carries_its_marked_words_and_quality(root: Path, signed_in: Any) -> None:
    put_weak_draft(root)
    shown = view_of(signed_in("olena"), NATO)["draft"]
    assert shown["pieces"] == [["НАТО і Кремль ", None], ["обидва", "error"],
                               [" посилають робітників помирати ", None], ["здесь", "unknown"],
                               [", ми ", None], ["коштуємо", "ambiguous"], [" <b>.", None]]
    assert "".join(text for text, _ in shown["pieces"]) == WEAK_DRAFT
    assert (shown["unknown"], shown["errors"], shown["quality"], shown["weak"]) == (
        ["здесь"], ["обидва"], 0.41, True)
    assert shown["ambiguous"] == [{"source": "стоим", "draft": "коштуємо", "others": ["стояти", "стоїмо"]}]
    assert view_of(signed_in("taras"), CONDEMN)["draft"] is None


def test_weak_drafts_come_first_in_the_statement_and_the_work_list(root: Path, signed_in: Any) -> None:
    olena = signed_in("olena")
    view = olena.statement()
    assert view["weak_first"] == list(range(len(view["entries"])))
    assert olena.get("/api/work").json()["assigned"][0]["progress"]["weak_drafts"] == 0
    put_weak_draft(root)
    view = olena.statement()
    nato = next(i for i, e in enumerate(view["entries"]) if e["msgid"] == NATO)
    assert view["weak_first"][0] == nato
    assert sorted(view["weak_first"]) == list(range(len(view["entries"])))
    unit = olena.get("/api/work").json()["assigned"][0]
    assert (unit["progress"]["weak_drafts"], unit["progress"]["weakest"]) == (1, [0, 0.41])


def test_an_override_or_comment_that_is_not_a_string_is_a_400(signed_in: Any) -> None:
    olena = signed_in("olena")
    fingerprint = olena.fingerprint(CONDEMN)
    for field in ("override", "comment"):
        reply = olena.post_json("/api/save", {"slug": "appeal", "lang": "uk", "msgid": CONDEMN, "msgstr": "x",
                                              "fingerprint": fingerprint, field: 5})
        assert reply.status == 400, field
        assert field in reply.json()["reason"]
    surrogate = olena.post_raw("/api/comment", (
        '{"slug": "appeal", "lang": "uk", "msgid": "%s", "fingerprint": "%s", "comment": "\\ud800"}'
        % (CONDEMN, fingerprint)).encode())
    assert surrogate.status == 400
