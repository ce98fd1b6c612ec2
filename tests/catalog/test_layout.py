"""The writer against the real GNU msgcat: what we write, msgcat writes unchanged."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import require_program
from translate_flow.catalog import io

PIECES = [
    "a", "b", "z", "Q", "word", " ", " ", "  ", "\t", "\n", "\n\n", '"', "\\", "\\n", "\a", "\b",
    "\f", "\r", "\v", "ї", "ж", "Щ", "Україна", "Антиімперіалістичний", "Не", "війні", "—", "–",
    "-", "/", ".", ",", ";", ":", "!", "?", "«", "»", "“", "”", "(", ")", "[x](https://e.org/a-b)",
    "**", "`", "%s", "{0}", "中文", "한", "\u0301", "\u00a0", "\u202f", "\u2028", "\u2029",
    "\u0085", "\x1c", "\x1d", "\x1e", "✊", "1", "2026", "10,5", "https://example.org/a/b-c?d=e",
    "x" * 30, "ы" * 45, "a-b-c-d-e-f-g-h-i-j-k", "end.\n",
]
COMMENT_PIECES = [p for p in PIECES if "\n" not in p and p.isprintable() and p.strip()] + [" "]

# polib reads every escape gettext writes but `\a` (BEL); gettext warns about it anyway.
READABLE_PIECES = [p for p in PIECES if "\a" not in p]
# gettext reads a backslash at the end of any line, a comment's too, as a line continuation.
comment_lines = st.lists(st.sampled_from(COMMENT_PIECES), min_size=1, max_size=25).map(
    lambda parts: "".join(parts).strip().rstrip("\\").strip()
).filter(bool)
comments = st.lists(comment_lines, min_size=1, max_size=3).map("\n".join)
paths = st.lists(
    st.sampled_from(["statements", "uk", "a-b", "long-statement-name", "x", "2026"]), min_size=1, max_size=4
).map(lambda parts: "/".join(parts) + ".md")
references = st.lists(st.tuples(paths, st.integers(1, 99999).map(str) | st.just("")), max_size=12)
flags = st.lists(st.sampled_from(["fuzzy", "no-wrap", "wrap"]), max_size=2, unique=True)


@st.composite
def entries(draw: st.DrawFn, pieces: list[str]) -> polib.POEntry:
    texts = st.lists(st.sampled_from(pieces), max_size=40).map("".join)
    short_texts = st.lists(st.sampled_from(pieces), max_size=6).map("".join)
    plural = draw(st.booleans()) and draw(st.booleans())
    entry = polib.POEntry(msgid=draw(texts))
    if plural:
        entry.msgid_plural = draw(texts.filter(bool))
        entry.msgstr_plural = {i: draw(texts) for i in range(3)}
    else:
        entry.msgstr = draw(texts)
    if draw(st.booleans()):
        entry.msgctxt = draw(short_texts)
    if draw(st.booleans()):
        entry.tcomment = draw(comments)
    if draw(st.booleans()):
        entry.comment = draw(comments)
    entry.occurrences = draw(references)
    entry.flags = draw(flags)
    if draw(st.booleans()):
        entry.previous_msgid = draw(texts)
        if draw(st.booleans()):
            entry.previous_msgctxt = draw(short_texts)
        if plural and draw(st.booleans()):
            entry.previous_msgid_plural = draw(texts)
    entry.obsolete = draw(st.booleans()) and draw(st.booleans())
    if entry.obsolete:
        entry.occurrences = []
        entry.comment = ""
    return entry


@st.composite
def catalogs(draw: st.DrawFn, pieces: list[str] = PIECES) -> polib.POFile:
    catalog = polib.POFile()
    catalog.header = draw(st.just("") | comments)
    catalog.metadata = {
        "Project-Id-Version": draw(comment_lines) or "x",
        "Language": "uk",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
                        "(n%100<10 || n%100>=20) ? 1 : 2);",
    }
    seen: set[tuple[str | None, str]] = set()
    for entry in draw(st.lists(entries(pieces), max_size=8)):
        key = (entry.msgctxt, entry.msgid)
        # polib takes any entry with an empty msgid, even one with a context, for the header.
        if key in seen or entry.msgid == "":
            continue
        seen.add(key)
        catalog.append(entry)
    return catalog


def msgcat(path: Path, *options: str) -> str:
    done = subprocess.run(
        [require_program("msgcat"), "--force-po", *options, str(path)], capture_output=True,
        env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"},
    )
    assert done.returncode == 0, done.stderr.decode("utf-8")
    return done.stdout.decode("utf-8")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalog=catalogs())
def test_msgcat_writes_our_catalogs_unchanged(catalog: polib.POFile, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("po") / "x.po"
    text = io.dumps(catalog)
    path.write_text(text, encoding="utf-8")
    assert msgcat(path, "-w", "79") == text
    assert msgcat(path) == text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalog=catalogs(READABLE_PIECES))
def test_reading_what_we_wrote_gives_the_same_entries(catalog: polib.POFile, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("po") / "x.po"
    text = io.dumps(catalog)
    path.write_text(text, encoding="utf-8")
    again = io.read(path)
    assert io.dumps(again) == text
    # gettext drops an obsolete entry without a translation (without a first plural form).
    written = [e for e in catalog if not e.obsolete or (e.msgstr_plural.get(0) if e.msgid_plural else e.msgstr)]
    assert [(e.msgctxt, e.msgid, e.msgid_plural, e.msgstr, e.msgstr_plural, e.previous_msgid) for e in again] == [
        (e.msgctxt, e.msgid, e.msgid_plural, e.msgstr, e.msgstr_plural, e.previous_msgid)
        for e in sorted(written, key=lambda e: e.obsolete)
    ]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalog=catalogs(READABLE_PIECES), width=st.sampled_from(["40", "60", "100", "200"]))
def test_a_catalog_msgcat_wrapped_at_any_width_is_written_back_as_msgcat_writes_it(
    catalog: polib.POFile, width: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("po")
    path = folder / "x.po"
    path.write_text(io.dumps(catalog), encoding="utf-8")
    other = folder / "other.po"
    other.write_text(msgcat(path, "-w", width), encoding="utf-8")
    assert io.dumps(io.read(other)) == msgcat(other, "-w", "79")


def test_shipped_catalogs_are_laid_out_as_msgcat_lays_them_out() -> None:
    root = Path(__file__).resolve().parents[2]
    files = sorted([*root.glob("locales/**/*.po*"), *root.glob("src/translate_flow/ui/**/*.po*")])
    assert len(files) >= 6
    for path in files:
        assert msgcat(path, "-w", "79") == path.read_text(encoding="utf-8"), path
