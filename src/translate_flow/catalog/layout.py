"""PO text laid out byte for byte as GNU gettext's msgcat writes it (write-po.c).

polib is the model; this is the writer. A catalog written here is what
`msgcat -w 79` (and msgmerge, and Poedit, which call gettext) would write, so
saving a file in any of them and running translate-flow again changes nothing.

Following `message_print` and `wrap` in gettext-tools/src/write-po.c:
comments in the order translator (`#`), extracted (`#.`), references (`#:`,
wrapped between references by byte length), flags (`#,`, fuzzy first, and only
when there is a translation), previous fields (`#|`), then the strings. A
string is cut after each `\\n` and wherever libunistring's line breaking finds
an opportunity the line needs; when it takes more than one line, its first
line is `""`. Obsolete entries come last, prefixed `#~`, and only when they
hold a translation.

Deliberate deviations: flags gettext does not know are kept, after the ones it
orders (msgcat drops them); no break is prohibited inside printf-style
directives, which gettext does for entries flagged `c-format` and the like.
"""

from __future__ import annotations

import re
from functools import lru_cache

import polib

from . import linebreaks

WRAP_WIDTH = 79
_NO_WRAP = 2**31 - 1  # gettext's INT_MAX page width for `no-wrap` entries
_PORTION = re.compile(r"[^\n]*\n|[^\n]+")
_ESCAPES = str.maketrans({
    "\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t",
    "\v": "\\v", "\\": "\\\\", '"': '\\"',
})
_CONTINUATION = bytes(linebreaks.PROHIBITED if 0x80 <= b < 0xC0 else linebreaks.UNDEFINED
                      for b in range(256))
_ESCAPE_SEQUENCE = re.compile(rb"\\.")
_WRAP_FLAGS = ("wrap", "no-wrap")


def _overrides(data: bytes, ends_with_newline: bool) -> bytes:
    """No break inside a UTF-8 character or an escape sequence, nor before a final `\\n`."""
    marks = bytearray(data.translate(_CONTINUATION))
    for sequence in _ESCAPE_SEQUENCE.finditer(data):
        marks[sequence.start() + 1] = linebreaks.PROHIBITED
    if ends_with_newline:
        marks[-2] = linebreaks.PROHIBITED
    return bytes(marks)


def _positions(breaks: bytes) -> list[int]:
    found = []
    position = breaks.find(linebreaks.POSSIBLE)
    while position >= 0:
        found.append(position)
        position = breaks.find(linebreaks.POSSIBLE, position + 1)
    return found


@lru_cache(maxsize=65536)
def _string(prefix: str, name: str, value: str, wrap: bool) -> tuple[str, ...]:
    """`name "value"` as gettext's wrap() writes it, each line led by `prefix`.

    Memoised: a template and its catalogs repeat every msgid.
    """
    after_break = len(prefix) + 1
    width = (WRAP_WIDTH if wrap else _NO_WRAP) - 1 - after_break
    portions = _PORTION.findall(value) or [""]
    lines: list[str] = []
    first = True
    for index, portion in enumerate(portions):
        escaped = portion.translate(_ESCAPES)
        data = escaped.encode("utf-8")
        start = len(name) + 1 if first else 0  # columns after the prefix and the opening quote
        breaks = overrides = None
        if start + len(data) > width:
            overrides = _overrides(data, portion.endswith("\n"))
            # Broken as a continuation line first: if that breaks, so would the first
            # line, which starts further right; gettext then writes `""` and breaks
            # the string as continuation lines. One call instead of two.
            breaks = linebreaks.find(data, width, 0, overrides)
        if first and data and (
            index + 1 < len(portions)
            or (breaks is not None and overrides is not None and (
                linebreaks.POSSIBLE in breaks
                or linebreaks.POSSIBLE in linebreaks.find(data, width, start, overrides)))
        ):
            lines.append(f'{prefix}{name} ""')
            first = False
        head = f"{prefix}{name} " if first else prefix
        first = False
        if breaks is None or linebreaks.POSSIBLE not in breaks:
            lines.append(f'{head}"{escaped}"')
            continue
        cut = 0
        for position in _positions(breaks):
            lines.append(f'{head}"{data[cut:position].decode("utf-8")}"')
            head, cut = prefix, position
        lines.append(f'{prefix}"{data[cut:].decode("utf-8")}"')
    return tuple(lines)


