"""Review integrity: nobody approves their own words; nothing a reviewer writes is dropped.

Each rule is exercised from the CLI, from a returned packet, from a decision
file and through the calls the web app's save and approve handlers make
(`Decision` + `apply_decisions`, and `permissions` for what the page offers).
The PO-editor paths edit the file as Poedit does: the text changed, the fuzzy
flag cleared, no workflow note touched, the file rewrapped by the real msgcat.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import polib

from translate_flow.ui import rendered
from translate_flow import catalog
from translate_flow.catalog import State
from translate_flow.catalog.extract import extract
from translate_flow.editions.build import build
from translate_flow.project import Project
from translate_flow.review.decisions import Checker, Decision, apply_decisions, entry_review, permissions
from translate_flow.review.people import load_people
from translate_flow.review.packets import export, import_packets
from translate_flow.review.routing import queue, route
from tests.conftest import require_program
from tests.review.conftest import STATEMENT, Run, draft, entry, entry_line, po_path, poedit_save, translate

TITLE = "Against the war"
POSITION = "Our position"
CONDEMN = "We condemn the war and the conscription in Ukraine."
NATO = "NATO and the Kremlin both send workers to die."
ODESA = "In 2014, 48 anti-fascists were killed in Odesa."
WORKERS = "Workers of the world, unite!"
WRONG_NUMBER = "У 2014 році в Одесі було вбито 46 антифашистів."
RUSSIAN_LETTER = "Проти війнё"


def edit_like_poedit(path: Path, edits: dict[str, str] | None = None, *, unfuzzy: tuple[str, ...] = (),
                     comments: dict[str, str] | None = None) -> None:
    """Save as Poedit does (texts changed, fuzzy cleared, no workflow note); msgcat rewraps."""
    poedit_save(path, edits, unfuzzy=unfuzzy, comments=comments, width=0)
    subprocess.run([require_program("msgcat"), "-o", str(path), str(path)], check=True)


def decide(root: Path, msgid: str, person: str, msgstr: str | None = None, approve: bool = False,
           lang: str = "uk", **extra: object) -> Decision:
    """A decision on the entry as it is now, as the web app's save and approve handlers build it."""
    fingerprint = catalog.fingerprint(entry(root, lang, msgid))
    return Decision("war", lang, msgid, fingerprint, msgstr, approve, person, **extra)  # type: ignore[arg-type]


# The translator of record is bound to the text.

def test_a_draft_edited_in_poedit_is_adopted_by_its_first_approver_not_approved(root: Path, tflow: Run) -> None:
    draft(root, "uk", {TITLE: "Проти війни"})
    edit_like_poedit(po_path(root, "uk"), {TITLE: "Геть війну"})
    assert catalog.translator(entry(root, "uk", TITLE)) is None
    result = tflow("approve", "war", "--lang", "uk", "--as", "taras", "--all")
    assert result.exit_code == 0, result.output
    assert "adopted: war (uk) «Against the war»: taras is now its translator of record" in result.stdout
    found = entry(root, "uk", TITLE)
    assert catalog.state(found) is State.TRANSLATED and catalog.translator(found) == "taras"
    again = tflow("approve", "war", "--lang", "uk", "--as", "taras", TITLE)
    assert again.exit_code == 1 and "taras translated this entry and cannot approve it too" in again.stderr
    assert tflow("approve", "war", "--lang", "uk", "--as", "marta", TITLE).exit_code == 0
    approved = catalog.approval(entry(root, "uk", TITLE))
    assert approved is not None and approved.person == "marta"


def test_a_translation_changed_in_an_editor_no_longer_names_its_old_translator(root: Path, tflow: Run) -> None:
    translate(root, "uk", {POSITION: "Наша позиція"}, "olena")
    edit_like_poedit(po_path(root, "uk"), {POSITION: "Наша думка"})
    found = entry(root, "uk", POSITION)
    assert catalog.notes(found)["translated"].startswith("olena ")
    assert catalog.translator(found) is None
    result = tflow("approve", "war", "--lang", "uk", "--as", "taras", POSITION)
    assert result.exit_code == 0
    assert catalog.state(entry(root, "uk", POSITION)) is State.TRANSLATED
    assert catalog.translator(entry(root, "uk", POSITION)) == "taras"


