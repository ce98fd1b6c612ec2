"""Single behaviours of segmenting and reassembly that the broad round-trip tests found."""

from __future__ import annotations

from pathlib import Path

import pytest

from translate_flow.editions.assemble import assemble

from .shape import load, shape


def _translate(tmp_path: Path, text: str, translations: dict[str, str]) -> str:
    statement = load(tmp_path, text)
    return assemble(statement, lambda seg: translations.get(seg.text))


def test_setext_heading_is_a_segment(tmp_path: Path) -> None:
    statement = load(tmp_path, "Neither imperialism\nnor war\n===\n\nText.\n")
    assert [(s.text, s.kind) for s in statement.segments] == [
        ("Neither imperialism nor war", "heading"), ("Text.", "paragraph"),
    ]


def test_table_cells_inside_a_quote_or_list_item_leave_the_markers_alone(tmp_path: Path) -> None:
    text = "> | a | b |\n> | - | - |\n> | c | d |\n\n- | e |\n  | - |\n  | f |\n"
    statement = load(tmp_path, text)
    assert [s.text for s in statement.segments] == ["a", "b", "c", "d", "e", "f"]
    edition = assemble(statement, lambda seg: seg.text.upper())
    assert edition == "> | A | B |\n> | - | - |\n> | C | D |\n\n- | E |\n  | - |\n  | F |\n"


def test_a_pipe_after_a_backslash_stays_in_its_cell_as_markdown_it_reads_it(tmp_path: Path) -> None:
    statement = load(tmp_path, "| a \\\\| b | c |\n| - | - |\n")
    assert [s.text for s in statement.segments] == ["a \\\\| b", "c"]


def test_atx_heading_in_a_quote_is_found_after_the_quote_marker(tmp_path: Path) -> None:
    assert _translate(tmp_path, "> # >\n\n- # -\n", {">": "Ж", "-": "Ю"}) == "> # Ж\n\n- # Ю\n"


def test_translation_keeps_an_autolink_or_inline_html_at_the_start_of_a_line(tmp_path: Path) -> None:
    text = "Read <https://example.org> and <em>this</em>\nnow.\n"
    translations = {"Read <https://example.org> and <em>this</em> now.": "<https://example.org>\n<em>это</em> читайте."}
    assert _translate(tmp_path, text, translations) == "<https://example.org>\n<em>это</em> читайте.\n"


def test_translation_lines_that_would_start_a_block_are_escaped_and_only_those(tmp_path: Path) -> None:
    translations = {"Our demands.": "1. Мир.\n2. Хлеб.\n- Земля.\n--\n# Всё"}
    edition = _translate(tmp_path, "Our demands.\n", translations)
    assert edition == "1\\. Мир.\n2. Хлеб.\n\\- Земля.\n\\--\n\\# Всё\n"
    assert shape(edition) == shape("Our demands.\n")


def test_blank_lines_of_a_translation_do_not_split_its_list_item(tmp_path: Path) -> None:
    edition = _translate(tmp_path, "- One.\n- Two.\n", {"One.": "Один.\n\n  \nи всё."})
    assert edition == "- Один.\n  и всё.\n- Two.\n"


def test_continuation_of_a_list_item_in_a_quote_without_a_space_stays_in_the_item(tmp_path: Path) -> None:
    text = ">- One.\n"
    edition = _translate(tmp_path, text, {"One.": "Один,\n2) два."})
    assert edition == ">- Один,\n>   2) два.\n"
    assert shape(edition) == shape(text)


def test_a_changed_line_of_a_lazy_paragraph_gets_the_quote_marker(tmp_path: Path) -> None:
    text = "> Workers,\nunite!\n"
    edition = _translate(tmp_path, text, {"Workers, unite!": "Workers,\n2) соединяйтесь!"})
    assert edition == "> Workers,\n> 2) соединяйтесь!\n"
    assert shape(edition) == shape(text)


def test_translation_equal_to_its_source_lines_keeps_their_layout(tmp_path: Path) -> None:
    text = "> Workers  \nof the world,\n    unite!\n"
    translations = {"Workers  \nof the world, unite!": "Workers  \nof the world,\nunite!"}
    assert _translate(tmp_path, text, translations) == text


def test_heading_translation_that_ends_in_hashes_keeps_them_as_text(tmp_path: Path) -> None:
    assert _translate(tmp_path, "# Title\n", {"Title": "#"}) == "# \\#\n"
    assert _translate(tmp_path, "# Title #\n", {"Title": "C #"}) == "# C # #\n"


def test_last_line_of_a_setext_heading_translation_does_not_head_a_table(tmp_path: Path) -> None:
    text = "Workers and soldiers\n--\n"
    edition = _translate(tmp_path, text, {"Workers and soldiers": "Рабочие\n| солдаты"})
    assert edition == "Рабочие\n    | солдаты\n--\n"
    assert shape(edition) == shape(text)
    edition = _translate(tmp_path, text, {"Workers and soldiers": "Рабочие \\| солдаты"})
    assert edition == "Рабочие &#124; солдаты\n--\n"
    assert shape(edition) == shape(text)


def test_plain_text_edition_takes_translation_lines_as_they_are(tmp_path: Path) -> None:
    statement = load(tmp_path, "Our demands\n\nPeace, bread\nand land.\n", "statement.txt")
    translations = {"Our demands": "# Наши требования", "Peace, bread and land.": "1. Мир,\n- хлеб\nи земля."}
    edition = assemble(statement, lambda seg: translations.get(seg.text))
    assert edition == "# Наши требования\n\n1. Мир,\n- хлеб\nи земля.\n"


def test_setext_heading_with_crlf_and_a_pipe_keeps_its_underline(tmp_path: Path) -> None:
    text = "> Workers\r\n> ---\r\n"
    edition = _translate(tmp_path, text, {"Workers": "Рабочие\n| солдаты"})
    assert edition == "> Рабочие\r\n>     | солдаты\r\n> ---\r\n"
    assert shape(edition) == shape(text)


@pytest.mark.parametrize("separator", ["\f", "\u2028", "\x85"])
def test_a_unicode_line_separator_inside_a_paragraph_loses_no_text(tmp_path: Path, separator: str) -> None:
    text = f"foo{separator}bar\n\n# baz qux\n"
    statement = load(tmp_path, text)
    assert [s.text for s in statement.segments] == [f"foo{separator}bar", "baz qux"]

