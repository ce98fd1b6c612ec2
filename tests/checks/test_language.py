from __future__ import annotations

from translate_flow.checks import CheckSettings

from .support import found


def test_russian_letter_in_ukrainian_is_an_error() -> None:
    assert found("letters", "We are with the people.", "Мы з народом.") == [
        "Russian letter ы in «Мы»; Ukrainian has no ы"
    ]


def test_ukrainian_letter_in_russian_is_an_error() -> None:
    assert found("letters", "Workers of the world, unite!", "Пролетарії всех стран, соединяйтесь!", "en", "ru") == [
        "Ukrainian letter і in «Пролетарії»; Russian has no і"
    ]


def test_correct_ukrainian_and_russian_have_no_wrong_letters() -> None:
    assert found("letters", "We are with the people.", "Ми з народом, із їхньою єдністю.") == []
    assert found("letters", "We are with the people.", "Мы с народом, объединённым и сильным.", "en", "ru") == []


def test_russian_word_quoted_from_a_russian_source_is_fine() -> None:
    assert found("letters", "Лозунг «Мы вместе».", "Гасло «Мы вместе».", "ru", "uk") == []


def test_cyrillic_word_in_english_translation_is_an_error() -> None:
    assert found("letters", "Ми з народом.", "We are with the людьми.", "uk", "en") == [
        "Cyrillic word «людьми» in the English translation"
    ]


def test_cyrillic_original_kept_from_the_source_in_english_is_fine() -> None:
    assert found("letters", "Організація «Боротьба».", "The Borotba («Боротьба») organisation.", "uk", "en") == []


def test_latin_letter_inside_a_cyrillic_word_is_an_error() -> None:
    assert found("homoglyphs", "Russia is at war.", "Pосія воює.") == [
        "«Pосія» mixes scripts: Latin P (U+0050) in a Cyrillic word"
    ]


def test_cyrillic_letter_inside_an_english_word_is_an_error() -> None:
    assert found("homoglyphs", "Україна воює.", "Ukrаine is at war.", "uk", "en") == [
        "«Ukrаine» mixes scripts: Cyrillic а (U+0430) in a Latin word"
    ]


def test_latin_names_next_to_cyrillic_words_are_fine() -> None:
    assert found("homoglyphs", "The YPJ and IT workers.", "YPJ та IT-працівники.") == []


def test_straight_quotes_in_ukrainian_are_a_warning() -> None:
    assert found("quotes", 'The so-called "communist" republics', 'Так звані "комуністичні" республіки') == [
        'straight quotation mark " is not used in Ukrainian; use «»„“'
    ]


def test_guillemets_in_ukrainian_are_fine() -> None:
    assert found("quotes", "The so-called “communist” republics", "Так звані «комуністичні» республіки") == []


def test_english_quotes_in_russian_are_a_warning() -> None:
    assert found("quotes", "So-called “communist” republics", "Так называемые “коммунистические” республики", "en", "ru") == [
        "quotation mark ” is not used in Russian; use «»„“"
    ]


def test_guillemets_in_english_are_a_warning() -> None:
    assert found("quotes", "Так звані «комуністичні» республіки", "So-called «communist» republics", "uk", "en") == [
        "quotation mark « is not used in English; use “”‘’",
        "quotation mark » is not used in English; use “”‘’",
    ]


def test_dropped_quotation_marks_are_a_warning() -> None:
    assert found("quotes", "So-called “communist” republics", "Так звані комуністичні республіки") == [
        "the source has quotation marks, the translation has none"
    ]


def test_unpaired_guillemets_are_a_warning() -> None:
    assert found("quotes", "“Borotba” stands for Marxism", "«Боротьба» виступає за «марксизм") == [
        "unpaired quotation marks: 2 « but 1 »"
    ]


def test_apostrophes_are_not_quotation_marks() -> None:
    assert found("quotes", "the workers’ rights", "м’ясо та п’ять робітників") == []


def test_configured_quotes_replace_the_defaults() -> None:
    settings = CheckSettings(quotes=(("uk", "„“"),))
    assert found("quotes", "“x” y", "«ікс» ігрек", settings=settings) == [
        "quotation mark « is not used in Ukrainian; use „“",
        "quotation mark » is not used in Ukrainian; use „“",
    ]


def test_typewriter_apostrophe_in_ukrainian_is_a_warning() -> None:
    assert found("apostrophe", "five", "п'ять") == [
        "apostrophe ' (U+0027) in «п'ять»; this project writes ’ (U+2019)"
    ]


def test_modifier_letter_apostrophe_is_a_warning_by_default() -> None:
    assert found("apostrophe", "meat", "мʼясо") == [
        "apostrophe ʼ (U+02BC) in «мʼясо»; this project writes ’ (U+2019)"
    ]


def test_configured_apostrophe_is_fine() -> None:
    settings = CheckSettings(apostrophe_uk="ʼ")
    assert found("apostrophe", "meat", "мʼясо", settings=settings) == []
    assert found("apostrophe", "meat", "м’ясо", settings=settings) != []


def test_apostrophe_is_only_checked_in_ukrainian() -> None:
    assert found("apostrophe", "объявление", "ob'yavlenie", "ru", "en") == []


def test_quotation_left_open_in_the_source_may_stay_open() -> None:
    assert found("quotes", "“Goals and objectives of the Left Front:", "«Цели и задачи Левого фронта:", "en", "ru") == []
