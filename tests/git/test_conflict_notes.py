"""The conflict note survives a write and a read, whatever the competing text holds."""

from __future__ import annotations

from pathlib import Path

import polib

from translate_flow import catalog
from translate_flow.catalog import states


def test_conflict_text_with_newlines_and_backslashes_round_trips(tmp_path: Path) -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    entry = polib.POEntry(msgid="Line one\nline two", msgstr="Рядок один\nрядок два", flags=["fuzzy"])
    po.append(entry)
    text = "Рядок\\n один\nрядок \\ два"
    states.add_conflict(entry, states.Conflict("Olena Petrenko", "2026-12-01", text))
    states.add_conflict(entry, states.Conflict("Olena Petrenko", "2026-12-01", text))
    catalog.write(po, tmp_path / "x.po")
    found = catalog.read(tmp_path / "x.po").find("Line one\nline two")
    assert states.conflicts(found) == [states.Conflict("Olena Petrenko", "2026-12-01", text)]
    assert states.in_conflict(found)


def test_accepting_a_draft_is_not_a_choice_between_conflicts_but_a_translation_is() -> None:
    entry = polib.POEntry(msgid="x", msgstr="a", flags=["fuzzy"])
    states.add_conflict(entry, states.Conflict("olena", "2026-12-01", "b"))
    entry.flags.remove("fuzzy")
    assert not states.in_conflict(entry)
    entry.flags.append("fuzzy")
    states.set_translation(entry, "a", "taras", "2026-12-01")
    assert states.conflicts(entry) == [] and entry.tcomment == f"translated: taras 2026-12-01 {states.msgstr_hash('a')}"
