"""Standalone HTML pages for editions, and the index of all editions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from markdown_it import MarkdownIt

from .. import locales

_RENDERER = MarkdownIt("commonmark", {"html": True}).enable("table")

LABELS = {
    "en": {"draft": "Draft: parts of this edition are not translated yet.",
           "languages": "Other languages", "signed": "Reviewed and approved by"},
    "uk": {"draft": "Чернетка: частину цього видання ще не перекладено.",
           "languages": "Інші мови", "signed": "Перевірили й затвердили"},
    "ru": {"draft": "Черновик: часть этого издания ещё не переведена.",
           "languages": "Другие языки", "signed": "Проверили и утвердили"},
}

STYLE = """
:root { color-scheme: light dark; --ink: #1b1b1b; --paper: #fdfdfb; --muted: #666; --mark: #fff3c4; }
@media (prefers-color-scheme: dark) { :root { --ink: #e8e8e3; --paper: #18181a; --muted: #aaa; --mark: #4a3f12; } }
html { background: var(--paper); color: var(--ink); }
body { font: 1.1rem/1.6 Georgia, "Noto Serif", "DejaVu Serif", serif; max-width: 42rem;
       margin: 2rem auto; padding: 0 1rem; hyphens: auto; }
h1, h2, h3, h4 { font-family: "Noto Sans", "DejaVu Sans", sans-serif; line-height: 1.25; }
header .meta { color: var(--muted); }
nav.languages { font-family: sans-serif; font-size: .9rem; margin-bottom: 1.5rem; }
nav.languages a { margin-right: .75rem; }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--muted); }
table { border-collapse: collapse; } td, th { border: 1px solid var(--muted); padding: .25rem .5rem; }
.tflow-pending { background: var(--mark); }
.draft-banner { border: 2px dashed #b58900; padding: .5rem 1rem; font-family: sans-serif; }
footer { margin-top: 3rem; font-size: .85rem; color: var(--muted); }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  nav.languages, .draft-banner { display: none; }
  a { color: inherit; text-decoration: none; }
  .tflow-pending { background: none; text-decoration: underline dotted; }
  h2, h3 { break-after: avoid; } p, blockquote { orphans: 3; widows: 3; }
}
"""


def labels(lang: str) -> dict[str, str]:
    return LABELS.get(lang, LABELS["en"])


@dataclass(frozen=True)
class Alternate:
    lang: str
    href: str


def render_markdown(text: str) -> str:
    return str(_RENDERER.render(text))


def page(
    *,
    lang: str,
    title: str,
    body_html: str,
    author: str | None,
    date: dt.date | None,
    alternates: list[Alternate],
    draft: bool,
    signoff: str | None,
) -> str:
    """A complete HTML document for one edition."""
    words = labels(lang)
    meta = []
    if author:
        meta.append(escape(author))
    if date:
        meta.append(f'<time datetime="{date.isoformat()}">{escape(locales.format_date(date, lang))}</time>')
    links = "\n".join(
        f'<link rel="alternate" hreflang="{a.lang}" href="{escape(a.href)}">' for a in alternates
    )
    nav = " ".join(
        f'<a href="{escape(a.href)}" hreflang="{a.lang}" lang="{a.lang}">{escape(locales.name(a.lang))}</a>'
        for a in alternates if a.lang != lang
    )
    banner = f'<p class="draft-banner" role="note">{escape(words["draft"])}</p>\n' if draft else ""
    footer = f"<footer>{escape(words['signed'])}: {escape(signoff)}</footer>\n" if signoff else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n{links}\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f'<nav class="languages" aria-label="{escape(words["languages"])}">{nav}</nav>\n'
        f"<header>\n<h1>{escape(title)}</h1>\n"
        + (f'<p class="meta">{" · ".join(meta)}</p>\n' if meta else "")
        + f"</header>\n{banner}<main>\n{body_html}</main>\n{footer}</body>\n</html>\n"
    )
