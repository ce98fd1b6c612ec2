"""Translation-memory suggestions for an entry, from the project's own memory.

Only the memory is asked (what people of the collective already translated,
in this and sibling catalogs, and imported TMX files); no engine runs and no
text leaves the machine, whatever the project's `[mt]` chain says, because a
page view must never send an embargoed statement anywhere. Machine drafts
reach the page as the entries' own fuzzy text, with their provenance.

Building the memory reads every catalog, so the server keeps one and rebuilds
it at most every `max_age` seconds: a suggestion may miss the last minute of
work, which is fine for a suggestion.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from ..mt import settings as mt_settings
from ..mt.memory import Memory
from ..mt.tm import build_memory
from ..project import Project
from .view import JSON


def memory_of(project: Project) -> Memory:
    """The project's translation memory, built now."""
    memory, _ = build_memory(project, mt_settings.load(project.config))
    return memory


def suggestions(memory: Memory, msgid: str, source: str, lang: str, current: str) -> list[JSON]:
    """What the memory offers for `msgid`, unless it is the entry's text already."""
    match = memory.lookup(msgid, source, lang)
    if match is None or match.text == current:
        return []
    return [{"text": match.text, "origin": match.detail, "score": match.score}]


class SharedMemory:
    """One memory for all requests, rebuilt when older than `max_age` seconds."""

    def __init__(self, max_age: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_age = max_age
        self._clock = clock
        self._lock = threading.Lock()
        self._memory: Memory | None = None
        self._built = 0.0

    def get(self, project: Project) -> Memory:
        with self._lock:
            now = self._clock()
            if self._memory is None or now - self._built > self.max_age:
                self._memory = memory_of(project)
                self._built = now
            return self._memory
