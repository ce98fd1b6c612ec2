"""Three-way merge of catalogs by entry (msgctxt + msgid), for git's merge driver.

A line merge of PO files conflicts on every header date and can attach a
translation to the wrong msgid when a conflict is resolved by hand. Here each
entry is merged on its own, and inside an entry the source side (references,
extracted comments, obsolete) apart from the translation (msgstr, fuzzy,
previous msgid and the notes bound to them: who translated, which engine).
When both sides changed a translation differently, the entry becomes fuzzy with
one version as msgstr and every competing version in a ``# conflict:`` note,
each with its author: nothing is lost and nothing unreviewed is published.
An approval survives when the msgstr its hash is bound to survives.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

import polib

from . import merge, states
from .changes import Key, key, same

T = TypeVar("T")

_KIND = re.compile(r"^([\w-]+):(?: |$)")
_DATE_KEYS = ("POT-Creation-Date", "PO-Revision-Date")
_RANK = {states.State.UNTRANSLATED: 0, states.State.DRAFT: 1, states.State.STALE: 2,
         states.State.TRANSLATED: 3, states.State.APPROVED: 4}


@dataclass(frozen=True)
class Side:
    """One version of a catalog, and who to name for its changes when an entry does not say."""

    catalog: polib.POFile
    author: str


@dataclass(frozen=True)
class Outcome:
    """The merged catalog and the msgids it flagged as conflicts to review."""

    catalog: polib.POFile
    conflicts: tuple[str, ...]


def _three(base: T, ours: T, theirs: T, on_conflict: Callable[[T, T], T]) -> T:
    if ours == theirs or theirs == base:
        return ours
    if ours == base:
        return theirs
    return on_conflict(ours, theirs)


def _prefer_ours(ours: T, theirs: T) -> T:
    return ours


def _kind(line: str) -> str:
    match = _KIND.match(line)
    return match.group(1) if match else ""


def _by_kind(entry: polib.POEntry | None) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for line in (entry.tcomment.split("\n") if entry is not None and entry.tcomment else []):
        found.setdefault(_kind(line), []).append(line)
    return {kind: tuple(lines) for kind, lines in found.items()}


def _translation(entry: polib.POEntry | None) -> tuple[object, ...]:
    """Everything bound to the msgstr: the text, fuzzy, previous msgid, provenance notes."""
    if entry is None:
        return ("", (), False, None, None, None, ())
    notes = _by_kind(entry)
    return (
        entry.msgstr,
        tuple(sorted(entry.msgstr_plural.items())),
        "fuzzy" in entry.flags,
        entry.previous_msgid,
        entry.previous_msgctxt,
        entry.previous_msgid_plural,
        tuple((k, notes.get(k, ())) for k in states.BOUND_KEYS),
    )


def _text(entry: polib.POEntry) -> str:
    if entry.msgstr_plural:
        return "\n".join(f"[{i}] {text}" for i, text in sorted(entry.msgstr_plural.items()))
    return str(entry.msgstr)


def _texts_equal(a: polib.POEntry, b: polib.POEntry) -> bool:
    return bool(a.msgstr == b.msgstr and a.msgstr_plural == b.msgstr_plural)


def _machine_only(entry: polib.POEntry) -> bool:
    """Empty, or a draft no person wrote or accepted: nothing is lost if a person's text replaces it."""
    return not _text(entry) or merge.machine_draft(entry)


def _better(ours: polib.POEntry, theirs: polib.POEntry) -> polib.POEntry:
    """Of two versions, the one further along in review (ours on a tie)."""
    return theirs if _RANK[states.state(theirs)] > _RANK[states.state(ours)] else ours


def _author(entry: polib.POEntry, side: Side) -> str:
    return states.translator(entry) or side.author


