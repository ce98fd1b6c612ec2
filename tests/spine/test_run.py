from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from tests.spine.conftest import write_statement


def test_run_goes_from_statement_to_draft_editions(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "war.md", "# Against the war\n\nWe condemn the war of 2022.\n")
    result = tflow("run")
    assert result.exit_code == 0, result.output
    for step in ("[1/5] tflow extract", "[2/5] tflow pretranslate", "[3/5] tflow check",
                 "[4/5] tflow status", "[5/5] tflow build --draft"):
        assert step in result.output
    assert (project / "locales/uk/war.po").is_file()
    assert (project / "drafts/uk/war.html").is_file()
    assert "uk/war.html" in (project / "drafts/index.html").read_text(encoding="utf-8")
    assert "uk/war.html" not in (project / "editions/index.html").read_text(encoding="utf-8")


def test_run_counts_check_problems_without_failing(project: Path, tflow: Callable[..., Result]) -> None:
    import polib

    write_statement(project, "war.md", "We condemn the war of 2022.\n")
    tflow("extract")
    catalog = polib.pofile(str(project / "locales/uk/war.po"))
    catalog[0].msgstr = "Ми засуджуємо війну 2023 року."
    catalog.save()
    result = tflow("run")
    assert result.exit_code == 0
    assert "2 errors (numbers 2)" in result.output
