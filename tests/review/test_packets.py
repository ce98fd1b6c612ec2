from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from translate_flow import catalog
from translate_flow.catalog import State
from translate_flow.catalog.extract import extract
from translate_flow.errors import ReviewError
from translate_flow.project import Project
from translate_flow.review.decisions import Decision
from translate_flow.review.packets import decisions_json, export, import_packets
from translate_flow.review.routing import route
from tests.conftest import require_program
from tests.review.conftest import STATEMENT, draft, entry, golden, normalise, po_path, poedit_save, translate

TITLE = "Against the war"
POSITION = "Our position"
CONDEMN = "We condemn the war and the conscription in Ukraine."
NATO = "NATO and the Kremlin both send workers to die."
ODESA = "In 2014, 48 anti-fascists were killed in Odesa."
WORKERS = "Workers of all countries, unite!"


@pytest.fixture
def pending(root: Path, project: Project) -> Project:
    """uk with every state: draft, untranslated, translated, a number error, a stale entry."""
    (root / "glossary.csv").write_text(
        "en,uk,ru,note,forbidden\nNATO,НАТО,НАТО,,\nKremlin,Кремль,Кремль,,\n"
        "Ukraine,Україна,Украина,,ru:на Украине; uk:на Україні\n", encoding="utf-8")
    translate(root, "uk", {"Workers of the world, unite!": "Пролетарі всіх країн, єднайтеся!"}, "olena")
    (root / "statements/war.md").write_text(
        STATEMENT.replace("Workers of the world, unite!", WORKERS), encoding="utf-8")
    extract(project)
    draft(root, "uk", {TITLE: "Проти війни", NATO: "НАТО і Кремль посилають робітників на смерть."})
    translate(root, "uk", {CONDEMN: "Ми засуджуємо війну та мобілізацію в Україні.",
                           ODESA: "У 2014 році в Одесі було вбито 46 антифашистів."}, "olena")
    route(project)
    return project


def packet(root: Path, person: str, lang: str = "uk") -> Path:
    return root / "review/outbox" / person / f"war.{lang}.po"


def test_export_writes_each_persons_pending_entries_with_what_a_reviewer_needs(
    request: pytest.FixtureRequest, root: Path, pending: Project
) -> None:
    paths = export(pending)
    assert packet(root, "olena") in paths and packet(root, "taras") in paths
    golden(request, "translator-packet-with-draft-and-stale-entries.po", normalise(packet(root, "olena").read_text(encoding="utf-8")))
    golden(request, "reviewer-packet-with-glossary-and-check-problems.po", normalise(packet(root, "taras").read_text(encoding="utf-8")))


def test_a_packet_passes_msgfmt_check(root: Path, pending: Project) -> None:
    msgfmt = require_program("msgfmt")
    for path in export(pending):
        result = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


def test_a_packet_round_trip_through_a_po_editor_records_translations_and_approvals(
    request: pytest.FixtureRequest, root: Path, pending: Project
) -> None:
    export(pending)
    poedit_save(packet(root, "olena"), {POSITION: "Наша позиція", WORKERS: "Пролетарі всіх країн, єднайтеся!"},
                unfuzzy=(TITLE,))
    poedit_save(packet(root, "taras"), {ODESA: "У 2014 році в Одесі було вбито 48 антифашистів."},
                unfuzzy=(CONDEMN,), translator="Taras <taras@example.org>")
    report = import_packets(pending, [packet(root, "olena"), packet(root, "taras")])
    assert report.ok
    assert sorted((d.person, d.msgid, d.approve) for d in report.applied) == [
        ("olena", TITLE, False), ("olena", POSITION, False), ("olena", WORKERS, False),
        ("taras", ODESA, False), ("taras", CONDEMN, True),
    ]
    states = {e.msgid: catalog.state(e) for e in catalog.read(po_path(root, "uk")) if not e.obsolete}
    assert states[NATO] is State.DRAFT
    assert states[CONDEMN] is State.APPROVED
    assert catalog.translator(entry(root, "uk", ODESA)) == "taras"
    golden(request, "catalog-after-poedit-round-trip.po", normalise(po_path(root, "uk").read_text(encoding="utf-8")))


