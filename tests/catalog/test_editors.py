"""Catalogs saved by gettext tools and PO editors are not churned by the next extract."""

from __future__ import annotations

import difflib
import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from click.testing import Result

from tests.conftest import require_program
from tests.spine.conftest import write_statement

STATEMENT = """\
---
title: Against the war, against both governments that wage it on the workers' backs
lang: en
---

# Neither Washington nor Moscow

The west in NATO and the US, are presenting a binary, as they are so fond of: The Ukrainian
Government and NATO = Freedom, and Russia = Oligarchs and Murderers.

- Stop conscription — on both sides of the front, in 2026 and after\tnow
- “Free the prisoners”: https://example.org/a-very-long-address/with-parts/that-do-not-break-anywhere

Ukraine is not a monolith.\u2028Millions fought in the streets during the protests in 2014.
"""


def msgcat(path: Path, *options: str) -> str:
    done = subprocess.run([require_program("msgcat"), *options, str(path)], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def test_msgcat_leaves_every_file_extract_writes_unchanged(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "war.md", STATEMENT)
    assert tflow("extract").exit_code == 0
    files = sorted((project / "locales").glob("**/*.po*"))
    assert len(files) == 3
    for path in files:
        assert msgcat(path, "-w", "79") == path.read_text(encoding="utf-8"), path
        assert msgcat(path) == path.read_text(encoding="utf-8"), path


def save_as_an_editor_would(path: Path) -> bytes:
    catalog = polib.pofile(str(path), wrapwidth=40)
    catalog[0].msgstr = "Ні Вашингтон, ні Москва — " * 6
    catalog.save()  # polib's own wrapping, as a script or another tool would leave it
    path.write_text(msgcat(path), encoding="utf-8")  # then an editor running gettext saves it
    return path.read_bytes()


def test_extract_does_not_rewrite_a_catalog_msgcat_saved(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "war.md", STATEMENT)
    assert tflow("extract").exit_code == 0
    path = project / "locales/uk/war.po"
    saved = save_as_an_editor_would(path)
    assert tflow("extract").exit_code == 0
    assert path.read_bytes() == saved


def test_extract_after_a_source_change_only_adds_the_new_entry(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "war.md", STATEMENT)
    assert tflow("extract").exit_code == 0
    path = project / "locales/uk/war.po"
    saved = save_as_an_editor_would(path).decode("utf-8")
    write_statement(project, "war.md", STATEMENT + "\nA new paragraph.\n")
    assert tflow("extract").exit_code == 0
    after = path.read_text(encoding="utf-8")
    removed = [line for line in difflib.ndiff(saved.splitlines(), after.splitlines()) if line.startswith("- ")]
    added = [line for line in difflib.ndiff(saved.splitlines(), after.splitlines()) if line.startswith("+ ")]
    assert [line for line in removed if "POT-Creation-Date" not in line] == []
    assert [line for line in added if "POT-Creation-Date" not in line] == [
        "+ ", "+ #. paragraph", "+ #: statements/war.md:16", '+ msgid "A new paragraph."', '+ msgstr ""',
    ]


def test_a_copied_project_whose_catalog_was_edited_is_not_up_to_date(
    project: Path, tflow: Callable[..., Result], tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    write_statement(project, "war.md", STATEMENT)
    assert tflow("extract").exit_code == 0
    copy = tmp_path_factory.mktemp("copy") / "project"
    subprocess.run(["cp", "-a", str(project), str(copy)], check=True)
    catalog = polib.pofile(str(copy / "locales/uk/war.po"), wrapwidth=30)
    catalog.save()  # the same entries, laid out as extract would not lay them out
    monkeypatch.chdir(copy)
    assert tflow("extract", "--check").exit_code == 1
    assert tflow("extract").exit_code == 0
    assert tflow("extract", "--check").exit_code == 0
    monkeypatch.chdir(project)
    assert tflow("extract", "--check").exit_code == 0
