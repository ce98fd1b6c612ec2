"""What the round-trip tests compare: statements, renders, block shapes, projects.

A statement's *shape* is what markdown-it (CommonMark + tables, the parser the
segmenter uses) makes of its body, with the text left out: block tokens with
their types, nesting, heading levels, list markers, start numbers, tightness,
and the untouched content of code and HTML blocks. A translated edition must
have the shape of its source.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import polib
from click.testing import CliRunner
from markdown_it import MarkdownIt

from translate_flow import segment
from translate_flow.cli import cli
from translate_flow.editions.build import build_edition
from translate_flow.project import Project
from translate_flow.segment import Layout, Segment, Statement

PARSER = MarkdownIt("commonmark").enable("table")
MARK = "Ж"

Shape = list[tuple[object, ...]]
Render = Callable[[Segment], "str | None"]


def load(directory: Path, text: str, name: str = "statement.md") -> Statement:
    """The statement a file holding exactly `text` (as UTF-8 bytes) is read as."""
    path = directory / name
    path.write_bytes(text.encode("utf-8"))
    return segment.load(path, slug=path.stem, default_lang="en")


def body(text: str) -> str:
    """The Markdown after the YAML front matter, as markdown-it would see the statement."""
    lines = text.splitlines(keepends=True)
    if lines and lines[0].rstrip("\r\n") == "---":
        for index in range(1, len(lines)):
            if lines[index].rstrip("\r\n") in ("---", "..."):
                return "".join(lines[index + 1 :])
    return text


def shape(text: str, *, inline: bool = False) -> Shape:
    """The block structure of a statement's body; with `inline`, its inline markup too."""
    found: Shape = []
    for token in PARSER.parse(body(text)):
        if token.type == "inline":
            if inline:
                children = token.children or []
                found.append(("inline", *(c.type for c in children if c.type not in ("text", "softbreak"))))
            continue
        verbatim = token.content if token.type in ("fence", "code_block", "html_block") else None
        found.append(
            (token.type, token.tag, token.nesting, token.level, token.markup, token.info,
             token.attrGet("start"), token.attrGet("style"), token.hidden, verbatim)
        )
    return found


def texts(text: str) -> list[str]:
    """The inline content of every paragraph, heading and table cell of a statement's body."""
    return [t.content for t in PARSER.parse(body(text)) if t.type == "inline" and t.content.strip()]


def keep(segment: Segment) -> None:
    return None


def source_lines(statement: Statement) -> Render:
    """Each segment's own source text, on the source's lines (soft breaks as newlines).

    Lines keep their trailing blanks, so that `\\ ` at the end of a line stays a
    backslash and not a hard break. For a segment without soft line breaks this
    is exactly `segment.text`.
    """
    lines = [line.rstrip("\r\n") for line in statement.source.splitlines(keepends=True)]

    def render(seg: Segment) -> str | None:
        if seg.layout is Layout.YAML:
            return None  # a front-matter value is rewritten as a YAML string; see the golden files
        *inner, last = seg.spans
        pieces = [lines[span.line][span.start :] for span in inner]
        return "\n".join([*pieces, lines[last.line][last.start : last.end]])

    return render


def wrapped(seg: Segment) -> str:
    """A visibly different translation that keeps the text's inline markup."""
    return f"{MARK} {seg.text} {MARK}"


def reflowed(seg: Segment) -> str:
    """The text broken onto new lines at every other run of spaces, marked at both ends.

    Hard breaks stay; new lines never follow a backslash (that would make a hard
    break). Words that start a new line may look like block starts (`1.`, `-`,
    `#`, `>`, `<div>`): the edition must keep them inside their block.
    """
    parts = re.split(r"( +)", seg.text)
    out = parts[0]
    for count, index in enumerate(range(1, len(parts), 2)):
        gap, word = parts[index], parts[index + 1]
        breakable = word and not out.endswith(("\\", "\n")) and not word.startswith("\n")
        out += ("\n" if breakable and count % 2 == 0 else gap) + word
    return f"{MARK} {out} {MARK}"


def project_at(directory: Path) -> Project:
    """A project made by `tflow init`, publishing translated (not only approved) entries."""
    result = CliRunner().invoke(cli, ["init", str(directory)])
    assert result.exit_code == 0, result.output
    config = directory / "translate-flow.toml"
    config.write_text(config.read_text().replace('require = "approved"', 'require = "translated"'))
    return Project.open(directory)


def fill_with_msgids(path: Path) -> None:
    """Translate every entry of a catalog by its own msgid, as a translator who changes nothing."""
    catalog = polib.pofile(str(path))
    for entry in catalog:
        entry.msgstr = entry.msgid
    catalog.save()


def built_edition(project: Project, statement: Statement, lang: str) -> str:
    edition = build_edition(project, statement, lang, formats=("md",))
    assert not edition.missing, edition.missing
    text = project.edition_path(lang, statement.slug, statement.suffix).read_bytes().decode("utf-8")
    # The identity round trip holds with the edition's language equal to the source's.
    has_front_matter = re.match(r"---(\r\n|\r|\n)", statement.source) and any(
        s.layout is Layout.YAML for s in statement.segments) or statement.meta
    if has_front_matter:
        own = re.compile(rf"^lang: {lang}(\r\n|\r|\n)", re.M)
        assert own.search(text), "the edition's front matter must say its own language"
        back = f"lang: {statement.lang}\\1" if statement.meta.get("lang") else ""
        text = own.sub(back, text, count=1)
    return text
