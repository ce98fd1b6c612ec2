"""Statements → segments: the units translators see, with their source positions.

`load` reads a statement file (Markdown with YAML front matter, or plain text),
checks its encoding and language, and cuts it into `Segment`s.
"""

from __future__ import annotations

from pathlib import Path

from .. import locales
from ..errors import StatementError
from . import cache, frontmatter, language, markdown, text
from .model import BOM, Layout, Segment, Span, Statement, split_lines

__all__ = ["Layout", "Segment", "Span", "Statement", "load", "read_source", "split_lines", "SUFFIXES", "BOM", "commonmark_text"]

SUFFIXES = (".md", ".markdown", ".txt")


def read_source(path: Path, display: Path | None = None) -> str:
    """The text of a statement, or a StatementError naming the line that is not UTF-8."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise StatementError(f"cannot read the statement: {exc.strerror}", path=display or path) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise StatementError(
            f"not UTF-8 (byte 0x{raw[exc.start]:02x}); convert it, e.g. "
            f"`iconv -f cp1251 -t utf-8`",
            path=display or path,
            line=line,
        ) from None


def commonmark_text(source: str) -> str:
    """The text segments are cut from: without a leading BOM, NUL as U+FFFD (as CommonMark reads it).

    The statement keeps its own bytes; an edition puts the BOM back, and an
    untranslated segment keeps the source's NUL, so the round trip stays exact
    while catalogs never hold a NUL (gettext strings cannot).
    """
    return source.removeprefix(BOM).replace("\x00", "\ufffd")


def load(path: Path, *, slug: str, default_lang: str, display_path: Path | None = None,
         cache_dir: Path | None = None, languages: tuple[str, ...] = ()) -> Statement:
    """Read and segment one statement (with `cache_dir`, reusing the last run's segments).

    A statement without `lang:` whose text is clearly in another of `languages`
    than `default_lang` is refused rather than taken for the default.
    """
    shown = display_path or path
    source = read_source(path, shown)
    lines = split_lines(commonmark_text(source))
    count, meta = frontmatter.split(lines, shown)
    lang = meta.get("lang", default_lang)
    allowed = languages or (default_lang,)
    if not isinstance(lang, str) or lang not in allowed:
        line = next((i + 1 for i, l in enumerate(lines[:count]) if l.startswith("lang:")), 1)
        base = lang.replace("_", "-").split("-")[0].lower() if isinstance(lang, str) else ""
        hint = f"write `lang: {base}`" if base in allowed else f"use one of {', '.join(allowed)}"
        if not isinstance(lang, str) or not locales.is_known(lang):
            problem = f"unknown language {lang!r} in front matter"
        else:
            problem = f"language {lang!r} in front matter is not one of [project] languages"
        raise StatementError(f"{problem}; {hint}", path=shown, line=line)
    kind = "text" if path.suffix == ".txt" else "markdown"
    source_key = cache.key(source, path.suffix)
    found = cache.recall(cache_dir, slug, source_key) if cache_dir is not None else None
    if found is None:
        found = frontmatter.segments(lines, count, meta)
        if kind == "text":
            found += text.segments(lines, count)
        else:
            body = "\n" * count + "".join(lines[count:])
            found += markdown.segments(body, lines)
        if cache_dir is not None:
            cache.store(cache_dir, slug, source_key, found)
    if "lang" not in meta and languages:
        _require_default_language(found, default_lang, languages, shown, cache_dir, source_key)
    return Statement(shown, slug, lang, kind, source, meta, tuple(found))


def _require_default_language(found: list[Segment], default_lang: str, languages: tuple[str, ...],
                              shown: Path, cache_dir: Path | None, source_key: str) -> None:
    text = "\n".join(segment.text for segment in found)
    guess = language.remembered(cache_dir, source_key, text, languages)
    if guess is not None and guess.lang != default_lang:
        raise StatementError(
            f"no `lang:` in front matter and the text reads as {locales.english_name(guess.lang)}, "
            f"not {locales.english_name(default_lang)} (source_language); "
            f"add front matter `lang: {guess.lang}`",
            path=shown, line=1,
        )
