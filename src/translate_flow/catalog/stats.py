"""Counting entries and words by state, for `tflow status` and the index page."""

from __future__ import annotations

from dataclasses import dataclass, field

import polib

from .states import State, state, words


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
