from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from click.testing import Result

from tests.conftest import require_program
from tests.spine.conftest import write_statement
from translate_flow import locales

STATEMENT = "---\ntitle: Peace\nlang: en\n---\n\nWe condemn the war.\n"


@pytest.mark.parametrize("lang", ["uk", "ru", "en", "fr", "pt_BR", "pl", "sl", "ja"])
def test_plural_forms_are_what_msginit_writes(lang: str, tmp_path: Path) -> None:
    require_program("msginit")
    pot = tmp_path / "x.pot"
    pot.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8")
    made = tmp_path / "x.po"
    subprocess.run(
        ["msginit", "--no-translator", "--no-wrap", "-l", f"{lang}.UTF-8", "-i", str(pot), "-o", str(made)],
        check=True, capture_output=True, env={"PATH": "/usr/bin:/bin", "GETTEXTCLDRDIR": "/nonexistent"},
    )
    assert polib.pofile(str(made)).metadata["Plural-Forms"] == locales.plural_forms(lang.replace("_", "-"))


def test_extract_keeps_header_fields_a_translator_or_editor_set(
    project: Path, tflow: Callable[..., Result]
) -> None:
    write_statement(project, "peace.md", STATEMENT)
    assert tflow("extract").exit_code == 0
    path = project / "locales/uk/peace.po"
    catalog = polib.pofile(str(path))
    catalog.metadata["Language-Team"] = "Ukrainian team <uk@example.org>"
    catalog.metadata["X-Generator"] = "Poedit 3.4.2"
    catalog.metadata["X-Poedit-SourceCharset"] = "UTF-8"
    catalog.save()
    write_statement(project, "peace.md", STATEMENT + "\nAnd a new paragraph.\n")
    assert tflow("extract").exit_code == 0
    after = polib.pofile(str(path)).metadata
    assert after["Language-Team"] == "Ukrainian team <uk@example.org>"
    assert after["X-Generator"] == "Poedit 3.4.2"
    assert after["X-Poedit-SourceCharset"] == "UTF-8"
    assert after["Plural-Forms"] == locales.plural_forms("uk")
