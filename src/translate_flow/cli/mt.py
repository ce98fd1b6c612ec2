"""Commands of machine translation: pretranslate, memory import/export."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .. import storage
from ..mt import settings as mt_settings
from ..mt.pretranslate import Progress, Report
from ..mt.pretranslate import pretranslate as run_pretranslate
from ..mt.tm import export_tmx, import_tmx
from ..project import Project

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar


def _table(report: Report) -> list[str]:
    sent = "would send" if report.dry_run else "characters"
    header = ("engine", "segments", sent, "cache hits", "failures", "time")
    rows = [
        (e.engine, str(e.segments), str(e.characters), str(e.cache_hits), str(e.failures),
         f"{e.seconds:.1f} s")
        for e in report.engines
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(w) for cell, w in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(cells).rstrip())
    return lines


@click.command()
@click.argument("statements", nargs=-1, metavar="[STATEMENT]...")
@click.option("--lang", "langs", multiple=True, help="Only this target language (repeatable).")
@click.option("--engine", "engines", metavar="E[,E…]",
              help="Engines to try, in order, instead of the configured chain.")
@click.option("--dry-run", is_flag=True, help="Send nothing, write nothing; show what would be sent.")
def pretranslate(statements: tuple[str, ...], langs: tuple[str, ...], engines: str | None,
                 dry_run: bool) -> None:
    """Fill empty entries with drafts from the memory and machine engines.

    Drafts are fuzzy and name their source and defects (``# machine: apertium
    2026-11-25; unknown: здесь; quality: 0.82``); a draft with a slur its source
    lacks is discarded; translated and approved entries are never touched. The chain comes from
    ``[mt] engines`` (offline by default: memory, pivot, apertium); embargoed
    statements never go to an online engine.

    \b
    Example:
      tflow pretranslate
      tflow pretranslate neither-imperialism --lang uk --engine memory,deepl --dry-run
    """
    project = Project.open()
    names = [n.strip() for n in engines.split(",") if n.strip()] if engines else None
    with contextlib.ExitStack() as stack:
        bar: ProgressBar[int] | None = None  # noqa: F821 - a type-only import
        shown = 0
        last: Progress | None = None

        def progress(step: Progress) -> None:
            nonlocal bar, shown, last
            last = step
            if not sys.stderr.isatty():
                return  # a log gets the table at the end, not a bar's label
            if bar is None:
                bar = stack.enter_context(
                    click.progressbar(length=step.total, label="Drafting", file=sys.stderr)
                )
            bar.update(step.done - shown)
            shown = step.done

        try:
            report = run_pretranslate(project, statements, langs=langs, engines=names,
                                      dry_run=dry_run, progress=progress)
        except KeyboardInterrupt:
            stack.close()
            saved = "nothing written (dry run)" if dry_run else (
                f"{last.drafted if last else 0} drafts saved, the last in {last.catalog if last else 'none'}")
            click.echo(f"Interrupted: {saved}; run `tflow pretranslate` again to draft the entries still "
                       "empty (nothing already drafted is sent again).", err=True)
            sys.exit(130)
    for notice in report.notices:
        click.echo(notice, err=True)
    for line in _table(report):
        click.echo(line)
    for engine in report.engines:
        if engine.error:
            click.echo(f"{engine.engine}: {engine.error}", err=True)
        if engine.rejected:
            reasons = ", ".join(f"{reason} ({count})" for reason, count in engine.rejected)
            click.echo(f"{engine.engine}: rejected {reasons}", err=True)
    left = report.empty - report.drafted
    catalogs = sum(1 for c in report.catalogs if c.drafted)
    if dry_run:
        click.echo(f"Dry run: nothing sent, nothing written; {report.empty} empty entries.")
    else:
        judged = [f"{report.weak} weak"] if report.weak else []
        if report.discarded:
            judged.append(f"{report.discarded} discarded for an offensive term")
        verdict = f" ({', '.join(judged)})" if judged else ""
        click.echo(f"{report.drafted} drafts{verdict} in {catalogs} catalogs; {left} entries still empty.")


def _units(count: int) -> str:
    return "1 unit" if count == 1 else f"{count} units"


@click.group()
def memory() -> None:
    """Translation memory: every human translation in the catalogs, plus TMX files.

    \b
    Example:
      tflow memory import old-translations.tmx
      tflow memory export -o everything.tmx
    """


@memory.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_command(file: Path) -> None:
    """Add a TMX file to the memory (it is copied into the memory directory).

    \b
    Example:
      tflow memory import ~/omegat/project_save.tmx
    """
    project = Project.open()
    done = import_tmx(project, mt_settings.load(project.config), file)
    verb = "replaced" if done.replaced else "imported"
    langs = ", ".join(done.languages) or "no languages"
    click.echo(f"{project.relative(done.path)}: {verb}, {_units(done.units)} ({langs})")


@memory.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
def export_command(output: Path | None) -> None:
    """Write the whole memory as TMX 1.4, for other CAT tools.

    \b
    Example:
      tflow memory export -o collective.tmx
    """
    project = Project.open()
    done = export_tmx(project, mt_settings.load(project.config))
    if done.skipped:
        click.echo(f"{_units(done.skipped)} left out: their text has control characters that XML cannot hold",
                   err=True)
    if output is None:
        click.echo(done.document, nl=False)
        return
    storage.write_text(output, done.document)
    click.echo(f"{output}: {_units(done.units)}", err=True)
