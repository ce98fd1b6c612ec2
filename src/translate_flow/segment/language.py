"""Which language a statement without `lang:` is written in, by py3langid.

The verdict is kept in `.tflow/languages.json` under the hash of the source,
so an unchanged statement never loads the model again.

py3langid (langid.py's model, 4.5 MB, shipped in the wheel) is restricted to
the project's languages and loaded on first use, so a statement that says
its language never pays for it. Only a confident guess over enough text
counts: a short leaflet or a mixed text is taken as the source language.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
import json
from pathlib import Path
from typing import Any

from .. import locales, storage

MIN_LETTERS = 40  # below this, a guess between uk and ru is a coin toss
CONFIDENT = 0.99
OWN_SCRIPT = 0.8  # share of the letters that must be in the guessed language's script
_NOT_PROSE = re.compile(r"<?[a-z][a-z0-9+.-]*://\S+|`[^`]*`|\S+@\S+", re.I)
_SCRIPT_NAMES = {"Cyrl": "CYRILLIC", "Latn": "LATIN"}
SAMPLE_CHARS = 20_000
REMEMBERED = 2000  # verdicts kept: every statement's current text, and then some

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
    sample = _NOT_PROSE.sub(" ", text[:SAMPLE_CHARS])
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    with _lock:
        identifier, candidates = _identifier(tuple(sorted(set(languages))))
        if len(candidates) < 2:
            return None
        lang, confidence = identifier.classify(sample)
    script = _SCRIPT_NAMES.get(locales.script(str(lang)))
    own = sum(unicodedata.name(ch, "").startswith(script) for ch in letters) if script else len(letters)
    if confidence < CONFIDENT or own < OWN_SCRIPT * len(letters):
        return None
    return Guess(str(lang), float(confidence))


def remembered(cache_dir: Path | None, source_key: str, text: str, languages: tuple[str, ...]) -> Guess | None:
    """`detect`, with the verdict for this exact source and languages kept in `cache_dir`."""
    if cache_dir is None:
        return detect(text, languages)
    path = cache_dir / "languages.json"
    key = f"{source_key}:{','.join(sorted(set(languages)))}"
    try:
        known = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        known = {}
    if not isinstance(known, dict):
        known = {}
    if key in known:
        found = known[key]
        return Guess(str(found[0]), float(found[1])) if isinstance(found, list) else None
    guess = detect(text, languages)
    known[key] = [guess.lang, guess.confidence] if guess else None
    known = dict(list(known.items())[-REMEMBERED:])
    storage.write_text(path, json.dumps(known, separators=(",", ":")))
    return guess
