"""Real git: a project in an origin repository and clones of it in tmp_path."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from translate_flow import catalog
from translate_flow.cli import cli

STATEMENT = """\
---
title: Against the war
lang: en
---

# Against the war

We condemn the war and the conscription of the young.

The assembly of workers voted for peace on 3 March.

Bread, peace and land for every family in the city.

The district council demanded an end to the blockade.
"""

PEOPLE = """
[[people]]
name = "olena"
email = "olena@example.org"
languages = ["uk", "ru"]
roles = ["translator", "reviewer"]

[[people]]
name = "taras"
email = "taras@example.org"
languages = ["uk", "ru"]
roles = ["translator", "reviewer"]

[[people]]
name = "ivan"
email = "ivan@example.org"
languages = ["uk", "ru"]
roles = ["translator", "reviewer"]
"""


@pytest.fixture(autouse=True)
def git_identity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No user or system git config leaks in; branches are called main."""
    config = tmp_path / "gitconfig"
    config.write_text("[init]\n\tdefaultBranch = main\n[user]\n\tname = Nobody\n\temail = nobody@example.org\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(name, raising=False)


def git(where: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(["git", "-C", str(where), *args], capture_output=True, text=True, check=False)
    if check:
        assert done.returncode == 0, done.stderr + done.stdout
    return done


def tflow(where: Path, *args: str, monkeypatch: pytest.MonkeyPatch) -> Result:
    with monkeypatch.context() as m:
        m.chdir(where)
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """`run(clone, "extract")`: a tflow command in a directory, in this process."""

    def invoke(where: Path, *args: str) -> Result:
        return tflow(where, *args, monkeypatch=monkeypatch)

    return invoke


@pytest.fixture
def origin(tmp_path: Path, run: Callable[..., Result]) -> Path:
    """A bare repository holding a project with one extracted statement."""
    work = tmp_path / "seed"
    work.mkdir()
    git(work, "init", "-q")
    assert run(work, "init", ".").exit_code == 0
    config = work / "translate-flow.toml"
    config.write_text(config.read_text() + PEOPLE)
    (work / "statements" / "against-war.md").write_text(STATEMENT)
    result = run(work, "extract")
    assert result.exit_code == 0, result.output
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "seed")
    bare = tmp_path / "origin.git"
    git(tmp_path, "clone", "-q", "--bare", str(work), str(bare))
    return bare


@pytest.fixture
def clone(tmp_path: Path, origin: Path, run: Callable[..., Result]) -> Callable[[str], Path]:
    """`clone("olena")`: a clone of origin, set up, whose git identity is that person's."""

    def make(person: str) -> Path:
        where = tmp_path / person
        git(tmp_path, "clone", "-q", str(origin), str(where))
        git(where, "config", "user.name", person.capitalize())
        git(where, "config", "user.email", f"{person}@example.org")
        result = run(where, "git", "setup")
        assert result.exit_code == 0, result.output
        return where

    return make


def po_path(where: Path, lang: str = "uk") -> Path:
    return where / "locales" / lang / "against-war.po"


def translate(where: Path, msgid: str, text: str, person: str, lang: str = "uk") -> None:
    with catalog.editing(po_path(where, lang)) as po:
        entry = po.find(msgid)
        assert entry is not None, msgid
        catalog.set_translation(entry, text, person, "2026-12-01")


def approve(where: Path, msgid: str, person: str, lang: str = "uk") -> None:
    with catalog.editing(po_path(where, lang)) as po:
        catalog.approve(po.find(msgid), person, "2026-12-01")


def commit_all(where: Path, message: str) -> None:
    git(where, "add", "-A")
    git(where, "commit", "-q", "-m", message)


def entry(where: Path, msgid: str, lang: str = "uk", *, obsolete: bool = False) -> object:
    found = catalog.read(po_path(where, lang)).find(msgid, include_obsolete_entries=obsolete)
    assert found is not None, msgid
    return found


def msgfmt_check(path: Path) -> None:
    done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def conflict_markers(where: Path) -> int:
    return sum(line.startswith(("<<<<<<<", ">>>>>>>", "=======")) for path in where.rglob("*.po")
               for line in path.read_text().splitlines())
