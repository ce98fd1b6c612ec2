"""Hypothesis strategies for Markdown statements like the collective writes, and stranger.

Documents mix ATX and setext headings, paragraphs with soft and hard breaks,
nested bullet and ordered lists, block quotes with lazy lines, tables with
escaped pipes, fenced and indented code, HTML blocks and YAML front matter;
inline text mixes emphasis, links, code spans, autolinks and inline HTML with
words that start blocks when they start a line (`1.`, `-`, `#`, `>`, `<div>`).
"""

from __future__ import annotations

from hypothesis import strategies as st

WORDS = (
    "war", "peace", "the", "workers", "of", "all", "countries", "unite", "NATO", "1917",
    "война", "мир", "рабочие", "всех", "стран", "війна", "робітники", "єднайтеся",
    "don't", "it's", "a.", "b,", "end.", "(note)", "«quote»", "“quote”", "—", "50%", "3.14",
)
TRICKY = (
    "1.", "2)", "-", "+", "*", "#", "##", ">", "=", "==", "---", "***", "|", ":-:", "[x]:",
    "<div>", "</p>", "<b>bold</b>", "```", "~~~", "\\", "&amp;", "&copy;", "\\*", "\\#",
)
CODE = st.text(alphabet="abc xyz_(){}=+-*/<>#|", min_size=1, max_size=12)
FRONT_WORDS = st.sampled_from(("Against", "the", "war", "Против", "войны", "Проти", "війни"))


def _join(parts: list[str]) -> str:
    return " ".join(parts)


word = st.one_of(st.sampled_from(WORDS), st.sampled_from(TRICKY))
plain = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(_join)
code_span = CODE.filter(lambda c: "`" not in c and c.strip() == c).map(lambda c: f"`{c}`")
atom = st.one_of(
    word,
    word,
    word,
    plain.map(lambda t: f"*{t}*"),
    plain.map(lambda t: f"_{t}_"),
    plain.map(lambda t: f"**{t}**"),
    st.tuples(plain, st.sampled_from(("", ' "a title"'))).map(lambda p: f"[{p[0]}](https://example.org/x{p[1]})"),
    code_span,
    st.just("<https://example.org/a?b=c>"),
    plain.map(lambda t: f"<em>{t}</em>"),
)


@st.composite
def line(draw: st.DrawFn, *, table: bool = False) -> str:
    """Inline text for one source line; in a table, with pipes escaped."""
    text = _join(draw(st.lists(atom, min_size=1, max_size=6)))
    if table:
        text = text.replace("\\|", "|").replace("|", "\\|")
    return text


@st.composite
def paragraph_lines(draw: st.DrawFn) -> list[str]:
    """The lines of a paragraph, each ending in a soft or a hard break (but the last)."""
    lines = draw(st.lists(line(), min_size=1, max_size=3))
    out = []
    for index, text in enumerate(lines):
        if index < len(lines) - 1:
            text += draw(st.sampled_from(("", "", " ", "  ", "\\")))
        out.append(text)
    return out


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    return "\n".join(draw(paragraph_lines()))


@st.composite
def atx_heading(draw: st.DrawFn) -> str:
    level = draw(st.integers(1, 6))
    closing = draw(st.sampled_from(("", " #", " " + "#" * level, " ###  ")))
    return "#" * level + " " + draw(line()) + closing


@st.composite
def setext_heading(draw: st.DrawFn) -> str:
    underline = draw(st.sampled_from(("=", "-"))) * draw(st.integers(1, 5))
    return "\n".join(draw(paragraph_lines())) + "\n" + underline + draw(st.sampled_from(("", "  ")))


