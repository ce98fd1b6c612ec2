"""Signing in with a personal link, signing out, and the language switch.

Opening a sign-in link signs nobody in: the page asks to confirm with a POST,
so a mail client that fetches links to preview them, or a page that links to
ours, changes nothing. Failed sign-ins are limited per client address and per
account the token names; past either limit every attempt waits, the right
token included.
"""

from __future__ import annotations

from http import HTTPStatus

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ..review.people import load_people
from ..ui import LANGUAGES, tr
from . import pages
from .auth import SESSION_SECONDS
from .inputs import form_fields, read_body
from .invites import Invite, claimed_name
from .state import LANGUAGE_COOKIE, SESSION_COOKIE, Refused, address, check_origin, state_of

LANGUAGE_SECONDS = 365 * 24 * 3600


def client_of(request: Request) -> str:
    """The client's address: the real one behind a trusted proxy (see `app`)."""
    return request.client.host if request.client is not None else "unknown"


def _attempt(request: Request, token: str, lang: str) -> Invite:
    state = state_of(request)
    client = client_of(request)
    people = load_people(state.project.config)
    account = claimed_name(token)
    if account not in people:
        account = None
    waits = [state.limits.clients.retry_after(client)]
    if account is not None:
        waits.append(state.limits.accounts.retry_after(account))
    wait = max((w for w in waits if w is not None), default=None)
    if wait is not None:
        raise Refused(HTTPStatus.TOO_MANY_REQUESTS, tr(
            lang, "Too many failed sign-ins from this address or for this account; try again in "
                  "%(seconds)d s.", seconds=round(wait)))
    invite = state.invites.lookup(token) if token else None
    if invite is None or invite.name not in people:
        state.limits.clients.fail(client)
        if account is not None:
            state.limits.accounts.fail(account)
        raise Refused(HTTPStatus.FORBIDDEN, tr(
            lang, "This sign-in link is not valid: it was mistyped, replaced or revoked. Ask an "
                  "editor for a new one (`tflow invite NAME`)."))
    return invite


def signin_page(request: Request) -> Response:
    state = state_of(request)
    lang = state.language(request, None)
    token = request.query_params.get("token", "")
    invite = _attempt(request, token, lang)
    return HTMLResponse(pages.render(
        "message.html", lang, here=address(request), title=tr(lang, "Sign in"),
        paragraphs=[tr(lang, "This is %(name)s's personal sign-in link for the review of "
                             "translations. Do not share it.", name=invite.name)],
        signin={"name": invite.name, "token": token}))


def cookie_args(request: Request) -> dict[str, object]:
    """HttpOnly, SameSite=Lax, and Secure whenever the page came over HTTPS."""
    # Lax rather than Strict so that a bookmark or a link from mail opens the
    # page signed in; every write also needs the CSRF token and same origin.
    return {"path": "/", "httponly": True, "samesite": "lax", "secure": request.url.scheme == "https"}


def _signin(request: Request, body: bytes) -> Response:
    state = state_of(request)
    lang = state.language(request, None)
    check_origin(request, lang)
    invite = _attempt(request, form_fields(body, lang).get("token", ""), lang)
    cookie, _ = state.sessions.start(invite.name, invite.digest)
    response = RedirectResponse("/", HTTPStatus.SEE_OTHER)
    response.set_cookie(SESSION_COOKIE, cookie, max_age=SESSION_SECONDS, **cookie_args(request))  # type: ignore[arg-type]
    return response


async def signin(request: Request) -> Response:
    body = await read_body(request, state_of(request).language(request, None))
    return await run_in_threadpool(_signin, request, body)


def _signout(request: Request, body: bytes) -> Response:
    state = state_of(request)
    lang = state.language(request, state.visitor(request))
    visitor, _ = state.require_write(request, form_fields(body, lang).get("csrf"))
    state.sessions.end(visitor.session.key)
    response = RedirectResponse("/", HTTPStatus.SEE_OTHER)
    response.delete_cookie(SESSION_COOKIE, **cookie_args(request))  # type: ignore[arg-type]
    return response


async def signout(request: Request) -> Response:
    body = await read_body(request, state_of(request).language(request, None))
    return await run_in_threadpool(_signout, request, body)


def local_path(target: str) -> str:
    """`target` when it is a path on this server, else "/" (no open redirect)."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


async def switch_language(request: Request) -> Response:
    """The language switch: remember the choice in a cookie and go back to the page."""
    lang = state_of(request).language(request, None)
    body = await read_body(request, lang)
    check_origin(request, lang)
    fields = form_fields(body, lang)
    chosen = fields.get("ui", "")
    if chosen not in LANGUAGES:
        raise Refused(HTTPStatus.BAD_REQUEST, tr(lang, "Unknown interface language %(code)r; choose one of "
                                                       "%(languages)s.", code=chosen,
                                                 languages=", ".join(LANGUAGES)))
    response = RedirectResponse(local_path(fields.get("next", "/")), HTTPStatus.SEE_OTHER)
    response.set_cookie(LANGUAGE_COOKIE, chosen, max_age=LANGUAGE_SECONDS, **cookie_args(request))  # type: ignore[arg-type]
    return response


routes = [
    Route("/signin", signin_page, methods=["GET"]),
    Route("/signin", signin, methods=["POST"]),
    Route("/signout", signout, methods=["POST"]),
    Route("/language", switch_language, methods=["POST"]),
]
