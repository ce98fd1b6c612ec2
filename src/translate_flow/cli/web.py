"""Commands of the review web app: serve, invite."""

from __future__ import annotations

import click

from ..errors import ConfigError
from ..project import Project
from ..review.people import load_people
from ..web import invites as invites_mod
from ..net import is_loopback_host
from ..web.server import make_server


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback exposes the server to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
@click.option("--quiet", is_flag=True, help="Do not log requests.")
def serve(host: str, port: int, quiet: bool) -> None:
    """Serve the review pages to the people invited with `tflow invite`.

    Listens on loopback unless --host says otherwise. Stop it with Ctrl-C.

    \b
    Example:
      tflow invite olena        # prints olena's personal sign-in link
      tflow serve --port 8000
    """
    project = Project.open()
    try:
        server = make_server(project, host, port,
                             log=None if quiet else (lambda line: click.echo(line, err=True)))
    except OSError as exc:
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror}; "
                          "pick another --port or stop the program that uses it") from None
    if not is_loopback_host(host):
        click.echo(f"Warning: listening on {host}, reachable from other machines; traffic is not "
                   "encrypted, so put it behind an HTTPS proxy.", err=True)
    click.echo(f"Serving review for {project.root} at {server.url}/ (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped.")
    finally:
        server.server_close()


@click.command()
@click.argument("name")
@click.option("--revoke", is_flag=True, help="End NAME's sign-in link and every session it opened.")
@click.option("--url", "base_url", default="http://127.0.0.1:8000", show_default=True,
              help="The address people open the server at, for the printed link.")
def invite(name: str, revoke: bool, base_url: str) -> None:
    """Print a personal sign-in link for NAME (from [[people]]), or revoke it.

    A new link replaces NAME's earlier one. Only a hash of the token is kept
    (in .tflow/invites.json), so a lost link cannot be shown again: make a new one.

    \b
    Example:
      tflow invite olena
      tflow invite olena --url http://192.168.1.20:8000
      tflow invite --revoke olena
    """
    project = Project.open()
    store = invites_mod.InviteStore.for_root(project.root)
    if revoke:
        if store.revoke(name):
            click.echo(f"Revoked {name}'s sign-in link; their sessions end with their next request.")
        else:
            click.echo(f"{name} had no sign-in link; nothing to revoke.")
        return
    people = load_people(project.config)
    if name not in people:
        known = ", ".join(people) or "nobody yet"
        raise ConfigError(f"no person named {name!r} in [[people]] (known: {known}); add them first",
                          path=project.relative(project.config.path))
    token = store.issue(name)
    click.echo(f"Sign-in link for {name} (send it to {people[name].email} only; it works until revoked):")
    click.echo(f"{base_url.rstrip('/')}/signin?token={token}")

