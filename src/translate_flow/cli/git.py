"""Commands for working together through git: git setup, merge-driver, sync."""

from __future__ import annotations

from pathlib import Path

import click

from ..catalog.changes import one_line
from ..git.driver import merge_files
from ..git.registration import register
from ..git.repository import Repository
from ..git.sync import sync as sync_project
from ..project import Project


@click.group()
def git() -> None:
    """Set up this clone for working together through git.

    \b
    Example:
      tflow git setup
    """


@git.command("setup")
def setup_command() -> None:
    """Register the catalog merge driver in this clone (once per clone) and .gitattributes.

    \b
    Example:
      git clone git@example.org:collective/statements.git && cd statements
      tflow git setup
    """
    repo = Repository.require(Path.cwd())
    changed = register(repo)
    for item in changed:
        click.echo(f"set {item}")
    if not changed:
        click.echo("the catalog merge driver is already set up in this clone")


@click.command("merge-driver")
@click.argument("base", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("ours", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("theirs", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("path", required=False)
@click.pass_context
def merge_driver(ctx: click.Context, base: Path, ours: Path, theirs: Path, path: str | None) -> None:
    """Git's merge driver for catalogs: merge THEIRS into OURS by entry (git runs it).

    A disagreement becomes a fuzzy entry with both versions and their authors;
    `tflow status` lists these. Exits 1 only when an input is not a PO file.

    \b
    Example (.git/config, written by `tflow git setup`):
      [merge "tflow-po"]
        driver = tflow merge-driver %O %A %B %P
    """
    outcome = merge_files(base, ours, theirs, path or str(ours))
    if outcome.error:
        click.echo(f"Error: {outcome.error}; git's conflict markers are left in {outcome.shown}", err=True)
        ctx.exit(1)
    if outcome.conflicts:
        count = len(outcome.conflicts)
        click.echo(f"{outcome.shown}: merged by entry; {_entries(count)} changed on both sides "
                   f"{'is' if count == 1 else 'are'} fuzzy with both versions (see `tflow status`)", err=True)


@click.command()
@click.option("--no-push", is_flag=True, help="Pull only.")
@click.pass_context
def sync(ctx: click.Context, no_push: bool) -> None:
    """Pull the collective's work (catalogs merged by entry), then push yours.

    \b
    Example:
      tflow sync
    """
    project = Project.open()
    report = sync_project(project, push=not no_push)
    click.echo(f"pulled {report.pulled} commits" if report.pulled else "nothing new to pull")
    for path in report.unmerged:
        click.echo(f"{path}: unmerged; resolve it, commit, and sync again", err=True)
    if report.conflicts:
        count = len(report.conflicts)
        click.echo(f"{count} {'conflict' if count == 1 else 'conflicts'} to review (fuzzy, both versions kept):")
        for item in report.conflicts:
            who = " / ".join(dict.fromkeys(v.author for v in item.versions))
            click.echo(f"  {item.where}: {who}: {one_line(item.msgid)}")
    if report.pushed:
        click.echo("pushed")
    if report.unmerged:
        ctx.exit(1)


def _entries(count: int) -> str:
    return f"{count} {'entry' if count == 1 else 'entries'}"
