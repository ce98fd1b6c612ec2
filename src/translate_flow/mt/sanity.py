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

from .. import text as textfacts
from .protect import PLACEHOLDER

_SERVICE_MESSAGES = re.compile(
    r"MYMEMORY WARNING|YOU USED ALL AVAILABLE FREE TRANSLATIONS|QUERY LENGTH LIMIT EXCEED"
    r"|PLEASE SELECT TWO DISTINCT LANGUAGES|INVALID LANGUAGE PAIR|TOO MANY REQUESTS",
)

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Rejection:
    """Why an output was not used; `transient` ones (a quota) are not cached."""

    reason: str
    transient: bool = False


def _normal(text: str) -> str:
    return " ".join(PLACEHOLDER.sub(" ", text).casefold().split())


def wrong_script(output: str, target: str) -> str | None:
    """Why `output` cannot be in `target` judging by its letters, or None."""
    text = PLACEHOLDER.sub(" ", output)
    expected = textfacts.script(target)
    found = textfacts.script_of(text)
    if expected and found and found != expected:
        return f"wrong script for {target}: {found}"
    foreign = set(textfacts.foreign_letters(target))
    if foreign:
        cyrillic_words = [w for w in _WORD.findall(text) if textfacts.script_of(w) == "cyrillic"]
        odd = [w for w in cyrillic_words if foreign & set(w.lower())]
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
    same_script = textfacts.script(source_lang) == textfacts.script(target)
    has_letters = any(ch.isalpha() for ch in PLACEHOLDER.sub("", source))
    if has_letters and _normal(output) == _normal(source):
        # Between ru and uk a one-word heading may be spelt the same; a sentence is not.
        if not same_script or len(_normal(source).split()) > 1:
            return Rejection("echo of the input")
    problem = wrong_script(output, target)
    if problem:
        return Rejection(problem)
    return None
