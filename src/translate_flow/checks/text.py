"""Text-level checks: whitespace, final punctuation, doubled words and spaces,
untranslated or identical entries, and a length far from the source's.

These are matters of style or of forgotten work, so they are warnings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import locales
from .inline import parse
from ..ui.message import Message, plural_message
from .model import WARNING, Pair, Problem, quoted
from ..text import without_addresses

MIN_LENGTH = 20
"""Texts shorter than this (headings, table cells) vary too much for a length ratio."""

_CLOSERS = " \t\u00a0»”’\"')]*_"
_ABBREVIATION = re.compile(
    r"(?<![^\W\d_])(?:р|рр|г|гг|ст|тис|млн|млрд|т\.\s?д|т\.\s?п|etc|Inc|Ltd|Jr|Sr|U\.S|вв|e\.g|i\.e)\.$"
)
_DOUBLED_WORD = re.compile(
    r"(?<![^\W_]|['’ʼ])([^\W\d_]+(?:['’ʼ][^\W\d_]+)*)\s+\1(?![^\W_]|['’ʼ])", re.IGNORECASE
)
_DOUBLED_SPACE = re.compile(r"(?<=\S)[ \u00a0\u202f]{2,}(?=[^\s])")
_WORD = re.compile(r"[^\W\d_]+")
_FINE_TWICE = {"en": {"that", "had"}}
_FINAL_NAMES = {"": Message("no final punctuation"), "…": Message("an ellipsis (… or ...)")}


def check_whitespace(pair: Pair) -> Iterator[Problem]:
    """Leading and trailing whitespace is the same as the source's."""
    before, after = _leading(pair.msgid), _leading(pair.msgstr)
    if before != after:
        yield Problem("whitespace", WARNING, Message(
            "leading whitespace: source has %(before)s, translation has %(after)s",
            before=_describe(before), after=_describe(after)))
    before, after = _trailing(pair.msgid), _trailing(pair.msgstr)
    if before != after:
        yield Problem("whitespace", WARNING, Message(
            "trailing whitespace: source has %(before)s, translation has %(after)s",
            before=_describe(before), after=_describe(after)))


def _leading(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


def _trailing(text: str) -> str:
    return text[len(text.rstrip()) :]


def _describe(space: str) -> Message | str:
    if not space:
        return Message("none")
    if set(space) == {" "}:
        return plural_message("%(num)d space", "%(num)d spaces", len(space))
    return repr(space)


def _final(text: str) -> str | None:
    """The final punctuation mark of the readable text; None for an abbreviation."""
    plain = parse(text).text.rstrip(_CLOSERS)
    if plain.endswith(("...", "…")):
        return "…"
    if _ABBREVIATION.search(plain):
        return None
    return plain[-1] if plain and plain[-1] in ".!?:;" else ""


def check_punctuation(pair: Pair) -> Iterator[Problem]:
    """The final punctuation (. ! ? : ; …) is kept, in the target's form (... → …)."""
    before, after = _final(pair.msgid), _final(pair.msgstr)
    if before is None or after is None or before == after:
        return
    yield Problem(
        "punctuation",
        WARNING,
        Message("the source ends with %(before)s, the translation with %(after)s",
                before=_FINAL_NAMES.get(before, repr(before)), after=_FINAL_NAMES.get(after, repr(after))),
    )


def check_doubled(pair: Pair) -> Iterator[Problem]:
    """No doubled words (the the, не не) or doubled spaces that the source does not have."""
    fine = _FINE_TWICE.get(pair.target_lang, set())
    doubled = [m for m in _DOUBLED_WORD.finditer(parse(pair.msgstr).text) if m.group(1).casefold() not in fine]
    if doubled:
        # A repetition in the source ("bye bye") may be rendered by one in the translation.
        spare = sum(1 for _ in _DOUBLED_WORD.finditer(parse(pair.msgid).text))
        for match in doubled[spare:]:
            yield Problem("doubled", WARNING, Message("doubled word %(word)s", word=quoted(match.group())))
    if not _DOUBLED_SPACE.search(pair.msgid):
        for match in _DOUBLED_SPACE.finditer(pair.msgstr):
            word = pair.msgstr[: match.start()].split()[-1]
            yield Problem("doubled", WARNING, Message("doubled space after %(word)s", word=quoted(word)))


def check_untranslated(pair: Pair) -> Iterator[Problem]:
    """The entry has a translation."""
    if not pair.msgstr.strip():
        yield Problem("untranslated", WARNING, Message("not translated"))


def check_identical(pair: Pair) -> Iterator[Problem]:
    """The translation is not a copy of the source (fine for names, numbers, URLs, dnt terms).

    Between languages of one script (uk, ru) capitalised words count as names; into
    another script only acronyms do, since names are transliterated there.
    """
    if pair.msgstr != pair.msgid or pair.source_lang == pair.target_lang:
        return
    text = without_addresses(parse(pair.msgid).text)
    for name in pair.glossary.dnt_terms():
        text = text.replace(name, " ")
    same_script = locales.script(pair.source_lang) == locales.script(pair.target_lang)
    for word in _WORD.findall(text):
        is_name = word.isupper() or (same_script and word[0].isupper())
        if not is_name:
            yield Problem(
                "identical",
                WARNING,
                Message("the translation is the same as the source (e.g. %(word)s); translate it",
                        word=quoted(word)),
            )
            return


def check_length(pair: Pair) -> Iterator[Problem]:
    """The translation's length is within the usual ratio to the source's (0.5–2.0 by default)."""
    source = parse(pair.msgid).text.strip()
    target = parse(pair.msgstr).text.strip()
    if len(source) < MIN_LENGTH or not target:
        return
    low, high = pair.settings.ratio(pair.source_lang, pair.target_lang)
    ratio = len(target) / len(source)
    if not low <= ratio <= high:
        hint = Message("is something missing?") if ratio < low else Message("is something added?")
        yield Problem(
            "length",
            WARNING,
            Message("the translation is %(ratio)s× as long as the source (usual: %(low)s–%(high)s×); %(hint)s",
                    ratio=format(ratio, ".2f"), low=format(low, "g"), high=format(high, "g"), hint=hint),
        )
