"""The records of the checks: what is checked (`Pair`), with what settings
(`CheckSettings`), what was found (`Problem`), and the registry entry (`Check`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..config import Config, Section, default_value
from ..glossary import Glossary

ERROR = "error"
"""Would publish wrong content or break markup; `tflow check` exits 3."""

WARNING = "warning"
"""A matter of style for a reviewer to look at."""

DEFAULT_QUOTES: tuple[tuple[str, str], ...] = (("en", "“”‘’"), ("ru", "«»„“"), ("uk", "«»„“"))
DEFAULT_APOSTROPHE_UK: str = default_value("checks", "apostrophe_uk")
_LOW, _HIGH = default_value("checks", "length_ratio")
DEFAULT_LENGTH_RATIO = (float(_LOW), float(_HIGH))

_LANGUAGE_PAIR = re.compile(r"[a-z]{2,3}-[a-z]{2,3}")


@dataclass(frozen=True)
class Problem:
    """One thing a check found in one translation."""

    check: str
    severity: str  # ERROR or WARNING
    message: str


@dataclass(frozen=True)
class CheckSettings:
    """The ``[checks]`` table of `translate-flow.toml`, with defaults.

    `quotes` maps a language to the quotation marks its editions use;
    `length_ratios` maps ``"en-uk"`` to a (low, high) ratio of translation to
    source length that overrides `length_ratio` for that pair; `disable`
    names checks the project does not run.
    """

    quotes: tuple[tuple[str, str], ...] = DEFAULT_QUOTES
    apostrophe_uk: str = DEFAULT_APOSTROPHE_UK
    length_ratio: tuple[float, float] = DEFAULT_LENGTH_RATIO
    length_ratios: tuple[tuple[str, tuple[float, float]], ...] = ()
    disable: frozenset[str] = field(default_factory=frozenset)

    def quote_marks(self, lang: str) -> str | None:
        """The quotation marks allowed in `lang`, or None when none are configured."""
        return dict(self.quotes).get(lang)

    def ratio(self, source_lang: str, target_lang: str) -> tuple[float, float]:
        """The usual range of len(translation) / len(source) for this language pair."""
        return dict(self.length_ratios).get(f"{source_lang}-{target_lang}", self.length_ratio)

    @classmethod
    def from_config(cls, config: Config) -> CheckSettings:
        """Read ``[checks]``; a bad value is a ConfigError naming the file and key.

        ::

            [checks]
            apostrophe_uk = "’"
            length_ratio = [0.5, 2.0]
            disable = ["length"]
            [checks.quotes]
            uk = "«»„“"
            [checks.length_ratios]
            en-uk = [0.7, 1.8]
        """
        section = config.section("checks")
        quotes = dict(DEFAULT_QUOTES)
        table = section.table("quotes")
        for lang in table.keys():
            marks = table.get(lang)
            if not marks or any(ch.isalnum() or ch.isspace() for ch in marks):
                raise table.error(lang, f"expected the quotation marks in one string, like \"«»„“\", found {marks!r}")
            quotes[lang] = marks
        ratios = section.table("length_ratios")
        for pair in ratios.keys():
            if not _LANGUAGE_PAIR.fullmatch(pair):
                raise ratios.error(pair, "expected a language pair such as en-uk as the key")
        return cls(
            quotes=tuple(sorted(quotes.items())),
            apostrophe_uk=section.get("apostrophe_uk"),
            length_ratio=_ratio(section, "length_ratio"),
            length_ratios=tuple((pair, _ratio(ratios, pair)) for pair in sorted(ratios.keys())),
            disable=frozenset(_disabled(section)),
        )


def _ratio(section: Section, key: str) -> tuple[float, float]:
    numbers = section.get(key)
    if len(numbers) != 2 or not 0 < numbers[0] < numbers[1]:
        raise section.error(key, f"expected [low, high] with 0 < low < high, like [0.5, 2.0], found {numbers!r}")
    return (float(numbers[0]), float(numbers[1]))


def _disabled(section: Section) -> list[str]:
    from .registry import CHECKS  # the registry imports this module

    names: list[str] = section.get("disable")
    known = [check.name for check in CHECKS]
    for name in names:
        if name not in known:
            raise section.error("disable", f"no check named {name!r}; the checks are {', '.join(known)}")
    return names


@dataclass(frozen=True)
class Pair:
    """A source text and its translation, with what the checks need to judge it."""

    msgid: str
    msgstr: str
    source_lang: str
    target_lang: str
    glossary: Glossary = field(default_factory=Glossary)
    settings: CheckSettings = field(default_factory=CheckSettings)


@dataclass(frozen=True)
class Check:
    """A registered check: its name, the severity of its problems, its function."""

    name: str
    severity: str
    function: Callable[[Pair], Iterable[Problem]]

    @property
    def doc(self) -> str:
        """The first paragraph of the function's docstring on one line, for `tflow check --list`."""
        paragraph = (self.function.__doc__ or "").strip().split("\n\n")[0]
        return " ".join(paragraph.split())

    def __call__(self, pair: Pair) -> Iterable[Problem]:
        return self.function(pair)


def quoted(text: str) -> str:
    """`text` in «» for a message, or in “” when it has guillemets of its own."""
    return f"“{text}”" if "«" in text or "»" in text else f"«{text}»"