def test_an_old_translated_note_without_a_hash_counts_as_an_unknown_author(root: Path, project: Project) -> None:
    with catalog.editing(po_path(root, "uk")) as po:
        item = po.find(POSITION)
        assert item is not None
        item.msgstr = "Наша позиція"
        item.tcomment = "translated: olena 2026-11-01"
    report = apply_decisions(project, [decide(root, POSITION, "taras", approve=True)])
    assert [a.decision.msgid for a in report.adopted] == [POSITION] and not report.applied
    assert catalog.state(entry(root, "uk", POSITION)) is State.TRANSLATED


def test_without_two_people_the_first_approver_of_unknown_text_approves_it(root: Path) -> None:
    config = root / "translate-flow.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("two_people = true", "two_people = false"),
                      encoding="utf-8")
    project = Project.open(root)
    assert not project.config.two_people
    draft(root, "uk", {TITLE: "Проти війни"})
    edit_like_poedit(po_path(root, "uk"), {TITLE: "Геть війну"})
    report = apply_decisions(project, [decide(root, TITLE, "taras", approve=True)])
    assert report.applied and not report.adopted
    found = entry(root, "uk", TITLE)
    assert catalog.state(found) is State.APPROVED and catalog.translator(found) == "taras"


def test_a_web_save_then_approve_by_the_same_person_is_refused(root: Path, project: Project) -> None:
    saved = apply_decisions(project, [decide(root, TITLE, "taras", "Проти війни")])
    assert saved.applied
    report = apply_decisions(project, [decide(root, TITLE, "taras", approve=True)])
    assert [str(r.reason) for r in report.refused] == [
        "taras translated this entry and cannot approve it too ([review] two_people = true)"]
    assert catalog.state(entry(root, "uk", TITLE)) is State.TRANSLATED


def test_the_page_gets_the_verdict_not_the_rule(root: Path, project: Project) -> None:
    translate(root, "uk", {TITLE: "Проти війни", ODESA: WRONG_NUMBER}, "taras")
    translate(root, "uk", {POSITION: "Наша позиція"}, "olena")
    mine = permissions(project, "war", "uk", "taras")
    assert rendered(mine[TITLE].as_dict(), "en") == {
        "may_approve": False, "adopt": False, "override_required": [], "accept_override_required": [],
        "reason": "taras translated this entry and cannot approve it too ([review] two_people = true)"}
    assert mine[POSITION].may_approve and not mine[POSITION].override_required
    theirs = permissions(project, "war", "uk", "marta")
    assert theirs[ODESA].may_approve
    assert [p.check for p in theirs[ODESA].override_required] == ["numbers", "numbers"]
    assert not permissions(project, "war", "uk", "olena")[POSITION].may_approve


def test_the_page_knows_before_accepting_that_a_draft_needs_an_override(root: Path, project: Project) -> None:
    draft(root, "uk", {TITLE: RUSSIAN_LETTER})
    found = permissions(project, "war", "uk", "olena")[TITLE]
    assert not found.may_approve
    assert [(p.check, p.severity) for p in found.accept_override_required] == [("letters", "error")]


def test_a_reviewer_is_not_offered_their_own_translation_in_the_queue(root: Path, project: Project) -> None:
    translate(root, "uk", {TITLE: "Проти війни"}, "taras")
    translate(root, "uk", {POSITION: "Наша позиція"}, "olena")
    route(project)
    assignments = root / "review/assignments.toml"
    text = assignments.read_text(encoding="utf-8")
    assignments.write_text(text.replace('[war.uk]\ntranslator = "olena"\nreviewer = "marta"',
                                        '[war.uk]\ntranslator = "olena"\nreviewer = "taras"'), encoding="utf-8")
    (work,) = queue(project, "taras")
    assert [t.msgid for t in work.tasks] == [POSITION]


def test_an_entry_its_assigned_reviewer_wrote_goes_to_a_second_reviewer(root: Path, project: Project) -> None:
    translate(root, "uk", {TITLE: "Проти війни", POSITION: "Наша позиція"}, "olena")
    route(project)
    (assigned,) = [w for w in queue(project) if any(t.role == "reviewer" and t.lang == "uk" for t in w.tasks)]
    other = "taras" if assigned.person == "marta" else "marta"
    apply_decisions(project, [decide(root, POSITION, assigned.person, "Наша думка")])
    work = {w.person: [t.msgid for t in w.tasks if t.lang == "uk"] for w in queue(project)}
    assert work[assigned.person] == [TITLE] and work[other] == [POSITION]


