"""Library messages keep their English msgid and values; each reader gets them in their language."""

from __future__ import annotations

import re
from importlib import resources

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from translate_flow import checks, ui
from translate_flow.checks import Pair
from translate_flow.ui import Language, Message, plural_message, rendered

_PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
_KEYWORDS = {"tr": (2,), "ntr": (2, 3), "Message": (1,), "plural_message": (1, 2)}  # as `make ui-catalogs`


def _catalog(lang: str) -> Catalog:
    path = resources.files("translate_flow.ui").joinpath("locales", lang, "LC_MESSAGES", "messages.po")
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def _ids(message: object) -> tuple[str, ...]:
    found = getattr(message, "id")
    return tuple(found) if isinstance(found, (list, tuple)) else (found,)


def _forms(message: object) -> tuple[str, ...]:
    found = getattr(message, "string")
    return tuple(found) if isinstance(found, (list, tuple)) else (found,)


def _extracted() -> set[str]:
    root = resources.files("translate_flow")
    found = set()
    for _, _, message, _, _ in extract_from_dir(str(root), [("**.py", "python")], keywords=_KEYWORDS):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_str_of_a_message_is_english_with_its_values() -> None:
    message = Message("doubled word %(word)s", word="«так»")
    assert str(message) == "doubled word «так»"
    assert f"{message}" == "doubled word «так»"


def test_a_message_renders_in_the_readers_language_with_nested_values() -> None:
    hint = Message("is something missing?")
    message = Message("the translation is %(ratio)s× as long as the source (usual: %(low)s–%(high)s×); %(hint)s",
                      ratio="0.30", low="0.5", high="2", hint=hint)
    assert message.render("uk") == "довжина перекладу — 0.30× від оригіналу (зазвичай 0.5–2×); чогось бракує?"
    assert message.render("ru").endswith("чего-то не хватает?")
    assert message.render("de") == str(message)


def test_a_plural_message_takes_the_form_for_its_count() -> None:
    assert [plural_message("%(num)d space", "%(num)d spaces", n).render("uk") for n in (1, 3, 5)] == [
        "1 пробіл", "3 пробіли", "5 пробілів"]
    assert str(plural_message("%(num)d space", "%(num)d spaces", 2)) == "2 spaces"


def test_a_language_value_is_named_in_the_readers_language() -> None:
    message = Message("Cyrillic word %(word)s in the %(language)s translation", word="«так»",
                      language=Language("en"))
    assert str(message) == "Cyrillic word «так» in the English translation"
    assert message.render("uk") == "кириличне слово «так» у перекладі (мова: англійська)"


def test_rendered_turns_every_message_in_json_data_into_text() -> None:
    data = {"problems": [{"check": "x", "message": Message("not translated")}], "n": 1, "none": None}
    assert rendered(data, "ru") == {"problems": [{"check": "x", "message": "не переведено"}], "n": 1,
                                    "none": None}


def test_check_problems_are_english_by_default_and_ukrainian_for_a_ukrainian_reader() -> None:
    found = list(checks.run(Pair("In 2014 we were there.", "У 2015 ми там були.", "en", "uk")))
    numbers = [p.message for p in found if p.check == "numbers"]
    assert [str(m) for m in numbers] == ["number 2014 missing in translation",
                                         "number 2015 in translation is not in the source"]
    assert [m.render("uk") for m in numbers] == ["у перекладі немає числа 2014",
                                                 "число 2015 є в перекладі, але не в оригіналі"]


def test_every_library_message_is_extracted_into_the_template() -> None:
    template = {_ids(m)[0] for m in _catalog("uk") if m.id}
    missing = sorted(_extracted() - template)
    assert not missing, f"run `make ui-catalogs`: {missing[:5]}"


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_every_extracted_message_has_a_finished_translation(lang: str) -> None:
    wanted = _extracted()
    unfinished = [m.id for m in _catalog(lang) if m.id and _ids(m)[0] in wanted
                  and (m.fuzzy or not all(_forms(m)))]
    assert not unfinished


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_every_placeholder_of_a_msgid_is_in_its_translations(lang: str) -> None:
    wrong = []
    for message in _catalog(lang):
        if not message.id or not all(_forms(message)):
            continue
        wanted = {name for text in _ids(message) for name in _PLACEHOLDER.findall(text)}
        for form in _forms(message):
            have = set(_PLACEHOLDER.findall(form))
            # a singular form may spell out its one ("одна помилка"), never invent a name
            if have - wanted or (wanted - have - {"num"}):
                wrong.append((_ids(message)[0], form))
    assert not wrong


def test_ui_tr_and_message_share_one_catalog() -> None:
    assert Message("no problems").render("uk") == ui.tr("uk", "no problems")
