"""A person's desk: "My work", a statement side by side, suggestions, saves and approvals.

Every write goes through `review.decisions.apply_decisions`, the same code as
`tflow review import`: it holds the catalog lock, refuses a decision made
against an entry that changed since the page was loaded, and enforces the
languages, roles and two-people rules. The desk checks languages and roles
itself first as well, so a refused request never touches a catalog. Each save
runs inside the app's `commits` hook: with `[git] commit = true`, git's
`Committer` commits accepted saves with the person as author.
"""

from __future__ import annotations

from http import HTTPStatus

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from ..project import Project
from ..review.decisions import ApplyReport, Decision, apply_decisions
from ..review.people import Person
from ..segment import Statement
from ..ui import rendered, tr
from . import pages, work
from .inputs import json_object, optional_text_field, read_body, text_field
from .state import CSRF_HEADER, Refused, ReviewState, Visitor, address, state_of
from .strings import script_strings
from .suggest import suggestions
from .view import JSON, entry_view, progress, read_catalog, statement_view


def _person_data(visitor: Visitor) -> JSON:
    person = visitor.person
    return {"name": person.name, "languages": list(person.languages),
            "roles": list(person.roles), "csrf": visitor.session.csrf}


def _app_page(request: Request, visitor: Visitor, lang: str, title: str, current: str, data: JSON) -> Response:
    strings = script_strings(lang)
    data = {**rendered(data, lang), "me": _person_data(visitor), "strings": strings}
    roles = [strings["roles"].get(role, role) for role in visitor.person.roles]
    return HTMLResponse(pages.render("app.html", lang, title=title, current=current, me=data["me"],
                                     roles=roles, data=data, here=address(request), entry=pages.ENTRY_MODULE))


def work_page(request: Request) -> Response:
    state = state_of(request)
    visitor, lang = state.require(request)
    data = {"page": "work", "work": work.worklist(state.project, visitor.person)}
    return _app_page(request, visitor, lang, tr(lang, "My work"), "work", data)


def work_api(request: Request) -> Response:
    state = state_of(request)
    visitor, _ = state.require(request)
    return JSONResponse(work.worklist(state.project, visitor.person))


def _statement(project: Project, slug: str, lang: str) -> Statement:
    statement = work.find_statement(project, slug)
    if statement is None:
        raise Refused(HTTPStatus.NOT_FOUND, tr(lang, "No statement %(slug)r in this project.", slug=slug))
    return statement


def _catalog_language(project: Project, statement: Statement, code: str, lang: str) -> None:
    languages = project.target_languages(statement)
    if code not in languages:
        raise Refused(HTTPStatus.NOT_FOUND, tr(
            lang, "%(slug)s has no %(code)r catalog; its languages are %(languages)s.",
            slug=statement.slug, code=code, languages=", ".join(languages)))


def _unit(request: Request) -> tuple[ReviewState, Visitor, str, Project, Statement, str]:
    """The signed-in person, and the statement and language of the query they may open."""
    state = state_of(request)
    visitor, lang = state.require(request)
    project = state.project
    statement = _statement(project, request.query_params.get("slug", ""), lang)
    code = request.query_params.get("lang", "")
    _catalog_language(project, statement, code, lang)
    if not visitor.person.can_edit(code):
        raise Refused(HTTPStatus.FORBIDDEN, tr(
            lang, "%(name)s does not work on %(code)s (languages: %(languages)s).",
            name=visitor.person.name, code=code, languages=", ".join(visitor.person.languages)))
    return state, visitor, lang, project, statement, code


def _statement_data(request: Request) -> tuple[Visitor, str, JSON]:
    state, visitor, lang, project, statement, code = _unit(request)
    third: str | None = request.query_params.get("third")
    options = [other for other in project.target_languages(statement) if other != code]
    if third is None:
        third = options[0] if options else None
    elif third not in options:
        third = None
    view = statement_view(project, statement, code, visitor.person, state.context(project), third=third)
    return visitor, lang, view


def statement_page(request: Request) -> Response:
    visitor, lang, view = _statement_data(request)
    return _app_page(request, visitor, lang, view["title"], "statement",
                     {"page": "statement", "statement": view})


def statement_api(request: Request) -> Response:
    _, lang, view = _statement_data(request)
    return JSONResponse(rendered(view, lang))


def suggest(request: Request) -> Response:
    """Memory suggestions for one entry, asked for when the person starts on it.

    `current` is the entry's text on the page; a suggestion equal to it is
    left out. Nothing is read from the catalog, so this stays instant.
    """
    state, _, _, project, statement, code = _unit(request)
    found = suggestions(state.memory.get(project), request.query_params.get("msgid", ""),
                        statement.lang, code, request.query_params.get("current", ""))
    return JSONResponse({"suggestions": found})


