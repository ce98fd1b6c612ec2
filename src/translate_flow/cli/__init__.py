"""The `tflow` command line: thin click commands over library functions.

This package is the only user of click. Each command parses its options, calls
one library function and prints the result; `TranslateFlowError`s become one
line ``Error: …`` and the error's exit code (1 error, 2 usage, 3 checks failed).
"""

from __future__ import annotations

import copy
import functools
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
    "git": "git", "merge-driver": "git", "sync": "git",
}
# Commands that never commit on their own: they run inside git, or are long-running
# (web saves are committed one by one through git.commits.Committer).
NOT_COMMITTED = {"init", "git", "merge-driver", "sync", "serve"}
_PARAMS = "translate_flow.params"
_PENDING = "translate_flow.pending_commit"


def _recording(command: click.Command) -> click.Command:
    """A copy of `command` whose callback notes its path and parameters in the shared meta,
    so that the commit after it can name the command and the person (`--as`, `--person`)."""
    clone = copy.copy(command)
    if isinstance(command, click.Group):
        clone.commands = {name: _recording(sub) for name, sub in command.commands.items()}  # type: ignore[attr-defined]
    callback = command.callback
    if callback is not None:
        @functools.wraps(callback)
        def recorded(*args: Any, **kwargs: Any) -> Any:
            ctx = click.get_current_context()
            path = ctx.command_path.split(" ", 1)[1:]  # the program's own name may be anything
            ctx.meta[_PARAMS] = (" ".join(["tflow", *path]), dict(ctx.params))
            return callback(*args, **kwargs)

        clone.callback = recorded
    return clone


class FlowGroup(click.Group):
    """A group that turns library errors into one-line messages and exit codes."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        command = getattr(importlib.import_module(f"{__name__}.{module}"), cmd_name.replace("-", "_"))
        assert isinstance(command, click.Command)
        return _recording(command)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        if name not in NOT_COMMITTED and not ctx.resilient_parsing:
            from ..git.commits import begin  # late, as the commands are: `tflow --help` stays fast

            ctx.meta[_PENDING] = begin()
        return name, command, rest

    def invoke(self, ctx: click.Context) -> Any:
        try:
            try:
                return super().invoke(ctx)
            finally:
                self._commit(ctx)
        except TranslateFlowError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)

    @staticmethod
    def _commit(ctx: click.Context) -> None:
        """With `[git] commit = true`: commit what the command changed, as its person."""
        pending = ctx.meta.pop(_PENDING, None)
        if pending is None:
            return
        label, params = ctx.meta.pop(_PARAMS, ("tflow", {}))
        person = params.get("person")
        pending.finish(label, person if isinstance(person, str) else None)


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
