"""Which translations are safe to publish: the markup checks, run once per text.

A translation that drops a link, breaks emphasis or code, or adds HTML is
never published (DESIGN: bad input and faults). Parsing every msgid and msgstr
is most of a build's work on a book, so verdicts are kept in a derived cache
(`.tflow/markup-verdicts.json`, deletable) keyed by a hash of the pair and of
the checks' version, and a large set of new pairs is checked on every idle core.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .. import __version__, checks, storage

SAFETY_CHECKS = ("links", "images", "emphasis", "code", "html", "breaks")
CACHE_NAME = "markup-verdicts.json"
PARALLEL_FROM = 2000  # below this, starting worker processes costs more than it saves

Pair = tuple[str, str, str, str]  # msgid, msgstr, source language, target language


def problems(msgid: str, msgstr: str, source_lang: str, target_lang: str) -> list[str]:
    """Names of the markup checks a translation fails."""
    pair = checks.Pair(msgid, msgstr, source_lang, target_lang)
    return [name for name in SAFETY_CHECKS if any(True for _ in checks.get(name).function(pair))]


def _problems_of(pairs: list[Pair]) -> list[list[str]]:
    return [problems(*pair) for pair in pairs]


def _idle_cores() -> int:
    """Cores that other processes leave free now, this one counted as idle.

    Workers only pay on idle cores: on a busy machine they share the cores the
    build already has and add the cost of forking and of sending every pair
    and verdict between processes (a fifth more CPU time in bench/spine.py).
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except OSError:  # no load average on this system: assume the cores are free
        return cores
    return max(1, min(cores, int(cores - load) + 1))


def _key(pair: Pair) -> str:
    digest = hashlib.blake2b("\x00".join((__version__, *SAFETY_CHECKS, *pair)).encode("utf-8"), digest_size=12)
    return digest.hexdigest()


class Verdicts:
    """Markup verdicts for a build, from the cache or computed."""

    def __init__(self, cache_dir: Path) -> None:
        self.path = cache_dir / CACHE_NAME
        try:
            loaded = json.loads(self.path.read_text("utf-8"))
        except (FileNotFoundError, ValueError):
            loaded = {}
        self.known: dict[str, list[str]] = loaded if isinstance(loaded, dict) else {}
        self.dirty = False

    def prepare(self, pairs: Iterable[Pair]) -> None:
        """Compute the verdicts not yet known, in parallel when there are many."""
        missing = list(dict.fromkeys(pair for pair in pairs if _key(pair) not in self.known))
        if not missing:
            return
        workers = min(_idle_cores(), 8)
        if len(missing) < PARALLEL_FROM or workers < 2:
            found = _problems_of(missing)
        else:
            size = -(-len(missing) // workers)
            chunks = [missing[i : i + size] for i in range(0, len(missing), size)]
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                found = [verdict for part in pool.map(_problems_of, chunks) for verdict in part]
        for pair, verdict in zip(missing, found):
            self.known[_key(pair)] = verdict
        self.dirty = True

    def problems(self, pair: Pair) -> list[str]:
        key = _key(pair)
        if key not in self.known:
            self.known[key] = problems(*pair)
            self.dirty = True
        return self.known[key]

    def save(self) -> None:
        if self.dirty:
            storage.write_text(self.path, json.dumps(self.known, separators=(",", ":")))
            self.dirty = False
