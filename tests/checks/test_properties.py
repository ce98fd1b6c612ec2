from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from translate_flow.checks import ERROR, Pair, run

from .support import glossary

# Pieces that read the same in Ukrainian and Russian: markup, numbers, names, addresses.
NEUTRAL = [
    "Україна", "Росія", "NATO", "YPJ", " ", "  ", "\n", "2014", "1 000", "1,000", "3,5", "25%", "**", "*", "_",
    "`код`", "[посилання](https://example.org/a_(b))", "<b>", "</b>", "<script>", "&lt;", "\\", "«", "»", "“",
    '"', "'", "’", "м’ясо", "...", "…", ".", "?", "!", ":", "https://borotba.org",
    "info@example.org", "![alt](i.png)", "<https://x.org>", "[a][ref]", "не не", "ы", "і", "Pосія",
]
WORDS = ["2 травня", "ХХ століття", "2 May 2014", "May", "five", "вісім", "пять"]


def texts(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(pieces), st.text(max_size=5)), max_size=12).map("".join)


SAME_CONVENTIONS = {"links", "images", "emphasis", "code", "html", "breaks", "urls",
                    "numbers", "dnt", "whitespace", "punctuation", "doubled", "length", "terms"}


@settings(max_examples=300, deadline=None)
@given(texts(NEUTRAL + WORDS), texts(NEUTRAL + WORDS))
def test_checks_never_fail_on_any_text(msgid: str, msgstr: str) -> None:
    for source, target in (("en", "uk"), ("uk", "ru"), ("ru", "en")):
        for problem in run(Pair(msgid, msgstr, source, target, glossary())):
            assert problem.message


@settings(max_examples=300, deadline=None)
@given(texts(NEUTRAL))
def test_a_copy_between_ukrainian_and_russian_keeps_markup_numbers_and_names(text: str) -> None:
    problems = run(Pair(text, text, "uk", "ru", glossary()))
    assert [p for p in problems if p.check in SAME_CONVENTIONS and p.severity == ERROR] == []
