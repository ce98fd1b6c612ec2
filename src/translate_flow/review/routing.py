"""Who translates and who reviews each statement's language, and what is on their desk.

`route` gives every statement-and-language with pending work a translator and
a reviewer qualified for that language, the least-loaded first, within each
person's `max_words`. The result is kept in `review/assignments.toml` and is
stable: a later run keeps an assignment unless its person left `[[people]]`,
lost the language or role, or is over their load. `queue` turns assignments
and the catalogs' current states into each person's worklist.

A person's load is the pending words that will pass through their hands:
for a translator the words still to translate (empty, draft or stale
entries), for a reviewer every word not yet approved.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polib
import tomli_w

from .. import catalog, storage
from ..catalog import State
from ..errors import ConfigError, ReviewError
from ..project import Project
from .people import Person, load_people

ASSIGNMENTS = Path("review") / "assignments.toml"
TRANSLATOR = "translator"
REVIEWER = "reviewer"
TO_TRANSLATE = (State.UNTRANSLATED, State.DRAFT, State.STALE)
_HEADER = """\
# Who translates and who reviews each statement's language; written by `tflow route`.
# Kept on later runs unless the person leaves [[people]], loses the language or role,
# or is over their max_words. Edit by hand to reassign; `tflow route` checks it.

"""


def amount(count: int, noun: str) -> str:
    """``1 entry``, ``2 entries``: a count with its noun in the right number."""
    plural = {"entry": "entries"}.get(noun, noun + "s")
    return f"{count} {noun if count == 1 else plural}"


@dataclass(frozen=True)
class Assignment:
    """The people given one statement-and-language, and its pending words now."""

    slug: str
    lang: str
    translator: str | None
    reviewer: str | None
    translate_words: int = 0
    review_words: int = 0

    def person(self, role: str) -> str | None:
        return self.translator if role == TRANSLATOR else self.reviewer


@dataclass(frozen=True)
class Assignments:
    """What `route` decided: every assignment, what it changed and why, and the file."""

    path: Path
    items: tuple[Assignment, ...]
    notes: tuple[str, ...] = ()
    written: bool = False

    def find(self, slug: str, lang: str) -> Assignment | None:
        for item in self.items:
            if (item.slug, item.lang) == (slug, lang):
                return item
        return None

    def load(self) -> dict[str, int]:
        """Pending words per person over all their assignments."""
        totals: dict[str, int] = {}
        for item in self.items:
            if item.translator:
                totals[item.translator] = totals.get(item.translator, 0) + item.translate_words
            if item.reviewer:
                totals[item.reviewer] = totals.get(item.reviewer, 0) + item.review_words
        return totals


@dataclass(frozen=True)
class Task:
    """One entry on a person's worklist: translate it, or review (approve) it."""

    slug: str
    lang: str
    msgid: str
    state: State
    words: int
    role: str
    reference: str
    fingerprint: str


@dataclass(frozen=True)
class Worklist:
    """A person's pending work: the entries they can act on now."""

    person: str
    tasks: tuple[Task, ...] = ()

    @property
    def units(self) -> list[tuple[str, str]]:
        """The (statement, language) pairs with work, in worklist order."""
        return list(dict.fromkeys((t.slug, t.lang) for t in self.tasks))

    @property
    def statements(self) -> list[str]:
        return list(dict.fromkeys(t.slug for t in self.tasks))

    @property
    def entries(self) -> int:
        return len(self.tasks)

    @property
    def words(self) -> int:
        return sum(t.words for t in self.tasks)

    def describe(self) -> str:
        """``34 entries, 976 words in 1 statement``."""
        return (f"{amount(self.entries, 'entry')}, {amount(self.words, 'word')} "
                f"in {amount(len(self.statements), 'statement')}")

    def summary(self) -> list[dict[str, Any]]:
        """Per statement, language and role: entries and words."""
        rows: dict[tuple[str, str, str], dict[str, Any]] = {}
        for task in self.tasks:
            row = rows.setdefault(
                (task.slug, task.lang, task.role),
                {"statement": task.slug, "lang": task.lang, "role": task.role,
                 "entries": 0, "words": 0},
            )
            row["entries"] += 1
            row["words"] += task.words
        return list(rows.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "person": self.person,
            "statements": self.statements,
            "entries": self.entries,
            "words": self.words,
            "work": self.summary(),
            "tasks": [
                {"statement": t.slug, "lang": t.lang, "role": t.role, "state": t.state.value,
                 "words": t.words, "reference": t.reference, "msgid": t.msgid,
                 "fingerprint": t.fingerprint}
                for t in self.tasks
            ],
        }


