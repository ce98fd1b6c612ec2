"""HTML and PDF pages of editions, from the Jinja2 templates in `editions/templates/`.

Every page extends one `base.html`; the interface labels come from the `ui`
catalogs in the page's language. A PDF is the same page rendered for print
(paper size, page numbers, no navigation) and typeset by WeasyPrint.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from functools import cached_property
from html import escape
from pathlib import Path
from typing import Any

import jinja2
from markdown_it import MarkdownIt
from markdown_it.token import Token

from .. import locales, storage, ui
from ..segment import BOM, Statement, frontmatter, split_lines
from ..segment.text import segments as text_segments
from .model import Edition, Signoff

_RENDERER = MarkdownIt("commonmark", {"html": True}).enable("table")


def environment() -> jinja2.Environment:
    env = ui.environment("translate_flow.editions")
    env.filters.setdefault("format_date", _format_date)
    return env


def render(template: str, lang: str, **context: Any) -> str:
    """A template of the editions family, with the interface in `lang`."""
    return ui.render(environment(), template, lang, **context)


def _format_date(value: dt.date | str | None, lang: str) -> str:
    if value is None:
        return ""
    day = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return locales.format_date(day, lang)


def approved_line(signoff: Signoff | dict[str, Any] | None, lang: str) -> str:
    """"approved by olena and taras, 1 December 2026", in `lang`; empty without a sign-off."""
    if signoff is None:
        return ""
    people = [p for p, _ in (signoff.people if isinstance(signoff, Signoff) else signoff["people"])]
    day = signoff.day if isinstance(signoff, Signoff) else max(
        dt.date.fromisoformat(d) for _, d in signoff["people"])
    return ui.tr(lang, "approved by %(people)s, %(date)s",
                 people=locales.format_list(people, lang), date=locales.format_date(day, lang))


def body_of(text: str) -> str:
    """The text of a statement or edition after its front matter."""
    lines = split_lines(text.removeprefix(BOM))
    return "".join(lines[max(frontmatter.length(lines), 0):])


def blocks(body: str, format: str) -> list[str]:
    """The body as HTML, one string per top-level block (what a parallel edition pairs)."""
    if format == "text":
        body_lines = split_lines(body)
        found = []
        for seg in text_segments(body_lines):
            lines = [line.rstrip("\r\n") for line in body_lines[seg.spans[0].line : seg.spans[-1].line + 1]]
            tag = "h2" if seg.kind == "heading" else "p"
            found.append(f"<{tag}>{escape(chr(10).join(line.strip() for line in lines))}</{tag}>\n")
        return found
    env: dict[str, Any] = {}
    tokens = _RENDERER.parse(body, env)
    groups: list[list[Token]] = []
    depth = 0
    for token in tokens:
        if depth == 0:
            groups.append([])
        groups[-1].append(token)
        depth += token.nesting
    return [str(_RENDERER.renderer.render(group, _RENDERER.options, env)) for group in groups]


@dataclass(frozen=True)
class Side:
    """One language's version of a statement as a page shows it: metadata and body text."""

    lang: str
    meta: dict[str, str]
    source: str
    format: str

    @property
    def title(self) -> str:
        return self.meta.get("title", "")

    @cached_property
    def blocks(self) -> tuple[str, ...]:
        """The body as HTML blocks, rendered on first use (a plain page never renders the original)."""
        return tuple(blocks(self.source, self.format))

    @property
    def body(self) -> str:
        return "".join(self.blocks)


@dataclass(frozen=True)
class Page:
    """Everything an edition's page shows, whatever the medium."""

    edition: Side
    original: Side
    author: str | None
    date: dt.date | None
    alternates: dict[str, str]
    draft: bool
    signoff: Signoff | None
    paper: str

    @classmethod
    def of(cls, edition: Edition, alternates: dict[str, str], paper: str) -> Page:
        statement: Statement = edition.statement
        author = statement.meta.get("author")
        original = {k: v for k, v in statement.meta.items() if isinstance(v, str)}
        original.setdefault("title", statement.title)
        return cls(
            edition=Side(edition.lang, {"title": edition.title, **edition.meta},
                         source=body_of(edition.text), format=statement.format),
            original=Side(statement.lang, original, source=body_of(statement.source), format=statement.format),
            author=str(author) if author else None,
            date=statement.date,
            alternates=alternates,
            draft=edition.draft,
            signoff=edition.signoff,
            paper=paper,
        )

    def pairs(self) -> list[tuple[str, str]]:
        """Original and translation block by block; a block one side lacks is empty."""
        source, target = self.original.blocks, self.edition.blocks
        size = max(len(source), len(target))
        return [(source[i] if i < len(source) else "", target[i] if i < len(target) else "") for i in range(size)]


def html(page: Page, *, parallel: bool = False, for_print: bool = False) -> str:
    """The page as a complete HTML document (for print: what WeasyPrint typesets)."""
    lang = page.edition.lang
    return render(
        "parallel.html" if parallel else "edition.html", lang,
        page=page, page_lang=lang, for_print=for_print, paper=page.paper,
        approved=approved_line(page.signoff, lang),
        names={code: locales.name(code) for code in {*page.alternates, page.original.lang, lang}},
        page_links=[(code, href) for code, href in page.alternates.items() if code != lang],
        noindex=page.draft,
    )


def write_pdf(page: Page, target: Path, *, parallel: bool = False) -> None:
    """Typeset the page for print with WeasyPrint and write it atomically."""
    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = html(page, parallel=parallel, for_print=True)
    data = weasyprint.HTML(string=document, base_url=str(target.parent)).write_pdf()
    assert data is not None
    storage.write_bytes(target, data)
