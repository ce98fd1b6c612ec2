from __future__ import annotations

from .support import found, glossary


def test_required_term_missing_is_a_warning() -> None:
    assert found(
        "terms", "The Azov Battalion was absorbed.", "Азов влився до армії.", terms=glossary()
    ) == ["glossary: «Azov Battalion» should be translated as “батальйон «Азов»”"]


def test_required_term_in_an_inflected_form_is_fine() -> None:
    msgid = "The Azov Battalion was absorbed into the military of Ukraine."
    msgstr = "Батальйон «Азов» було включено до армії України."
    assert found("terms", msgid, msgstr, terms=glossary()) == []


def test_required_russian_term_is_found_in_any_case() -> None:
    msgid = "Left Front is a united front of political organizations."
    assert found("terms", msgid, "«Левый фронт» — объединение организаций.", "en", "ru", terms=glossary()) == []


def test_term_note_is_shown_with_the_warning() -> None:
    assert found("terms", "Left Front activists", "Активісти Лівиці", terms=glossary()) == [
        "glossary: «Left Front» should be translated as «Лівий фронт» (Russian organisation)"
    ]


def test_forbidden_variant_is_an_error() -> None:
    assert found("forbidden", "The far right in Ukraine.", "Крайне правые на Украине.", "en", "ru", terms=glossary()) == [
        "forbidden variant «на Украине»; the glossary says «Украина»"
    ]


def test_forbidden_variant_for_another_language_is_fine() -> None:
    assert found("forbidden", "The far right in Ukraine.", "Крайні праві в Україні.", terms=glossary()) == []


def test_forbidden_english_variant_is_an_error() -> None:
    assert found("forbidden", "Ультраправі в Україні.", "The far right in the Ukraine.", "uk", "en", terms=glossary()) == [
        "forbidden variant «the Ukraine»; the glossary says «Ukraine»"
    ]


def test_do_not_translate_name_changed_is_an_error() -> None:
    msgid = "This is similar to the YPJ utilizing U.S. air power."
    assert found("dnt", msgid, "Це схоже на ЖЗО, що використовує авіацію США.", terms=glossary()) == [
        "«YPJ» is not translated (glossary): keep it exactly as written"
    ]


def test_do_not_translate_name_kept_is_fine() -> None:
    msgid = "This is similar to the YPJ utilizing U.S. air power."
    assert found("dnt", msgid, "Это похоже на то, как YPJ использует авиацию США.", "en", "ru", terms=glossary()) == []


def test_do_not_translate_name_with_changed_case_is_an_error() -> None:
    assert found("dnt", "The YPJ fights.", "Ypj воюють.", terms=glossary()) != []
