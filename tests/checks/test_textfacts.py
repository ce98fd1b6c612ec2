"""`text` and `morphology`: the shared facts about words, and pymorphy3 behind them."""

from __future__ import annotations

from collections import Counter

from translate_flow import morphology, text
from translate_flow.catalog.merge import meaning_changes


def test_negations_are_counted_per_language() -> None:
    assert text.negations("We don't, and we will not.", "en") == 2
    assert text.negations("Ні війні, жодного кроку!", "uk") == 2
    assert text.negations("Да войне!", "ru") == 0


def test_names_skip_the_first_word_of_a_sentence() -> None:
    assert text.names("Workers of Kyiv. Today Borotba speaks") == Counter({"Kyiv": 1, "Borotba": 1})


def test_starts_sentence_looks_only_at_what_precedes_the_word() -> None:
    assert text.starts_sentence("Hello. World", 7)
    assert not text.starts_sentence("Hello World", 6)
    assert text.starts_sentence("Word", 0)
    assert text.starts_sentence("say «Word", 5)


def test_foreign_letters_are_those_of_the_sibling_language() -> None:
    assert text.foreign_letters("uk") == "ыэёъ"
    assert text.foreign_letters("ru-RU") == "іїєґ"
    assert text.foreign_letters("en") == ""


def test_merge_and_checks_share_one_negation_rule() -> None:
    assert meaning_changes("Ні війні", "Так війні", "uk") == ["negation"]
    assert meaning_changes("жодного кроку назад", "кроку назад", "uk") == ["negation"]


def test_morphology_knows_which_language_a_form_belongs_to() -> None:
    assert morphology.is_known("здесь", "ru") and not morphology.is_known("здесь", "uk")
    assert morphology.is_known("тут", "uk")
    assert morphology.is_known("Объединённым", "ru")


def test_lemmas_cover_inflected_forms() -> None:
    assert "київ" in morphology.lemmas("Києва", "uk")
    assert "москаль" in morphology.lemmas("москалів", "uk")
    assert morphology.lemma("республіці", "uk") == "республіка"


def test_invariable_words_are_conjunctions_and_particles() -> None:
    assert morphology.is_invariable("що", "uk") and morphology.is_invariable("і", "uk")
    assert not morphology.is_invariable("російський", "uk")
