"""Counting entries and words by state, for `tflow status` and the index page."""

from __future__ import annotations

from dataclasses import dataclass, field

import polib

from ..project import Project
from .io import read
from .states import State, comments, state, words


@dataclass(frozen=True)
class Counts:
    entries: dict[State, int] = field(default_factory=dict)
    words: dict[State, int] = field(default_factory=dict)

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


def count(catalog: polib.POFile) -> Counts:
    entries = {s: 0 for s in State}
    word_counts = {s: 0 for s in State}
    for entry in catalog:
        if entry.obsolete:
            continue
        current = state(entry)
        entries[current] += 1
        word_counts[current] += words(entry.msgid)
    return Counts(entries, word_counts)


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
            counts = count(read(path, display=project.relative(path)))
            row.update(counts=counts.as_dict(), entries=counts.total_entries, words=counts.total_words,
                       percent_translated=round(counts.percent("translated"), 1),
                       percent_approved=round(counts.percent("approved"), 1),
                       publishable_percent=round(counts.percent(require), 1))
            rows.append(row)
    return rows
