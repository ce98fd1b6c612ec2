"""The checks over a project's catalogs: every entry of every PO file asked for.

Each problem is located by PO file and line (polib's ``entry.linenum``), so an
editor or a terminal can jump to it: ``locales/uk/x.po:123``. A problem a
person overrode for the entry's current text (``# override:``) carries that
override.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import polib

from .. import catalog
from ..glossary import Glossary
from ..project import Project
from .model import CheckSettings, Pair, Problem
from .registry import run
from .settings import load_settings


@dataclass(frozen=True)
class Located:
    """A problem of one catalog entry: the PO file, the entry's line, its msgid."""

    path: Path
    line: int
    msgid: str
    problem: Problem
    override: catalog.Override | None = None
    """A person's recorded acceptance of this check's problems in this very text."""


def entry_pair(entry: polib.POEntry, source: str, target: str, glossary: Glossary,
               settings: CheckSettings) -> Pair:
    """The pair the checks judge for a catalog entry, with its draft's unknown words.

    The engine's marks describe a draft; once a person has taken the entry out
    of fuzzy, the word checks judge what is left.
    """
    report = catalog.draft_report(entry) if "fuzzy" in entry.flags else catalog.DraftReport()
    return Pair(entry.msgid, entry.msgstr, source, target, glossary, settings, report.unknown, report.errors,
                report.ambiguous)


def check_catalogs(
    project: Project,
    statements: Sequence[str] = (),
    langs: Sequence[str] = (),
    *,
    untranslated: bool = False,
    progress: Callable[[Path], None] | None = None,
) -> list[Located]:
    """Check the catalogs of `statements` (names or paths; all by default) in `langs`
    (all target languages by default).

    Untranslated entries are skipped unless `untranslated` is set; drafts are
    checked, since machine output is where markup most often breaks. A
    catalog that does not exist yet is skipped (`tflow status` reports it).
    `progress` is called with each catalog's path before it is checked.
    """
    glossary = Glossary.load(project.config.glossary_path)
    settings = load_settings(project.config)
    found: list[Located] = []
    for statement in project.statements(list(statements)):
        for lang in project.target_languages(statement):
            if langs and lang not in langs:
                continue
            path = project.catalog_path(statement.slug, lang)
            if not path.exists():
                continue
            if progress is not None:
                progress(path)
            po = catalog.read(path, display=project.relative(path))
            for entry in po:
                if entry.obsolete or (not entry.msgstr and not untranslated):
                    continue
                pair = entry_pair(entry, statement.lang, lang, glossary, settings)
                accepted = {name: o for o in catalog.overrides(entry) for name in o.checks}
                found.extend(Located(path, entry.linenum, entry.msgid, problem, accepted.get(problem.check))
                             for problem in run(pair))
    return found
