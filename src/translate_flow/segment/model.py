"""The records a statement is cut into: `Statement`, `Segment` and `Span`."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


BOM = "\ufeff"  # kept in the statement and its Markdown editions, never in a segment


def split_lines(text: str) -> list[str]:
    """Lines with their ends, split where CommonMark splits: at \\n, \\r\\n and \\r only.

    `str.splitlines` also splits at form feeds, U+2028 and friends, which
    markdown-it treats as ordinary characters; positions would not match.
    """
    return _LINE.findall(text)


class Layout(Enum):
    """How a translation is written back into the place its segment came from."""

    BLOCK = "block"  # paragraph-like: may take several lines, each behind the block's prefix
    LINE = "line"  # one line only (ATX heading): line breaks become spaces
    CELL = "cell"  # a table cell: one line, `|` escaped
    YAML = "yaml"  # a front-matter value: written as a YAML double-quoted string


@dataclass(frozen=True)
class Span:
    """Where a segment's text sits on one source line (0-based line, column range)."""

    line: int
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    """One translatable block of a statement, before it is in a catalog.

    `text` is what becomes the msgid: inline markup kept, soft line breaks turned
    into spaces, hard breaks kept. `spans` locate it in the source, one per
    source line it covers, so that the edition can put a translation back in
    the same place; `continuation` is the prefix for extra lines of a
    translation (``"> "`` inside a quote, spaces inside a list item).
    """

    text: str
    kind: str
    spans: tuple[Span, ...]
    layout: Layout = Layout.BLOCK
    continuation: str = ""

    @property
    def line(self) -> int:
        """The 1-based line where the segment starts, as references show it."""
        return self.spans[0].line + 1


@dataclass(frozen=True)
class Statement:
    """A source document: its text, metadata and segments."""

    path: Path
    slug: str
    lang: str
    format: str  # "markdown" or "text"
    source: str
    meta: dict[str, Any] = field(repr=False)
    segments: tuple[Segment, ...] = field(repr=False)

    @property
    def title(self) -> str:
        value = self.meta.get("title")
        return str(value) if value else self.slug

    @property
    def date(self) -> dt.date | None:
        value = self.meta.get("date")
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        return None

    @property
    def embargo(self) -> bool:
        return bool(self.meta.get("embargo", False))

    @property
    def suffix(self) -> str:
        return self.path.suffix
