"""Entry states and the workflow notes that carry them inside standard PO comments.

An entry's state is read from gettext's own fields plus `key: value` lines in
its translator comment (``# approved: taras 2026-11-25 1a2b3c4d5e6f``), which
msgmerge, Poedit and polib all preserve. Approval is bound to a hash of the
msgstr: an edit in any editor makes the hash stale and the entry "translated".
The translator of record is bound the same way (``# translated: olena
2026-11-25 1a2b3c4d5e6f``): text changed since, in any editor or by a merge,
has an unknown author.

A merge that could not choose between two people's texts leaves the entry fuzzy
with one line per version: ``# conflict: olena 2026-12-02 text`` (see
`git.driver`); choosing a version through tflow removes them.

Review records that accumulate are one self-contained line each, so that they
survive merges and editors: ``# comment: olena 2026-11-25 text`` (a question or
an answer on the entry) and ``# override: taras 2026-11-25 1a2b3c4d5e6f
letters,numbers: reason`` (an error-level check problem accepted on purpose,
bound by `pair_hash` to the source and text it was accepted for).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from enum import Enum

import polib
from rapidfuzz.distance import LCSseq

from ..errors import ReviewError
from ..ui.message import Message

PROVENANCE_KEYS = ("machine", "memory")
DEFECT_KEYS = ("unknown", "errors", "ambiguous", "quality")
"""What a provenance note may carry after its origin, each as ``; key: value``."""
NOTE_KEYS = ("machine", "memory", "translated", "approved", "previous", "glossary", "review",
             "suggested", "comment", "override", "conflict")
LIST_KEYS = ("comment", "override", "conflict")
"""Notes that may occur many times on one entry; `notes` reports only their last line."""
BOUND_KEYS = ("machine", "memory", "translated", "previous", "glossary", "suggested")
"""Notes that describe the msgstr they sit beside: where it came from, who wrote it."""
_CONFLICT = re.compile(r"^(.+?) (\d{4}-\d\d-\d\d):(?: (.*))?$")
_NOTE = re.compile(r"^(%s): ?(.*)$" % "|".join(NOTE_KEYS))
REPLACED_BELOW = 0.5
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
class Signed:
    """A note ``<person> <day> <hash of msgstr>`` that still matches the msgstr."""

    person: str
    day: str
    digest: str


class Approval(Signed):
    """Who approved the current msgstr."""


class Authorship(Signed):
    """The translator of record: who wrote the current msgstr."""


@dataclass(frozen=True)
class Comment:
    """A question or an answer someone left on an entry."""

    person: str
    day: str
    text: str


@dataclass(frozen=True)
class Conflict:
    """One competing version of an entry that a merge could not choose between."""

    author: str
    day: str
    text: str


@dataclass(frozen=True)
class Override:
    """Error-level check problems a person accepted on purpose, for one text, with why."""

    person: str
    day: str
    digest: str
    checks: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class Verdict:
    """Whether `person` may approve the entry now, under the two-people rule.

    `adopt` means the text has no translator of record (written in an editor, by
    hand, by a merge): approving it makes the person its translator of record,
    and with two people a second reviewer must approve it.
    """

    allowed: bool
    reason: Message | None = None
    adopt: bool = False


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


def _signed(entry: polib.POEntry, key: str) -> tuple[str, str, str] | None:
    note = notes(entry).get(key)
    parts = note.split() if note else []
    if len(parts) != 3 or parts[2] != msgstr_hash(entry.msgstr):
        return None
    return parts[0], parts[1], parts[2]


def approval(entry: polib.POEntry) -> Approval | None:
    """The approval note, if there is one and it still matches the msgstr."""
    found = _signed(entry, "approved")
    return Approval(*found) if found else None


def authorship(entry: polib.POEntry) -> Authorship | None:
    """The translator of record, if the note is there and still matches the msgstr."""
    found = _signed(entry, "translated")
    return Authorship(*found) if found else None


def translator(entry: polib.POEntry) -> str | None:
    """Who wrote the current msgstr; None when nobody is on record for this text."""
    found = authorship(entry)
    return found.person if found else None


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def _list_notes(entry: polib.POEntry, key: str) -> list[str]:
    prefix = f"{key}:"
    return [line[len(prefix):].strip() for line in _lines(entry) if line.startswith(prefix)]


def add_note(entry: polib.POEntry, key: str, value: str) -> bool:
    """Append one line of a many-times note (`LIST_KEYS`); False when that exact line is there."""
    assert key in LIST_KEYS, key
    line = f"{key}: {value}"
    lines = _lines(entry)
    if line in lines:
        return False
    entry.tcomment = "\n".join([*lines, line])
    return True


def comments(entry: polib.POEntry) -> list[Comment]:
    """The entry's comments in the order they were written."""
    found = []
    for value in _list_notes(entry, "comment"):
        parts = value.split(" ", 2)
        if len(parts) == 3:
            found.append(Comment(parts[0], parts[1], _unescape(parts[2])))
    return found


