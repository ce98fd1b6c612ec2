"""`tflow build`: catalogs → editions, publishing only what may be published."""

from __future__ import annotations

import hashlib
import re
from html import escape
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polib

from .. import catalog, storage
from ..catalog import State
from ..project import Project
from ..segment import BOM, Layout, Segment, Statement, frontmatter, split_lines
from ..segment.text import segments as text_segments
from . import html, index
from .safety import Verdicts
from .assemble import assemble

FORMATS = ("md", "html")
PENDING_CLASS = "tflow-pending"
TAG = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?|/[A-Za-z][A-Za-z0-9-]*\s*|!--.*?--|[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*)>", re.S)


def publishable(entry: polib.POEntry | None, require: str) -> bool:
    """Whether an entry's msgstr may appear in a published edition.

    The one place this is decided: "translated" admits translated and approved
    entries, "approved" only approved ones. Drafts (fuzzy), stale and empty
    entries are never published.
    """
    if entry is None:
        return False
    current = catalog.state(entry)
    if require == "approved":
        return current is State.APPROVED
    return current in (State.TRANSLATED, State.APPROVED)


def neutralise_html(msgstr: str, msgid: str) -> str:
    """Escape every HTML tag or autolink of a translation that its source does not have."""
    allowed = TAG.findall(msgid)
    out = []
    pos = 0
    for match in TAG.finditer(msgstr):
        out.append(msgstr[pos:match.start()])
        tag = match.group(0)
        if tag in allowed:
            allowed.remove(tag)
            out.append(tag)
        else:
            out.append("\\" + tag)
        pos = match.end()
    out.append(msgstr[pos:])
    return "".join(out)


@dataclass(frozen=True)
class Missing:
    """A place in a statement whose translation cannot be published yet."""

    reference: str
    state: str


@dataclass
class Edition:
    slug: str
    lang: str
    statement: Statement
    draft: bool = False
    missing: list[Missing] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    signoff: str | None = None

    @property
    def complete(self) -> bool:
        return not self.missing


def _pending(segment: Segment, lang: str) -> str:
    if segment.layout is Layout.YAML:
        return segment.text
    return f'<span class="{PENDING_CLASS}" lang="{lang}" title="translation pending">{segment.text}</span>'


def _signoff(entries: list[polib.POEntry], body: str) -> str | None:
    approvals = [catalog.approval(e) for e in entries]
    if not entries or any(a is None for a in approvals):
        return None
    people: dict[str, str] = {}
    for found in approvals:
        assert found is not None
        people[found.person] = max(people.get(found.person, ""), found.day)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
    return ", ".join(f"{p} ({d})" for p, d in sorted(people.items())) + f"; sha256:{digest}"


def _render_for(
    statement: Statement, entries: dict[str, polib.POEntry] | None, require: str, draft: bool,
    edition: Edition, verdicts: Verdicts,
) -> Callable[[Segment], str | None]:
    def render(segment: Segment) -> str | None:
        if entries is None:
            return None
        entry = entries.get(segment.text)
        broken: list[str] = []
        if publishable(entry, require):
            assert entry is not None
            if entry.msgstr == segment.text:
                return None
            broken = verdicts.problems((entry.msgid, entry.msgstr, statement.lang, edition.lang))
            if not broken:
                return neutralise_html(entry.msgstr, entry.msgid)
        current = catalog.state(entry).value if entry is not None else "not extracted"
        if broken:
            current = f"markup check failed ({', '.join(broken)}); see `tflow check`"
        if current == State.TRANSLATED.value and require == "approved":
            current = "not approved"
        edition.missing.append(Missing(f"{statement.path.as_posix()}:{segment.line}", current))
        return _pending(segment, statement.lang) if draft else segment.text

    return render


def _meta_value(statement: Statement, key: str, entries: dict[str, polib.POEntry] | None,
                require: str) -> str | None:
    value = statement.meta.get(key)
    if not isinstance(value, str):
        return None
    if entries is not None:
        entry = entries.get(value.strip())
        if publishable(entry, require):
            assert entry is not None
            return str(entry.msgstr)
    return value


def build_edition(
    project: Project, statement: Statement, lang: str, *, draft: bool = False,
    formats: tuple[str, ...] = FORMATS, require: str | None = None, verdicts: Verdicts | None = None,
) -> Edition:
    """Build one edition; an incomplete one is written only as a draft."""
    rule = require or project.config.publish_require
    own_verdicts = verdicts is None
    verdicts = verdicts or Verdicts(project.config.cache_dir)
    edition = Edition(statement.slug, lang, statement)
    entries: dict[str, polib.POEntry] | None = None
    catalog_entries: list[polib.POEntry] = []
    if lang != statement.lang:
        path = project.catalog_path(statement.slug, lang)
        po = catalog.read(path, display=project.relative(path))
        catalog_entries = [e for e in po if not e.obsolete]
        entries = {e.msgid: e for e in catalog_entries}
        verdicts.prepare(
            (e.msgid, e.msgstr, statement.lang, lang) for e in catalog_entries
            if e.msgstr != e.msgid and publishable(e, rule)
        )
    text = assemble(statement, _render_for(statement, entries, rule, draft, edition, verdicts))
    if own_verdicts:
        verdicts.save()
    if edition.missing and not draft:
        return edition
    edition.draft = bool(edition.missing)
    if entries is not None and not edition.missing:
        edition.signoff = _signoff(catalog_entries, text)
    if "md" in formats:
        target = project.edition_path(lang, statement.slug, statement.suffix)
        signed = text
        if edition.signoff and statement.format == "markdown":
            signed += f"\n<!-- approved by {edition.signoff} -->\n"
        storage.write_text(target, signed)
        edition.written.append(target)
    if "html" in formats:
        target = project.edition_path(lang, statement.slug, ".html")
        lines = split_lines(text.removeprefix(BOM))
        body = "".join(lines[max(frontmatter.length(lines), 0):])
        alternates = [
            html.Alternate(other, f"../{other}/{Path(statement.slug).name}.html")
            for other in project.config.languages
        ]
        author = statement.meta.get("author")
        storage.write_text(
            target,
            html.page(
                lang=lang,
                title=_meta_value(statement, "title", entries, rule) or statement.slug,
                body_html=_body_html(statement, body),
                author=str(author) if author else None,
                date=statement.date,
                alternates=alternates,
                draft=edition.draft,
                signoff=edition.signoff,
            ),
        )
        edition.written.append(target)
    return edition


def _body_html(statement: Statement, body: str) -> str:
    if statement.format != "text":
        return html.render_markdown(body)
    blocks = []
    body_lines = split_lines(body)
    for seg in text_segments(body_lines):
        lines = [line.rstrip("\r\n") for line in body_lines[seg.spans[0].line : seg.spans[-1].line + 1]]
        content = escape("\n".join(line.strip() for line in lines))
        tag = "h2" if seg.kind == "heading" else "p"
        blocks.append(f"<{tag}>{content}</{tag}>")
    return "\n".join(blocks) + "\n"


def build(
    project: Project, names: tuple[str, ...] | list[str] = (), *, langs: tuple[str, ...] = (),
    draft: bool = False, formats: tuple[str, ...] = FORMATS, require: str | None = None,
) -> list[Edition]:
    """Build the editions of the named statements (all by default) and the index."""
    editions = []
    verdicts = Verdicts(project.config.cache_dir)
    try:
        for statement in project.statements(names):
            for lang in langs or project.config.languages:
                editions.append(build_edition(project, statement, lang, draft=draft, formats=formats,
                                              require=require, verdicts=verdicts))
    finally:
        verdicts.save()
    index.update(project, editions)
    return editions
