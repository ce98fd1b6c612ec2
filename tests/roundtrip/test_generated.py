"""Property tests: generated statements survive the round trip (see `documents.py`)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from translate_flow.catalog.extract import extract
from translate_flow.editions.assemble import assemble

from .documents import document
from .shape import (
    MARK, built_edition, fill_with_msgids, keep, load, project_at, reflowed, shape, source_lines,
    texts, wrapped,
)

def _unescaped(text: str) -> str:
    """The text without backslash escapes, which the edition adds where a line would start a block."""
    return re.sub(r"\\(?=[!-/:-@\[-`{-~])", "", text)


QUICK = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@QUICK
@given(document())
def test_generated_statement_is_rewritten_byte_for_byte_from_its_own_text(text: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        statement = load(Path(directory), text)
    assert assemble(statement, keep) == text
    assert assemble(statement, source_lines(statement)) == text


@QUICK
@given(document())
def test_translated_generated_statement_keeps_its_structure_and_reads_back_as_its_translations(
    text: str,
) -> None:
    with tempfile.TemporaryDirectory() as directory:
        statement = load(Path(directory), text)
        edition = assemble(statement, wrapped)
        reread = load(Path(directory), edition, "edition.md")
    assert shape(edition, inline=True) == shape(text, inline=True)
    assert all(MARK in found for found in texts(edition))
    assert [(s.kind, _unescaped(s.text)) for s in reread.segments] == [
        (s.kind, _unescaped(wrapped(s))) for s in statement.segments
    ]


@QUICK
@given(document())
def test_generated_statement_translated_on_new_lines_keeps_its_block_structure(text: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        statement = load(Path(directory), text)
    edition = assemble(statement, reflowed)
    assert shape(edition) == shape(text)
    assert all(MARK in found for found in texts(edition))


@SLOW
@given(document())
def test_generated_statement_builds_back_to_its_source_when_every_msgstr_is_its_msgid(text: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        project = project_at(Path(directory))
        path = project.config.statements_dir / "generated.md"
        path.write_bytes(text.encode("utf-8"))
        extract(project)
        fill_with_msgids(project.catalog_path("generated", "ru"))
        assert built_edition(project, project.load(path), "ru") == text