# Errors are approved only with an override, which is kept and signed off.

def test_approving_an_entry_with_an_error_needs_an_override(root: Path, tflow: Run) -> None:
    translate(root, "uk", {ODESA: WRONG_NUMBER}, "olena")
    result = tflow("approve", "war", "--lang", "uk", "--as", "taras", "--all")
    assert result.exit_code == 1
    assert ("refused: war (uk) «In 2014, 48 anti-fascists were killed in Odesa.»: not approved: "
            "error-level check problems (numbers: number 48 missing in translation;") in result.stderr
    assert catalog.state(entry(root, "uk", ODESA)) is State.TRANSLATED
    usage = tflow("approve", "war", "--lang", "uk", "--as", "taras", "--all", "--override", "x")
    assert usage.exit_code == 2
    done = tflow("approve", "war", "--lang", "uk", "--as", "taras", "statements/war.md:12",
                 "--override", "the archive counts 46")
    assert done.exit_code == 0, done.output
    found = entry(root, "uk", ODESA)
    assert catalog.state(found) is State.APPROVED
    (override,) = catalog.overrides(found)
    assert (override.person, override.day, override.checks, override.reason) == (
        "taras", catalog.today(), ("numbers",), "the archive counts 46")
    line = f"override: taras {catalog.today()} {catalog.pair_hash(found)} numbers: the archive counts 46"
    assert line in po_path(root, "uk").read_text(encoding="utf-8").replace("# ", "")


def test_check_reports_an_overridden_error_without_failing(root: Path, tflow: Run) -> None:
    translate(root, "uk", {ODESA: WRONG_NUMBER}, "olena")
    assert tflow("check", "--lang", "uk").exit_code == 3
    assert tflow("approve", "war", "--lang", "uk", "--as", "taras", ODESA, "--override",
                 "the archive counts 46").exit_code == 0
    result = tflow("check", "--lang", "uk")
    assert result.exit_code == 0, result.output
    assert (f"error: [numbers] number 48 missing in translation (overridden by taras {catalog.today()}: "
            "the archive counts 46)") in result.stdout
    assert result.stdout.splitlines()[-1] == "0 errors, 0 warnings, 2 overridden"
    data = json.loads(tflow("check", "--lang", "uk", "--json").stdout)
    assert [d["override"]["person"] for d in data] == ["taras", "taras"]


def test_an_override_is_shown_in_the_editions_sign_off(root: Path, tflow: Run, project: Project) -> None:
    texts = {TITLE: "Проти війни", POSITION: "Наша позиція",
             CONDEMN: "Ми засуджуємо війну та мобілізацію в Україні.",
             NATO: "НАТО і Кремль посилають робітників на смерть.", ODESA: WRONG_NUMBER,
             WORKERS: "Пролетарі всіх країн, єднайтеся!"}
    translate(root, "uk", texts, "olena")
    assert tflow("approve", "war", "--lang", "uk", "--as", "taras", "--all").exit_code == 1
    assert tflow("approve", "war", "--lang", "uk", "--as", "taras", ODESA, "--override",
                 "the archive counts 46").exit_code == 0
    (edition,) = [e for e in build(project) if e.lang == "uk"]
    assert edition.signoff is not None
    assert str(edition.signoff).endswith(
        f"; taras ({catalog.today()}), перевірки numbers, statements/war.md:12: the archive counts 46")
    page = (root / "editions/uk/war.html").read_text(encoding="utf-8")
    assert (f'<p class="override">Затверджено попри перевірку: taras ({catalog.today()}), перевірки numbers, '
            "statements/war.md:12: the archive counts 46</p>\n</details>") in page
    markdown = (root / "editions/uk/war.md").read_text(encoding="utf-8")
    assert f"<!-- затвердили: taras ({catalog.today()}); sha256:" in markdown