class _Merger:
    def __init__(self, ours: Side, theirs: Side, day: str) -> None:
        self.ours = ours
        self.theirs = theirs
        self.day = day
        self.conflicts: list[str] = []

    def entry(self, b: polib.POEntry | None, o: polib.POEntry | None,
              t: polib.POEntry | None) -> polib.POEntry | None:
        # The inputs are read for this merge only, so an entry taken whole is not copied.
        if same(o, t) or same(t, b):
            return o
        if same(o, b):
            return t
        if o is None or t is None:
            kept = o if o is not None else t
            assert kept is not None
            if b is not None and _translation(kept) == _translation(b):
                return None  # one side dropped it from the source; the other did no translating
            # The source lost this entry on one side, the other translated it: keep it, obsolete.
            result = copy.copy(kept)  # the side's own entry still says where it was
            result.obsolete, result.occurrences = True, []
            return result
        return self._both(b, o, t)

    def _both(self, b: polib.POEntry | None, o: polib.POEntry, t: polib.POEntry) -> polib.POEntry:
        result = polib.POEntry(msgid=o.msgid, msgctxt=o.msgctxt, msgstr="")
        result.obsolete = _three(b.obsolete if b else None, o.obsolete, t.obsolete, _prefer_ours)
        result.occurrences = list(_three(
            tuple(b.occurrences) if b else (), tuple(o.occurrences), tuple(t.occurrences), _prefer_ours))
        if result.obsolete:
            result.occurrences = []
        result.comment = _three(b.comment if b else None, o.comment, t.comment, _prefer_ours)
        result.msgid_plural = _three(b.msgid_plural if b else None, o.msgid_plural, t.msgid_plural,
                                     _prefer_ours)
        others = _three(tuple(f for f in b.flags if f != "fuzzy") if b else (),
                        tuple(f for f in o.flags if f != "fuzzy"),
                        tuple(f for f in t.flags if f != "fuzzy"),
                        lambda x, y: x + tuple(f for f in y if f not in x))
        tb, to, tt = _translation(b), _translation(o), _translation(t)
        competing: list[tuple[polib.POEntry, Side]] = []
        if to == tt or tt == tb:
            chosen = o
        elif to == tb:
            chosen = t
        elif _texts_equal(o, t):
            chosen = _better(o, t)
        elif _machine_only(o) != _machine_only(t):
            chosen = t if _machine_only(o) else o
        elif _machine_only(o):
            chosen = o if _text(o) or not _text(t) else t  # two drafts: ours; a draft over nothing
        else:
            chosen = _better(o, t)
            competing = [(o, self.ours), (t, self.theirs)]
        other = t if chosen is o else o
        result.msgstr = chosen.msgstr
        result.msgstr_plural = dict(chosen.msgstr_plural)
        result.previous_msgid = chosen.previous_msgid
        result.previous_msgctxt = chosen.previous_msgctxt
        result.previous_msgid_plural = chosen.previous_msgid_plural
        fuzzy = "fuzzy" in chosen.flags or bool(competing)
        result.flags = list(others)
        if fuzzy:
            where = chosen.flags.index("fuzzy") if "fuzzy" in chosen.flags else 0
            result.flags.insert(min(where, len(result.flags)), "fuzzy")
        result.tcomment = self._comments(b, chosen, other, result)
        recorded = states.conflicts(result)
        if recorded:  # both sides may hold the same earlier conflict, recorded on other days
            states.set_note(result, "conflict", None)
            for conflict in recorded:
                states.add_conflict(result, conflict)
        for entry, side in competing:
            states.add_conflict(result, states.Conflict(_author(entry, side), self.day, _text(entry)))
        if competing:
            self.conflicts.append(result.msgid)
        return result

    def _comments(self, b: polib.POEntry | None, chosen: polib.POEntry, other: polib.POEntry,
                  result: polib.POEntry) -> str:
        """Translator comments merged per line kind; bound notes follow the chosen msgstr."""
        kb, kc, ko = _by_kind(b), _by_kind(chosen), _by_kind(other)
        merged: dict[str, tuple[str, ...]] = {}
        for kind in dict.fromkeys([*kc, *ko]):
            if kind in states.BOUND_KEYS:
                merged[kind] = kc.get(kind, ())
            elif kind == "approved":
                digest = states.msgstr_hash(result.msgstr)
                valid = [line for line in (*kc.get(kind, ()), *ko.get(kind, ())) if line.endswith(" " + digest)]
                merged[kind] = tuple(valid[:1])
            else:
                merged[kind] = _three(kb.get(kind, ()), kc.get(kind, ()), ko.get(kind, ()),
                                      lambda x, y: x + tuple(line for line in y if line not in x))
        return "\n".join(line for lines in merged.values() for line in lines)

    def entries(self, order: Iterable[Key], b: dict[Key, polib.POEntry], o: dict[Key, polib.POEntry],
                t: dict[Key, polib.POEntry]) -> dict[Key, polib.POEntry]:
        merged: dict[Key, polib.POEntry] = {}
        for k in order:
            entry = self.entry(b.get(k), o.get(k), t.get(k))
            if entry is not None:
                merged[k] = entry
        return merged


def _index(catalog: polib.POFile | None) -> dict[Key, polib.POEntry]:
    found: dict[Key, polib.POEntry] = {}
    for entry in catalog or []:
        k = key(entry)
        if k not in found or found[k].obsolete:
            found[k] = entry
    return found


def _when(value: str) -> dt.datetime | None:
    for pattern in ("%Y-%m-%d %H:%M%z", "%Y-%m-%d %H:%M:%S%z"):
        try:
            return dt.datetime.strptime(value.strip(), pattern)
        except ValueError:
            continue
    return None


def _later(a: str, b: str) -> str:
    when_a, when_b = _when(a), _when(b)
    if when_a is None or when_b is None:
        return a if when_b is None else b
    return b if when_b > when_a else a


def _metadata(base: dict[str, str], ours: dict[str, str], theirs: dict[str, str]) -> dict[str, str]:
    """Each key merged on its own: dates take the latest, the rest what one side set."""
    revised_theirs = _later(ours.get("PO-Revision-Date", ""), theirs.get("PO-Revision-Date", "")) != \
        ours.get("PO-Revision-Date", "")
    merged: dict[str, str] = {}
    for name in dict.fromkeys([*ours, *theirs]):
        if name in _DATE_KEYS:
            merged[name] = _later(ours.get(name, ""), theirs.get(name, "")) or ""
            continue
        value = _three(base.get(name), ours.get(name), theirs.get(name),
                       lambda x, y: y if revised_theirs else x)
        if value is not None:
            merged[name] = value
    return merged


