"""The collective's translators and reviewers, from `[[people]]` in translate-flow.toml.

Names are written into PO comments (``# translated: olena 2026-11-25``), into
`review/assignments.toml` and into outbox paths, so a name is one word of
letters, digits, ``.``, ``_`` or ``-``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..config import ROLES, Config, Section

_NAME = re.compile(r"^\w[\w.-]*$")
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+$")


@dataclass(frozen=True)
class Person:
    """One volunteer: who they are, which languages they work in, and in what role."""

    name: str
    email: str
    languages: tuple[str, ...]
    roles: tuple[str, ...]
    max_words: int | None = None
    ui: str | None = None

    def can_translate(self, lang: str) -> bool:
        return "translator" in self.roles and lang in self.languages

    def can_review(self, lang: str) -> bool:
        return "reviewer" in self.roles and lang in self.languages

    def can_edit(self, lang: str) -> bool:
        """Whether this person may change the text of a `lang` translation.

        Reviewers may correct text as well as translators; their correction then
        needs someone else's approval.
        """
        return self.can_translate(lang) or self.can_review(lang)

    @property
    def address(self) -> str:
        """``name <email>``, as mail headers and PO `Last-Translator` write it."""
        return f"{self.name} <{self.email}>"


def _person(section: Section, languages: tuple[str, ...]) -> Person:
    name = section.get("name")
    if name is None:
        raise section.error("name", "missing; every person needs a name")
    if not _NAME.match(name):
        raise section.error(
            "name", f"expected one word (letters, digits, '.', '_', '-'), found {name!r}"
        )
    email = section.get("email")
    if email is None:
        raise section.error("email", f"missing; {name} needs an email address")
    if not _EMAIL.match(email):
        raise section.error("email", f"expected an address like olena@example.org, found {email!r}")
    langs = section.get("languages")
    if not langs:
        raise section.error("languages", f"missing; list the languages {name} works in")
    for lang in langs:
        if lang not in languages:
            raise section.error(
                "languages", f"{lang!r} is not a project language ({', '.join(languages)})"
            )
    roles = section.get("roles")
    if not roles:
        raise section.error("roles", f"missing; give {name} one or both of {', '.join(ROLES)}")
    return Person(
        name=name,
        email=email,
        languages=tuple(dict.fromkeys(langs)),
        roles=tuple(dict.fromkeys(roles)),
        max_words=section.get("max_words"),
        ui=section.get("ui"),
    )


def load_people(config: Config) -> dict[str, Person]:
    """Everyone in the config's `[[people]]` tables, by name, in file order."""
    people: dict[str, Person] = {}
    for section in config.top.tables("people"):
        person = _person(section, config.languages)
        if person.name in people:
            raise section.error("name", f"{person.name!r} is listed twice; names must be unique")
        people[person.name] = person
    return people
