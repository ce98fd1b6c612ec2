"""What the library says to a person, kept language-free until the reader is known.

A `Message` is an English msgid and the values of its ``%(name)s`` placeholders.
The library (checks, approval verdicts, review decisions) returns messages;
`str()` is the English text, as logs, JSON for machines and tests expect. The
boundary that knows its reader (web page, offline sheet, packet, mail, a
reviewer's command) calls `render` with the reader's language. A value may be a
`Message` itself, or a `Language`, rendered in the same language.

Extraction finds the msgids through the keywords ``Message`` and
``plural_message:1,2`` (``make ui-catalogs``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Union

from .. import locales

Value = Union[str, int, float, "Message", "Language"]


@dataclass(frozen=True)
class Language:
    """A language named in a message: ``Ukrainian`` in English, ``українська`` in Ukrainian."""

    code: str

    def render(self, lang: str) -> str:
        from . import interface_language

        if interface_language(lang) == "en" or not locales.is_known(self.code):
            return locales.english_name(self.code) if locales.is_known(self.code) else self.code
        return locales.name(self.code, interface_language(lang), capitalised=False)

    def __str__(self) -> str:
        return self.render("en")


@dataclass(frozen=True, init=False)
class Message:
    """An English msgid (and its plural, for a count `n`) with its placeholder values."""

    msgid: str
    values: tuple[tuple[str, Value], ...]
    plural: str | None
    n: int | None

    def __init__(self, msgid: str, /, **values: Value) -> None:
        object.__setattr__(self, "msgid", msgid)
        object.__setattr__(self, "values", tuple(values.items()))
        object.__setattr__(self, "plural", None)
        object.__setattr__(self, "n", None)

    def render(self, lang: str) -> str:
        """The message in `lang` (English when the catalog has no translation)."""
        from . import ntr, tr

        if not self.msgid:
            return ""  # gettext("") is the catalog's header
        values = {name: value.render(lang) if isinstance(value, (Message, Language)) else value
                  for name, value in self.values}
        if self.plural is not None and self.n is not None:
            return ntr(lang, self.msgid, self.plural, self.n, **values)
        return tr(lang, self.msgid, **values) if values else tr(lang, self.msgid)

    def __str__(self) -> str:
        return self.render("en")


def plural_message(singular: str, plural: str, n: int, /, **values: Value) -> Message:
    """A message with a count: ``%(num)d`` is `n`, and the form is the one for `n` in the reader's language."""
    found = Message(singular, **values)
    object.__setattr__(found, "plural", plural)
    object.__setattr__(found, "n", n)
    return found


def joined(parts: Sequence[Message], separator: str = "; ") -> Message:
    """Several messages as one, in order (each rendered in the reader's language)."""
    names = {f"m{number}": part for number, part in enumerate(parts)}
    return Message(separator.join(f"%({name})s" for name in names), **names)


def rendered(data: Any, lang: str) -> Any:
    """`data` (dicts, lists, tuples of JSON values) with every message rendered in `lang`."""
    if isinstance(data, (Message, Language)):
        return data.render(lang)
    if isinstance(data, Mapping):
        return {key: rendered(value, lang) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [rendered(value, lang) for value in data]
    return data
