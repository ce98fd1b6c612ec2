"""What a machine draft's provenance note says about it: unknown words, broken forms, guessed senses, quality.

The note is one line, ``# machine: pivot apertium from ru 2026-12-02; unknown: Майдане;
errors: російський; ambiguous: стоим→коштуємо (стояти); quality: 0.67``, read by
`states.provenance` (its origin) and here (its defects), so reviewers, `tflow status`,
packets and the web pages show the same report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import polib

from ..text import mark_words
from .states import State, _provenance_parts, state

WEAK_QUALITY = 0.9
"""A draft whose quality figure is below this needs more than a light edit."""

_AMBIGUITY = re.compile(r"^(?P<source>[^→()]+?)→(?P<draft>[^→()]+?) \((?P<others>[^()]+)\)$")


@dataclass(frozen=True)
class Ambiguity:
    """A word of the source the engine read one way where its dictionary has other senses.

    ``стоим→коштуємо (стояти)``: the source word, the word the draft has for it
    (the engine's guess), and the other senses' translations (lemmas). The
    reviewer decides which one the statement means.
    """

    source: str
    draft: str
    others: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.source}→{self.draft} ({'|'.join(self.others)})"

    @classmethod
    def parse(cls, text: str) -> Ambiguity | None:
        """The ambiguity `str` wrote, or None for text of another shape."""
        found = _AMBIGUITY.match(text.strip())
        if found is None:
            return None
        others = tuple(other for other in found["others"].split("|") if other)
        return cls(found["source"], found["draft"], others) if others else None


@dataclass(frozen=True)
class DraftReport:
    """What a draft's provenance note says: where it came from and what is wrong with it.

    `unknown` are words the engine did not know (left as in the source),
    `errors` words it could not inflect, `ambiguous` the words whose sense it
    guessed (`Ambiguity`); `quality` is the share of the draft's words the
    engine knew and the checks passed (None when not recorded).
    """

    origin: str | None = None
    unknown: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    quality: float | None = None
    ambiguous: tuple[Ambiguity, ...] = ()

    @property
    def weak(self) -> bool:
        return self.quality is not None and self.quality < WEAK_QUALITY

    @property
    def defects(self) -> tuple[str, ...]:
        """Every word the engine marked, unknown first."""
        return tuple(dict.fromkeys(self.unknown + self.errors))

    @property
    def guessed(self) -> tuple[str, ...]:
        """The draft's words for the source words whose sense the engine guessed."""
        return tuple(dict.fromkeys(item.draft for item in self.ambiguous))

    def highlight(self, msgstr: str) -> tuple[tuple[str, bool], ...]:
        """`msgstr` in pieces, True for the words the engine marked or guessed (for a page to highlight)."""
        return mark_words(msgstr, self.defects + self.guessed)


def provenance_note(origin: str, report: DraftReport) -> str:
    """``machine: apertium 2026-12-01; unknown: Майдане, ради; ambiguous: стоим→коштуємо (стояти);
    quality: 0.82``.

    `origin` is ``"<key>: <details>"`` with key ``machine`` or ``memory``.
    """
    parts = [origin]
    if report.unknown:
        parts.append("unknown: " + ", ".join(report.unknown))
    if report.errors:
        parts.append("errors: " + ", ".join(report.errors))
    if report.ambiguous:
        parts.append("ambiguous: " + ", ".join(str(item) for item in report.ambiguous))
    if report.quality is not None:
        parts.append(f"quality: {report.quality:.2f}")
    return "; ".join(parts)


def _word_list(value: str | None) -> tuple[str, ...]:
    return tuple(word for word in (value or "").split(", ") if word)


def draft_report(entry: polib.POEntry) -> DraftReport:
    """The origin, unknown words, generation errors, ambiguities and quality recorded with an entry."""
    parts = _provenance_parts(entry)
    if parts is None:
        return DraftReport()
    origin, extra = parts
    try:
        quality: float | None = float(extra["quality"]) if "quality" in extra else None
    except ValueError:
        quality = None
    ambiguous = tuple(found for item in _word_list(extra.get("ambiguous"))
                      if (found := Ambiguity.parse(item)) is not None)
    return DraftReport(origin, _word_list(extra.get("unknown")), _word_list(extra.get("errors")), quality,
                       ambiguous)


def weak_first(entry: polib.POEntry) -> tuple[int, float]:
    """A sort key that puts weak drafts first, weakest first; the rest keep their order."""
    if state(entry) is State.DRAFT:
        report = draft_report(entry)
        if report.weak and report.quality is not None:
            return (0, report.quality)
    return (1, 0.0)
