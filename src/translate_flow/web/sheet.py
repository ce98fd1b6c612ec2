"""The offline review sheet: one self-contained HTML file per person.

For volunteers who cannot reach the server: the same side-by-side view as the
web page (the same `static/` modules render it), with the statements and languages on
the person's worklist, whole and in order. Edits and approvals are collected in
the page and saved by a button as a decision file (JSON, one per language) that
`tflow review import` applies through the same code as the server, refusing any
entry that changed after the sheet was made.

The file needs no server and makes no network requests: styles, script and data
are inline, and a Content-Security-Policy that allows exactly that inline style
and script (by hash) and no connections at all is part of the page. The sheet
opens in the person's interface language and carries the others for its switch.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from markupsafe import Markup

from .. import storage
from ..catalog.template import timestamp
from ..project import Project
from ..review.packets import JSON_KIND, outbox
from ..review.people import load_people
from ..review.routing import queue
from ..ui import rendered, tr
from ..ui.choice import reader_language
from . import pages, work
from .strings import all_script_strings
from .suggest import memory_of, suggestions
from .view import JSON, Context, language_names, statement_view


def sheet_path(project: Project, person: str) -> Path:
    """Where a person's sheet goes: beside their packets in the outbox."""
    return outbox(project, person) / f"review-{person}.html"


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def render_sheet(title: str, data: JSON, lang: str) -> str:
    """The sheet's HTML: inline style and modules, and a CSP that pins them by hash."""
    style = pages.asset("app.css")
    script = pages.inline_script()
    policy = (f"default-src 'none'; style-src {_hash(style)}; script-src {_hash(script)}; "
              "img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'")
    # The style and script are this package's own files, put in as they are.
    return pages.render("sheet.html", lang, title=title, data=rendered(data, lang), policy=policy,
                        style=Markup(style), script=Markup(script))


def write_sheets(project: Project, person: str | None = None) -> list[Path]:
    """Write the review sheet of each person with work (or of `person`); return the paths.

    A person whose worklist is empty gets no sheet, and an old sheet of theirs
    is removed, so that nobody works on a sheet that no longer matches the
    catalogs.
    """
    people = load_people(project.config)
    context = Context.load(project)
    memory = memory_of(project)
    created = timestamp()
    names = language_names(project)
    strings = all_script_strings()
    written: list[Path] = []
    for worklist in queue(project, person):
        someone = people[worklist.person]
        target = sheet_path(project, someone.name)
        views: list[JSON] = []
        for slug, lang in worklist.units:
            statement = work.find_statement(project, slug)
            if statement is None:
                continue
            others = [code for code in project.target_languages(statement) if code != lang]
            view = statement_view(project, statement, lang, someone, context,
                                  third=others[0] if others else None)
            for entry in view["entries"]:
                if entry["state"] != "approved":
                    entry["suggestions"] = suggestions(memory, entry["msgid"], statement.lang, lang,
                                                       entry["msgstr"])
            views.append(view)
        if not views:
            target.unlink(missing_ok=True)
            continue
        lang = reader_language(someone)
        data = {
            "page": "sheet",
            "kind": JSON_KIND,
            "created": created,
            "names": names,
            "me": {"name": someone.name, "languages": list(someone.languages),
                   "roles": list(someone.roles)},
            "statements": views,
            "strings": strings[lang],
            "all_strings": strings,
        }
        title = tr(lang, "Review sheet for %(name)s", name=someone.name)
        storage.write_text(target, render_sheet(title, data, lang))
        written.append(target)
    return written
