"""The provenance note's defects: written by pretranslate, read by one parser for every page."""

from __future__ import annotations

import polib

from translate_flow import catalog
from translate_flow.catalog.drafts import DraftReport, draft_report, provenance_note, weak_first


def draft(msgid: str, note: str) -> polib.POEntry:
    entry = polib.POEntry(msgid=msgid)
    catalog.set_draft(entry, msgid.upper(), note)
    return entry


def test_note_carries_unknown_words_errors_and_quality() -> None:
    note = provenance_note("machine: apertium 2026-12-01", DraftReport(None, ("Майдане", "ради"), ("стоїмо",), 0.82))
    assert note == "machine: apertium 2026-12-01; unknown: Майдане, ради; errors: стоїмо; quality: 0.82"
    entry = draft("x", note)
    assert entry.tcomment == f"machine: {note.partition(': ')[2]}"
    assert draft_report(entry) == DraftReport(
        "machine: apertium 2026-12-01", ("Майдане", "ради"), ("стоїмо",), 0.82
    )


def test_provenance_is_the_origin_without_the_defects() -> None:
    entry = draft("x", "machine: pivot apertium from ru 2026-12-01; unknown: здесь; quality: 0.5")
    assert catalog.provenance(entry) == "machine: pivot apertium from ru 2026-12-01"


def test_an_old_note_without_defects_reads_as_an_unjudged_draft() -> None:
    report = draft_report(draft("x", "machine: apertium 2026-11-25"))
    assert report == DraftReport("machine: apertium 2026-11-25")
    assert not report.weak


def test_weak_drafts_sort_first_weakest_first_and_the_rest_keep_their_order() -> None:
    good = draft("good", "machine: apertium 2026-12-01; quality: 0.95")
    weak = draft("weak", "machine: apertium 2026-12-01; quality: 0.6")
    weaker = draft("weaker", "machine: apertium 2026-12-01; quality: 0.3")
    human = polib.POEntry(msgid="human", msgstr="HUMAN")
    ordered = sorted([good, human, weak, weaker], key=weak_first)
    assert [e.msgid for e in ordered] == ["weaker", "weak", "good", "human"]


def test_accepting_a_draft_keeps_its_origin_and_drops_the_engine_defects() -> None:
    entry = polib.POEntry(msgid="We stand here together.")
    catalog.set_draft(entry, "Ми стоїмо здесь разом.", "machine: apertium 2026-12-01; unknown: здесь; quality: 0.5")
    catalog.set_translation(entry, "Ми стоїмо тут разом.", "olena", "2026-12-02")
    assert catalog.notes(entry)["machine"] == "apertium 2026-12-01"
    assert draft_report(entry) == DraftReport("machine: apertium 2026-12-01")
