from __future__ import annotations

from translate_flow.checks import CheckSettings

from .support import found, glossary


def test_lost_trailing_space_is_a_warning() -> None:
    assert found("whitespace", "We stand with the people. ", "Ми з народом.") == [
        "trailing whitespace: source has 1 space, translation has none"
    ]


def test_added_leading_space_is_a_warning() -> None:
    assert found("whitespace", "No war.", "  Ні війні.") == [
        "leading whitespace: source has none, translation has 2 spaces"
    ]


def test_same_whitespace_is_fine() -> None:
    assert found("whitespace", " No war. ", " Ні війні. ") == []


def test_dropped_final_full_stop_is_a_warning() -> None:
    assert found("punctuation", "We stand with the people.", "Ми з народом") == [
        "the source ends with '.', the translation with no final punctuation"
    ]


def test_question_turned_into_statement_is_a_warning() -> None:
    assert found("punctuation", "Who benefits from the war?", "Кому выгодна война.", "en", "ru") == [
        "the source ends with '?', the translation with '.'"
    ]


def test_three_dots_equal_an_ellipsis() -> None:
    assert found("punctuation", "And then...", "А потім…") == []


def test_final_punctuation_inside_quotes_and_emphasis_is_found() -> None:
    assert found("punctuation", "They said: **“No war!”**", "Вони сказали: **«Ні війні!»**") == []


def test_heading_without_punctuation_is_fine() -> None:
    assert found("punctuation", "Media War", "Медійна війна") == []


def test_abbreviation_at_the_end_is_not_added_punctuation() -> None:
    assert found("punctuation", "Protests in 2014", "Протести у 2014 р.") == []


def test_colon_kept_is_fine() -> None:
    assert found("punctuation", "From their website:", "З їхнього сайту:") == []


def test_doubled_english_word_is_a_warning() -> None:
    assert found("doubled", "Мы против войны.", "We are against the the war.", "ru", "en") == [
        "doubled word «the the»"
    ]


def test_doubled_ukrainian_word_is_a_warning() -> None:
    assert found("doubled", "We do not give up.", "Ми не не здаємося.") == ["doubled word «не не»"]


def test_doubled_word_in_the_source_too_is_fine() -> None:
    assert found("doubled", "Bye bye, empire.", "Бувай бувай, імперіє.") == []


def test_grammatical_that_that_is_fine() -> None:
    assert found("doubled", "Він сказав, що це правда.", "He said that that was true.", "uk", "en") == []


def test_doubled_space_is_a_warning() -> None:
    assert found("doubled", "No war but the class war.", "Ні війні,  крім класової.") == [
        "doubled space after «війні,»"
    ]


def test_markdown_hard_break_spaces_are_not_doubled_spaces() -> None:
    assert found("doubled", "Line  \nnext", "Рядок  \nдалі") == []


def test_empty_translation_is_untranslated() -> None:
    assert found("untranslated", "No war.", "") == ["not translated"]


def test_copied_english_sentence_in_ukrainian_is_a_warning() -> None:
    assert found("identical", "We stand with the people.", "We stand with the people.") == [
        "the translation is the same as the source (e.g. «We»); translate it"
    ]


def test_copied_title_case_heading_is_a_warning() -> None:
    assert found("identical", "Media War", "Media War") != []


def test_copy_of_numbers_urls_and_acronyms_is_fine() -> None:
    assert found("identical", "2014–2022: https://borotba.org NATO", "2014–2022: https://borotba.org NATO") == []


def test_copy_of_do_not_translate_term_is_fine() -> None:
    assert found("identical", "YPJ", "YPJ", terms=glossary()) == []


def test_copy_of_a_name_between_ukrainian_and_russian_is_fine() -> None:
    assert found("identical", "Маріуполь", "Маріуполь", "uk", "ru") == []


def test_much_shorter_translation_is_a_warning() -> None:
    msgid = "Conscription is an enemy of the people, and both sides are utilizing this devastating tool."
    assert found("length", msgid, "Мобілізація — ворог.") == [
        "the translation is 0.22× as long as the source (usual: 0.5–2×); is something missing?"
    ]


def test_usual_length_is_fine() -> None:
    msgid = "Conscription is an enemy of the people, and both sides are utilizing this devastating tool."
    assert found("length", msgid, "Мобілізація — ворог народу, і обидві сторони використовують цей руйнівний інструмент.") == []


def test_short_texts_are_not_measured() -> None:
    assert found("length", "Media War", "Війна медіа, яку ведуть усі сторони конфлікту") == []


def test_length_ratio_for_a_pair_overrides_the_default() -> None:
    settings = CheckSettings(length_ratios=(("en-uk", (0.1, 3.0)),))
    msgid = "Conscription is an enemy of the people, and both sides are utilizing this devastating tool."
    assert found("length", msgid, "Мобілізація — ворог.", settings=settings) == []
