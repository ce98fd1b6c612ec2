"""Reviewers' decisions → catalogs: the one write path for packets, the CLI and the web app.

A decision says what one person did to one entry as they saw it: a new text,
an approval, or both; an unfinished text kept as their suggestion; a comment. `apply_decisions` applies a batch under each catalog's
lock and refuses what the rules forbid. A decision made on an entry that has
changed since the person saw it (its fingerprint no longer matches) is a
conflict, never an overwrite; a decision whose outcome already holds changes
nothing, so importing the same packet twice is harmless.

The rules hold here for every path: nobody approves text they wrote (text with
no translator of record is adopted by its first approver, see
`catalog.approval_verdict`), and an error-level check problem is neither
approved nor accepted from a draft without an override reason, which is
recorded in the catalog.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import polib

from .. import catalog, checks
from ..catalog import State
from ..catalog.template import timestamp
from ..checks.catalogs import entry_pair
from ..errors import ReviewError
from ..glossary import Glossary
from ..project import Project
from ..ui.message import Message, joined
from .people import Person, load_people


@dataclass(frozen=True)
class Decision:
    """What `person` did to the entry `msgid` of `slug`'s `lang` catalog.

    `fingerprint` is `catalog.fingerprint(entry)` when the person saw the entry;
    `msgstr` is their text, or None when they left the text as it was.
    `override` is their reason for accepting error-level check problems;
    `comment` a question or answer left on the entry; `suggest` keeps `msgstr`
    as their fuzzy draft ("needs work") instead of a translation.
    """

    slug: str
    lang: str
    msgid: str
    fingerprint: str
    msgstr: str | None
    approve: bool
    person: str
    override: str | None = None
    comment: str | None = None
    suggest: bool = False


@dataclass(frozen=True)
class Conflict:
    """A decision not applied because the entry changed after the person saw it."""

    decision: Decision
    current_msgstr: str
    reason: Message


@dataclass(frozen=True)
class Refusal:
    """A decision (or its approval part) that the rules do not allow."""

    decision: Decision
    reason: Message


@dataclass(frozen=True)
class Adoption:
    """An approval of text nobody was on record for: the approver became its translator."""

    decision: Decision
    reason: Message


@dataclass(frozen=True)
class ApplyReport:
    """What became of each decision.

    A decision whose text went in but whose approval was refused (a person
    approving their own edit) is in both `applied` and `refused`; a decision's
    comment is in `commented` besides whatever became of the rest of it.
    """

    applied: tuple[Decision, ...] = ()
    unchanged: tuple[Decision, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    refused: tuple[Refusal, ...] = ()
    suggested: tuple[Decision, ...] = ()
    commented: tuple[Decision, ...] = ()
    adopted: tuple[Adoption, ...] = ()

    @property
    def ok(self) -> bool:
        """Everything was applied or already held."""
        return not self.conflicts and not self.refused


@dataclass(frozen=True)
class Permission:
    """What a page offers `person` on one entry: the verdict, not a copy of the rule.

    `may_approve` is False with the `reason` when the two-people rule or the
    state forbids it; `adopt` when approving would make the person its
    translator of record; `override_required` lists the error-level problems an
    approval must override with a reason, `accept_override_required` those that
    accepting the draft (or stale text) as it stands must override.
    """

    may_approve: bool
    reason: Message | None
    adopt: bool
    override_required: tuple[checks.Problem, ...]
    accept_override_required: tuple[checks.Problem, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {"may_approve": self.may_approve, "reason": self.reason, "adopt": self.adopt,
                "override_required": _problems(self.override_required),
                "accept_override_required": _problems(self.accept_override_required)}


def _problems(found: tuple[checks.Problem, ...]) -> list[dict[str, object]]:
    return [{"check": p.check, "severity": p.severity, "message": p.message} for p in found]


class _Outcome:
    def __init__(self) -> None:
        self.applied: list[Decision] = []
        self.unchanged: list[Decision] = []
        self.conflicts: list[Conflict] = []
        self.refused: list[Refusal] = []
        self.suggested: list[Decision] = []
        self.commented: list[Decision] = []
        self.adopted: list[Adoption] = []

    def report(self) -> ApplyReport:
        return ApplyReport(tuple(self.applied), tuple(self.unchanged), tuple(self.conflicts),
                           tuple(self.refused), tuple(self.suggested), tuple(self.commented),
                           tuple(self.adopted))


class Checker:
    """The project's quality checks, for the error-level problems of one entry's text."""

    def __init__(self, glossary: Glossary, settings: checks.CheckSettings, source: str) -> None:
        self.glossary = glossary
        self.settings = settings
        self.source = source

    @classmethod
    def load(cls, project: Project) -> Checker:
        return cls(Glossary.load(project.config.glossary_path),
                   checks.load_settings(project.config), project.config.source_language)

    def errors(self, entry: polib.POEntry, lang: str, source: str | None = None) -> list[checks.Problem]:
        if not entry.msgstr:
            return []
        pair = entry_pair(entry, source or self.source, lang, self.glossary, self.settings)
        return [p for p in checks.run(pair) if p.severity == checks.ERROR]


def _uncovered(entry: polib.POEntry, person: str, errors: list[checks.Problem]) -> list[checks.Problem]:
    """The errors `person` has not yet overridden for this very text."""
    done = {name for o in catalog.overrides(entry) if o.person == person for name in o.checks}
    return [p for p in errors if p.check not in done]


def _listing(problems: list[checks.Problem] | tuple[checks.Problem, ...]) -> Message:
    return joined([Message("%(check)s: %(message)s", check=p.check, message=p.message) for p in problems])


def permission(entry: polib.POEntry, person: Person, lang: str, *, two_people: bool,
               errors: list[checks.Problem]) -> Permission:
    """The verdict a page shows on one entry for `person` (`errors` from `Checker.errors`)."""
    uncovered = tuple(_uncovered(entry, person.name, errors))
    accept = uncovered if catalog.state(entry) in (State.DRAFT, State.STALE) else ()
    if not person.can_review(lang):
        return Permission(False, Message("approving needs the reviewer role for %(code)s", code=lang), False, (),
                          accept)
    verdict = catalog.approval_verdict(entry, person.name, two_people=two_people)
    adopting = verdict.adopt and two_people
    required = uncovered if verdict.allowed and not adopting else ()
    return Permission(verdict.allowed, verdict.reason, verdict.adopt, required, accept)


def entry_review(entry: polib.POEntry, person: Person, lang: str, *, two_people: bool,
                 errors: list[checks.Problem]) -> dict[str, object]:
    """What a page shows and offers on one entry besides its text: verdict, people, comments."""
    return {
        **permission(entry, person, lang, two_people=two_people, errors=errors).as_dict(),
        "translator": catalog.translator(entry),
        "suggested_by": catalog.suggester(entry),
        "comments": [{"person": c.person, "day": c.day, "text": c.text} for c in catalog.comments(entry)],
        "overrides": [{"person": o.person, "day": o.day, "checks": list(o.checks), "reason": o.reason}
                      for o in catalog.overrides(entry)],
    }


def permissions(project: Project, slug: str, lang: str, person: str) -> dict[str, Permission]:
    """Each live entry's `Permission` for `person` in `slug`'s `lang` catalog, by msgid."""
    people = load_people(project.config)
    found = people.get(person)
    if found is None:
        raise ReviewError(f"{person!r} is not in [[people]] of translate-flow.toml",
                          path=project.relative(project.config.path))
    path = project.catalog_path(slug, lang)
    po = catalog.read(path, display=project.relative(path))
    checker = Checker.load(project)
    source = po.metadata.get("X-Source-Language") or None
    return {e.msgid: permission(e, found, lang, two_people=project.config.two_people,
                                errors=checker.errors(e, lang, source))
            for e in po if not e.obsolete}


def _permission(decision: Decision, people: dict[str, Person]) -> Message | None:
    """Why the person may not make this decision at all, or None."""
    person = people.get(decision.person)
    if person is None:
        return Message("%(person)s is not in [[people]] of translate-flow.toml", person=repr(decision.person))
    if (decision.msgstr is not None or decision.comment) and not person.can_edit(decision.lang):
        return Message("%(person)s is neither a translator nor a reviewer for %(code)s", person=person.name,
                       code=decision.lang)
    if decision.approve and not person.can_review(decision.lang):
        return Message("%(person)s is not a reviewer for %(code)s and cannot approve", person=person.name,
                       code=decision.lang)
    if decision.msgstr == "":
        return Message("an empty translation cannot be recorded; leave the entry out instead")
    if decision.suggest and (decision.msgstr is None or decision.approve):
        return Message("a suggestion carries a text and no approval")
    if decision.override is not None and not decision.override.strip():
        return Message("an override needs a reason; say why the text is right despite the check")
    if decision.comment is not None and not decision.comment.strip():
        return Message("an empty comment cannot be recorded; write the question or answer")
    return None


def _holds(decision: Decision, entry: polib.POEntry) -> tuple[bool, bool]:
    """Whether the decision's text and its approval are already what the entry says."""
    current = catalog.state(entry)
    text = decision.msgstr is None or (
        entry.msgstr == decision.msgstr and current in (State.TRANSLATED, State.APPROVED)
    )
    approved = not decision.approve or current is State.APPROVED
    return text, approved


