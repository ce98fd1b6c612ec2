"""`glossary.csv` → terms, and where they occur in a text.

The glossary is the collective's agreement on names and loaded words: how
"Azov Battalion" is written in each language, that ``YPJ`` is never
translated, that ``на Украине`` is never used. Its columns are
``en,uk,ru,note,forbidden``; a cell may be empty (no required form in that
language). ``forbidden`` lists variants nobody may use, separated by ``;``,
each optionally prefixed by a language (``ru:на Украине; uk:Незалежна``).

Matching is meant for running text: case-insensitive, on word boundaries, over
multi-word terms, and in any inflection. Ukrainian and Russian words are
compared by lemma through `morphology` (``Україна`` is found in ``в Україні``,
``Київ`` in ``до Києва``, ``Республіка`` in ``у Республіці``); English words
take their plural endings. The glossary is asked about every entry of catalogs
with tens of thousands of entries, so a text is split into words once (one
precompiled regex) and the words are looked up in a per-language index keyed by
lemma or stem; no regex is run per term. The index also finds terms nested in
longer ones (``Republic`` inside ``Donetsk People's Republic``), which one big
alternation regex would not.

An optional ``offensive`` column lists the collective's own slurs and hate terms
in the same ``lang:variant; …`` form as ``forbidden``; they extend the shipped
list (`offensive`): a translation may use one only where its source does.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import morphology
from . import text as textfacts
from .errors import ConfigError
from .offensive import Slur, Slurs, shipped

LANGUAGES = ("en", "uk", "ru")
"""The language columns of `glossary.csv`."""

COLUMNS = (*LANGUAGES, "note", "forbidden", "offensive")

_WORD = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")
_LANG_PREFIX = re.compile(r"([A-Za-z]{2,3})\s*:\s*(.*)", re.DOTALL)
_QUOTES_AND_SPACE = re.compile(r"[\s«»„“”‘’‚‹›\"']+")
_CYRILLIC = textfacts.CYRILLIC
_MAX_ENDING = 3
_HEAD = 3
_ENGLISH_ENDINGS = frozenset({"", "s", "es", "'s"})


@dataclass(frozen=True)
class Term:
    """One glossary row: the term in each language, a note, forbidden variants.

    `forbidden` holds ``(language or None, variant)`` pairs; ``None`` means
    the variant is forbidden in every language.
    """

    en: str
    uk: str
    ru: str
    note: str = ""
    forbidden: tuple[tuple[str | None, str], ...] = ()
    offensive: tuple[tuple[str | None, str], ...] = ()

    def text(self, lang: str) -> str:
        """The required form in `lang`; empty when the glossary requires none."""
        if lang == "en":
            return self.en
        if lang == "uk":
            return self.uk
        if lang == "ru":
            return self.ru
        return ""

    @property
    def name(self) -> str:
        """The term as people refer to it: its first filled form (en, uk, ru)."""
        return self.en or self.uk or self.ru or (self.forbidden[0][1] if self.forbidden else "")

    @property
    def dnt(self) -> bool:
        """Do-not-translate: at least two forms are filled and all are the same text."""
        forms = [form for form in (self.en, self.uk, self.ru) if form]
        return len(forms) >= 2 and len(set(forms)) == 1

    def forbidden_for(self, lang: str) -> tuple[str, ...]:
        """The variants nobody may write in `lang`."""
        return tuple(variant for where, variant in self.forbidden if where is None or where == lang)


@dataclass(frozen=True)
class _Stem:
    """A text word matches when it is `stem` plus an allowed ending."""

    stem: str
    endings: frozenset[str]


@dataclass(frozen=True)
class _Pattern:
    """One word of a term: its English stems or its Slavic lemmas, and whether it is an acronym."""

    stems: tuple[_Stem, ...]
    acronym: bool
    lemmas: frozenset[str] = frozenset()
    lang: str = ""


@dataclass(frozen=True)
class _Phrase:
    """A term form as words and the (normalised) gaps between them."""

    words: tuple[_Pattern, ...]
    gaps: tuple[str, ...]


def _normalize(word: str) -> str:
    return word.casefold().replace("ё", "е").replace("’", "'").replace("ʼ", "'")


def _gap(text: str) -> str:
    """Punctuation between two words of a term; quotes ignored, spaces collapsed."""
    return _QUOTES_AND_SPACE.sub(" ", text).replace("\u2011", "-")


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    """The normalised words of `text`; findall keeps this hot path in C."""
    folded = _normalize(text)
    if len(folded) == len(text):
        return tuple(_WORD.findall(folded))
    return tuple(_normalize(word) for word in _WORD.findall(text))


@lru_cache(maxsize=1024)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where each of `_words(text)` is; only multi-word terms and acronyms need it."""
    folded = _normalize(text)
    source = folded if len(folded) == len(text) else text
    return tuple(match.span() for match in _WORD.finditer(source))


