"""Numbers, dates, URLs and e-mail addresses kept.

A changed year or casualty figure is the worst mistake a translated statement
can publish, so numbers are compared by value, each read the way its own
language writes it: ``1,000`` (English) = ``1 000`` / ``1 000`` (Ukrainian,
Russian, with a space, no-break space or narrow no-break space) and ``3.5`` =
``3,5``. Numeric dates compare by their parts (``5/2/2014`` = ``02.05.2014``),
and a month named next to a number counts as that month's number, so
``2 May 2014`` = ``2 травня 2014`` = ``02.05.2014`` but not ``2 червня 2014``.
A number from one to ten may be written out as a word in the other text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .. import locales
from .. import text as textfacts
from ..text import without_addresses
from .inline import difference, parse
from ..ui.message import Language, Message
from .model import ERROR, Pair, Problem

_GROUPED_EN = r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+"
_GROUPED_CYRILLIC = r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+"
_NUMBER = {
    "en": re.compile(rf"(?=\d)(?<![^\W_])(?:{_GROUPED_EN}|\d+)(?:\.\d+)?(?!\d)"),
    "cyrillic": re.compile(rf"(?=\d)(?<![^\W_])(?:{_GROUPED_CYRILLIC}|\d+)(?:[.,]\d+)?(?!\d)"),
}
_DIGIT = re.compile(r"\d")
_GROUP_SEPARATORS = re.compile(r"[ ,\u00a0\u202f\u2009]")
_NUMERIC_DATE = re.compile(
    r"(?=\d)(?<![\w.,/-])(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})([./-])(\d{1,2})\5(\d{4}|\d{2}))(?![\w/-]|[.,]\d)"
)

URL = textfacts.URL
EMAIL = textfacts.EMAIL
_URL_TAIL = ".,;:!?'\"’”»*_"

# Centuries are written in Roman numerals in Ukrainian and Russian (ХХ століття,
# often typed with the Cyrillic look-alikes Х, І, С): counted when a century word follows.
_ROMAN_DIGITS = {"I": 1, "І": 1, "V": 5, "X": 10, "Х": 10, "L": 50, "C": 100, "С": 100}
_CENTURY = re.compile(
    r"(?=[IVXLCІХС])(?<![^\W\d_])([IVXLCІХС]{1,7})(?:\s|\u00a0)+(?=centur|ст\.|століт|сторіч|век|в\.)"
)

_MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January|Jan", "February|Feb", "March|Mar", "April|Apr", "May", "June|Jun", "July|Jul",
        "August|Aug", "September|Sept|Sep", "October|Oct", "November|Nov", "December|Dec",
    ),
    "uk": (
        "січ(?:ень|ня|ні|нем)", "лют(?:ий|ого|ому|им)", "берез(?:ень|ня|ні|нем)",
        "квіт(?:ень|ня|ні|нем)", "трав(?:ень|ня|ні|нем)", "черв(?:ень|ня|ні|нем)",
        "лип(?:ень|ня|ні|нем)", "серп(?:ень|ня|ні|нем)", "верес(?:ень|ня|ні|нем)",
        "жовт(?:ень|ня|ні|нем)", "листопад(?:а|і|ом|у)?", "груд(?:ень|ня|ні|нем)",
    ),
    "ru": (
        "январ(?:ь|я|е|ём|ем)", "феврал(?:ь|я|е|ём|ем)", "март(?:а|е|ом)?", "апрел(?:ь|я|е|ем)",
        "ма(?:й|я|е|ем)", "июн(?:ь|я|е|ем)", "июл(?:ь|я|е|ем)", "август(?:а|е|ом)?",
        "сентябр(?:ь|я|е|ём|ем)", "октябр(?:ь|я|е|ём|ем)", "ноябр(?:ь|я|е|ём|ем)",
        "декабр(?:ь|я|е|ём|ем)",
    ),
}
_DAY_BEFORE = re.compile(r"\d(?:st|nd|rd|th|-?го|-?е|-?й)?\s+(?:of\s+)?$")
_NUMBER_AFTER = re.compile(r"\.?,?\s+\d")

_NUMBER_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    "uk": (
        "од(?:ин|на|не|ні|ного|ній|ному|ним|ною|ну|них|ними)",
        "дв(?:а|і|ох|ом|ома)",
        "тр(?:и|ьох|ьом|ьома)",
        "чотир(?:и|ьох|ьом|ма)",
        "п['’ʼ]?ят(?:ь|и|ьох|ьом|ьма|ома)",
        "ш(?:і|е)ст(?:ь|и|ьох|ьом|ьма|ома)",
        "с(?:і|е)м(?:и|ох|ом|ома)?|сьом(?:ох|ом)",
        "вісім|вос?ьм(?:и|ох|ом|ома)|вісьм(?:ох|ом|ома)",
        "дев['’ʼ]?ят(?:ь|и|ьох|ьом|ьма|ома)",
        "десят(?:ь|и|ьох|ьом|ьма|ома)",
    ),
    "ru": (
        "од(?:ин|на|но|ни|ного|ной|ному|ним|ною|ну|них|ними)",
        "дв(?:а|е|ух|ум|умя)",
        "тр(?:и|ех|ёх|ем|ём|емя)",
        "четыр(?:е|ех|ёх|ем|ём|ьмя)",
        "пят(?:ь|и|ью)",
        "шест(?:ь|и|ью)",
        "сем(?:ь|и|ью)",
        "вос(?:емь|ьми|емью|ьмью)",
        "девят(?:ь|и|ью)",
        "десят(?:ь|и|ью)",
    ),
}


def _alternation(pieces: tuple[str, ...], flags: int) -> re.Pattern[str]:
    """One regex for words numbered 1, 2, … (``lastgroup`` tells which matched).

    The leading lookahead on the possible first letters lets the regex engine
    skip most positions; a pattern that starts with a lookbehind is tried at
    every position of the text.
    """
    groups = "|".join(f"(?P<n{number}>{piece})" for number, piece in enumerate(pieces, 1))
    firsts = {alternative[0] for piece in pieces for alternative in piece.split("|")}
    if flags & re.IGNORECASE:
        firsts |= {ch.upper() for ch in firsts}
    first = "".join(re.escape(ch) for ch in sorted(firsts))
    return re.compile(rf"(?=[{first}])(?<![^\W\d_])(?:{groups})(?![^\W\d_])", flags)


_MONTH_PATTERNS = {
    lang: _alternation(names, 0 if lang == "en" else re.IGNORECASE) for lang, names in _MONTHS.items()
}
_WORD_PATTERNS = {lang: _alternation(words, re.IGNORECASE) for lang, words in _NUMBER_WORDS.items()}


@dataclass(frozen=True)
class _Value:
    """A number as written (`shown`) and as compared (`value`)."""

    value: str
    shown: str
    kind: str = "number"
    parts: tuple[str, ...] = ()  # "44 123" grouped with plain spaces may be two numbers


@lru_cache(maxsize=65536)
def _canonical(digits: str) -> str:
    try:
        return format(Decimal(digits).normalize(), "f")
    except InvalidOperation:
        return digits


@lru_cache(maxsize=65536)
def _number_value(written: str, lang: str) -> str:
    if lang == "en":
        return _canonical(_GROUP_SEPARATORS.sub("", written))
    grouped = _GROUP_SEPARATORS.sub("", written.replace(",", "."))
    return _canonical(grouped)


@lru_cache(maxsize=8192)
def _values(text: str, lang: str) -> tuple[_Value, ...]:
    """The numbers, date parts and dated months of `text`, in order of appearance."""
    plain = without_addresses(parse(text).text)
    found: list[tuple[int, _Value]] = [
        (match.start(), _Value(str(_roman(match.group(1))), match.group(1)))
        for match in _CENTURY.finditer(plain)
    ]
    if not _DIGIT.search(plain):
        return tuple(value for _, value in found)

    def blank(match: re.Match[str]) -> str:
        parts = [part for index, part in enumerate(match.groups()) if part and index != 4]
        found.extend((match.start(), _Value(_canonical(part), part)) for part in parts)
        return " " * len(match.group())

    plain = _NUMERIC_DATE.sub(blank, plain)
    months = _MONTH_PATTERNS.get(lang)
    if months is not None:
        for match in months.finditer(plain):
            before = plain[max(0, match.start() - 20) : match.start()]
            if _DAY_BEFORE.search(before) or _NUMBER_AFTER.match(plain, match.end()):
                number = (match.lastgroup or "n0")[1:]
                found.append((match.start(), _Value(number, match.group(), "month")))
    pattern = _NUMBER["en" if lang == "en" else "cyrillic"]
    for match in pattern.finditer(plain):
        written = match.group()
        parts = tuple(written.split(" ")) if " " in written else ()
        found.append((match.start(), _Value(_number_value(written, lang), written, parts=parts)))
    found.sort(key=lambda item: item[0])
    return tuple(value for _, value in found)


def _roman(numeral: str) -> int:
    values = [_ROMAN_DIGITS[ch] for ch in numeral]
    return sum(-v if v < after else v for v, after in zip(values, values[1:] + [0]))


@lru_cache(maxsize=8192)
def _spelled(text: str, lang: str) -> frozenset[str]:
    """The numbers one to ten that `text` writes out as words."""
    pattern = _WORD_PATTERNS.get(lang)
    if pattern is None:
        return frozenset()
    return frozenset((m.lastgroup or "n0")[1:] for m in pattern.finditer(parse(text).text))


def _split(values: tuple[_Value, ...], unmatched: set[str]) -> tuple[_Value, ...]:
    """`values` with each unmatched space-grouped number read as its separate parts."""
    found: list[_Value] = []
    for value in values:
        if value.parts and value.value in unmatched:
            found.extend(_Value(_canonical(part), part) for part in value.parts)
        else:
            found.append(value)
    return tuple(found)


def _compare(
    source: tuple[_Value, ...], target: tuple[_Value, ...]
) -> tuple[tuple[_Value, ...], tuple[_Value, ...], list[str], list[str]]:
    """The values of both sides and what each lacks of the other's.

    A Ukrainian or Russian number grouped with plain spaces (``44 123``) is read
    as one number, unless reading it as two is what makes both sides agree (a
    phone number, ``у 2014 5 000`` …).
    """
    missing, extra = difference(tuple(v.value for v in source), tuple(v.value for v in target))
    if (missing or extra) and any(v.parts for v in (*source, *target)):
        unmatched = set(missing) | set(extra)
        split_source, split_target = _split(source, unmatched), _split(target, unmatched)
        split_missing, split_extra = difference(
            tuple(v.value for v in split_source), tuple(v.value for v in split_target)
        )
        if len(split_missing) + len(split_extra) < len(missing) + len(extra):
            return split_source, split_target, split_missing, split_extra
    return source, target, missing, extra


def _superscripts(pair: Pair) -> Iterator[Problem]:
    """Superscript digits the source lacks: a dictionary's footnote mark (мир¹) or a stray one."""
    if not textfacts.SUPERSCRIPT.search(pair.msgstr):
        return
    have = set(textfacts.SUPERSCRIPT.findall(pair.msgid))
    text = parse(pair.msgstr).text
    shown: set[str] = set()
    for match in textfacts.SUPERSCRIPT.finditer(text):
        mark = match.group()
        if mark in have or mark in shown:
            continue
        shown.add(mark)
        before = textfacts.words(text[max(0, match.start() - 40) : match.start()])
        yield Problem("numbers", ERROR, Message(
            "superscript %(mark)s after «%(word)s» is not in the source (a footnote mark?)", mark=mark,
            word=before[-1]) if before else Message(
            "superscript %(mark)s is not in the source (a footnote mark?)", mark=mark))


