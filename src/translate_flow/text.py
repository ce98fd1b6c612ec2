"""Facts about text that merge, the checks, the memory and MT sanity all rely on.

What counts as a word, a negation, a number, a URL, a quotation, a name or a
month, and which letters belong to which script and to which of Ukrainian and
Russian only: each is defined here once and imported everywhere, so that the
merge that empties an entry whose negation changed and the check that flags a
translation that dropped a negation agree on what a negation is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

CYRILLIC_RANGE = "\u0400-\u052f"
LATIN_RANGE = "A-Za-z\u00c0-\u024f"
CYRILLIC = re.compile(f"[{CYRILLIC_RANGE}]")
LATIN = re.compile(f"[{LATIN_RANGE}]")

CYRILLIC_LANGUAGES = frozenset({"uk", "ru", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn"})
LATIN_LANGUAGES = frozenset(
    {"en", "de", "fr", "es", "it", "pt", "pl", "cs", "sk", "nl", "sv", "da", "fi", "ro", "hu",
     "hr", "sl", "lt", "lv", "et", "tr", "ca", "eo"}
)

#: Letters that only one of Ukrainian and Russian has (lower case).
OWN_LETTERS = {"uk": "іїєґ", "ru": "ыэёъ"}
#: Ukrainian ↔ Russian: the language whose words are most often left in a draft of the other.
SIBLING = {"uk": "ru", "ru": "uk"}
LANGUAGE_NAMES = {"uk": "Ukrainian", "ru": "Russian", "en": "English"}

APOSTROPHES = "'’ʼ"
WORD = re.compile(rf"[^\W\d_]+(?:[{APOSTROPHES}][^\W\d_]+)*")
"""A word of letters, with inner apostrophes (п’ять, don't)."""

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT = re.compile(f"[{SUPERSCRIPT_DIGITS}]")

URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"«»“”]+")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
QUOTATION = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»|„[^“”]*[“”]")

NEGATIONS = {
    "en": frozenset({"not", "no", "never", "nor", "neither", "none", "nobody", "nothing", "nowhere",
                     "cannot", "without"}),
    "ru": frozenset({"не", "ни", "нет", "никогда", "ничего", "никто", "нигде", "нельзя", "ничто",
                     "никакой", "никакого", "никакие", "никаких", "ничей", "без", "нисколько"}),
    "uk": frozenset({"не", "ні", "немає", "нема", "ніколи", "нічого", "ніхто", "ніде", "ніщо",
                     "жоден", "жодна", "жодне", "жодні", "жодного", "жодної", "жодних", "жодному",
                     "ніякий", "ніякого", "ніяких", "без", "нічий"}),
}
_NEGATED_EN = re.compile(r"n[’']t\b", re.IGNORECASE)
_WORDS = re.compile(r"\w+(?:['’]\w+)*")
_SENTENCE_END = ".!?:…"
_OPENERS = "\"“«("

_MONTH_STEMS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\b(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*"
    r"|\b(?:січ|лют|берез|квіт|травн|черв|лип|серп|верес|жовт|листопад|груд)\w*",
    re.IGNORECASE,
)


def base(lang: str) -> str:
    """The language part of a code: ``uk`` for ``uk-UA`` or ``uk_UA``."""
    return lang.split("-")[0].split("_")[0].lower()


def script(lang: str) -> str | None:
    """``cyrillic`` or ``latin`` for the languages whose script is known, else None."""
    code = base(lang)
    if code in CYRILLIC_LANGUAGES:
        return "cyrillic"
    if code in LATIN_LANGUAGES:
        return "latin"
    return None


def script_of(text: str) -> str | None:
    """The script most letters of `text` are in (``cyrillic`` or ``latin``), or None."""
    cyrillic = len(CYRILLIC.findall(text))
    latin = len(LATIN.findall(text))
    if not cyrillic and not latin:
        return None
    return "cyrillic" if cyrillic >= latin else "latin"


def foreign_letters(lang: str) -> str:
    """The letters of its Cyrillic sibling that `lang` lacks (``ыэёъ`` for uk), lower case."""
    sibling = SIBLING.get(base(lang))
    return OWN_LETTERS[sibling] if sibling else ""


def words(text: str) -> list[str]:
    """The words of `text` (letters and inner apostrophes), in order."""
    return WORD.findall(text)


def without_addresses(text: str) -> str:
    """`text` with URLs and e-mail addresses blanked out."""
    if "://" in text or "www." in text:
        text = URL.sub(" ", text)
    return EMAIL.sub(" ", text) if "@" in text else text


@lru_cache(maxsize=8192)
def negations(text: str, lang: str) -> int:
    """How many negating words (not, no, ні, жодного, нет …) `text` has."""
    code = base(lang)
    table = NEGATIONS.get(code, NEGATIONS["en"])
    count = sum(map(table.__contains__, _WORDS.findall(text.lower())))
    if code == "en" and "n" in text:
        count += len(_NEGATED_EN.findall(text))
    return count


def numbers(text: str) -> Counter[str]:
    """The digit groups of `text` as written, counted."""
    return Counter(NUMBER.findall(text))


def urls(text: str) -> Counter[str]:
    return Counter(URL.findall(text))


def quotations(text: str) -> Counter[str]:
    return Counter(QUOTATION.findall(text))


def months(text: str) -> Counter[str]:
    """Month names (any of en, uk, ru, any inflection) as written, lower case, counted."""
    return Counter(match.lower() for match in _MONTH_STEMS.findall(text))


def names(text: str) -> Counter[str]:
    """Capitalised words that do not start a sentence: the names of `text`, counted."""
    found: Counter[str] = Counter()
    for match in _WORDS.finditer(text):
        word = match.group(0)
        if word[:1].isupper() and not starts_sentence(text, match.start()):
            found[word] += 1
    return found


def starts_sentence(text: str, position: int) -> bool:
    """Whether the word at `position` of `text` begins a sentence (or the text).

    Looks back only over the whitespace before the word, so a scan of a long
    text stays linear.
    """
    index = position - 1
    while index >= 0 and text[index].isspace():
        index -= 1
    if index < 0:
        return True
    if text[index] in _OPENERS:
        return True
    return text[index] in _SENTENCE_END and index < position - 1


def mark_words(text: str, marked: Iterable[str]) -> tuple[tuple[str, bool], ...]:
    """`text` cut into pieces, each flagged True when it is one of the `marked` words.

    For pages and packets that highlight the words an engine did not know; the
    pieces joined give `text` back.
    """
    wanted = {word.casefold() for word in marked}
    if not wanted:
        return ((text, False),) if text else ()
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in WORD.finditer(text):
        if match.group().casefold() in wanted:
            if match.start() > position:
                pieces.append((text[position : match.start()], False))
            pieces.append((match.group(), True))
            position = match.end()
    if position < len(text):
        pieces.append((text[position:], False))
    return tuple(pieces)
