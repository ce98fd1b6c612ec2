"""Every example of the CommonMark specification survives the round trip.

The examples come from `data/commonmark-spec.json` (see `data/README.md`). An
example whose first line is `---` is given a front matter block first: in a
statement that line opens YAML front matter, so the example is its body.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from translate_flow.catalog.extract import extract
from translate_flow.editions.assemble import assemble
from translate_flow.project import Project

from .shape import (
    MARK, built_edition, fill_with_msgids, keep, load, project_at, reflowed, shape,
    source_lines, texts, wrapped,
)

SPEC = Path(__file__).parent / "data" / "commonmark-spec.json"
FRONT_MATTER = "---\ntitle: A CommonMark example\n---\n"

INLINE_XFAIL = {
    491: "a line break inside a `<…>` link destination is not a soft break, yet the msgid joins "
    "the lines with a space, which turns `[link](<foo\\nbar>)` into a link",
}


def _examples() -> list[dict[str, Any]]:
    examples: list[dict[str, Any]] = json.loads(SPEC.read_text(encoding="utf-8"))
    return examples


def _text(example: dict[str, Any]) -> str:
    markdown: str = example["markdown"]
    first = markdown.split("\n", 1)[0]
    return FRONT_MATTER + markdown if first.rstrip("\r") == "---" else markdown


def _params(xfail: dict[int, str] | None = None) -> list[Any]:
    params = []
    for example in _examples():
        number = example["example"]
        marks = [pytest.mark.xfail(reason=xfail[number], strict=True)] if xfail and number in xfail else []
        params.append(pytest.param(number, _text(example), id=f"{number:03d}", marks=marks))
    return params


def test_the_spec_data_is_complete() -> None:
    examples = _examples()
    assert len(examples) == 652
    assert [e["example"] for e in examples] == list(range(1, 653))


@pytest.mark.parametrize(("number", "text"), _params())
def test_spec_example_is_copied_when_nothing_is_translated(tmp_path: Path, number: int, text: str) -> None:
    statement = load(tmp_path, text)
    assert assemble(statement, keep) == text


@pytest.mark.parametrize(("number", "text"), _params())
def test_spec_example_is_rewritten_byte_for_byte_from_its_own_text(tmp_path: Path, number: int, text: str) -> None:
    statement = load(tmp_path, text)
    assert assemble(statement, source_lines(statement)) == text


@pytest.mark.parametrize(("number", "text"), _params(INLINE_XFAIL))
def test_translated_spec_example_keeps_its_block_and_inline_structure(
    tmp_path: Path, number: int, text: str
) -> None:
    edition = assemble(load(tmp_path, text), wrapped)
    assert shape(edition, inline=True) == shape(text, inline=True)
    assert all(MARK in found for found in texts(edition))


@pytest.mark.parametrize(("number", "text"), _params())
def test_spec_example_translated_on_new_lines_keeps_its_block_structure(
    tmp_path: Path, number: int, text: str
) -> None:
    edition = assemble(load(tmp_path, text), reflowed)
    assert shape(edition) == shape(text)
    assert all(MARK in found for found in texts(edition))


@pytest.fixture(scope="module")
def spec_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """One project holding every example as a statement, extracted, with msgstr = msgid in ru."""
    project = project_at(tmp_path_factory.mktemp("spec"))
    for example in _examples():
        path = project.config.statements_dir / f"example-{example['example']:03d}.md"
        path.write_bytes(_text(example).encode("utf-8"))
    extract(project)
    for path in sorted((project.config.locales_dir / "ru").glob("*.po")):
        fill_with_msgids(path)
    yield project


@pytest.mark.parametrize(("number", "text"), _params())
def test_spec_example_builds_back_to_its_source_when_every_msgstr_is_its_msgid(
    spec_project: Project, number: int, text: str
) -> None:
    path = spec_project.config.statements_dir / f"example-{number:03d}.md"
    statement = spec_project.load(path)
    assert built_edition(spec_project, statement, "ru") == text