def check_numbers(pair: Pair) -> Iterator[Problem]:
    """Numbers, years, percentages and dates keep their values (1,000 = 1 000, 3.5 = 3,5);
    no superscript digit the source does not have."""
    yield from _superscripts(pair)
    source, target, missing_values, extra_values = _compare(
        _values(pair.msgid, pair.source_lang), _values(pair.msgstr, pair.target_lang)
    )
    if not missing_values and not extra_values:
        return
    by_value_source = {v.value: v for v in source}
    by_value_target = {v.value: v for v in target}
    spelled_in_target = _spelled(pair.msgstr, pair.target_lang)
    spelled_in_source = _spelled(pair.msgid, pair.source_lang)
    missing = [by_value_source[v] for v in missing_values if v not in spelled_in_target]
    extra = [by_value_target[v] for v in extra_values if v not in spelled_in_source]
    for value in missing:
        twin = next((e for e in extra if e.shown == value.shown and e.kind == value.kind == "number"), None)
        if twin is not None:
            extra.remove(twin)
            yield Problem(
                "numbers",
                ERROR,
                Message("number %(shown)s means %(value)s in the source but %(other)s in %(language)s; "
                        "write it as %(formatted)s", shown=value.shown, value=value.value,
                        other=twin.value, language=Language(pair.target_lang),
                        formatted=_formatted(value.value, pair.target_lang)),
            )
        else:
            yield Problem("numbers", ERROR, _missing(value))
    for value in extra:
        yield Problem("numbers", ERROR, _extra(value))


