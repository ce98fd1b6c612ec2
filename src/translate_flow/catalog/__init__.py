"""Gettext catalogs: PO/POT files, their entries' states, merging and statistics.

This package is the only user of polib. `io` reads and writes files, `layout`
writes the text byte for byte as GNU msgcat does (breaking lines where
`linebreaks`, gettext's own libunistring, says), `template`
turns a statement into a POT, `merge` brings a catalog up to date with it,
`states` reads and writes entry states and workflow notes, `drafts` reads what a
machine draft's note says is wrong with it, `stats` counts them, `threeway`
merges two people's versions for the git driver, `extract` ties these together
for `tflow extract`.
"""

from .drafts import WEAK_QUALITY, Ambiguity, DraftReport, draft_report, provenance_note, weak_first
from .io import dumps, editing, parse, read, write
from .states import (
    Approval,
    Authorship,
    Comment,
    Override,
    State,
    Verdict,
    add_comment,
    add_override,
    approval,
    approval_verdict,
    approve,
    authorship,
    comments,
    overrides,
    pair_hash,
    replaces_draft,
    set_suggestion,
    suggester,
    fingerprint,
    msgstr_hash,
    notes,
    provenance,
    repair_notes,
    set_draft,
    set_note,
    set_translation,
    state,
    today,
    translator,
    words,
)
from .stats import Counts, count

__all__ = [
    "WEAK_QUALITY", "Ambiguity", "Approval", "Authorship", "Comment", "Counts", "DraftReport", "Override", "State",
    "Verdict", "add_comment", "add_override", "approval", "approval_verdict", "approve", "authorship",
    "comments", "count", "draft_report", "dumps", "editing", "overrides", "pair_hash",
    "provenance_note", "replaces_draft", "set_suggestion", "suggester", "fingerprint", "msgstr_hash",
    "notes", "parse", "provenance", "read", "repair_notes", "set_draft", "set_note", "set_translation", "state", "today",
    "translator", "weak_first", "words", "write",
]
