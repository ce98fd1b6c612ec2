"""Statement → template (POT) and the headers every catalog carries."""

from __future__ import annotations

import datetime as dt

import polib

from .. import __version__, locales
from ..segment import Statement

def timestamp(now: dt.datetime | None = None) -> str:
    moment = (now or dt.datetime.now(dt.timezone.utc)).astimezone()
    return moment.strftime("%Y-%m-%d %H:%M%z")


def template(statement: Statement, created: str) -> polib.POFile:
    """One entry per distinct segment, in document order, with references and kinds."""
    catalog = polib.POFile(wrapwidth=79)
    catalog.header = f"Catalog of {statement.path.as_posix()}, made by translate-flow."
    catalog.metadata = {
        "Project-Id-Version": statement.slug,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": created,
        "PO-Revision-Date": created,
        "Last-Translator": "",
        "Language-Team": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": statement.lang,
        "Generated-By": f"translate-flow {__version__}",
    }
    by_text: dict[str, polib.POEntry] = {}
    kinds: dict[str, list[str]] = {}
    reference = statement.path.as_posix()
    for seg in statement.segments:
        entry = by_text.get(seg.text)
        if entry is None:
            entry = polib.POEntry(msgid=seg.text, msgstr="")
            by_text[seg.text] = entry
            kinds[seg.text] = []
            catalog.append(entry)
        entry.occurrences.append((reference, str(seg.line)))
        if seg.kind not in kinds[seg.text]:
            kinds[seg.text].append(seg.kind)
    for text, entry in by_text.items():
        entry.comment = ", ".join(kinds[text])
    return catalog


def localise_header(catalog: polib.POFile, lang: str, revised: str, translator: str) -> None:
    """Turn a template's header into the header of the `lang` catalog."""
    meta = dict(catalog.metadata)
    meta["PO-Revision-Date"] = revised
    meta["POT-Creation-Date"] = catalog.metadata["POT-Creation-Date"]
    meta["Last-Translator"] = translator
    meta["Language-Team"] = f"{locales.english_name(lang)} <{lang}@li.org>"
    meta["Language"] = lang
    catalog.header = catalog.header.replace("Catalog of", f"{locales.english_name(lang)} catalog of", 1)
    meta["Plural-Forms"] = locales.plural_forms(lang)
    catalog.metadata = meta
