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
from babel.lists import format_list as _babel_format_list
from babel.messages.plurals import get_plural
from babel.numbers import format_decimal


@lru_cache(maxsize=None)
def _locale(code: str) -> Locale:
    return Locale.parse(code.replace("-", "_"))


def is_known(code: str) -> bool:
    try:
        _locale(code)
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


def name(code: str, in_language: str | None = None, *, capitalised: bool = True) -> str:
    """The language's name, in `in_language` (default: in itself), capitalised unless asked not to.

    Uncapitalised, it is as Babel (CLDR) writes it inside a sentence: ``англійська``, ``English``.
    """
    locale = _locale(code)
    shown = locale.get_display_name(_locale(in_language or code)) or code
    return shown[:1].upper() + shown[1:] if capitalised else shown


def english_name(code: str) -> str:
    return _locale(code).english_name or code


# GNU gettext's msginit table (gettext-tools/src/plural-table.c), copied
# verbatim: catalogs carry what gettext tools write, whatever Babel version is
# installed (Babel 2.19 prints the uk/ru formula differently from 2.14).
_MSGINIT_PLURAL_FORMS: dict[str, str] = {
    "ja": "nplurals=1; plural=0;",
    "vi": "nplurals=1; plural=0;",
    "ko": "nplurals=1; plural=0;",
    "en": "nplurals=2; plural=(n != 1);",
    "de": "nplurals=2; plural=(n != 1);",
    "nl": "nplurals=2; plural=(n != 1);",
    "sv": "nplurals=2; plural=(n != 1);",
    "da": "nplurals=2; plural=(n != 1);",
    "no": "nplurals=2; plural=(n != 1);",
    "nb": "nplurals=2; plural=(n != 1);",
    "nn": "nplurals=2; plural=(n != 1);",
    "fo": "nplurals=2; plural=(n != 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "pt": "nplurals=2; plural=(n != 1);",
    "it": "nplurals=2; plural=(n != 1);",
    "bg": "nplurals=2; plural=(n != 1);",
    "el": "nplurals=2; plural=(n != 1);",
    "fi": "nplurals=2; plural=(n != 1);",
    "et": "nplurals=2; plural=(n != 1);",
    "he": "nplurals=2; plural=(n != 1);",
    "eo": "nplurals=2; plural=(n != 1);",
    "hu": "nplurals=2; plural=(n != 1);",
    "tr": "nplurals=2; plural=(n != 1);",
    "ca": "nplurals=2; plural=(n != 1);",
    "pt_BR": "nplurals=2; plural=(n > 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "lv": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);",
    "ga": "nplurals=3; plural=n==1 ? 0 : n==2 ? 1 : 2;",
    "ro": "nplurals=3; plural=n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2;",
    "lt": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "uk": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "be": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "sr": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "hr": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "cs": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
    "sk": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "sl": "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
}


def plural_forms(code: str) -> str:
    """The PO ``Plural-Forms`` header value for the language, as msginit writes it.

    Looked up as msginit does: the full locale (``pt_BR``), then the language;
    a language gettext's table lacks gets Babel's CLDR-derived formula.
    """
    locale = _locale(code)
    for key in (str(locale), locale.language):
        if key in _MSGINIT_PLURAL_FORMS:
            return _MSGINIT_PLURAL_FORMS[key]
    plural = get_plural(locale)
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