def _slavic(norm: str, lang: str) -> bool:
    return lang in morphology.LANGUAGES and _CYRILLIC.search(norm) is not None


def _pattern(word: str, lang: str) -> _Pattern:
    """How a word of a term form in `lang` may appear in running text of that language."""
    norm = _normalize(word)
    letters = [ch for ch in word if ch.isalpha()]
    acronym = len(letters) >= 2 and all(ch.isupper() for ch in letters)
    if _slavic(norm, lang) and not acronym:
        return _Pattern((), acronym, morphology.lemmas(norm, lang), lang)
    stems: tuple[_Stem, ...]
    if lang == "en" and not _CYRILLIC.search(norm):
        stems = (_Stem(norm, _ENGLISH_ENDINGS),)
        if norm.endswith("y") and len(norm) > 2:
            stems += (_Stem(norm[:-1], frozenset({"ies"})),)
    else:
        stems = (_Stem(norm, frozenset({""})),)
    return _Pattern(stems, acronym)


@lru_cache(maxsize=4096)
def _phrase(form: str, lang: str) -> _Phrase | None:
    """The matcher for a term form in `lang`; None when the form has no words."""
    matches = list(_WORD.finditer(form))
    if not matches:
        return None
    words = tuple(_pattern(m.group(), lang) for m in matches)
    gaps = tuple(_gap(form[a.end() : b.start()]) for a, b in zip(matches, matches[1:]))
    return _Phrase(words, gaps)


def _word_matches(pattern: _Pattern, norm: str) -> bool:
    if pattern.lemmas:
        return _slavic(norm, pattern.lang) and not pattern.lemmas.isdisjoint(morphology.lemmas(norm, pattern.lang))
    for stem in pattern.stems:
        if norm.startswith(stem.stem) and norm[len(stem.stem) :] in stem.endings:
            return True
    return False


def _phrase_at(phrase: _Phrase, text: str, words: tuple[str, ...], index: int) -> bool:
    """Whether `phrase` occurs in `text` starting at its word number `index`."""
    count = len(phrase.words)
    if index + count > len(words):
        return False
    for offset, pattern in enumerate(phrase.words):
        if not _word_matches(pattern, words[index + offset]):
            return False
    if count == 1 and not phrase.words[0].acronym:
        return True
    spans = _spans(text)
    for offset, pattern in enumerate(phrase.words):
        start, end = spans[index + offset]
        if pattern.acronym and text[start:end].islower():
            return False
        if offset and _gap(text[spans[index + offset - 1][1] : start]) != phrase.gaps[offset - 1]:
            return False
    return True


