from __future__ import annotations

from pathlib import Path

import pytest

from translate_flow.errors import ConfigError
from translate_flow.glossary import Glossary, Term

from .support import glossary


def names(terms: list[Term]) -> list[str]:
    return [term.name for term in terms]


def test_load_missing_file_is_an_empty_glossary(tmp_path: Path) -> None:
    assert Glossary.load(tmp_path / "glossary.csv").terms == ()


def test_load_reads_terms_note_and_forbidden_variants(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    path.write_text(
        'en,uk,ru,note,forbidden\nUkraine,Україна,Украина,the country,"ru:на Украине; uk:Незалежна; Kiev"\n',
        encoding="utf-8",
    )
    (term,) = Glossary.load(path).terms
    assert term == Term(
        "Ukraine", "Україна", "Украина", "the country",
        (("ru", "на Украине"), ("uk", "Незалежна"), (None, "Kiev")),
    )


def test_load_accepts_a_byte_order_mark_from_spreadsheet_exports(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    path.write_bytes("\ufeffen,uk,ru,note,forbidden\nYPJ,YPJ,YPJ,,\n".encode())
    assert Glossary.load(path).dnt_terms() == ["YPJ"]


def test_load_accepts_columns_in_any_order_and_without_note_or_forbidden(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    path.write_text("ru,en,uk\nЛевый фронт,Left Front,Лівий фронт\n", encoding="utf-8")
    (term,) = Glossary.load(path).terms
    assert (term.en, term.uk, term.ru, term.forbidden) == ("Left Front", "Лівий фронт", "Левый фронт", ())


def test_malformed_row_is_a_config_error_naming_path_and_line(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    path.write_text("en,uk,ru,note,forbidden\nNATO,НАТО,НАТО,,\n\nKyiv,Київ,Киев,,Kiev,extra\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        Glossary.load(path)
    assert str(caught.value).startswith(f"{path}:4: expected 5 cells")


def test_row_without_any_term_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    path.write_text("en,uk,ru,note,forbidden\n,,,just a note,\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r":2: the row has no term"):
        Glossary.load(path)


def test_unknown_language_prefix_in_forbidden_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    path.write_text("en,uk,ru,note,forbidden\nKyiv,Київ,Киев,,de:Kiew\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r":2: forbidden variant 'de:Kiew': unknown language 'de'"):
        Glossary.load(path)


def test_misspelt_column_is_a_config_error_on_the_header_line(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    path.write_text("en,uk,ru,note,forbiden\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r":1: unknown column 'forbiden'"):
        Glossary.load(path)


def test_not_utf8_is_a_config_error_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    path.write_bytes("en,uk,ru\nKyiv,Київ,Киев\n".encode("cp1251"))
    with pytest.raises(ConfigError, match=r":2: not UTF-8"):
        Glossary.load(path)


def test_unclosed_quote_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    path.write_text('en,uk,ru\nKyiv,"Київ,Киев\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"malformed CSV"):
        Glossary.load(path)


def test_term_with_the_same_text_everywhere_is_do_not_translate() -> None:
    assert Term("YPJ", "YPJ", "YPJ").dnt
    assert Term("Borotba", "", "Borotba").dnt


def test_term_with_one_form_or_different_forms_is_translated() -> None:
    assert not Term("NATO", "НАТО", "НАТО").dnt
    assert not Term("Maidan", "", "").dnt


def test_forbidden_for_gives_language_variants_and_unprefixed_ones() -> None:
    term = Term("Kyiv", "Київ", "Киев", "", (("ru", "Кіев"), (None, "Kiev")))
    assert term.forbidden_for("ru") == ("Кіев", "Kiev")
    assert term.forbidden_for("uk") == ("Kiev",)


def test_text_is_empty_for_a_language_without_a_column() -> None:
    assert Term("Kyiv", "Київ", "Киев").text("de") == ""


def test_terms_in_finds_ukrainian_inflected_forms() -> None:
    text = "Ми в Україні, у Києві та в Донецькій Народній Республіці."
    assert names(glossary().terms_in(text, "uk")) == ["Ukraine", "Kyiv", "Donetsk People's Republic"]


def test_terms_in_finds_russian_inflected_forms() -> None:
    text = "Левого фронта нет в Киеве и в Донецкой Народной Республике."
    assert names(glossary().terms_in(text, "ru")) == ["Left Front", "Kyiv", "Donetsk People's Republic"]


def test_terms_in_finds_ukrainian_consonant_alternation() -> None:
    terms = glossary("en,uk,ru\nRepublic,Республіка,Республика\n")
    assert names(terms.terms_in("у Республіці", "uk")) == ["Republic"]


def test_terms_in_is_case_insensitive_and_takes_english_plurals() -> None:
    terms = glossary("en,uk,ru\nparty,партія,партия\n")
    assert names(terms.terms_in("The Parties and the PARTY", "en")) == ["party"]


def test_terms_in_respects_word_boundaries() -> None:
    terms = glossary("en,uk,ru\nwar,війна,война\n")
    assert terms.terms_in("Software and warfare", "en") == []


def test_terms_in_does_not_take_lowercase_us_for_the_acronym_us() -> None:
    assert names(glossary().terms_in("Tell us about the US", "en")) == ["US"]
    assert glossary().terms_in("Tell us about it", "en") == []


def test_terms_in_finds_a_term_nested_in_a_longer_one() -> None:
    terms = glossary("en,uk,ru\nDonetsk People's Republic,,\nRepublic,,\n")
    assert names(terms.terms_in("the Donetsk People’s Republic", "en")) == ["Donetsk People's Republic", "Republic"]


def test_terms_in_requires_the_words_of_a_term_together() -> None:
    assert glossary().terms_in("the Left, a Front", "en") == []


def test_terms_in_ignores_quotation_marks_inside_a_term() -> None:
    assert names(glossary().terms_in("батальйону Азов", "uk")) == ["Azov Battalion"]


def test_contains_matches_the_requested_language_only() -> None:
    terms = glossary()
    kyiv = terms.terms[1]
    assert terms.contains("до Києва", "uk", kyiv)
    assert not terms.contains("до Києва", "ru", kyiv)


def test_forbidden_in_finds_language_specific_and_general_variants() -> None:
    found = glossary().forbidden_in("Они были на Украине и в Kiev.", "ru")
    assert [variant for _, variant in found] == ["на Украине", "Kiev"]


def test_forbidden_in_ignores_a_variant_forbidden_for_another_language() -> None:
    assert glossary().forbidden_in("Вони були на Украине.", "uk") == []


def test_forbidden_in_finds_inflected_forbidden_variants() -> None:
    assert [v for _, v in glossary().forbidden_in("Вони проти призову.", "uk")] == ["призов"]


def test_dnt_terms_lists_the_do_not_translate_names() -> None:
    assert glossary().dnt_terms() == ["YPJ"]