def test_importing_the_same_packet_twice_changes_nothing(root: Path, pending: Project) -> None:
    export(pending)
    poedit_save(packet(root, "olena"), {POSITION: "Наша позиція"}, unfuzzy=(TITLE,))
    first = import_packets(pending, [packet(root, "olena")])
    assert len(first.applied) == 2
    before = po_path(root, "uk").read_bytes()
    second = import_packets(pending, [packet(root, "olena")])
    assert not second.applied and len(second.unchanged) == 2 and second.ok
    assert po_path(root, "uk").read_bytes() == before


def test_an_approve_line_in_the_translator_comment_approves(root: Path, pending: Project) -> None:
    export(pending)
    poedit_save(packet(root, "taras"), comments={CONDEMN: "approve"})
    report = import_packets(pending, [packet(root, "taras")])
    assert [d.msgid for d in report.applied] == [CONDEMN]
    assert catalog.state(entry(root, "uk", CONDEMN)) is State.APPROVED


def test_entries_left_fuzzy_or_empty_are_not_imported(root: Path, pending: Project) -> None:
    export(pending)
    poedit_save(packet(root, "taras"))
    poedit_save(packet(root, "olena"))
    before = po_path(root, "uk").read_bytes()
    report = import_packets(pending, [packet(root, "taras"), packet(root, "olena")])
    assert report == type(report)()
    assert po_path(root, "uk").read_bytes() == before


def test_a_source_edited_after_export_is_a_conflict_showing_the_new_source(root: Path, pending: Project) -> None:
    export(pending)
    poedit_save(packet(root, "olena"), {NATO: "НАТО і Кремль посилають робітників помирати."})
    (root / "statements/war.md").write_text(
        STATEMENT.replace("Workers of the world, unite!", WORKERS)
        .replace("send workers to die", "send the workers to die"), encoding="utf-8")
    extract(pending)
    report = import_packets(pending, [packet(root, "olena")])
    (conflict,) = report.conflicts
    assert conflict.decision.msgstr == "НАТО і Кремль посилають робітників помирати."
    assert conflict.current_msgstr == ""  # a machine draft of the old source is re-drafted, not kept
    assert "it now reads: NATO and the Kremlin both send the workers to die." in str(conflict.reason)


def test_an_entry_edited_elsewhere_after_export_keeps_the_other_edit(root: Path, pending: Project) -> None:
    export(pending)
    poedit_save(packet(root, "olena"), {POSITION: "Наша позиція"})
    translate(root, "uk", {POSITION: "Наша думка"}, "marta")
    report = import_packets(pending, [packet(root, "olena")])
    (conflict,) = report.conflicts
    assert (conflict.decision.msgstr, conflict.current_msgstr) == ("Наша позиція", "Наша думка")
    assert entry(root, "uk", POSITION).msgstr == "Наша думка"


def test_a_packet_imported_as_another_person_is_refused_and_nothing_applied(root: Path, pending: Project) -> None:
    export(pending)
    poedit_save(packet(root, "olena"), {POSITION: "Наша позиція"})
    poedit_save(packet(root, "taras"), unfuzzy=(CONDEMN,))
    before = po_path(root, "uk").read_bytes()
    with pytest.raises(ReviewError) as caught:
        import_packets(pending, [packet(root, "taras"), packet(root, "olena")], person="taras")
    assert str(caught.value) == (f"{packet(root, 'olena')}: this packet is olena's, not taras's; "
                                 "taras can only import their own work")
    assert po_path(root, "uk").read_bytes() == before