class _Unit:
    """One catalog's live entries with their states and words, computed once."""

    def __init__(self, slug: str, lang: str, entries: Iterable[polib.POEntry]) -> None:
        self.slug = slug
        self.lang = lang
        self.entries = [(e, catalog.state(e), catalog.words(e.msgid)) for e in entries]
        self.translate_words = sum(w for _, s, w in self.entries if s in TO_TRANSLATE)
        self.review_words = sum(w for _, s, w in self.entries if s.pending)
        self._own: dict[str, int] = {}
        for entry, current, count in self.entries:
            who = catalog.translator(entry) if current is State.TRANSLATED else None
            if who:
                self._own[who] = self._own.get(who, 0) + count

    def own_words(self, person: str) -> int:
        """Words of translated entries that `person` translated, so may not approve."""
        return self._own.get(person, 0)


def assignments_path(project: Project) -> Path:
    return project.root / ASSIGNMENTS


def _units(project: Project) -> list[_Unit]:
    """Every extracted catalog of every statement, with its live entries."""
    units = []
    for source in project.statement_files():
        slug = project.slug(source)
        for lang in project.config.languages:
            path = project.catalog_path(slug, lang)
            if not path.is_file():
                continue
            po = catalog.read(path, display=project.relative(path))
            units.append(_Unit(slug, lang, (e for e in po if not e.obsolete)))
    return units


def _read(path: Path, display: str) -> dict[tuple[str, str], dict[str, str]]:
    """The stored assignments: (slug, lang) → {role: name}."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ReviewError("not UTF-8; save it as UTF-8 or delete it and run `tflow route`",
                          path=display) from None
    except tomllib.TOMLDecodeError as exc:
        raise ReviewError(
            f"invalid TOML: {exc}; fix it or delete it and run `tflow route`", path=display
        ) from None
    stored: dict[tuple[str, str], dict[str, str]] = {}
    for slug, langs in data.items():
        if not isinstance(langs, dict):
            raise ReviewError(f"{slug}: expected a table per language, found {langs!r}", path=display)
        for lang, roles in langs.items():
            if not isinstance(roles, dict):
                raise ReviewError(f"[{slug}.{lang}]: expected a table, found {roles!r}", path=display)
            for role, name in roles.items():
                if role not in (TRANSLATOR, REVIEWER):
                    raise ReviewError(
                        f"[{slug}.{lang}] {role}: unknown key; use translator and reviewer",
                        path=display,
                    )
                if not isinstance(name, str):
                    raise ReviewError(
                        f"[{slug}.{lang}] {role}: expected a person's name, found {name!r}",
                        path=display,
                    )
            stored[(slug, lang)] = dict(roles)
    return stored


def _dump(items: Iterable[Assignment]) -> str:
    data: dict[str, dict[str, dict[str, str]]] = {}
    for item in sorted(items, key=lambda a: (a.slug, a.lang)):
        roles = {role: name for role, name in ((TRANSLATOR, item.translator), (REVIEWER, item.reviewer)) if name}
        if roles:
            data.setdefault(item.slug, {})[item.lang] = roles
    return _HEADER + tomli_w.dumps(data)


def read_assignments(project: Project) -> Assignments:
    """The stored assignments with the catalogs' current pending words; no routing."""
    path = assignments_path(project)
    stored = _read(path, project.relative(path))
    items = []
    for unit in _units(project):
        roles = stored.get((unit.slug, unit.lang))
        if roles:
            items.append(Assignment(unit.slug, unit.lang, roles.get(TRANSLATOR), roles.get(REVIEWER),
                                    unit.translate_words, unit.review_words))
    return Assignments(path, tuple(items))


