"""The merge driver through real git merges between clones."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from translate_flow import catalog

from .conftest import (approve, commit_all, conflict_markers, entry, git, msgfmt_check, po_path,
                       translate)

TITLE = "Against the war"
CONDEMN = "We condemn the war and the conscription of the young."
VOTE = "The assembly of workers voted for peace on 3 March."
BREAD = "Bread, peace and land for every family in the city."


def pull(where: Path) -> None:
    done = git(where, "pull", "-q", "--no-rebase", "--no-edit", check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def crossed(first: Path, first_edit: Callable[[], None], second: Path, second_edit: Callable[[], None]) -> None:
    """`first` commits and pushes its edit; `second` commits its own and pulls: git runs the driver."""
    first_edit()
    commit_all(first, "first")
    git(first, "push", "-q")
    second_edit()
    commit_all(second, "second")
    pull(second)


def test_setup_registers_the_driver_once(clone: Callable[[str], Path], run: Callable[..., Result]) -> None:
    where = clone("olena")
    assert "tflow-po" in (where / ".gitattributes").read_text()
    assert "merge-driver %O %A %B %P" in git(where, "config", "merge.tflow-po.driver").stdout
    again = run(where, "git", "setup")
    assert again.output == "the catalog merge driver is already set up in this clone\n"
    assert (where / ".gitattributes").read_text().count("*.po merge=tflow-po") == 1


def test_init_inside_a_git_repository_registers_the_driver(tmp_path: Path, run: Callable[..., Result]) -> None:
    git(tmp_path, "init", "-q", "fresh")
    result = run(tmp_path / "fresh", "init", ".")
    assert result.exit_code == 0, result.output
    assert "Registered the catalog merge driver in this git clone" in result.output
    assert (tmp_path / "fresh" / ".gitattributes").read_text() == "*.po merge=tflow-po\n*.pot merge=tflow-po\n"


def test_different_entries_translated_in_parallel_merge_without_conflict(
        clone: Callable[[str], Path], run: Callable[..., Result]) -> None:
    olena, taras = clone("olena"), clone("taras")

    def taras_edit() -> None:
        translate(taras, BREAD, "Хліб, мир і земля кожній родині міста.", "taras")
        with catalog.editing(po_path(taras)) as po:
            po.metadata["PO-Revision-Date"] = "2026-12-02 10:00+0000"

    crossed(olena, lambda: translate(olena, TITLE, "Проти війни", "olena"), taras, taras_edit)
    merged = catalog.read(po_path(taras))
    assert merged.find(TITLE).msgstr == "Проти війни"
    assert merged.find(BREAD).msgstr == "Хліб, мир і земля кожній родині міста."
    assert merged.metadata["PO-Revision-Date"] == "2026-12-02 10:00+0000"
    assert not any(catalog.states.in_conflict(e) for e in merged)
    assert conflict_markers(taras) == 0
    msgfmt_check(po_path(taras))
    check = run(taras, "extract", "--check")
    assert check.exit_code == 0, check.output


def test_same_entry_changed_identically_on_both_sides_merges_silently(clone: Callable[[str], Path]) -> None:
    olena, taras = clone("olena"), clone("taras")
    for where in (olena, taras):
        translate(where, TITLE, "Проти війни", "olena")
        commit_all(where, "same")
    git(olena, "push", "-q")
    pull(taras)
    found = entry(taras, TITLE)
    assert found.msgstr == "Проти війни" and "fuzzy" not in found.flags  # type: ignore[attr-defined]


def test_same_entry_translated_differently_is_a_fuzzy_conflict_naming_both(
        clone: Callable[[str], Path], run: Callable[..., Result]) -> None:
    olena, taras = clone("olena"), clone("taras")
    crossed(olena, lambda: translate(olena, CONDEMN, "Ми засуджуємо війну і призов молоді.", "olena"),
            taras, lambda: translate(taras, CONDEMN, "Ми засуджуємо війну та мобілізацію молоді.", "taras"))
    found = catalog.read(po_path(taras)).find(CONDEMN)
    assert "fuzzy" in found.flags
    versions = {(c.author, c.text) for c in catalog.states.conflicts(found)}
    assert versions == {("taras", "Ми засуджуємо війну та мобілізацію молоді."),
                        ("olena", "Ми засуджуємо війну і призов молоді.")}
    assert found.msgstr in {text for _, text in versions}
    assert conflict_markers(taras) == 0
    msgfmt_check(po_path(taras))
    status = run(taras, "status")
    assert "conflicts to review (1)" in status.output
    assert f"locales/uk/against-war.po:{found.linenum}  taras / olena  {CONDEMN}" in status.output
    rows = __import__("json").loads(run(taras, "status", "--json").output)["catalogs"]
    assert [len(r["conflicts"]) for r in rows] == [1, 0]


def test_choosing_a_version_clears_the_conflict(clone: Callable[[str], Path]) -> None:
    olena, taras = clone("olena"), clone("taras")
    crossed(olena, lambda: translate(olena, CONDEMN, "Версія Олени.", "olena"),
            taras, lambda: translate(taras, CONDEMN, "Версія Тараса.", "taras"))
    translate(taras, CONDEMN, "Версія Олени.", "taras")
    found = entry(taras, CONDEMN)
    assert not catalog.states.conflicts(found) and "fuzzy" not in found.flags  # type: ignore[attr-defined]


def test_approval_survives_when_the_other_side_changed_another_entry(clone: Callable[[str], Path]) -> None:
    olena, taras = clone("olena"), clone("taras")
    for where in (olena, taras):
        translate(where, TITLE, "Проти війни", "olena")
        commit_all(where, "title")
    git(olena, "pull", "-q")
    approve(taras, TITLE, "taras")
    with catalog.editing(po_path(taras)) as po:
        catalog.set_note(po.find(TITLE), "review", "checked against the ru edition")
    commit_all(taras, "taras approves")
    git(taras, "push", "-q")
    translate(olena, VOTE, "Збори робітників проголосували за мир 3 березня.", "olena")
    with catalog.editing(po_path(olena)) as po:
        po.find(TITLE).tcomment += "\nolena: keep the short form"
    commit_all(olena, "olena")
    pull(olena)
    title = entry(olena, TITLE)
    assert catalog.state(title) is catalog.State.APPROVED  # type: ignore[arg-type]
    assert "olena: keep the short form" in title.tcomment  # type: ignore[attr-defined]
    assert "review: checked against the ru edition" in title.tcomment  # type: ignore[attr-defined]
    assert entry(olena, VOTE).msgstr.startswith("Збори")  # type: ignore[attr-defined]


def test_approval_on_one_side_and_an_edit_on_the_other_keeps_the_edit_unapproved(
        clone: Callable[[str], Path]) -> None:
    olena, taras = clone("olena"), clone("taras")
    translate(olena, TITLE, "Проти війни", "olena")
    commit_all(olena, "title")
    git(olena, "push", "-q")
    pull(taras)
    approve(taras, TITLE, "taras")
    commit_all(taras, "taras approves")
    git(taras, "push", "-q")
    translate(olena, TITLE, "Геть війну", "olena")
    commit_all(olena, "olena edits")
    pull(olena)
    title = entry(olena, TITLE)
    assert title.msgstr == "Геть війну"  # type: ignore[attr-defined]
    assert catalog.state(title) is catalog.State.TRANSLATED  # type: ignore[arg-type]
    assert "approved:" not in title.tcomment  # type: ignore[attr-defined]


def _edit_statement(where: Path, old: str, new: str) -> None:
    path = where / "statements" / "against-war.md"
    path.write_text(path.read_text().replace(old, new))


def test_re_extract_on_one_side_keeps_the_other_sides_translations(
        clone: Callable[[str], Path], run: Callable[..., Result]) -> None:
    editor, olena = clone("taras"), clone("olena")
    _edit_statement(editor, "for every family in the city.", "for every family in the town.")
    _edit_statement(editor, "voted for peace", "did not vote for peace")
    _edit_statement(editor, "The district council demanded an end to the blockade.\n", "")
    assert run(editor, "extract").exit_code == 0
    commit_all(editor, "source edited, re-extracted")
    git(editor, "push", "-q")
    translate(olena, TITLE, "Проти війни", "olena")
    translate(olena, BREAD, "Хліб, мир і земля кожній родині міста.", "olena")
    translate(olena, VOTE, "Збори робітників проголосували за мир 3 березня.", "olena")
    translate(olena, "The district council demanded an end to the blockade.", "Районна рада вимагала зняти блокаду.", "olena")
    commit_all(olena, "olena translates the old version")
    pull(olena)
    assert entry(olena, TITLE).msgstr == "Проти війни"  # type: ignore[attr-defined]
    bread = entry(olena, BREAD.replace("city", "town"))
    assert bread.msgstr == "Хліб, мир і земля кожній родині міста."  # type: ignore[attr-defined]
    assert "fuzzy" in bread.flags and bread.previous_msgid == BREAD  # type: ignore[attr-defined]
    vote = entry(olena, VOTE.replace("voted", "did not vote"))
    assert vote.msgstr == ""  # type: ignore[attr-defined]
    assert catalog.notes(vote)["previous"] == (  # type: ignore[arg-type]
        "source changed (negation), was: Збори робітників проголосували за мир 3 березня.")
    removed = entry(olena, "The district council demanded an end to the blockade.", obsolete=True)
    assert removed.obsolete and removed.msgstr == "Районна рада вимагала зняти блокаду."  # type: ignore[attr-defined]
    msgfmt_check(po_path(olena))
    check = run(olena, "extract", "--check")
    assert check.exit_code == 0, check.output


def test_three_clones_merged_in_every_order_lose_nothing(
        tmp_path: Path, clone: Callable[[str], Path]) -> None:
    edits = {
        "olena": [(TITLE, "Проти війни"), (CONDEMN, "Ми засуджуємо війну і призов молоді.")],
        "taras": [(CONDEMN, "Ми засуджуємо війну та мобілізацію молоді."), (BREAD, "Хліб, мир і земля.")],
        "ivan": [(VOTE, "Збори проголосували за мир 3 березня."), (TITLE, "Геть війну")],
    }
    for number, order in enumerate(itertools.permutations(edits)):
        clones = {name: clone(name) for name in order} if number == 0 else clones
        for name in order:
            git(clones[name], "reset", "-q", "--hard", "origin/main")
        for name, changes in edits.items():
            for msgid, text in changes:
                translate(clones[name], msgid, text, name)
            commit_all(clones[name], f"{name} {number}")
        first, *rest = order
        for name in rest:
            git(clones[first], "pull", "-q", "--no-rebase", "--no-edit", str(clones[name]), "main")
        merged = catalog.read(po_path(clones[first]))
        for name, changes in edits.items():
            for msgid, text in changes:
                found = merged.find(msgid)
                kept = {found.msgstr} | {c.text for c in catalog.states.conflicts(found)}
                assert text in kept, (order, name, msgid)
        assert merged.find(BREAD).msgstr == "Хліб, мир і земля." and "fuzzy" not in merged.find(BREAD).flags
        assert {e.msgid for e in merged if catalog.states.in_conflict(e)} == {TITLE, CONDEMN}
        assert conflict_markers(clones[first]) == 0
        msgfmt_check(po_path(clones[first]))


def test_driver_leaves_gits_conflict_when_an_input_is_not_a_po_file(
        clone: Callable[[str], Path]) -> None:
    olena, taras = clone("olena"), clone("taras")
    po_path(olena).write_text(po_path(olena).read_text() + 'msgid "broken\n')
    commit_all(olena, "broken")
    git(olena, "push", "-q")
    translate(taras, TITLE, "Проти війни", "taras")
    commit_all(taras, "taras")
    done = git(taras, "pull", "--no-rebase", "--no-edit", check=False)
    assert done.returncode != 0
    assert "malformed PO file" in done.stderr + done.stdout
    text = po_path(taras).read_text()
    assert 'msgid "broken' in text and 'msgstr "Проти війни"' in text  # git's line merge
    assert git(taras, "diff", "--name-only", "--diff-filter=U").stdout.strip() == "locales/uk/against-war.po"


def test_both_sides_adding_different_catalog_headers_merge_by_key(clone: Callable[[str], Path]) -> None:
    olena, taras = clone("olena"), clone("taras")

    def header(where: Path, **values: str) -> Callable[[], None]:
        def edit() -> None:
            with catalog.editing(po_path(where)) as po:
                po.metadata.update({k.replace("_", "-"): v for k, v in values.items()})
        return edit

    crossed(olena, header(olena, Last_Translator="olena <olena@example.org>",
                          PO_Revision_Date="2026-12-03 09:00+0200"),
            taras, header(taras, X_Reviewed_By="taras", PO_Revision_Date="2026-12-02 09:00+0200"))
    meta = catalog.read(po_path(taras)).metadata
    assert meta["Last-Translator"] == "olena <olena@example.org>"
    assert meta["X-Reviewed-By"] == "taras"
    assert meta["PO-Revision-Date"] == "2026-12-03 09:00+0200"


@pytest.mark.parametrize("side", ["ours", "theirs"])
def test_a_persons_translation_wins_over_a_machine_draft_silently(
        clone: Callable[[str], Path], side: str) -> None:
    olena, taras = clone("olena"), clone("taras")
    human, machine = (olena, taras) if side == "theirs" else (taras, olena)
    translate(human, TITLE, "Проти війни", "olena")
    with catalog.editing(po_path(machine)) as po:
        catalog.set_draft(po.find(TITLE), "Против войны", "machine: apertium 2026-12-01")
    commit_all(olena, "olena")
    git(olena, "push", "-q")
    commit_all(taras, "taras")
    pull(taras)
    found = entry(taras, TITLE)
    assert found.msgstr == "Проти війни" and "fuzzy" not in found.flags  # type: ignore[attr-defined]
    assert not catalog.states.conflicts(found)  # type: ignore[arg-type]


def test_re_extract_meets_a_different_translation_of_the_old_paragraph_as_a_conflict(
        clone: Callable[[str], Path], run: Callable[..., Result]) -> None:
    editor, olena = clone("taras"), clone("olena")

    def translate_and_re_extract() -> None:
        translate(editor, BREAD, "Хліб, мир і земля.", "taras")
        _edit_statement(editor, "for every family in the city.", "for every family in the town.")
        assert run(editor, "extract").exit_code == 0

    crossed(editor, translate_and_re_extract,
            olena, lambda: translate(olena, BREAD, "Хліб, мир і земля кожній родині.", "olena"))
    found = entry(olena, BREAD.replace("city", "town"))
    assert catalog.states.in_conflict(found)  # type: ignore[arg-type]
    assert {c.text for c in catalog.states.conflicts(found)} == {  # type: ignore[arg-type]
        "Хліб, мир і земля.", "Хліб, мир і земля кожній родині."}
    assert found.previous_msgid == BREAD  # type: ignore[attr-defined]
    old = catalog.read(po_path(olena)).find(BREAD, include_obsolete_entries=True)
    assert old is None


def test_two_sides_re_extracting_different_source_edits_merge_templates_and_catalogs(
        clone: Callable[[str], Path], run: Callable[..., Result]) -> None:
    olena, taras = clone("olena"), clone("taras")

    def edit(where: Path, old: str, new: str) -> Callable[[], None]:
        def change() -> None:
            translate(where, TITLE, "Проти війни", where.name)
            _edit_statement(where, old, new)
            assert run(where, "extract").exit_code == 0
        return change

    crossed(olena, edit(olena, "the conscription of the young", "the conscription of students"),
            taras, edit(taras, "for every family in the city", "for every family in the town"))
    assert conflict_markers(taras) == 0
    template = catalog.read(taras / "locales" / "templates" / "against-war.pot")
    msgids = [e.msgid for e in template if not e.obsolete]
    assert msgids == [TITLE, CONDEMN.replace("the young", "students"), VOTE, BREAD.replace("city", "town"),
                      "The district council demanded an end to the blockade."]
    check = run(taras, "extract", "--check")
    assert check.exit_code == 0, check.output
    msgfmt_check(po_path(taras))


def test_conflict_authors_without_a_translated_note_are_the_committers(clone: Callable[[str], Path]) -> None:
    olena, taras = clone("olena"), clone("taras")

    def edit_in_an_editor(where: Path, text: str) -> Callable[[], None]:
        def edit() -> None:
            with catalog.editing(po_path(where)) as po:
                po.find(VOTE).msgstr = text
        return edit

    crossed(olena, edit_in_an_editor(olena, "Версія Олени."), taras, edit_in_an_editor(taras, "Версія Тараса."))
    found = entry(taras, VOTE)
    assert {(c.author, c.text) for c in catalog.states.conflicts(found)} == {  # type: ignore[arg-type]
        ("olena", "Версія Олени."), ("taras", "Версія Тараса.")}
