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
    catalog.metadata = dict(catalog.ordered_metadata())  # msginit's order, then by name
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


def localise_header(catalog: polib.POFile, lang: str, revised: str, translator: str,
                    kept: dict[str, str] | None = None) -> None:
    """Turn a template's header into the header of the `lang` catalog.

    `kept` is the header the catalog had: fields we do not own (X-Generator,
    X-Poedit-*, a Language-Team a translator set) keep their value, and every
    field keeps its place, so a header an editor reordered is not churned.
    """
    ours = dict(catalog.metadata)
    ours["PO-Revision-Date"] = revised
    ours["Last-Translator"] = translator
    ours["Language-Team"] = f"{locales.english_name(lang)} <{lang}@li.org>"
    ours["Language"] = lang
    ours["Plural-Forms"] = locales.plural_forms(lang)
    before = kept or {}
    if before.get("Language-Team"):
        ours["Language-Team"] = before["Language-Team"]
    meta = {key: ours.get(key, value) for key, value in before.items()}
    meta.update((key, value) for key, value in ours.items() if key not in meta)
    catalog.header = catalog.header.replace("Catalog of", f"{locales.english_name(lang)} catalog of", 1)
    catalog.metadata = meta
    if not before:
        catalog.metadata = dict(catalog.ordered_metadata())
