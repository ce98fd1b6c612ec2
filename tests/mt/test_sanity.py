"""Outputs that are no translation are rejected with a reason."""

from __future__ import annotations

from translate_flow.mt.sanity import check

from .fakeserver import QUOTA


def test_a_good_translation_passes() -> None:
    assert check("We condemn the war.", "Ми засуджуємо війну.", "en", "uk") is None


def test_none_and_empty_are_rejected() -> None:
    assert check("Hello", None, "en", "uk").reason == "no output"  # type: ignore[union-attr]
    assert check("Hello", "  ", "en", "uk").reason == "empty output"  # type: ignore[union-attr]


def test_echo_of_the_input_is_rejected() -> None:
    rejection = check("We condemn the war.", "We condemn the war.", "en", "uk")
    assert rejection is not None and rejection.reason == "echo of the input"


def test_a_one_word_ru_uk_heading_may_stay_the_same() -> None:
    assert check("Мир", "Мир", "ru", "uk") is None
    assert check("Мы против", "Мы против", "ru", "uk") is not None


def test_the_mymemory_quota_warning_is_rejected_as_transient() -> None:
    rejection = check("Hello world", QUOTA, "en", "uk")
    assert rejection is not None and rejection.transient


def test_wrong_script_is_rejected() -> None:
    rejection = check("We condemn the war.", "We condemn teh war!", "en", "uk")
    assert rejection is not None and rejection.reason.startswith("wrong script")


def test_russian_returned_for_ukrainian_is_rejected() -> None:
    rejection = check("We condemn the war.", "Мы осуждаем эту войну ещё.", "en", "uk")
    assert rejection is not None and rejection.reason.startswith("not uk")


def test_a_latin_name_inside_cyrillic_text_is_fine() -> None:
    assert check("The YPJ in Syria", "YPJ у Сирії та інших країнах", "en", "uk") is None
