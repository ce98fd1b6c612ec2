"""`tflow extract`: statements → template and one catalog per target language.

A run that finds nothing to change writes nothing, not even header dates. A
stamp in `.tflow/` (derived, deletable) records the statement's hash and the
catalogs' sizes and times as last written, so an unchanged statement is
skipped without parsing anything.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import polib

from .. import __version__, storage
from ..project import Project
from ..segment import Statement
from . import io, merge, template

STAMP_NAME = "extract-stamp.json"
_DATE_HEADER = re.compile(r'^"POT-Creation-Date: ([^\\]*)\\n"$', re.MULTILINE)


@dataclass(frozen=True)
class Outcome:
    """What extract did (or, with check, would do) to one file."""

    path: Path
    changed: bool


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def _file_state(path: Path) -> list[int] | None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return [info.st_mtime_ns, info.st_size]


class _Stamp:
    def __init__(self, project: Project) -> None:
        self.path = project.config.cache_dir / STAMP_NAME
        try:
            self.data: dict[str, dict[str, object]] = json.loads(self.path.read_text("utf-8"))
        except (FileNotFoundError, ValueError):
            self.data = {}

    @staticmethod
    def key(project: Project, source: bytes, outputs: list[Path]) -> dict[str, object]:
        digest = hashlib.sha256(source)
        digest.update(f"{__version__}|{project.config.languages}|{project.config.source_language}".encode())
        return {
            "source": digest.hexdigest(),
            # Relative to the project, so a copy of the project (`cp -a`) checks its own files.
            "files": {project.relative(p): _file_state(p) for p in outputs},
        }

    def fresh(self, slug: str, project: Project, source: bytes) -> list[Path] | None:
        """The recorded outputs when neither the source nor any output changed since."""
        entry = self.data.get(slug)
        recorded = entry.get("files") if isinstance(entry, dict) else None
        if not isinstance(recorded, dict):
            return None
        files = [project.root / p for p in recorded]
        return files if entry == self.key(project, source, files) else None

    def record(self, slug: str, key: dict[str, object]) -> None:
        self.data[slug] = key

    def save(self) -> None:
        storage.write_text(self.path, json.dumps(self.data, indent=1, sort_keys=True))


def outputs(project: Project, statement: Statement) -> list[Path]:
    paths = [project.template_path(statement.slug)]
    paths += [project.catalog_path(statement.slug, lang) for lang in project.target_languages(statement)]
    return paths


def _update_template(project: Project, statement: Statement, check: bool, now: str) -> tuple[Outcome, polib.POFile]:
    path = project.template_path(statement.slug)
    old = _read_text(path)
    match = _DATE_HEADER.search(old) if old else None
    created = match.group(1) if match else now
    pot = template.template(statement, created)
    text = io.dumps(pot)
    if text != old and match is not None:
        pot.metadata["POT-Creation-Date"] = now
        pot.metadata["PO-Revision-Date"] = now
        text = io.dumps(pot)
    changed = text != old
    if changed and not check:
        storage.write_text(path, text)
    return Outcome(path, changed), pot


def _update_catalog(
    project: Project, statement: Statement, pot: polib.POFile, lang: str, check: bool
) -> Outcome:
    path = project.catalog_path(statement.slug, lang)
    display = project.relative(path)
    with contextlib.nullcontext() if check else storage.lock(path):
        old = _read_text(path)
        existing = io.parse(old, path, display) if old is not None else None
        catalog = merge.update(pot, existing, statement.lang)
        revised = pot.metadata["POT-Creation-Date"]
        translator = ""
        if existing is not None:
            revised = existing.metadata.get("PO-Revision-Date", revised)
            translator = existing.metadata.get("Last-Translator", "")
        template.localise_header(catalog, lang, revised, translator,
                                 existing.metadata if existing is not None else None)
        text = io.dumps(catalog)
        changed = text != old
        if changed and not check:
            storage.write_text(path, text)
    return Outcome(path, changed)


def extract(project: Project, names: tuple[str, ...] | list[str] = (), *, check: bool = False,
            now: str | None = None) -> list[Outcome]:
    """Bring templates and catalogs up to date; with `check`, only report what would change."""
    stamp = _Stamp(project)
    moment = now or template.timestamp()
    results: list[Outcome] = []
    # Every statement is read (and refused, when it must be) before anything is
    # written: one bad statement leaves the whole project as it was.
    pending: list[tuple[bytes, Statement]] = []
    for source_path in project.resolve(names):
        source = source_path.read_bytes()
        recorded = stamp.fresh(project.slug(source_path), project, source)
        if recorded is not None:
            results += [Outcome(p, False) for p in recorded]
            continue
        pending.append((source, project.load(source_path)))
    for source, statement in pending:
        files = outputs(project, statement)
        outcome, pot = _update_template(project, statement, check, moment)
        results.append(outcome)
        for lang in project.target_languages(statement):
            results.append(_update_catalog(project, statement, pot, lang, check))
        if not check:
            stamp.record(statement.slug, _Stamp.key(project, source, files))
    if not check:
        stamp.save()
    return results
