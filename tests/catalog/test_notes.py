"""Workflow notes survive gettext's and Babel's update tools, or the next extract restores them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from click.testing import Result

from tests.conftest import require_program
from tests.spine.conftest import write_statement
from translate_flow import catalog

STATEMENT = """\
---
title: Peace
lang: en
---

We condemn the war.

Stop conscription now, on both sides of the front, in every city and village of the country.

In 2014 millions fought in the streets of Kyiv against a government that had betrayed them all.
"""


def notes_and_previous(path: Path) -> list[tuple[str, dict[str, str], str | None, str]]:
    return [(e.msgid, catalog.notes(e), e.previous_msgid, e.msgstr) for e in polib.pofile(str(path))]


@pytest.fixture
def changed(project: Path, tflow: Callable[..., Result]) -> Path:
    """A catalog with an approved entry, a machine draft, and an entry emptied by a changed number."""
    write_statement(project, "peace.md", STATEMENT)
    assert tflow("extract").exit_code == 0
    path = project / "locales/uk/peace.po"
    with catalog.editing(path) as po:
        for entry in po:
            if entry.msgid.startswith("We condemn"):
                catalog.set_translation(entry, "Ми засуджуємо війну.", "olena", "2026-12-01")
                catalog.approve(entry, "taras", "2026-12-02")
            elif entry.msgid.startswith("Stop"):
                catalog.set_draft(entry, "Зупиніть мобілізацію зараз, по обидва боки фронту, у кожному "
                                  "місті й селі країни.", "machine: apertium 2026-12-01")
            elif entry.msgid.startswith("In 2014"):
                catalog.set_translation(entry, "У 2014 році мільйони людей боролися на вулицях Києва "
                                        "проти уряду, який їх усіх зрадив.", "olena", "2026-12-01")
    write_statement(project, "peace.md", STATEMENT.replace("2014", "2015"))
    assert tflow("extract").exit_code == 0
    emptied = {e.msgid: e for e in polib.pofile(str(path))}[
        "In 2015 millions fought in the streets of Kyiv against a government that had betrayed them all."]
    assert emptied.msgstr == "" and "was: У 2014 році" in catalog.notes(emptied)["previous"]
    return path


def test_notes_survive_msgmerge_update_previous(changed: Path, project: Path, tflow: Callable[..., Result]) -> None:
    before = notes_and_previous(changed)
    subprocess.run([require_program("msgmerge"), "--update", "--previous", "--backup=off", "--quiet",
                    str(changed), str(project / "locales/templates/peace.pot")], check=True)
    assert [row[:2] + row[3:] for row in notes_and_previous(changed)] == [row[:2] + row[3:] for row in before]
    assert tflow("extract").exit_code == 0
    assert [row[:2] + row[3:] for row in notes_and_previous(changed)] == [row[:2] + row[3:] for row in before]
    assert catalog.approval({e.msgid: e for e in polib.pofile(str(changed))}["We condemn the war."]) is not None


def test_notes_wrapped_by_pybabel_update_are_restored_by_the_next_extract(
    changed: Path, project: Path, tflow: Callable[..., Result]
) -> None:
    before = notes_and_previous(changed)
    pybabel = shutil.which("pybabel", path=str(Path(sys.executable).parent))
    assert pybabel is not None
    subprocess.run([pybabel, "-q", "update", "--previous", "-l", "uk", "-i",
                    str(project / "locales/templates/peace.pot"), "-o", str(changed)], check=True)
    assert notes_and_previous(changed) != before  # Babel wraps the long note and turns `#|` into comments
    assert tflow("extract").exit_code == 0
    assert notes_and_previous(changed) == before
    assert polib.pofile(str(changed)).metadata["X-Source-Language"] == "en"


@pytest.mark.parametrize("comment", [
    "approved: taras 2026-12-02 319578909673\nplease check the name",
    "previous: source changed (number), was: " + "дуже довгий переклад " * 6 + "\nкоментар перекладача",
    "a translator's own remark\nmachine: apertium 2026-12-01",
])
def test_repairing_notes_leaves_comments_no_tool_wrapped_alone(comment: str) -> None:
    entry = polib.POEntry(msgid="x", tcomment=comment)
    catalog.repair_notes(entry)
    assert entry.tcomment == comment
