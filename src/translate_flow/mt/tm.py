"""The project's translation memory: built from its catalogs and TMX files.

Human translations (translated and approved entries, obsolete ones too: they
are still a person's translation of a sentence) of every catalog feed the
memory, in the statement's direction and also between two target languages
(the Russian and the Ukrainian of an English statement give ru↔uk units).
TMX files imported with `tflow memory import` are kept in the memory directory
(`[mt] memory`, default `memory/`), which is project data under version control
like the catalogs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polib

from .. import catalog, storage
from ..project import Project
from ..segment import Statement
from . import tmx
from .memory import Memory, Unit
from .settings import Settings

_HUMAN = (catalog.State.TRANSLATED, catalog.State.APPROVED)

#: slug → language → msgid → a person's msgstr
Siblings = dict[str, dict[str, dict[str, str]]]


@dataclass(frozen=True)
class Imported:
    """What `import_tmx` did: where the file went, how many units it holds, in which languages."""

    path: Path
    units: int
    languages: tuple[str, ...]
    replaced: bool


@dataclass(frozen=True)
class Exported:
    """What `export_tmx` wrote: the document, its number of units, and the units XML cannot hold."""

    document: str
    units: int
    skipped: int


#: language → msgid → (msgstr, "locales/uk/x.po:40", approved)
Human = dict[str, dict[str, tuple[str, str, bool]]]


def _human(entry: polib.POEntry) -> bool:
    return not entry.msgid_plural and bool(entry.msgstr) and catalog.state(entry) in _HUMAN


def _translations(project: Project, statement: Statement) -> Human:
    """The translated and approved entries of a statement's catalogs, by language."""
    human: Human = {}
    for lang in project.config.languages:
        path = project.catalog_path(statement.slug, lang)
        if lang == statement.lang or not path.is_file():
            continue
        shown = project.relative(path)
        human[lang] = {
            entry.msgid: (entry.msgstr, f"{shown}:{entry.linenum}", catalog.state(entry) is catalog.State.APPROVED)
            for entry in catalog.read(path, display=shown)
            if _human(entry)
        }
    return human


def _memory_files(config: Settings) -> list[Path]:
    if not config.memory_dir.is_dir():
        return []
    return sorted(config.memory_dir.glob("*.tmx"))


def build_memory(
    project: Project, config: Settings, statements: Sequence[Statement] | None = None
) -> tuple[Memory, Siblings]:
    """The memory of every human translation in the project, and the per-statement
    human translations in each language, which the pivot engine translates from."""
    memory = Memory(config.fuzzy_threshold)
    siblings: Siblings = {}
    for statement in statements if statements is not None else project.statements():
        human = _translations(project, statement)
        for lang, found in human.items():
            for msgid, (msgstr, origin, approved) in found.items():
                memory.add(statement.lang, lang, Unit(msgid, msgstr, origin, approved))
        siblings[statement.slug] = {
            lang: {msgid: value[0] for msgid, value in found.items()} for lang, found in human.items()
        }
        for first, a in human.items():
            for second, b in human.items():
                if first == second:
                    continue
                for msgid, (text, _, approved) in a.items():
                    other = b.get(msgid)
                    if other is not None:
                        memory.add(first, second, Unit(text, other[0], other[1], approved and other[2]))
    for path in _memory_files(config):
        origin = project.relative(path)
        for unit in tmx.read(path):
            for src, tgt, src_text, tgt_text in unit.pairs():
                memory.add(src, tgt, Unit(src_text, tgt_text, origin))
    return memory, siblings


def import_tmx(project: Project, config: Settings, source: Path) -> Imported:
    """Check a TMX file and keep a copy in the memory directory, where every run reads it."""
    units = tmx.read(source)
    languages = tuple(sorted({lang for unit in units for lang in unit.languages}))
    target = config.memory_dir / source.name
    replaced = target.exists()
    storage.write_bytes(target, source.read_bytes())
    return Imported(target, len(units), languages, replaced)


def export_tmx(project: Project, config: Settings) -> Exported:
    """Every human translation of the catalogs, and every unit of the imported TMX files, as TMX.

    A catalog entry is one unit: the statement's text (its language is the
    unit's `srclang`) and each language's human translation of it.
    """
    units: dict[tmx.TranslationUnit, None] = {}
    for statement in project.statements():
        human = _translations(project, statement)
        msgids = dict.fromkeys(msgid for found in human.values() for msgid in found)
        for msgid in msgids:
            texts = [(statement.lang, msgid)]
            texts += [(lang, found[msgid][0]) for lang, found in human.items() if msgid in found]
            units[tmx.TranslationUnit(statement.lang, tuple(texts))] = None
    for path in _memory_files(config):
        units.update(dict.fromkeys(tmx.read(path)))
    kept = [unit for unit in units if tmx.writable(unit)]
    document = tmx.dumps(kept, srclang=project.config.source_language)
    return Exported(document, len(kept), len(units) - len(kept))