SAVE, APPROVE, COMMENT = "save", "approve", "comment"


def _decide(request: Request, body: bytes, action: str) -> Response:
    """Apply one save, approval or comment through the review model; report what happened.

    A save or approval may carry `override`, the person's reason for accepting
    error-level check problems (the review model refuses without it); a save
    may carry a `comment` too.
    """
    state = state_of(request)
    visitor, lang = state.require_write(request, request.headers.get(CSRF_HEADER))
    if not request.headers.get("content-type", "").startswith("application/json"):
        raise Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, tr(lang, "Send JSON."))
    data = json_object(body, lang)
    slug, code, msgid, fingerprint = (text_field(data, key, lang)
                                      for key in ("slug", "lang", "msgid", "fingerprint"))
    approve = action == APPROVE
    msgstr = text_field(data, "msgstr", lang) if action == SAVE else None
    comment = (text_field(data, "comment", lang) if action == COMMENT
               else optional_text_field(data, "comment", lang))
    override = None if action == COMMENT else optional_text_field(data, "override", lang)
    project = state.project
    person = visitor.person
    statement = _statement(project, slug, lang)
    _catalog_language(project, statement, code, lang)
    if approve and not person.can_review(code):
        raise Refused(HTTPStatus.FORBIDDEN, tr(
            lang, "%(name)s cannot approve %(code)s text: approving needs the reviewer role for %(code)s.",
            name=person.name, code=code))
    if not approve and not person.can_edit(code):
        raise Refused(HTTPStatus.FORBIDDEN, tr(
            lang, "%(name)s cannot change %(code)s text (languages: %(languages)s).",
            name=person.name, code=code, languages=", ".join(person.languages)))
    decision = Decision(slug=slug, lang=code, msgid=msgid, fingerprint=fingerprint,
                        msgstr=msgstr, approve=approve, person=person.name,
                        override=override, comment=comment)
    with state.commits.saving(person.name, project.catalog_path(slug, code)):
        report = apply_decisions(project, [decision])
    return _report(state, project, statement.lang, person, decision, report, lang)


def _report(state: ReviewState, project: Project, source: str, person: Person, decision: Decision,
            report: ApplyReport, lang: str) -> Response:
    """The save's answer, with the library's reasons said in the page language `lang`."""
    po = read_catalog(project, decision.slug, decision.lang)
    entry = None
    if po is not None:
        entry = next((e for e in po if e.msgid == decision.msgid and not e.obsolete), None)
    current = (entry_view(entry, source, decision.lang, state.context(project), person)
               if entry is not None else None)
    answer: JSON = {"entry": current, "progress": progress(po)}
    if report.refused:
        return JSONResponse(rendered({**answer, "status": "refused", "reason": report.refused[0].reason}, lang),
                          HTTPStatus.FORBIDDEN)
    if report.conflicts:
        conflict = report.conflicts[0]
        return JSONResponse(rendered({**answer, "status": "conflict", "reason": conflict.reason,
                                      "yours": decision.msgstr, "current_msgstr": conflict.current_msgstr},
                                     lang),
                          HTTPStatus.CONFLICT)
    done = report.applied or report.adopted or report.commented
    return JSONResponse(rendered({**answer, "status": "applied" if done else "unchanged",
                                  "adopted": bool(report.adopted), "commented": bool(report.commented)}, lang))


async def save(request: Request) -> Response:
    body = await read_body(request, state_of(request).language(request, None))
    return await run_in_threadpool(_decide, request, body, SAVE)


async def approve(request: Request) -> Response:
    body = await read_body(request, state_of(request).language(request, None))
    return await run_in_threadpool(_decide, request, body, APPROVE)


async def comment(request: Request) -> Response:
    body = await read_body(request, state_of(request).language(request, None))
    return await run_in_threadpool(_decide, request, body, COMMENT)


# Sync endpoints run in Starlette's thread pool; the two writes read their body first.
routes = [
    Route("/", work_page, methods=["GET"]),
    Route("/statement", statement_page, methods=["GET"]),
    Route("/api/work", work_api, methods=["GET"]),
    Route("/api/statement", statement_api, methods=["GET"]),
    Route("/api/suggest", suggest, methods=["GET"]),
    Route("/api/save", save, methods=["POST"]),
    Route("/api/approve", approve, methods=["POST"]),
    Route("/api/comment", comment, methods=["POST"]),
]