def add_comment(entry: polib.POEntry, person: str, text: str, day: str | None = None) -> bool:
    """Leave a comment on the entry; False when the person already left this same text."""
    text = text.strip()
    if not text:
        raise ReviewError("an empty comment cannot be recorded; write the question or answer")
    if any(c.person == person and c.text == text for c in comments(entry)):
        return False
    return add_note(entry, "comment", f"{person} {day or today()} {_escape(text)}")


def conflicts(entry: polib.POEntry) -> list[Conflict]:
    """The competing versions recorded by merges (``# conflict: <author> <date>: <text>``)."""
    found = []
    for value in _list_notes(entry, "conflict"):
        match = _CONFLICT.match(value)
        if match:
            found.append(Conflict(match.group(1), match.group(2), _unescape(match.group(3) or "")))
    return found


def add_conflict(entry: polib.POEntry, conflict: Conflict) -> None:
    """Record a competing version; the same author's same text is recorded once."""
    if any((c.author, c.text) == (conflict.author, conflict.text) for c in conflicts(entry)):
        return
    add_note(entry, "conflict", f"{conflict.author} {conflict.day}: {_escape(conflict.text)}")


def in_conflict(entry: polib.POEntry) -> bool:
    """A merge left competing versions here and nobody has chosen yet (it is still fuzzy)."""
    return "fuzzy" in entry.flags and bool(_list_notes(entry, "conflict"))


def pair_hash(entry: polib.POEntry) -> str:
    """A short hash of the entry's source and translation: what a check problem depends on."""
    return msgstr_hash(f"{entry.msgctxt or ''}\x04{entry.msgid}\x00{entry.msgstr}")


def overrides(entry: polib.POEntry) -> list[Override]:
    """The overrides recorded for the entry's current source and text (older ones are ignored)."""
    found = []
    digest = pair_hash(entry)
    for value in _list_notes(entry, "override"):
        head, _, reason = value.partition(": ")
        parts = head.split()
        if len(parts) == 4 and parts[2] == digest:
            found.append(Override(parts[0], parts[1], parts[2], tuple(parts[3].split(",")),
                                  _unescape(reason)))
    return found


def add_override(entry: polib.POEntry, person: str, names: list[str] | tuple[str, ...], reason: str,
                 day: str | None = None) -> None:
    """Record that `person` accepts the check problems `names` in the current msgstr, and why."""
    reason = " ".join(reason.split())
    if not reason:
        raise ReviewError("an override needs a reason; say why the text is right despite the check")
    listed = ",".join(sorted(set(names)))
    add_note(entry, "override",
             f"{person} {day or today()} {pair_hash(entry)} {listed}: {_escape(reason)}")


def approval_verdict(entry: polib.POEntry, person: str, *, two_people: bool) -> Verdict:
    """The two-people rule, in one place: may `person` approve the entry as it is now?

    Everything that offers or performs an approval (CLI, packets, decisions,
    routing, the web pages' data) asks this function.
    """
    current = state(entry)
    if current in (State.UNTRANSLATED, State.DRAFT, State.STALE):
        return Verdict(False, {
            State.UNTRANSLATED: Message("cannot approve an entry that is untranslated; translate it first"),
            State.DRAFT: Message("cannot approve an entry that is a draft; translate or accept it first"),
            State.STALE: Message("cannot approve an entry that is stale; translate or accept it first"),
        }[current])
    if current is State.APPROVED:
        found = approval(entry)
        assert found is not None
        return Verdict(False, Message("already approved by %(person)s on %(day)s", person=found.person,
                                      day=found.day))
    who = translator(entry)
    if who is None:
        return Verdict(True, Message("nobody is on record as the translator of this text; approving it "
                                     "makes you its translator, and another reviewer approves it")
                       if two_people else Message("nobody is on record as the translator of this text; "
                                                  "approving it makes you its translator"), adopt=True)
    if two_people and who == person:
        return Verdict(False, Message("%(person)s translated this entry and cannot approve it too "
                                      "([review] two_people = true)", person=person))
    return Verdict(True)


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
    set_note(entry, "conflict", None)


