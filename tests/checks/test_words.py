"""Checks that read words: unknown words, wrong language by morphology, slurs, negation."""

from __future__ import annotations

from translate_flow.checks import CheckSettings, Pair, get
from translate_flow.checks.registry import quality, run
from translate_flow.glossary import Glossary

from .support import found, glossary


def marked(check: str, msgid: str, msgstr: str, unknown: tuple[str, ...] = (), errors: tuple[str, ...] = (),
           source: str = "ru", target: str = "uk", terms: Glossary | None = None) -> list[str]:
    pair = Pair(msgid, msgstr, source, target, terms or Glossary(), CheckSettings(), unknown, errors)
    return [str(problem.message) for problem in get(check)(pair)]


def test_unknown_word_left_in_the_draft_is_an_error() -> None:
    assert marked("unknown", "Мы здесь.", "Ми здесь.", unknown=("здесь",)) == [
        "the engine did not know «здесь»: it is left untranslated"
    ]


def test_unknown_word_a_person_replaced_is_not_reported() -> None:
    assert marked("unknown", "Мы здесь.", "Ми тут.", unknown=("здесь",)) == []


def test_generation_error_is_reported_with_the_target_language() -> None:
    assert marked("unknown", "Западные СМИ", "Західні російський ЗМІ", errors=("російський",)) == [
        "the engine could not form «російський» in Ukrainian"
    ]


def test_unknown_glossary_term_is_not_an_error() -> None:
    assert marked("unknown", "Против НАТО.", "Проти НАТО.", unknown=("НАТО",),
                  terms=glossary("en,uk,ru\nNATO,НАТО,НАТО\n")) == []


def test_russian_word_in_ukrainian_is_found_by_morphology() -> None:
    assert found("language", "Read more here.", "Подробнее читайте здесь.") == [
        "Russian word «Подробнее»: a Russian form, not a Ukrainian one",
        "Russian word «здесь»: a Russian form, not a Ukrainian one",
    ]


def test_russian_word_without_russian_letters_is_found() -> None:
    assert found("language", "Again, to the people.", "Снова к народу.") == [
        "Russian word «Снова»: a Russian form, not a Ukrainian one",
        "Russian word «к»: a Russian form, not a Ukrainian one",
    ]


def test_ukrainian_word_copied_into_a_russian_translation_is_an_error() -> None:
    assert found("language", "Жодного кроку назад.", "Жодного шага назад.", "uk", "ru") == [
        "Ukrainian word «Жодного»: a Ukrainian form, not a Russian one"
    ]


def test_correct_ukrainian_and_words_known_in_both_pass() -> None:
    assert found("language", "We stand on the Maidan, not for war.", "Ми стоїмо на Майдані, не за війну.") == []


def test_english_source_quoting_a_russian_word_passes() -> None:
    assert found("language", "They call it «здесь».", "Вони називають це «здесь».") == []


def test_copied_lowercase_source_word_unknown_to_both_dictionaries_is_an_error() -> None:
    assert found("language", "Слово квазибрюк.", "Слово квазибрюк.", "ru", "uk") == [
        "«квазибрюк» is copied from the Russian source"
    ]


def test_copied_capitalised_name_unknown_to_both_passes() -> None:
    assert found("language", "Говорит Квазибрюк.", "Говорить Квазибрюк.", "ru", "uk") == []


def test_words_with_russian_letters_are_left_to_the_letters_check() -> None:
    assert found("language", "We are with you.", "Мы з вами.") == []
    assert found("letters", "We are with you.", "Мы з вами.") == [
        "Russian letter ы in «Мы»; Ukrainian has no ы"
    ]


def test_glossary_term_known_only_in_russian_is_not_an_error_in_ukrainian() -> None:
    terms = glossary("en,uk,ru\nLeft Front,Левый фронт,Левый фронт\n")
    assert found("language", "The Left Front.", "Левый фронт.", terms=terms) == []


def test_slur_the_source_lacks_is_an_error_in_any_inflection() -> None:
    assert found("offensive", "Russian workers are not our enemies.", "Москалів робітники не наші вороги.") == [
        "offensive term «Москалів» (ethnic slur for Russians); the source has no such word"
    ]
    assert found("offensive", "Ukrainians", "хохлов", "en", "ru") == [
        "offensive term «хохлов» (ethnic slur for Ukrainians); the source has no such word"
    ]


def test_slur_that_the_source_quotes_is_not_an_error() -> None:
    assert found("offensive", "Они называют нас «хохлами».", "Вони називають нас «хохлами».", "ru", "uk") == []
    assert found("offensive", "They call us “khokhols”.", "Вони називають нас «хохлами».") == []


def test_glossary_extends_the_slur_list_with_its_offensive_column() -> None:
    terms = glossary("en,uk,ru,note,offensive\n,,,a hate term,uk:зрадник; ru:предатель\n")
    assert found("offensive", "The others.", "Ці зрадники.", terms=terms) == [
        "offensive term «зрадники» (a hate term); the source has no such word"
    ]
    assert found("offensive", "The others.", "Ці зрадники.") == []


def test_old_glossary_without_offensive_column_is_still_valid() -> None:
    assert glossary("en,uk,ru,note,forbidden\nNATO,НАТО,НАТО,,\n").terms[0].offensive == ()


def test_lost_negation_is_an_error() -> None:
    assert found("negation", "Ні війні!", "Да войне!", "uk", "ru") == [
        "the source has a negation (not, no, ні, не …), the translation none"
    ]


def test_added_negation_is_an_error() -> None:
    assert found("negation", "We condemn the war.", "Ми не засуджуємо війну.") == [
        "the translation has a negation the source does not have"
    ]


def test_kept_negation_passes() -> None:
    assert found("negation", "We do not condemn it; we don't.", "Ми цього не засуджуємо.") == []
    assert found("negation", "Ні війні!", "Нет войне!", "uk", "ru") == []


def test_superscript_the_source_lacks_is_an_error() -> None:
    assert found("numbers", "Привет, мир!", "Привіт, мир¹!", "ru", "uk") == [
        "superscript ¹ after «мир» is not in the source (a footnote mark?)"
    ]
    assert found("numbers", "E = mc²", "E = mc²") == []


def test_quality_counts_the_words_errors_name() -> None:
    pair = Pair("Мы здесь стоим на площади вместе", "Ми здесь стоїмо на площі разом", "ru", "uk",
                Glossary(), CheckSettings(), ("здесь",))
    assert quality(pair) == round(5 / 6, 2)


def test_quality_halves_for_an_error_about_no_word() -> None:
    pair = Pair("В 2014 году.", "У 2015 році.", "ru", "uk")
    assert [p.check for p in run(pair)] == ["numbers", "numbers"]  # 2014 missing, 2015 added
    assert quality(pair) == 0.25


def test_apostrophe_check_handles_a_very_long_word() -> None:
    word = "а" * 200_000
    assert found("apostrophe", "x", f"{word}'я {word}") == [
        f"apostrophe ' (U+0027) in «{word}'я»; this project writes ’ (U+2019)"
    ]
