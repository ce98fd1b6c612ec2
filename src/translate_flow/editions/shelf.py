"""What is on the shelves after a build: `editions/` (published) and `drafts/`.

Builds can be partial (one statement, one language), so each shelf keeps a
`manifest.json` of the editions it holds, updated edition by edition. After a
build, every file of an edition that is no longer current (refused, moved to
the other shelf, left over from an older text, or of a removed statement) is
deleted, and the indexes (one per language and a root one) and the Atom feeds
are rewritten from the manifest, so nothing links to a file that is gone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import locales, storage, ui
from ..project import Project
from ..segment import SUFFIXES as STATEMENT_SUFFIXES
from . import feed, pages
from .model import Edition, Signoff

MANIFEST = "manifest.json"
PAGE_SUFFIXES = (".parallel.html", ".parallel.pdf", ".html", ".pdf")
FORMAT_OF = {".html": "html", ".pdf": "pdf", ".parallel.html": "parallel", ".parallel.pdf": "parallel"}
LISTS = ("index.html", "feed.atom")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Manifest:
    """The editions on one shelf, by statement slug and language."""

    root: Path
    draft: bool
    data: dict[str, dict[str, dict[str, Any]]]

    def record(self, slug: str, lang: str) -> dict[str, Any] | None:
        return self.data.get(slug, {}).get(lang)

    def languages(self, slug: str) -> set[str]:
        """The languages whose edition of `slug` is on this shelf, every file still there."""
        return {lang for lang, record in self.data.get(slug, {}).items()
                if all((self.root / name).is_file() for name in record["files"])}

    def formats(self, slug: str, lang: str) -> tuple[str, ...]:
        record = self.record(slug, lang)
        return tuple(record["formats"]) if record else ()

    def save(self) -> None:
        self.data = {slug: langs for slug, langs in self.data.items() if langs}
        text = json.dumps(self.data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
        storage.write_text(self.root / MANIFEST, text)


def shelf_root(project: Project, draft: bool) -> Path:
    return project.drafts_dir if draft else project.config.editions_dir


def load(project: Project, *, draft: bool) -> Manifest:
    root = shelf_root(project, draft)
    try:
        data = json.loads((root / MANIFEST).read_text("utf-8"))
    except (FileNotFoundError, ValueError):
        data = {}
    valid = isinstance(data, dict) and all(
        isinstance(langs, dict) and all(isinstance(r, dict) and "files" in r for r in langs.values())
        for langs in data.values())
    return Manifest(root, draft, data if valid else {})


def _signoff(record: dict[str, Any]) -> Signoff | None:
    found = record.get("signoff")
    if not found:
        return None
    return Signoff(tuple((str(p), str(d)) for p, d in found["people"]), str(found["digest"]),
                   tuple(str(line) for line in found.get("overrides", [])))


def _candidates(project: Project, slug: str, lang: str, draft: bool, suffix: str) -> set[Path]:
    return {project.edition_path(lang, slug, s, draft=draft) for s in (suffix, *PAGE_SUFFIXES)}


def _delete(paths: set[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def _file(project: Project, manifest: Manifest, edition: Edition, now: str) -> None:
    """Put an edition on the shelf, or take it off, deleting what is no longer current."""
    slug, lang, statement = edition.slug, edition.lang, edition.statement
    old = manifest.record(slug, lang)
    here = _candidates(project, slug, lang, manifest.draft, statement.suffix)
    if old:
        here |= {manifest.root / name for name in old["files"]}
    if not edition.written or edition.draft != manifest.draft:
        if edition.written or not manifest.draft:
            _delete(here)
            manifest.data.get(slug, {}).pop(lang, None)
        return
    text_digest = digest(edition.text)
    keep = set(edition.written)
    if old and old.get("digest") == text_digest:
        keep |= {manifest.root / name for name in old["files"] if (manifest.root / name).is_file()}
    _delete(here - keep)
    files = sorted(path.relative_to(manifest.root).as_posix() for path in keep)
    formats = {"md"} if any(not name.endswith(PAGE_SUFFIXES) for name in files) else set()
    formats |= {FORMAT_OF[s] for name in files for s in PAGE_SUFFIXES if name.endswith(s)}
    if any(name.endswith(".pdf") for name in files):
        formats.add("pdf")
    signoff = edition.signoff
    manifest.data.setdefault(slug, {})[lang] = {
        **{key: edition.meta[key] for key in ("title", "subtitle", "summary", "description") if edition.meta.get(key)},
        "title": edition.title,
        "original_title": statement.title,
        "author": str(statement.meta["author"]) if statement.meta.get("author") else None,
        "source": statement.lang,
        "date": statement.date.isoformat() if statement.date else None,
        "digest": text_digest,
        "updated": old["updated"] if old and old.get("digest") == text_digest and old.get("updated") else now,
        "files": files,
        "formats": sorted(formats),
        "pending": len(edition.missing),
        "signoff": {"people": [list(p) for p in signoff.people], "digest": signoff.digest,
                    "overrides": list(signoff.overrides)} if signoff else None,
    }


def _slug_of(name: str) -> str | None:
    for suffix in (*PAGE_SUFFIXES, *STATEMENT_SUFFIXES):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return None


def _sweep(project: Project, manifest: Manifest, slugs: set[str]) -> None:
    """Delete every edition file of a statement that no longer exists, and empty folders."""
    for slug in [s for s in manifest.data if s not in slugs]:
        for record in manifest.data.pop(slug).values():
            _delete({manifest.root / name for name in record["files"]})
    for lang in project.config.languages:
        folder = manifest.root / lang
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*"), reverse=True):
            name = path.relative_to(folder).as_posix()
            if path.is_dir():
                if not any(path.iterdir()):
                    path.rmdir()
                continue
            found = _slug_of(name)
            if name not in LISTS and found is not None and found not in slugs:
                path.unlink()


def update(project: Project, editions: list[Edition]) -> None:
    """After a build: file its editions on both shelves, clean up, rewrite indexes and feeds."""
    slugs = {project.slug(path) for path in project.statement_files()}
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    for draft in (False, True):
        manifest = load(project, draft=draft)
        for edition in editions:
            _file(project, manifest, edition, now)
        _sweep(project, manifest, slugs)
        if draft and not manifest.data:
            _delete({manifest.root / MANIFEST, manifest.root / "index.html"})
            continue
        manifest.save()
        if draft:
            _write_drafts_index(project, manifest)
        else:
            _write_indexes(project, manifest)


def _page_file(record: dict[str, Any]) -> str:
    files: list[str] = record["files"]
    plain = [name for name in files if name.endswith(".html") and not name.endswith(".parallel.html")]
    return plain[0] if plain else files[0]


def _rows(project: Project, manifest: Manifest) -> list[dict[str, Any]]:
    rows = []
    for slug, langs in manifest.data.items():
        any_record = next(iter(langs.values()))
        cells = []
        for lang in project.config.languages:
            record = langs.get(lang)
            cells.append({"href": _page_file(record), "lang": lang, "title": record["title"],
                          "original": lang == record["source"], "pending": record["pending"]}
                         if record else None)
        rows.append({"slug": slug, "title": any_record.get("original_title", any_record["title"]),
                     "source": any_record["source"],
                     "date": any_record["date"], "cells": cells})
    return sorted(rows, key=lambda row: (row["date"] or "", row["slug"]), reverse=True)


def _names(project: Project) -> dict[str, str]:
    return {code: locales.name(code) for code in project.config.languages}


def _write_drafts_index(project: Project, manifest: Manifest) -> None:
    lang = project.config.source_language
    storage.write_text(manifest.root / "index.html", pages.render(
        "drafts.html", lang, page_lang=lang, noindex=True, for_print=False, paper="A4",
        languages=project.config.languages, names=_names(project), rows=_rows(project, manifest),
    ))


def _items(project: Project, manifest: Manifest, lang: str) -> list[dict[str, Any]]:
    items = []
    for slug, langs in manifest.data.items():
        record = langs.get(lang)
        if record is None:
            continue
        here = lang
        files: list[str] = record["files"]
        labels = [(ui.tr(lang, "Markdown"), n) for n in files if n.endswith(STATEMENT_SUFFIXES)]
        labels += [(ui.tr(lang, "PDF"), n) for n in files if n.endswith(".pdf") and not n.endswith(".parallel.pdf")]
        labels += [(ui.tr(lang, "Parallel edition"), n) for n in files if n.endswith(".parallel.html")]
        labels += [(ui.tr(lang, "Parallel edition, PDF"), n) for n in files if n.endswith(".parallel.pdf")]
        signoff = _signoff(record)
        items.append({
            "slug": slug, "href": posixpath.relpath(_page_file(record), here), "title": record["title"],
            "subtitle": record.get("subtitle"), "summary": record.get("summary") or record.get("description"),
            "date": record["date"], "original": record["source"] == lang,
            "source_name": locales.name(record["source"], lang, capitalised=False),
            "formats": [(label, posixpath.relpath(name, here)) for label, name in labels],
            "approved": pages.approved_line(signoff, lang), "digest": signoff.digest if signoff else "",
            "overrides": signoff.overrides if signoff else (),
            "author": record.get("author"), "updated": record["updated"],
        })
    return sorted(items, key=lambda item: (item["date"] or "", item["slug"]), reverse=True)


def _write_indexes(project: Project, manifest: Manifest) -> None:
    names = _names(project)
    languages = project.config.languages
    for lang in languages:
        items = _items(project, manifest, lang)
        links = [(code, f"../{code}/index.html") for code in languages if code != lang]
        storage.write_text(manifest.root / lang / "index.html", pages.render(
            "index.html", lang, page_lang=lang, noindex=False, for_print=False, paper="A4",
            items=items, page_links=links, names=names,
        ))
        storage.write_bytes(manifest.root / lang / "feed.atom", feed.atom(project, lang, items))
    lang = project.config.source_language
    storage.write_text(manifest.root / "index.html", pages.render(
        "root.html", lang, page_lang=lang, noindex=False, for_print=False, paper="A4",
        languages=languages, names=names, rows=_rows(project, manifest),
        page_links=[(code, f"{code}/index.html") for code in languages],
    ))
