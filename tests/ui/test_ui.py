from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from babel.support import Translations

from translate_flow import ui


def test_interface_language_takes_the_base_language_and_falls_back_to_english() -> None:
    assert ui.interface_language("uk-UA") == "uk"
    assert ui.interface_language("ru_RU") == "ru"
    assert ui.interface_language("de") == "en"
    assert ui.interface_language(None) == "en"


def test_an_untranslated_message_shows_the_english_text_with_its_values() -> None:
    assert ui.tr("uk", "No such message %(name)s in any catalog", name="x") == (
        "No such message x in any catalog"
    )
    assert ui.ntr("ru", "%(num)d thing nobody translated", "%(num)d things nobody translated", 3) == (
        "3 things nobody translated"
    )


def test_render_escapes_values_and_gives_each_language_its_own_environment(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(
        "<p lang=\"{{ lang }}\">{{ _('Approved by %(name)s', name=who) }}</p>", encoding="utf-8"
    )
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), autoescape=True,
                             extensions=["jinja2.ext.i18n"])
    assert ui.render(env, "page.html", "uk", who="<b>t</b>") == (
        '<p lang="uk">Approved by &lt;b&gt;t&lt;/b&gt;</p>'
    )
    assert ui.render(env, "page.html", "de", who="t") == '<p lang="en">Approved by t</p>'
    assert ui.localized(env, "uk") is ui.localized(env, "uk-UA")
    assert ui.localized(env, "uk") is not ui.localized(env, "ru")


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_the_shipped_interface_catalogs_load(lang: str) -> None:
    assert isinstance(ui.translations(lang), Translations)
    assert ui.translations(lang) is ui.translations(lang)


def test_each_language_keeps_its_own_catalog_whichever_was_rendered_last(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("{{ _('Other languages') }}", encoding="utf-8")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), autoescape=True,
                             extensions=["jinja2.ext.i18n"])
    uk = ui.render(env, "page.html", "uk")
    ui.render(env, "page.html", "ru")
    ui.render(env, "page.html", "en")
    assert ui.render(env, "page.html", "uk") == uk == ui.tr("uk", "Other languages") != "Other languages"