@dataclass(frozen=True)
class _Index:
    """Phrases of one language, keyed by the stems (English) or lemmas (uk, ru) of their first word.

    `heads` holds the first three letters of every stem (a short stem's
    possible words whole), so that most words of a text cost one set lookup;
    a Cyrillic word is looked up by its lemmas (cached per word).
    """

    by_stem: dict[str, tuple[tuple[int, _Phrase], ...]]
    heads: frozenset[str]
    by_lemma: dict[str, tuple[tuple[int, _Phrase], ...]]
    lang: str

    @classmethod
    def build(cls, items: Iterable[tuple[int, _Phrase]], lang: str) -> _Index:
        by_stem: dict[str, list[tuple[int, _Phrase]]] = {}
        by_lemma: dict[str, list[tuple[int, _Phrase]]] = {}
        heads: set[str] = set()
        for key, phrase in items:
            first = phrase.words[0]
            for lemma in first.lemmas:
                by_lemma.setdefault(lemma, []).append((key, phrase))
            for stem in first.stems:
                by_stem.setdefault(stem.stem, []).append((key, phrase))
                if len(stem.stem) >= _HEAD:
                    heads.add(stem.stem[:_HEAD])
                else:
                    heads.update((stem.stem + ending)[:_HEAD] for ending in stem.endings)
        return cls(
            {stem: tuple(found) for stem, found in by_stem.items()},
            frozenset(heads),
            {lemma: tuple(found) for lemma, found in by_lemma.items()},
            lang,
        )

    def _candidates(self, norm: str) -> Iterator[tuple[int, _Phrase]]:
        if self.by_lemma and _slavic(norm, self.lang):
            for lemma in morphology.lemmas(norm, self.lang):
                yield from self.by_lemma.get(lemma, ())
        if norm[:_HEAD] in self.heads:
            size = len(norm)
            for cut in range(min(_MAX_ENDING, size - 1) + 1):
                yield from self.by_stem.get(norm[: size - cut], ())

    def find(self, text: str) -> Iterator[int]:
        """The keys of the phrases that occur in `text`, in order, each once."""
        if not self.by_stem and not self.by_lemma:
            return
        seen: set[int] = set()
        words = _words(text)
        for index, norm in enumerate(words):
            for key, phrase in self._candidates(norm):
                if key not in seen and _phrase_at(phrase, text, words, index):
                    seen.add(key)
                    yield key


_FOUND_KEPT = 65536  # texts whose terms a glossary remembers


