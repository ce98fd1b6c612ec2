"""What the Markdown of one msgid or msgstr holds, in the form the checks compare.

A msgid keeps its inline Markdown (``**x**``, ``[text](url)``, `` `code` ``), so
the checks parse both sides with the same CommonMark parser the segmenter uses
(markdown-it-py) rather than guessing with regexes: what CommonMark calls a
link, an emphasis or an HTML tag is what the edition will render as one. The
readable text (links' text and images' alt text included; code, HTML and link
targets left out) is what the text-level checks look at.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

_PARSER = MarkdownIt("commonmark")
# The checks compare link targets as written; percent-encoding and punycode
# would only cost time (a third of each parse) and hide a changed target.
_PARSER.normalizeLink = lambda url: url  # type: ignore[method-assign]
_PARSER.normalizeLinkText = lambda url: url  # type: ignore[method-assign,assignment]
# Every character that can start an inline CommonMark construct (emphasis, code,
# link, image, autolink, HTML, entity, escape), and the line ends and NUL that
# the parser rewrites (a line break is a soft or hard break, \r\n is \n, NUL is
# U+FFFD): a text with none of them is its own readable text and holds no
# markup (tests/checks/test_inline_fast_path.py proves it against the parser).
_MARKUP_CHARS = re.compile(r"[*_`\[<&\\\n\r\x00]")
_REFERENCE = re.compile(r"\]\[([^\]\s][^\]]*)\]")
_BLOCK_TAG = re.compile(r"<!--.*?(?:-->|$)|</?[A-Za-z][A-Za-z0-9-]*(?:[ \t][^<>\n]*)?/?>?", re.DOTALL)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Inline:
    """The markup of a text, and its readable text."""

    text: str
    links: tuple[str, ...] = ()
    autolinks: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    images: tuple[str, ...] = ()
    code: tuple[str, ...] = ()
    html: tuple[str, ...] = ()
    emphasis: int = 0
    strong: int = 0


def _tag(raw: str) -> str:
    """An HTML tag with its whitespace normalised, so `<br/>` and `<br />` compare equal."""
    return _SPACES.sub(" ", raw).replace(" >", ">").replace(" />", "/>")


@lru_cache(maxsize=65536)
def parse(text: str) -> Inline:
    """The markup and readable text of `text` (cached: each check asks again)."""
    if not _MARKUP_CHARS.search(text):
        return Inline(text)
    return parse_markdown(text)


def parse_markdown(text: str) -> Inline:
    """`parse` through the CommonMark parser, whatever the text holds."""
    pieces: list[str] = []
    links: list[str] = []
    autolinks: list[str] = []
    images: list[str] = []
    code: list[str] = []
    html: list[str] = []
    counts: Counter[str] = Counter()
    in_autolink = False
    children: list[Token] = _PARSER.parseInline(text)[0].children or []
    for token in children:
        kind = token.type
        if kind == "text" and not in_autolink:
            pieces.append(token.content)
        elif kind == "softbreak":
            pieces.append(" ")
        elif kind == "hardbreak":
            pieces.append("\n")
        elif kind == "link_open":
            href = str(token.attrs.get("href", ""))
            if token.markup == "autolink":
                autolinks.append(href)
                in_autolink = True
            else:
                links.append(href)
        elif kind == "link_close":
            in_autolink = False
        elif kind == "image":
            images.append(str(token.attrs.get("src", "")))
            pieces.append(" " + token.content + " ")
        elif kind == "code_inline":
            code.append(token.content)
            pieces.append(" ")
        elif kind == "html_inline":
            html.append(_tag(token.content))
            pieces.append(" ")
        elif kind in ("em_open", "strong_open"):
            counts[kind] += 1
    if "<" in text:
        html = _html(text, html)
    return Inline(
        text="".join(pieces),
        links=tuple(links),
        autolinks=tuple(autolinks),
        references=tuple(_REFERENCE.findall(text)),
        images=tuple(images),
        code=tuple(code),
        html=tuple(html),
        emphasis=counts["em_open"],
        strong=counts["strong_open"],
    )


def _html(text: str, inline_tags: list[str]) -> list[str]:
    """Tags of HTML blocks too: a line that starts with ``<script`` or ``<div>`` is raw
    HTML once the translation is put back into the Markdown file, closed or not."""
    tokens = _PARSER.parse(text)
    if not any(token.type == "html_block" for token in tokens):
        return inline_tags
    found: list[str] = []
    for token in tokens:
        if token.type == "html_block":
            found.extend(_tag(match.group()) for match in _BLOCK_TAG.finditer(token.content))
        elif token.type == "inline":
            found.extend(_tag(child.content) for child in token.children or [] if child.type == "html_inline")
    return found


def difference(source: tuple[str, ...], target: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """What `source` has that `target` lacks, and the reverse, counting repeats, in order."""
    if source == target:
        return [], []
    left, right = Counter(target), Counter(source)
    missing: list[str] = []
    for item in source:
        if left[item] > 0:
            left[item] -= 1
        else:
            missing.append(item)
    extra: list[str] = []
    for item in target:
        if right[item] > 0:
            right[item] -= 1
        else:
            extra.append(item)
    return missing, extra
