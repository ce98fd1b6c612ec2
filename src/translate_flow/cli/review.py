"""Commands of review: route, queue, approve, and `review export|import|send`."""

from __future__ import annotations

import json
from pathlib import Path

import click
import polib

from .. import catalog
from ..catalog import State
from ..errors import ReviewError
from ..project import Project
from ..review import mail, packets, routing
from ..review.decisions import ApplyReport, Decision, apply_decisions
from ..review.people import load_people
from ..review.routing import amount
from ..ui import Message, ntr, tr
from ..ui.choice import terminal_language


def _project() -> Project:
    return Project.open()


def _one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 72 else flat[:71] + "…"


def _where(decision: Decision) -> str:
    return f"{decision.slug} ({decision.lang}) «{_one_line(decision.msgid)}»"


def _said(reason: Message | None) -> str:
    """A refusal's reason on a reviewer's terminal, in its language."""
    return reason.render(terminal_language()) if reason is not None else ""


def _print_report(report: ApplyReport) -> None:
    """Every suggestion, comment, adoption, conflict (with both versions) and refusal, then counts."""
    lang = terminal_language()
    for decision in report.suggested:
        click.echo(tr(lang, "suggestion: %(where)s: kept as %(person)s's fuzzy draft: %(text)s",
                      where=_where(decision), person=decision.person, text=_one_line(decision.msgstr or "")))
    for decision in report.commented:
        click.echo(tr(lang, "comment: %(where)s: %(person)s: %(text)s", where=_where(decision),
                      person=decision.person, text=_one_line(decision.comment or "")))
    for adoption in report.adopted:
        click.echo(tr(lang, "adopted: %(where)s: %(person)s is now its translator of record (nobody was "
                            "on record for this text); another reviewer approves it",
                      where=_where(adoption.decision), person=adoption.decision.person))
    for conflict in report.conflicts:
        decision = conflict.decision
        click.echo(tr(lang, "conflict: %(where)s: %(reason)s", where=_where(decision), reason=conflict.reason.render(lang)),
                   err=True)
        yours = decision.msgstr if decision.msgstr is not None else tr(lang, "(approval of the text as exported)")
        click.echo(f"  {decision.person}: {yours}", err=True)
        click.echo(tr(lang, "  catalog now: %(text)s", text=conflict.current_msgstr or tr(lang, "(empty)")),
                   err=True)
    for refusal in report.refused:
        click.echo(tr(lang, "refused: %(where)s: %(reason)s", where=_where(refusal.decision),
                      reason=refusal.reason.render(lang)), err=True)
    counts = [
        ntr(lang, "%(num)d applied", "%(num)d applied", len(report.applied)),
        ntr(lang, "%(num)d kept as a suggestion", "%(num)d kept as suggestions", len(report.suggested))
        if report.suggested else "",
        ntr(lang, "%(num)d comment added", "%(num)d comments added", len(report.commented))
        if report.commented else "",
        ntr(lang, "%(num)d adopted", "%(num)d adopted", len(report.adopted)) if report.adopted else "",
        ntr(lang, "%(num)d unchanged", "%(num)d unchanged", len(report.unchanged)),
        ntr(lang, "%(num)d conflict", "%(num)d conflicts", len(report.conflicts)),
        ntr(lang, "%(num)d refused", "%(num)d refused", len(report.refused)),
    ]
    click.echo(", ".join(filter(None, counts)))


@click.command()
def route() -> None:
    """Give each statement-and-language with pending work a translator and a reviewer.

    Assignments are kept in review/assignments.toml and stay as they are on
    later runs unless a person left [[people]] or is over their max_words.

    \b
    Example:
      tflow route
    """
    project = _project()
    result = routing.route(project)
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(f"{'statement':<28} {'lang':<4} {'translator':<12} {'reviewer':<12} "
               f"{'to translate':>12} {'to approve':>10}")
    for item in result.items:
        click.echo(f"{item.slug[:28]:<28} {item.lang:<4} {item.translator or '-':<12} "
                   f"{item.reviewer or '-':<12} {item.translate_words:>10} w {item.review_words:>8} w")
    load = result.load()
    people = load_people(project.config)
    shown = ", ".join(
        f"{name} {load.get(name, 0)}" + (f"/{person.max_words}" if person.max_words else "")
        for name, person in people.items()
    )
    click.echo(f"Load in words: {shown}")
    verb = "written" if result.written else "unchanged"
    click.echo(f"{project.relative(result.path)}: {verb}")