def test_an_override_does_not_carry_over_to_a_changed_source(root: Path, project: Project) -> None:
    translate(root, "uk", {ODESA: WRONG_NUMBER}, "olena")
    assert apply_decisions(project, [decide(root, ODESA, "taras", approve=True, override="ok")]).applied
    (root / "statements/war.md").write_text(
        STATEMENT.replace("48 anti-fascists were killed", "48 anti-fascists were murdered"), encoding="utf-8")
    extract(project)
    changed = entry(root, "uk", ODESA.replace("killed", "murdered"))
    assert catalog.state(changed) is State.STALE and changed.msgstr == WRONG_NUMBER
    assert catalog.overrides(changed) == []


def test_a_suggestion_survives_a_change_of_its_source(root: Path, project: Project) -> None:
    draft(root, "uk", {NATO: "НАТО і Кремль посилають робітників на смерть."})
    assert apply_decisions(project, [decide(root, NATO, "olena", "НАТО і Кремль женуть робітників на смерть.",
                                            suggest=True)]).suggested
    (root / "statements/war.md").write_text(STATEMENT.replace("send workers to die", "send the workers to die"),
                                            encoding="utf-8")
    extract(project)
    changed = entry(root, "uk", NATO.replace("send workers", "send the workers"))
    assert changed.msgstr == "НАТО і Кремль женуть робітників на смерть."
    assert catalog.notes(changed)["suggested"].startswith("olena ")


def test_an_override_does_not_carry_over_to_a_changed_text(root: Path, project: Project) -> None:
    translate(root, "uk", {ODESA: WRONG_NUMBER}, "olena")
    report = apply_decisions(project, [decide(root, ODESA, "taras", approve=True, override="ok")])
    assert report.applied
    edit_like_poedit(po_path(root, "uk"), {ODESA: "У 2014 році в Одесі вбили 47 антифашистів."})
    assert catalog.overrides(entry(root, "uk", ODESA)) == []
    assert apply_decisions(project, [decide(root, ODESA, "marta", approve=True)]).adopted
    again = apply_decisions(project, [decide(root, ODESA, "taras", approve=True)])
    assert "not approved: error-level check problems (numbers:" in str(again.refused[0].reason)


def test_accepting_a_machine_draft_with_an_error_asks_for_a_reason(root: Path, project: Project) -> None:
    draft(root, "uk", {TITLE: RUSSIAN_LETTER})
    report = apply_decisions(project, [decide(root, TITLE, "olena", RUSSIAN_LETTER)])
    assert not report.applied
    assert "not accepted: error-level check problems (letters: Russian letter ё" in str(report.refused[0].reason)
    assert catalog.state(entry(root, "uk", TITLE)) is State.DRAFT
    accepted = apply_decisions(project, [decide(root, TITLE, "olena", RUSSIAN_LETTER,
                                                override="the quoted name is Russian")])
    assert accepted.applied
    found = entry(root, "uk", TITLE)
    assert catalog.state(found) is State.TRANSLATED
    assert [(o.person, o.checks) for o in catalog.overrides(found)] == [("olena", ("letters",))]
    review = apply_decisions(project, [decide(root, TITLE, "taras", approve=True)])
    assert review.refused, "the reviewer overrides for themselves"
    assert apply_decisions(project, [decide(root, TITLE, "taras", approve=True, override="yes")]).applied


def test_a_typed_text_with_an_error_is_saved_but_not_approved(root: Path, project: Project) -> None:
    assert apply_decisions(project, [decide(root, TITLE, "olena", RUSSIAN_LETTER)]).applied
    report = apply_decisions(project, [decide(root, TITLE, "taras", approve=True)])
    assert report.refused and catalog.state(entry(root, "uk", TITLE)) is State.TRANSLATED


# Comments.

