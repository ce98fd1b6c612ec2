"""Plain-text statements: blank-line-separated blocks, short lone lines are headings."""

from __future__ import annotations

from .model import Layout, Segment, Span

HEADING_MAX_CHARS = 80
_CLOSING = tuple(".,;:!?…\"'”»)")


def segments(lines: list[str], first_line: int = 0) -> list[Segment]:
    found: list[Segment] = []
    block: list[int] = []
    for index in range(first_line, len(lines) + 1):
        text = lines[index].rstrip("\r\n") if index < len(lines) else ""
        if text.strip():
            block.append(index)
            continue
        if block:
            found.append(_block(lines, block))
            block = []
    return found


def _block(lines: list[str], indexes: list[int]) -> Segment:
    spans = []
    pieces = []
    for index in indexes:
        source = lines[index].rstrip("\r\n")
        start = len(source) - len(source.lstrip())
        end = len(source.rstrip())
        spans.append(Span(index, start, end))
        pieces.append(source[start:end])
    text = " ".join(pieces)
    heading = len(indexes) == 1 and len(text) <= HEADING_MAX_CHARS and not text.endswith(_CLOSING)
    prefix = lines[indexes[0]][: spans[0].start]
    return Segment(text, "heading" if heading else "paragraph", tuple(spans), Layout.BLOCK, prefix)
