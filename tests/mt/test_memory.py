"""The translation memory: exact, sentence-assembled and fuzzy matches."""

from __future__ import annotations

from translate_flow.mt.adapter import Translator
from translate_flow.mt.memory import Memory, Unit


def memory(*pairs: tuple[str, str], threshold: float = 85.0) -> Memory:
    found = Memory(threshold)
    for number, (source, target) in enumerate(pairs, start=1):
        found.add("en", "uk", Unit(source, target, f"locales/uk/a.po:{number * 10}"))
    return found


def test_exact_match_scores_100_and_names_its_origin() -> None:
    tm = memory(("We condemn the war.", "Ми засуджуємо війну."))
    drafts = Translator(tm).translate(["We condemn the war."], "en", "uk")
    assert drafts[0] is not None and drafts[0].text == "Ми засуджуємо війну."
    assert drafts[0].detail == "100% locales/uk/a.po:10"


def test_exact_match_ignores_whitespace_differences() -> None:
    tm = memory(("We condemn   the war.", "Ми засуджуємо війну."))
    assert tm.lookup("We condemn the war.", "en", "uk") is not None


def test_fuzzy_match_above_the_threshold_is_offered_with_its_score() -> None:
    tm = memory(("We condemn the imperialist war in Ukraine.", "Ми засуджуємо імперіалістичну війну в Україні."))
    match = tm.lookup("We condemn the imperialist wars in Ukraine.", "en", "uk")
    assert match is not None and 85 <= match.score < 100


def test_fuzzy_match_below_the_threshold_is_not() -> None:
    tm = memory(("We condemn the imperialist war in Ukraine.", "Ми засуджуємо війну."))
    assert tm.lookup("We support the workers of Ukraine.", "en", "uk") is None


def test_threshold_comes_from_the_caller() -> None:
    pair = ("We condemn the imperialist war in Ukraine.", "Ми засуджуємо війну.")
    query = "We condemn this imperialist war in Ukraine!"
    assert memory(pair, threshold=99).lookup(query, "en", "uk") is None
    assert memory(pair, threshold=80).lookup(query, "en", "uk") is not None


def test_a_similar_text_with_the_opposite_meaning_is_never_offered() -> None:
    tm = memory(("We condemn the imperialist war in Ukraine.", "Ми засуджуємо імперіалістичну війну."))
    assert tm.lookup("We do not condemn the imperialist war in Ukraine.", "en", "uk") is None
    assert tm.lookup("We condemn the imperialist war in Ukraine 2014.", "en", "uk") is None


def test_a_paragraph_is_assembled_from_sentences_translated_elsewhere() -> None:
    tm = memory(
        ("Conscription is an enemy of the people. We stand with the people.",
         "Мобілізація — ворог народу. Ми з народом."),
        ("Ukraine is not a monolith. Millions fought in the streets.",
         "Україна не моноліт. Мільйони боролися на вулицях."),
    )
    match = tm.lookup("We stand with the people. Ukraine is not a monolith.", "en", "uk")
    assert match is not None
    assert match.text == "Ми з народом. Україна не моноліт."
    assert match.origin == "sentences from locales/uk/a.po:10, locales/uk/a.po:20"


def test_no_assembly_when_one_sentence_is_unknown() -> None:
    tm = memory(("One. Two.", "Один. Два."))
    assert tm.lookup("One. Three.", "en", "uk") is None


def test_approved_translations_win_over_merely_translated_ones() -> None:
    tm = Memory()
    tm.add("en", "uk", Unit("Peace", "Спокій", "a.po:1"))
    tm.add("en", "uk", Unit("Peace", "Мир", "b.po:1", approved=True))
    tm.add("en", "uk", Unit("Peace", "Тиша", "c.po:1"))
    match = tm.lookup("Peace", "en", "uk")
    assert match is not None and match.text == "Мир"


def test_memory_is_per_language_pair() -> None:
    tm = memory(("Peace", "Мир"))
    assert tm.lookup("Peace", "en", "ru") is None
    assert tm.supports("en", "uk") and not tm.supports("en", "ru")


def test_units_added_after_a_lookup_are_found() -> None:
    tm = memory(("We condemn the imperialist war.", "Ми засуджуємо імперіалістичну війну."))
    assert tm.lookup("We support the organized workers.", "en", "uk") is None
    tm.add("en", "uk", Unit("We support the organised workers.", "Ми підтримуємо робітників.", "x"))
    assert tm.lookup("We support the organized workers.", "en", "uk") is not None


def test_fuzzy_lookup_finds_the_match_among_many_entries() -> None:
    tm = Memory()
    for n in range(3000):
        tm.add("en", "uk", Unit(f"Filler sentence number {n} about topic {n % 17}.", f"Речення {n}.", f"f:{n}"))
    tm.add("en", "uk", Unit("The far right was absorbed into the government.", "Ультраправих поглинув уряд.", "x:1"))
    match = tm.lookup("The far right was absorbed into the governments.", "en", "uk")
    assert match is not None and match.origin == "x:1"
