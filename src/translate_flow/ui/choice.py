"""Which interface language a person reads: one rule for pages, sheets, mails and messages.

A person's `[[people]] ui` wins, else their first working language; either
only when the interface is translated into it. A page then falls back to the
browser's Accept-Language, and everything else to English, the msgid language.
"""

from __future__ import annotations

import os

from .. import locales
from ..config import Config
from . import LANGUAGES, SOURCE_LANGUAGE


def person_language(config: Config, name: str) -> str | None:
    """The interface language of the person `name` in `config`, or None when nothing says."""
    for section in config.top.tables("people"):
        if section.str("name", None) != name:
            continue
        # `ui` is read from the table itself so that this rule holds whatever
        # fields the Person record carries.
        chosen = section.str("ui", None)
        languages = section.str_list("languages", [])
        for code in ([chosen] if chosen else []) + languages[:1]:
            if code in LANGUAGES:
                return code
        return None
    return None


def page_language(chosen: str | None, person: str | None, accept_language: str) -> str:
    """A page's language: the switch's choice, the person's, the browser's, else English."""
    if chosen in LANGUAGES:
        return chosen
    if person is not None:
        return person
    return locales.negotiate(accept_language, LANGUAGES) or SOURCE_LANGUAGE


def reader_language(config: Config, name: str) -> str:
    """The language of what `name` reads away from a browser: mails, offline sheets."""
    return person_language(config, name) or SOURCE_LANGUAGE


def terminal_language() -> str:
    """The interface language of a command's messages, from the environment as gettext reads it.

    The locale is ``LC_ALL``, else ``LC_MESSAGES``, else ``LANG``; ``C`` or
    ``POSIX`` (or none) means English. Otherwise ``LANGUAGE``, a list such as
    ``uk:ru``, is tried first, then the locale's own language.
    """
    locale = next((os.environ[v] for v in ("LC_ALL", "LC_MESSAGES", "LANG") if os.environ.get(v)), "")
    base = locale.split(".")[0].split("@")[0]
    if base in ("", "C", "POSIX"):
        return SOURCE_LANGUAGE
    for code in os.environ.get("LANGUAGE", "").split(":") + [base]:
        language = code.split("_")[0].split(".")[0]
        if language in LANGUAGES:
            return language
    return SOURCE_LANGUAGE
