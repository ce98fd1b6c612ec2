"""Deciding whether an engine's output can become a draft at all.

Engines fail quietly: Google returns None for punctuation, MyMemory returns its
quota warning with HTTP 200 as if it were the translation, Apertium returns an
empty line when its tagger crashes, and any of them may hand back the input or
a text in the wrong alphabet. Each of these is rejected here with a reason, and
the next engine in the chain gets the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .protect import PLACEHOLDER

_SERVICE_MESSAGES = re.compile(
    r"MYMEMORY WARNING|YOU USED ALL AVAILABLE FREE TRANSLATIONS|QUERY LENGTH LIMIT EXCEED"
    r"|PLEASE SELECT TWO DISTINCT LANGUAGES|INVALID LANGUAGE PAIR|TOO MANY REQUESTS",
)

CYRILLIC_LANGUAGES = frozenset({"uk", "ru", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn"})
LATIN_LANGUAGES = frozenset(
    {"en", "de", "fr", "es", "it", "pt", "pl", "cs", "sk", "nl", "sv", "da", "fi", "ro", "hu",
     "hr", "sl", "lt", "lv", "et", "tr", "ca", "eo"}
)
#: Letters one of the two languages has and the other lacks: a Ukrainian draft full
#: of "ы" and "э" is Russian that was not translated, and the other way round.
_FOREIGN_LETTERS = {"uk": set("ыэъёЫЭЪЁ"), "ru": set("іїєґІЇЄҐ")}
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Rejection:
    """Why an output was not used; `transient` ones (a quota) are not cached."""

    reason: str
    transient: bool = False


def _script(text: str) -> str | None:
    cyrillic = latin = 0
    for ch in text:
        if not ch.isalpha():
            continue
        if "\u0400" <= ch <= "\u052f":
            cyrillic += 1
        elif ch.isascii() or "\u00c0" <= ch <= "\u024f":
            latin += 1
    if not cyrillic and not latin:
        return None
    return "cyrillic" if cyrillic >= latin else "latin"


def _expected_script(lang: str) -> str | None:
    base = lang.split("-")[0].split("_")[0].lower()
    if base in CYRILLIC_LANGUAGES:
        return "cyrillic"
    if base in LATIN_LANGUAGES:
        return "latin"
    return None


def _normal(text: str) -> str:
    return " ".join(PLACEHOLDER.sub(" ", text).casefold().split())


def wrong_script(output: str, target: str) -> str | None:
    """Why `output` cannot be in `target` judging by its letters, or None."""
    text = PLACEHOLDER.sub(" ", output)
    expected = _expected_script(target)
    found = _script(text)
    if expected and found and found != expected:
        return f"wrong script for {target}: {found}"
    foreign = _FOREIGN_LETTERS.get(target.split("-")[0])
    if foreign:
        cyrillic_words = [w for w in _WORD.findall(text) if _script(w) == "cyrillic"]
        odd = [w for w in cyrillic_words if foreign & set(w)]
        if cyrillic_words and len(odd) * 5 > len(cyrillic_words):
            return f"not {target}: {len(odd)} of {len(cyrillic_words)} words have letters {target} lacks"
    return None


def check(source: str, output: str | None, source_lang: str, target: str) -> Rejection | None:
    """A Rejection when `output` is no translation of `source` into `target`, else None."""
    if output is None:
        return Rejection("no output")
    if not output.strip():
        return Rejection("empty output")
    if _SERVICE_MESSAGES.search(output) and not _SERVICE_MESSAGES.search(source):
        return Rejection("service message instead of a translation (quota?)", transient=True)
    same_script = _expected_script(source_lang) == _expected_script(target)
    has_letters = any(ch.isalpha() for ch in PLACEHOLDER.sub("", source))
    if has_letters and _normal(output) == _normal(source):
        # Between ru and uk a one-word heading may be spelt the same; a sentence is not.
        if not same_script or len(_normal(source).split()) > 1:
            return Rejection("echo of the input")
    problem = wrong_script(output, target)
    if problem:
        return Rejection(problem)
    return None
