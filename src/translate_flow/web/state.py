"""What every request of the review app shares, and who is asking.

`ReviewState` is made by the app factory and kept on the app (never a module
global): the project (its config re-read when `translate-flow.toml` changes),
the glossary and checks for entry views, invites, sessions, sign-in limits,
the shared translation memory, and the hook every save is wrapped in (the
git committer with `[git] commit = true`).
"""

from __future__ import annotations

import contextlib
import threading
from contextlib import AbstractContextManager
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Protocol

from starlette.requests import Request

from .. import config as config_mod
from ..project import Project
from ..review.people import Person, load_people
from ..ui import tr
from ..ui.choice import page_language, person_language
from .auth import Limits, Session, Sessions
from .invites import InviteStore
from .suggest import SharedMemory
from .view import Context

SESSION_COOKIE = "tflow_session"
LANGUAGE_COOKIE = "tflow_ui"
CSRF_HEADER = "x-csrf-token"

class SaveHook(Protocol):
    """What the save handler wraps each save in: `git.commits.Committer` with `[git] commit = true`."""

    def saving(self, person: str, path: Path) -> AbstractContextManager[object]:
        """Around one save by `person` to the catalog at `path`."""
        ...

    def close(self) -> None:
        """At the server's stop: finish what is still waiting."""
        ...


class NoCommits:
    """The default `SaveHook`: the catalogs are written; nothing more."""

    def saving(self, person: str, path: Path) -> AbstractContextManager[object]:
        return contextlib.nullcontext()

    def close(self) -> None:
        pass


class Refused(Exception):
    """A request the app answers with an error status and a reason (in the asker's language)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class Visitor:
    """A signed-in request's session and person."""

    session: Session
    person: Person


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return (info.st_ino, info.st_mtime_ns, info.st_size)


class ReviewState:
    """The app's shared parts; see the module docstring."""

    def __init__(self, project: Project, invites: InviteStore, sessions: Sessions, limits: Limits,
                 commits: SaveHook) -> None:
        self.invites = invites
        self.sessions = sessions
        self.limits = limits
        self.commits = commits
        self.memory = SharedMemory()
        self._lock = threading.Lock()
        self._project = project
        self._project_stamp = _stamp(project.config.path)
        self._context: tuple[object, Context] | None = None

    @property
    def project(self) -> Project:
        """The project, with its config re-read when `translate-flow.toml` changed."""
        with self._lock:
            path = self._project.config.path
            stamp = _stamp(path)
            if stamp != self._project_stamp:
                self._project = Project(config_mod.load(path))
                self._project_stamp = stamp
            return self._project

    def context(self, project: Project) -> Context:
        """Glossary and checks for entry views, loaded again only when their files changed."""
        key = (_stamp(project.config.path), _stamp(project.config.glossary_path))
        with self._lock:
            if self._context is None or self._context[0] != key:
                self._context = (key, Context.load(project))
            return self._context[1]

    def visitor(self, request: Request) -> Visitor | None:
        """The signed-in person, if the session is live and its invite still stands."""
        session = self.sessions.get(request.cookies.get(SESSION_COOKIE))
        if session is None:
            return None
        invite = self.invites.current(session.person)
        person = load_people(self.project.config).get(session.person)
        if invite is None or invite.digest != session.invite or person is None:
            self.sessions.end(session.key)
            return None
        return Visitor(session, person)

    def language(self, request: Request, visitor: Visitor | None) -> str:
        """The page language of this request; remembered on the request for its error pages."""
        person = person_language(visitor.person) if visitor else None
        lang = page_language(request.cookies.get(LANGUAGE_COOKIE), person,
                             request.headers.get("accept-language", ""))
        request.state.lang = lang
        return lang

    def require(self, request: Request) -> tuple[Visitor, str]:
        """The signed-in person and their page language, or 401."""
        visitor = self.visitor(request)
        lang = self.language(request, visitor)
        if visitor is None:
            raise Refused(HTTPStatus.UNAUTHORIZED, not_signed_in(lang))
        return visitor, lang

    def require_write(self, request: Request, sent_csrf: str | None) -> tuple[Visitor, str]:
        """`require`, for a request that changes something: same origin and the CSRF token."""
        visitor, lang = self.require(request)
        check_origin(request, lang)
        if not visitor.session.csrf_ok(sent_csrf):
            raise Refused(HTTPStatus.FORBIDDEN, tr(lang, "Missing or wrong CSRF token; reload the page."))
        return visitor, lang


def not_signed_in(lang: str) -> str:
    return tr(lang, "You are not signed in. Open your personal sign-in link; an editor makes one "
                    "with `tflow invite NAME`.")


def check_origin(request: Request, lang: str) -> None:
    """Refuse a write sent from another site (the browser names the page that sent it)."""
    origin = request.headers.get("origin")
    if origin is not None and origin != f"{request.url.scheme}://{request.headers.get('host', '')}":
        raise Refused(HTTPStatus.FORBIDDEN, tr(lang, "Cross-site request refused."))


def state_of(request: Request) -> ReviewState:
    found: ReviewState = request.app.state.review
    return found


def address(request: Request) -> str:
    """The page's path and query, where the language switch comes back to."""
    return request.url.path + (f"?{request.url.query}" if request.url.query else "")
