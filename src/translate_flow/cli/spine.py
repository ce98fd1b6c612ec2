"""Commands of the spine: init, extract, build, status."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .. import config, storage
from ..catalog.changes import one_line
from ..catalog.extract import extract as extract_catalogs
from ..catalog.stats import comment_rows, progress
from ..editions import FORMATS, Edition
from ..editions import build as build_editions
from ..editions.build import EMBARGOED
from ..errors import ConfigError
from ..git.registration import register
from ..git.repository import Repository
from ..project import Project
from ..review import pending_by_person
from ..review.routing import amount

statements_argument = click.argument("statements", nargs=-1, metavar="[STATEMENT]...")

UNBUILT_SHOWN = 20
"""Pending places `tflow build` lists for an edition it did not build; `status` has the rest."""


def _project() -> Project:
    return Project.open()


@click.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path) -> None:
    """Create a project: config, statements/, locales/, glossary.csv.

    \b
    Example:
      tflow init collective && cd collective
    """
    target = directory / config.CONFIG_NAME
    if target.exists():
        raise ConfigError("a project already exists here; edit it instead of re-creating it", path=target)
    storage.write_text(target, config.DEFAULT_CONFIG)
    for name in ("statements", "locales"):
        (directory / name).mkdir(parents=True, exist_ok=True)
    glossary = directory / "glossary.csv"
    if not glossary.exists():
        storage.write_text(glossary, "en,uk,ru,note,forbidden\nNATO,НАТО,НАТО,,\n")
    ignore = directory / ".gitignore"
    if not ignore.exists():
        storage.write_text(ignore, "# derived, and personal: caches, sign-in hashes, packets to send\n.tflow/\nreview/outbox/\ndrafts/\n")
    click.echo(f"Created {target}, {directory / 'statements'}/, {directory / 'locales'}/, {glossary}")
    repo = Repository.find(directory)
    if repo is not None and register(repo):
        click.echo("Registered the catalog merge driver in this git clone and .gitattributes "
                   "(every other clone runs `tflow git setup` once).")
    click.echo("Next: put a statement in statements/ and run `tflow extract`.")


def _echo_weak(rows: list[dict[str, object]]) -> None:
    """The weak drafts, weakest first: where, quality, the start of the text, the engine's words."""
    weak = [(row, item) for row in rows for item in row.get("weakest", []) or []]  # type: ignore[attr-defined]
    if not weak:
        return
    total = sum(int(row.get("weak", 0) or 0) for row in rows)  # type: ignore[call-overload]
    click.echo(f"\n{total} weak drafts need more than a light edit (weakest first):")
    weak.sort(key=lambda pair: pair[1]["quality"])
    for row, item in weak:
        text = " ".join(str(item["msgid"]).split())
        text = text if len(text) <= 40 else text[:39] + "…"
        words = ", ".join([*item["unknown"], *item.get("ambiguous", [])])
        click.echo(f"  {row['catalog']}:{item['line']}  {item['quality']:.2f}  {text}"
                   + (f"  [{words}]" if words else ""))


@click.command()
@statements_argument
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if any catalog is out of date.")
@click.pass_context
def extract(ctx: click.Context, statements: tuple[str, ...], check: bool) -> None:
    """Write templates and catalogs for statements (all by default).

    \b
    Example:
      tflow extract statements/neither-imperialism.md
      tflow extract --check        # in CI: are the catalogs up to date?
    """
    project = _project()
    outcomes = extract_catalogs(project, statements, check=check)
    changed = [o for o in outcomes if o.changed]
    for outcome in changed:
        verb = "out of date" if check else "updated"
        click.echo(f"{project.relative(outcome.path)}: {verb}")
    if check and changed:
        ctx.exit(1)
    if not changed:
        click.echo(f"{len(outcomes)} catalogs up to date")


@click.command()
@statements_argument
@click.option("--lang", "langs", multiple=True, help="Only this language (repeatable).")
@click.option("--draft", is_flag=True, help="Write incomplete editions too, into drafts/, each pending block marked.")
@click.option("--format", "formats", default="md,html", show_default=True,
              help="Comma-separated: md, html, pdf, parallel (side by side with the original; PDF too with pdf).")
@click.pass_context
def build(ctx: click.Context, statements: tuple[str, ...], langs: tuple[str, ...], draft: bool, formats: str) -> None:
    """Build editions from the catalogs; only publishable text goes in.

    \b
    Example:
      tflow build --lang ru
      tflow build --format md,html,pdf,parallel
      tflow build --draft          # incomplete editions into drafts/, pending text marked
    """
    project = _project()
    for lang in langs:
        if lang not in project.config.languages:
            raise click.BadParameter(f"{lang!r} is not one of {', '.join(project.config.languages)}", param_hint="--lang")
    wanted = tuple(f.strip() for f in formats.split(",") if f.strip())
    for fmt in wanted:
        if fmt not in FORMATS:
            raise click.BadParameter(f"unknown format {fmt!r}; use {', '.join(FORMATS)}", param_hint="--format")
    editions = build_editions(project, statements, langs=langs, draft=draft, formats=wanted)
    incomplete = 0
    for edition in editions:
        if edition.written:
            note = f" (draft, {len(edition.missing)} pending)" if edition.draft else ""
            if edition.signoff:
                note += f" (approved: {edition.signoff})"
            paths = ", ".join(project.relative(p) for p in edition.written)
            click.echo(f"{edition.lang}: {paths}{note}")
        else:
            incomplete += 1
            _report_unbuilt(edition)
    click.echo(f"Index: {project.relative(project.config.editions_dir / 'index.html')}")
    if (project.drafts_dir / "index.html").is_file():
        click.echo(f"Drafts: {project.relative(project.drafts_dir / 'index.html')}")
    if incomplete:
        ctx.exit(1)


