"""`tflow check`: quality problems of the catalogs, one line each."""

from __future__ import annotations

import json

import click

from ..checks import CHECKS, ERROR
from ..checks.catalogs import Located, check_catalogs
from ..errors import ChecksFailed
from ..project import Project
from ..ui import ntr, tr
from ..ui.choice import terminal_language


def _order(item: Located) -> tuple[int, str, int]:
    return (0 if item.problem.severity == ERROR else 1, str(item.path), item.line)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@click.command()
@click.argument("statements", nargs=-1, metavar="[STATEMENT]...")
@click.option("--lang", "langs", multiple=True, help="Only this target language (repeatable).")
@click.option("--untranslated", is_flag=True, help="Report untranslated entries too.")
@click.option("--json", "as_json", is_flag=True, help="Print the problems as a JSON list.")
@click.option("--list", "list_checks", is_flag=True, help="List the checks and exit.")
def check(statements: tuple[str, ...], langs: tuple[str, ...], untranslated: bool, as_json: bool,
          list_checks: bool) -> None:
    """Find quality problems in translations: broken markup, changed numbers,
    wrong-language letters, glossary violations, style.

    Prints one line per problem, errors first, and exits with 3 when there is
    at least one error that nobody overrode (`tflow approve … --override`). Settings live in the [checks] table of
    translate-flow.toml; terms in glossary.csv.

    \b
    Example:
      tflow check
      locales/uk/neither-imperialism.po:123: error: [numbers] number 2014 missing in translation
      locales/ru/neither-imperialism.po:57: warning: [quotes] straight quotation mark " is not used in Russian; use «»„“
      1 error, 1 warning
    \b
      tflow check neither-imperialism --lang uk --json
      tflow check --list
    """
    if list_checks:
        width = max(len(c.name) for c in CHECKS)
        for registered in CHECKS:
            click.echo(f"{registered.name:<{width}}  {registered.severity:<7}  {registered.doc}")
        return
    project = Project.open()
    for lang in langs:
        if lang not in project.config.languages:
            raise click.BadParameter(
                f"{lang!r} is not one of {', '.join(project.config.languages)}", param_hint="--lang"
            )
    found = sorted(check_catalogs(project, statements, langs, untranslated=untranslated), key=_order)
    errors = sum(1 for item in found if item.problem.severity == ERROR and item.override is None)
    overridden = sum(1 for item in found if item.problem.severity == ERROR and item.override is not None)
    shown = {path: project.relative(path) for path in {item.path for item in found}}
    if as_json:
        click.echo(json.dumps(
            [
                {
                    "path": shown[item.path],
                    "line": item.line,
                    "msgid": item.msgid,
                    "check": item.problem.check,
                    "severity": item.problem.severity,
                    "message": str(item.problem.message),
                    "override": None if item.override is None else {
                        "person": item.override.person, "day": item.override.day,
                        "reason": item.override.reason},
                }
                for item in found
            ],
            indent=2,
            ensure_ascii=False,
        ))
    else:
        lang = terminal_language()
        for item in found:
            problem = item.problem
            accepted = item.override
            note = (tr(lang, " (overridden by %(person)s %(day)s: %(reason)s)", person=accepted.person,
                       day=accepted.day, reason=accepted.reason) if accepted is not None else "")
            click.echo(
                f"{shown[item.path]}:{item.line}: {problem.severity}: "
                f"[{problem.check}] {problem.message.render(lang)}{note}"
            )
        warnings = sum(1 for item in found if item.problem.severity != ERROR)
        summary = (ntr(lang, "%(num)d error", "%(num)d errors", errors) + ", "
                   + ntr(lang, "%(num)d warning", "%(num)d warnings", warnings))
        if overridden:
            summary += ", " + ntr(lang, "%(num)d overridden", "%(num)d overridden", overridden)
        click.echo(summary if found else tr(lang, "no problems"))
    if errors:
        raise ChecksFailed(f"{_plural(errors, 'error')} in translations; fix them or see `tflow check --list`")