def _describe(entry: polib.POEntry) -> Message:
    current = catalog.state(entry)
    who = catalog.translator(entry)
    found = catalog.approval(entry)
    if found is not None:
        return Message("now approved by %(person)s on %(day)s", person=found.person, day=found.day)
    if who and current is State.TRANSLATED:
        return Message("now translated by %(person)s", person=who)
    return {
        State.UNTRANSLATED: Message("now untranslated"),
        State.DRAFT: Message("now a draft"),
        State.STALE: Message("now stale"),
        State.TRANSLATED: Message("now translated"),
    }.get(current, Message("now approved"))


def _missing(decision: Decision, po: polib.POFile) -> Conflict:
    for entry in po:
        if not entry.obsolete and entry.previous_msgid == decision.msgid:
            return Conflict(decision, entry.msgstr, Message(
                "the source changed since it was exported; it now reads: %(text)s", text=entry.msgid))
    return Conflict(decision, "", Message("the source paragraph was changed or removed since it was exported; "
                                          "run `tflow review export` for the current text"))


class _Apply:
    """Applies permitted decisions to the entries of one catalog."""

    def __init__(self, checker: Checker, lang: str, source: str | None, two_people: bool, day: str,
                 out: _Outcome) -> None:
        self.checker = checker
        self.lang = lang
        self.source = source
        self.two_people = two_people
        self.day = day
        self.out = out

    def errors(self, entry: polib.POEntry, person: str) -> list[checks.Problem]:
        return _uncovered(entry, person, self.checker.errors(entry, self.lang, self.source))

    def override(self, decision: Decision, entry: polib.POEntry, errors: list[checks.Problem],
                 approving: bool) -> bool:
        """Record the decision's override of `errors`; False (refused) when it has none."""
        if not errors:
            return True
        if decision.override is None:
            self.out.refused.append(Refusal(decision, Message(
                "not approved: error-level check problems (%(problems)s); fix the text, or override with a "
                "reason (`tflow approve … --override \"reason\"`, or a line \"override: reason\" in the "
                "packet entry's comment)", problems=_listing(errors)) if approving else Message(
                "not accepted: error-level check problems (%(problems)s); fix the text, or override with a "
                "reason (`tflow approve … --override \"reason\"`, or a line \"override: reason\" in the "
                "packet entry's comment)", problems=_listing(errors))))
            return False
        catalog.add_override(entry, decision.person, [p.check for p in errors], decision.override,
                             self.day)
        return True

    def one(self, decision: Decision, entry: polib.POEntry) -> bool:
        """Apply one permitted decision to its entry; return whether the entry changed."""
        commented = False
        if decision.comment:
            commented = catalog.add_comment(entry, decision.person, decision.comment, self.day)
            if commented:
                self.out.commented.append(decision)
        if decision.msgstr is None and not decision.approve:
            if not commented:
                self.out.unchanged.append(decision)
            return commented
        if decision.suggest:
            return self.suggest(decision, entry) or commented
        return self.decide(decision, entry) or commented

    def _stale(self, decision: Decision, entry: polib.POEntry) -> bool:
        if catalog.fingerprint(entry) == decision.fingerprint:
            return False
        self.out.conflicts.append(Conflict(
            decision, entry.msgstr, Message("the entry changed since %(person)s saw it (%(now)s)",
                                            person=decision.person, now=_describe(entry))
        ))
        return True

    def suggest(self, decision: Decision, entry: polib.POEntry) -> bool:
        assert decision.msgstr is not None
        if entry.msgstr == decision.msgstr and "fuzzy" in entry.flags:
            self.out.unchanged.append(decision)
            return False
        if self._stale(decision, entry):
            return False
        catalog.set_suggestion(entry, decision.msgstr, decision.person, self.day)
        self.out.suggested.append(decision)
        return True

    def decide(self, decision: Decision, entry: polib.POEntry) -> bool:
        text_holds, approval_holds = _holds(decision, entry)
        if text_holds and approval_holds:
            self.out.unchanged.append(decision)
            return False
        # A stale fingerprint blocks any write, and an approval of text the person did
        # not write; approving the exact text the decision itself carries is safe.
        if (not text_holds or decision.msgstr is None) and self._stale(decision, entry):
            return False
        changed = False
        if not text_holds:
            assert decision.msgstr is not None
            accepting = catalog.state(entry) in (State.DRAFT, State.STALE) and entry.msgstr == decision.msgstr
            if accepting and not self.override(decision, entry, self.errors(entry, decision.person),
                                               approving=False):
                return False
            # Accepting someone's suggestion as it stands records them as its translator,
            # so that they cannot approve their own words afterwards.
            author = (catalog.suggester(entry) if accepting else None) or decision.person
            catalog.set_translation(entry, decision.msgstr, author, self.day)
            changed = True
        if not approval_holds:
            return self.approve(decision, entry, changed)
        self.out.applied.append(decision)
        return changed

    def approve(self, decision: Decision, entry: polib.POEntry, changed: bool) -> bool:
        verdict = catalog.approval_verdict(entry, decision.person, two_people=self.two_people)
        adopting = verdict.adopt and self.two_people
        if not verdict.allowed:
            self.out.refused.append(Refusal(decision, verdict.reason or Message("cannot approve this entry")))
        if not verdict.allowed or (not adopting and not self.override(
                decision, entry, self.errors(entry, decision.person), approving=True)):
            if changed:
                self.out.applied.append(decision)
            return changed
        catalog.approve(entry, decision.person, self.day, two_people=self.two_people)
        if adopting:
            self.out.adopted.append(Adoption(decision, verdict.reason or Message("approving it makes you its translator")))
        else:
            self.out.applied.append(decision)
        return True


