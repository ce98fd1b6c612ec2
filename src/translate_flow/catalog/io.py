"""Reading and writing PO files: polib underneath, atomic writes and locks on top."""

from __future__ import annotations

import contextlib
import re
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


def _entry_text(entry: polib.POEntry) -> str:
    # polib wraps translator comments at the wrap width; gettext never does, and a
    # wrapped `approved:` or `previous:` note would lose its tail on the next read.
    comment = entry.tcomment
    if not comment:
        return str(entry.__unicode__(WRAP_WIDTH))
    entry.tcomment = ""
    try:
        body = str(entry.__unicode__(WRAP_WIDTH))
    finally:
        entry.tcomment = comment
    lines = "\n".join(f"# {line}" if line else "#" for line in comment.split("\n"))
    return f"{lines}\n{body}"


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