def kept_share(old: str, new: str) -> float:
    """The share of `old`'s words that `new` keeps, in order (1.0 for an untouched text)."""
    before = [w.lower() for w in _WORD.findall(old)]
    after = [w.lower() for w in _WORD.findall(new)]
    if not before:
        return 0.0
    return LCSseq.similarity(before, after) / len(before)


def replaces_draft(old: str, new: str) -> bool:
    """Whether `new` is a person's own text rather than an edit of the draft `old`.

    A text that keeps less than half of the draft's words (in order) replaces
    it; its machine or memory provenance no longer describes it.
    """
    return kept_share(old, new) < REPLACED_BELOW


def set_translation(entry: polib.POEntry, text: str, person: str, day: str | None = None) -> None:
    """Record a human translation (or a human's acceptance of a draft).

    The person becomes the translator of record of exactly this text. When
    they replaced a machine or memory draft as a whole, its provenance goes;
    otherwise its origin stays and the engine's list of defects goes: it
    described the draft, not what a person vouched for.
    """
    origin = provenance(entry)
    if origin is not None and replaces_draft(entry.msgstr, text):
        for key in (*PROVENANCE_KEYS, "suggested"):
            set_note(entry, key, None)
    elif origin is not None:
        key, _, details = origin.partition(": ")
        set_note(entry, key, details)
    entry.msgstr = text
    _unfuzzy(entry)
    set_note(entry, "previous", None)
    set_note(entry, "suggested", None)
    set_note(entry, "translated", f"{person} {day or today()} {msgstr_hash(text)}")
    set_note(entry, "approved", None)
    set_note(entry, "conflict", None)


def suggester(entry: polib.POEntry) -> str | None:
    """Who wrote the entry's fuzzy draft, when a person did ("needs work" from a packet or page)."""
    note = notes(entry).get("suggested") if "fuzzy" in entry.flags else None
    return note.split()[0] if note else None


def set_suggestion(entry: polib.POEntry, text: str, person: str, day: str | None = None) -> None:
    """Keep a person's unfinished text ("needs work") as a fuzzy draft attributed to them.

    A translation it displaces stays visible in the `previous:` note.
    """
    old, who = entry.msgstr, translator(entry)
    if old and "fuzzy" not in entry.flags:
        set_note(entry, "previous", f"translated by {who or 'unknown'}, was: {old}")
    if old and replaces_draft(old, text):
        for key in PROVENANCE_KEYS:
            set_note(entry, key, None)
    entry.msgstr = text
    if "fuzzy" not in entry.flags:
        entry.flags.insert(0, "fuzzy")
    set_note(entry, "suggested", f"{person} {day or today()}")
    set_note(entry, "translated", None)
    set_note(entry, "approved", None)


def approve(entry: polib.POEntry, person: str, day: str | None = None, *, two_people: bool = True) -> Verdict:
    """Approve the entry's current msgstr as `person`; refuse what the rules forbid.

    Text with no translator of record is adopted instead: the person becomes its
    translator, and with two people it stays "translated" for a second reviewer.
    Returns the verdict that was acted on.
    """
    verdict = approval_verdict(entry, person, two_people=two_people)
    if not verdict.allowed:
        raise ReviewError(str(verdict.reason or "cannot approve this entry"))
    day = day or today()
    if verdict.adopt:
        set_note(entry, "translated", f"{person} {day} {msgstr_hash(entry.msgstr)}")
        if two_people:
            return verdict
    set_note(entry, "approved", f"{person} {day} {msgstr_hash(entry.msgstr)}")
    return verdict


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
