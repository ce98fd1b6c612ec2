"""Cutting a text that is too long for one request into pieces that fit.

Pieces end on sentence boundaries where possible, then on clause punctuation,
then on spaces; a placeholder (``⟦3⟧``) has no spaces, so it is never cut.
``"".join(chunks(...))`` is the original text, so each piece keeps the
whitespace that separated it from the next and the translations join back the
same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import sentences

_CLAUSE = re.compile(r"(?<=[,;:—–])\s+")
_SPACE = re.compile(r"\s+")


def _pieces(text: str, pattern: re.Pattern[str]) -> list[str]:
    out: list[str] = []
    start = 0
    for match in pattern.finditer(text):
        out.append(text[start : match.end()])
        start = match.end()
    out.append(text[start:])
    return [piece for piece in out if piece]


def _fit(piece: str, size: Callable[[str], int], limit: int, level: int) -> list[str]:
    """`piece` cut finer and finer until each part fits."""
    if size(piece.strip()) <= limit:
        return [piece]
    if level == 0:
        parts = sentences.split(piece)
    elif level == 1:
        parts = _pieces(piece, _CLAUSE)
    elif level == 2:
        parts = _pieces(piece, _SPACE)
    else:
        # One "word" longer than the limit: cut it by characters, as a last resort.
        parts, current = [], ""
        for ch in piece:
            if current and size(current + ch) > limit:
                parts.append(current)
                current = ""
            current += ch
        return parts + ([current] if current else [])
    if len(parts) == 1:
        return _fit(piece, size, limit, level + 1)
    fitted: list[str] = []
    for part in parts:
        fitted.extend(_fit(part, size, limit, level + 1))
    return fitted


def chunks(text: str, size: Callable[[str], int], limit: int) -> list[str]:
    """`text` in consecutive pieces, each within `limit` as `size` measures it once stripped."""
    if size(text.strip()) <= limit:
        return [text]
    packed: list[str] = []
    current = ""
    for part in _fit(text, size, limit, 0):
        if current and size((current + part).strip()) > limit:
            packed.append(current)
            current = ""
        current += part
    if current:
        packed.append(current)
    return packed
