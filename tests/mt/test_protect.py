"""Markup and do-not-translate terms go behind placeholders and come back intact."""

from __future__ import annotations

import pytest

from translate_flow.mt.protect import missing, protect, restore


@pytest.mark.parametrize(
    "text",
    [
        "We **strongly** condemn [the war](https://example.org/a_(b)) and `rm -rf` <b>now</b>.",
        "See https://example.org/path?x=1, or write to a@b.org.",
        '![a photo](img.png "title") and [a reference][1] and <https://auto.link>',
        "Literal \\*stars\\* and snake_case_names and a * b.",
        "  leading and trailing whitespace\n",
    ],
)
def test_protect_then_restore_gives_back_the_text(text: str) -> None:
    protected = protect(text)
    assert restore(protected, protected.core) == text


def test_markup_is_hidden_from_the_engine() -> None:
    protected = protect("Read **this** at [our site](https://example.org) or `tflow run`.")
    assert protected.core == "Read ⟦1⟧this⟦2⟧ at ⟦3⟧our site⟦4⟧ or ⟦5⟧."
    assert "example.org" not in protected.core


def test_link_text_stays_translatable_but_its_target_does_not() -> None:
    protected = protect("[the war](https://example.org/war)")
    assert "the war" in protected.core
    assert "https" not in protected.core


def test_do_not_translate_terms_are_hidden_on_word_boundaries_only() -> None:
    protected = protect("Borotba and YPJ, not Borotbas", dnt=["Borotba", "YPJ"])
    assert protected.core == "⟦1⟧ and ⟦2⟧, not Borotbas"


def test_intraword_underscores_and_lone_asterisks_are_not_emphasis() -> None:
    protected = protect("snake_case and 2 * 3")
    assert protected.tokens == ()


def test_outer_whitespace_is_kept_aside_and_restored() -> None:
    protected = protect("\n  Hello world.  ")
    assert protected.core == "Hello world."
    assert restore(protected, "Привіт, світ.") == "\n  Привіт, світ.  "


def test_restore_glues_emphasis_back_to_its_word_when_the_engine_added_spaces() -> None:
    protected = protect("We **condemn** it.")
    assert restore(protected, "Ми ⟦1⟧ засуджуємо ⟦2⟧ це.") == "Ми **засуджуємо** це."


def test_restore_keeps_spaces_that_were_there_in_the_source() -> None:
    protected = protect("Run `make` now")
    assert restore(protected, "Запустіть ⟦1⟧ зараз") == "Запустіть `make` зараз"


def test_restore_accepts_placeholders_with_spaces_inside() -> None:
    protected = protect("Run `make` now")
    assert missing(protected, "Запустіть ⟦ 1 ⟧ зараз") is None
    assert restore(protected, "Запустіть ⟦ 1 ⟧ зараз") == "Запустіть `make` зараз"


def test_a_lost_placeholder_is_reported() -> None:
    protected = protect("Read **this** now")
    assert missing(protected, "Прочитайте ⟦1⟧це зараз") == "placeholder ⟦2⟧ missing"


def test_a_doubled_or_invented_placeholder_is_reported() -> None:
    protected = protect("Read **this** now")
    assert missing(protected, "⟦1⟧це⟦2⟧ ⟦2⟧") == "placeholder ⟦2⟧ repeated"
    assert missing(protected, "⟦1⟧це⟦2⟧ ⟦7⟧") == "unknown placeholder ⟦7⟧"


def test_text_of_only_markup_is_not_translatable() -> None:
    assert not protect("`make demo`").translatable
    assert not protect("https://example.org").translatable
    assert protect("Run `make`").translatable
