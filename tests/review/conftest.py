"""A small project with people, a statement and extracted catalogs, for the review tests."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner, Result

from translate_flow import catalog
from translate_flow.cli import cli
from translate_flow.project import Project

GOLDEN = Path(__file__).parent / "golden"

STATEMENT = """\
---
title: Against the war
lang: en
---

## Our position

We condemn the war and the conscription in Ukraine.

NATO and the Kremlin both send workers to die.

In 2014, 48 anti-fascists were killed in Odesa.

Workers of the world, unite!
"""

PEOPLE = """
[[people]]
name = "olena"
email = "olena@example.org"
languages = ["uk"]
roles = ["translator"]

[[people]]
name = "taras"
email = "taras@example.org"
languages = ["uk"]
roles = ["reviewer"]

[[people]]
name = "ivan"
email = "ivan@example.org"
languages = ["ru"]
roles = ["translator", "reviewer"]

[[people]]
name = "marta"
email = "marta@example.org"
languages = ["ru", "uk"]
roles = ["reviewer"]
"""


TFLOW = cli
Run = Callable[..., Result]


def write_statement(root: Path, name: str, text: str) -> Path:
    path = root / "statements" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def configure(root: Path, people: str = PEOPLE, extra: str = "") -> None:
    """Append `[[people]]` (and any other tables) to the project's config."""
    config = root / "translate-flow.toml"
    config.write_text(config.read_text(encoding="utf-8") + extra + people, encoding="utf-8")


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project made by `tflow init` with people, a statement and its catalogs, as cwd."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(TFLOW, ["init", "."]).exit_code == 0
    write_statement(tmp_path, "war.md", STATEMENT)
    configure(tmp_path)
    result = runner.invoke(TFLOW, ["extract"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return tmp_path


@pytest.fixture
def project(root: Path) -> Project:
    return Project.open(root)


@pytest.fixture
def tflow(root: Path) -> Run:
    """Run a tflow command in the project; stdout and stderr kept apart."""

    def run(*args: str) -> Result:
        return CliRunner().invoke(TFLOW, list(args), catch_exceptions=False)

    return run


def po_path(root: Path, lang: str, slug: str = "war") -> Path:
    return root / "locales" / lang / f"{slug}.po"


def translate(root: Path, lang: str, texts: dict[str, str], person: str, slug: str = "war") -> None:
    """Record human translations, as `tflow` would after someone's work."""
    with catalog.editing(po_path(root, lang, slug)) as po:
        for entry in po:
            if entry.msgid in texts:
                catalog.set_translation(entry, texts[entry.msgid], person, "2026-11-20")


def draft(root: Path, lang: str, texts: dict[str, str], slug: str = "war") -> None:
    """Fill entries with machine drafts, as `tflow pretranslate` would."""
    with catalog.editing(po_path(root, lang, slug)) as po:
        for entry in po:
            if entry.msgid in texts:
                catalog.set_draft(entry, texts[entry.msgid], "machine: apertium 2026-11-20")


def entry_line(root: Path, lang: str, msgid: str, slug: str = "war") -> int:
    """The 1-based line where the entry of a one-line `msgid` starts (its first comment)."""
    lines = po_path(root, lang, slug).read_text(encoding="utf-8").splitlines()
    start = lines.index(f'msgid "{msgid}"')
    while start > 0 and lines[start - 1].startswith("#"):
        start -= 1
    return start + 1


def entry(root: Path, lang: str, msgid: str, slug: str = "war") -> polib.POEntry:
    found = [e for e in catalog.read(po_path(root, lang, slug)) if e.msgid == msgid and not e.obsolete]
    assert len(found) == 1, msgid
    return found[0]


def poedit_save(path: Path, edits: dict[str, str] | None = None, *, unfuzzy: tuple[str, ...] = (),
                comments: dict[str, str] | None = None, translator: str = "Olena <olena@example.org>",
                width: int = 78) -> None:
    """Change a PO file as a person in Poedit would, and save it the way Poedit's engine does.

    Editing a translation clears its fuzzy flag; `unfuzzy` clears it without an
    edit ("Needs work" switched off); `comments` sets translator comments. The
    header gets Poedit's revision date, translator and X-Generator, and the file
    is re-wrapped at polib's default width (78) rather than translate-flow's 79;
    `width=0` leaves lines unwrapped (polib, unlike Poedit and msgcat, would also
    wrap long translator comments).
    """
    po = polib.pofile(str(path), wrapwidth=width)
    for item in po:
        if edits and item.msgid in edits:
            item.msgstr = edits[item.msgid]
            if "fuzzy" in item.flags:
                item.flags.remove("fuzzy")
        if item.msgid in unfuzzy and "fuzzy" in item.flags:
            item.flags.remove("fuzzy")
        if comments and item.msgid in comments:
            item.tcomment = comments[item.msgid]
    po.metadata["PO-Revision-Date"] = "2026-11-26 10:00+0200"
    po.metadata["Last-Translator"] = translator
    po.metadata["X-Generator"] = "Poedit 3.4.2"
    po.save()


_DATE = re.compile(r"\d{4}-\d\d-\d\d(?: \d\d:\d\d[+-]\d{4})?")
_VERSION = re.compile(r"translate-flow \d+(?:\.\d+)*(?:(?:a|b|rc|\.dev|\.post)\d+)?")


def normalise(text: str) -> str:
    """Dates, times and translate-flow's version replaced, so golden files compare
    across days and releases."""
    return _VERSION.sub("translate-flow <version>", _DATE.sub("<date>", text))


def golden(request: pytest.FixtureRequest, name: str, actual: str) -> None:
    """Compare `actual` with tests/review/golden/<name> whole; rewrite it on --regen-golden."""
    path = GOLDEN / name
    regen = request.config.getoption("regen_golden", default=False) or os.environ.get("TFLOW_REGEN_GOLDEN")
    if regen or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if not regen:
            pytest.fail(f"{path} did not exist; written, review it and run again")
    assert actual == path.read_text(encoding="utf-8")
