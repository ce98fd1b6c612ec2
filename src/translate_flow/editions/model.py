"""The records a build produces: an edition, what keeps it from being published, its sign-off."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..segment import Statement


@dataclass(frozen=True)
class Missing:
    """A place in a statement whose translation cannot be published yet."""

    reference: str
    state: str


@dataclass(frozen=True)
class Signoff:
    """Who approved every entry of an edition, when, and the hash of the text they approved."""

    people: tuple[tuple[str, str], ...]  # (person, ISO day of their last approval), by name
    digest: str
    overrides: tuple[str, ...] = ()  # checks a reviewer overrode, with who, when, where and why

    @property
    def day(self) -> dt.date:
        return max(dt.date.fromisoformat(day) for _, day in self.people)

    def __str__(self) -> str:
        shown = "".join(f"; {line}" for line in self.overrides)
        return ", ".join(f"{p} ({d})" for p, d in self.people) + f"; sha256:{self.digest}{shown}"


@dataclass
class Edition:
    """One statement in one language, as composed by a build (and where it was written)."""

    slug: str
    lang: str
    statement: Statement
    text: str = ""
    meta: dict[str, str] = field(default_factory=dict)  # front-matter values in this language
    draft: bool = False
    missing: list[Missing] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    signoff: Signoff | None = None

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def title(self) -> str:
        return self.meta.get("title") or self.statement.slug