class _Router:
    def __init__(self, people: dict[str, Person], two_people: bool) -> None:
        self.people = people
        self.two_people = two_people
        self.load = {name: 0 for name in people}
        self.notes: list[str] = []

    def qualified(self, person: Person, role: str, lang: str) -> bool:
        return person.can_translate(lang) if role == TRANSLATOR else person.can_review(lang)

    def qualified_count(self, lang: str, role: str) -> int:
        return sum(self.qualified(p, role, lang) for p in self.people.values())

    def room(self, person: Person, words: int) -> bool:
        return person.max_words is None or self.load[person.name] + words <= person.max_words

    def keep(self, unit: _Unit, role: str, name: str | None, other: str | None, words: int) -> str | None:
        """The stored person for `role` if they may still have it, charging their load."""
        if name is None:
            return None
        where = f"{unit.slug} ({unit.lang}) {role}"
        person = self.people.get(name)
        if person is None:
            self.notes.append(f"{where}: {name} is no longer in [[people]]")
            return None
        if not self.qualified(person, role, unit.lang):
            self.notes.append(f"{where}: {name} is no longer a {role} for {unit.lang}")
            return None
        if self.two_people and name == other:
            self.notes.append(f"{where}: {name} cannot be translator and reviewer ([review] two_people)")
            return None
        if words and not self.room(person, words):
            self.notes.append(
                f"{where}: {name} would be over their load "
                f"({self.load[name] + words} of {person.max_words} words)"
            )
            return None
        self.load[name] += words
        return name

    def choose(self, unit: _Unit, role: str, other: str | None, words: int) -> str | None:
        """The least-loaded qualified person with room for `words`, or None."""
        candidates = [
            p for p in self.people.values()
            if self.qualified(p, role, unit.lang) and not (self.two_people and p.name == other)
        ]
        fitting = [p for p in candidates if self.room(p, words)]
        if not fitting:
            why = "nobody qualified" if not candidates else f"nobody with room for {words} words"
            self.notes.append(
                f"{unit.slug} ({unit.lang}) {role}: {why}; add a {role} for {unit.lang} "
                "to [[people]] or raise max_words"
            )
            return None

        def rank(person: Person) -> tuple[int, int, str]:
            own = unit.own_words(person.name) if role == REVIEWER and self.two_people else 0
            return (own, self.load[person.name], person.name)

        chosen = min(fitting, key=rank)
        self.load[chosen.name] += words
        return chosen.name


