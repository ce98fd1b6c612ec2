"""The review web app on Starlette: the factory, its guards and its error pages.

`create_app` builds one app per project; `server` runs it under uvicorn.
Around the routes (`signin`, `desk`, and `/static/`) sit, outermost first:

- `Guard`: the security headers (CSP, nosniff, frame and referrer policy) and
  no caching on every answer, the Host check against DNS rebinding when the
  server listens on loopback, and the request log (without query strings);
- uvicorn's `ProxyHeadersMiddleware`, only with `trusted_proxy`: behind the
  HTTPS proxy the README recommends, the client address that sign-in limits
  count is the real client's and the scheme is https, so cookies are Secure.

Errors become pages (or JSON under `/api/`) in the person's language; an
unexpected exception is logged with its traceback and answered 500 without it.
"""

from __future__ import annotations

import ipaddress
import logging
import time
from collections.abc import Sequence
from http import HTTPStatus
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from ..errors import ConfigError, TranslateFlowError
from ..git import commits as git_commits
from ..git.commits import Committer
from ..net import is_loopback_host
from ..project import Project
from ..ui import tr
from ..ui.choice import page_language
from . import desk, pages, signin
from .auth import Limits, Sessions
from .invites import InviteStore
from .state import LANGUAGE_COOKIE, NoCommits, Refused, ReviewState, SaveHook, address

log = logging.getLogger("translate_flow.web")

SECURITY_HEADERS = (
    (b"content-security-policy",
     b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     b"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


def allowed_hosts(host: str, port: int) -> frozenset[str] | None:
    """The Host headers a loopback server answers, against DNS rebinding; None: any."""
    if not is_loopback_host(host):
        return None
    return frozenset(f"{name}:{port}" for name in ("127.0.0.1", "localhost", "[::1]"))


def proxy_networks(proxies: Sequence[str], where: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """`--trusted-proxy` values as networks (an address is a network of one)."""
    found = []
    for value in proxies:
        try:
            found.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError:
            raise ConfigError(f"{where}: {value!r} is not an IP address or network; give the "
                              "proxy's address, e.g. 127.0.0.1 or 10.0.0.0/24") from None
    return tuple(found)


class Guard:
    """Security headers and cache policy on every answer; the Host check on loopback."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str] | None,
                 proxies: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]) -> None:
        self.app = app
        self.hosts = hosts
        self.proxies = proxies

    def _from_proxy(self, scope: Scope) -> bool:
        client = scope.get("client")
        if not client or not self.proxies:
            return False
        try:
            peer = ipaddress.ip_address(client[0])
        except ValueError:
            return False
        return any(peer in network for network in self.proxies)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        cache = b"no-cache" if path.startswith("/static/") else b"no-store"
        started = time.perf_counter()

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() not in {b"cache-control"}]
                message["headers"] = headers + list(SECURITY_HEADERS) + [(b"cache-control", cache)]
                # The path only: a query string may hold a sign-in token.
                log.info("%s %s %d %.0f ms", scope["method"], path, message["status"],
                         (time.perf_counter() - started) * 1000)
            await send(message)

        host = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
        # Behind a trusted proxy the proxy decides which names it serves.
        if self.hosts is not None and host not in self.hosts and not self._from_proxy(scope):
            request = Request(scope)
            lang = page_language(request.cookies.get(LANGUAGE_COOKIE), None,
                                 request.headers.get("accept-language", ""))
            refusal = PlainTextResponse(
                tr(lang, "Unknown Host; open the address `tflow serve` printed."),
                HTTPStatus.MISDIRECTED_REQUEST)
            await refusal(scope, receive, secured)
            return
        await self.app(scope, receive, secured)


def _language(request: Request) -> str:
    found = getattr(request.state, "lang", None)
    if isinstance(found, str):
        return found
    return page_language(request.cookies.get(LANGUAGE_COOKIE), None,
                         request.headers.get("accept-language", ""))


def refusal(request: Request, status: int, reason: str) -> Response:
    """An error answer: JSON under `/api/`, else a small page in the person's language."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"status": "refused", "reason": reason}, status)
    lang = _language(request)
    titles = {
        HTTPStatus.BAD_REQUEST: tr(lang, "Bad request"),
        HTTPStatus.UNAUTHORIZED: tr(lang, "Not signed in"),
        HTTPStatus.FORBIDDEN: tr(lang, "Not allowed"),
        HTTPStatus.NOT_FOUND: tr(lang, "Not found"),
        HTTPStatus.METHOD_NOT_ALLOWED: tr(lang, "Not allowed"),
        HTTPStatus.TOO_MANY_REQUESTS: tr(lang, "Too many attempts"),
    }
    title = titles.get(HTTPStatus(status), tr(lang, "Cannot do that"))
    return HTMLResponse(pages.render("message.html", lang, title=title, paragraphs=[reason],
                                     signin=None, here=address(request)), status)


async def _refused(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Refused)
    return refusal(request, exc.status, exc.reason)


async def _failed(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, TranslateFlowError)
    return refusal(request, HTTPStatus.UNPROCESSABLE_ENTITY, str(exc))


async def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    lang = _language(request)
    reasons = {
        HTTPStatus.NOT_FOUND: tr(lang, "No such page."),
        HTTPStatus.METHOD_NOT_ALLOWED: tr(lang, "%(method)s is not allowed here.", method=request.method),
    }
    return refusal(request, exc.status_code, reasons.get(HTTPStatus(exc.status_code), str(exc.detail)))


async def _crashed(request: Request, exc: Exception) -> Response:
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    response = PlainTextResponse(tr(_language(request), "Internal error; see the server's log."),
                                 HTTPStatus.INTERNAL_SERVER_ERROR)
    # This answer leaves through Starlette's outermost layer, past `Guard`.
    response.raw_headers.extend(SECURITY_HEADERS)
    response.raw_headers.append((b"cache-control", b"no-store"))
    return response


def _no_icon(request: Request) -> Response:
    return Response(status_code=HTTPStatus.NO_CONTENT)


def create_app(
    project: Project,
    *,
    hosts: frozenset[str] | None = None,
    trusted_proxy: Sequence[str] = (),
    sessions: Sessions | None = None,
    limits: Limits | None = None,
    commits: SaveHook | None = None,
) -> Starlette:
    """The review app for `project`.

    `hosts`: the Host headers answered (see `allowed_hosts`); `trusted_proxy`:
    addresses or networks of reverse proxies whose X-Forwarded-For and
    X-Forwarded-Proto are believed; `commits`: what every save is wrapped in,
    by default git's `Committer` when `[git] commit = true`, else nothing.
    """
    proxies = proxy_networks(trusted_proxy, "--trusted-proxy")
    if commits is None:
        commits = Committer(project) if git_commits.enabled(project.config) else NoCommits()
    state = ReviewState(
        project, InviteStore.for_root(project.root), sessions or Sessions.for_root(project.root),
        limits or Limits.default(), commits)
    middleware = [Middleware(Guard, hosts=hosts, proxies=proxies)]
    if proxies:
        middleware.append(Middleware(ProxyHeadersMiddleware, trusted_hosts=[str(n) for n in proxies]))
    app = Starlette(
        routes=[
            *desk.routes,
            *signin.routes,
            Route("/favicon.ico", _no_icon, methods=["GET"]),
            Mount("/static", StaticFiles(directory=Path(pages.__file__).parent / "static"), name="static"),
        ],
        middleware=middleware,
        exception_handlers={
            Refused: _refused,
            TranslateFlowError: _failed,
            HTTPException: _http,
            Exception: _crashed,
        },
    )
    app.state.review = state
    return app