@click.command()
@click.option("--person", help="Only this person's worklist.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output, with every entry.")
def queue(person: str | None, as_json: bool) -> None:
    """Each person's pending work: statements, entries and words.

    \b
    Example:
      tflow queue
      tflow queue --person olena --json | jq '.[0].tasks[].reference'
    """
    project = _project()
    worklists = routing.queue(project, person)
    if as_json:
        click.echo(json.dumps([w.as_dict() for w in worklists], indent=2, ensure_ascii=False))
        return
    if not routing.assignments_path(project).exists():
        click.echo("No assignments yet; run `tflow route`.")
        return
    for worklist in worklists:
        if not worklist.tasks:
            click.echo(f"{worklist.person}: nothing pending")
            continue
        click.echo(f"{worklist.person}: {worklist.describe()}")
        for row in worklist.summary():
            role = "translate" if row["role"] == routing.TRANSLATOR else "review"
            click.echo(f"  {row['statement']} ({row['lang']}) {role}: "
                       f"{amount(row['entries'], 'entry')}, {amount(row['words'], 'word')}")


def _find(live: list[polib.POEntry], wanted: str, display: str) -> polib.POEntry:
    """The entry whose msgid, or one of whose references (statements/x.md:12), is `wanted`."""
    entry = next((e for e in live if e.msgid == wanted
                  or any(":".join(o) == wanted for o in e.occurrences)), None)
    if entry is None:
        raise ReviewError(f"no entry with msgid or reference {_one_line(wanted)!r}", path=display)
    return entry


def _catalog(project: Project, statement: str, lang: str) -> tuple[str, Path, list[polib.POEntry]]:
    if lang not in project.config.languages:
        raise click.BadParameter(f"{lang!r} is not one of {', '.join(project.config.languages)}",
                                 param_hint="--lang")
    slug = project.slug(project.resolve([statement])[0])
    path = project.catalog_path(slug, lang)
    po = catalog.read(path, display=project.relative(path))
    return slug, path, [e for e in po if not e.obsolete]


@click.command()
@click.argument("statement")
@click.argument("msgids", nargs=-1, metavar="[MSGID]...")
@click.option("--lang", required=True, help="The language of the catalog.")
@click.option("--as", "person", required=True, help="Who approves (a name from [[people]]).")
@click.option("--all", "approve_all", is_flag=True,
              help="Every translated entry this person may approve.")
@click.option("--override", metavar="REASON",
              help="Approve the named entries despite their error-level check problems, and why.")
@click.pass_context
def approve(ctx: click.Context, statement: str, msgids: tuple[str, ...], lang: str, person: str,
            approve_all: bool, override: str | None) -> None:
    """Approve translated entries of a statement's catalog as a reviewer.

    MSGID is an entry's source text, or its reference (statements/x.md:12).
    With [review] two_people (the default) nobody approves their own
    translation; text nobody is on record for (edited in a PO editor, by hand,
    by a merge) makes its first approver its translator, and a second reviewer
    approves it. An entry with an error-level check problem is approved only
    with --override "reason", which is kept in the catalog.

    \b
    Example:
      tflow approve neither-imperialism --lang ru --as taras --all
      tflow approve neither-imperialism --lang ru --as taras "Media War"
      tflow approve war --lang uk --as taras war.md:12 --override "ё is in the quoted name"
    """
    project = _project()
    if approve_all == bool(msgids):
        raise click.UsageError("give either --all or one or more MSGIDs")
    if override is not None and approve_all:
        raise click.UsageError("--override needs the entries named (MSGID …), not --all")
    slug, path, live = _catalog(project, statement, lang)
    reviewer = load_people(project.config).get(person)
    if reviewer is None or not reviewer.can_review(lang):
        raise ReviewError(f"{person} is not a reviewer for {lang} in [[people]]; only reviewers "
                          "approve", path=project.relative(project.config.path))
    two_people = project.config.two_people
    skipped = 0
    if approve_all:
        chosen = []
        for entry in (e for e in live if catalog.state(e) is State.TRANSLATED):
            if catalog.approval_verdict(entry, person, two_people=two_people).allowed:
                chosen.append(entry)
            else:
                skipped += 1
    else:
        chosen = [_find(live, wanted, project.relative(path)) for wanted in msgids]
        for entry in chosen:
            verdict = catalog.approval_verdict(entry, person, two_people=two_people)
            if not verdict.allowed:
                raise ReviewError(f"«{_one_line(entry.msgid)}»: {_said(verdict.reason)}",
                                  path=project.relative(path), line=entry.linenum)
    decisions = [Decision(slug, lang, e.msgid, catalog.fingerprint(e), None, True, person,
                          override=override) for e in chosen]
    report = apply_decisions(project, decisions)
    _print_report(report)
    counts = catalog.count(catalog.read(path, display=project.relative(path)))
    lang = terminal_language()
    click.echo(ntr(lang, "%(path)s: %(approved)d of %(num)d entry approved",
                   "%(path)s: %(approved)d of %(num)d entries approved", counts.total_entries,
                   path=project.relative(path), approved=counts.entries[State.APPROVED]))
    if skipped:
        click.echo(ntr(lang, "not approved: %(num)d entry %(person)s translated ([review] two_people = true)",
                       "not approved: %(num)d entries %(person)s translated ([review] two_people = true)",
                       skipped, person=person))
    if report.refused or report.conflicts:
        ctx.exit(1)


