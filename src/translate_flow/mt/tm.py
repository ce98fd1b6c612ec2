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
    """What `import_tmx` did: where the file went, how many pairs it holds, in which languages."""

    path: Path
    pairs: int
    languages: tuple[str, ...]
    replaced: bool


def _human(entry: polib.POEntry) -> bool:
    return not entry.msgid_plural and bool(entry.msgstr) and catalog.state(entry) in _HUMAN


def build_memory(
    project: Project, config: Settings, statements: Sequence[Statement] | None = None
) -> tuple[Memory, Siblings]:
    """The memory of every human translation in the project, and the per-statement
    human translations in each language, which the pivot engine translates from."""
    memory = Memory(config.fuzzy_threshold)
    siblings: Siblings = {}
    for statement in statements if statements is not None else project.statements():
        human: dict[str, dict[str, tuple[str, str, bool]]] = {}
        for lang in project.config.languages:
            path = project.catalog_path(statement.slug, lang)
            if lang == statement.lang or not path.is_file():
                continue
            shown = project.relative(path)
            found: dict[str, tuple[str, str, bool]] = {}
            for entry in catalog.read(path, display=shown):
                if _human(entry):
                    approved = catalog.state(entry) is catalog.State.APPROVED
                    origin = f"{shown}:{entry.linenum}"
                    found[entry.msgid] = (entry.msgstr, origin, approved)
                    memory.add(statement.lang, lang, Unit(entry.msgid, entry.msgstr, origin, approved))
            human[lang] = found
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
    if config.memory_dir is not None and config.memory_dir.is_dir():
        for path in sorted(config.memory_dir.glob("*.tmx")):
            origin = project.relative(path)
            for src, tgt, src_text, tgt_text in tmx.read(path):
                memory.add(src, tgt, Unit(src_text, tgt_text, origin))
    return memory, siblings


def import_tmx(project: Project, config: Settings, source: Path) -> Imported:
    """Check a TMX file and keep a copy in the memory directory, where every run reads it."""
    pairs = list(tmx.read(source))
    languages = tuple(sorted({lang for src, tgt, _, _ in pairs for lang in (src, tgt)}))
    directory = config.memory_dir or project.root / "memory"
    target = directory / source.name
    replaced = target.exists()
    storage.write_bytes(target, source.read_bytes())
    return Imported(target, len(pairs), languages, replaced)


def export_tmx(project: Project, config: Settings) -> tuple[str, int]:
    """The whole memory as a TMX document, and the number of units in it."""
    memory, _ = build_memory(project, config)
    units = memory.units()
    document = tmx.dumps(
        (src, tgt, unit.source, unit.target) for src, tgt, unit in units
    )
    return document, len(units)
