"""Golden triples, mdpo style: `golden/<feature>/source.md` + `ru.po` → `expected.md`.

Each directory is named for the feature it shows. The edition is built as a
draft, so that a translation the build refuses to publish shows as pending
source text; `expected-missing.txt`, when present, lists what was refused and
why (the edition is otherwise complete). Both are compared whole;
`pytest --regen-golden` rewrites them, and the diff is reviewed like code.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest

from translate_flow.editions.build import build_edition

from .shape import project_at, shape

GOLDEN = Path(__file__).parent / "golden"
FEATURES = sorted(path.name for path in GOLDEN.iterdir() if (path / "source.md").is_file())


def test_the_golden_features_are_all_there() -> None:
    assert {
        "nested-list", "blockquote-lazy", "table-escaped-pipe", "hard-break", "setext-heading",
        "front-matter", "multi-line-translation-in-list-item", "html-in-translation-escaped",
    } <= set(FEATURES)


def _compare(path: Path, found: str | None, regen: bool) -> None:
    if regen:
        if found is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(found.encode("utf-8"))
    expected = path.read_bytes().decode("utf-8") if path.exists() else None
    assert found == expected, f"{path.relative_to(GOLDEN)} differs; rerun with --regen-golden and review"


@pytest.mark.parametrize("feature", FEATURES)
def test_golden_edition(feature: str, tmp_path: Path, regen_golden: bool) -> None:
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

    built = build_edition(project, statement, "ru", draft=True, formats=("md",))
    edition = project.edition_path("ru", feature, ".md", draft=built.draft).read_bytes().decode("utf-8")
    missing = "".join(f"{m.reference}: {m.state}\n" for m in built.missing) or None
    _compare(case / "expected.md", edition, regen_golden)
    _compare(case / "expected-missing.txt", missing, regen_golden)
    assert shape(edition) == shape(statement.source)
