"""`editions/index.html`: every statement and the state of each of its editions.

Builds can be partial (one statement, one language), so what the index shows
is kept in `editions/manifest.json` and updated edition by edition.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import locales, storage
from ..project import Project
from .html import STYLE

if TYPE_CHECKING:
    from .build import Edition

MANIFEST = "manifest.json"


def _load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def update(project: Project, editions: list[Edition]) -> Path:
    """Record the built editions in the manifest and rewrite the index page."""
    base = project.config.editions_dir
    manifest_path = base / MANIFEST
    manifest = _load(manifest_path)
    for edition in editions:
        item = manifest.setdefault(edition.slug, {})
        item["title"] = edition.statement.title
        item["source"] = edition.statement.lang
        item["date"] = edition.statement.date.isoformat() if edition.statement.date else None
        langs = item.setdefault("editions", {})
        if edition.written:
            html_files = [p for p in edition.written if p.suffix == ".html"]
            langs[edition.lang] = {
                "status": "draft" if edition.draft else "complete",
                "pending": len(edition.missing),
                "signoff": edition.signoff,
                "href": html_files[0].relative_to(base).as_posix() if html_files else
                edition.written[0].relative_to(base).as_posix(),
            }
        else:
            langs[edition.lang] = {"status": "incomplete", "pending": len(edition.missing),
                                   "signoff": None, "href": None}
    storage.write_text(manifest_path, json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    page = base / "index.html"
    storage.write_text(page, render(project.config.languages, manifest))
    return page


def render(languages: tuple[str, ...], manifest: dict[str, Any]) -> str:
    head = "".join(f"<th>{escape(locales.name(lang))}</th>" for lang in languages)
    rows = []
    for slug in sorted(manifest, key=lambda s: (str(manifest[s].get("date") or ""), s), reverse=True):
        item = manifest[slug]
        cells = []
        for lang in languages:
            info = item.get("editions", {}).get(lang)
            if not info:
                cells.append('<td class="none">—</td>')
                continue
            status = info["status"]
            label = {"complete": "✓", "draft": f"draft ({info['pending']} pending)",
                     "incomplete": f"incomplete ({info['pending']} pending)"}[status]
            if lang == item.get("source"):
                label = "original"
            text = f'<a href="{escape(info["href"])}">{escape(label)}</a>' if info.get("href") else escape(label)
            if info.get("signoff"):
                text += f'<br><small class="signoff">approved: {escape(info["signoff"])}</small>'
            cells.append(f'<td class="{status}">{text}</td>')
        date = escape(item.get("date") or "")
        rows.append(f"<tr><th scope=\"row\">{escape(item.get('title') or slug)}<br><small>{date}</small></th>{''.join(cells)}</tr>")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Editions</title>\n<style>{STYLE}\nbody {{ max-width: 60rem; }}"
        " td.draft, td.incomplete { background: var(--mark); }"
        " th[scope=row] { text-align: left; } td { white-space: nowrap; } .signoff { white-space: normal; }</style>\n</head>\n<body>\n"
        "<h1>Editions</h1>\n<table>\n<thead><tr><th>Statement</th>"
        f"{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</body>\n</html>\n"
    )
