"""The review pages, the offline sheet, the mails and the commands in the reader's language."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from translate_flow import ui
from translate_flow.cli import cli
from translate_flow.project import Project
from translate_flow.ui.choice import terminal_language
from translate_flow.web.sheet import write_sheets

from tests.conftest import require_program

from .conftest import Client

REPOSITORY = Path(__file__).resolve().parents[2]
OURS = ("src/translate_flow/web/", "src/translate_flow/review/mail.py", "src/translate_flow/cli/web.py",
        "src/translate_flow/cli/review.py")


def test_a_persons_pages_are_in_their_first_language(signed_in: Any) -> None:
    page = signed_in("olena").get("/")
    assert '<html lang="uk">' in page.text
    assert "<title>Мої завдання · translate-flow</title>" in page.text
    assert "Ви ввійшли як olena (uk; перекладач)" in page.text
    strings = page.page_data()["strings"]
    assert strings["save"] == "Зберегти"
    assert strings["words"] == {"one": "%(num)d слово", "few": "%(num)d слова", "many": "%(num)d слів"}


def test_a_russian_speakers_pages_and_refusals_are_in_russian(signed_in: Any) -> None:
    ivan = signed_in("ivan")
    page = ivan.get("/statement", slug="appeal", lang="ru")
    assert '<html lang="ru">' in page.text and "Вы вошли как ivan" in page.text
    assert page.page_data()["strings"]["approve"] == "Утвердить"
    refused = ivan.get("/statement", slug="appeal", lang="uk")
    assert refused.status == 403
    assert "ivan не работает с языком uk (языки: ru)." in refused.text
    assert "<title>Не разрешено · translate-flow</title>" in refused.text


def test_the_ui_key_wins_over_the_first_language(root: Path, signed_in: Any) -> None:
    config = root / "translate-flow.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('[[people]]\nname = "olena"\n', '[[people]]\nname = "olena"\nui = "ru"\n'), encoding="utf-8")
    page = signed_in("olena").get("/")
    assert '<html lang="ru">' in page.text and "Мои задания" in page.text


def test_before_sign_in_the_browser_language_decides(client: Client, invite: Any) -> None:
    token = invite("olena")
    russian = client.get("/signin", headers={"Accept-Language": "de-DE,ru;q=0.8,en;q=0.5"}, token=token)
    assert "Войти как olena" in russian.text
    ukrainian = client.get("/signin", headers={"Accept-Language": "uk-UA"}, token=token)
    assert "Увійти як olena" in ukrainian.text
    neither = client.get("/signin", headers={"Accept-Language": "de, fr;q=0.5"}, token=token)
    assert "Sign in as olena" in neither.text
    refused = client.get("/signin", headers={"Accept-Language": "uk"}, token="olena.wrong")
    assert refused.status == 403 and "Це посилання для входу недійсне" in refused.text


def test_the_switch_remembers_the_choice_on_every_page(signed_in: Any) -> None:
    olena = signed_in("olena")
    reply = olena.post_form("/language", {"ui": "en", "next": "/statement?slug=appeal&lang=uk"},
                            origin=olena.origin)
    assert reply.status == 303
    assert reply.headers["location"] == "/statement?slug=appeal&lang=uk"
    assert "tflow_ui=en" in reply.headers["set-cookie"] and "httponly" in reply.headers["set-cookie"].lower()
    page = olena.get("/statement", slug="appeal", lang="uk")
    assert '<html lang="en">' in page.text and "Signed in as olena" in page.text
    assert 'name="next" value="/statement?slug=appeal&amp;lang=uk"' in page.text
    assert olena.get("/api/statement", slug="appeal", lang="en").json()["reason"].startswith("appeal has no 'en'")


def test_the_switch_refuses_other_sites_unknown_languages_and_foreign_targets(client: Client) -> None:
    assert client.post_form("/language", {"ui": "ru"}, origin="http://evil.example").status == 403
    assert client.post_form("/language", {"ui": "de"}, origin=client.origin).status == 400
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        reply = client.post_form("/language", {"ui": "ru", "next": target}, origin=client.origin)
        assert reply.headers["location"] == "/", target


def test_the_offline_sheet_opens_in_the_persons_language_with_the_others_for_its_switch(
    project: Project
) -> None:
    (sheet,) = write_sheets(project, "ivan")
    text = sheet.read_text(encoding="utf-8")
    assert '<html lang="ru">' in text and "<title>Лист проверки для ivan · translate-flow</title>" in text
    data = re.search(r'id="tflow-data">(.*?)</script>', text, re.S)
    assert data is not None
    assert '"sheet_for":"Аркуш перевірки для %(name)s"' in data.group(1)
    assert '"sheet_for":"Review sheet for %(name)s"' in data.group(1)
    # the review library's verdicts are said in the person's language too
    assert ('"reason":"ivan переводит эту запись и не может сам(а) её утвердить '
            '([review] two_people = true)"') in data.group(1)


def test_a_command_speaks_the_language_of_the_terminal(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(root)
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "uk_UA.UTF-8")
    assert terminal_language() == "uk"
    result = CliRunner().invoke(cli, ["invite", "--revoke", "olena"])
    assert result.output == "У olena не було посилання для входу; нічого відкликати.\n"
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("LANGUAGE", "ru")
    assert terminal_language() == "en"


def _extracted(tmp_path: Path) -> list[Any]:
    """Every interface string of the web app, the mails and the reviewer's commands, by Babel's extraction."""
    template = tmp_path / "messages.pot"
    subprocess.run([str(Path(sys.executable).parent / "pybabel"), "-q", "extract", "-F", "babel.cfg",
                    "-k", "tr:2", "-k", "ntr:2,3", "--no-wrap", "-o", str(template), "."],
                   cwd=REPOSITORY, check=True)
    with template.open("rb") as handle:
        messages = list(read_po(handle))
    return [m for m in messages if m.id and any(path.startswith(OURS) for path, _ in m.locations)]


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_every_string_of_the_review_pages_mails_and_commands_is_translated(tmp_path: Path, lang: str) -> None:
    source = REPOSITORY / "src/translate_flow/ui/locales" / lang / "LC_MESSAGES" / "messages.po"
    subprocess.run([require_program("msgfmt"), "--check", "-o", os.devnull, str(source)], check=True)
    with source.open("rb") as handle:
        shipped = {m.id if isinstance(m.id, str) else m.id[0]: m for m in read_po(handle, locale=lang)
                   if m.id and not m.fuzzy}
    extracted = _extracted(tmp_path)
    assert len(extracted) > 100
    missing = [m.id for m in extracted
               if (m.id if isinstance(m.id, str) else m.id[0]) not in shipped]
    empty = [key for key, m in shipped.items()
             if not (m.string if isinstance(m.string, str) else all(m.string))
             and any(path.startswith(OURS) for path, _ in m.locations)]
    assert missing == [] and empty == [], "run `make ui-catalogs` and translate"
    assert ui.tr(lang, "Save") != "Save"
