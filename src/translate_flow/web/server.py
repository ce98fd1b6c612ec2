"""The review server behind `tflow serve`: pages, a small JSON API, sign-in.

The standard library's threading HTTP server is enough for a handful of
volunteers on the collective's own machine, and keeps the attack surface to
what is written here. `ReviewApp` maps a `Request` to a `Response` and knows
nothing of sockets; `ReviewServer` puts it on a socket.

Every write goes through `review.decisions.apply_decisions`, the same code as
`tflow review import`: it holds the catalog lock, refuses a decision made
against an entry that changed since the page was loaded, and enforces the
languages, roles and two-people rules. The server checks languages and roles
itself first as well, so a refused request never touches a catalog.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from http.cookies import CookieError, SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from ..net import is_loopback_host
from .. import config as config_mod
from ..errors import TranslateFlowError
from ..project import Project
from ..review.decisions import ApplyReport, Decision, apply_decisions
from ..review.people import Person, load_people
from ..segment import Statement
from . import pages, work
from .auth import SESSION_SECONDS, RateLimiter, Session, Sessions
from .invites import Invite, InviteStore
from .suggest import SharedMemory, suggestions
from .view import JSON, Context, entry_view, progress, read_catalog, statement_view

COOKIE = "tflow_session"
CSRF_HEADER = "x-csrf-token"
MAX_BODY = 1 << 20
STATIC = {"app.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"}
SECURITY_HEADERS = (
    ("Content-Security-Policy",
     "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "same-origin"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)
Log = Callable[[str], None]


@dataclass(frozen=True)
class Request:
    """An HTTP request as the app sees it; header names are lower-case."""

    method: str
    path: str
    query: Mapping[str, str] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""
    client: str = "127.0.0.1"

    def cookie(self, name: str) -> str | None:
        raw = self.headers.get("cookie")
        if not raw:
            return None
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(raw)
        except CookieError:
            return None
        morsel = jar.get(name)
        return morsel.value if morsel is not None else None

    def form(self) -> dict[str, str]:
        """The fields of a form post (`application/x-www-form-urlencoded`)."""
        return _fields(self.body.decode("utf-8", "replace"))


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes = b""
    content_type: str = "text/plain; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def html(cls, status: int, text: str, headers: tuple[tuple[str, str], ...] = ()) -> Response:
        return cls(status, text.encode("utf-8"), "text/html; charset=utf-8", headers)

    @classmethod
    def json(cls, status: int, data: Any, headers: tuple[tuple[str, str], ...] = ()) -> Response:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        return cls(status, body, "application/json; charset=utf-8", headers)

    @classmethod
    def redirect(cls, location: str, headers: tuple[tuple[str, str], ...] = ()) -> Response:
        return cls(HTTPStatus.SEE_OTHER, b"", headers=(("Location", location), *headers))


@dataclass(frozen=True)
class Visitor:
    """A signed-in request's session and person."""

    session: Session
    person: Person


