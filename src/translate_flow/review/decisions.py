"""Reviewers' decisions → catalogs: the one write path for packets, the CLI and the web app.

A decision says what one person did to one entry as they saw it: a new text,
an approval, or both. `apply_decisions` applies a batch under each catalog's
lock and refuses what the rules forbid. A decision made on an entry that has
changed since the person saw it (its fingerprint no longer matches) is a
conflict, never an overwrite; a decision whose outcome already holds changes
nothing, so importing the same packet twice is harmless.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polib

from .. import catalog
from ..catalog import State
from ..catalog.template import timestamp
from ..errors import ReviewError
from ..project import Project
from .people import Person, load_people


@dataclass(frozen=True)
class Decision:
    """What `person` did to the entry `msgid` of `slug`'s `lang` catalog.

    `fingerprint` is `catalog.fingerprint(entry)` when the person saw the entry;
    `msgstr` is their text, or None when they left the text as it was.
    """

    slug: str
    lang: str
    msgid: str
    fingerprint: str
    msgstr: str | None
    approve: bool
    person: str


@dataclass(frozen=True)
class Conflict:
    """A decision not applied because the entry changed after the person saw it."""

    decision: Decision
    current_msgstr: str
    reason: str


@dataclass(frozen=True)
class Refusal:
    """A decision (or its approval part) that the rules do not allow."""

    decision: Decision
    reason: str


@dataclass(frozen=True)
class ApplyReport:
    """What became of each decision.

    A decision whose text went in but whose approval was refused (a person
    approving their own edit) is in both `applied` and `refused`.
    """

    applied: tuple[Decision, ...] = ()
    unchanged: tuple[Decision, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    refused: tuple[Refusal, ...] = ()

    @property
    def ok(self) -> bool:
        """Everything was applied or already held."""
        return not self.conflicts and not self.refused


class _Outcome:
    def __init__(self) -> None:
        self.applied: list[Decision] = []
        self.unchanged: list[Decision] = []
        self.conflicts: list[Conflict] = []
        self.refused: list[Refusal] = []

    def report(self) -> ApplyReport:
        return ApplyReport(tuple(self.applied), tuple(self.unchanged), tuple(self.conflicts),
                           tuple(self.refused))


def _permission(decision: Decision, people: dict[str, Person]) -> str | None:
    """Why the person may not make this decision at all, or None."""
    person = people.get(decision.person)
    if person is None:
        return f"{decision.person!r} is not in [[people]] of translate-flow.toml"
    if decision.msgstr is not None and not person.can_edit(decision.lang):
        return f"{person.name} is neither a translator nor a reviewer for {decision.lang}"
    if decision.approve and not person.can_review(decision.lang):
        return f"{person.name} is not a reviewer for {decision.lang} and cannot approve"
    if decision.msgstr == "":
        return "an empty translation cannot be recorded; leave the entry out instead"
    return None


def _holds(decision: Decision, entry: polib.POEntry) -> tuple[bool, bool]:
    """Whether the decision's text and its approval are already what the entry says."""
    current = catalog.state(entry)
    text = decision.msgstr is None or (
        entry.msgstr == decision.msgstr and current in (State.TRANSLATED, State.APPROVED)
    )
    approved = not decision.approve or current is State.APPROVED
    return text, approved


def _describe(entry: polib.POEntry) -> str:
    current = catalog.state(entry)
    who = catalog.translator(entry)
    found = catalog.approval(entry)
    if found is not None:
        return f"now approved by {found.person} on {found.day}"
    if who and current is State.TRANSLATED:
        return f"now translated by {who}"
    return f"now {current.value}"


def _missing(decision: Decision, po: polib.POFile) -> Conflict:
    for entry in po:
        if not entry.obsolete and entry.previous_msgid == decision.msgid:
            return Conflict(decision, entry.msgstr,
                            f"the source changed since it was exported; it now reads: {entry.msgid}")
    return Conflict(decision, "", "the source paragraph was changed or removed since it was exported; "
                                  "run `tflow review export` for the current text")


def _apply_one(decision: Decision, entry: polib.POEntry, person: str, two_people: bool, day: str,
               out: _Outcome) -> bool:
    """Apply one permitted decision to its entry; return whether the entry changed."""
    text_holds, approval_holds = _holds(decision, entry)
    if text_holds and approval_holds:
        out.unchanged.append(decision)
        return False
    # A stale fingerprint blocks any write, and an approval of text the person did
    # not write; approving the exact text the decision itself carries is safe.
    stale = catalog.fingerprint(entry) != decision.fingerprint
    if stale and (not text_holds or decision.msgstr is None):
        out.conflicts.append(Conflict(
            decision, entry.msgstr, f"the entry changed since {person} saw it ({_describe(entry)})"
        ))
        return False
    changed = False
    if not text_holds:
        assert decision.msgstr is not None
        catalog.set_translation(entry, decision.msgstr, person, day)
        changed = True
    if not approval_holds:
        try:
            catalog.approve(entry, person, day, two_people=two_people)
        except ReviewError as exc:
            out.refused.append(Refusal(decision, exc.message))
            if changed:
                out.applied.append(decision)
            return changed
        changed = True
    out.applied.append(decision)
    return changed


def apply_decisions(project: Project, decisions: Sequence[Decision]) -> ApplyReport:
    """Apply decisions to their catalogs, each catalog under its lock, in one write.

    Every decision ends up in exactly one of applied, unchanged, conflicts or
    refused (an applied text whose approval was refused is also listed under
    refused). Text edits record `translated: <person> <date>`; approvals record
    the hash-bound `approved:` note.
    """
    people = load_people(project.config)
    two_people = project.config.two_people
    slugs = {project.slug(p) for p in project.statement_files()}
    day = catalog.today()
    out = _Outcome()
    groups: dict[tuple[str, str], list[Decision]] = {}
    for decision in decisions:
        groups.setdefault((decision.slug, decision.lang), []).append(decision)
    for (slug, lang), group in groups.items():
        if slug not in slugs or lang not in project.config.languages:
            what = f"statement {slug!r}" if slug not in slugs else f"language {lang!r}"
            out.refused += [Refusal(d, f"no {what} in this project") for d in group]
            continue
        path = project.catalog_path(slug, lang)
        display = project.relative(path)
        if not path.is_file():
            out.refused += [Refusal(d, f"{display}: no such catalog; run `tflow extract`") for d in group]
            continue
        allowed = []
        for decision in group:
            reason = _permission(decision, people)
            if reason is None:
                allowed.append(decision)
            else:
                out.refused.append(Refusal(decision, reason))
        if not allowed:
            continue
        with catalog.editing(path, display=display) as po:
            live = {e.msgid: e for e in po if not e.obsolete}
            changed_by: list[str] = []
            for decision in allowed:
                entry = live.get(decision.msgid)
                if entry is None:
                    out.conflicts.append(_missing(decision, po))
                    continue
                if _apply_one(decision, entry, decision.person, two_people, day, out):
                    changed_by.append(decision.person)
            if changed_by:
                po.metadata["PO-Revision-Date"] = timestamp()
                po.metadata["Last-Translator"] = people[changed_by[-1]].address
    return out.report()
