"""What changed between two versions of a catalog, entry by entry.

Entries are identified as gettext identifies them, by msgctxt and msgid. The
merge driver uses `same` to tell a changed entry from an untouched one, and
commits name the entries a change touched.
"""

from __future__ import annotations

from dataclasses import dataclass

import polib

from . import states

Key = tuple[str | None, str]


@dataclass(frozen=True)
class EntryChange:
    """One entry that differs between two versions, and what it is now."""

    msgid: str
    reference: str
    state: str
    by: tuple[str, ...] = ()  # people whose `translated:` or `approved:` note this change wrote


def one_line(text: str, width: int = 60) -> str:
    """A msgid for a one-line listing: newlines as spaces, cut at `width` with an ellipsis."""
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def key(entry: polib.POEntry) -> Key:
    return (entry.msgctxt, entry.msgid)


def _fields(entry: polib.POEntry) -> tuple[object, ...]:
    return (
        entry.obsolete, entry.msgctxt, entry.msgid, entry.msgid_plural, entry.msgstr,
        tuple(sorted(entry.msgstr_plural.items())), tuple(entry.flags), entry.tcomment or "",
        entry.comment or "", tuple(entry.occurrences), entry.previous_msgctxt,
        entry.previous_msgid, entry.previous_msgid_plural,
    )


def same(a: polib.POEntry | None, b: polib.POEntry | None) -> bool:
    """Whether two versions of an entry (or its absence) are identical in every PO field."""
    if a is None or b is None:
        return a is b
    return _fields(a) == _fields(b)


def _people(old: polib.POEntry | None, new: polib.POEntry) -> tuple[str, ...]:
    before = states.notes(old) if old is not None else {}
    after = states.notes(new)
    return tuple(dict.fromkeys(
        after[k].split()[0] for k in ("translated", "approved")
        if after.get(k) and after.get(k) != before.get(k)))


def _describe(entry: polib.POEntry, state: str, by: tuple[str, ...] = ()) -> EntryChange:
    place = entry.occurrences[0] if entry.occurrences else None
    reference = f"{place[0]}:{place[1]}" if place and place[1] else (place[0] if place else "")
    return EntryChange(entry.msgid, reference, state, by)


def changes(old: polib.POFile | None, new: polib.POFile | None) -> list[EntryChange]:
    """Entries added, changed or removed from `old` to `new`, in `new`'s order."""
    before = {key(e): e for e in old or []}
    found = []
    for entry in new or []:
        previous = before.pop(key(entry), None)
        if not same(previous, entry):
            label = "obsolete" if entry.obsolete else (
                "conflict" if states.in_conflict(entry) else states.state(entry).value)
            found.append(_describe(entry, label, _people(previous, entry)))
    found += [_describe(entry, "removed") for entry in before.values()]
    return found
