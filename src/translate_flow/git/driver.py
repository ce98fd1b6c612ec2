"""`tflow merge-driver %O %A %B %P`: git's merge driver for catalogs and templates.

Git calls it with the common ancestor, our version (which receives the result)
and theirs. The catalogs are read with the project's reader, merged by entry
(`catalog.threeway`) and written with the project's writer, so the result is
laid out exactly as `tflow extract` writes it. The exit status is 0 whenever
the inputs are catalogs: a disagreement becomes a fuzzy entry with both
versions, never a conflict marker. Input that is not a PO file gets git's own
line merge with its conflict markers, and exit status 1.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .. import catalog, config
from ..catalog.threeway import Side, merge_catalogs
from ..errors import TranslateFlowError
from ..review.people import load_people
from .repository import Repository


@dataclass(frozen=True)
class Merge:
    """What the driver did to one file."""

    shown: str
    conflicts: tuple[str, ...]
    error: str | None = None

    @property
    def exit_code(self) -> int:
        return 1 if self.error else 0


def _people_by_email(start: Path) -> dict[str, str]:
    try:
        found = load_people(config.discover(start))
    except (TranslateFlowError, OSError):
        return {}
    return {person.email.lower(): person.name for person in found.values()}


def _commit_author(repo: Repository | None, revision: str, shown: str, people: dict[str, str]) -> str | None:
    """Who last changed the file on one side, by their [[people]] name when they have one."""
    if repo is None:
        return None
    line = repo.text("log", "-1", "--format=%aN%x00%aE", revision, "--", shown, check=False)
    name, _, email = line.partition("\0")
    if not name:
        return None
    return people.get(email.lower(), name)


def _theirs_revision() -> str | None:
    """The commit being merged in: `git merge` names it in GITHEAD_<sha> for drivers."""
    for name in os.environ:
        if name.startswith("GITHEAD_") and len(name) == len("GITHEAD_") + 40:
            return name.removeprefix("GITHEAD_")
    for name in ("MERGE_HEAD", "REBASE_HEAD", "CHERRY_PICK_HEAD"):
        if os.environ.get(name):
            return os.environ[name]
    return None


def _authors(shown: str) -> tuple[str, str]:
    repo = Repository.find(Path.cwd())
    people = _people_by_email((Path.cwd() / shown).parent)
    ours = _commit_author(repo, "HEAD", shown, people) or "ours"
    revision = _theirs_revision()
    theirs = (_commit_author(repo, revision, shown, people) if revision else None) or "theirs"
    return ours, theirs


def _line_merge(base: Path, ours: Path, theirs: Path, shown: str) -> None:
    """Git's own line merge into `ours`, conflict markers and all."""
    subprocess.run(["git", "merge-file", "-L", f"{shown} (ours)", "-L", f"{shown} (base)",
                    "-L", f"{shown} (theirs)", str(ours), str(base), str(theirs)],
                   capture_output=True, check=False)


def merge_files(base: Path, ours: Path, theirs: Path, shown: str, *,
                authors: tuple[str, str] | None = None, day: str | None = None) -> Merge:
    """Merge `theirs` into `ours` (in place) by entry, against the ancestor `base`."""
    try:
        base_po = catalog.read(base, display=f"{shown} (base)") if base.stat().st_size else None
        ours_po = catalog.read(ours, display=f"{shown} (ours)")
        theirs_po = catalog.read(theirs, display=f"{shown} (theirs)")
    except TranslateFlowError as exc:
        _line_merge(base, ours, theirs, shown)
        return Merge(shown, (), str(exc))
    ours_author, theirs_author = authors or _authors(shown)
    outcome = merge_catalogs(base_po, Side(ours_po, ours_author), Side(theirs_po, theirs_author), day=day)
    catalog.write(outcome.catalog, ours)
    return Merge(shown, outcome.conflicts)
