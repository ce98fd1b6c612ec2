"""The records of the checks: what is checked (`Pair`), with what settings
(`CheckSettings`), what was found (`Problem`), and the registry entry (`Check`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..config import default_value
from ..catalog.drafts import Ambiguity
from ..glossary import Glossary
from ..ui.message import Message

ERROR = "error"
"""Would publish wrong content or break markup; `tflow check` exits 3."""

WARNING = "warning"
"""A matter of style for a reviewer to look at."""

DEFAULT_QUOTES: tuple[tuple[str, str], ...] = (("en", "“”‘’"), ("ru", "«»„“"), ("uk", "«»„“"))
DEFAULT_APOSTROPHE_UK: str = default_value("checks", "apostrophe_uk")
_LOW, _HIGH = default_value("checks", "length_ratio")
DEFAULT_LENGTH_RATIO = (float(_LOW), float(_HIGH))


@dataclass(frozen=True)
class Problem:
    """One thing a check found in one translation."""

    check: str
    severity: str  # ERROR or WARNING
    message: Message  # str() is English; the reader's boundary renders it in their language
    words: tuple[str, ...] = ()  # the words of the translation it is about, if any


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


@dataclass(frozen=True)
class Pair:
    """A source text and its translation, with what the checks need to judge it."""

    msgid: str
    msgstr: str
    source_lang: str
    target_lang: str
    glossary: Glossary = field(default_factory=Glossary)
    settings: CheckSettings = field(default_factory=CheckSettings)
    unknown: tuple[str, ...] = ()  # words a machine engine did not know (the draft's note)
    errors: tuple[str, ...] = ()  # words it could not inflect
    ambiguous: tuple[Ambiguity, ...] = ()  # source words whose sense it guessed


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
