"""Golden triples, mdpo style: `golden/<feature>/source.md` + `ru.po` → `expected.md`.

Each directory is named for the feature it shows. The edition is compared
whole; `pytest tests/roundtrip --regen-golden` rewrites the expected files,
and the diff is reviewed like code.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest

from .shape import built_edition, project_at, shape

GOLDEN = Path(__file__).parent / "golden"
FEATURES = sorted(path.name for path in GOLDEN.iterdir() if (path / "source.md").is_file())


def test_the_golden_features_are_all_there() -> None:
    assert {
        "nested-list", "blockquote-lazy", "table-escaped-pipe", "hard-break", "setext-heading",
        "front-matter", "multi-line-translation-in-list-item", "html-in-translation-escaped",
    } <= set(FEATURES)


@pytest.mark.parametrize("feature", FEATURES)
def test_golden_edition(feature: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    case = GOLDEN / feature
    project = project_at(tmp_path)
    source = project.config.statements_dir / f"{feature}.md"
    shutil.copyfile(case / "source.md", source)
    catalog = project.catalog_path(feature, "ru")
    catalog.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(case / "ru.po", catalog)
    statement = project.load(source)
    assert {e.msgid for e in polib.pofile(str(catalog)) if not e.obsolete} == {
        s.text for s in statement.segments
    }, "ru.po is out of step with how source.md is segmented"

    edition = built_edition(project, statement, "ru")
    expected = case / "expected.md"
    if request.config.getoption("--regen-golden", default=False):
        expected.write_bytes(edition.encode("utf-8"))
    assert edition == expected.read_bytes().decode("utf-8")
    assert shape(edition) == shape(statement.source)
