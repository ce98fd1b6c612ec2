"""`tflow build`: catalogs → editions, publishing only what may be published.

A build composes each edition in memory, then writes it in the asked formats:
a complete one into `editions/<lang>/`, an incomplete or embargoed one (with
`--draft`) into `drafts/<lang>/`. Afterwards `shelf.update` removes whatever
is no longer current and rewrites the indexes and feeds.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Callable
from html import escape
from pathlib import Path

import polib

from .. import catalog, storage, ui
from ..catalog import State
from ..errors import StatementError
from ..project import Project
from ..segment import Layout, Segment, Statement, frontmatter
from . import pages, shelf
from .assemble import assemble
from .model import Edition, Missing, Signoff
from .safety import Verdicts

FORMATS = ("md", "html", "pdf", "parallel")
DEFAULT_FORMATS = ("md", "html")
PENDING_CLASS = "tflow-pending"
TAG = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?|/[A-Za-z][A-Za-z0-9-]*\s*|!--.*?--|[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*)>", re.S)

EMBARGOED = "embargoed (remove `embargo:` to publish)"
"""The state of an embargoed statement's place in `Edition.missing`."""


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


def pending_label(state: str, lang: str) -> str:
    """How a draft preview names a block that is not publishable yet, in the reader's language."""
    labels = {
        State.DRAFT.value: ui.tr(lang, "machine draft"),
        State.STALE.value: ui.tr(lang, "outdated translation"),
        State.TRANSLATED.value: ui.tr(lang, "unreviewed"),
    }
    return labels.get(state, ui.tr(lang, "untranslated"))


def _signoff(entries: list[polib.POEntry], text: str, lang: str) -> Signoff | None:
    """Who approved every entry, and each override said in the edition's language `lang`."""
    approvals = [catalog.approval(e) for e in entries]
    if not entries or any(a is None for a in approvals):
        return None
    people: dict[str, str] = {}
    for found in approvals:
        assert found is not None
        people[found.person] = max(people.get(found.person, ""), found.day)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    overrides = tuple(
        ui.tr(lang, "%(person)s (%(day)s) overrode %(checks)s at %(where)s: %(reason)s", person=o.person,
              day=o.day, checks=", ".join(o.checks),
              where=":".join(e.occurrences[0]) if e.occurrences else e.msgid[:40], reason=o.reason)
        for e in entries for o in catalog.overrides(e)
    )
    return Signoff(tuple(sorted(people.items())), digest, overrides)


def _embargo_line(statement: Statement) -> int:
    lines = statement.source.splitlines()
    return next((i + 1 for i, line in enumerate(lines) if line.startswith("embargo:")), 1)


def _render_for(
    statement: Statement, entries: dict[str, polib.POEntry] | None, require: str, draft: bool,
    edition: Edition, verdicts: Verdicts,
) -> Callable[[Segment], str | None]:
    def shown(segment: Segment, text: str | None) -> str | None:
        if segment.layout is Layout.YAML:
            edition.meta[segment.kind] = segment.text if text is None else text
        return text

    def render(segment: Segment) -> str | None:
        if entries is None:
            return shown(segment, None)
        entry = entries.get(segment.text)
        broken: list[str] = []
        if publishable(entry, require):
            assert entry is not None
            if entry.msgstr == segment.text:
                return shown(segment, None)
            broken = verdicts.problems((entry.msgid, entry.msgstr, statement.lang, edition.lang))
            if not broken:
                return shown(segment, neutralise_html(entry.msgstr, entry.msgid))
        current = catalog.state(entry).value if entry is not None else "not extracted"
        reason = current
        if broken:
            reason = f"markup check failed ({', '.join(broken)}); see `tflow check`"
        elif current == State.TRANSLATED.value and require == "approved":
            reason = "not approved"
        edition.missing.append(Missing(f"{statement.path.as_posix()}:{segment.line}", reason))
        if not draft:
            return shown(segment, segment.text)
        return shown(segment, _preview(segment, entry, current, broken, statement, edition.lang, verdicts))

    return render


def _preview(segment: Segment, entry: polib.POEntry | None, current: str, broken: list[str],
             statement: Statement, lang: str, verdicts: Verdicts) -> str:
    """A block that is not publishable, as a draft preview shows it: its draft if safe, marked."""
    text, text_lang = segment.text, statement.lang
    if entry is not None and entry.msgstr and not broken:
        if not verdicts.problems((entry.msgid, entry.msgstr, statement.lang, lang)):
            text, text_lang = neutralise_html(entry.msgstr, entry.msgid), lang
    if text_lang == statement.lang:
        current = State.UNTRANSLATED.value
    if segment.layout is Layout.YAML:
        return text
    if statement.format == "text":  # no markup in a text edition: the mark is words
        return f"[{pending_label(current, lang)}] {text}"
    label = escape(pending_label(current, lang))
    return f'<span class="{PENDING_CLASS}" data-state="{current}" lang="{text_lang}" title="{label}">{text}</span>'


