"""With `[git] commit = true`, tflow commands and web saves become commits by the person."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from translate_flow import catalog
from translate_flow.git.commits import Committer
from translate_flow.project import Project

from .conftest import commit_all, git, po_path, translate

TITLE = "Against the war"


def _enable(where: Path) -> None:
    config = where / "translate-flow.toml"
    text = config.read_text()
    assert "\ncommit = false" in text
    config.write_text(text.replace("\ncommit = false", "\ncommit = true"))
    commit_all(where, "commit every change")


def _log(where: Path, count: int = 1) -> list[str]:
    return git(where, "log", f"-{count}", "--format=%an <%ae>%n%B%x00").stdout.split("\0")[:count]


def test_approve_is_committed_with_the_reviewer_as_author(
        clone: Callable[[str], Path], run: Callable[..., Result]) -> None:
    where = clone("olena")
    _enable(where)
    translate(where, TITLE, "Проти війни", "olena")
    commit_all(where, "title")
    head = git(where, "rev-parse", "HEAD").stdout
    result = run(where, "approve", "against-war", "--lang", "uk", "--as", "taras", TITLE)
    assert result.exit_code == 0, result.output
    assert git(where, "rev-parse", "HEAD~1").stdout == head
    log = _log(where)[0].strip()
    assert log.splitlines()[0] == "taras <taras@example.org>"
    assert log.splitlines()[1] == "tflow approve: against-war (uk), 1 entry by taras"
    assert "  approved     statements/against-war.md:2      Against the war" in log
    assert git(where, "status", "--porcelain").stdout == ""


def test_extract_commits_as_the_person_git_identity_names(
        clone: Callable[[str], Path], run: Callable[..., Result]) -> None:
    where = clone("ivan")
    _enable(where)
    (where / "notes.txt").write_text("my own work in progress\n")
    statement = where / "statements" / "against-war.md"
    statement.write_text(statement.read_text() + "\nA new paragraph on the strike.\n")
    commit_all(where, "source")
    (where / "notes.txt").write_text("still mine\n")
    result = run(where, "extract")
    assert result.exit_code == 0, result.output
    log = _log(where)[0].strip().splitlines()
    assert log[0] == "ivan <ivan@example.org>"
    assert log[1] == "tflow extract: against-war (uk, ru, template), 3 entries by ivan"
    shown = git(where, "show", "--name-only", "--format=", "HEAD").stdout.split()
    assert shown == ["locales/ru/against-war.po", "locales/templates/against-war.pot",
                     "locales/uk/against-war.po"]
    assert git(where, "status", "--porcelain").stdout == " M notes.txt\n"


def test_a_command_that_changes_nothing_makes_no_commit(
        clone: Callable[[str], Path], run: Callable[..., Result]) -> None:
    where = clone("olena")
    _enable(where)
    head = git(where, "rev-parse", "HEAD").stdout
    assert run(where, "extract").exit_code == 0
    assert run(where, "status").exit_code == 0
    assert git(where, "rev-parse", "HEAD").stdout == head


def test_without_the_setting_nothing_is_committed(clone: Callable[[str], Path], run: Callable[..., Result]) -> None:
    where = clone("olena")
    translate(where, TITLE, "Проти війни", "olena")
    commit_all(where, "title")
    head = git(where, "rev-parse", "HEAD").stdout
    assert run(where, "approve", "against-war", "--lang", "uk", "--as", "taras", TITLE).exit_code == 0
    assert git(where, "rev-parse", "HEAD").stdout == head
    assert git(where, "status", "--porcelain").stdout == " M locales/uk/against-war.po\n"


def _save(where: Path, msgid: str, text: str, person: str, committer: Committer) -> None:
    with committer.saving(person, po_path(where)):
        translate(where, msgid, text, person)


def test_web_saves_within_the_window_are_one_commit(clone: Callable[[str], Path]) -> None:
    where = clone("olena")
    committer = Committer(Project.open(where), window=60)
    _save(where, TITLE, "Проти війни", "olena", committer)
    _save(where, "Bread, peace and land for every family in the city.", "Хліб, мир і земля.", "olena", committer)
    assert committer.commits == []
    committer.close()
    assert len(committer.commits) == 1
    log = _log(where)[0].strip().splitlines()
    assert log[:2] == ["olena <olena@example.org>", "tflow web: against-war (uk), 2 entries by olena"]


def test_web_save_window_ends_with_a_commit_by_itself(clone: Callable[[str], Path]) -> None:
    where = clone("olena")
    committer = Committer(Project.open(where), window=0.2)
    done = threading.Event()
    real = committer.flush

    def flush() -> list[str]:
        made = real()
        done.set()
        return made

    committer.flush = flush  # type: ignore[method-assign]
    committer._timer = None
    _save(where, TITLE, "Проти війни", "olena", committer)
    assert done.wait(10)
    assert len(committer.commits) == 1 and git(where, "status", "--porcelain").stdout == ""


def test_another_persons_save_to_the_same_catalog_commits_the_first_one_first(
        clone: Callable[[str], Path]) -> None:
    where = clone("olena")
    committer = Committer(Project.open(where), window=60)
    _save(where, TITLE, "Проти війни", "olena", committer)
    _save(where, "Bread, peace and land for every family in the city.", "Хліб, мир і земля.", "taras", committer)
    committer.close()
    authors = git(where, "log", "-2", "--format=%an").stdout.split()
    assert authors == ["taras", "olena"]
    first = catalog.io.parse(git(where, "show", "HEAD~1:locales/uk/against-war.po").stdout, po_path(where), "x")
    assert first.find(TITLE).msgstr == "Проти війни"
    assert first.find("Bread, peace and land for every family in the city.").msgstr == ""


def test_saves_from_many_threads_are_all_committed(clone: Callable[[str], Path]) -> None:
    where = clone("olena")
    committer = Committer(Project.open(where), window=0)
    msgids = [TITLE, "Bread, peace and land for every family in the city.",
              "We condemn the war and the conscription of the young."]
    threads = [threading.Thread(target=_save, args=(where, m, f"текст {i}", "olena", committer))
               for i, m in enumerate(msgids)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    committer.close()
    assert git(where, "status", "--porcelain").stdout == ""
    final = catalog.read(po_path(where))
    assert [final.find(m).msgstr for m in msgids] == ["текст 0", "текст 1", "текст 2"]
    assert 1 <= len(committer.commits) <= 3


def test_new_editions_are_not_committed_until_the_collective_tracks_them(
        clone: Callable[[str], Path], run: Callable[..., Result]) -> None:
    where = clone("olena")
    _enable(where)
    head = git(where, "rev-parse", "HEAD").stdout
    result = run(where, "build", "--draft", "--lang", "uk", "--format", "md")
    assert result.exit_code == 0, result.output
    assert git(where, "rev-parse", "HEAD").stdout == head
    assert "?? editions/" in git(where, "status", "--porcelain").stdout


def test_a_review_import_is_committed_as_the_packets_person(
        clone: Callable[[str], Path], run: Callable[..., Result]) -> None:
    from translate_flow.review.decisions import Decision
    from translate_flow.review.packets import decisions_json

    where = clone("ivan")
    _enable(where)
    found = catalog.read(po_path(where)).find(TITLE)
    decision = Decision("against-war", "uk", TITLE, catalog.fingerprint(found), "Проти війни", False, "olena")
    returned = where.parent / "decisions-olena-uk.json"
    returned.write_text(decisions_json("olena", "uk", [decision]))
    result = run(where, "review", "import", str(returned))
    assert result.exit_code == 0, result.output
    log = _log(where)[0].strip().splitlines()
    assert log[:2] == ["olena <olena@example.org>",
                       "tflow review import: against-war (uk), 1 entry by olena"]
