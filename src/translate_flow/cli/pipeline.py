"""`tflow run`: the whole pipeline in one go, as `make demo` runs it."""

from __future__ import annotations

import click

from ..errors import ChecksFailed
from .checks import check
from .mt import pretranslate
from .spine import build, extract, status


@click.command()
@click.argument("statements", nargs=-1, metavar="[STATEMENT]...")
@click.pass_context
def run(ctx: click.Context, statements: tuple[str, ...]) -> None:
    """Extract, pre-translate, check, show status and build draft editions.

    Check problems are reported but do not stop the run: drafts are for
    reviewers. Run `tflow check` alone for its exit status.

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
            try:
                ctx.invoke(check, statements=statements, langs=(), untranslated=False,
                           as_json=False, list_checks=False)
            except ChecksFailed as exc:
                click.echo(f"({exc}; continuing: drafts are for reviewers)")
        elif step == "status":
            ctx.invoke(status, statements=statements, as_json=False)
        else:
            ctx.invoke(build, statements=statements, langs=(), draft=True, formats="md,html")
