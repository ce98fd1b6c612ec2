"""The ``[checks]`` table of `translate-flow.toml` → `CheckSettings`.

Here, not in `model`, because naming the checks that may be disabled needs the
registry, and the registry is built on `model`.
"""

from __future__ import annotations

import re

from ..config import Config, Section
from .model import DEFAULT_QUOTES, CheckSettings
from .registry import CHECKS

_LANGUAGE_PAIR = re.compile(r"[a-z]{2,3}-[a-z]{2,3}")


def load_settings(config: Config) -> CheckSettings:
    """Read ``[checks]``; a bad value is a ConfigError naming the file, line and key.

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
    return CheckSettings(
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
    names: list[str] = section.get("disable")
    known = [check.name for check in CHECKS]
    for name in names:
        if name not in known:
            raise section.error("disable", f"no check named {name!r}; the checks are {', '.join(known)}")
    return names