@click.command()
@click.argument("statement")
@click.argument("msgid")
@click.argument("text")
@click.option("--lang", required=True, help="The language of the catalog.")
@click.option("--as", "person", required=True, help="Who comments (a name from [[people]]).")
def comment(statement: str, msgid: str, text: str, lang: str, person: str) -> None:
    """Leave a comment (a question, an answer) on an entry; `tflow status` lists them.

    MSGID is the entry's source text, or its reference (statements/x.md:12).
    The comment is kept in the catalog with its author and date.

    \b
    Example:
      tflow comment war --lang uk --as olena war.md:9 "«Призов» or «мобілізація»?"
    """
    project = _project()
    slug, path, live = _catalog(project, statement, lang)
    entry = _find(live, msgid, project.relative(path))
    report = apply_decisions(project, [Decision(slug, lang, entry.msgid, catalog.fingerprint(entry),
                                                None, False, person, comment=text)])
    for refusal in report.refused:
        raise ReviewError(f"«{_one_line(entry.msgid)}»: {_said(refusal.reason)}", path=project.relative(path),
                          line=entry.linenum)
    lang = terminal_language()
    verb = tr(lang, "comment added") if report.commented else tr(lang, "already there; nothing changed")
    click.echo(f"{project.relative(path)}: «{_one_line(entry.msgid)}»: {verb}")


@click.group()
def review() -> None:
    """Review packets: PO files of each person's pending work, by mail and back.

    \b
    Example:
      tflow review export --person olena
      tflow review import returned/neither-imperialism.uk.po
      tflow review send
    """


@review.command("export")
@click.option("--person", help="Only this person's packets.")
@click.option("--html", "html", is_flag=True, help="Also write offline HTML review sheets.")
def export_command(person: str | None, html: bool) -> None:
    """Write review/outbox/<name>/<slug>.<lang>.po with each person's pending entries.

    \b
    Example:
      tflow review export
      tflow review export --person olena --html
    """
    project = _project()
    paths = packets.export(project, person)
    for path in paths:
        click.echo(project.relative(path))
    if html:
        from ..web import sheet

        for path in sheet.write_sheets(project, person):
            click.echo(project.relative(path))
    if not paths:
        click.echo(tr(terminal_language(), "Nothing pending; no packets written."))


@review.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--as", "person", help="Refuse packets that are not this person's.")
@click.pass_context
def import_command(ctx: click.Context, files: tuple[Path, ...], person: str | None) -> None:
    """Apply returned packets (.po) or decision files (.json) to the catalogs.

    Entries that changed since the export are not applied: they are listed with
    both versions. Importing the same file twice changes nothing.

    \b
    Example:
      tflow review import ~/mail/neither-imperialism.uk.po
      tflow review import --as olena decisions-olena-uk.json
    """
    project = _project()
    report = packets.import_packets(project, list(files), person=person)
    _print_report(report)
    if report.conflicts or report.refused:
        ctx.exit(1)


@review.command("send")
@click.option("--person", help="Only this person.")
@click.option("--dry-run", is_flag=True,
              help="Show each mail as it would be sent; send nothing, write nothing.")
def send_command(person: str | None, dry_run: bool) -> None:
    """Export fresh packets and mail each person theirs through [smtp].

    The password is read from the environment variable [smtp] password_env names.

    \b
    Example:
      TFLOW_SMTP_PASSWORD=... tflow review send
      tflow review send --dry-run --person olena
    """
    project = _project()
    if dry_run:
        shown = mail.preview(project, person)
        for number, text in enumerate(shown, 1):
            if number > 1:
                click.echo(f"{'=' * 30} mail {number} of {len(shown)} {'=' * 30}")
            click.echo(text)
        if not shown:
            click.echo(tr(terminal_language(), "Nothing pending; no mail would be sent."))
        return
    sent = mail.send(project, person)
    for item in sent:
        names = ", ".join(p.name for p in item.files)
        click.echo(tr(terminal_language(), "sent to %(person)s <%(address)s>: %(files)s",
                      person=item.person, address=item.address, files=names))
    if not sent:
        click.echo(tr(terminal_language(), "Nothing pending; no mail sent."))

