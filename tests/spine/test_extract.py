from __future__ import annotations

import shutil
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
title: We stand with the workers
author: Red Machete
date: 2026-05-01
lang: en
tags: [solidarity]
---

# We stand with the workers

We condemn the war. Both
governments send workers to die.

- Stop conscription
- Free the prisoners of 2022

> No war but the class war.

We condemn the war. Both
governments send workers to die.

```
code is not translated
```

<div>html is not translated</div>

[ref]: https://example.org/ref
"""


def entries(path: Path) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in polib.pofile(str(path)) if not e.obsolete}


def test_extract_writes_template_and_a_catalog_per_other_language(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "workers.md", STATEMENT)
    result = tflow("extract")
    assert result.exit_code == 0, result.output
    assert (project / "locales/templates/workers.pot").is_file()
    assert (project / "locales/uk/workers.po").is_file()
    assert (project / "locales/ru/workers.po").is_file()
    assert not (project / "locales/en").exists()


def test_extract_one_entry_per_block_with_kind_and_reference(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "workers.md", STATEMENT)
    tflow("extract")
    found = entries(project / "locales/uk/workers.po")
    assert list(found) == [
        "We stand with the workers",
        "We stand with the workers",
        "We condemn the war. Both governments send workers to die.",
        "Stop conscription",
        "Free the prisoners of 2022",
        "No war but the class war.",
    ][1:]
    assert found["We stand with the workers"].comment == "title, heading"
    assert found["Stop conscription"].comment == "list item"
    assert found["No war but the class war."].comment == "block quote"
    shared = found["We condemn the war. Both governments send workers to die."]
    assert shared.occurrences == [("statements/workers.md", "11"), ("statements/workers.md", "19")]


def test_extract_keeps_hard_breaks_in_the_msgid(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "poem.md", "First line\\\nsecond line  \nthird line\nsame line\n")
    tflow("extract")
    assert list(entries(project / "locales/uk/poem.po")) == [
        "First line\\\nsecond line  \nthird line same line"
    ]


def test_extract_twice_changes_no_byte(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "workers.md", STATEMENT)
    tflow("extract")
    files = sorted((project / "locales").rglob("*.po*"))
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    shutil.rmtree(project / ".tflow")
    result = tflow("extract")
    assert result.exit_code == 0
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files} == before
    assert "3 catalogs up to date" in result.output


def test_extract_check_lists_outdated_catalogs_and_writes_nothing(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "workers.md", STATEMENT)
    result = tflow("extract", "--check")
    assert result.exit_code == 1
    assert "locales/uk/workers.po: out of date" in result.output
    assert not (project / "locales/uk").exists()
    tflow("extract")
    assert tflow("extract", "--check").exit_code == 0


def test_every_written_file_passes_msgfmt_check(project: Path, tflow: Callable[..., Result]) -> None:
    msgfmt = require_program("msgfmt")
    write_statement(project, "workers.md", STATEMENT)
    tflow("extract")
    for path in sorted((project / "locales").rglob("*.po*")):
        done = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        if path.suffix == ".po":
            assert "warning" not in done.stderr, done.stderr


def _translate_all(path: Path, prefix: str = "UK ") -> None:
    catalog = polib.pofile(str(path))
    for entry in catalog:
        entry.msgstr = prefix + entry.msgid
    catalog.save()


def _edit_source(project: Path, old: str, new: str) -> None:
    path = project / "statements/workers.md"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_update_keeps_msgstr_flags_and_comments_of_unchanged_entries(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "workers.md", STATEMENT)
    tflow("extract")
    po_path = project / "locales/uk/workers.po"
    catalog = polib.pofile(str(po_path))
    entry = catalog.find("Stop conscription")
    assert entry is not None
    entry.msgstr = "Зупинити мобілізацію"
    entry.tcomment = "checked with the comrades"
    entry.flags.append("no-wrap")
    catalog.save()
    _edit_source(project, "Free the prisoners", "Release the prisoners")
    tflow("extract")
    kept = entries(po_path)["Stop conscription"]
    assert (kept.msgstr, kept.tcomment, kept.flags) == ("Зупинити мобілізацію", "checked with the comrades", ["no-wrap"])


def test_update_offers_a_near_match_as_fuzzy_with_previous_msgid(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "workers.md", STATEMENT)
    tflow("extract")
    _translate_all(project / "locales/uk/workers.po")
    _edit_source(project, "No war but the class war.", "No war but the class war!")
    tflow("extract")
    entry = entries(project / "locales/uk/workers.po")["No war but the class war!"]
    assert entry.msgstr == "UK No war but the class war."
    assert "fuzzy" in entry.flags
    assert entry.previous_msgid == "No war but the class war."


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ("We condemn the war.", "We do not condemn the war.", "negation"),
        ("prisoners of 2022", "prisoners of 2023", "number"),
        ("Stop conscription", "Stop conscription in May", "date"),
        ("No war but the class war.", "No war but the Kremlin war.", "name"),
    ],
)
def test_update_empties_an_entry_whose_source_changed_meaning(
    project: Path, tflow: Callable[..., Result], old: str, new: str, reason: str
) -> None:
    write_statement(project, "workers.md", STATEMENT)
    tflow("extract")
    _translate_all(project / "locales/uk/workers.po")
    _edit_source(project, old, new)
    tflow("extract")
    changed = [e for e in entries(project / "locales/uk/workers.po").values() if new in e.msgid]
    assert len(changed) == 1
    entry = changed[0]
    assert entry.msgstr == ""
    assert "fuzzy" not in entry.flags
    assert reason in entry.tcomment
    assert "was: UK " in entry.tcomment


def test_update_makes_removed_translated_blocks_obsolete(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "workers.md", STATEMENT)
    tflow("extract")
    _translate_all(project / "locales/uk/workers.po")
    _edit_source(project, "> No war but the class war.\n", "")
    tflow("extract")
    obsolete = [e for e in polib.pofile(str(project / "locales/uk/workers.po")) if e.obsolete]
    assert [e.msgid for e in obsolete] == ["No war but the class war."]
    assert obsolete[0].msgstr == "UK No war but the class war."


def test_text_statement_short_lone_lines_are_headings(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "plain.txt", "Media War\n\nThe media lies.\nAlways.\n\nA long line that ends with a full stop.\n")
    tflow("extract")
    found = entries(project / "locales/uk/plain.po")
    assert found["Media War"].comment == "heading"
    assert found["The media lies. Always."].comment == "paragraph"
    assert found["A long line that ends with a full stop."].comment == "paragraph"


def test_statement_language_comes_from_front_matter(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "zayava.md", "---\nlang: uk\n---\n\nМи проти війни.\n")
    tflow("extract")
    assert (project / "locales/en/zayava.po").is_file()
    assert (project / "locales/ru/zayava.po").is_file()
    assert not (project / "locales/uk").exists()


def test_concurrent_extracts_on_one_project_leave_valid_catalogs(project: Path, tflow: Callable[..., Result]) -> None:
    import subprocess
    import sys

    body = "\n\n".join(f"Paragraph number {i} about the war." for i in range(2000)) + "\n"
    write_statement(project, "long.md", body)
    runs = [
        subprocess.Popen([sys.executable, "-m", "translate_flow", "extract"], cwd=project,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    catalog = polib.pofile(str(project / "locales/uk/long.po"))
    assert len(catalog) == 2000


def test_update_empties_a_machine_draft_whose_source_changed(project: Path, tflow: Callable[..., Result]) -> None:
    from translate_flow import catalog

    write_statement(project, "workers.md", STATEMENT)
    tflow("extract")
    po_path = project / "locales/uk/workers.po"
    with catalog.editing(po_path) as po:
        entry = po.find("No war but the class war.")
        catalog.set_draft(entry, "Жодної війни, крім класової.", "machine: apertium 2026-11-25")
    _edit_source(project, "No war but the class war.", "No war but the class war!")
    tflow("extract")
    entry = entries(po_path)["No war but the class war!"]
    assert entry.msgstr == ""
    assert "machine:" not in entry.tcomment
    assert entry.previous_msgid == "No war but the class war."


def test_segments_from_the_cache_equal_freshly_parsed_ones(tmp_path: Path) -> None:
    from translate_flow import segment

    path = tmp_path / "s.md"
    path.write_text(STATEMENT, encoding="utf-8")
    fresh = segment.load(path, slug="s", default_lang="en")
    stored = segment.load(path, slug="s", default_lang="en", cache_dir=tmp_path / "cache")
    recalled = segment.load(path, slug="s", default_lang="en", cache_dir=tmp_path / "cache")
    assert fresh.segments == stored.segments == recalled.segments
    path.write_text(STATEMENT.replace("No war", "No wars"), encoding="utf-8")
    changed = segment.load(path, slug="s", default_lang="en", cache_dir=tmp_path / "cache")
    assert "No wars but the class war." in [s.text for s in changed.segments]


def test_status_lists_the_catalogs_of_a_removed_or_relabelled_statement(
    project: Path, tflow: Callable[..., Result]
) -> None:
    write_statement(project, "war.md", "---\nlang: en\n---\n\nWe condemn the war.\n")
    write_statement(project, "peace.md", "---\nlang: en\n---\n\nWe want peace.\n")
    assert tflow("extract").exit_code == 0
    assert "catalogs without a statement" not in tflow("status").output
    (project / "statements/war.md").unlink()
    write_statement(project, "peace.md", "---\nlang: uk\n---\n\nМи хочемо миру.\n")
    assert tflow("extract").exit_code == 0
    result = tflow("status")
    assert result.exit_code == 0
    listed = result.output.split("catalogs without a statement (4)")[1].split()
    assert [p for p in listed if p.startswith("locales/")] == [
        "locales/ru/war.po", "locales/templates/war.pot", "locales/uk/peace.po", "locales/uk/war.po"]