def apply_decisions(project: Project, decisions: Sequence[Decision]) -> ApplyReport:
    """Apply decisions to their catalogs, each catalog under its lock, in one write.

    Every decision ends up in exactly one of applied, unchanged, suggested,
    adopted, conflicts or refused (an applied text whose approval was refused is
    also listed under refused; a comment is listed under commented as well).
    Text edits record `translated: <person> <date> <hash>`; approvals the
    hash-bound `approved:` note; overrides and comments one line each.
    """
    people = load_people(project.config)
    two_people = project.config.two_people
    checker = Checker.load(project)
    slugs = {project.slug(p) for p in project.statement_files()}
    day = catalog.today()
    out = _Outcome()
    groups: dict[tuple[str, str], list[Decision]] = {}
    for decision in decisions:
        groups.setdefault((decision.slug, decision.lang), []).append(decision)
    for (slug, lang), group in groups.items():
        if slug not in slugs or lang not in project.config.languages:
            unknown = (Message("no statement %(slug)s in this project", slug=repr(slug)) if slug not in slugs
                       else Message("no language %(code)s in this project", code=repr(lang)))
            out.refused += [Refusal(d, unknown) for d in group]
            continue
        path = project.catalog_path(slug, lang)
        display = project.relative(path)
        if not path.is_file():
            out.refused += [Refusal(d, Message("%(path)s: no such catalog; run `tflow extract`", path=display)) for d in group]
            continue
        allowed = []
        for decision in group:
            reason = _permission(decision, people)
            text_only = replace(decision, approve=False)
            if reason is None:
                allowed.append(decision)
            elif decision.approve and decision.msgstr and _permission(text_only, people) is None:
                # A translator's text goes in; only the approval they may not give is refused.
                out.refused.append(Refusal(decision, Message("%(reason)s; the text is kept as their translation",
                                                          reason=reason)))
                allowed.append(text_only)
            else:
                out.refused.append(Refusal(decision, reason))
        if not allowed:
            continue
        with catalog.editing(path, display=display) as po:
            live = {e.msgid: e for e in po if not e.obsolete}
            apply = _Apply(checker, lang, po.metadata.get("X-Source-Language") or None, two_people,
                           day, out)
            changed_by: list[str] = []
            for decision in allowed:
                entry = live.get(decision.msgid)
                if entry is None:
                    out.conflicts.append(_missing(decision, po))
                    continue
                if apply.one(decision, entry):
                    changed_by.append(decision.person)
            if changed_by:
                po.metadata["PO-Revision-Date"] = timestamp()
                po.metadata["Last-Translator"] = people[changed_by[-1]].address
    return out.report()
