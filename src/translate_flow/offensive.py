"""Ethnic slurs and hate terms: the shipped list, extended by the glossary.

A draft that calls Russians «москалі» in a sentence that rejects the "ethnic
battle" trope says the opposite of the statement. The list
(`data/slurs.csv`, columns ``en,uk,ru,note``, forms separated by ``;``) is
matched by lemma in Ukrainian and Russian, so every inflection counts
(``москалів``, ``хохлов``), and by the word as listed in English. A row is one
term in every language: the source "has the same word" when it has any form of
the row, in its own language.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from . import morphology
from . import text as textfacts

LANGUAGES = ("en", "uk", "ru")
_HEAD = 2


@dataclass(frozen=True)
class Slur:
    """One offensive term: its forms by language, and what it is."""

    forms: tuple[tuple[str, str], ...]  # (language, form)
    note: str = ""

    def of(self, lang: str) -> tuple[str, ...]:
        return tuple(form for where, form in self.forms if where == lang)


def _keys(word: str, lang: str) -> frozenset[str]:
    """What a word is compared by: its lemmas in uk/ru, the word itself otherwise."""
    if lang in morphology.LANGUAGES and textfacts.CYRILLIC.search(word):
        return morphology.lemmas(word, lang)
    folded = word.casefold()
    return frozenset({folded})


@dataclass(frozen=True)
class Found:
    """A slur in a text: which one and the word as written."""

    slur: Slur
    word: str


class Slurs:
    """A list of slurs, indexed by lemma per language."""

    def __init__(self, slurs: Iterable[Slur]) -> None:
        self.slurs = tuple(slurs)
        self._index: dict[str, dict[str, int]] = {}
        # A word's lemmas begin as the word does, so a word whose first letters start
        # no key is not lemmatised at all: most words of a text cost one set lookup.
        self._heads: dict[str, set[str]] = {}
        for number, slur in enumerate(self.slurs):
            for lang, form in slur.forms:
                table = self._index.setdefault(lang, {})
                for key in _keys(form, lang) | {form.casefold()}:
                    table.setdefault(key, number)
                    self._heads.setdefault(lang, set()).add(key[:_HEAD])

    def __add__(self, other: Slurs) -> Slurs:
        return Slurs(self.slurs + other.slurs)

    def find(self, text: str, lang: str) -> Iterator[Found]:
        """The slurs that `text` (in `lang`) uses, in order, each once."""
        table = self._index.get(lang)
        if not table:
            return
        heads = self._heads[lang]
        seen: set[int] = set()
        for word in textfacts.words(text):
            if word[:_HEAD].casefold() not in heads:
                continue
            for key in _keys(word, lang):
                number = table.get(key)
                if number is not None and number not in seen:
                    seen.add(number)
                    yield Found(self.slurs[number], word)


def parse(rows: Iterable[list[str]]) -> Slurs:
    """Slurs from CSV rows whose first row is the header (``en,uk,ru,note``)."""
    reader = iter(rows)
    header = [cell.strip().lower() for cell in next(reader, [])]
    found: list[Slur] = []
    for row in reader:
        cells = dict(zip(header, (cell.strip() for cell in row), strict=False))
        forms = tuple(
            (lang, form.strip())
            for lang in LANGUAGES
            for form in cells.get(lang, "").split(";")
            if form.strip()
        )
        if forms:
            found.append(Slur(forms, cells.get("note", "")))
    return Slurs(found)


@lru_cache(maxsize=1)
def shipped() -> Slurs:
    """The list that comes with translate-flow (`translate_flow/data/slurs.csv`)."""
    data = resources.files("translate_flow").joinpath("data/slurs.csv").read_text(encoding="utf-8")
    return parse(csv.reader(data.splitlines()))