def test_a_packet_for_a_language_its_person_does_not_work_on_is_refused(root: Path, pending: Project) -> None:
    export(pending)
    path = packet(root, "olena")
    path.write_text(path.read_text(encoding="utf-8").replace('"X-Tflow-Language: uk\\n"', '"X-Tflow-Language: ru\\n"')
                    .replace('"Language: uk\\n"', '"Language: ru\\n"'), encoding="utf-8")
    with pytest.raises(ReviewError, match="the packet is for ru, but olena does not work on ru"):
        import_packets(pending, [path])


def test_a_packet_whose_language_header_was_changed_is_refused(root: Path, pending: Project) -> None:
    export(pending)
    path = packet(root, "olena")
    path.write_text(path.read_text(encoding="utf-8").replace('"Language: uk\\n"', '"Language: ru\\n"'),
                    encoding="utf-8")
    with pytest.raises(ReviewError, match="exported for uk but its Language header now says 'ru'"):
        import_packets(pending, [path])


def test_a_po_file_that_is_not_a_packet_is_refused(root: Path, pending: Project) -> None:
    with pytest.raises(ReviewError, match="not a translate-flow review packet"):
        import_packets(pending, [po_path(root, "uk")])


def test_an_entry_whose_fingerprint_line_was_removed_names_its_line(root: Path, pending: Project) -> None:
    export(pending)
    path = packet(root, "olena")
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith("#. tflow-fingerprint:"))
    del lines[number]
    path.write_text("\n".join(lines), encoding="utf-8")
    start = max(i for i in range(number) if lines[i] == "") + 2
    with pytest.raises(ReviewError) as caught:
        import_packets(pending, [path])
    assert str(caught.value).startswith(f"{path}:{start}: entry without a valid tflow-fingerprint:")


def test_export_removes_packets_whose_work_is_done(root: Path, pending: Project) -> None:
    export(pending)
    translate(root, "uk", {TITLE: "Проти війни", POSITION: "Наша позиція", NATO: "НАТО і Кремль.",
                           WORKERS: "Пролетарі всіх країн, єднайтеся!"}, "olena")
    assert packet(root, "taras") in export(pending)
    assert not packet(root, "olena").exists()


def test_json_decision_files_are_imported_like_packets(root: Path, pending: Project, tmp_path: Path) -> None:
    seen = entry(root, "uk", CONDEMN)
    decision = Decision("war", "uk", CONDEMN, catalog.fingerprint(seen), None, True, "taras")
    path = tmp_path / "taras-uk.json"
    path.write_text(decisions_json("taras", "uk", [decision]), encoding="utf-8")
    report = import_packets(pending, [path])
    assert report.applied == (decision,)
    assert catalog.state(entry(root, "uk", CONDEMN)) is State.APPROVED
    assert import_packets(pending, [path]).unchanged == (decision,)


def test_a_json_decision_file_takes_person_and_language_from_its_header(root: Path, pending: Project,
                                                                      tmp_path: Path) -> None:
    path = tmp_path / "sheet.json"
    fingerprint = catalog.fingerprint(entry(root, "uk", CONDEMN))
    path.write_text(json.dumps({"header": {"person": "taras", "lang": "uk", "statement": "war"},
                                "decisions": [{"msgid": CONDEMN, "fingerprint": fingerprint,
                                               "msgstr": None, "approve": True}]}), encoding="utf-8")
    assert len(import_packets(pending, [path]).applied) == 1


def test_a_json_decision_in_someone_elses_name_is_refused(root: Path, pending: Project, tmp_path: Path) -> None:
    path = tmp_path / "sheet.json"
    path.write_text(json.dumps({"person": "taras", "lang": "uk", "decisions": [
        {"slug": "war", "msgid": CONDEMN, "fingerprint": "x", "msgstr": None, "approve": True,
         "person": "marta"}]}), encoding="utf-8")
    with pytest.raises(ReviewError, match=r"decisions\[0\]: person is 'marta', but the file is taras's uk"):
        import_packets(pending, [path])