@st.composite
def block_list(draw: st.DrawFn, depth: int = 0) -> str:
    ordered = draw(st.booleans())
    bullet = draw(st.sampled_from("-+*"))
    start = draw(st.integers(0, 12))
    delimiter = draw(st.sampled_from(".)"))
    loose = draw(st.booleans())
    items = []
    for index in range(draw(st.integers(1, 3))):
        marker = f"{start + index}{delimiter} " if ordered else f"{bullet} "
        marker += draw(st.sampled_from(("", "", " ")))
        indent = " " * len(marker)
        first, *rest = draw(paragraph_lines())
        lines = [marker + first]
        lines += [(indent if draw(st.booleans()) else "") + text for text in rest]  # lazy or not
        if depth < 2 and draw(st.integers(0, 3)) == 0:
            nested = draw(block_list(depth + 1))
            lines.append("")
            lines += [indent + text if text else "" for text in nested.split("\n")]
        if draw(st.integers(0, 4)) == 0:
            lines.append("")
            lines += [indent + text for text in draw(paragraph_lines())]
        items.append("\n".join(lines))
    return ("\n\n" if loose else "\n").join(items)


@st.composite
def block_quote(draw: st.DrawFn) -> str:
    marker = draw(st.sampled_from(("> ", ">", ">  ")))
    inner = draw(st.one_of(paragraph(), block_list(1), atx_heading()))
    out = []
    for index, text in enumerate(inner.split("\n")):
        if not text:
            out.append(marker.rstrip())
        elif index > 0 and draw(st.integers(0, 3)) == 0:
            out.append(text)  # a lazy continuation line
        else:
            out.append(marker + text)
    return "\n".join(out)


@st.composite
def table(draw: st.DrawFn) -> str:
    columns = draw(st.integers(1, 3))
    edges = draw(st.booleans())

    def row(cells: list[str]) -> str:
        inner = " | ".join(cells)
        return f"| {inner} |" if edges or columns == 1 else inner

    header = [draw(line(table=True)) for _ in range(columns)]
    delimiter = [draw(st.sampled_from(("---", ":--", "--:", ":-:"))) for _ in range(columns)]
    rows = [row(header), row(delimiter)]
    for _ in range(draw(st.integers(0, 3))):
        rows.append(row([draw(st.one_of(line(table=True), st.just(""))) for _ in range(columns)]))
    return "\n".join(rows)


@st.composite
def code_block(draw: st.DrawFn) -> str:
    lines = draw(st.lists(CODE, min_size=1, max_size=3))
    if draw(st.booleans()):
        fence = draw(st.sampled_from(("```", "~~~")))
        info = draw(st.sampled_from(("", "python", "text")))
        return "\n".join([fence + info, *lines, fence])
    return "\n".join("    " + text for text in lines)


@st.composite
def html_block(draw: st.DrawFn) -> str:
    return "<div class=\"note\">\n" + draw(paragraph()) + "\n</div>"


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    title = " ".join(draw(st.lists(FRONT_WORDS, min_size=1, max_size=4)))
    summary = " ".join(draw(st.lists(FRONT_WORDS, min_size=2, max_size=6)))
    lines = ["---", f"title: {title}"]
    if draw(st.booleans()):
        lines.append(f"summary: >\n  {summary}\n  {title}")
    lines += ["lang: en", "date: 2026-05-01", "---"]
    return "\n".join(lines) + "\n"


block = st.one_of(
    paragraph(), paragraph(), atx_heading(), setext_heading(), block_list(), block_quote(),
    table(), code_block(), html_block(),
)


@st.composite
def document(draw: st.DrawFn) -> str:
    """A statement: maybe front matter, blocks between blank lines, LF or CRLF."""
    parts = [draw(front_matter())] if draw(st.booleans()) else []
    blocks = draw(st.lists(block, min_size=1, max_size=6))
    gaps = [draw(st.sampled_from(("\n\n", "\n\n", "\n\n\n"))) for _ in blocks]
    text = "".join(parts) + "".join(b + g for b, g in zip(blocks, gaps))
    if not parts and text.startswith("---"):
        text = "\n" + text  # a first line `---` opens front matter; a blank line keeps it Markdown
    if draw(st.booleans()):
        text = text.rstrip("\n") + "\n"
    if draw(st.integers(0, 4)) == 0:
        text = text.replace("\n", "\r\n")
    return text
