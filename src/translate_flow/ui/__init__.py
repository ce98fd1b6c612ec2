"""The tool's own interface, in the reader's language: gettext catalogs and Jinja2 templates.

Every string translate-flow shows a person (review pages, offline sheet, mails, edition and
index labels, the CLI messages a reviewer sees) is an English msgid translated through the
catalogs in ``ui/locales/<lang>/LC_MESSAGES/messages.po``, which ``make ui-catalogs``
extracts with Babel from the Python code and the templates. The PO files are compiled in
memory when first used, so no ``.mo`` file is committed or can go stale.

Templates are Jinja2 with autoescaping and the i18n extension; each family (``editions``,
``web``) keeps its own ``templates/`` folder with one base template. One environment exists
per family and language, so that a page rendered in Ukrainian by one request never sees the
Russian catalog of another.
"""

from __future__ import annotations

import io
import threading
from functools import lru_cache
from importlib import resources
from typing import Any

import jinja2
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from .message import Language, Message, joined, plural_message, rendered

__all__ = ["LANGUAGES", "Language", "Message", "environment", "interface_language", "joined", "localized",
           "ntr", "plural_message", "render", "rendered", "tr", "translations"]

LANGUAGES = ("uk", "ru", "en")
"""The languages the interface is translated into; English is the msgid language."""

SOURCE_LANGUAGE = "en"
DOMAIN = "messages"

_overlays: dict[tuple[int, str], jinja2.Environment] = {}
_overlays_lock = threading.Lock()


def interface_language(code: str | None) -> str:
    """The interface language for `code` (``uk-UA`` → ``uk``); English when not translated."""
    base = (code or "").replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else SOURCE_LANGUAGE


@lru_cache(maxsize=None)
def translations(lang: str) -> NullTranslations:
    """The interface catalog for `lang`; a missing or empty translation shows the English msgid."""
    lang = interface_language(lang)
    if lang == SOURCE_LANGUAGE:
        return NullTranslations()
    source = resources.files(__name__).joinpath("locales", lang, "LC_MESSAGES", f"{DOMAIN}.po")
    if not source.is_file():
        return NullTranslations()
    with source.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def tr(lang: str, message: str, /, **values: Any) -> str:
    """`message` in `lang` (extracted as keyword ``tr:2``), with ``%(name)s`` placeholders filled from `values`."""
    text = translations(lang).gettext(message)
    return text % values if values else text


def ntr(lang: str, singular: str, plural: str, n: int, /, **values: Any) -> str:
    """The form of `singular`/`plural` for `n` in `lang`; ``%(num)d`` is `n` (keyword ``ntr:2,3``)."""
    text = translations(lang).ngettext(singular, plural, n)
    return text % {"num": n, **values}


@lru_cache(maxsize=None)
def environment(package: str, folder: str = "templates") -> jinja2.Environment:
    """The Jinja2 environment of one template family (e.g. ``translate_flow.editions``)."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader(package, folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def localized(env: jinja2.Environment, lang: str) -> jinja2.Environment:
    """An overlay of `env` with the interface catalog of `lang` installed (cached)."""
    lang = interface_language(lang)
    key = (id(env), lang)
    with _overlays_lock:
        overlay = _overlays.get(key)
        if overlay is None:
            # Not `env.overlay()`: an overlay shares its parent's globals and the i18n
            # extension bound to the parent, so the catalog installed last would serve
            # every language. A sibling environment with the same settings has its own.
            overlay = jinja2.Environment(
                loader=env.loader, autoescape=env.autoescape, undefined=env.undefined,
                extensions=list(env.extensions), trim_blocks=env.trim_blocks,
                lstrip_blocks=env.lstrip_blocks, keep_trailing_newline=env.keep_trailing_newline,
            )
            overlay.filters = env.filters  # shared, as an overlay's are: filters added later apply
            overlay.tests = env.tests
            overlay.globals.update(env.globals)
            overlay.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
            overlay.globals["lang"] = lang
            _overlays[key] = overlay
    return overlay


def render(env: jinja2.Environment, template: str, lang: str, **context: Any) -> str:
    """`template` of `env` rendered with the interface in `lang`."""
    return localized(env, lang).get_template(template).render(**context)