def test_invalid_json_names_the_line(pending: Project, tmp_path: Path) -> None:
    path = tmp_path / "sheet.json"
    path.write_text('{"person": "taras",\n "lang": uk}', encoding="utf-8")
    with pytest.raises(ReviewError, match=r"sheet.json:2: invalid JSON"):
        import_packets(pending, [path])


def test_a_packet_shows_the_old_translation_of_a_source_whose_meaning_changed(root: Path, pending: Project) -> None:
    (root / "statements/war.md").write_text(
        STATEMENT.replace("Workers of the world, unite!", WORKERS).replace("48 anti-fascists", "42 anti-fascists"),
        encoding="utf-8")
    extract(pending)
    export(pending)
    changed = next(e for e in catalog.read(packet(root, "olena")) if e.msgid.startswith("In 2014"))
    assert changed.msgstr == ""
    assert ("previous: source changed (number), was: У 2014 році в Одесі було вбито 46 антифашистів."
            in " ".join(changed.comment.split("\n")))


def test_a_packet_resaved_by_gettext_tools_keeps_its_fingerprints(root: Path, pending: Project) -> None:
    msgattrib = require_program("msgattrib")
    export(pending)
    path = packet(root, "taras")
    subprocess.run([msgattrib, "--clear-fuzzy", "--width=60", "-o", str(path), str(path)], check=True)
    report = import_packets(pending, [path])
    assert [d.msgid for d in report.applied] == [CONDEMN]
    assert all(d.approve and d.msgstr is None for d in report.applied)
    assert catalog.state(entry(root, "uk", CONDEMN)) is State.APPROVED
    assert [r.decision.msgid for r in report.refused] == [ODESA]



def test_a_packet_puts_weak_drafts_first_and_marks_the_words_the_engine_did_not_know(
    root: Path, project: Project
) -> None:
    with catalog.editing(po_path(root, "uk")) as po:
        for item in po:
            if item.msgid == NATO:
                catalog.set_draft(item, "НАТО і Кремль снова посилають робітників здесь.",
                                  "machine: apertium 2026-11-20; unknown: снова, здесь; quality: 0.71")
            elif item.msgid == TITLE:
                catalog.set_draft(item, "Проти війни", "machine: apertium 2026-11-20; quality: 1.00")
    route(project)
    export(project)
    entries = [e for e in catalog.read(packet(root, "olena")) if e.msgstr]
    assert entries[0].msgid == NATO
    lines = entries[0].comment.split("\n")
    assert "слабка чернетка: якість 0.71; знадобиться суттєва правка" in lines
    assert "позначено невідомі слова: НАТО і Кремль ⟨снова⟩ посилають робітників ⟨здесь⟩." in lines
    comment = " ".join(lines)  # the writer wraps long comment lines
    assert "check error unknown: рушій не знає слова «здесь»: його залишено неперекладеним" in comment
    assert not any(line.startswith("слабка чернетка") for e in entries[1:] for line in e.comment.split("\n"))


def test_a_packet_marks_the_senses_the_engine_guessed(root: Path, project: Project) -> None:
    with catalog.editing(po_path(root, "uk")) as po:
        for item in po:
            if item.msgid == NATO:
                catalog.set_draft(item, "НАТО і Кремль коштують робітників.",
                                  "machine: apertium 2026-11-20; ambiguous: стоят→коштують (стояти); quality: 0.80")
    route(project)
    export(project)
    found = next(e for e in catalog.read(packet(root, "olena")) if e.msgid == NATO)
    lines = found.comment.split("\n")
    assert "позначено вгадані значення: НАТО і Кремль ⟨коштують⟩ робітників." in lines
    assert "значення вгадано: «коштують» для «стоят»; можливо також «стояти»" in lines
    assert "check warning ambiguous:" in " ".join(lines)
