"""Every check, in the order `tflow check --list` shows them, and `run`."""

from __future__ import annotations

from . import language, markup, numbers, terms, text, words
from ..text import words as text_words
from ..catalog.drafts import WEAK_QUALITY
from .model import ERROR, WARNING, Check, Pair, Problem

CHECKS: tuple[Check, ...] = (
    Check("links", ERROR, markup.check_links),
    Check("images", ERROR, markup.check_images),
    Check("emphasis", ERROR, markup.check_emphasis),
    Check("code", ERROR, markup.check_code),
    Check("html", ERROR, markup.check_html),
    Check("breaks", ERROR, markup.check_breaks),
    Check("numbers", ERROR, numbers.check_numbers),
    Check("urls", ERROR, numbers.check_urls),
    Check("letters", ERROR, language.check_letters),
    Check("language", ERROR, words.check_language),
    Check("unknown", ERROR, words.check_unknown),
    Check("offensive", ERROR, words.check_offensive),
    Check("negation", ERROR, words.check_negation),
    Check("homoglyphs", ERROR, language.check_homoglyphs),
    Check("forbidden", ERROR, terms.check_forbidden),
    Check("dnt", ERROR, terms.check_dnt),
    Check("ambiguous", WARNING, words.check_ambiguous),
    Check("untranslated", WARNING, text.check_untranslated),
    Check("identical", WARNING, text.check_identical),
    Check("whitespace", WARNING, text.check_whitespace),
    Check("punctuation", WARNING, text.check_punctuation),
    Check("doubled", WARNING, text.check_doubled),
    Check("quotes", WARNING, language.check_quotes),
    Check("apostrophe", WARNING, language.check_apostrophe),
    Check("length", WARNING, text.check_length),
    Check("terms", WARNING, terms.check_terms),
)

_BY_NAME = {check.name: check for check in CHECKS}


def get(name: str) -> Check:
    """The check called `name` (KeyError for an unknown name: a programming error)."""
    return _BY_NAME[name]


def run(pair: Pair) -> list[Problem]:
    """Every enabled check on one pair; an empty translation is only reported as untranslated."""
    disabled = pair.settings.disable
    if not pair.msgstr.strip():
        return [] if "untranslated" in disabled else list(text.check_untranslated(pair))
    found: list[Problem] = []
    for check in CHECKS:
        if check.name not in disabled:
            found.extend(check(pair))
    return found


def quality(pair: Pair, problems: list[Problem] | None = None) -> float:
    """The share of the translation's words that the checks passed, 0–1.

    Words an error names (a Russian word, one the engine did not know, a slur)
    count against it one by one; an error about no particular word (a lost
    number, broken markup, a dropped negation) halves the figure. A word whose
    sense the engine guessed (`words.check_ambiguous`) counts like an error
    word, and since a wrong sense changes what the sentence says, keeps the
    figure below `catalog.WEAK_QUALITY`: the draft needs a reading against the source.
    """
    problems = run(pair) if problems is None else problems
    words_in = text_words(pair.msgstr)
    if not words_in:
        return 1.0
    counted = [p for p in problems if p.severity == ERROR or p.check == "ambiguous"]
    flagged = {word.casefold() for p in counted for word in p.words}
    bad = sum(1 for word in words_in if word.casefold() in flagged)
    share = (len(words_in) - bad) / len(words_in)
    for problem in problems:
        if problem.severity == ERROR and not problem.words:
            share /= 2
    share = round(share, 2)
    if any(p.check == "ambiguous" for p in problems):
        share = min(share, round(WEAK_QUALITY - 0.01, 2))
    return share