def _report_unbuilt(edition: Edition) -> None:
    """Why an edition was not built: its first pending places, then one summary line."""
    for missing in edition.missing[:UNBUILT_SHOWN]:
        click.echo(f"{missing.reference}: {missing.state} ({edition.lang})", err=True)
    hidden = len(edition.missing) - UNBUILT_SHOWN
    if hidden > 0:
        click.echo(f"… and {hidden} more (`tflow status {edition.slug}`)", err=True)
    entries = sum(missing.state != EMBARGOED for missing in edition.missing)
    reasons = (["embargoed"] if entries < len(edition.missing) else []) + (
        [f"{amount(entries, 'entry')} not publishable"] if entries else [])
    click.echo(f"{edition.lang}: {edition.slug} not built: {', '.join(reasons)}"
               " (use --draft to build it anyway)", err=True)


def _bar(percent: float, width: int = 20) -> str:
    filled = int(round(percent / 100 * width))
    return "█" * filled + "░" * (width - filled)


@click.command()
@statements_argument
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def status(statements: tuple[str, ...], as_json: bool) -> None:
    """Progress per statement and language: entries and words by state.

    Drafts whose quality figure is low (many words the engine did not know, or
    errors) are counted as weak and listed weakest first, with their words.

    \b
    Example:
      tflow status
      tflow status --json | jq '.[] | select(.percent_translated < 100)'
    """
    project = _project()
    rows = progress(project, statements)
    people = pending_by_person(project)
    remarks = comment_rows(project, statements)
    stray = [] if statements else [project.relative(p) for p in project.stray_catalogs(project.statements())]
    if as_json:
        click.echo(json.dumps({"catalogs": rows, "people": people, "comments": remarks, "stray": stray},
                              indent=2, ensure_ascii=False))
        return
    short = {"untranslated": "empty", "draft": "draft", "stale": "stale",
             "translated": "transl.", "approved": "approved"}
    width = max([len(str(r["statement"])) for r in rows] + [9])
    click.echo(f"{'statement':<{width}}  lang " + " ".join(f"{v:>8}" for v in short.values())
               + "  words translated")
    for row in rows:
        name = f"{str(row['statement']):<{width}}  {row['lang']:<4} "
        if "error" in row:
            click.echo(f"{name}{row['error']} (run `tflow extract`)")
            continue
        counts = row["counts"]
        assert isinstance(counts, dict)
        cells = " ".join(f"{counts[key]['entries']:>8}" for key in short)
        percent = float(row["percent_translated"])  # type: ignore[arg-type]
        done = counts["translated"]["words"] + counts["approved"]["words"]
        click.echo(f"{name}{cells}  {_bar(percent)} {percent:5.1f}% ({done}/{row['words']})")
    conflicts = [(row["catalog"], item) for row in rows for item in row.get("conflicts", [])]  # type: ignore[attr-defined]
    if conflicts:
        click.echo(f"\nconflicts to review ({len(conflicts)}): a merge kept both versions as a fuzzy entry; "
                   "choose one in a PO editor or in `tflow serve`:")
        for path, item in conflicts:
            click.echo(f"  {path}:{item['line']}  {' / '.join(dict.fromkeys(item['authors']))}  "
                       f"{one_line(item['msgid'])}")
    _echo_weak(rows)
    busy = {person: work for person, work in people.items() if work["entries"]}
    if busy:
        click.echo("\npending work (review/assignments.toml; `tflow route` updates it):")
        for person, work in busy.items():
            click.echo(f"  {person:<12} {work['entries']:>5} entries {work['words']:>7} words  "
                       f"{', '.join(work['statements'])}")
    elif people:
        click.echo("\nno work assigned yet: `tflow route` gives it to the people in the config")
    if stray:
        click.echo(f"\ncatalogs without a statement ({len(stray)}): its statement was removed, renamed or "
                   "changed its `lang:`; restore it, or `git rm` the files once their translations are saved:")
        for path in stray:
            click.echo(f"  {path}")
    if remarks:
        click.echo("\ncomments (`tflow comment` answers them):")
        for remark in remarks:
            text = " ".join(remark["text"].split())
            click.echo(f"  {remark['reference'] or remark['statement']} ({remark['lang']}) "
                       f"{remark['person']} {remark['day']}: {text}")

