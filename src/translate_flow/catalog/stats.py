"""Counting entries and words by state, for `tflow status` and the index page;
weak drafts counted and listed weakest first."""

from __future__ import annotations

from dataclasses import dataclass, field

import polib

from ..project import Project
from .io import read
from .drafts import draft_report, weak_first
from .states import Conflict, State, comments, conflicts, in_conflict, state, words

WEAKEST_SHOWN = 5


@dataclass(frozen=True)
class Counts:
    entries: dict[State, int] = field(default_factory=dict)
    words: dict[State, int] = field(default_factory=dict)
    weak: int = 0  # drafts whose quality figure is below `drafts.WEAK_QUALITY`

    @property
    def total_entries(self) -> int:
        return sum(self.entries.values())

    @property
    def total_words(self) -> int:
        return sum(self.words.values())

    def done(self, require: str = "translated") -> int:
        """Words publishable under `require` ("translated" includes approved)."""
        if require == "approved":
            return self.words.get(State.APPROVED, 0)
        return self.words.get(State.TRANSLATED, 0) + self.words.get(State.APPROVED, 0)

    def percent(self, require: str = "translated") -> float:
        total = self.total_words
        return 100.0 * self.done(require) / total if total else 100.0

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {
            s.value: {"entries": self.entries.get(s, 0), "words": self.words.get(s, 0)}
            for s in State
        }


@dataclass(frozen=True)
class ConflictEntry:
    """An entry a merge left with competing versions, for someone to choose between."""

    catalog: str
    line: int
    msgid: str
    versions: tuple[Conflict, ...]

    @property
    def where(self) -> str:
        return f"{self.catalog}:{self.line}"


def conflict_entries(catalog: polib.POFile, shown: str) -> list[ConflictEntry]:
    return [ConflictEntry(shown, int(entry.linenum or 0), entry.msgid, tuple(conflicts(entry)))
            for entry in catalog if not entry.obsolete and in_conflict(entry)]


def count(catalog: polib.POFile) -> Counts:
    entries = {s: 0 for s in State}
    word_counts = {s: 0 for s in State}
    weak = 0
    for entry in catalog:
        if entry.obsolete:
            continue
        current = state(entry)
        entries[current] += 1
        word_counts[current] += words(entry.msgid)
        weak += current is State.DRAFT and draft_report(entry).weak
    return Counts(entries, word_counts, weak)


def weakest(catalog: polib.POFile, limit: int = WEAKEST_SHOWN) -> list[polib.POEntry]:
    """The weak drafts of a catalog, weakest first (at most `limit`)."""
    drafts = [e for e in catalog if not e.obsolete and weak_first(e)[0] == 0]
    return sorted(drafts, key=weak_first)[:limit]


def _weak_row(entry: polib.POEntry) -> dict[str, object]:
    report = draft_report(entry)
    return {"line": entry.linenum, "quality": report.quality, "msgid": entry.msgid,
            "unknown": list(report.defects), "ambiguous": [str(item) for item in report.ambiguous]}


def comment_rows(project: Project, statements: tuple[str, ...] | list[str] = ()) -> list[dict[str, str]]:
    """Every comment left on an entry, per statement and language, in catalog order (`tflow status`)."""
    rows: list[dict[str, str]] = []
    for statement in project.statements(statements):
        for lang in project.target_languages(statement):
            path = project.catalog_path(statement.slug, lang)
            if not path.exists():
                continue
            for entry in read(path, display=project.relative(path)):
                if entry.obsolete:
                    continue
                reference = ":".join(entry.occurrences[0]) if entry.occurrences else ""
                rows += [{"statement": statement.slug, "lang": lang, "reference": reference,
                          "msgid": entry.msgid, "person": c.person, "day": c.day, "text": c.text}
                         for c in comments(entry)]
    return rows


def progress(project: Project, statements: tuple[str, ...] | list[str] = ()) -> list[dict[str, object]]:
    """Per statement and target language: counts by state and percent done (`tflow status`)."""
    rows: list[dict[str, object]] = []
    require = project.config.publish_require
    for statement in project.statements(statements):
        for lang in project.target_languages(statement):
            path = project.catalog_path(statement.slug, lang)
            row: dict[str, object] = {"statement": statement.slug, "lang": lang,
                                      "catalog": project.relative(path)}
            if not path.exists():
                row["error"] = "not extracted"
                rows.append(row)
                continue
            po = read(path, display=project.relative(path))
            counts = count(po)
            row["conflicts"] = [{"line": c.line, "msgid": c.msgid,
                                 "authors": [v.author for v in c.versions]}
                                for c in conflict_entries(po, project.relative(path))]
            row.update(counts=counts.as_dict(), entries=counts.total_entries, words=counts.total_words,
                       weak=counts.weak, weakest=[_weak_row(e) for e in weakest(po)],
                       percent_translated=round(counts.percent("translated"), 1),
                       percent_approved=round(counts.percent("approved"), 1),
                       publishable_percent=round(counts.percent(require), 1))
            rows.append(row)
    return rows


def project_conflicts(project: Project, statements: tuple[str, ...] | list[str] = ()) -> list[ConflictEntry]:
    """Every entry of the project's catalogs that a merge left to review."""
    found: list[ConflictEntry] = []
    for statement in project.statements(statements):
        for lang in project.target_languages(statement):
            path = project.catalog_path(statement.slug, lang)
            if path.exists():
                found += conflict_entries(read(path, display=project.relative(path)), project.relative(path))
    return found
