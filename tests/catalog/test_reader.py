from __future__ import annotations

from pathlib import Path

import pytest

from translate_flow.catalog import io
from translate_flow.errors import CatalogError

HEADER = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085", "\x1c", "\x1d", "\x1e"])
def test_a_line_separator_inside_a_string_survives_reading_and_writing(separator: str, tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    text = HEADER + f'msgid "one{separator}two"\nmsgstr "один{separator}два"\n'
    path.write_text(text, encoding="utf-8")
    catalog = io.read(path)
    assert [(e.msgid, e.msgstr) for e in catalog] == [(f"one{separator}two", f"один{separator}два")]
    assert io.dumps(catalog) == text


def test_a_duplicate_msgid_is_an_error_naming_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    path.write_text(
        HEADER + '#. paragraph\nmsgid "War"\nmsgstr "Війна"\n\n# approved: olena\nmsgid "War"\nmsgstr "Війна!"\n',
        encoding="utf-8",
    )
    with pytest.raises(CatalogError) as caught:
        io.read(path, display="locales/uk/x.po")
    assert caught.value.render() == (
        "locales/uk/x.po:9: duplicate message definition (first at line 5); "
        "keep one of the two entries in a PO editor"
    )


def test_the_same_msgid_in_two_contexts_is_not_a_duplicate(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    path.write_text(
        HEADER + 'msgctxt "title"\nmsgid "War"\nmsgstr "Війна"\n\nmsgid "War"\nmsgstr "війна"\n', encoding="utf-8"
    )
    assert [(e.msgctxt, e.msgstr) for e in io.read(path)] == [("title", "Війна"), (None, "війна")]


def test_previous_fields_of_an_obsolete_entry_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    text = HEADER + '#, fuzzy\n#~| msgid "Stop the war"\n#~ msgid "Stop the wars"\n#~ msgstr "Зупиніть війну"\n'
    path.write_text(text, encoding="utf-8")
    catalog = io.read(path)
    assert [(e.obsolete, e.previous_msgid) for e in catalog] == [(1, "Stop the war")]
    assert io.dumps(catalog) == text
