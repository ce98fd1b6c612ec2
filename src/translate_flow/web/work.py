"""A person's desk: the statements and languages assigned to them, with progress.

Assignments and pending entries come from `review.routing` (the same worklist
`tflow queue` prints); the progress of each catalog is counted here. Catalog
counts and segmented statements are cached by file stamp (inode, mtime, size),
so pages and saves stay quick with hundreds of statements.
"""

from __future__ import annotations

import threading
from pathlib import Path

from .. import catalog
from ..errors import TranslateFlowError
from ..project import Project
from ..review.people import Person
from ..review.routing import assignments_path, queue, read_assignments
from ..segment import Statement
from .view import JSON, progress

_Stamp = tuple[int, int, int]
_lock = threading.Lock()
_statements: dict[tuple[Path, str], tuple[_Stamp, Statement]] = {}
_desks: dict[tuple[Path, str], tuple[object, JSON]] = {}
_counts: dict[Path, tuple[_Stamp, JSON]] = {}


def _stamp(path: Path) -> _Stamp | None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return (info.st_ino, info.st_mtime_ns, info.st_size)


def statement_files(project: Project) -> dict[str, Path]:
    """Every statement file by slug."""
    return {project.slug(path): path for path in project.statement_files()}


def load_statement(project: Project, path: Path) -> Statement:
    """The segmented statement at `path`, segmented again only when the file changed."""
    stamp = _stamp(path)
    key = (path, project.config.source_language)
    with _lock:
        cached = _statements.get(key)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    found = project.load(path)
    if stamp is not None:
        with _lock:
            _statements[key] = (stamp, found)
    return found


def find_statement(project: Project, slug: str) -> Statement | None:
    """The statement `slug`, looked up among the project's files only (never a path)."""
    path = statement_files(project).get(slug)
    return load_statement(project, path) if path is not None else None


def title(project: Project, path: Path) -> str:
    try:
        return load_statement(project, path).title
    except TranslateFlowError:
        return project.slug(path)


def catalog_progress(project: Project, slug: str, lang: str) -> JSON | None:
    """Entries and words by state for one catalog; None when it is not extracted."""
    path = project.catalog_path(slug, lang)
    stamp = _stamp(path)
    if stamp is None:
        return None
    with _lock:
        cached = _counts.get(path)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    po = catalog.read(path, display=project.relative(path))
    counted = progress(po)
    # `weak_first` ranks weak drafts 0 (weakest first) and everything else 1.
    keys = [catalog.weak_first(e) for e in po if not e.obsolete and e.msgid]
    counted["weak_drafts"] = sum(1 for key in keys if key[0] == 0)
    counted["weakest"] = list(min(keys, default=(1, 0.0)))
    with _lock:
        _counts[path] = (stamp, counted)
    return counted


def _desk_key(project: Project, files: dict[str, Path]) -> tuple[tuple[Path, _Stamp | None], ...]:
    """The stamps of every file a worklist is made from."""
    paths = [project.config.path, assignments_path(project), *files.values()]
    paths += [project.catalog_path(slug, lang) for slug in files for lang in project.config.languages]
    return tuple((path, _stamp(path)) for path in paths)


def worklist(project: Project, person: Person) -> JSON:
    """What "My work" shows: assigned units first, then the rest of the person's languages.

    Made again only when a catalog, a statement, the assignments or the config
    changed, so the page's polling costs a few `stat` calls.
    """
    files = statement_files(project)
    key = _desk_key(project, files)
    with _lock:
        cached = _desks.get((project.root, person.name))
    if cached is not None and cached[0] == key:
        return cached[1]
    desk = _worklist(project, person, files)
    with _lock:
        _desks[(project.root, person.name)] = (key, desk)
    return desk


def _worklist(project: Project, person: Person, files: dict[str, Path]) -> JSON:
    pending: dict[tuple[str, str], dict[str, int]] = {}
    for row in queue(project, person.name)[0].summary():
        key = (row["statement"], row["lang"])
        found = pending.setdefault(key, {"entries": 0, "words": 0})
        found["entries"] += row["entries"]
        found["words"] += row["words"]
    assigned: list[JSON] = []
    seen: set[tuple[str, str]] = set()
    for item in read_assignments(project).items:
        roles = [role for role, name in (("translator", item.translator), ("reviewer", item.reviewer))
                 if name == person.name]
        if not roles or item.slug not in files:
            continue
        seen.add((item.slug, item.lang))
        assigned.append(_unit(project, files[item.slug], item.slug, item.lang, roles,
                              pending.get((item.slug, item.lang))))
    others: list[JSON] = []
    for slug, path in files.items():
        for lang in person.languages:
            if (slug, lang) in seen or not project.catalog_path(slug, lang).exists():
                continue
            others.append(_unit(project, path, slug, lang, [], None))
    return {"assigned": assigned, "others": others}


def _unit(project: Project, path: Path, slug: str, lang: str, roles: list[str],
          pending: dict[str, int] | None) -> JSON:
    return {
        "slug": slug,
        "title": title(project, path),
        "lang": lang,
        "roles": roles,
        "pending": pending or {"entries": 0, "words": 0},
        "progress": catalog_progress(project, slug, lang),
    }
