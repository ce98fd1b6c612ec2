"""A leading BOM and NUL bytes: segments stay right and the round trip stays byte-exact."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from tests.conftest import require_program
from tests.spine.conftest import write_statement
from translate_flow import catalog
from translate_flow.editions.assemble import assemble

from .shape import load
from tests.spine.conftest import project, tflow  # noqa: F401  (fixtures)

SOURCE = "\ufeff---\ntitle: Peace\u0000 now\nlang: en\n---\n\n- item\u0000 one\n- two\n\nPara\u0000graph, and more.\n"


def test_a_nul_is_read_as_commonmark_reads_it_and_the_list_marker_stays_out(tmp_path: Path) -> None:
    statement = load(tmp_path, "- item\x00 one\n- two\n\n# Head\x00ing\n\n| a\x00 | b |\n| - | - |\n")
    assert [s.text for s in statement.segments] == ["item\ufffd one", "two", "Head\ufffding", "a\ufffd", "b"]


def test_a_statement_with_a_bom_and_nul_bytes_comes_back_byte_for_byte(tmp_path: Path) -> None:
    statement = load(tmp_path, SOURCE)
    assert assemble(statement, lambda seg: None) == SOURCE
    assert assemble(statement, lambda seg: seg.text.upper() if seg.text == "two" else None) == SOURCE.replace(
        "- two", "- TWO")


def test_a_bom_before_a_first_line_paragraph_keeps_its_columns(tmp_path: Path) -> None:
    statement = load(tmp_path, "\ufeffWar is peace.\n")
    assert [s.text for s in statement.segments] == ["War is peace."]
    assert assemble(statement, lambda seg: "Війна це мир.") == "\ufeffВійна це мир.\n"


def test_the_edition_of_a_statement_with_a_bom_and_nul_keeps_them(project: Path, tflow: Callable[..., Result]) -> None:
    path = write_statement(project, "peace.md", "")
    path.write_bytes(SOURCE.encode("utf-8"))
    assert tflow("extract").exit_code == 0
    po = project / "locales/uk/peace.po"
    subprocess.run([require_program("msgfmt"), "--check", "-o", "/dev/null", str(po)], check=True)
    with catalog.editing(po) as entries:
        for entry in entries:
            catalog.set_translation(entry, entry.msgid, "olena", "2026-11-20")
            catalog.approve(entry, "taras", "2026-11-24")
    result = tflow("build", "--lang", "uk")
    assert result.exit_code == 0, result.output
    edition = (project / "editions/uk/peace.md").read_bytes().decode("utf-8")
    assert edition.startswith(SOURCE.replace("lang: en", "lang: uk"))  # the edition names its language
    page = (project / "editions/uk/peace.html").read_text(encoding="utf-8")
    assert "\ufeff" not in page and "title: Peace" not in page