def _order(ours: polib.POFile, theirs: polib.POFile, base: polib.POFile | None) -> list[Key]:
    """Keys in document order: the side that extracted last leads, the other's new entries
    follow their predecessors."""
    lead, follow = ours, theirs
    if _later(ours.metadata.get("POT-Creation-Date", ""), theirs.metadata.get("POT-Creation-Date", "")) \
            != ours.metadata.get("POT-Creation-Date", ""):
        lead, follow = theirs, ours
    leading = [key(e) for e in lead if not e.obsolete]
    placed = set(leading)
    following: dict[Key | None, list[Key]] = {}
    previous: Key | None = None
    for entry in follow:
        if entry.obsolete:
            continue
        k = key(entry)
        if k not in placed:
            following.setdefault(previous, []).append(k)
            placed.add(k)
        previous = k
    order: list[Key] = []
    for start in (None, *leading):
        if start is not None:
            order.append(start)
        waiting = list(reversed(following.get(start, [])))
        while waiting:
            k = waiting.pop()
            order.append(k)
            waiting += reversed(following.get(k, []))
    for catalog in (lead, follow, base or []):
        for entry in catalog:
            k = key(entry)
            if k not in placed:
                order.append(k)
                placed.add(k)
    return order


def _carry_over(merged: dict[Key, polib.POEntry], sides: tuple[Side, Side],
                indexes: tuple[dict[Key, polib.POEntry], dict[Key, polib.POEntry]],
                base: dict[Key, polib.POEntry], source_lang: str, day: str, conflicts: list[str]) -> None:
    """Where one side re-extracted and the other translated a paragraph that the new source
    replaced, the translation reaches the new entry by extract's own rules."""
    for (side, other), side_authors in (
            (indexes, (sides[0].author, sides[1].author)),
            (indexes[::-1], (sides[1].author, sides[0].author))):
        orphans = [
            entry for k, entry in merged.items()
            if entry.obsolete and _text(entry) and k in base and not base[k].obsolete
            and k in other and not other[k].obsolete
            and _translation(other[k]) != _translation(base[k])
        ]
        fresh = [
            entry for k, entry in merged.items()
            if not entry.obsolete and k in side and not side[k].obsolete
            and (k not in base or base[k].obsolete) and (k not in other or other[k].obsolete)
            and (not _text(entry) or "fuzzy" in entry.flags)
        ]
        if not orphans or not fresh:
            continue
        template = polib.POFile()
        for entry in fresh:
            template.append(polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt, msgstr=""))
        existing = polib.POFile()
        for orphan in orphans:
            revived = copy.deepcopy(orphan)
            revived.obsolete = False
            existing.append(revived)
        by_msgid = {e.msgid: e for e in fresh}
        for updated in merge.update(template, existing, source_lang):
            if updated.obsolete or updated.previous_msgid is None:
                continue
            target = by_msgid[updated.msgid]
            if not _text(updated) and "previous" not in states.notes(updated):
                continue
            orphan = next(e for e in orphans if e.msgid == updated.previous_msgid)
            if _machine_only(target):
                target.msgstr = updated.msgstr
                target.previous_msgid = updated.previous_msgid
                target.flags = [f for f in target.flags if f != "fuzzy"] + (
                    ["fuzzy"] if "fuzzy" in updated.flags else [])
                target.tcomment = updated.tcomment
            elif _text(target) != _text(orphan):
                # Both sides translated the old paragraph, differently: keep both for review.
                for entry, author in ((target, side_authors[0]),
                                      (orphan, states.translator(orphan) or side_authors[1])):
                    states.add_conflict(target, states.Conflict(author, day, _text(entry)))
                conflicts.append(target.msgid)
            for k in [k for k, e in merged.items() if e.obsolete and e.msgid == updated.previous_msgid]:
                merged.pop(k)


def merge_catalogs(base: polib.POFile | None, ours: Side, theirs: Side, *,
                   day: str | None = None) -> Outcome:
    """Merge two descendants of `base` entry by entry (see the module's docstring)."""
    merger = _Merger(ours, theirs, day or states.today())
    b, o, t = _index(base), _index(ours.catalog), _index(theirs.catalog)
    merged = merger.entries(_order(ours.catalog, theirs.catalog, base), b, o, t)
    source_lang = (ours.catalog.metadata.get("X-Source-Language")
                   or theirs.catalog.metadata.get("X-Source-Language") or "en")
    _carry_over(merged, (ours, theirs), (o, t), b, source_lang, merger.day, merger.conflicts)
    result = polib.POFile(wrapwidth=ours.catalog.wrapwidth)
    result.metadata = _metadata(base.metadata if base is not None else {}, ours.catalog.metadata,
                                theirs.catalog.metadata)
    result.header = _three(base.header if base is not None else None, ours.catalog.header,
                           theirs.catalog.header, _prefer_ours)
    for entry in merged.values():
        result.append(entry)
    return Outcome(result, tuple(merger.conflicts))
