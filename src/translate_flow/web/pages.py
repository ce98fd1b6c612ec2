"""The HTML of the review pages and the offline sheet, from Jinja2 templates.

Every page extends `templates/base.html` and is autoescaped. Pages with
entries are rendered in the browser by the ES modules in `static/` from a JSON
block in the page, so that text from catalogs only ever reaches the DOM as text
nodes. The JSON is made safe for a `<script>` element by escaping `<`, `>` and
`&`, so no translation can close the element.

The offline sheet cannot load modules from files (a `file:` page may not), so
`inline_script` joins the modules into one module script in dependency order:
each module imports only named bindings from siblings (``import { a } from
"./b.js";``), and those lines and the `export` keywords are all that is dropped.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from .. import locales, ui

PRODUCT = "translate-flow"
ENTRY_MODULE = "main.js"
_IMPORT = re.compile(r'^import \{[^}]*\} from "\./([\w-]+\.js)";\n', re.M)
_EXPORT = re.compile(r"^export (?=(?:async )?function |const |let |class )", re.M)


def asset(name: str) -> str:
    """The text of a file in `web/static/`."""
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


def json_for_script(data: Any) -> str:
    """JSON that can sit inside `<script type="application/json">` as it is."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def inline_script(entry: str = ENTRY_MODULE) -> str:
    """The page modules as one module script, each module once, dependencies first."""
    order: list[str] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in order:
            return
        if name in path:
            raise ValueError(f"static/{name}: import cycle {' → '.join(path + (name,))}")
        for imported in _IMPORT.findall(asset(name)):
            visit(imported, path + (name,))
        order.append(name)

    visit(entry, ())
    parts = [_EXPORT.sub("", _IMPORT.sub("", asset(name))) for name in order]
    return "\n".join(parts)


def language_switch() -> list[tuple[str, str]]:
    """The interface languages, each named in itself, for the switch on every page."""
    return [(code, locales.name(code)) for code in ui.LANGUAGES]


@lru_cache(maxsize=None)
def _environment() -> jinja2.Environment:
    env = ui.environment(__package__)
    env.filters["script_json"] = lambda data: Markup(json_for_script(data))
    env.globals["languages"] = language_switch()
    env.globals["product"] = PRODUCT
    return env


def render(template: str, lang: str, **context: Any) -> str:
    """A page of `templates/` with the interface in `lang`."""
    return ui.render(_environment(), template, lang, **context)
