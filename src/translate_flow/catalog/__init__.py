"""Gettext catalogs: PO/POT files, their entries' states, merging and statistics.

This package is the only user of polib. `io` reads and writes files, `layout`
writes the text byte for byte as GNU msgcat does (breaking lines where
`linebreaks`, gettext's own libunistring, says), `template`
turns a statement into a POT, `merge` brings a catalog up to date with it,
`states` reads and writes entry states, `stats` counts them, `extract` ties
these together for `tflow extract`.
"""

from .io import dumps, editing, read, write
from .states import (
    Approval,
    State,
    approval,
    approve,
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
    "Approval", "Counts", "State", "approval", "approve", "count", "dumps", "editing",
    "fingerprint", "msgstr_hash", "notes", "provenance", "read", "repair_notes", "set_draft", "set_note",
    "set_translation", "state", "today", "translator", "words", "write",
]
