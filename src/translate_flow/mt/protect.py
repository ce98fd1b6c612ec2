"""Keeping markup and fixed terms away from engines, and putting them back.

Before a text goes to a machine engine, everything that must come back
unchanged — inline code, URLs, link targets, HTML tags, Markdown emphasis
markers, backslash escapes and the glossary's do-not-translate terms — is
replaced by a numbered placeholder ``⟦1⟧``. Apertium, Google and the LLM servers
tried here pass such tokens through; an output that loses one is rejected, not
patched. Translate Toolkit hides link *targets* the same way (its issue #6230
is about also hiding the link text, which here stays translatable).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_MARKUP = re.compile(
    r"""
      (?P<code>(?P<ticks>`+)(?:(?!(?P=ticks)).)+?(?P=ticks))      # `code`
    | (?P<autolink><(?:https?|mailto|ftp):[^>\s]*>)               # <https://…>
    | (?P<html></?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|<!--.*?-->)      # <b>, </a>, <!-- -->
    | (?P<image_open>!\[)                                          # ![alt](src)
    | (?P<link_close>\]\((?:<[^>]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\))
    | (?P<ref_close>\]\[[^\]]*\])                                  # [text][ref]
    | (?P<link_open>\[(?=[^\]]*\](?:\(|\[)))                       # [ before ]( or ][
    | (?P<url>(?:https?://|ftp://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]'’”»])
    | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
    | (?P<escape>\\[!-/:-@\[-`{-~])                               # \* \[ \_
    | (?P<emphasis>\*{1,3}|_{1,3}|~~)
    """,
    re.VERBOSE | re.DOTALL,
)

PLACEHOLDER = re.compile(r"⟦\s*(\d+)\s*⟧")


def placeholder(number: int) -> str:
    return f"⟦{number}⟧"


@dataclass(frozen=True)
class Token:
    """One protected piece: its text and whether it sticks to the word before or after."""

    text: str
    glued_left: bool
    glued_right: bool


@dataclass(frozen=True)
class Protected:
    """A text ready for an engine: `core` has placeholders and no outer whitespace."""

    core: str
    lead: str
    trail: str
    tokens: tuple[Token, ...]

    @property
    def translatable(self) -> bool:
        """Whether anything is left for an engine once the markup is hidden."""
        return any(ch.isalpha() for ch in PLACEHOLDER.sub("", self.core))


def _emphasis(text: str, start: int, end: int) -> bool:
    """Whether a run of `*`, `_` or `~` is an emphasis marker rather than a character."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isspace() and after.isspace():
        return False  # "a * b": a literal asterisk
    if text[start] == "_" and before.isalnum() and after.isalnum():
        return False  # snake_case: CommonMark never treats intraword _ as emphasis
    return True


def _spans(text: str, dnt: Sequence[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in _MARKUP.finditer(text):
        kind = match.lastgroup
        if kind == "ticks":
            kind = "code"
        if kind == "emphasis" and not _emphasis(text, match.start(), match.end()):
            continue
        spans.append((match.start(), match.end()))
    taken = [False] * len(text)
    for start, end in spans:
        for i in range(start, end):
            taken[i] = True
    for term in sorted({t for t in dnt if t.strip()}, key=len, reverse=True):
        for match in re.finditer(rf"(?<!\w){re.escape(term)}(?!\w)", text):
            if not any(taken[match.start() : match.end()]):
                spans.append((match.start(), match.end()))
                for i in range(match.start(), match.end()):
                    taken[i] = True
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def protect(text: str, dnt: Sequence[str] = ()) -> Protected:
    """Hide markup and do-not-translate terms behind placeholders; split off outer whitespace."""
    stripped = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :] if stripped else ""
    if not stripped:
        return Protected("", text, "", ())
    out: list[str] = []
    tokens: list[Token] = []
    position = 0
    for start, end in _spans(stripped, dnt):
        out.append(stripped[position:start])
        before = stripped[start - 1] if start > 0 else " "
        after = stripped[end] if end < len(stripped) else " "
        tokens.append(Token(stripped[start:end], not before.isspace(), not after.isspace()))
        out.append(placeholder(len(tokens)))
        position = end
    out.append(stripped[position:])
    return Protected("".join(out), lead, trail, tuple(tokens))


def missing(protected: Protected, output: str) -> str | None:
    """Why `output` cannot be restored (a placeholder lost, doubled or invented), or None."""
    found = [int(m.group(1)) for m in PLACEHOLDER.finditer(output)]
    for number in range(1, len(protected.tokens) + 1):
        count = found.count(number)
        if count != 1:
            what = "missing" if count == 0 else "repeated"
            return f"placeholder {placeholder(number)} {what}"
    extra = sorted(n for n in set(found) if not 1 <= n <= len(protected.tokens))
    if extra:
        return f"unknown placeholder {placeholder(extra[0])}"
    return None


def restore(protected: Protected, output: str) -> str:
    """Put the hidden pieces and the outer whitespace back into an engine's output.

    Engines like to put spaces around tokens (``⟦1⟧ слово ⟦2⟧``); a marker that
    stuck to its word in the source sticks to it again, or ``**слово**`` would
    come back as ``** слово **``, which is no longer emphasis.
    """
    tokens = protected.tokens
    text = output.strip()
    pieces: list[str] = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        token = tokens[int(match.group(1)) - 1]
        before = text[position : match.start()]
        if token.glued_left:
            before = before.rstrip(" ")
        pieces.append(before)
        pieces.append(token.text)
        position = match.end()
        if token.glued_right:
            while position < len(text) and text[position] == " ":
                position += 1
    pieces.append(text[position:])
    return protected.lead + "".join(pieces) + protected.trail
