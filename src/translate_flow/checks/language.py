"""The right language and script: letters that belong to another language,
look-alike letters from another script, quotation marks and the Ukrainian
apostrophe.

Machine engines and tired translators mix Ukrainian and Russian (``ми`` and
``мы``), and a Latin ``P`` in ``Pосія`` looks right but breaks search and
screen readers; both publish wrong text, so they are errors. Quotation marks
and the apostrophe follow each edition's typography: warnings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from .. import locales
from .. import text as textfacts
from .inline import parse
from ..ui.message import Language, Message
from .model import ERROR, WARNING, Pair, Problem, quoted
from .words import marked
from ..text import without_addresses

_WORD = textfacts.WORD
_LETTERS = re.compile(r"[^\W\d_]+")
_CYRILLIC = textfacts.CYRILLIC
_LATIN = textfacts.LATIN
_OTHER_LANGUAGE_LETTERS = {
    lang: (textfacts.foreign_letters(lang), textfacts.LANGUAGE_NAMES[textfacts.SIBLING[lang]])
    for lang in textfacts.SIBLING
}
_FOREIGN_LETTER = {
    lang: re.compile(f"[{letters}{letters.upper()}]") for lang, (letters, _) in _OTHER_LANGUAGE_LETTERS.items()
}
_QUOTE_MARK = re.compile(r"[«»„“”‚‘‹›\"]|(?<![^\W\d_])['’](?![^\W\d_])")
_PAIRS = (("«", "»"), ("„", "“"), ("“", "”"))
# One apostrophe between two Cyrillic letters; the word around it is found
# afterwards, so a 50,000-letter word costs one pass, not one pass per letter.
_APOSTROPHE = re.compile(f"(?<=[{textfacts.CYRILLIC_RANGE}])(['’ʼ`])(?=[{textfacts.CYRILLIC_RANGE}])")
_CYRILLIC_RUN = re.compile(f"[{textfacts.CYRILLIC_RANGE}]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(without_addresses(parse(text).text))


def check_letters(pair: Pair) -> Iterator[Problem]:
    """No Russian-only letters (ы э ё ъ) in Ukrainian, Ukrainian-only ones (і ї є ґ) in Russian,
    Cyrillic words in English.

    Words the source has too are quoted originals and pass.
    """
    foreign = _OTHER_LANGUAGE_LETTERS.get(pair.target_lang)
    latin_target = foreign is None and locales.script(pair.target_lang) == "Latn"
    suspect = _CYRILLIC if latin_target else _FOREIGN_LETTER.get(pair.target_lang)
    if suspect is None or not suspect.search(pair.msgstr):
        return
    source_words = {word.casefold() for word in _words(pair.msgid)}
    engine_marked = marked(pair)  # the `unknown` check names these
    reported: set[str] = set()
    for word in _words(pair.msgstr):
        if word in reported or word.casefold() in source_words or word.casefold() in engine_marked:
            continue
        if foreign is not None:
            letters, language = foreign
            found = [ch for ch in word if ch.lower() in letters]
            if found:
                reported.add(word)
                yield Problem(
                    "letters",
                    ERROR,
                    Message("%(other)s letter %(letter)s in %(word)s; %(language)s has no %(lower)s",
                            letter=found[0], other=Language(textfacts.SIBLING[pair.target_lang]),
                            word=quoted(word), language=Language(pair.target_lang), lower=found[0].lower()),
                )
        elif latin_target and _CYRILLIC.search(word) and not _LATIN.search(word):
            reported.add(word)
            yield Problem(
                "letters",
                ERROR,
                Message("Cyrillic word %(word)s in the %(language)s translation", word=quoted(word),
                        language=Language(pair.target_lang)),
            )


def _script(ch: str) -> str:
    return unicodedata.name(ch, "").split(" ", 1)[0]


def check_homoglyphs(pair: Pair) -> Iterator[Problem]:
    """No word mixes Latin and Cyrillic letters (Pосія with a Latin P)."""
    reported: set[str] = set()
    for word in _LETTERS.findall(without_addresses(parse(pair.msgstr).text)):
        if word in reported or not (_CYRILLIC.search(word) and _LATIN.search(word)):
            continue
        reported.add(word)
        scripts = [_script(ch) for ch in word]
        main = max(("CYRILLIC", "LATIN"), key=scripts.count)
        other = "LATIN" if main == "CYRILLIC" else "CYRILLIC"
        strays = ", ".join(
            dict.fromkeys(f"{ch} (U+{ord(ch):04X})" for ch, script in zip(word, scripts) if script == other)
        )
        yield Problem(
            "homoglyphs",
            ERROR,
            Message("%(word)s mixes scripts: Latin %(strays)s in a Cyrillic word", word=quoted(word),
                    strays=strays) if main == "CYRILLIC" else
            Message("%(word)s mixes scripts: Cyrillic %(strays)s in a Latin word", word=quoted(word),
                    strays=strays),
        )


def _quote_marks(text: str) -> list[str]:
    """The quotation marks of `text`; ’ and ' next to a letter are apostrophes, not quotes."""
    return _QUOTE_MARK.findall(text)