def test_a_comment_is_kept_with_author_and_date_and_listed_by_status(root: Path, tflow: Run) -> None:
    result = tflow("comment", "war", "--lang", "uk", "--as", "olena", "statements/war.md:8",
                   "«Призов» чи «мобілізація»?")
    assert result.exit_code == 0, result.output
    assert tflow("comment", "war", "--lang", "uk", "--as", "taras", CONDEMN, "Мобілізація.").exit_code == 0
    edit_like_poedit(po_path(root, "uk"), {CONDEMN: "Ми засуджуємо війну."})
    assert [(c.person, c.day, c.text) for c in catalog.comments(entry(root, "uk", CONDEMN))] == [
        ("olena", catalog.today(), "«Призов» чи «мобілізація»?"), ("taras", catalog.today(), "Мобілізація.")]
    status = tflow("status")
    assert f"  statements/war.md:8 (uk) olena {catalog.today()}: «Призов» чи «мобілізація»?" in status.stdout
    data = json.loads(tflow("status", "--json").stdout)
    assert [c["person"] for c in data["comments"]] == ["olena", "taras"]


def test_a_comment_from_someone_not_on_the_language_is_refused(root: Path, tflow: Run) -> None:
    result = tflow("comment", "war", "--lang", "uk", "--as", "ivan", TITLE, "?")
    assert result.exit_code == 1
    assert result.stderr == (f"Error: locales/uk/war.po:{entry_line(root, 'uk', TITLE)}: «Against the war»: ivan is neither a translator "
                             "nor a reviewer for uk\n")


def test_a_multi_line_comment_is_one_line_in_the_file(root: Path, project: Project) -> None:
    report = apply_decisions(project, [decide(root, TITLE, "taras", comment="First line.\nSecond line.")])
    assert report.commented
    text = po_path(root, "uk").read_text(encoding="utf-8")
    assert f"# comment: taras {catalog.today()} First line.\\nSecond line.\n" in text
    assert catalog.comments(entry(root, "uk", TITLE))[0].text == "First line.\nSecond line."
    assert not apply_decisions(project, [decide(root, TITLE, "taras", comment="First line.\nSecond line.")]).commented


# Returned packets account for every change.

def test_a_returned_packet_accounts_for_comments_and_an_edit_left_fuzzy(root: Path, project: Project,
                                                                        tflow: Run) -> None:
    draft(root, "uk", {TITLE: "Проти війни", NATO: "НАТО і Кремль посилають робітників на смерть."})
    route(project)
    export(project, "olena")
    path = root / "review/outbox/olena/war.uk.po"
    edit_like_poedit(path, {POSITION: "Наша позиція", WORKERS: "Пролетарі всіх країн, єднайтеся!"},
                     unfuzzy=(TITLE,),
                     comments={NATO: "Чи «посилають на смерть» не занадто?", CONDEMN: "Не знаю, як перекласти «conscription»."})
    po = polib.pofile(str(path), wrapwidth=0)
    nato = po.find(NATO)
    assert nato is not None
    nato.msgstr = "НАТО і Кремль женуть робітників на смерть."
    po.save()
    result = tflow("review", "import", str(path))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert ("suggestion: war (uk) «NATO and the Kremlin both send workers to die.»: kept as olena's "
            "fuzzy draft: НАТО і Кремль женуть робітників на смерть.") in lines
    assert "comment: war (uk) «We condemn the war and the conscription in Ukraine.»: olena: " \
           "Не знаю, як перекласти «conscription»." in lines
    assert lines[-1] == "3 applied, 1 kept as a suggestion, 2 comments added, 0 unchanged, 0 conflicts, 0 refused"
    kept = entry(root, "uk", NATO)
    assert kept.msgstr == "НАТО і Кремль женуть робітників на смерть." and "fuzzy" in kept.flags
    assert catalog.notes(kept)["suggested"] == f"olena {catalog.today()}"
    assert catalog.comments(kept)[0].text == "Чи «посилають на смерть» не занадто?"
    again = tflow("review", "import", str(path))
    assert again.stdout.splitlines()[-1] == "0 applied, 5 unchanged, 0 conflicts, 0 refused"


def test_a_reviewers_correction_left_fuzzy_keeps_the_old_translation_visible(root: Path, project: Project) -> None:
    translate(root, "uk", {POSITION: "Наша позиція"}, "olena")
    route(project)
    export(project, "taras")
    path = root / "review/outbox/taras/war.uk.po"
    po = polib.pofile(str(path), wrapwidth=0)
    found = po.find(POSITION)
    assert found is not None and "fuzzy" in found.flags
    found.msgstr = "Наша думка"
    po.save()
    report = import_packets(project, [path])
    assert [d.msgid for d in report.suggested] == [POSITION]
    now = entry(root, "uk", POSITION)
    assert catalog.state(now) is State.DRAFT and now.msgstr == "Наша думка"
    assert catalog.notes(now)["previous"] == "translated by olena, was: Наша позиція"


