"""Which language a statement without `lang:` is written in, by py3langid.

py3langid (langid.py's model, 4.5 MB, shipped in the wheel) is restricted to
the project's languages and loaded on first use, so a statement that says
its language never pays for it. Only a confident guess over enough text
counts: a short leaflet or a mixed text is taken as the source language.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MIN_LETTERS = 40  # below this, a guess between uk and ru is a coin toss
CONFIDENT = 0.99
SAMPLE_CHARS = 20_000

_lock = threading.Lock()


@dataclass(frozen=True)
class Guess:
    lang: str
    confidence: float


@lru_cache(maxsize=None)
def _identifier(languages: tuple[str, ...]) -> tuple[Any, tuple[str, ...]]:
    """The model restricted to those of `languages` it knows, and which ones those are."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    candidates = tuple(sorted(set(languages) & set(identifier.nb_classes)))
    if len(candidates) >= 2:
        identifier.set_languages(list(candidates))
    return identifier, candidates


def detect(text: str, languages: tuple[str, ...]) -> Guess | None:
    """The language of `text` among `languages`, when the model is confident; else None."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    with _lock:
        identifier, candidates = _identifier(tuple(sorted(set(languages))))
        if len(candidates) < 2:
            return None
        lang, confidence = identifier.classify(sample)
    if confidence < CONFIDENT:
        return None
    return Guess(str(lang), float(confidence))