class Refused(Exception):
    """A request the app answers with an error status and a reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason





def allowed_hosts(host: str, port: int) -> frozenset[str] | None:
    """The Host headers a loopback server answers, against DNS rebinding; None: any."""
    if not is_loopback_host(host):
        return None
    return frozenset(f"{name}:{port}" for name in ("127.0.0.1", "localhost", "[::1]"))


class ReviewApp:
    """The review web app: routes, sign-in, authorization, and calls into `review`."""

    def __init__(
        self,
        project: Project,
        *,
        invites: InviteStore | None = None,
        sessions: Sessions | None = None,
        limiter: RateLimiter | None = None,
        hosts: frozenset[str] | None = None,
    ) -> None:
        self._project = project
        self._project_stamp = self._stamp(project.config.path)
        self._project_lock = threading.Lock()
        self._context: tuple[object, Context] | None = None
        self.invites = invites or InviteStore.for_root(project.root)
        self.sessions = sessions or Sessions()
        self.limiter = limiter or RateLimiter()
        self.hosts = hosts
        self.memory = SharedMemory()
        self._routes: dict[tuple[str, str], Callable[[Request], Response]] = {
            ("GET", "/"): self.work_page,
            ("GET", "/signin"): self.signin_page,
            ("POST", "/signin"): self.signin,
            ("POST", "/signout"): self.signout,
            ("GET", "/statement"): self.statement_page,
            ("GET", "/api/work"): self.work_api,
            ("GET", "/api/statement"): self.statement_api,
            ("POST", "/api/save"): self.save,
            ("POST", "/api/approve"): self.approve,
            ("GET", "/api/suggest"): self.suggest,
            ("GET", "/favicon.ico"): lambda request: Response(HTTPStatus.NO_CONTENT),
        }

    @staticmethod
    def _stamp(path: Path) -> tuple[int, int, int] | None:
        try:
            info = path.stat()
        except FileNotFoundError:
            return None
        return (info.st_ino, info.st_mtime_ns, info.st_size)

    def context(self, project: Project) -> Context:
        """Glossary and checks for entry views, loaded again only when their files changed."""
        key = (self._stamp(project.config.path), self._stamp(project.config.glossary_path))
        with self._project_lock:
            if self._context is None or self._context[0] != key:
                self._context = (key, Context.load(project))
            return self._context[1]

    @property
    def project(self) -> Project:
        """The project, with its config re-read when `translate-flow.toml` changed."""
        with self._project_lock:
            path = self._project.config.path
            stamp = self._stamp(path)
            if stamp != self._project_stamp:
                self._project = Project(config_mod.load(path))
                self._project_stamp = stamp
            return self._project

    def handle(self, request: Request) -> Response:
        """Answer one request; every response carries the security headers."""
        try:
            response = self._dispatch(request)
        except Refused as refused:
            response = self._refusal(request, refused)
        except TranslateFlowError as exc:
            response = self._refusal(request, Refused(HTTPStatus.UNPROCESSABLE_ENTITY, str(exc)))
        cache = (("Cache-Control", "no-store"),) if not request.path.startswith("/static/") else (
            ("Cache-Control", "no-cache"),)
        return Response(response.status, response.body, response.content_type,
                        response.headers + SECURITY_HEADERS + cache)

    def _dispatch(self, request: Request) -> Response:
        if self.hosts is not None and request.headers.get("host", "") not in self.hosts:
            raise Refused(HTTPStatus.MISDIRECTED_REQUEST, "unknown Host; open the address `tflow serve` printed")
        if request.method == "GET" and request.path.startswith("/static/"):
            return self.static(request)
        route = self._routes.get((request.method, request.path))
        if route is None:
            if any(path == request.path for _, path in self._routes):
                raise Refused(HTTPStatus.METHOD_NOT_ALLOWED, f"{request.method} is not allowed here")
            raise Refused(HTTPStatus.NOT_FOUND, "no such page")
        return route(request)

    def _refusal(self, request: Request, refused: Refused) -> Response:
        if request.path.startswith("/api/"):
            return Response.json(refused.status, {"status": "refused", "reason": refused.reason})
        title = HTTPStatus(refused.status).phrase
        return Response.html(refused.status, pages.message(title, [refused.reason]))

    def static(self, request: Request) -> Response:
        name = request.path.removeprefix("/static/")
        if name not in STATIC:
            raise Refused(HTTPStatus.NOT_FOUND, "no such file")
        return Response(HTTPStatus.OK, pages.asset(name).encode("utf-8"), STATIC[name])

    def visitor(self, request: Request) -> Visitor | None:
        """The signed-in person, if the session is live and its invite still stands."""
        session = self.sessions.get(request.cookie(COOKIE))
        if session is None:
            return None
        invite = self.invites.current(session.person)
        person = load_people(self.project.config).get(session.person)
        if invite is None or invite.digest != session.invite or person is None:
            self.sessions.end(session.key)
            return None
        return Visitor(session, person)

    def _require(self, request: Request) -> Visitor:
        visitor = self.visitor(request)
        if visitor is None:
            raise Refused(HTTPStatus.UNAUTHORIZED,
                          "You are not signed in. Open your personal sign-in link; an editor "
                          "makes one with `tflow invite NAME`.")
        return visitor

    def _check_origin(self, request: Request) -> None:
        origin = request.headers.get("origin")
        if origin is not None and origin != f"http://{request.headers.get('host', '')}":
            raise Refused(HTTPStatus.FORBIDDEN, "cross-site request refused")

    def _require_write(self, request: Request, sent_csrf: str | None) -> Visitor:
        visitor = self._require(request)
        self._check_origin(request)
        if not visitor.session.csrf_ok(sent_csrf):
            raise Refused(HTTPStatus.FORBIDDEN, "missing or wrong CSRF token; reload the page")
        return visitor

    def signin_page(self, request: Request) -> Response:
        """Step one of a sign-in link: check the token, ask to confirm with a POST.

        Opening the link signs nobody in, so a mail client that fetches links
        to preview them, or a page that links to ours, changes nothing.
        """
        token = request.query.get("token", "")
        invite = self._attempt(request, token)
        return Response.html(HTTPStatus.OK, pages.message(
            "Sign in", [f"This is {invite.name}'s personal sign-in link for the review of "
                        "translations. Do not share it."],
            form=pages.signin_form(invite.name, token)))

    def _attempt(self, request: Request, token: str) -> Invite:
        wait = self.limiter.retry_after(request.client)
        if wait is not None:
            raise Refused(HTTPStatus.TOO_MANY_REQUESTS,
                          f"Too many failed sign-ins from this address; try again in {wait:.0f} s.")
        invite = self.invites.lookup(token) if token else None
        if invite is None or invite.name not in load_people(self.project.config):
            self.limiter.fail(request.client)
            raise Refused(HTTPStatus.FORBIDDEN,
                          "This sign-in link is not valid: it was mistyped, replaced or revoked. "
                          "Ask an editor for a new one (`tflow invite NAME`).")
        return invite

    def signin(self, request: Request) -> Response:
        self._check_origin(request)
        invite = self._attempt(request, request.form().get("token", ""))
        cookie, _ = self.sessions.start(invite.name, invite.digest)
        return Response.redirect("/", (("Set-Cookie", self._cookie(cookie, SESSION_SECONDS)),))

    def signout(self, request: Request) -> Response:
        visitor = self._require_write(request, request.form().get("csrf"))
        self.sessions.end(visitor.session.key)
        return Response.redirect("/", (("Set-Cookie", self._cookie("", 0)),))

    @staticmethod
    def _cookie(value: str, max_age: int) -> str:
        # Lax rather than Strict so that a bookmark or a link from mail opens the
        # page signed in; every write also needs the CSRF token and same origin.
        return f"{COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}"

    def _person_data(self, visitor: Visitor) -> JSON:
        person = visitor.person
        return {"name": person.name, "languages": list(person.languages),
                "roles": list(person.roles), "csrf": visitor.session.csrf}

    def work_page(self, request: Request) -> Response:
        visitor = self.visitor(request)
        if visitor is None:
            return Response.html(HTTPStatus.UNAUTHORIZED, pages.message(
                "translate-flow review",
                ["You are not signed in. Open your personal sign-in link; an editor makes one "
                 "with `tflow invite NAME`."]))
        data = {"page": "work", "me": self._person_data(visitor),
                "work": work.worklist(self.project, visitor.person)}
        return Response.html(HTTPStatus.OK, pages.served_shell("My work", data))

    def work_api(self, request: Request) -> Response:
        visitor = self._require(request)
        return Response.json(HTTPStatus.OK, work.worklist(self.project, visitor.person))

    def _unit(self, request: Request) -> tuple[Visitor, Project, Statement, str]:
        """The signed-in person, and the statement and language of the query they may open."""
        visitor = self._require(request)
        project = self.project
        slug = request.query.get("slug", "")
        lang = request.query.get("lang", "")
        statement = self._statement(project, slug)
        if lang not in project.target_languages(statement):
            raise Refused(HTTPStatus.NOT_FOUND,
                          f"{slug} has no {lang!r} catalog; its languages are "
                          f"{', '.join(project.target_languages(statement))}")
        if not visitor.person.can_edit(lang):
            raise Refused(HTTPStatus.FORBIDDEN,
                          f"{visitor.person.name} does not work on {lang} "
                          f"(languages: {', '.join(visitor.person.languages)})")
        return visitor, project, statement, lang

    def _statement_data(self, request: Request) -> tuple[Visitor, JSON]:
        visitor, project, statement, lang = self._unit(request)
        third: str | None = request.query.get("third")
        options = [code for code in project.target_languages(statement) if code != lang]
        if third is None:
            third = options[0] if options else None
        elif third not in options:
            third = None
        view = statement_view(project, statement, lang, visitor.person, self.context(project),
                              third=third)
        return visitor, view

    @staticmethod
    def _statement(project: Project, slug: str) -> Statement:
        statement = work.find_statement(project, slug)
        if statement is None:
            raise Refused(HTTPStatus.NOT_FOUND, f"no statement {slug!r} in this project")
        return statement

    def statement_page(self, request: Request) -> Response:
        visitor, view = self._statement_data(request)
        data = {"page": "statement", "me": self._person_data(visitor), "statement": view}
        return Response.html(HTTPStatus.OK, pages.served_shell(view["title"], data, view["lang"]))

    def statement_api(self, request: Request) -> Response:
        _, view = self._statement_data(request)
        return Response.json(HTTPStatus.OK, view)

    def suggest(self, request: Request) -> Response:
        """Memory suggestions for one entry, asked for when the person starts on it.

        `current` is the entry's text on the page; a suggestion equal to it is
        left out. Nothing is read from the catalog, so this stays instant.
        """
        _, project, statement, lang = self._unit(request)
        msgid = request.query.get("msgid", "")
        current = request.query.get("current", "")
        found = suggestions(self.memory.get(project), msgid, statement.lang, lang, current)
        return Response.json(HTTPStatus.OK, {"suggestions": found})

    def save(self, request: Request) -> Response:
        return self._decide(request, approve=False)

    def approve(self, request: Request) -> Response:
        return self._decide(request, approve=True)

    def _decide(self, request: Request, *, approve: bool) -> Response:
        """Apply one save or approval through the review model; report what happened."""
        visitor = self._require_write(request, request.headers.get(CSRF_HEADER))
        if not request.headers.get("content-type", "").startswith("application/json"):
            raise Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send JSON")
        body = _json_object(request.body)
        slug, lang, msgid, fingerprint = (_field(body, key) for key in ("slug", "lang", "msgid", "fingerprint"))
        msgstr = None if approve else _field(body, "msgstr")
        project = self.project
        person = visitor.person
        statement = self._statement(project, slug)
        if lang not in project.target_languages(statement):
            raise Refused(HTTPStatus.NOT_FOUND, f"{slug} has no {lang!r} catalog")
        if approve and not person.can_review(lang):
            raise Refused(HTTPStatus.FORBIDDEN,
                          f"{person.name} cannot approve {lang} text: approving needs the reviewer "
                          f"role for {lang}")
        if not approve and not person.can_edit(lang):
            raise Refused(HTTPStatus.FORBIDDEN,
                          f"{person.name} cannot change {lang} text (languages: "
                          f"{', '.join(person.languages)})")
        decision = Decision(slug=slug, lang=lang, msgid=msgid, fingerprint=fingerprint,
                            msgstr=msgstr, approve=approve, person=person.name)
        report = apply_decisions(project, [decision])
        return self._report(project, statement.lang, decision, report)

    def _report(self, project: Project, source: str, decision: Decision, report: ApplyReport) -> Response:
        po = read_catalog(project, decision.slug, decision.lang)
        entry = None
        if po is not None:
            entry = next((e for e in po if e.msgid == decision.msgid and not e.obsolete), None)
        current = (entry_view(entry, source, decision.lang, self.context(project))
                   if entry is not None else None)
        answer: JSON = {"entry": current, "progress": progress(po)}
        if report.refused:
            return Response.json(HTTPStatus.FORBIDDEN,
                                 {**answer, "status": "refused", "reason": report.refused[0].reason})
        if report.conflicts:
            conflict = report.conflicts[0]
            return Response.json(HTTPStatus.CONFLICT, {
                **answer, "status": "conflict", "reason": conflict.reason,
                "yours": decision.msgstr, "current_msgstr": conflict.current_msgstr})
        status = "applied" if report.applied else "unchanged"
        return Response.json(HTTPStatus.OK, {**answer, "status": status})


def _fields(text: str) -> dict[str, str]:
    try:
        return dict(parse_qsl(text, keep_blank_values=True, max_num_fields=20))
    except ValueError:
        raise Refused(HTTPStatus.BAD_REQUEST, "too many fields") from None


def _json_object(body: bytes) -> dict[str, Any]:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise Refused(HTTPStatus.BAD_REQUEST, "the body is not JSON") from None
    if not isinstance(data, dict):
        raise Refused(HTTPStatus.BAD_REQUEST, "expected a JSON object")
    return data


def _field(body: Mapping[str, Any], key: str) -> str:
    value = body.get(key)
    if not isinstance(value, str):
        raise Refused(HTTPStatus.BAD_REQUEST, f"{key}: expected a string")
    return value


class _Handler(BaseHTTPRequestHandler):
    """Turns HTTP/1.1 on a socket into `Request`s for the app and back."""

    server: ReviewServer
    protocol_version = "HTTP/1.1"
    server_version = "translate-flow"
    sys_version = ""

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._serve()

    def do_POST(self) -> None:  # noqa: N802
        self._serve()

    def _serve(self) -> None:
        self._started = time.perf_counter()
        url = urlsplit(self.path)
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            self.close_connection = True
            self._write(Response(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, b"body too large"), url.path)
            return
        body = self.rfile.read(length) if length else b""
        try:
            request = Request(
                method=self.command,
                path=url.path,
                query=_fields(url.query),
                headers={key.lower(): value for key, value in self.headers.items()},
                body=body,
                client=self.client_address[0],
            )
        except Refused as refused:
            self._write(Response(refused.status, refused.reason.encode("utf-8")), url.path)
            return
        try:
            response = self.server.app.handle(request)
        except Exception:
            traceback.print_exc(file=sys.stderr)
            response = Response(HTTPStatus.INTERNAL_SERVER_ERROR, b"internal error; see the server's log")
        self._write(response, url.path)

    def _write(self, response: Response, path: str) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers:
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(response.body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        took = (time.perf_counter() - self._started) * 1000
        self.server.log(f"{self.command} {path} {response.status} {took:.0f} ms")

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Logged in `_write` instead, without the query string (it may hold a token)."""

    def log_message(self, format: str, *args: Any) -> None:
        self.server.log(format % args)


class ReviewServer(ThreadingHTTPServer):
    """A threading HTTP server running one `ReviewApp`."""

    daemon_threads = True

    def __init__(self, app: ReviewApp, address: tuple[str, int], log: Log | None = None) -> None:
        self.app = app
        self._log = log
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        """The address to open, e.g. ``http://127.0.0.1:8000``."""
        raw = self.server_address[0]
        host = raw.decode() if isinstance(raw, bytes) else raw
        return f"http://[{host}]:{self.port}" if ":" in host else f"http://{host}:{self.port}"

    def log(self, line: str) -> None:
        if self._log is not None:
            self._log(line)


def make_server(project: Project, host: str = "127.0.0.1", port: int = 8000, *,
                log: Log | None = None, limiter: RateLimiter | None = None) -> ReviewServer:
    """A review server bound to `host:port` (port 0: any free port), not yet serving."""
    app = ReviewApp(project, limiter=limiter)
    server = ReviewServer(app, (host, port), log)
    app.hosts = allowed_hosts(host, server.server_address[1])
    app.memory.log = server.log
    app.memory.get(project)
    return server
