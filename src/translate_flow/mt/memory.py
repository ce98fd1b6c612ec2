"""Translation memory: what people already translated, offered again as drafts.

Units come from the translated and approved entries of every catalog (and from
TMX files). A lookup tries, in order: the same text (100 %); a paragraph whose
sentences were each translated before, somewhere, assembled from them; the most
similar text at or above the threshold (rapidfuzz ``ratio``). A similar text
whose difference changes the meaning — a negation, a number, a name, a date, a
quotation — is never offered: that is exactly how msgmerge pre-fills "We do not
condemn" with the translation of "We condemn".

Lookups stay fast with 100,000 units: exact matches are dictionary hits; fuzzy
candidates come from an inverted index of words, taking the query's rarest
words, so only texts that share them, and whose length could reach the
threshold, are scored.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ..catalog.merge import meaning_changes
from . import sentences
from .engine import LOOKUP

_WORD = re.compile(r"\w+")
_MAX_SCORED = 64
_MAX_POSTINGS = 20_000
_COMMON = 1_000  # a word in this many texts says little about which one is similar


@dataclass(frozen=True)
class Unit:
    """A source text and a person's translation of it, with where it came from."""

    source: str
    target: str
    origin: str  # "locales/uk/x.po:40" or "memory/old.tmx"
    approved: bool = False


@dataclass(frozen=True)
class Match:
    """A memory answer: the translation, how close the source was, and where it came from."""

    text: str
    score: int
    origin: str

    @property
    def detail(self) -> str:
        return f"{self.score}% {self.origin}"


def _key(text: str) -> str:
    return " ".join(text.split())


def _better(new: Unit, old: Unit | None) -> bool:
    return old is None or (new.approved and not old.approved)


@dataclass
class _Index:
    """The units of one language pair, indexed for exact, sentence and fuzzy lookup."""

    units: dict[str, Unit] = field(default_factory=dict)
    sentences: dict[str, tuple[str, str]] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=dict)
    indexed: int = 0

    def add(self, unit: Unit) -> None:
        key = _key(unit.source)
        if not key or not unit.target.strip():
            return
        if _better(unit, self.units.get(key)):
            self.units[key] = unit
        source_parts = sentences.split(unit.source.strip())
        target_parts = sentences.split(unit.target.strip())
        if len(source_parts) > 1 and len(source_parts) == len(target_parts):
            for src, tgt in zip(source_parts, target_parts, strict=True):
                self.sentences.setdefault(_key(src), (tgt.strip(), unit.origin))

    def _refresh(self) -> None:
        """Index the units added since the last fuzzy lookup."""
        if len(self.units) == self.indexed:
            return
        keys = list(self.units)
        for number in range(self.indexed, len(keys)):
            key = keys[number]
            self.keys.append(key)
            self.lengths.append(len(key))
            for word in set(_WORD.findall(key.lower())):
                self.postings.setdefault(word, []).append(number)
        self.indexed = len(keys)

    def exact(self, key: str) -> Match | None:
        unit = self.units.get(key)
        return Match(unit.target, 100, unit.origin) if unit else None

    def assembled(self, text: str) -> Match | None:
        parts = sentences.split(text.strip())
        if len(parts) < 2:
            return None
        out: list[str] = []
        origins: list[str] = []
        for part in parts:
            key = _key(part)
            found = self.sentences.get(key)
            if found is None and key in self.units:
                found = (self.units[key].target.strip(), self.units[key].origin)
            if found is None:
                return None
            out.append(found[0] + part[len(part.rstrip()) :])
            if found[1] not in origins:
                origins.append(found[1])
        shown = ", ".join(origins[:3]) + (f" +{len(origins) - 3}" if len(origins) > 3 else "")
        return Match("".join(out).strip(), 100, f"sentences from {shown}")

    def fuzzy(self, key: str, lang: str, threshold: float) -> Match | None:
        self._refresh()
        words = sorted(
            (w for w in set(_WORD.findall(key.lower())) if w in self.postings),
            key=lambda w: len(self.postings[w]),
        )
        if not words:
            return None
        # Texts at >= 85 % share most words: gather the texts that share the
        # query's rarest words (two at least, more while they stay rare and
        # within a budget), keep those holding at least half of them and whose
        # length can reach the threshold, and score only the best-sharing few.
        wanted = 3 + len(words) // 3
        chosen: list[list[int]] = []
        total = 0
        for word in words:
            posting = self.postings[word]
            if len(chosen) >= wanted:
                break
            if len(chosen) >= 2 and (len(posting) > _COMMON or total + len(posting) > _MAX_POSTINGS):
                break
            chosen.append(posting)
            total += len(posting)
        hits: Counter[int] = Counter()
        for posting in chosen:
            hits.update(posting)
        need = (len(chosen) + 1) // 2
        # ratio >= t needs the shorter text to be at least t/(200-t) of the longer.
        low = threshold / (200 - threshold)
        shortest, longest = low * len(key), len(key) / low
        lengths = self.lengths
        pool = [n for n, count in hits.items() if count >= need and shortest <= lengths[n] <= longest]
        if len(pool) > _MAX_SCORED:
            pool = heapq.nlargest(_MAX_SCORED, pool, key=hits.__getitem__)
        candidates = [self.keys[number] for number in pool]
        for choice, score, _ in process.extract(
            key, candidates, scorer=fuzz.ratio, score_cutoff=threshold, limit=5
        ):
            if meaning_changes(choice, key, lang):
                continue
            unit = self.units[choice]
            return Match(unit.target, int(score), unit.origin)
        return None


class Memory:
    """The translation memory as an engine (lookup kind: sees whole msgids)."""

    kind = LOOKUP
    online = False
    max_chars = 1_000_000
    batch = 1_000_000

    def __init__(self, threshold: float = 85.0) -> None:
        self.threshold = threshold
        self._indexes: dict[tuple[str, str], _Index] = {}
        self._last: dict[tuple[str, str, str], Match] = {}

    @property
    def name(self) -> str:
        return "memory"

    @property
    def variant(self) -> str:
        return ""

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(lang for pair in self._indexes for lang in pair)

    def __len__(self) -> int:
        return sum(len(index.units) for index in self._indexes.values())

    def add(self, source_lang: str, target_lang: str, unit: Unit) -> None:
        """Remember a human translation of `unit.source` (approved ones win over others)."""
        self._indexes.setdefault((source_lang, target_lang), _Index()).add(unit)

    def units(self) -> list[tuple[str, str, Unit]]:
        """Every unit as (source language, target language, unit), for export."""
        return [
            (pair[0], pair[1], unit)
            for pair, index in sorted(self._indexes.items())
            for unit in index.units.values()
        ]

    def supports(self, source: str, target: str) -> bool:
        return (source, target) in self._indexes

    def size(self, text: str) -> int:
        return len(text)

    def lookup(self, text: str, source: str, target: str) -> Match | None:
        """The best memory answer for `text`, or None."""
        index = self._indexes.get((source, target))
        key = _key(text)
        if index is None or not key:
            return None
        return (
            index.exact(key)
            or index.assembled(text)
            or index.fuzzy(key, source, self.threshold)
        )

    def translate(self, texts: list[str], source: str, target: str) -> list[str | None]:
        out: list[str | None] = []
        for text in texts:
            match = self.lookup(text, source, target)
            if match is None:
                out.append(None)
                continue
            self._last[(text, source, target)] = match
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            out.append(lead + match.text.strip() + trail)
        return out

    def explain(self, text: str, source: str, target: str) -> str | None:
        match = self._last.get((text, source, target))
        return match.detail if match else None
