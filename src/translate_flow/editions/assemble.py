"""Putting translations back into the statement's layout.

Every byte outside the segments' spans is copied from the source: front matter
lines, blank lines, container markers, indentation, code blocks, link
definitions. A segment whose text is kept (`None`) is copied too, so a
statement whose every translation equals its source comes back byte for byte.
A translated segment is written in its first line's place; extra lines of a
multi-line translation get the block's continuation prefix.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable

from markdown_it.rules_block.html_block import HTML_SEQUENCES

from ..segment import BOM, Layout, Segment, Statement, split_lines
from ..segment.markdown import parse

Render = Callable[[Segment], "str | None"]

_BLOCK_START = re.compile(
    r"^(?P<indent>[ \t]*)(?:"
    r"(?P<hash>#{1,6})(?=[ \t]|$)"
    r"|(?P<quote>>)"
    r"|(?P<bullet>[-+*])(?=[ \t]|$)"
    r"|(?P<number>\d{1,9})(?P<delim>[.)])(?=[ \t]|$)"
    r"|(?P<fence>```|~~~)"
    r"|(?P<rule>(?:[-_*=][ \t]*){3,}$)"
    r"|(?P<setext>=+[ \t]*$)"
    r"|(?P<other>[-|:\[<])"  # `--` underline, table delimiter, link definition, HTML
    r")"
)
_CELL_PIPE = re.compile(r"(?<!\\)\|")  # as markdown-it splits cells: after a backslash, never
_CLOSING_HASHES = re.compile(r"(^|[ \t])(#+)$")
_UNDERLINE = re.compile(r"[ \t>]*([=-]+)[ \t]*")


def escape_block_start(line: str) -> str:
    """Backslash-escape the start of a line of a translation that would start a new block.

    A translator's ``1. …`` or ``- …`` at the start of a line must stay text,
    not turn the paragraph into a list. Whether the line would start a block is
    the caller's question (`_escape_block_starts` asks markdown-it).
    """
    match = _BLOCK_START.match(line)
    if not match:
        return line
    indent = match.group("indent")
    rest = line[len(indent):]
    if match.group("number"):
        digits = match.group("number")
        return f"{indent}{digits}\\{rest[len(digits):]}"
    return f"{indent}\\{rest}"


def render_text(
    segment: Segment, text: str, eol: str, source: list[str] | None = None, *, markdown: bool = True
) -> str:
    """`text` written for the segment's place in the `source` lines.

    The leading lines of a translation that are the segment's own source lines
    keep what separated them there (trailing blanks, line end, the next line's
    prefix: lazy lines and odd indentation too), so a segment rendered as its
    own text comes back byte for byte. Every other line continues with `eol`
    and the block's continuation prefix. In Markdown, lines that would start a
    block are escaped; a plain-text edition takes the lines as they are.
    """
    if segment.layout is Layout.YAML:
        return json.dumps(text, ensure_ascii=False)
    if segment.layout is Layout.CELL:
        flat = " ".join(part.strip() for part in text.split("\n"))
        return _CELL_PIPE.sub(r"\\|", flat)
    if segment.layout is Layout.LINE:
        flat = " ".join(part.strip() for part in text.split("\n"))
        span = segment.spans[0]
        if source is not None and source[span.line][span.end:].strip():
            return flat  # the source's closing `#`s follow: trailing `#`s of the text stay text
        return _CLOSING_HASHES.sub(r"\1\\\2", flat)
    # A blank line would end the paragraph and split the list item or quote it sits in.
    lines = [line.lstrip(" \t") for line in text.split("\n") if line.strip()] or [""]
    spans = segment.spans
    kept = 0
    if source is not None:
        for line, span in zip(lines, spans):
            if line.rstrip(" \t") != source[span.line][span.start : span.end].rstrip(" \t"):
                break
            kept += 1
    if markdown:
        lines = lines[:kept] + _escape_block_starts(lines[kept:], lines[:kept])
        after = spans[-1].line + 1
        if segment.kind == "heading" and source is not None and kept < len(lines) and after < len(source):
            lines[-1] = _keep_setext_heading(lines, source[after].rstrip("\r\n"))
    out = []
    for index, line in enumerate(lines[:-1]):
        if index + 1 < kept:
            assert source is not None
            a, b = spans[index], spans[index + 1]
            gap = source[a.line][a.end :] + source[b.line][: b.start]
            if line.endswith((" ", "\t", "\\")):  # the translator's own break: keep it as written
                gap = gap.lstrip(" \t")
        else:
            gap = eol + segment.continuation
        out.append(line + gap)
    return "".join(out) + lines[-1]


def _may_start_block(line: str) -> bool:
    """A cheap test that lets through every line that can start a block (and a few more)."""
    if line.startswith("<"):  # markdown-it's own HTML block openings: a `<span>…` line is text
        return any(opening.search(line) for opening, _, _ in HTML_SEQUENCES)
    return _BLOCK_START.match(line) is not None


def _keep_setext_heading(lines: list[str], underline: str) -> str:
    """The last line of a setext heading's text, changed if it would head a table instead.

    Over a `--` underline, any line with a `|` and one column (`war |`, `| war`,
    `a \\| b`) is a table to markdown-it. Indented four columns, a continuation
    line cannot head one; a one-line heading gets its pipes as `&#124;`.
    """
    found = _UNDERLINE.fullmatch(underline)
    if found is None:
        return lines[-1]
    tokens = parse("\n".join([*lines, found.group(1)]))
    if tokens and tokens[0].type == "heading_open" and tokens[0].map == [0, len(lines) + 1]:
        return lines[-1]
    if len(lines) > 1:
        return "    " + lines[-1]
    return re.sub(r"\\?\|", "&#124;", lines[-1])


def _one_paragraph(lines: list[str]) -> bool:
    tokens = parse("\n".join(lines))
    return (
        len(tokens) == 3
        and tokens[0].type == "paragraph_open"
        and tokens[0].map == [0, len(lines)]
    )


def _escape_block_starts(lines: list[str], before: list[str]) -> list[str]:
    """Escape the lines of a translation, after `before`, that markdown-it would read as a block.

    The regex only finds candidates; the parser decides, so an autolink, inline
    HTML, a link or emphasis at the start of a line keeps its meaning.
    """
    if not any(_may_start_block(line) for line in lines):
        return lines
    out = list(before)
    for line in lines:
        if _may_start_block(line) and not _one_paragraph([*out, line]):
            line = escape_block_start(line)
        out.append(line)
    return out[len(before) :]


def assemble(statement: Statement, render: Render) -> str:
    """The statement with each segment replaced by `render(segment)` (None: kept)."""
    bom = BOM if statement.source.startswith(BOM) else ""
    lines = split_lines(statement.source.removeprefix(bom))
    markdown = statement.format == "markdown"
    on_line: dict[int, list[tuple[Segment, str]]] = defaultdict(list)
    dropped: set[int] = set()
    for segment in statement.segments:
        replacement = render(segment)
        if replacement is None:
            continue
        on_line[segment.spans[0].line].append((segment, replacement))
        dropped.update(span.line for span in segment.spans[1:])
    out: list[str] = []
    for index, line in enumerate(lines):
        if index in dropped:
            continue
        replaced = on_line.get(index)
        if not replaced:
            out.append(line)
            continue
        body = line.rstrip("\r\n")
        eol = line[len(body):]
        pos = 0
        pieces: list[str] = []
        for segment, text in sorted(replaced, key=lambda item: item[0].spans[0].start):
            first, last = segment.spans[0], segment.spans[-1]
            pieces.append(body[pos:first.start])
            pieces.append(render_text(segment, text, eol or "\n", lines, markdown=markdown))
            if last is first:
                pos = first.end
            else:
                pieces.append(lines[last.line].rstrip("\r\n")[last.end:])
                pos = len(body)
        pieces.append(body[pos:])
        out.append("".join(pieces) + eol)
    return bom + "".join(out)
