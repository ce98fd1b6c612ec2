"""Which interface language a person reads: one rule for pages, sheets, mails and messages.

A person's `[[people]] ui` wins, else their first working language; either
only when the interface is translated into it. A page then falls back to the
browser's Accept-Language, and everything else to English, the msgid language.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .. import locales
from . import LANGUAGES, SOURCE_LANGUAGE

if TYPE_CHECKING:
    from ..review.people import Person


def person_language(person: Person) -> str | None:
    """The interface language of `person`, or None when nothing in `[[people]]` says."""
    for code in ([person.ui] if person.ui else []) + list(person.languages[:1]):
        if code in LANGUAGES:
            return code
    return None


def page_language(chosen: str | None, person: str | None, accept_language: str) -> str:
    """A page's language: the switch's choice, the person's, the browser's, else English."""
    if chosen in LANGUAGES:
        return chosen
    if person is not None:
        return person
    return locales.negotiate(accept_language, LANGUAGES) or SOURCE_LANGUAGE


def reader_language(person: Person) -> str:
    """The language of what `person` reads away from a browser: mails, offline sheets."""
    return person_language(person) or SOURCE_LANGUAGE


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
