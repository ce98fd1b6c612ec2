from __future__ import annotations

from pathlib import Path

import polib

from translate_flow import catalog
from translate_flow.catalog import State
from translate_flow.editions.build import publishable
from translate_flow.project import Project
from translate_flow.review.decisions import Decision, apply_decisions
from tests.review.conftest import draft, entry, po_path, translate

TITLE = "Against the war"
WORKERS = "Workers of the world, unite!"


def decide(root: Path, lang: str, msgid: str, person: str, msgstr: str | None = None,
           approve: bool = False) -> Decision:
    """A decision made on the entry as it is now."""
    return Decision("war", lang, msgid, catalog.fingerprint(entry(root, lang, msgid)), msgstr, approve, person)


def test_a_text_decision_records_who_translated_it_and_when(root: Path, project: Project) -> None:
    report = apply_decisions(project, [decide(root, "uk", TITLE, "olena", "Проти війни")])
    assert report.applied and report.ok
    found = entry(root, "uk", TITLE)
    assert found.msgstr == "Проти війни"
    assert catalog.state(found) is State.TRANSLATED
    assert catalog.notes(found)["translated"] == f"olena {catalog.today()} {catalog.msgstr_hash('Проти війни')}"
    header = catalog.read(po_path(root, "uk")).metadata
    assert header["Last-Translator"] == "olena <olena@example.org>"


def test_accepting_a_draft_unchanged_makes_it_translated(root: Path, project: Project) -> None:
    draft(root, "uk", {TITLE: "Проти війни"})
    report = apply_decisions(project, [decide(root, "uk", TITLE, "olena", "Проти війни")])
    assert len(report.applied) == 1
    found = entry(root, "uk", TITLE)
    assert catalog.state(found) is State.TRANSLATED and "fuzzy" not in found.flags


def test_an_approval_is_bound_to_the_approved_text(root: Path, project: Project) -> None:
    translate(root, "uk", {TITLE: "Проти війни"}, "olena")
    report = apply_decisions(project, [decide(root, "uk", TITLE, "taras", approve=True)])
    assert len(report.applied) == 1
    approval = catalog.approval(entry(root, "uk", TITLE))
    assert approval is not None and approval.person == "taras"
    assert approval.digest == catalog.msgstr_hash("Проти війни")


def test_applying_the_same_decisions_twice_changes_nothing_the_second_time(root: Path, project: Project) -> None:
    translate(root, "uk", {WORKERS: "Пролетарі всіх країн, єднайтеся!"}, "olena")
    decisions = [decide(root, "uk", TITLE, "olena", "Проти війни"),
                 decide(root, "uk", WORKERS, "taras", approve=True)]
    first = apply_decisions(project, decisions)
    assert len(first.applied) == 2
    before = po_path(root, "uk").read_bytes()
    second = apply_decisions(project, decisions)
    assert second.unchanged == tuple(decisions) and not second.applied and second.ok
    assert po_path(root, "uk").read_bytes() == before


def test_a_decision_on_an_entry_changed_since_is_a_conflict_with_both_versions(root: Path, project: Project) -> None:
    seen = decide(root, "uk", TITLE, "olena", "Проти війни")
    translate(root, "uk", {TITLE: "Геть війну"}, "petro")
    before = po_path(root, "uk").read_bytes()
    report = apply_decisions(project, [seen])
    assert not report.applied
    (conflict,) = report.conflicts
    assert conflict.decision.msgstr == "Проти війни"
    assert conflict.current_msgstr == "Геть війну"
    assert "now translated by petro" in str(conflict.reason)
    assert po_path(root, "uk").read_bytes() == before


def test_an_approval_of_text_that_changed_since_is_a_conflict(root: Path, project: Project) -> None:
    translate(root, "uk", {TITLE: "Проти війни"}, "olena")
    seen = decide(root, "uk", TITLE, "taras", approve=True)
    translate(root, "uk", {TITLE: "Геть війну"}, "olena")
    report = apply_decisions(project, [seen])
    assert report.conflicts and not report.applied
    assert catalog.approval(entry(root, "uk", TITLE)) is None


def test_nobody_approves_their_own_translation(root: Path, project: Project) -> None:
    translate(root, "ru", {TITLE: "Против войны"}, "ivan")
    report = apply_decisions(project, [decide(root, "ru", TITLE, "ivan", approve=True)])
    (refusal,) = report.refused
    assert str(refusal.reason) == "ivan translated this entry and cannot approve it too ([review] two_people = true)"
    assert catalog.state(entry(root, "ru", TITLE)) is State.TRANSLATED


def test_own_approval_is_allowed_when_the_project_asks_for_one_person(root: Path) -> None:
    config = root / "translate-flow.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("two_people = true", "two_people = false"),
                      encoding="utf-8")
    project = Project.open(root)
    translate(root, "ru", {TITLE: "Против войны"}, "ivan")
    report = apply_decisions(project, [decide(root, "ru", TITLE, "ivan", approve=True)])
    assert report.applied and catalog.state(entry(root, "ru", TITLE)) is State.APPROVED


def test_an_edit_and_approval_by_one_person_keeps_the_edit_and_refuses_the_approval(root: Path, project: Project) -> None:
    translate(root, "uk", {TITLE: "Проти війни"}, "olena")
    decision = decide(root, "uk", TITLE, "taras", "Ні війні", approve=True)
    report = apply_decisions(project, [decision])
    assert report.applied == (decision,)
    assert [r.decision for r in report.refused] == [decision]
    found = entry(root, "uk", TITLE)
    assert found.msgstr == "Ні війні" and catalog.translator(found) == "taras"
    assert catalog.state(found) is State.TRANSLATED
    again = apply_decisions(project, [decision])
    assert not again.applied and len(again.refused) == 1
    assert entry(root, "uk", TITLE).tcomment == found.tcomment


def test_people_act_only_in_their_languages_and_roles(root: Path, project: Project) -> None:
    translate(root, "uk", {TITLE: "Проти війни"}, "marta")
    report = apply_decisions(project, [
        decide(root, "uk", TITLE, "ivan", "Геть війну"),
        decide(root, "uk", TITLE, "olena", approve=True),
        decide(root, "uk", TITLE, "nobody", "Геть"),
        decide(root, "uk", WORKERS, "olena", ""),
    ])
    reasons = [str(r.reason) for r in report.refused]
    assert reasons == [
        "ivan is neither a translator nor a reviewer for uk",
        "olena is not a reviewer for uk and cannot approve",
        "'nobody' is not in [[people]] of translate-flow.toml",
        "an empty translation cannot be recorded; leave the entry out instead",
    ]
    assert entry(root, "uk", TITLE).msgstr == "Проти війни"


def test_a_decision_for_an_unknown_statement_is_refused(project: Project) -> None:
    report = apply_decisions(project, [Decision("../../etc", "uk", "x", "0", "y", False, "olena")])
    assert str(report.refused[0].reason) == "no statement '../../etc' in this project"


def test_an_approval_is_dropped_by_a_later_edit_in_a_po_editor(root: Path, project: Project) -> None:
    translate(root, "uk", {TITLE: "Проти війни"}, "olena")
    apply_decisions(project, [decide(root, "uk", TITLE, "taras", approve=True)])
    assert publishable(entry(root, "uk", TITLE), "approved")
    po = polib.pofile(str(po_path(root, "uk")))
    po.find(TITLE).msgstr = "Проти цієї війни"
    po.save()
    edited = entry(root, "uk", TITLE)
    assert "approved: taras" in edited.tcomment
    assert catalog.state(edited) is State.TRANSLATED
    assert not publishable(edited, "approved")
