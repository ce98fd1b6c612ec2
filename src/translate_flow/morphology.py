"""Ukrainian and Russian morphology through pymorphy3 and its OpenCorpora/VESUM dictionaries.

The only pymorphy3 user. Two questions are asked of it: is a word a form the
language's dictionary knows (``здесь`` is Russian and not Ukrainian), and what
are its lemmas (``Києва`` → ``київ``), so that the glossary finds a term in any
inflection and the checks see a slur however it is declined. Analyzers load
once per process (about 0.1 s each); answers are cached per word, since a
catalog repeats its vocabulary many times over.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pymorphy3

from .errors import ConfigError

LANGUAGES = frozenset({"uk", "ru"})


@lru_cache(maxsize=None)
def _analyzer(lang: str) -> Any:
    if lang not in LANGUAGES:
        raise ValueError(f"no morphology for {lang!r}")
    try:
        return pymorphy3.MorphAnalyzer(lang=lang)
    except (ValueError, OSError, ImportError) as exc:
        raise ConfigError(
            f"the {lang} dictionary of pymorphy3 cannot be loaded ({exc}); "
            f"install it with `pip install pymorphy3-dicts-{lang}`"
        ) from None


def _normal(word: str) -> str:
    return word.lower().replace("’", "'").replace("ʼ", "'")


def _parses(word: str, lang: str) -> list[Any]:
    """pymorphy3's analyses; none for a word it cannot analyse (a letter Unicode has no name for
    makes its shape code raise)."""
    try:
        return list(_analyzer(lang).parse(word))
    except (KeyError, ValueError):
        return []


@lru_cache(maxsize=200_000)
def is_known(word: str, lang: str) -> bool:
    """Whether `word` is a form in `lang`'s dictionary (any case; ё and е both tried in ru)."""
    normal = _normal(word)
    analyzer = _analyzer(lang)
    if analyzer.word_is_known(normal):
        return True
    return lang == "ru" and "ё" in normal and bool(analyzer.word_is_known(normal.replace("ё", "е")))


@lru_cache(maxsize=200_000)
def lemmas(word: str, lang: str) -> frozenset[str]:
    """Every lemma `word` can be a form of in `lang` (a guess for words the dictionary lacks)."""
    normal = _normal(word)
    found = frozenset(parse.normal_form.replace("ё", "е") for parse in _parses(normal, lang))
    return found or frozenset({normal})


def lemma(word: str, lang: str) -> str:
    """The most likely lemma of `word` in `lang`."""
    normal = _normal(word)
    parses = _parses(normal, lang)
    return str(parses[0].normal_form).replace("ё", "е") if parses else normal


def _known_parses(word: str, lang: str) -> list[Any]:
    """The dictionary's analyses of `word`; none for a word it only guesses at."""
    normal = _normal(word)
    analyzer = _analyzer(lang)
    return _parses(normal, lang) if analyzer.word_is_known(normal) else []


_INVARIABLE = frozenset({"CONJ", "PRCL", "PREP", "INTJ"})


@lru_cache(maxsize=50_000)
def is_invariable(word: str, lang: str) -> bool:
    """Whether the dictionary knows `word` as a part of speech that never inflects (і, що, та)."""
    return any(parse.tag.POS in _INVARIABLE for parse in _known_parses(word, lang))