def _unbalanced(marks: list[str]) -> bool:
    if marks.count('"') % 2:
        return True
    # “ opens an English quotation (closed by ”) or closes a „ one: balanced
    # text has as many “ as „ and ” together.
    curly = marks.count("“") != marks.count("„") + marks.count("”")
    return curly or marks.count("«") != marks.count("»")


def check_quotes(pair: Pair) -> Iterator[Problem]:
    """Quotation marks are the target language's ([checks.quotes]), paired, and not dropped."""
    target = parse(pair.msgstr).text
    marks = _quote_marks(target)
    if not marks:
        if _quote_marks(parse(pair.msgid).text):
            yield Problem("quotes", WARNING, Message("the source has quotation marks, the translation has none"))
        return
    allowed = pair.settings.quote_marks(pair.target_lang)
    if allowed is None:
        return
    name = Language(pair.target_lang)
    wrong = [mark for mark in dict.fromkeys(marks) if mark not in allowed]
    for mark in wrong:
        yield Problem("quotes", WARNING, Message(
            "straight quotation mark \" is not used in %(language)s; use %(allowed)s", language=name,
            allowed=allowed) if mark == '"' else Message(
            "quotation mark %(mark)s is not used in %(language)s; use %(allowed)s", mark=mark, language=name,
            allowed=allowed))
    if wrong or _unbalanced(_quote_marks(parse(pair.msgid).text)):
        # A quotation running over several paragraphs opens in one entry and
        # closes in another: the source is unpaired too, and so may the translation be.
        return
    for opening, closing in _PAIRS:
        if opening in allowed and closing in allowed:
            opened, closed = marks.count(opening), marks.count(closing)
            if opened != closed:
                yield Problem(
                    "quotes", WARNING, Message("unpaired quotation marks: %(opened)s %(opening)s but "
                                               "%(closed)s %(closing)s", opened=opened, opening=opening,
                                               closed=closed, closing=closing)
                )


def _word_around(text: str, position: int) -> str:
    """The Cyrillic letters on both sides of the apostrophe at `position`, with it."""
    start = position
    while start > 0 and textfacts.CYRILLIC.match(text, start - 1):
        start -= 1
    after = _CYRILLIC_RUN.match(text, position + 1)
    return text[start : after.end() if after else position + 1]


def check_apostrophe(pair: Pair) -> Iterator[Problem]:
    """Ukrainian words use the project's apostrophe (’ by default; ' and ʼ flagged)."""
    if pair.target_lang != "uk":
        return
    wanted = pair.settings.apostrophe_uk
    examples: dict[str, str] = {}
    text = parse(pair.msgstr).text
    for match in _APOSTROPHE.finditer(text):
        mark = match.group(1)
        if mark != wanted and mark not in examples:
            examples[mark] = _word_around(text, match.start())
    for mark, word in examples.items():
        yield Problem(
            "apostrophe",
            WARNING,
            Message("apostrophe %(mark)s (U+%(code)s) in %(word)s; this project writes %(wanted)s "
                    "(U+%(wanted_code)s)", mark=mark, code=format(ord(mark), "04X"), word=quoted(word),
                    wanted=wanted, wanted_code=format(ord(wanted), "04X")),
        )
