"""Markdown kept: links, images, emphasis, code spans, HTML tags, hard line breaks.

A translation that drops a link, loses a ``**`` or injects a ``<script>`` would
publish a broken or dangerous edition, so all of these are errors.
"""

from __future__ import annotations

import re

from collections.abc import Iterator

from .inline import difference, parse
from ..ui.message import Message
from .model import ERROR, Pair, Problem


def check_links(pair: Pair) -> Iterator[Problem]:
    """Links, autolinks and reference links keep their number and targets."""
    source, target = parse(pair.msgid), parse(pair.msgstr)
    missing, extra = difference(source.links, target.links)
    for href in missing:
        yield Problem("links", ERROR, Message("link to %(href)s missing in translation", href=href))
    for href in extra:
        yield Problem("links", ERROR, Message("link to %(href)s in translation is not in the source", href=href))
    missing, extra = difference(source.autolinks, target.autolinks)
    for href in missing:
        yield Problem("links", ERROR, Message("autolink <%(href)s> missing in translation", href=_shown(href)))
    for href in extra:
        yield Problem(
            "links", ERROR, Message("autolink <%(href)s> in translation is not in the source (injected link)", href=_shown(href))
        )
    missing, extra = difference(source.references, target.references)
    for label in missing:
        yield Problem("links", ERROR, Message("reference link [%(label)s] missing in translation", label=label))
    for label in extra:
        yield Problem("links", ERROR, Message("reference link [%(label)s] in translation is not in the source", label=label))


def _shown(href: str) -> str:
    return href.removeprefix("mailto:")


def check_images(pair: Pair) -> Iterator[Problem]:
    """Images keep their number and sources (the alt text is translated)."""
    missing, extra = difference(parse(pair.msgid).images, parse(pair.msgstr).images)
    for src in missing:
        yield Problem("images", ERROR, Message("image %(src)s missing in translation", src=src))
    for src in extra:
        yield Problem("images", ERROR, Message("image %(src)s in translation is not in the source", src=src))


def check_emphasis(pair: Pair) -> Iterator[Problem]:
    """Bold and italic spans keep their number (an unpaired ** would show as text)."""
    source, target = parse(pair.msgid), parse(pair.msgstr)
    for name, mark, before, after in (
        (Message("bold"), "**", source.strong, target.strong),
        (Message("italic"), "*", source.emphasis, target.emphasis),
    ):
        if before != after:
            yield Problem(
                "emphasis",
                ERROR,
                Message("%(name)s (%(mark)s…%(mark)s): source has %(before)s, translation has %(after)s; "
                        "check that every marker is paired", name=name, mark=mark, before=before, after=after),
            )


def check_code(pair: Pair) -> Iterator[Problem]:
    """Code spans come through unchanged: their text is not translated."""
    missing, extra = difference(parse(pair.msgid).code, parse(pair.msgstr).code)
    for code in missing:
        yield Problem("code", ERROR, Message("code span `%(code)s` missing or changed in translation", code=code))
    for code in extra:
        yield Problem("code", ERROR, Message("code span `%(code)s` in translation is not in the source", code=code))


def check_html(pair: Pair) -> Iterator[Problem]:
    """HTML tags are kept; a tag the source does not have is injected HTML."""
    missing, extra = difference(parse(pair.msgid).html, parse(pair.msgstr).html)
    for tag in missing:
        yield Problem("html", ERROR, Message("HTML tag %(tag)s missing in translation", tag=tag))
    for tag in extra:
        yield Problem("html", ERROR, Message("HTML tag %(tag)s in translation is not in the source (injected HTML)", tag=tag))


_HARD_BREAK = re.compile(r"(?:  +|\\)\n")


def check_breaks(pair: Pair) -> Iterator[Problem]:
    """Hard line breaks (two spaces or a backslash before a newline) are kept, none added.

    A bare newline in a translation is a soft break, the same as a space, so a
    translator may wrap lines freely; a hard break is part of the layout.
    """
    before, after = len(_HARD_BREAK.findall(pair.msgid)), len(_HARD_BREAK.findall(pair.msgstr))
    if before != after:
        yield Problem(
            "breaks",
            ERROR,
            Message("hard line breaks: source has %(before)s, translation has %(after)s; end a line "
                    "with two spaces or a backslash where the source breaks it", before=before, after=after),
        )