@dataclass(frozen=True)
class Glossary:
    """The terms of `glossary.csv`, with lookups by language."""

    terms: tuple[Term, ...] = ()
    _terms: dict[str, _Index] = field(default_factory=dict, init=False, repr=False, compare=False)
    _forbidden: dict[str, tuple[_Index, tuple[tuple[Term, str], ...]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _words: dict[str, frozenset[str]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _found: dict[tuple[str, str], tuple[int, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @classmethod
    def load(cls, path: Path) -> Glossary:
        """Read `path`; a missing file is an empty glossary, a bad row a ConfigError."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return cls()
        except OSError as exc:
            raise ConfigError(f"cannot read the glossary: {exc.strerror}", path=path) from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise ConfigError(
                "not UTF-8; save the glossary as CSV in UTF-8", path=path, line=line
            ) from None
        return cls.parse(text, path)

    @classmethod
    def parse(cls, text: str, path: Path) -> Glossary:
        """A glossary from CSV text; `path` is only used in error messages."""
        return cls(tuple(_read_rows(text, path)))

    def terms_in(self, text: str, lang: str) -> list[Term]:
        """The terms whose `lang` form occurs in `text`, in order of appearance."""
        index = self._terms.get(lang)
        if index is None:
            index = _Index.build(
                (
                    (number, phrase)
                    for number, term in enumerate(self.terms)
                    if (phrase := _phrase(term.text(lang), lang)) is not None
                ),
                lang,
            )
            self._terms[lang] = index
        found = self._found.get((text, lang))
        if found is None:  # the checks of one pair ask for the same source text's terms
            if len(self._found) >= _FOUND_KEPT:
                self._found.clear()
            found = self._found[(text, lang)] = tuple(index.find(text))
        return [self.terms[key] for key in found]

    def contains(self, text: str, lang: str, term: Term) -> bool:
        """Whether `text` contains the `lang` form of `term` (in any inflection)."""
        phrase = _phrase(term.text(lang), lang)
        if phrase is None:
            return False
        words = _words(text)
        return any(_phrase_at(phrase, text, words, index) for index in range(len(words)))

    def forbidden_in(self, text: str, lang: str) -> list[tuple[Term, str]]:
        """The forbidden variants for `lang` that `text` uses, with their terms."""
        built = self._forbidden.get(lang)
        if built is None:
            variants = tuple(
                (term, variant) for term in self.terms for variant in term.forbidden_for(lang)
            )
            index = _Index.build(
                (
                    (number, phrase)
                    for number, (_, variant) in enumerate(variants)
                    if (phrase := _phrase(variant, lang)) is not None
                ),
                lang,
            )
            built = self._forbidden[lang] = (index, variants)
        index, variants = built
        return [variants[key] for key in index.find(text)]

    def words_of(self, lang: str) -> frozenset[str]:
        """Every word of the glossary's `lang` forms and of its dnt names, casefolded: names
        and terms that a check of words must not call foreign or unknown."""
        found = self._words.get(lang)
        if found is None:
            forms = [term.text(lang) for term in self.terms] + self.dnt_terms()
            found = frozenset(w.casefold() for form in forms for w in textfacts.words(form))
            self._words[lang] = found
        return found

    def slurs(self) -> Slurs:
        """The shipped slurs and hate terms plus the glossary's ``offensive`` column."""
        own = Slurs(
            Slur(
                tuple((where, variant) for where, variant in term.offensive if where is not None)
                + tuple((lang, variant) for where, variant in term.offensive if where is None
                        for lang in LANGUAGES),
                term.note,
            )
            for term in self.terms
            if term.offensive
        )
        return shipped() + own if own.slurs else shipped()

    def dnt_terms(self) -> list[str]:
        """The do-not-translate names (``YPJ``), to keep verbatim in every language."""
        return [term.name for term in self.terms if term.dnt]


def _read_rows(text: str, path: Path) -> Iterator[Term]:
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    columns: dict[str, int] | None = None
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ConfigError(f"malformed CSV: {exc}", path=path, line=reader.line_num) from None
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if columns is None:
            columns = _header(cells, path, line)
            continue
        yield _term(cells, columns, path, line)


def _header(cells: list[str], path: Path, line: int) -> dict[str, int]:
    names = [cell.lower() for cell in cells]
    expected = ",".join(COLUMNS)
    unknown = [name for name in names if name not in COLUMNS]
    if unknown:
        raise ConfigError(
            f"unknown column {unknown[0]!r} in the header; expected the columns {expected}",
            path=path,
            line=line,
        )
    for name in names:
        if names.count(name) > 1:
            raise ConfigError(f"column {name!r} appears twice in the header", path=path, line=line)
    missing = [name for name in LANGUAGES if name not in names]
    if missing:
        raise ConfigError(
            f"the header has no {missing[0]!r} column; the first row must be {expected}",
            path=path,
            line=line,
        )
    return {name: position for position, name in enumerate(names)}


def _term(cells: list[str], columns: dict[str, int], path: Path, line: int) -> Term:
    if len(cells) > len(columns):
        raise ConfigError(
            f"expected {len(columns)} cells ({','.join(columns)}), found {len(cells)}; "
            "put a cell that contains a comma in double quotes",
            path=path,
            line=line,
        )

    def cell(name: str) -> str:
        position = columns.get(name)
        return cells[position] if position is not None and position < len(cells) else ""

    forbidden = _forbidden(cell("forbidden"), path, line)
    offensive = _forbidden(cell("offensive"), path, line)
    term = Term(cell("en"), cell("uk"), cell("ru"), cell("note"), forbidden, offensive)
    if not (term.en or term.uk or term.ru or forbidden or offensive):
        raise ConfigError(
            "the row has no term in en, uk or ru and no forbidden or offensive variant",
            path=path, line=line,
        )
    return term


def _forbidden(cell: str, path: Path, line: int) -> tuple[tuple[str | None, str], ...]:
    found: list[tuple[str | None, str]] = []
    for part in cell.split(";"):
        part = part.strip()
        if not part:
            continue
        match = _LANG_PREFIX.fullmatch(part)
        if match is None:
            found.append((None, part))
            continue
        lang, variant = match.group(1).lower(), match.group(2).strip()
        if lang not in LANGUAGES:
            raise ConfigError(
                f"forbidden variant {part!r}: unknown language {lang!r}; "
                f"prefix a variant with {', '.join(code + ':' for code in LANGUAGES)} or nothing",
                path=path,
                line=line,
            )
        if not variant:
            raise ConfigError(
                f"forbidden variant {part!r} has nothing after {lang}:", path=path, line=line
            )
        found.append((lang, variant))
    return tuple(found)
