"""Language data from Babel: codes, names, plural forms, dates.

This is the only module that imports Babel, so that the rest of translate-flow
speaks plain language codes (``uk``, ``ru``, ``en``) and asks here for anything
locale-specific.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale, UnknownLocaleError, negotiate_locale
from babel.dates import format_date as _babel_format_date
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


def name(code: str, in_language: str | None = None) -> str:
    """The language's name, in `in_language` (default: in itself), capitalised."""
    locale = _locale(code)
    shown = locale.get_display_name(_locale(in_language or code)) or code
    return shown[:1].upper() + shown[1:]


def english_name(code: str) -> str:
    return _locale(code).english_name or code


def plural_forms(code: str) -> str:
    """The PO ``Plural-Forms`` header value for the language."""
    plural = get_plural(_locale(code))
    return f"nplurals={plural.num_plurals}; plural={plural.plural_expr};"


def format_date(value: dt.date, code: str) -> str:
    """A date written the way readers of `code` write it (``25 листопада 2026 р.``)."""
    return _babel_format_date(value, format="long", locale=_locale(code))


def format_number(value: float, code: str) -> str:
    return format_decimal(value, locale=_locale(code))


def script(code: str) -> str:
    """The writing system: ``Cyrl`` or ``Latn`` (enough for the checks we run)."""
    locale = _locale(code)
    if locale.script:
        return locale.script
    return "Cyrl" if locale.language in {"uk", "ru", "be", "bg", "sr", "mk", "kk"} else "Latn"


def negotiate(accept_language: str, available: tuple[str, ...]) -> str | None:
    """The best of `available` for an HTTP Accept-Language header, or None.

    ``uk-UA,uk;q=0.9,ru;q=0.8`` with (uk, ru, en) gives ``uk``; a language
    with q=0 is refused, as RFC 9110 says.
    """
    preferred: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if tag and tag != "*" and quality > 0:
            preferred.append((-quality, position, tag.strip()))
    ordered = [tag.replace("-", "_") for _, _, tag in sorted(preferred)]
    # Babel matches "uk_UA" to "uk" only through its aliases; try the bare language too.
    ordered = [code for tag in ordered for code in (tag, tag.split("_")[0])]
    return negotiate_locale(ordered, list(available))


def plural_category(code: str, count: int) -> str:
    """The CLDR plural category of `count` in `code` (``one``, ``few``, ``many``, ``other``)."""
    return str(_locale(code).plural_form(count))
