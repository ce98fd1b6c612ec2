"""Bringing a catalog up to date with its template, without losing or misleading.

Unlike msgmerge (and Babel, and polib), a near match is not offered as a fuzzy
draft when the source changed its meaning: a negation, a number, a date, a
name, a quotation or a URL. Such an entry is emptied and the old translation is
kept in a `previous:` note for the translator, so removing a fuzzy flag cannot
publish the old meaning.
"""

from __future__ import annotations

import polib
from rapidfuzz import fuzz, process

from .. import text
from . import states

NEAR_MATCH_THRESHOLD = 70.0

def meaning_changes(old: str, new: str, lang: str) -> list[str]:
    """What kinds of meaning-bearing difference separate two versions of a source text."""
    reasons = []
    if text.negations(old, lang) != text.negations(new, lang):
        reasons.append("negation")
    for reason, count in (
        ("number", text.numbers),
        ("date", text.months),
        ("name", text.names),
        ("quotation", text.quotations),
        ("url", text.urls),
    ):
        if count(old) != count(new):
            reasons.append(reason)
    return reasons


def _carry(entry: polib.POEntry, old: polib.POEntry) -> None:
    entry.msgstr = old.msgstr
    entry.flags = [flag for flag in old.flags if flag != "fuzzy"] + (
        ["fuzzy"] if "fuzzy" in old.flags else []
    )
    entry.tcomment = old.tcomment
    entry.previous_msgid = old.previous_msgid
    entry.previous_msgctxt = old.previous_msgctxt


def machine_draft(entry: polib.POEntry) -> bool:
    """A fuzzy draft that only a machine or the memory wrote (not a person's suggestion)."""
    notes = states.notes(entry)
    return "fuzzy" in entry.flags and not {"translated", "suggested"} & notes.keys() and any(
        key in notes for key in states.PROVENANCE_KEYS
    )


def update(
    template: polib.POFile,
    existing: polib.POFile | None,
    source_lang: str,
    threshold: float = NEAR_MATCH_THRESHOLD,
) -> polib.POFile:
    """A catalog with the template's entries, carrying over what `existing` knew."""
    result = polib.POFile(wrapwidth=79)
    result.metadata = dict(template.metadata)
    result.header = existing.header if existing is not None else template.header
    old_active: dict[str, polib.POEntry] = {}
    old_obsolete: dict[str, polib.POEntry] = {}
    if existing is not None:
        for old in existing:
            states.repair_notes(old)
            (old_obsolete if old.obsolete else old_active)[old.msgid] = old
    used: set[str] = set()
    unmatched: list[polib.POEntry] = []
    for tmpl in template:
        entry = polib.POEntry(
            msgid=tmpl.msgid, msgstr="", occurrences=list(tmpl.occurrences), comment=tmpl.comment
        )
        old = old_active.get(tmpl.msgid) or old_obsolete.get(tmpl.msgid)
        if old is not None:
            _carry(entry, old)
            used.add(old.msgid)
        else:
            unmatched.append(entry)
        result.append(entry)
    candidates = {
        msgid: old
        for msgid, old in {**old_obsolete, **old_active}.items()
        if msgid not in used and old.msgstr
    }
    for entry in unmatched:
        if not candidates:
            break
        best = process.extractOne(
            entry.msgid, list(candidates), scorer=fuzz.ratio, score_cutoff=threshold
        )
        if best is None:
            continue
        old = candidates.pop(best[0])
        used.add(old.msgid)
        entry.previous_msgid = old.msgid
        reasons = meaning_changes(old.msgid, entry.msgid, source_lang)
        entry.tcomment = "\n".join(
            line for line in (old.tcomment or "").split("\n")
            if line and not line.startswith(("approved:", "translated:", "previous:"))
        )
        if machine_draft(old):
            # No person wrote or checked the old text: a fresh machine draft of the
            # new source serves the translator better than a stale one.
            for key in states.PROVENANCE_KEYS:
                states.set_note(entry, key, None)
        elif reasons:
            states.set_note(
                entry, "previous", f"source changed ({', '.join(reasons)}), was: {old.msgstr}"
            )
        else:
            entry.msgstr = old.msgstr
            entry.flags.append("fuzzy")
    for msgid, old in old_active.items():
        if msgid not in used and old.msgstr:
            old.obsolete = True
            old.occurrences = []
            result.append(old)
    for msgid, old in old_obsolete.items():
        if msgid not in used:
            result.append(old)
    return result
