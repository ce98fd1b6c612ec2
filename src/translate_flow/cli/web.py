"""Commands of the review web app: serve, invite."""

from __future__ import annotations

from urllib.parse import urlencode

import click

from ..errors import ConfigError
from ..net import is_loopback_host
from ..project import Project
from ..review.people import load_people
from ..ui import tr
from ..ui.choice import terminal_language
from ..web import invites as invites_mod


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback exposes the server to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
@click.option("--trusted-proxy", "trusted_proxy", multiple=True, metavar="ADDRESS",
              help="Address or network (CIDR) of the HTTPS proxy in front; its X-Forwarded-For "
                   "and X-Forwarded-Proto are believed. Default: [web] trusted_proxy.")
@click.option("--quiet", is_flag=True, help="Do not log requests.")
def serve(host: str, port: int, trusted_proxy: tuple[str, ...], quiet: bool) -> None:
    """Serve the review pages to the people invited with `tflow invite`.

    Listens on loopback unless --host says otherwise. Behind an HTTPS proxy,
    name it with --trusted-proxy so that sign-in limits count the real clients
    and cookies are Secure. Stop it with Ctrl-C.

    \b
    Example:
      tflow invite olena        # prints olena's personal sign-in link
      tflow serve --port 8000
      tflow serve --trusted-proxy 127.0.0.1   # nginx on this machine terminates HTTPS
    """
    from ..web.server import make_server

    lang = terminal_language()
    project = Project.open()
    configured = project.config.trusted_proxy
    proxies = trusted_proxy or ((str(configured),) if configured is not None else ())
    try:
        server = make_server(project, host, port, trusted_proxy=proxies,
                             log=None if quiet else (lambda line: click.echo(line, err=True)))
    except OSError as exc:
        raise ConfigError(tr(lang, "cannot listen on %(host)s:%(port)d: %(reason)s; pick another --port "
                                   "or stop the program that uses it",
                             host=host, port=port, reason=exc.strerror)) from None
    if not is_loopback_host(host):
        click.echo(tr(lang, "Warning: listening on %(host)s, reachable from other machines; traffic is "
                            "not encrypted, so put it behind an HTTPS proxy.", host=host), err=True)
    click.echo(tr(lang, "Serving review for %(root)s at %(url)s/ (Ctrl-C to stop)",
                  root=project.root, url=server.url))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    click.echo(tr(lang, "Stopped."))


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
    lang = terminal_language()
    project = Project.open()
    store = invites_mod.InviteStore.for_root(project.root)
    if revoke:
        if store.revoke(name):
            click.echo(tr(lang, "Revoked %(name)s's sign-in link; their sessions end with their next "
                                "request.", name=name))
        else:
            click.echo(tr(lang, "%(name)s had no sign-in link; nothing to revoke.", name=name))
        return
    people = load_people(project.config)
    if name not in people:
        known = ", ".join(people) or tr(lang, "nobody yet")
        raise ConfigError(tr(lang, "no person named %(name)r in [[people]] (known: %(known)s); add them "
                                   "first", name=name, known=known),
                          path=project.relative(project.config.path))
    token = store.issue(name)
    click.echo(tr(lang, "Sign-in link for %(name)s (send it to %(email)s only; it works until revoked):",
                  name=name, email=people[name].email))
    click.echo(f"{base_url.rstrip('/')}/signin?{urlencode({'token': token})}")

