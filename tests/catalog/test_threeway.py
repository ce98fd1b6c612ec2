"""catalog.threeway in memory: order of entries, drafts, obsolete entries, headers."""

from __future__ import annotations

import polib

from translate_flow.catalog import states
from translate_flow.catalog.threeway import Side, merge_catalogs


def _catalog(*entries: polib.POEntry, created: str = "2026-12-01 10:00+0000") -> polib.POFile:
    po = polib.POFile()
    po.metadata = {"POT-Creation-Date": created, "PO-Revision-Date": created,
                   "Content-Type": "text/plain; charset=UTF-8"}
    for entry in entries:
        po.append(entry)
    return po


def _e(msgid: str, msgstr: str = "", **fields: object) -> polib.POEntry:
    return polib.POEntry(msgid=msgid, msgstr=msgstr, **fields)


def _by(person: str, msgid: str, msgstr: str, **fields: object) -> polib.POEntry:
    entry = _e(msgid, **fields)
    states.set_translation(entry, msgstr, person, "2026-12-01")
    return entry


def test_entries_added_on_both_sides_keep_document_order() -> None:
    base = _catalog(_e("a"), _e("d"))
    ours = _catalog(_e("a"), _e("b"), _e("d"))
    theirs = _catalog(_e("a"), _e("d"), _e("e"), _e("f"), created="2026-12-02 10:00+0000")
    merged = merge_catalogs(base, Side(ours, "o"), Side(theirs, "t")).catalog
    assert [e.msgid for e in merged] == ["a", "b", "d", "e", "f"]


def test_a_machine_draft_on_one_side_fills_an_entry_the_other_side_emptied() -> None:
    draft = _e("a", "чернетка", flags=["fuzzy"], tcomment="machine: apertium 2026-12-01")
    base = _catalog(_e("a", "стара", flags=["fuzzy"], tcomment="machine: apertium 2026-11-01"))
    merged = merge_catalogs(base, Side(_catalog(_e("a")), "o"), Side(_catalog(draft), "t")).catalog
    assert merged.find("a").msgstr == "чернетка"
    assert not states.conflicts(merged.find("a"))


def test_an_entry_one_side_removed_and_the_other_translated_stays_as_obsolete() -> None:
    base = _catalog(_e("a", occurrences=[("s.md", "3")]))
    theirs = _catalog(_by("olena", "a", "переклад", occurrences=[("s.md", "3")]))
    merged = merge_catalogs(base, Side(_catalog(), "o"), Side(theirs, "t")).catalog
    kept = merged.find("a", include_obsolete_entries=True)
    assert kept.obsolete and kept.msgstr == "переклад" and kept.occurrences == []
    assert not theirs.find("a").obsolete


def test_an_entry_one_side_removed_and_the_other_left_alone_is_removed() -> None:
    base = _catalog(_e("a", occurrences=[("s.md", "3")]))
    theirs = _catalog(_e("a", occurrences=[("s.md", "4")]))
    merged = merge_catalogs(base, Side(_catalog(), "o"), Side(theirs, "t")).catalog
    assert merged.find("a", include_obsolete_entries=True) is None


def test_references_from_one_side_and_translation_from_the_other_combine() -> None:
    base = _catalog(_e("a", occurrences=[("s.md", "3")]))
    ours = _catalog(_e("a", occurrences=[("s.md", "5")]))
    theirs = _catalog(_by("olena", "a", "переклад", occurrences=[("s.md", "3")]))
    merged = merge_catalogs(base, Side(ours, "o"), Side(theirs, "t")).catalog.find("a")
    assert (merged.occurrences, merged.msgstr, merged.tcomment) == (
        [("s.md", "5")], "переклад", theirs.find("a").tcomment)


def test_a_second_conflict_on_the_same_entry_adds_its_version() -> None:
    base = _catalog(_e("a"))
    first = merge_catalogs(base, Side(_catalog(_by("olena", "a", "x")), "o"),
                           Side(_catalog(_by("taras", "a", "y")), "t"),
                           day="2026-12-02").catalog
    second = merge_catalogs(base, Side(first, "o"),
                            Side(_catalog(_by("ivan", "a", "z")), "t"),
                            day="2026-12-03").catalog
    versions = [(c.author, c.text) for c in states.conflicts(second.find("a"))]
    assert sorted(versions) == [("ivan", "z"), ("olena", "x"), ("taras", "y")]
    assert "fuzzy" in second.find("a").flags
