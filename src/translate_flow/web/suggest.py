"""Translation-memory suggestions for an entry, from the project's own memory.

Only the memory is asked (what people of the collective already translated,
in this and sibling catalogs, and imported TMX files); no engine runs and no
text leaves the machine, whatever the project's `[mt]` chain says, because a
page view must never send an embargoed statement anywhere. Machine drafts
reach the page as the entries' own fuzzy text, with their provenance.

Building the memory reads every catalog, so the server keeps one and rebuilds
it in the background at most every `max_age` seconds: a suggestion may miss the
last minute of work, which is fine for a suggestion.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from ..errors import TranslateFlowError
from ..mt import settings as mt_settings
from ..mt.memory import Memory
from ..mt.tm import build_memory
from ..project import Project
from .view import JSON


def memory_of(project: Project) -> Memory:
    """The project's translation memory, built now."""
    memory, _ = build_memory(project, mt_settings.load(project.config))
    return memory


def suggestions(memory: Memory | None, msgid: str, source: str, lang: str, current: str) -> list[JSON]:
    """What the memory offers for `msgid`, unless it is the entry's text already."""
    match = memory.lookup(msgid, source, lang) if memory is not None else None
    if match is None or match.text == current:
        return []
    return [{"text": match.text, "origin": match.detail, "score": match.score}]


class SharedMemory:
    """One memory for all requests, rebuilt in the background when older than `max_age`.

    A request never waits for a build: until the first one finishes there are
    no suggestions, and afterwards a stale memory answers while a fresh one is
    built, so a book-length archive cannot slow down anyone's save.
    """

    def __init__(self, max_age: float = 60.0, clock: Callable[[], float] = time.monotonic,
                 log: Callable[[str], None] | None = None) -> None:
        self.max_age = max_age
        self.log = log
        self._clock = clock
        self._lock = threading.Lock()
        self._memory: Memory | None = None
        self._built: float | None = None
        self._building = False

    def get(self, project: Project) -> Memory | None:
        """The current memory (None before the first build); starts a rebuild when stale."""
        with self._lock:
            stale = self._built is None or self._clock() - self._built > self.max_age
            if stale and not self._building:
                self._building = True
                threading.Thread(target=self._build, args=(project,), daemon=True,
                                 name="tflow-memory").start()
            return self._memory

    def _build(self, project: Project) -> None:
        memory: Memory | None = None
        try:
            memory = memory_of(project)
        except TranslateFlowError as exc:
            # A broken catalog is reported by the page that shows it; the memory
            # keeps its last good state meanwhile.
            if self.log is not None:
                self.log(f"translation memory not rebuilt: {exc}")
        finally:
            with self._lock:
                if memory is not None:
                    self._memory = memory
                self._built = self._clock()
                self._building = False
