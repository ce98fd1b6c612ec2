"""`tflow sync`: pull the collective's work (catalogs merged by the driver), then push ours."""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog.stats import ConflictEntry, project_conflicts
from ..errors import GitError
from ..project import Project
from .registration import registered
from .repository import Repository


@dataclass(frozen=True)
class SyncReport:
    """What a sync brought in and sent out, and what is left to review."""

    pulled: int
    pushed: bool
    conflicts: tuple[ConflictEntry, ...]
    unmerged: tuple[str, ...]


def sync(project: Project, *, push: bool = True) -> SyncReport:
    """Pull with the catalog driver, report conflicts left to review, push when nothing is unmerged."""
    repo = Repository.require(project.root)
    if not registered(repo):
        raise GitError("the catalog merge driver is not registered in this clone; run "
                       "`tflow git setup` once", path=repo.root / ".git" / "config")
    if repo.run("rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}", check=False).returncode:
        branch = repo.text("rev-parse", "--abbrev-ref", "HEAD")
        raise GitError(f"branch {branch} has no upstream to sync with; run "
                       f"`git push -u origin {branch}` once", path=repo.root)
    before = repo.text("rev-parse", "HEAD")
    pulled = repo.run("pull", "--no-rebase", "--no-edit", check=False)
    unmerged = tuple(repo.text("diff", "--name-only", "--diff-filter=U").splitlines())
    if pulled.returncode and not unmerged:
        repo.run("pull", "--no-rebase", "--no-edit")  # raises with git's reason
    count = int(repo.text("rev-list", "--count", f"{before}..HEAD"))
    conflicts = tuple(project_conflicts(project))
    did_push = False
    if push and not unmerged:
        ahead = int(repo.text("rev-list", "--count", "@{u}..HEAD"))
        if ahead:
            repo.run("push")
            did_push = True
    return SyncReport(count, did_push, conflicts, unmerged)
