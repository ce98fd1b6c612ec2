"""Reading and writing PO files: polib underneath, atomic writes and locks on top."""

from __future__ import annotations

import contextlib
import re
import textwrap
from functools import lru_cache
from collections.abc import Iterator
from pathlib import Path

import polib

from .. import storage
from ..errors import CatalogError

WRAP_WIDTH = 79  # what msgmerge and Poedit write, so their saves and ours diff cleanly

_POLIB_LINE = re.compile(r"\(line (\d+)\)")
# polib silently accepts an unterminated string ("msgid \"broken"), so every
# line that is not a comment must be a keyword and/or one whole string. One
# multi-line search finds the first line that is neither (C speed on big files).
_BAD_LINE = re.compile(
    r'^(?![ \t]*\r?$'
    r'|#(?![~|])'
    r'|#[~|][^"\n]*$'
    r'|(?:#~ ?|#\| ?)?(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+)?"[^"\\\n]*(?:\\.[^"\\\n]*)*"[ \t]*\r?$)'
    r'.*$',
    re.MULTILINE,
)


def _check_syntax(text: str) -> tuple[int, str] | None:
    bad = _BAD_LINE.search(text)
    if bad is None:
        return None
    number = text.count("\n", 0, bad.start()) + 1
    return number, f"expected a keyword and a quoted string, found {bad.group(0).strip()[:40]!r}"


def _read_text(path: Path, shown: str) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CatalogError("no such catalog; run `tflow extract` first", path=shown) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CatalogError(
            "not UTF-8; translate-flow catalogs are UTF-8 (charset=UTF-8 in the header)",
            path=shown,
            line=line,
        ) from None


def parse(text: str, path: Path, shown: str) -> polib.POFile:
    """Parse PO text; malformed input is a CatalogError naming the line."""
    problem = _check_syntax(text)
    if problem is not None:
        raise CatalogError(
            f"malformed PO file: {problem[1]}; fix it in a PO editor or restore it from version control",
            path=shown,
            line=problem[0],
        )
    try:
        catalog = polib.pofile(text, wrapwidth=WRAP_WIDTH, encoding="utf-8")
    except (OSError, ValueError) as exc:
        message = str(exc)
        match = _POLIB_LINE.search(message)
        position = int(match.group(1)) if match else None
        reason = _POLIB_LINE.sub("", message).strip().rstrip(":") or "syntax error"
        raise CatalogError(
            f"malformed PO file: {reason}; fix it in a PO editor or restore it from version control",
            path=shown,
            line=position,
        ) from None
    catalog.fpath = str(path)
    return catalog


def read(path: Path, *, display: str | None = None) -> polib.POFile:
    """Read a PO or POT file; malformed input is a CatalogError naming the line."""
    shown = display or str(path)
    return parse(_read_text(path, shown), path, shown)


@lru_cache(maxsize=65536)
def _field(keyword: str, prefix: str, value: str) -> tuple[str, ...]:
    """A keyword and its string, wrapped as polib wraps them.

    Memoised: a template and its catalogs repeat every msgid, and wrapping is
    most of the time a big catalog takes to write.
    """
    name = keyword.removeprefix("previous_")
    pieces = value.splitlines(True)
    if len(pieces) > 1:
        pieces = ["", *pieces]
    else:
        special = sum(value.count(c) for c in '\\\n\r\t\v\b\f"')
        if len(value) > WRAP_WIDTH - (len(keyword) + 3) + special:
            wrapped = textwrap.wrap(polib.escape(value), WRAP_WIDTH - 2, drop_whitespace=False,
                                    break_long_words=False)
            return (f'{prefix}{name} ""', *(f'{prefix}"{item}"' for item in wrapped))
        pieces = [value]
    first, *rest = pieces
    return (f'{prefix}{name} "{polib.escape(first)}"', *(f'{prefix}"{polib.escape(p)}"' for p in rest))


def _wrapped_comment(marker: str, text: str) -> list[str]:
    if len(text) + len(marker) > WRAP_WIDTH:
        return textwrap.wrap(text, WRAP_WIDTH, initial_indent=marker, subsequent_indent=marker,
                             break_long_words=False)
    return [marker + text]


def _entry_text(entry: polib.POEntry) -> str:
    """An entry as polib writes it, except that translator comments are not wrapped:
    gettext never wraps them, and a wrapped `approved:` or `previous:` note would
    lose its tail on the next read."""
    lines: list[str] = []
    if entry.tcomment:
        lines += [f"# {line}" if line else "#" for line in entry.tcomment.split("\n")]
    if entry.comment and not entry.obsolete:
        for line in entry.comment.split("\n"):
            lines += _wrapped_comment("#. ", line)
    if entry.occurrences and not entry.obsolete:
        places = " ".join(f"{path}:{line}" if line else path for path, line in entry.occurrences)
        if len(places) + 3 > WRAP_WIDTH:
            # textwrap breaks at hyphens; file names must stay whole (as polib does it).
            lines += [part.replace("*", "-") for part in _wrapped_comment("#: ", places.replace("-", "*"))]
        else:
            lines.append("#: " + places)
    if entry.flags:
        lines.append("#, " + ", ".join(entry.flags))
    prefix = "#~| " if entry.obsolete else "#| "
    for keyword in ("previous_msgctxt", "previous_msgid", "previous_msgid_plural"):
        value = getattr(entry, keyword)
        if value is not None:
            lines += _field(keyword, prefix, value)
    prefix = "#~ " if entry.obsolete else ""
    if entry.msgctxt is not None:
        lines += _field("msgctxt", prefix, entry.msgctxt)
    lines += _field("msgid", prefix, entry.msgid)
    if entry.msgid_plural:
        lines += _field("msgid_plural", prefix, entry.msgid_plural)
    if entry.msgstr_plural:
        for index in sorted(entry.msgstr_plural):
            lines += _field(f"msgstr[{index}]", prefix, entry.msgstr_plural[index])
    else:
        lines += _field("msgstr", prefix, entry.msgstr)
    return "\n".join(lines) + "\n"


def dumps(catalog: polib.POFile) -> str:
    """The catalog as PO text, wrapped as msgmerge wraps it."""
    entries = [catalog.metadata_as_entry(), *(e for e in catalog if not e.obsolete),
               *catalog.obsolete_entries()]
    header = "".join(
        "#\n" if not line else f"#{line}\n" if line[:1] in ",:" else f"# {line}\n"
        for line in catalog.header.split("\n")
    ) if catalog.header else ""
    text = header + "\n".join(_entry_text(entry) for entry in entries)
    return text if text.endswith("\n") else text + "\n"


def write(catalog: polib.POFile, path: Path) -> bool:
    """Atomically write the catalog; return False when the file already had this content."""
    return storage.write_text(path, dumps(catalog))


@contextlib.contextmanager
def editing(path: Path, *, display: str | None = None) -> Iterator[polib.POFile]:
    """Lock, read, yield the catalog for changes, and write it back if it changed.

    Nothing is written when the body raises, so a failed operation never leaves
    half of its changes behind.
    """
    shown = display or str(path)
    with storage.lock(path):
        text = _read_text(path, shown)
        catalog = parse(text, path, shown)
        yield catalog
        after = dumps(catalog)
        # Compare with the file as read; only a file laid out by another editor
        # needs a second parse to tell a real change from a different wrapping.
        if after != text and after != dumps(parse(text, path, shown)):
            storage.write_text(path, after)
