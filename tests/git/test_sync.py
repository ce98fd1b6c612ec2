"""`tflow sync`: pull with the driver, report conflicts left to review, push."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from translate_flow import catalog

from .conftest import commit_all, git, po_path, translate

CONDEMN = "We condemn the war and the conscription of the young."


def test_sync_merges_pushes_and_lists_conflicts(clone: Callable[[str], Path], run: Callable[..., Result]) -> None:
    olena, taras = clone("olena"), clone("taras")
    translate(olena, CONDEMN, "Версія Олени.", "olena")
    translate(olena, "Against the war", "Проти війни", "olena")
    commit_all(olena, "olena")
    first = run(olena, "sync")
    assert first.exit_code == 0, first.output
    assert first.output == "nothing new to pull\npushed\n"
    translate(taras, CONDEMN, "Версія Тараса.", "taras")
    commit_all(taras, "taras")
    result = run(taras, "sync")
    assert result.exit_code == 0, result.output
    line = catalog.read(po_path(taras)).find(CONDEMN).linenum
    assert result.output == (
        "pulled 2 commits\n"
        "1 conflict to review (fuzzy, both versions kept):\n"
        f"  locales/uk/against-war.po:{line}: taras / olena: {CONDEMN}\n"
        "pushed\n")
    assert git(olena, "pull", "-q").returncode == 0
    merged = catalog.read(po_path(olena))
    assert merged.find("Against the war").msgstr == "Проти війни"
    assert catalog.states.in_conflict(merged.find(CONDEMN))


def test_sync_without_setup_says_how(tmp_path: Path, origin: Path, run: Callable[..., Result]) -> None:
    git(tmp_path, "clone", "-q", str(origin), str(tmp_path / "bare-clone"))
    result = run(tmp_path / "bare-clone", "sync")
    assert result.exit_code == 1
    assert result.output == (f"Error: {tmp_path / 'bare-clone' / '.git' / 'config'}: the catalog merge driver "
                             "is not registered in this clone; run `tflow git setup` once\n")


def test_sync_outside_git_is_an_error(tmp_path: Path, run: Callable[..., Result]) -> None:
    assert run(tmp_path, "init", "plain").exit_code == 0
    result = run(tmp_path / "plain", "sync")
    assert result.exit_code == 1
    assert "not in a git repository; run `git init`" in result.output
