"""The HTML around the data: page shells and the few server-rendered messages.

Pages with entries are rendered in the browser by `static/app.js` from a JSON
block in the page, so that text from catalogs only ever reaches the DOM as
text nodes. The JSON is made safe for a `<script>` element by escaping `<`,
`>` and `&`, so no translation can close the element. The few pages rendered
here (sign-in, errors) escape everything they put in.
"""

from __future__ import annotations

import json
from html import escape
from importlib import resources
from typing import Any

PRODUCT = "translate-flow review"


def asset(name: str) -> str:
    """The text of a file in `web/static/`."""
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


def json_for_script(data: Any) -> str:
    """JSON that can sit inside `<script type="application/json">` as it is."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def shell(title: str, data: Any, *, head: str, tail: str, lang: str = "en") -> str:
    """A page whose body `app.js` renders from `data`; `head`/`tail` bring the assets."""
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="same-origin">\n'
        f"<title>{escape(title)} · {PRODUCT}</title>\n{head}\n</head>\n<body>\n"
        f'<script type="application/json" id="tflow-data">{json_for_script(data)}</script>\n'
        '<div id="app"><noscript><p class="notice">This page needs JavaScript to show and '
        "save translations.</p></noscript></div>\n"
        f"{tail}\n</body>\n</html>\n"
    )


def served_shell(title: str, data: Any, lang: str = "en") -> str:
    """A page of the running server: assets come from `/static/`."""
    return shell(
        title, data, lang=lang,
        head='<link rel="stylesheet" href="/static/app.css">',
        tail='<script src="/static/app.js"></script>',
    )


def message(title: str, paragraphs: list[str], *, form: str = "") -> str:
    """A small page with a heading, some text (escaped here) and optional form markup."""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="same-origin">\n'
        f"<title>{escape(title)} · {PRODUCT}</title>\n"
        '<link rel="stylesheet" href="/static/app.css">\n</head>\n'
        f'<body>\n<main class="message">\n<h1>{escape(title)}</h1>\n{body}\n{form}\n</main>\n'
        "</body>\n</html>\n"
    )


def signin_form(name: str, token: str) -> str:
    """The confirmation step of a sign-in link: a same-origin POST carries the token."""
    return (
        '<form method="post" action="/signin">'
        f'<input type="hidden" name="token" value="{escape(token)}">'
        f'<button type="submit" class="primary" autofocus>Sign in as {escape(name)}</button>'
        "</form>"
    )
