"""Segments kept from one run to the next (`.tflow/segments/`, derived, deletable).

Parsing a book-length statement is most of what `build` does after `extract`
has already parsed the same text; the segments are stored as JSON under a hash
of the source and of translate-flow's version, one file per statement.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .. import __version__, storage
from .model import Layout, Segment, Span


def _file(cache_dir: Path, slug: str) -> Path:
    name = hashlib.blake2b(slug.encode("utf-8"), digest_size=10).hexdigest()
    return cache_dir / "segments" / f"{name}.json"


def key(source: str, suffix: str) -> str:
    return hashlib.blake2b(f"{__version__}\x00{suffix}\x00{source}".encode("utf-8"), digest_size=16).hexdigest()


def recall(cache_dir: Path, slug: str, source_key: str) -> list[Segment] | None:
    """The segments stored for this exact source, or None."""
    try:
        data: dict[str, Any] = json.loads(_file(cache_dir, slug).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != source_key:
        return None
    try:
        return [
            Segment(text, kind, tuple(Span(*span) for span in spans), Layout(layout), continuation)
            for text, kind, spans, layout, continuation in data["segments"]
        ]
    except (KeyError, TypeError, ValueError):
        return None


def store(cache_dir: Path, slug: str, source_key: str, segments: list[Segment]) -> None:
    rows = [
        [s.text, s.kind, [[p.line, p.start, p.end] for p in s.spans], s.layout.value, s.continuation]
        for s in segments
    ]
    text = json.dumps({"key": source_key, "segments": rows}, ensure_ascii=False, separators=(",", ":"))
    storage.write_text(_file(cache_dir, slug), text)
