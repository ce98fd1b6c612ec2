"""The review pages in Debian's chromium: sign in, review, save, approve, conflicts, escaping, the sheet."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from translate_flow import catalog
from translate_flow.catalog import State
from translate_flow.project import Project
from translate_flow.review.packets import import_packets
from translate_flow.web.server import ReviewServer
from translate_flow.web.sheet import write_sheets

from .conftest import ARTIFACTS, CONDEMN, NATO, TITLE, UNITE, Tab, edit_behind, entry

pytestmark = pytest.mark.browser


def sign_in(tab: Tab, server: ReviewServer, token: str) -> None:
    tab.page.goto(f"{server.url}/signin?token={token}")
    tab.page.get_by_role("button", name="Sign in as").click()
    tab.page.wait_for_selector("#work")


def open_statement(tab: Tab, server: ReviewServer, lang: str = "uk") -> None:
    tab.page.goto(f"{server.url}/statement?slug=appeal&lang={lang}")
    tab.page.wait_for_selector(".entry")


def article(tab: Tab, msgid: str) -> Any:
    return tab.page.locator("article.entry:not(.repeat)").filter(
        has=tab.page.locator(".cell.source .text", has_text=msgid))


def test_sign_in_shows_my_work_with_progress(tab: Tab, server: ReviewServer, invite: Any) -> None:
    sign_in(tab, server, invite("olena"))
    unit = tab.page.locator("#assigned .unit")
    assert unit.locator("a").inner_text() == "Against the war"
    assert "для вас: 4 фрагменти, 32 слова" in unit.inner_text()
    assert "перекладено 33,3%" in unit.locator(".figures").inner_text()
    tab.shot("my-work")


def test_translate_with_the_keyboard_and_watch_progress_without_a_reload(
    tab: Tab, server: ReviewServer, invite: Any, root: Path
) -> None:
    sign_in(tab, server, invite("olena"))
    open_statement(tab, server)
    tab.page.evaluate("window.stillHere = true")
    before = tab.page.locator(".toolbar .figures").inner_text()
    tab.page.keyboard.press("Alt+ArrowDown")
    focused = tab.page.locator("textarea:focus")
    assert focused.get_attribute("aria-label") == "Переклад (Українська), рядок 2"
    tab.page.keyboard.type("Проти війни")
    tab.page.keyboard.press("Control+Enter")
    title = article(tab, TITLE)
    title.locator(".status.ok").wait_for()
    assert title.locator(".badge").inner_text() == "перекладено"
    assert tab.page.locator(".toolbar .figures").inner_text() != before
    assert tab.page.evaluate("window.stillHere") is True
    assert tab.page.locator("textarea:focus").get_attribute("aria-label") == "Переклад (Українська), рядок 10"
    saved = entry(root, "uk", TITLE)
    assert (saved.msgstr, catalog.translator(saved)) == ("Проти війни", "olena")
    tab.shot("statement")


def test_a_reviewer_approves_by_click_and_by_keyboard_but_not_a_draft(
    tab: Tab, server: ReviewServer, invite: Any, root: Path
) -> None:
    sign_in(tab, server, invite("taras"))
    open_statement(tab, server)
    assert article(tab, NATO).get_by_role("button", name="Затвердити").is_disabled()
    condemn = article(tab, CONDEMN)
    condemn.get_by_role("button", name="Затвердити").click()
    condemn.locator(".badge", has_text="затверджено").wait_for()
    assert "Затверджено." in condemn.locator(".status").inner_text()
    assert catalog.state(entry(root, "uk", CONDEMN)) is State.APPROVED
    tab.page.keyboard.press("Alt+ArrowDown")
    assert tab.page.locator("textarea:focus").get_attribute("aria-label") == "Переклад (Українська), рядок 16"
    tab.page.keyboard.press("Alt+Enter")
    article(tab, UNITE).locator(".badge", has_text="затверджено").wait_for()
    assert catalog.approval(entry(root, "uk", UNITE)) is not None


def test_a_conflicting_save_is_refused_and_shows_both_versions(
    tab: Tab, server: ReviewServer, invite: Any, root: Path
) -> None:
    sign_in(tab, server, invite("olena"))
    open_statement(tab, server)
    edit_behind(root, "uk", NATO, "НАТО і Кремль посилають робітників на смерть.", "maria")
    nato = article(tab, NATO)
    nato.locator("textarea.translation").fill("НАТО та Кремль шлють робітників помирати.")
    nato.get_by_role("button", name="Зберегти").click()
    conflict = nato.locator(".conflict")
    conflict.wait_for()
    assert "НАТО та Кремль шлють робітників помирати." in conflict.locator(".yours").inner_text()
    assert "НАТО і Кремль посилають робітників на смерть." in conflict.locator(".theirs").inner_text()
    assert "тепер переклад від maria" in conflict.inner_text()  # the reason in the page language
    assert entry(root, "uk", NATO).msgstr == "НАТО і Кремль посилають робітників на смерть."
    nato.scroll_into_view_if_needed()
    tab.shot("conflict")
    nato.get_by_role("button", name="Зберегти", exact=True).click()
    nato.locator(".status.error", has_text="Конфлікт").wait_for()
    assert entry(root, "uk", NATO).msgstr == "НАТО і Кремль посилають робітників на смерть."
    nato.get_by_role("button", name="Залишити мою").click()
    nato.locator(".status.ok").wait_for()
    assert entry(root, "uk", NATO).msgstr == "НАТО та Кремль шлють робітників помирати."


def test_a_cross_language_edit_is_refused(tab: Tab, server: ReviewServer, invite: Any, root: Path) -> None:
    sign_in(tab, server, invite("olena"))
    tab.page.goto(f"{server.url}/statement?slug=appeal&lang=ru")
    assert "olena не працює з мовою ru (мови: uk)." in tab.page.locator("main").inner_text()
    tab.shot("refused")
    open_statement(tab, server)
    fingerprint = catalog.fingerprint(entry(root, "ru", TITLE))
    before = (root / "locales" / "ru" / "appeal.po").read_bytes()
    answer = tab.page.evaluate(
        """async ([msgid, fingerprint]) => {
            const data = JSON.parse(document.getElementById("tflow-data").textContent);
            const response = await fetch("/api/save", {method: "POST",
                headers: {"Content-Type": "application/json", "X-CSRF-Token": data.me.csrf},
                body: JSON.stringify({slug: "appeal", lang: "ru", msgid, fingerprint, msgstr: "Против войны"})});
            return [response.status, await response.json()];
        }""",
        [TITLE, fingerprint],
    )
    assert answer[0] == 403
    assert answer[1]["reason"] == "olena не може змінювати текст ru (мови: uk)."
    assert (root / "locales" / "ru" / "appeal.po").read_bytes() == before
    assert tab.page.locator(".cell.target textarea[lang=ru]").count() == 0


def test_an_xss_payload_is_shown_as_text(tab: Tab, server: ReviewServer, invite: Any, root: Path) -> None:
    payload = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'
    edit_behind(root, "uk", CONDEMN, payload, "maria")
    edit_behind(root, "ru", CONDEMN, payload, "ivan")
    sign_in(tab, server, invite("olena"))
    open_statement(tab, server)
    condemn = article(tab, CONDEMN)
    assert condemn.locator("textarea.translation").input_value() == payload
    assert condemn.locator(".cell.third .text").inner_text() == payload
    assert tab.page.locator("img").count() == 0
    assert tab.page.evaluate("window.pwned") is None
    assert tab.dialogs == []
    condemn.scroll_into_view_if_needed()
    tab.shot("xss-as-text")


def test_the_offline_sheet_round_trip(tab: Tab, project: Project, root: Path, tmp_path: Path) -> None:
    (sheet,) = write_sheets(project, "olena")
    tab.page.goto(sheet.as_uri())
    tab.page.wait_for_selector(".entry")
    title = article(tab, TITLE)
    title.locator("textarea.translation").fill("Проти війни")
    title.get_by_role("button", name="Зберегти").click()
    title.locator(".badge", has_text="збережено в цьому аркуші").wait_for()
    article(tab, NATO).get_by_role("button", name="Прийняти").click()
    assert tab.page.locator(".counter").inner_text() == "2 рішення"
    tab.shot("offline-sheet")
    with tab.page.expect_download() as waiting:
        tab.page.get_by_role("button", name="Зберегти файл рішень").click()
    download = waiting.value
    assert download.suggested_filename.startswith("decisions-olena-uk-")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert (data["kind"], data["person"], data["lang"]) == ("tflow-decisions", "olena", "uk")
    assert {d["msgid"] for d in data["decisions"]} == {TITLE, NATO}
    assert all(url.startswith(("file:", "blob:", "data:")) for url in tab.requests), tab.requests
    report = import_packets(project, [saved])
    assert (len(report.applied), report.conflicts, report.refused) == (2, (), ())
    assert entry(root, "uk", TITLE).msgstr == "Проти війни"
    assert catalog.state(entry(root, "uk", NATO)) is State.TRANSLATED
    assert catalog.translator(entry(root, "uk", NATO)) == "olena"


def test_a_russian_speaker_reviews_in_russian_and_switches_to_english(
    tab: Tab, server: ReviewServer, invite: Any
) -> None:
    sign_in(tab, server, invite("ivan"))
    assert tab.page.locator("html").get_attribute("lang") == "ru"
    assert "Назначено мне" in tab.page.locator("main").inner_text()
    tab.shot("my-work-ru")
    open_statement(tab, server, "ru")
    condemn = article(tab, CONDEMN)
    assert condemn.locator(".cell.target .badge").inner_text() == "переведено"
    assert condemn.get_by_role("button", name="Утвердить").is_disabled()
    tab.shot("statement-ru")
    tab.page.get_by_role("button", name="English").click()
    tab.page.wait_for_selector(".entry")
    assert tab.page.url.endswith("/statement?slug=appeal&lang=ru")
    assert article(tab, CONDEMN).locator(".cell.target .badge").inner_text() == "translated"
    assert tab.page.locator(".topbar .who").inner_text().startswith("Signed in as ivan")
    tab.page.goto(f"{server.url}/")
    tab.page.wait_for_selector("#work")
    assert "Assigned to me" in tab.page.locator("main").inner_text()


def test_the_offline_sheet_switches_language_and_keeps_its_decisions(tab: Tab, project: Project) -> None:
    (sheet,) = write_sheets(project, "olena")
    tab.page.goto(sheet.as_uri())
    tab.page.wait_for_selector(".entry")
    article(tab, NATO).get_by_role("button", name="Прийняти").click()
    assert tab.page.locator(".counter").inner_text() == "1 рішення"
    tab.page.get_by_role("button", name="Русский").click()
    assert tab.page.locator("html").get_attribute("lang") == "ru"
    assert tab.page.locator(".counter").inner_text() == "1 решение"
    assert article(tab, NATO).locator(".badge").inner_text() == "сохранено в этом листе"
    assert tab.page.get_by_role("button", name="Сохранить файл решений").is_visible()
    tab.shot("offline-sheet-ru")


def test_the_sign_in_page_speaks_the_browsers_language(browser: Any, server: ReviewServer, invite: Any) -> None:
    context = browser.new_context(viewport={"width": 1000, "height": 600}, locale="uk-UA")
    try:
        page = context.new_page()
        page.goto(f"{server.url}/signin?token={invite('taras')}")
        assert page.locator("h1").inner_text() == "Вхід"
        page.screenshot(path=str(ARTIFACTS / "signin-uk.png"))
        page.get_by_role("button", name="Увійти як taras").click()
        page.wait_for_selector("#work")
        assert page.locator("h1").inner_text() == "Мої завдання"
    finally:
        context.close()
