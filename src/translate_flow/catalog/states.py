"""Entry states and the workflow notes that carry them inside standard PO comments.

An entry's state is read from gettext's own fields plus `key: value` lines in
its translator comment (``# approved: taras 2026-11-25 1a2b3c4d5e6f``), which
msgmerge, Poedit and polib all preserve. Approval is bound to a hash of the
msgstr: an edit in any editor makes the hash stale and the entry "translated".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from enum import Enum

import polib

from ..errors import ReviewError
from ..text import mark_words

PROVENANCE_KEYS = ("machine", "memory")
DEFECT_KEYS = ("unknown", "errors", "quality")
"""What a provenance note may carry after its origin, each as ``; key: value``."""
WEAK_QUALITY = 0.9
"""A draft whose quality figure is below this needs more than a light edit."""
NOTE_KEYS = ("machine", "memory", "translated", "approved", "previous", "glossary", "review")
_NOTE = re.compile(r"^(%s): ?(.*)$" % "|".join(NOTE_KEYS))
_WORD = re.compile(r"\w+(?:[’'-]\w+)*")


class State(Enum):
    UNTRANSLATED = "untranslated"
    DRAFT = "draft"
    STALE = "stale"
    TRANSLATED = "translated"
    APPROVED = "approved"

    @property
    def pending(self) -> bool:
        """Work is left: a person must translate or check it."""
        return self is not State.APPROVED


@dataclass(frozen=True)
class Approval:
    person: str
    day: str
    digest: str


def words(text: str) -> int:
    return len(_WORD.findall(text))


def msgstr_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def today() -> str:
    return dt.date.today().isoformat()


def _lines(entry: polib.POEntry) -> list[str]:
    return entry.tcomment.split("\n") if entry.tcomment else []


def notes(entry: polib.POEntry) -> dict[str, str]:
    """The workflow notes of an entry, by key (the last one wins)."""
    found: dict[str, str] = {}
    for line in _lines(entry):
        match = _NOTE.match(line)
        if match:
            found[match.group(1)] = match.group(2)
    return found


def set_note(entry: polib.POEntry, key: str, value: str | None) -> None:
    """Replace (or with None, remove) the note `key`; other comment lines stay."""
    assert key in NOTE_KEYS, key
    kept = [line for line in _lines(entry) if not line.startswith(f"{key}:")]
    if value is not None:
        kept.append(f"{key}: {value}".replace("\n", "\\n"))
    entry.tcomment = "\n".join(kept)


def approval(entry: polib.POEntry) -> Approval | None:
    """The approval note, if there is one and it still matches the msgstr."""
    note = notes(entry).get("approved")
    if not note:
        return None
    parts = note.split()
    if len(parts) != 3 or parts[2] != msgstr_hash(entry.msgstr):
        return None
    return Approval(parts[0], parts[1], parts[2])


def translator(entry: polib.POEntry) -> str | None:
    note = notes(entry).get("translated")
    return note.split()[0] if note else None


@dataclass(frozen=True)
class DraftReport:
    """What a draft's provenance note says: where it came from and what is wrong with it.

    `unknown` are words the engine did not know (left as in the source),
    `errors` words it could not inflect; `quality` is the share of the draft's
    words the engine knew and the checks passed (None when not recorded).
    """

    origin: str | None = None
    unknown: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    quality: float | None = None

    @property
    def weak(self) -> bool:
        return self.quality is not None and self.quality < WEAK_QUALITY

    @property
    def defects(self) -> tuple[str, ...]:
        """Every word the engine marked, unknown first."""
        return tuple(dict.fromkeys(self.unknown + self.errors))

    def highlight(self, msgstr: str) -> tuple[tuple[str, bool], ...]:
        """`msgstr` in pieces, True for the words the engine marked (for a page to highlight)."""
        return mark_words(msgstr, self.defects)


def provenance_note(origin: str, report: DraftReport) -> str:
    """``machine: apertium 2026-12-01; unknown: Майдане, ради; quality: 0.82``.

    `origin` is ``"<key>: <details>"`` with key ``machine`` or ``memory``.
    """
    parts = [origin]
    if report.unknown:
        parts.append("unknown: " + ", ".join(report.unknown))
    if report.errors:
        parts.append("errors: " + ", ".join(report.errors))
    if report.quality is not None:
        parts.append(f"quality: {report.quality:.2f}")
    return "; ".join(parts)


def _provenance_parts(entry: polib.POEntry) -> tuple[str, dict[str, str]] | None:
    found = notes(entry)
    for key in PROVENANCE_KEYS:
        if key in found:
            head, *rest = found[key].split("; ")
            extra: dict[str, str] = {}
            for part in rest:
                name, sep, value = part.partition(": ")
                if sep and name in DEFECT_KEYS:
                    extra[name] = value
                else:
                    head = f"{head}; {part}"  # not ours: part of the origin's own text
            return f"{key}: {head}", extra
    return None


def provenance(entry: polib.POEntry) -> str | None:
    """Where a machine or memory draft came from (``machine: apertium 2026-12-01``)."""
    parts = _provenance_parts(entry)
    return parts[0] if parts else None


def _word_list(value: str | None) -> tuple[str, ...]:
    return tuple(word for word in (value or "").split(", ") if word)


def draft_report(entry: polib.POEntry) -> DraftReport:
    """The origin, unknown words, generation errors and quality recorded with an entry."""
    parts = _provenance_parts(entry)
    if parts is None:
        return DraftReport()
    origin, extra = parts
    try:
        quality: float | None = float(extra["quality"]) if "quality" in extra else None
    except ValueError:
        quality = None
    return DraftReport(origin, _word_list(extra.get("unknown")), _word_list(extra.get("errors")), quality)


def weak_first(entry: polib.POEntry) -> tuple[int, float]:
    """A sort key that puts weak drafts first, weakest first; the rest keep their order."""
    if state(entry) is State.DRAFT:
        report = draft_report(entry)
        if report.weak and report.quality is not None:
            return (0, report.quality)
    return (1, 0.0)


def state(entry: polib.POEntry) -> State:
    if not entry.msgstr:
        return State.UNTRANSLATED
    if "fuzzy" in entry.flags:
        return State.STALE if entry.previous_msgid else State.DRAFT
    if approval(entry) is not None:
        return State.APPROVED
    return State.TRANSLATED


def _unfuzzy(entry: polib.POEntry) -> None:
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    entry.previous_msgid = None
    entry.previous_msgctxt = None


def set_draft(entry: polib.POEntry, text: str, source: str) -> None:
    """Fill an entry with a machine or memory draft: fuzzy, with its provenance note.

    `source` is ``"<key>: <details>"`` with key ``machine`` or ``memory``.
    """
    key, _, details = source.partition(":")
    assert key in PROVENANCE_KEYS, source
    entry.msgstr = text
    if "fuzzy" not in entry.flags:
        entry.flags.insert(0, "fuzzy")
    for other in PROVENANCE_KEYS:
        set_note(entry, other, None)
    set_note(entry, key, details.strip())
    set_note(entry, "translated", None)
    set_note(entry, "approved", None)


def set_translation(entry: polib.POEntry, text: str, person: str, day: str | None = None) -> None:
    """Record a human translation (or a human's acceptance of a draft).

    The engine's list of defects goes: it described the draft, not what a person vouched for.
    """
    origin = provenance(entry)
    if origin is not None:
        key, _, details = origin.partition(": ")
        set_note(entry, key, details)
    entry.msgstr = text
    _unfuzzy(entry)
    set_note(entry, "previous", None)
    set_note(entry, "translated", f"{person} {day or today()}")
    set_note(entry, "approved", None)


def approve(entry: polib.POEntry, person: str, day: str | None = None, *, two_people: bool = True) -> None:
    """Approve the entry's current msgstr as `person`; refuse what the rules forbid."""
    current = state(entry)
    if current in (State.UNTRANSLATED, State.DRAFT, State.STALE):
        raise ReviewError(
            f"cannot approve an entry that is {current.value}; translate or accept it first"
        )
    if two_people and translator(entry) == person:
        raise ReviewError(
            f"{person} translated this entry and cannot approve it too "
            "([review] two_people = true)"
        )
    set_note(entry, "approved", f"{person} {day or today()} {msgstr_hash(entry.msgstr)}")


def fingerprint(entry: polib.POEntry) -> str:
    """A short hash of everything a reviewer's decision depends on."""
    parts = [
        entry.msgctxt or "",
        entry.msgid,
        entry.msgstr,
        "fuzzy" if "fuzzy" in entry.flags else "",
        notes(entry).get("approved", ""),
        notes(entry).get("translated", ""),
    ]
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:16]
