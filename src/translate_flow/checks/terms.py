"""The glossary: required translations, forbidden variants, do-not-translate names.

A forbidden variant (``на Украине``) or a changed name (``YPJ`` rendered as
``ЖЗО``) says something the collective decided not to say: errors. A term
translated differently from the glossary is a warning, because inflection and
rephrasing can legitimately hide it from the matcher.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..ui.message import Message
from .model import ERROR, WARNING, Pair, Problem, quoted


def check_terms(pair: Pair) -> Iterator[Problem]:
    """A glossary term in the source is translated as the glossary says."""
    glossary = pair.glossary
    for term in glossary.terms_in(pair.msgid, pair.source_lang):
        wanted = term.text(pair.target_lang)
        if term.dnt or not wanted or glossary.contains(pair.msgstr, pair.target_lang, term):
            continue
        source = term.text(pair.source_lang)
        note = f" ({term.note})" if term.note else ""
        yield Problem(
            "terms", WARNING, Message("glossary: %(source)s should be translated as %(wanted)s%(note)s",
                                      source=quoted(source), wanted=quoted(wanted), note=note)
        )


def check_forbidden(pair: Pair) -> Iterator[Problem]:
    """No variant the glossary forbids (ru:на Украине) appears in the translation."""
    for term, variant in pair.glossary.forbidden_in(pair.msgstr, pair.target_lang):
        wanted = term.text(pair.target_lang)
        advice: Message | str = Message("; the glossary says %(wanted)s", wanted=quoted(wanted)) if wanted else ""
        note = f" ({term.note})" if term.note else ""
        yield Problem("forbidden", ERROR, Message("forbidden variant %(variant)s%(advice)s%(note)s",
                                                 variant=quoted(variant), advice=advice, note=note))


def check_dnt(pair: Pair) -> Iterator[Problem]:
    """A do-not-translate name in the source (YPJ) appears unchanged in the translation."""
    for term in pair.glossary.terms_in(pair.msgid, pair.source_lang):
        if not term.dnt:
            continue
        name = term.name
        if not re.search(rf"(?<![^\W_]){re.escape(name)}", pair.msgstr):
            yield Problem(
                "dnt", ERROR, Message("%(name)s is not translated (glossary): keep it exactly as written",
                                      name=quoted(name))
            )
