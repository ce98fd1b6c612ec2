"""The interface every translation engine sits behind.

An engine turns a list of texts in one language into a list of texts in another,
in the same order, with `None` where it has nothing to offer. It does nothing
else: retries, timeouts, concurrency, chunking, markup protection, output checks
and caching are the adapter's job (`adapter.Translator`), so an engine stays a
thin wrapper around one service or program.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ..catalog.drafts import Ambiguity

#: Engines that look up whole catalog entries (human text) rather than translate:
#: the adapter hands them the msgid as it is, unprotected, unchunked, uncached.
LOOKUP = "lookup"
#: Engines that translate: the adapter protects, chunks, checks and caches.
MACHINE = "machine"


class Engine(Protocol):
    """A translation engine, as the adapter sees it."""

    @property
    def name(self) -> str:
        """The name used in the config and in provenance notes (``apertium``)."""

    @property
    def variant(self) -> str:
        """What else identifies the engine's output in the cache (a model, a URL), or ""."""

    @property
    def kind(self) -> str:
        """`MACHINE` or `LOOKUP`."""

    @property
    def online(self) -> bool:
        """True when the text leaves this machine."""

    @property
    def languages(self) -> frozenset[str]:
        """The languages it knows, as project codes (``uk``, ``ru``, ``en``)."""

    @property
    def max_chars(self) -> int:
        """How much text one request may carry, in the unit of `size`."""

    @property
    def batch(self) -> int:
        """How many texts one `translate` call may carry."""

    def supports(self, source: str, target: str) -> bool:
        """Whether it translates from `source` into `target`."""

    def size(self, text: str) -> int:
        """How much of `max_chars` the text uses (characters, bytes, URL weight)."""

    def translate(self, texts: list[str], source: str, target: str) -> list[str | None]:
        """Translations of `texts`, in order; `None` for one it could not translate.

        A failure of the whole request (network, server, quota) is an exception;
        the adapter decides whether to retry it.
        """


@runtime_checkable
class Explains(Protocol):
    """An engine that can say where a result came from (memory: score and file:line)."""

    def explain(self, text: str, source: str, target: str) -> str | None:
        """The provenance detail of the last result for `text`, e.g. ``92% locales/ru/a.po:40``."""


@dataclass(frozen=True)
class Marked:
    """An engine's output with its own marks removed, the words they were on, and the
    source words whose sense the engine had to guess."""

    text: str
    unknown: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    ambiguous: tuple[Ambiguity, ...] = ()


@runtime_checkable
class Marks(Protocol):
    """A machine engine whose raw output marks what it did not know (Apertium's ``*``, ``#``).

    The adapter caches the raw output and calls `unmark` on it before checking
    and using it, so the marks never reach a draft but are recorded with it.
    """

    def unmark(self, source: str, output: str, target: str) -> Marked:
        """`output` (in `target`) without marks; `source` is the text that was sent."""


@runtime_checkable
class Relays(Protocol):
    """A lookup engine that passes on another engine's marks (pivot through Apertium)."""

    def marked(self, text: str, source: str, target: str) -> Marked | None:
        """The marks of the last result for `text`, if an engine recorded any."""
