"""`tflow run`: the whole pipeline in one go, as `make demo` runs it."""

from __future__ import annotations

import click

from collections import Counter

from ..checks import ERROR
from ..checks.catalogs import check_catalogs
from ..project import Project
from .mt import pretranslate
from .spine import build, extract, status


@click.command()
@click.argument("statements", nargs=-1, metavar="[STATEMENT]...")
@click.pass_context
def run(ctx: click.Context, statements: tuple[str, ...]) -> None:
    """Extract, pre-translate, check, show status and build draft editions.

    Check problems are counted but do not stop the run: drafts are for
    reviewers. `tflow check` lists them one by one, with its exit status.

    \b
    Example:
      tflow run
      tflow run statements/neither-imperialism.md
    """
    steps = ("extract", "pretranslate", "check", "status", "build --draft")
    for number, step in enumerate(steps, start=1):
        click.secho(f"\n[{number}/{len(steps)}] tflow {step}", bold=True)
        if step == "extract":
            ctx.invoke(extract, statements=statements, check=False)
        elif step == "pretranslate":
            ctx.invoke(pretranslate, statements=statements, langs=(), engines=None, dry_run=False)
        elif step == "check":
            click.echo(_check_summary(Project.open(), statements))
        elif step == "status":
            ctx.invoke(status, statements=statements, as_json=False)
        else:
            ctx.invoke(build, statements=statements, langs=(), draft=True, formats="md,html")


def _check_summary(project: Project, statements: tuple[str, ...]) -> str:
    everything = check_catalogs(project, statements)
    found = [item for item in everything if item.override is None]
    overridden = len(everything) - len(found)
    if not found:
        return f"no problems ({overridden} overridden)" if overridden else "no problems"
    parts = []
    for severity in (ERROR, "warning"):
        names = Counter(item.problem.check for item in found if item.problem.severity == severity)
        if names:
            detail = ", ".join(f"{name} {count}" for name, count in names.most_common())
            total = sum(names.values())
            parts.append(f"{total} {severity}{'' if total == 1 else 's'} ({detail})")
    if overridden:
        parts.append(f"{overridden} overridden")
    return "; ".join(parts) + "; `tflow check` lists them"
