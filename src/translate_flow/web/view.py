"""What a reviewer sees of a statement, as plain JSON-ready data.

The server page and the offline sheet both render this same data with the same
scripts (`static/*.js`), so the two views cannot drift apart. The data carries
text only; the script puts it in the page as text nodes, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import polib

from .. import catalog, checks, locales
from ..catalog import State
from ..checks.catalogs import entry_pair
from ..glossary import Glossary, Term
from ..project import Project
from ..review.decisions import entry_review, permission
from ..review.people import Person
from ..segment import Statement
from .diff import word_diff

JSON = dict[str, Any]
ProblemFinder = Callable[[polib.POEntry, str, str], list[checks.Problem]]


@dataclass(frozen=True)
class Context:
    """What every entry view needs besides the entry: glossary, check runner, review rule."""

    glossary: Glossary
    problems: ProblemFinder
    two_people: bool = True

    @classmethod
    def load(cls, project: Project) -> Context:
        glossary = Glossary.load(project.config.glossary_path)
        return cls(glossary, problem_finder(glossary, checks.load_settings(project.config)),
                   project.config.two_people)


def problem_finder(glossary: Glossary, settings: checks.CheckSettings) -> ProblemFinder:
    """The project's quality checks as a function of (entry, source, target).

    The entry is judged as `review.decisions` judges it (`entry_pair`: a draft
    with its engine's unknown words), so what the page says must be overridden
    is what the server then asks for.
    """

    def find(entry: polib.POEntry, source: str, target: str) -> list[checks.Problem]:
        if not entry.msgstr:
            return []
        return list(checks.run(entry_pair(entry, source, target, glossary, settings)))

    return find


def language_names(project: Project) -> dict[str, str]:
    """Each project language's name in itself (``Українська``), for column headings."""
    return {code: locales.name(code) for code in project.config.languages}


def progress(po: polib.POFile | None) -> JSON:
    """Entries and words by state, the numbers behind a progress bar."""
    if po is None:
        return {"entries": {}, "words": {}, "total_entries": 0, "total_words": 0}
    counts = catalog.count(po)
    return {
        "entries": {s.value: counts.entries.get(s, 0) for s in State},
        "words": {s.value: counts.words.get(s, 0) for s in State},
        "total_entries": counts.total_entries,
        "total_words": counts.total_words,
    }


def _term(term: Term, source: str, lang: str) -> JSON:
    return {
        "source": term.text(source) or term.name,
        "target": term.text(lang),
        "note": term.note,
        "forbidden": list(term.forbidden_for(lang)),
        "keep": term.dnt,
    }


def draft_view(entry: polib.POEntry) -> JSON | None:
    """The draft's defects for a page: its text in pieces (marked words flagged), quality.

    The pieces come from `DraftReport.highlight`; a marked piece is ``"unknown"``
    (a word the engine did not know), ``"error"`` (one it could not inflect) or
    ``"ambiguous"`` (the engine's guess among a source word's senses, listed in
    `ambiguous` with the others). The page puts every piece in as text, so
    nothing in a draft is markup.
    """
    report = catalog.draft_report(entry)
    if report.origin is None or not entry.msgstr:
        return None
    kinds = {word.casefold(): "ambiguous" for word in report.guessed}
    kinds.update({word.casefold(): "error" for word in report.errors})
    kinds.update({word.casefold(): "unknown" for word in report.unknown})
    pieces = [[text, kinds[text.casefold()] if marked else None]
              for text, marked in report.highlight(entry.msgstr)]
    return {
        "pieces": pieces,
        "unknown": list(report.unknown),
        "errors": list(report.errors),
        "ambiguous": [{"source": a.source, "draft": a.draft, "others": list(a.others)}
                      for a in report.ambiguous],
        "marked": bool(report.defects or report.guessed),
        "quality": report.quality,
        "weak": report.weak,
    }


def own_edit(entry: polib.POEntry, person: Person, lang: str, two_people: bool) -> JSON:
    """Whether `person` may approve the entry once it holds text they wrote themselves.

    The offline sheet asks this (computed when the sheet is made) instead of
    copying the two-people rule: it is the review library's verdict on a copy
    of the entry with the person's own text in it.
    """
    mine = polib.POEntry(msgid=entry.msgid)
    catalog.set_translation(mine, entry.msgstr or entry.msgid, person.name)
    verdict = permission(mine, person, lang, two_people=two_people, errors=[])
    return {"may_approve": verdict.may_approve, "reason": verdict.reason}


def entry_view(
    entry: polib.POEntry, source: str, lang: str, context: Context, person: Person,
    third: polib.POEntry | None = None,
) -> JSON:
    """One catalog entry as `person` sees it: text, state, who, why, what to watch, what they may do.

    Whether the person may approve it (and why not, what must be overridden,
    the comments and overrides on it) is the review library's verdict
    (`review.decisions.entry_review`), so the page carries no copy of the rule.
    """
    current = catalog.state(entry)
    found = catalog.approval(entry)
    note = catalog.notes(entry).get("previous")
    problems = context.problems(entry, source, lang)
    errors = [p for p in problems if p.severity == checks.ERROR]
    return {
        **entry_review(entry, person, lang, two_people=context.two_people, errors=errors),
        "msgid": entry.msgid,
        "msgstr": entry.msgstr,
        "state": current.value,
        "fingerprint": catalog.fingerprint(entry),
        "provenance": catalog.provenance(entry),
        "translator": catalog.translator(entry),
        "approval": {"person": found.person, "day": found.day} if found else None,
        "previous": note,
        "diff": word_diff(entry.previous_msgid, entry.msgid)
        if current is State.STALE and entry.previous_msgid else None,
        "problems": [{"check": p.check, "severity": p.severity, "message": p.message} for p in problems],
        "glossary": [_term(t, source, lang) for t in context.glossary.terms_in(entry.msgid, source)],
        "words": catalog.words(entry.msgid),
        "draft": draft_view(entry),
        "own_edit": own_edit(entry, person, lang, context.two_people),
        "third": None if third is None else {"msgstr": third.msgstr, "state": catalog.state(third).value},
    }


def _entries(po: polib.POFile | None) -> dict[str, polib.POEntry]:
    if po is None:
        return {}
    return {e.msgid: e for e in po if not e.obsolete and e.msgid}


def read_catalog(project: Project, slug: str, lang: str) -> polib.POFile | None:
    """The catalog, or None when it has not been extracted yet."""
    path = project.catalog_path(slug, lang)
    if not path.exists():
        return None
    return catalog.read(path, display=project.relative(path))


def statement_view(
    project: Project, statement: Statement, lang: str, person: Person, context: Context,
    *, third: str | None = None,
) -> JSON:
    """The whole statement in document order, with one editable entry per distinct segment.

    A block that repeats an earlier one shares its entry, so it is shown once
    in full and then as a repeat pointing to the first occurrence.
    """
    po = read_catalog(project, statement.slug, lang)
    entries = _entries(po)
    third_entries = _entries(read_catalog(project, statement.slug, third)) if third else {}
    views: list[JSON] = []
    weakness: list[tuple[int, float]] = []
    index: dict[str, int] = {}
    rows: list[JSON] = []
    for segment in statement.segments:
        entry = entries.get(segment.text)
        if entry is None:
            rows.append({"line": segment.line, "kind": segment.kind, "text": segment.text, "entry": None})
            continue
        if segment.text in index:
            rows.append({"line": segment.line, "kind": segment.kind, "entry": index[segment.text],
                         "repeat": True})
            continue
        index[segment.text] = len(views)
        weakness.append(catalog.weak_first(entry))
        view = entry_view(entry, statement.lang, lang, context, person, third_entries.get(segment.text))
        view["line"] = segment.line
        view["kind"] = segment.kind
        views.append(view)
        rows.append({"line": segment.line, "kind": segment.kind, "entry": index[segment.text],
                     "repeat": False})
    return {
        "slug": statement.slug,
        "title": statement.title,
        "source_lang": statement.lang,
        "lang": lang,
        "third": third,
        "third_options": [code for code in project.target_languages(statement) if code != lang],
        "names": language_names(project),
        "catalog": project.relative(project.catalog_path(statement.slug, lang)),
        "extracted": po is not None,
        "person": person.name,
        "can_edit": person.can_edit(lang),
        "can_translate": person.can_translate(lang),
        "can_approve": person.can_review(lang),
        "two_people": project.config.two_people,
        "progress": progress(po),
        "rows": rows,
        "entries": views,
        "weak_first": sorted(range(len(views)), key=weakness.__getitem__),
    }
