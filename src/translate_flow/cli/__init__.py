"""The `tflow` command line: thin click commands over library functions.

This package is the only user of click. Each command parses its options, calls
one library function and prints the result; `TranslateFlowError`s become one
line ``Error: …`` and the error's exit code (1 error, 2 usage, 3 checks failed).
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from ..errors import TranslateFlowError

# Each command's module is imported only when the command runs, so that
# `tflow extract` does not pay for the machine-translation clients.
COMMANDS = {
    "init": "spine", "extract": "spine", "build": "spine", "status": "spine", "run": "pipeline",
    "pretranslate": "mt", "memory": "mt", "check": "checks",
    "route": "review", "queue": "review", "approve": "review", "comment": "review", "review": "review",
    "serve": "web", "invite": "web",
}


class FlowGroup(click.Group):
    """A group that turns library errors into one-line messages and exit codes."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        command = getattr(importlib.import_module(f"{__name__}.{module}"), cmd_name)
        assert isinstance(command, click.Command)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TranslateFlowError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=FlowGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="translate-flow", prog_name="tflow")
def cli() -> None:
    """Statements into Ukrainian, Russian and English editions, through gettext catalogs.

    \b
    Typical session:
      tflow extract          statements → locales/<lang>/<slug>.po
      tflow pretranslate     machine drafts for empty entries (offline by default)
      tflow check            quality problems
      tflow status           progress per statement and language
      tflow build            editions/<lang>/<slug>.md and .html
    """


def main() -> None:
    cli(prog_name="tflow")