def compose(
    project: Project, statement: Statement, lang: str, *, draft: bool = False,
    require: str | None = None, verdicts: Verdicts | None = None,
) -> Edition:
    """One edition in memory: its text, metadata, what is missing and its sign-off."""
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
            if e.msgstr and e.msgstr != e.msgid and (draft or publishable(e, rule))
        )
    if statement.embargo:
        edition.missing.append(Missing(f"{statement.path.as_posix()}:{_embargo_line(statement)}", EMBARGOED))
    text = assemble(statement, _render_for(statement, entries, rule, draft, edition, verdicts))
    for key, value in statement.meta.items():
        if isinstance(value, str) and key not in edition.meta:
            edition.meta[key] = value
    if own_verdicts:
        verdicts.save()
    edition.text = frontmatter.with_language(text, lang) if lang != statement.lang else text
    edition.draft = bool(edition.missing)
    if entries is not None and not edition.missing:
        edition.signoff = _signoff(catalog_entries, edition.text, edition.lang)
    return edition


def write(project: Project, edition: Edition, formats: tuple[str, ...],
          alternates: dict[str, str], paper: str) -> None:
    """Write a composed edition in `formats`; `alternates` maps languages to their HTML files."""
    def target(suffix: str) -> Path:
        return project.edition_path(edition.lang, edition.slug, suffix, draft=edition.draft)

    statement = edition.statement
    if "md" in formats:
        signed = edition.text
        if edition.signoff and statement.format == "markdown":
            shown = ui.tr(edition.lang, "approved by %(signoff)s", signoff=edition.signoff)
            signed += f"\n<!-- {shown.replace('--', '- -')} -->\n"
        storage.write_text(target(statement.suffix), signed)
        edition.written.append(target(statement.suffix))
    if not {"html", "pdf", "parallel"} & set(formats):
        return
    page = pages.Page.of(edition, alternates, paper)
    variants = [(".html", "html" in formats, False), (".pdf", "pdf" in formats, False)]
    if "parallel" in formats and edition.lang != statement.lang:
        variants += [(".parallel.html", True, True), (".parallel.pdf", "pdf" in formats, True)]
    for suffix, wanted, parallel in variants:
        if not wanted:
            continue
        if suffix.endswith(".pdf"):
            pages.write_pdf(page, target(suffix), parallel=parallel)
        else:
            storage.write_text(target(suffix), pages.html(page, parallel=parallel))
        edition.written.append(target(suffix))


def build_edition(
    project: Project, statement: Statement, lang: str, *, draft: bool = False,
    formats: tuple[str, ...] = DEFAULT_FORMATS, require: str | None = None, verdicts: Verdicts | None = None,
) -> Edition:
    """Build one edition; an incomplete one is written only as a draft (no index, no cleaning)."""
    edition = compose(project, statement, lang, draft=draft, require=require, verdicts=verdicts)
    if edition.missing and not draft:
        return edition
    write(project, edition, formats, {}, project.config.paper)
    return edition


def build(
    project: Project, names: tuple[str, ...] | list[str] = (), *, langs: tuple[str, ...] = (),
    draft: bool = False, formats: tuple[str, ...] = DEFAULT_FORMATS, require: str | None = None,
) -> list[Edition]:
    """Build the editions of the named statements (all by default), clean up, rewrite the indexes.

    When a build changes which languages of a statement are published, its other
    published editions are rebuilt too, so that no page links to an edition
    that is gone or misses one that is new.
    """
    editions: list[Edition] = []
    verdicts = Verdicts(project.config.cache_dir)
    published = shelf.load(project, draft=False)
    paper = project.config.paper
    try:
        for statement in project.statements(names):
            if statement.slug == "index":
                raise StatementError("the name `index` is taken by the language indexes "
                                     "(editions/<lang>/index.html); rename the statement", path=statement.path)
            wanted = langs or project.config.languages
            composed = [compose(project, statement, lang, draft=draft, require=require, verdicts=verdicts)
                        for lang in wanted]
            before = published.languages(statement.slug)
            after = (before - set(wanted)) | {e.lang for e in composed if not e.draft}
            others = [compose(project, statement, lang, require=require, verdicts=verdicts)
                      for lang in sorted(before - set(wanted))] if after != before else []
            after -= {e.lang for e in others if e.missing}
            jobs = [(e, formats) for e in composed if draft or not e.draft]
            jobs += [(e, published.formats(statement.slug, e.lang)) for e in others if not e.missing]
            pages_of = {(e.lang, e.draft) for e, asked in jobs if "html" in asked}
            pages_of |= {(lang, False) for lang in after - {e.lang for e, _ in jobs}
                         if "html" in published.formats(statement.slug, lang)}
            for edition, asked in jobs:
                write(project, edition, asked, _alternates(project, edition, pages_of), paper)
            editions.extend(composed)
            editions.extend(others)
    finally:
        verdicts.save()
    shelf.update(project, editions)
    return [e for e in editions if e.lang in (langs or project.config.languages)]


def _alternates(project: Project, edition: Edition, pages_of: set[tuple[str, bool]]) -> dict[str, str]:
    """The HTML editions of the statement in each language, relative to this edition's page.

    A published page links to published pages only; a draft prefers the other
    drafts, and falls back to the published edition of a language.
    """
    here = project.edition_path(edition.lang, edition.slug, ".html", draft=edition.draft).parent
    found = {}
    for lang in project.config.languages:
        for draft in ((True, False) if edition.draft else (False,)):
            if (lang, draft) in pages_of:
                target = project.edition_path(lang, edition.slug, ".html", draft=draft)
                found[lang] = posixpath.relpath(target, here)
                break
    return found
