"""Sentence splitting, and chunks that fit each engine's request limit."""

from __future__ import annotations

from translate_flow.mt.chunk import chunks
from translate_flow.mt.online import Google, MyMemory
from translate_flow.mt.sentences import split


def test_split_joins_back_to_the_text() -> None:
    text = "First one. Second one! Third? “Quoted.” Last"
    assert "".join(split(text)) == text
    assert split(text) == ["First one. ", "Second one! ", "Third? ", "“Quoted.” ", "Last"]


def test_split_does_not_cut_after_abbreviations_or_initials() -> None:
    text = "The U.S. said no. Mr. Smith and J. Doe agreed. Россия, т.е. власть."
    assert split(text) == ["The U.S. said no. ", "Mr. Smith and J. Doe agreed. ", "Россия, т.е. власть."]


def test_split_needs_a_capital_after_the_stop() -> None:
    assert split("Version 2.5 is out. then lowercase.") == ["Version 2.5 is out. then lowercase."]


def test_short_text_is_one_chunk() -> None:
    assert chunks("Short. Text.", len, 100) == ["Short. Text."]


def test_long_text_is_cut_on_sentence_boundaries_and_joins_back() -> None:
    sentence = "This sentence has exactly forty-six chars. "
    text = sentence * 10
    parts = chunks(text, len, 100)
    assert "".join(parts) == text
    assert all(len(p.strip()) <= 100 for p in parts)
    assert all(p.strip().endswith(".") for p in parts)


def test_a_sentence_longer_than_the_limit_is_cut_on_commas_then_spaces() -> None:
    text = "one, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve"
    parts = chunks(text, len, 20)
    assert "".join(parts) == text
    assert all(len(p.strip()) <= 20 for p in parts)


def test_placeholders_are_never_cut() -> None:
    text = " ".join(f"word ⟦{n}⟧" for n in range(1, 40))
    for part in chunks(text, len, 30):
        assert part.count("⟦") == part.count("⟧")


def test_google_fits_about_1500_cyrillic_characters_in_a_request() -> None:
    google = Google()
    cyrillic = "Україна бореться. " * 200
    parts = chunks(cyrillic, google.size, google.max_chars)
    longest = max(len(p.strip()) for p in parts)
    assert 1300 <= longest <= 1600
    latin = "Ukraine is fighting. " * 400
    assert max(len(p.strip()) for p in chunks(latin, google.size, google.max_chars)) > 4000


def test_mymemory_chunks_stay_under_500_bytes() -> None:
    mymemory = MyMemory()
    text = "Мы осуждаем войну и поддерживаем рабочих. " * 40
    parts = chunks(text, mymemory.size, mymemory.max_chars)
    assert all(len(p.strip().encode("utf-8")) < 500 for p in parts)
    assert "".join(parts) == text