def _missing(value: _Value) -> Message:
    if value.kind == "month":
        return Message("month %(shown)s missing in translation", shown=value.shown)
    return Message("number %(shown)s missing in translation", shown=value.shown)


def _extra(value: _Value) -> Message:
    if value.kind == "month":
        return Message("month %(shown)s in translation is not in the source", shown=value.shown)
    return Message("number %(shown)s in translation is not in the source", shown=value.shown)


def _formatted(value: str, lang: str) -> str:
    try:
        return locales.format_number(float(value), lang)
    except (ValueError, OverflowError):
        return value


def _addresses(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    plain = parse(text).text
    urls = []
    for match in URL.finditer(plain):
        url = match.group()
        while url and (url[-1] in _URL_TAIL or (url[-1] == ")" and url.count("(") < url.count(")"))):
            url = url[:-1]
        urls.append(url)
    emails = tuple(EMAIL.findall(URL.sub(" ", plain)))
    return tuple(urls), emails


def check_urls(pair: Pair) -> Iterator[Problem]:
    """Bare URLs and e-mail addresses in the text come through unchanged."""
    source_urls, source_emails = _addresses(pair.msgid)
    target_urls, target_emails = _addresses(pair.msgstr)
    missing, extra = difference(source_urls, target_urls)
    for item in missing:
        yield Problem("urls", ERROR, Message("URL %(item)s missing or changed in translation", item=item))
    for item in extra:
        yield Problem("urls", ERROR, Message("URL %(item)s in translation is not in the source", item=item))
    missing, extra = difference(source_emails, target_emails)
    for item in missing:
        yield Problem("urls", ERROR, Message("e-mail address %(item)s missing or changed in translation",
                                             item=item))
    for item in extra:
        yield Problem("urls", ERROR, Message("e-mail address %(item)s in translation is not in the source",
                                             item=item))