def route(project: Project) -> Assignments:
    """Assign every statement-and-language with pending work; keep what still holds.

    Writes `review/assignments.toml` when anything changed. Finished work keeps
    its assignment (it costs nothing), so new pending text in it goes back to
    the same people.
    """
    people = load_people(project.config)
    if not people:
        raise ConfigError(
            "no [[people]] tables; add the collective's translators and reviewers "
            "(name, email, languages, roles) before routing",
            path=project.config.path,
        )
    two_people = project.config.two_people
    path = assignments_path(project)
    display = project.relative(path)
    with storage.lock(path):
        stored = _read(path, display)
        units = sorted(_units(project), key=lambda u: (u.slug, u.lang))
        router = _Router(people, two_people)
        chosen: dict[tuple[str, str], dict[str, str | None]] = {}
        words: dict[tuple[str, str], dict[str, int]] = {}
        for unit in units:
            key = (unit.slug, unit.lang)
            words[key] = {TRANSLATOR: unit.translate_words, REVIEWER: unit.review_words}
            roles = stored.get(key, {})
            translator = router.keep(unit, TRANSLATOR, roles.get(TRANSLATOR),
                                     roles.get(REVIEWER), words[key][TRANSLATOR])
            reviewer = router.keep(unit, REVIEWER, roles.get(REVIEWER), translator,
                                   words[key][REVIEWER])
            chosen[key] = {TRANSLATOR: translator, REVIEWER: reviewer}
        # The most constrained places first (fewest qualified people), then the
        # biggest: a greedy order that keeps the balance close to even.
        open_roles = sorted(
            ((unit, role) for unit in units if unit.review_words
             for role in (TRANSLATOR, REVIEWER) if chosen[(unit.slug, unit.lang)][role] is None),
            key=lambda slot: (router.qualified_count(slot[0].lang, slot[1]),
                              -words[(slot[0].slug, slot[0].lang)][slot[1]],
                              slot[0].slug, slot[0].lang, slot[1] != TRANSLATOR),
        )
        for unit, role in open_roles:
            key = (unit.slug, unit.lang)
            other = chosen[key][REVIEWER if role == TRANSLATOR else TRANSLATOR]
            chosen[key][role] = router.choose(unit, role, other, words[key][role])
        items = tuple(
            Assignment(u.slug, u.lang, chosen[(u.slug, u.lang)][TRANSLATOR],
                       chosen[(u.slug, u.lang)][REVIEWER], u.translate_words, u.review_words)
            for u in units
            if any(chosen[(u.slug, u.lang)].values())
        )
        written = storage.write_text(path, _dump(items))
    return Assignments(path, items, tuple(router.notes), written)


def _reviewer_of(entry: polib.POEntry, assignment: Assignment, two_people: bool,
                 reviewers: list[str]) -> str | None:
    """Who reviews a translated entry: the assigned reviewer, or, when the rules keep them
    from approving it (they are its translator), the first other reviewer of the language."""
    if assignment.reviewer is None:
        return None
    for name in [assignment.reviewer, *(r for r in reviewers if r != assignment.reviewer)]:
        if catalog.approval_verdict(entry, name, two_people=two_people).allowed:
            return name
    return None


def _tasks(unit: _Unit, assignment: Assignment, name: str, two_people: bool,
           reviewers: list[str]) -> list[Task]:
    tasks = []
    for entry, current, count in unit.entries:
        if current in TO_TRANSLATE and assignment.translator == name:
            role = TRANSLATOR
        elif current is State.TRANSLATED and _reviewer_of(entry, assignment, two_people, reviewers) == name:
            role = REVIEWER
        else:
            continue
        reference = ":".join(entry.occurrences[0]) if entry.occurrences else ""
        tasks.append(Task(unit.slug, unit.lang, entry.msgid, current, count, role, reference,
                          catalog.fingerprint(entry)))
    return tasks


def queue(project: Project, person: str | None = None) -> list[Worklist]:
    """Each person's worklist (or only `person`'s) from the stored assignments.

    A translator's list holds the empty, draft and stale entries of their
    statements; a reviewer's the translated, not yet approved entries that
    they may approve (`catalog.approval_verdict`). An entry its assigned
    reviewer translated goes to the first other reviewer of the language.
    """
    people = load_people(project.config)
    if person is not None and person not in people:
        known = ", ".join(people) or "nobody yet"
        raise ReviewError(
            f"no person named {person!r} in [[people]] (known: {known})",
            path=project.relative(project.config.path),
        )
    path = assignments_path(project)
    stored = _read(path, project.relative(path))
    names = [person] if person is not None else list(people)
    tasks: dict[str, list[Task]] = {name: [] for name in names}
    for unit in sorted(_units(project), key=lambda u: (u.slug, u.lang)):
        roles = stored.get((unit.slug, unit.lang))
        if not roles:
            continue
        assignment = Assignment(unit.slug, unit.lang, roles.get(TRANSLATOR), roles.get(REVIEWER))
        reviewers = [p.name for p in people.values() if p.can_review(unit.lang)]
        for name in names:
            tasks[name] += _tasks(unit, assignment, name, project.config.two_people, reviewers)
    return [Worklist(name, tuple(tasks[name])) for name in names]
