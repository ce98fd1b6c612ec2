"""A word diff of two versions of a source text, for stale entries.

A stale entry (fuzzy, with `#| msgid`) was translated from an older source
text; the reviewer needs to see what changed in the source to fix the
translation, word by word rather than line by line.
"""

from __future__ import annotations

import difflib
import re

_TOKEN = re.compile(r"\s+|\w+(?:['’-]\w+)*|[^\w\s]")

EQUAL = "="
DELETE = "-"
INSERT = "+"


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) runs that turn `old` into `new`; op is ``=``, ``-`` or ``+``."""
    before = _TOKEN.findall(old)
    after = _TOKEN.findall(new)
    runs: list[tuple[str, str]] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if runs and runs[-1][0] == op:
            runs[-1] = (op, runs[-1][1] + text)
        else:
            runs.append((op, text))

    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add(EQUAL, "".join(before[i1:i2]))
        else:
            add(DELETE, "".join(before[i1:i2]))
            add(INSERT, "".join(after[j1:j2]))
    return runs
