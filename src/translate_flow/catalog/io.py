"""Reading and writing PO files: polib underneath, atomic writes and locks on top."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path

import polib

from .. import storage
from ..errors import CatalogError
from . import layout

_POLIB_LINE = re.compile(r"\(line (\d+)\)")
# polib silently accepts an unterminated string ("msgid \"broken"), so every
# line that is not a comment must be a keyword and/or one whole string. One
# multi-line search finds the first line that is neither (C speed on big files).
_BAD_LINE = re.compile(
    r'^(?![ \t]*\r?$'
    r'|#(?![~|])'
    r'|#[~|][^"\n]*$'
    r'|(?:#~\| ?|#~ ?|#\| ?)?(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+)?"[^"\\\n]*(?:\\.[^"\\\n]*)*"[ \t]*\r?$)'
    r'.*$',
    re.MULTILINE,
)


# polib skips `#~| ` lines (previous fields of an obsolete entry); read as `#| `
# inside the obsolete entry they belong to, they are kept. Same line count.
_OBSOLETE_PREVIOUS = re.compile(r"^#~\|", re.MULTILINE)
_MSGID_LINE = re.compile(r"(?:#~ ?)?msgid[ \t]")


class _GettextLines(str):
    """PO text that polib splits into lines at `\\n` only, as gettext does.

    polib calls `str.splitlines()`, which also splits at U+2028, U+2029, U+0085
    and \\x1c–\\x1e: a msgstr holding one was silently cut in two.
    """

    def splitlines(self, keepends: bool = False) -> list[str]:
        return [line + "\n" for line in self.split("\n")] if keepends else self.split("\n")


def _check_duplicates(catalog: polib.POFile, text: str, shown: str) -> None:
    """A second entry with the msgctxt and msgid of an earlier one is an error, as in msgfmt."""
    first: dict[tuple[bool, str | None, str], polib.POEntry] = {}
    for entry in catalog:
        key = (entry.obsolete, entry.msgctxt, entry.msgid)
        earlier = first.setdefault(key, entry)
        if earlier is not entry:
            lines = text.split("\n")
            where = [_msgid_line(lines, e.linenum) for e in (entry, earlier)]
            raise CatalogError(
                f"duplicate message definition (first at line {where[1]}); "
                "keep one of the two entries in a PO editor",
                path=shown,
                line=where[0],
            )


def _msgid_line(lines: list[str], start: int) -> int:
    """The line of the entry's msgid, from the line polib says the entry starts on."""
    for number in range(max(start, 1), len(lines) + 1):
        if _MSGID_LINE.match(lines[number - 1]):
            return number
    return start


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
        catalog = polib.pofile(_GettextLines(_OBSOLETE_PREVIOUS.sub("#|", text)),
                               wrapwidth=layout.WRAP_WIDTH, encoding="utf-8")
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
    _check_duplicates(catalog, text, shown)
    catalog.fpath = str(path)
    return catalog


def read(path: Path, *, display: str | None = None) -> polib.POFile:
    """Read a PO or POT file; malformed input is a CatalogError naming the line."""
    shown = display or str(path)
    return parse(_read_text(path, shown), path, shown)


def dumps(catalog: polib.POFile) -> str:
    """The catalog as PO text, exactly as `msgcat -w 79` writes it."""
    return layout.dumps(catalog)


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