def test_an_emptied_packet_entry_is_refused_with_a_line(root: Path, project: Project) -> None:
    draft(root, "uk", {TITLE: "Проти війни"})
    route(project)
    export(project, "olena")
    path = root / "review/outbox/olena/war.uk.po"
    po = polib.pofile(str(path), wrapwidth=0)
    found = po.find(TITLE)
    assert found is not None
    found.msgstr = ""
    po.save()
    report = import_packets(project, [path])
    assert [(r.decision.msgid, str(r.reason)) for r in report.refused] == [
        (TITLE, "an empty translation cannot be recorded; leave the entry out instead")]
    assert entry(root, "uk", TITLE).msgstr == "Проти війни"


def test_a_packet_override_line_accepts_a_draft_with_an_error(root: Path, project: Project) -> None:
    draft(root, "uk", {TITLE: RUSSIAN_LETTER, POSITION: "Наша позицёя"})
    route(project)
    export(project, "olena")
    path = root / "review/outbox/olena/war.uk.po"
    edit_like_poedit(path, unfuzzy=(TITLE, POSITION), comments={TITLE: "override: a quoted Russian name"})
    report = import_packets(project, [path])
    assert [d.msgid for d in report.applied] == [TITLE]
    assert [r.decision.msgid for r in report.refused] == [POSITION]
    assert not report.commented
    assert catalog.overrides(entry(root, "uk", TITLE))[0].reason == "a quoted Russian name"


def test_a_packet_approval_of_text_the_reviewer_edited_in_poedit_is_not_an_approval(root: Path,
                                                                                   project: Project) -> None:
    translate(root, "uk", {POSITION: "Наша позиція"}, "olena")
    route(project)
    export(project, "taras")
    path = root / "review/outbox/taras/war.uk.po"
    edit_like_poedit(path, {POSITION: "Наша думка"}, comments={POSITION: "approve"})
    report = import_packets(project, [path])
    assert [d.msgid for d in report.applied] == [POSITION]
    assert [str(r.reason) for r in report.refused] == [
        "taras translated this entry and cannot approve it too ([review] two_people = true)"]
    assert catalog.translator(entry(root, "uk", POSITION)) == "taras"


def test_a_translators_approve_line_keeps_their_text_and_refuses_only_the_approval(root: Path,
                                                                                  project: Project) -> None:
    draft(root, "uk", {TITLE: "Проти війни"})
    route(project)
    export(project, "olena")
    path = root / "review/outbox/olena/war.uk.po"
    edit_like_poedit(path, {TITLE: "Геть війну"}, comments={TITLE: "approve"})
    report = import_packets(project, [path])
    assert [d.msgid for d in report.applied] == [TITLE]
    assert [str(r.reason) for r in report.refused] == [
        "olena is not a reviewer for uk and cannot approve; the text is kept as their translation"]
    found = entry(root, "uk", TITLE)
    assert found.msgstr == "Геть війну" and catalog.translator(found) == "olena"


# Decision files (the offline sheet) carry the same fields.

def test_a_decision_file_carries_comments_suggestions_and_overrides(root: Path, project: Project) -> None:
    translate(root, "uk", {ODESA: WRONG_NUMBER}, "olena")
    draft(root, "uk", {TITLE: "Проти війни"})
    fingerprints = {m: catalog.fingerprint(entry(root, "uk", m)) for m in (ODESA, TITLE, POSITION)}
    path = root / "decisions-marta-uk.json"
    path.write_text(json.dumps({"person": "marta", "lang": "uk", "statement": "war", "decisions": [
        {"msgid": ODESA, "fingerprint": fingerprints[ODESA], "msgstr": None, "approve": True,
         "override": "the archive counts 46"},
        {"msgid": TITLE, "fingerprint": fingerprints[TITLE], "msgstr": "Геть війну", "approve": False,
         "suggest": True},
        {"msgid": POSITION, "fingerprint": fingerprints[POSITION], "msgstr": None, "approve": False,
         "comment": "Хто перекладає заголовки?"},
    ]}), encoding="utf-8")
    report = import_packets(project, [path])
    assert [d.msgid for d in report.applied] == [ODESA]
    assert [d.msgid for d in report.suggested] == [TITLE]
    assert [d.msgid for d in report.commented] == [POSITION]
    assert catalog.state(entry(root, "uk", ODESA)) is State.APPROVED
    assert catalog.notes(entry(root, "uk", TITLE))["suggested"] == f"marta {catalog.today()}"


