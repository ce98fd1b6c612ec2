from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from translate_flow.checks.inline import Inline, parse, parse_markdown

# Characters near every CommonMark rule: the fast path must hand each text that
# holds markup to the parser, and read every other text exactly as the parser does.
PIECES = ["*", "_", "`", "[", "]", "(", ")", "!", "<", ">", "&", "amp;", "#", "\\", "\n", "\r", "\x00", " ",
          "  ", "\t", "-", "+", "~", ":", "https://x.org", "a@b.org", "=", "|", "\u00a0", "\u2028", "1.", ">", "#"]


def texts() -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=14).map("".join)


@settings(max_examples=2000, deadline=None)
@given(texts())
@example("a  \nb")
@example("a\x00b")
@example("x\r\ny")
@example(" leading and trailing ")
def test_the_fast_path_reads_every_text_as_the_parser_does(text: str) -> None:
    assert parse(text) == parse_markdown(text)


def test_a_text_without_markup_is_its_own_readable_text() -> None:
    assert parse("No war but the class war, 2014: 1,000 dead!") == Inline("No war but the class war, 2014: 1,000 dead!")


def test_a_line_break_is_read_by_the_parser_as_a_soft_break() -> None:
    assert parse("no war\nno peace").text == "no war no peace"
