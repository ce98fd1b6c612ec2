"""Language data from Babel: codes, names, plural forms, dates.

This is the only module that imports Babel, so that the rest of translate-flow
speaks plain language codes (``uk``, ``ru``, ``en``) and asks here for anything
locale-specific.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_format_date
from babel.lists import format_list as _babel_format_list
from babel.messages.plurals import get_plural
from babel.numbers import format_decimal

from .errors import LocaleError


@lru_cache(maxsize=None)
def _locale(code: str) -> Locale:
    return Locale.parse(code.replace("-", "_"))


def is_known(code: str) -> bool:
    try:
        _locale(code)
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


def require_known(code: str, *, where: str) -> None:
    """Raise LocaleError naming `where` when Babel does not know `code`."""
    if not is_known(code):
        raise LocaleError(
            f"{where}: unknown language code {code!r}; use an ISO 639 code such as uk, ru or en"
        )


def name(code: str, in_language: str | None = None, *, capitalised: bool = True) -> str:
    """The language's name, in `in_language` (default: in itself), capitalised unless asked not to.

    Uncapitalised, it is as Babel (CLDR) writes it inside a sentence: ``англійська``, ``English``.
    """
    locale = _locale(code)
    shown = locale.get_display_name(_locale(in_language or code)) or code
    return shown[:1].upper() + shown[1:] if capitalised else shown


def english_name(code: str) -> str:
    return _locale(code).english_name or code


def plural_forms(code: str) -> str:
    """The PO ``Plural-Forms`` header value for the language."""
    plural = get_plural(_locale(code))
    return f"nplurals={plural.num_plurals}; plural={plural.plural_expr};"


def format_date(value: dt.date, code: str) -> str:
    """A date written the way readers of `code` write it (``25 листопада 2026 р.``)."""
    return _babel_format_date(value, format="long", locale=_locale(code))


def format_list(items: list[str], code: str) -> str:
    """Items joined the way readers of `code` write a list (``olena і taras``)."""
    return _babel_format_list(items, locale=_locale(code))


def format_number(value: float, code: str) -> str:
    return format_decimal(value, locale=_locale(code))


def script(code: str) -> str:
    """The writing system: ``Cyrl`` or ``Latn`` (enough for the checks we run)."""
    locale = _locale(code)
    if locale.script:
        return locale.script
    return "Cyrl" if locale.language in {"uk", "ru", "be", "bg", "sr", "mk", "kk"} else "Latn"