# Machine provenance.

def test_machine_provenance_goes_when_a_person_replaces_the_whole_draft(root: Path, project: Project) -> None:
    draft(root, "uk", {NATO: "НАТО і Кремль посилають робітників на смерть.",
                       CONDEMN: "Ми засуджуємо війну та призов в Україні."})
    report = apply_decisions(project, [
        decide(root, NATO, "olena", "Обидва, і Північноатлантичний альянс, і Москва, женуть трудящих у могилу."),
        decide(root, CONDEMN, "olena", "Ми засуджуємо війну та мобілізацію в Україні."),
    ])
    assert len(report.applied) == 2
    assert "machine" not in catalog.notes(entry(root, "uk", NATO))
    assert catalog.notes(entry(root, "uk", CONDEMN))["machine"] == "apertium 2026-11-20"


def test_review_notes_survive_msgcat_and_stay_one_line_each(root: Path, project: Project) -> None:
    translate(root, "uk", {ODESA: WRONG_NUMBER}, "olena")
    apply_decisions(project, [decide(root, ODESA, "taras", approve=True, override="a long reason " * 12,
                                     comment="a long comment " * 12)])
    before = entry(root, "uk", ODESA)
    edit_like_poedit(po_path(root, "uk"))
    after = entry(root, "uk", ODESA)
    assert catalog.state(after) is State.APPROVED
    assert catalog.overrides(after) == catalog.overrides(before) and len(catalog.overrides(after)) == 1
    assert catalog.comments(after) == catalog.comments(before)
    text = po_path(root, "uk").read_text(encoding="utf-8")
    assert sum(line.startswith("# override: taras ") for line in text.splitlines()) == 1


def test_accepting_someones_suggestion_keeps_them_its_translator(root: Path, project: Project) -> None:
    assert apply_decisions(project, [decide(root, TITLE, "marta", "Геть війну", suggest=True)]).suggested
    assert apply_decisions(project, [decide(root, TITLE, "olena", "Геть війну")]).applied
    assert catalog.translator(entry(root, "uk", TITLE)) == "marta"
    report = apply_decisions(project, [decide(root, TITLE, "marta", approve=True)])
    assert report.refused and catalog.state(entry(root, "uk", TITLE)) is State.TRANSLATED
    assert apply_decisions(project, [decide(root, TITLE, "taras", approve=True)]).applied


def test_the_page_data_of_an_entry_has_comments_overrides_and_the_verdict(root: Path, project: Project) -> None:
    translate(root, "uk", {ODESA: WRONG_NUMBER}, "olena")
    apply_decisions(project, [decide(root, ODESA, "olena", comment="Джерело каже 46.")])
    people = load_people(project.config)
    found = entry(root, "uk", ODESA)
    errors = Checker.load(project).errors(found, "uk")
    data = entry_review(found, people["taras"], "uk", two_people=True, errors=errors)
    assert data["may_approve"] is True and data["translator"] == "olena"
    assert [p["check"] for p in data["override_required"]] == ["numbers", "numbers"]  # type: ignore[attr-defined]
    assert data["comments"] == [{"person": "olena", "day": catalog.today(), "text": "Джерело каже 46."}]
    assert data["overrides"] == []


def test_a_packet_shows_everyone_the_comments_on_an_entry(root: Path, project: Project) -> None:
    draft(root, "uk", {TITLE: "Проти війни"})
    apply_decisions(project, [decide(root, TITLE, "taras", comment="Коротше, будь ласка.")])
    route(project)
    export(project, "olena")
    packet = polib.pofile(str(root / "review/outbox/olena/war.uk.po"))
    found = packet.find(TITLE)
    assert found is not None and not found.tcomment
    assert f"comment: taras {catalog.today()} Коротше, будь ласка." in found.comment.split("\n")
