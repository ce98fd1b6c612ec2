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

PROVENANCE_KEYS = ("machine", "memory")
NOTE_KEYS = ("machine", "memory", "translated", "approved", "previous", "glossary", "review")
_NOTE = re.compile(r"^(%s): ?(.*)$" % "|".join(NOTE_KEYS))
_WORD = re.compile(r"\w+(?:[’'-]\w+)*")
# `pybabel update` rewrites translator comments wrapped at 76 columns
# (babel.messages.pofile.write_po) and turns the `#|` fields of an entry that
# is not fuzzy into comments (`# | msgid "…"`).
_BABEL_COMMENT_WIDTH = 76
_PREVIOUS_AS_COMMENT = re.compile(r'^\| ?(?:(msgctxt|msgid|msgid_plural) )?"(.*)"$')


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


def repair_notes(entry: polib.POEntry) -> None:
    """Undo what `pybabel update` does to an entry's comments.

    A note Babel wrapped onto several comment lines is joined again (a line
    continues a note when Babel could not fit its first word on the line
    before), and `# | msgid "…"` comments become the previous fields they were.
    """
    kept: list[str] = []
    previous: dict[str, str] = {}
    field = ""
    in_note = False
    last = ""
    lines = _lines(entry)
    while lines:
        line = lines.pop(0)
        while line.startswith("|") and not _PREVIOUS_AS_COMMENT.match(line) and lines:
            line += " " + lines.pop(0)  # a quoted field Babel wrapped
        quoted = _PREVIOUS_AS_COMMENT.match(line)
        if quoted:
            field = quoted.group(1) or field
            if field:
                previous[field] = previous.get(field, "") + polib.unescape(quoted.group(2))
            in_note = False
            continue
        note = _NOTE.match(line) is not None
        if (in_note and not note and line and len(last) <= _BABEL_COMMENT_WIDTH
                and len(last) + 1 + len(line.split(" ", 1)[0]) > _BABEL_COMMENT_WIDTH):
            kept[-1] += " " + line
        else:
            kept.append(line)
            in_note = note
        last = line
    entry.tcomment = "\n".join(kept)
    for name, value in previous.items():
        if getattr(entry, f"previous_{name}") is None:
            setattr(entry, f"previous_{name}", value)


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


def provenance(entry: polib.POEntry) -> str | None:
    """Where a machine or memory draft came from, as written in its note."""
    found = notes(entry)
    for key in PROVENANCE_KEYS:
        if key in found:
            return f"{key}: {found[key]}"
    return None


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
    """Record a human translation (or a human's acceptance of a draft)."""
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
