"""YAML front matter: its metadata and its translatable values."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from ..errors import StatementError
from .model import BOM, Layout, Segment, Span, split_lines

TRANSLATABLE_KEYS = ("title", "subtitle", "description", "summary")

_KEY_LINE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:[ \t]*")
# Any YAML `key: value` line (plain or quoted key); a block without one is Markdown.
_MAPPING_LINE = re.compile(r"[ \t]*(?:\"[^\"]*\"|'[^']*'|[^\s#:'\"][^:]*?)[ \t]*:(?:[ \t]|\r?\n|\r|$)")


def length(lines: list[str]) -> int:
    """How many lines the front matter takes, fences included; 0 when there is none.

    -1 when a `---` opens it and nothing closes it. A first `---` followed by
    text without a single `key: value` line is a thematic break, as CommonMark
    reads it, not front matter; an empty block between fences is front matter.
    """
    if not lines or lines[0].removeprefix(BOM).rstrip("\r\n") != "---":
        return 0
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r\n") in ("---", "...")), None)
    block = lines[1:closing]
    if any(line.strip() for line in block) and not any(_MAPPING_LINE.match(line) for line in block):
        return 0
    return -1 if closing is None else closing + 1


def split(lines: list[str], path: Path) -> tuple[int, dict[str, Any]]:
    """Return (number of front-matter lines, metadata); (0, {}) when there is none."""
    count = length(lines)
    if count == 0:
        return 0, {}
    if count < 0:
        raise StatementError(
            "front matter opened with `---` is never closed; add a line `---` after it",
            path=path,
            line=1,
        )
    text = "".join(lines[1 : count - 1])
    try:
        meta = yaml.safe_load(text) if text.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise StatementError(f"malformed front matter: {problem}", path=path, line=line) from None
    if not isinstance(meta, dict):
        raise StatementError(
            "front matter must be a mapping of `key: value` lines", path=path, line=2
        )
    return count, meta


def segments(lines: list[str], count: int, meta: dict[str, Any]) -> list[Segment]:
    """Segments for the translatable string values of the front matter."""
    found: list[Segment] = []
    index = 1
    while index < count - 1:
        match = _KEY_LINE.match(lines[index])
        key = match.group(1) if match else None
        if key is None or key not in TRANSLATABLE_KEYS or not isinstance(meta.get(key), str):
            index += 1
            continue
        last = index
        while last + 1 < count - 1 and lines[last + 1][:1] in (" ", "\t"):
            last += 1
        assert match is not None
        first_line = lines[index].rstrip("\r\n")
        spans = [Span(index, match.end(), len(first_line))]
        spans += [Span(i, 0, len(lines[i].rstrip("\r\n"))) for i in range(index + 1, last + 1)]
        value = meta[key].strip()
        if value:
            found.append(Segment(value, key, tuple(spans), Layout.YAML))
        index = last + 1
    return found


def with_language(text: str, lang: str) -> str:
    """`text` whose front matter says `lang:` `lang`: the key's line replaced, or added last.

    A text without front matter is returned as it is.
    """
    lines = split_lines(text)
    count = length(lines)
    if count < 2:
        return text
    eol = lines[0].removeprefix(BOM)[3:] or "\n"
    for index in range(1, count - 1):
        match = _KEY_LINE.match(lines[index])
        if match and match.group(1) == "lang":
            body = lines[index].rstrip("\r\n")
            lines[index] = f"lang: {lang}{lines[index][len(body):] or eol}"
            return "".join(lines)
    lines.insert(count - 1, f"lang: {lang}{eol}")
    return "".join(lines)