def _comments(marker: str, text: str) -> list[str]:
    """`#` and `#.` comments: one line each, never wrapped; an empty line is the bare marker."""
    return [f"{marker} {line}" if line else marker for line in text.split("\n")]


def _references(occurrences: list[tuple[str, str]]) -> list[str]:
    """`#:` lines, each reference once, broken between references as gettext does (by byte length)."""
    lines: list[str] = []
    line, column = "#:", 2
    for path, number in dict.fromkeys(occurrences):
        reference = f"{path}:{number}" if number else path
        width = len(reference.encode("utf-8")) + 1
        if column > 2 and column + width > WRAP_WIDTH:
            lines.append(line)
            line, column = "#:", 2
        line += " " + reference
        column += width
    lines.append(line)
    return lines


def _flags(flags: list[str], translated: bool) -> list[str]:
    """The `#,` line: fuzzy first (dropped without a translation), `no-wrap` last."""
    unique = list(dict.fromkeys(flags))
    shown = ["fuzzy"] if "fuzzy" in unique and translated else []
    shown += [flag for flag in unique if flag != "fuzzy" and flag not in _WRAP_FLAGS]
    shown += [] if _wraps(flags) else ["no-wrap"]
    return ["#, " + ", ".join(shown)] if shown else []


def _wraps(flags: list[str]) -> bool:
    """gettext's do_wrap: the last of `wrap` / `no-wrap` decides, wrapping by default."""
    chosen = [flag for flag in flags if flag in _WRAP_FLAGS]
    return not chosen or chosen[-1] == "wrap"


def _entry(entry: polib.POEntry, tcomment: str | None = None) -> list[str]:
    plural = bool(entry.msgid_plural)
    forms = [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural, key=int)] if plural else []
    translated = bool(forms[0] if forms else entry.msgstr)
    if entry.obsolete and not translated:
        return []
    wrap = _wraps(entry.flags)
    lines: list[str] = []
    comment = entry.tcomment if tcomment is None else tcomment
    if comment:
        lines += _comments("#", comment)
    if entry.comment:
        lines += _comments("#.", entry.comment)
    if entry.occurrences:
        lines += _references(entry.occurrences)
    lines += _flags(entry.flags, translated)
    previous = "#~| " if entry.obsolete else "#| "
    for name, value in (("msgctxt", entry.previous_msgctxt), ("msgid", entry.previous_msgid),
                        ("msgid_plural", entry.previous_msgid_plural)):
        if value is not None:
            lines += _string(previous, name, value, wrap)
    prefix = "#~ " if entry.obsolete else ""
    if entry.msgctxt is not None:
        lines += _string(prefix, "msgctxt", entry.msgctxt, wrap)
    lines += _string(prefix, "msgid", entry.msgid, wrap)
    if plural:
        lines += _string(prefix, "msgid_plural", entry.msgid_plural, wrap)
        for index, form in enumerate(forms or [""]):
            lines += _string(prefix, f"msgstr[{index}]", form, wrap)
    else:
        lines += _string(prefix, "msgstr", entry.msgstr, wrap)
    return lines


def _header(catalog: polib.POFile) -> list[str]:
    entry = polib.POEntry(
        msgid="", msgstr="".join(f"{key}: {value}\n" for key, value in catalog.metadata.items()),
        flags=["fuzzy"] if catalog.metadata_is_fuzzy else [],
    )
    return _entry(entry, tcomment=catalog.header or "")


def dumps(catalog: polib.POFile) -> str:
    """The catalog as PO text, exactly as `msgcat -w 79` would write it."""
    blocks = [_header(catalog)]
    blocks += [_entry(entry) for entry in catalog if not entry.obsolete]
    blocks += [_entry(entry) for entry in catalog if entry.obsolete]
    return "\n".join("\n".join(block) + "\n" for block in blocks if block)
