"""Markdown (CommonMark + tables) → segments, located on their source lines.

markdown-it-py finds the blocks; this module finds where each block's inline
text sits on each of its lines, so that the edition can replace exactly that
text and keep everything around it (container markers, indentation, closing
`#`s, trailing spaces, blank lines) byte for byte.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .model import Layout, Segment, Span

_PARSER = MarkdownIt("commonmark").enable("table")
# Segments need blocks and the raw text of their inline tokens, not inline
# tokens' children: skipping inline parsing makes a parse three times faster.
_PARSER.core.ruler.disable(["inline", "text_join"])
# markdown-it splits table rows at every pipe not directly after a backslash
# (its escapedSplit does not count backslashes), so `\\|` does not split a cell.
_CELL_PIPE = re.compile(r"(?<!\\)\|")
_CONTAINER_MARKER = re.compile(r"[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))")
_ATX_MARKER = re.compile(r"[ \t]*#{1,6}(?=[ \t]|$)[ \t]*")


def parse(text: str) -> list[Token]:
    """Block tokens of CommonMark + tables; inline tokens carry `content` but no children."""
    return _PARSER.parse(text)


def continuation_prefix(prefix: str) -> str:
    """The prefix for extra lines of a block whose first line starts with `prefix`.

    Block-quote markers and indentation stay; list markers become spaces of the
    same width, so ``"> 1. "`` continues as ``">    "``. A quote marker written
    without its optional space (``">- "``) gets one, since the space that replaces
    the list marker would otherwise be taken as it, and the line would be lazy,
    outside the list item (``">   "``, not ``">  "``).
    """
    out = []
    for index, ch in enumerate(prefix):
        out.append(ch if ch in "> \t" else " ")
        if ch == ">" and prefix[index + 1 : index + 2] not in ("", ">", " ", "\t"):
            out.append(" ")
    return "".join(out)


def segments(text: str, lines: list[str]) -> list[Segment]:
    """Segments of a Markdown text whose lines (with their line ends) are `lines`."""
    found: list[Segment] = []
    containers: list[str] = []
    tokens = parse(text)
    for index, token in enumerate(tokens):
        kind = token.type
        if kind in ("blockquote_open", "list_item_open"):
            containers.append("block quote" if kind == "blockquote_open" else "list item")
        elif kind in ("blockquote_close", "list_item_close"):
            containers.pop()
        elif kind == "inline" and token.content.strip() and token.map is not None:
            opener = tokens[index - 1]
            if opener.type == "paragraph_open":
                label = containers[-1] if containers else "paragraph"
                segment = _block(token, lines, label)
            elif opener.type == "heading_open":
                atx = opener.markup.startswith("#")
                segment = _atx(token, lines, len(containers)) if atx else _block(token, lines, "heading")
            elif opener.type in ("th_open", "td_open"):
                continue
            else:
                continue
            if segment is not None:
                found.append(segment)
        elif kind == "tr_open" and token.map is not None:
            found.extend(_row_cells(lines, token.map[0], _column_count(tokens, index), len(containers)))
    return found


def _column_count(tokens: list[Token], index: int) -> int:
    count = 0
    for token in tokens[index + 1 :]:
        if token.type == "tr_close":
            break
        if token.type in ("th_open", "td_open"):
            count += 1
    return count


def _strip_eol(line: str) -> str:
    return line.rstrip("\r\n")


def _block(token: Token, lines: list[str], kind: str) -> Segment | None:
    assert token.map is not None
    first, end = token.map  # a setext heading's inline map already ends before its underline
    raw_lines = token.content.split("\n")
    if len(raw_lines) != end - first:
        return None
    spans: list[Span] = []
    pieces: list[str] = []
    last = len(raw_lines) - 1
    for offset, raw in enumerate(raw_lines):
        source = _strip_eol(lines[first + offset])
        body = source if offset < last else source.rstrip(" \t")
        if body.endswith(raw):
            start = len(body) - len(raw)
        else:
            found = source.find(raw.strip())
            start = found if found >= 0 else len(source) - len(source.lstrip())
        start += len(source[start:]) - len(source[start:].lstrip(" \t"))
        hard = offset < last and (raw.endswith("  ") or raw.endswith("\\"))
        end_col = len(source) if hard and raw.endswith("  ") else len(source.rstrip(" \t"))
        end_col = max(end_col, start)
        spans.append(Span(first + offset, start, end_col))
        pieces.append(source[start:end_col])
        if offset < last:
            pieces.append("\n" if hard else " ")
    prefix = _strip_eol(lines[first])[: spans[0].start]
    return Segment("".join(pieces), kind, tuple(spans), Layout.BLOCK, continuation_prefix(prefix))


def _after_containers(source: str, depth: int) -> int:
    """Where a line's block starts, after the markers of the `depth` quotes and list items it is in."""
    start = 0
    for _ in range(depth):
        marker = _CONTAINER_MARKER.match(source, start)
        if marker is None:
            break
        start = marker.end()
    return start


def _atx(token: Token, lines: list[str], depth: int) -> Segment | None:
    assert token.map is not None
    line = token.map[0]
    source = _strip_eol(lines[line])
    marker = _ATX_MARKER.match(source, _after_containers(source, depth))
    start = source.find(token.content, marker.end() if marker else 0)
    if start < 0:
        return None
    return Segment(token.content, "heading", (Span(line, start, start + len(token.content)),), Layout.LINE)


def _row_cells(lines: list[str], line: int, columns: int, depth: int) -> list[Segment]:
    source = _strip_eol(lines[line])
    cells: list[tuple[int, int]] = []
    start = _after_containers(source, depth)
    start += len(source[start:]) - len(source[start:].lstrip())
    if source.startswith("|", start):
        start += 1
    for match in _CELL_PIPE.finditer(source, start):
        pipe = match.start()
        cells.append((start, pipe))
        start = pipe + 1
    tail = source[start:]
    if tail.strip():
        cells.append((start, len(source)))
    found = []
    for cell_start, cell_end in cells[:columns]:
        cell = source[cell_start:cell_end]
        text = cell.strip()
        if not text:
            continue
        begin = cell_start + len(cell) - len(cell.lstrip())
        found.append(Segment(text, "table cell", (Span(line, begin, begin + len(text)),), Layout.CELL))
    return found
