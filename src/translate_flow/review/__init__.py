"""Human review: people, routing, worklists, packets, decisions, approval and mail.

`people` reads `[[people]]`, `routing` assigns work and lists it, `decisions`
is the one path by which anyone's edits and approvals reach a catalog,
`packets` carries work out as PO files and back, `mail` sends the packets.
"""

from __future__ import annotations

from typing import Any

from ..project import Project
from .routing import queue


def pending_by_person(project: Project) -> dict[str, dict[str, Any]]:
    """Each person's pending work from the stored assignments, for `tflow status`.

    ``{"olena": {"statements": ["war"], "entries": 12, "words": 480,
    "work": [{"statement": "war", "lang": "uk", "role": "translator", ...}]}}``;
    empty when the project lists no people.
    """
    result: dict[str, dict[str, Any]] = {}
    for worklist in queue(project):
        result[worklist.person] = {
            "statements": worklist.statements,
            "entries": worklist.entries,
            "words": worklist.words,
            "work": worklist.summary(),
        }
    return result


__all__ = ["pending_by_person"]
