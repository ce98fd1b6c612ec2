from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import polib
from click.testing import Result

from tests.spine.conftest import write_statement

STATEMENT = """\
---
title: Against the war
date: 2026-05-01
lang: en
---

## Our position

We condemn the war
and the conscription.

1. Stop the war.
2. Free the prisoners;
   all of them.

> Workers of the world, unite!
"""


def fill(path: Path, translations: dict[str, str], *, fuzzy: tuple[str, ...] = ()) -> None:
    catalog = polib.pofile(str(path))
    for entry in catalog:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
            if entry.msgid in fuzzy:
                entry.flags.append("fuzzy")
    catalog.save()


UK = {
    "Against the war": "Проти війни",
    "Our position": "Наша позиція",
    "We condemn the war and the conscription.": "Ми засуджуємо війну\nі мобілізацію.",
    "Stop the war.": "Зупинити війну.",
    "Free the prisoners; all of them.": "Звільнити полонених;\nусіх до одного.",
    "Workers of the world, unite!": "Пролетарі всіх країн, єднайтеся!",
}


def setup(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "war.md", STATEMENT)
    (project / "translate-flow.toml").write_text(
        (project / "translate-flow.toml").read_text().replace('require = "approved"', 'require = "translated"')
    )
    assert tflow("extract").exit_code == 0


def test_build_keeps_the_layout_of_lists_and_quotes_for_multiline_translations(project: Path, tflow: Callable[..., Result]) -> None:
    setup(project, tflow)
    fill(project / "locales/uk/war.po", UK)
    result = tflow("build", "--lang", "uk")
    assert result.exit_code == 0, result.output
    assert (project / "editions/uk/war.md").read_text(encoding="utf-8") == """\
---
title: "Проти війни"
date: 2026-05-01
lang: uk
---

## Наша позиція

Ми засуджуємо війну
і мобілізацію.

1. Зупинити війну.
2. Звільнити полонених;
   усіх до одного.

> Пролетарі всіх країн, єднайтеся!
"""


def test_build_with_every_msgstr_equal_to_msgid_returns_the_source(project: Path, tflow: Callable[..., Result]) -> None:
    setup(project, tflow)
    fill(project / "locales/ru/war.po", {k: k for k in UK})
    assert tflow("build", "--lang", "ru").exit_code == 0
    source = (project / "statements/war.md").read_bytes()
    assert (project / "editions/ru/war.md").read_bytes() == source.replace(b"lang: en\n", b"lang: ru\n")


def test_build_refuses_an_incomplete_edition_and_lists_what_is_missing(project: Path, tflow: Callable[..., Result]) -> None:
    setup(project, tflow)
    fill(project / "locales/uk/war.po", {k: v for k, v in UK.items() if k != "Stop the war."})
    result = tflow("build", "--lang", "uk")
    assert result.exit_code == 1
    assert "statements/war.md:12: untranslated (uk)" in result.stderr
    assert not (project / "editions/uk/war.md").exists()


def test_build_never_publishes_fuzzy_entries(project: Path, tflow: Callable[..., Result]) -> None:
    setup(project, tflow)
    fill(project / "locales/uk/war.po", UK, fuzzy=("Stop the war.",))
    result = tflow("build", "--lang", "uk")
    assert result.exit_code == 1
    assert "statements/war.md:12: draft (uk)" in result.stderr


def test_draft_preview_shows_the_machine_draft_marked_in_its_own_folder(project: Path, tflow: Callable[..., Result]) -> None:
    setup(project, tflow)
    fill(project / "locales/uk/war.po", {k: v for k, v in UK.items() if k != "Free the prisoners; all of them."},
         fuzzy=("Stop the war.",))
    result = tflow("build", "--lang", "uk", "--draft")
    assert result.exit_code == 0, result.output
    assert not (project / "editions/uk/war.md").exists() and not (project / "editions/uk/war.html").exists()
    markdown = (project / "drafts/uk/war.md").read_text(encoding="utf-8")
    assert '1. <span class="tflow-pending" data-state="draft" lang="uk" title="машинна чернетка">Зупинити війну.</span>' in markdown
    assert ('2. <span class="tflow-pending" data-state="untranslated" lang="en" title="не перекладено">'
            "Free the prisoners; all of them.</span>") in markdown
    page = (project / "drafts/uk/war.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert 'data-state="draft" lang="uk" title="машинна чернетка">Зупинити війну.</span>' in page
    assert 'class="draft-banner"' in page
    assert json.loads((project / "drafts/manifest.json").read_text(encoding="utf-8"))["war"]["uk"]["pending"] == 2
    assert "war" not in json.loads((project / "editions/manifest.json").read_text(encoding="utf-8"))
    drafts = (project / "drafts/index.html").read_text(encoding="utf-8")
    assert "2 blocks pending" in drafts and '<th scope="row" lang="en">Against the war' in drafts
    assert "drafts/uk/war.html" not in (project / "editions/index.html").read_text(encoding="utf-8")


def test_html_edition_has_language_title_subtitle_author_localised_date_and_alternates(
    project: Path, tflow: Callable[..., Result]
) -> None:
    write_statement(project, "war.md", STATEMENT.replace("date:", "subtitle: A statement\nauthor: Red Machete\ndate:"))
    (project / "translate-flow.toml").write_text(
        (project / "translate-flow.toml").read_text().replace('require = "approved"', 'require = "translated"')
    )
    tflow("extract")
    fill(project / "locales/uk/war.po", {**UK, "A statement": "Заява"})
    fill(project / "locales/ru/war.po", {k: k for k in [*UK, "A statement"]})
    assert tflow("build").exit_code == 0
    page = (project / "editions/uk/war.html").read_text(encoding="utf-8")
    assert '<html lang="uk">' in page
    assert "<title>Проти війни</title>" in page
    assert '<p class="subtitle">Заява</p>' in page
    assert '<span class="author">Red Machete</span>' in page
    # CLDR's long date; the space before "р." is CLDR's choice (U+202F since CLDR 42), not ours.
    assert re.search(r'<time datetime="2026-05-01">1 травня 2026\sр\.</time>', page)
    assert '<link rel="alternate" hreflang="ru" href="../ru/war.html">' in page
    assert "<li>Звільнити полонених;\nусіх до одного.</li>" in page
    assert "lang: uk\n" in (project / "editions/uk/war.md").read_text(encoding="utf-8")


def test_an_edition_no_longer_publishable_leaves_no_file_and_no_link(project: Path, tflow: Callable[..., Result]) -> None:
    setup(project, tflow)
    fill(project / "locales/uk/war.po", UK)
    fill(project / "locales/ru/war.po", {k: k for k in UK})
    assert tflow("build").exit_code == 0
    assert (project / "editions/ru/war.html").exists()
    fill(project / "locales/ru/war.po", {"Stop the war.": ""})
    assert tflow("build").exit_code == 1
    assert sorted(p.name for p in (project / "editions/ru").iterdir()) == ["feed.atom", "index.html"]
    page = (project / "editions/uk/war.html").read_text(encoding="utf-8")
    assert "../ru/war.html" not in page and '<link rel="alternate" hreflang="en" href="../en/war.html">' in page
    for index in ("editions/index.html", "editions/en/index.html", "editions/ru/index.html"):
        assert "ru/war" not in (project / index).read_text(encoding="utf-8")
    assert "war" not in (project / "editions/ru/feed.atom").read_text(encoding="utf-8")
    fill(project / "locales/ru/war.po", {"Stop the war.": "Stop the war."})
    assert tflow("build", "--lang", "ru").exit_code == 0
    page = (project / "editions/uk/war.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" hreflang="ru" href="../ru/war.html">' in page


def test_an_embargoed_statement_is_not_published_and_its_earlier_editions_go(project: Path, tflow: Callable[..., Result]) -> None:
    setup(project, tflow)
    fill(project / "locales/uk/war.po", UK)
    assert tflow("build", "--lang", "uk", "--lang", "en").exit_code == 0
    statement = project / "statements/war.md"
    statement.write_text(STATEMENT.replace("lang: en\n", "lang: en\nembargo: true\n"), encoding="utf-8")
    result = tflow("build")
    assert result.exit_code == 1
    assert "statements/war.md:5: embargoed (remove `embargo:` to publish) (en)" in result.stderr
    assert [p.relative_to(project / "editions").as_posix() for p in (project / "editions").rglob("war*")] == []


def test_a_removed_statement_leaves_nothing_behind(project: Path, tflow: Callable[..., Result]) -> None:
    setup(project, tflow)
    write_statement(project, "other.md", "Workers of the world, unite!\n")
    assert tflow("build", "--lang", "en", "--format", "md,html,pdf").exit_code == 0
    assert (project / "editions/en/war.pdf").exists()
    (project / "statements/war.md").unlink()
    assert tflow("build", "--lang", "en").exit_code == 0
    assert sorted(p.name for p in (project / "editions/en").iterdir()) == [
        "feed.atom", "index.html", "other.html", "other.md", "other.pdf"]
    assert "war" not in json.loads((project / "editions/manifest.json").read_text(encoding="utf-8"))


def test_translation_that_injects_html_is_not_published(project: Path, tflow: Callable[..., Result]) -> None:
    setup(project, tflow)
    fill(project / "locales/uk/war.po", {**UK, "Stop the war.": 'Зупинити <script>alert(1)</script> <img src=x onerror="x()">'})
    result = tflow("build", "--lang", "uk")
    assert result.exit_code == 1
    assert "statements/war.md:12: markup check failed (html); see `tflow check` (uk)" in result.stderr
    assert tflow("build", "--lang", "uk", "--draft").exit_code == 0
    page = (project / "drafts/uk/war.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<img" not in page
    assert 'data-state="untranslated" lang="en" title="не перекладено">Stop the war.</span>' in page


def test_html_a_translation_adds_is_escaped_and_what_its_source_has_is_kept() -> None:
    from translate_flow.editions import neutralise_html

    source = "Read <abbr>NATO</abbr> docs"
    assert neutralise_html("Читайте <abbr>НАТО</abbr> <script>x()</script>", source) == (
        "Читайте <abbr>НАТО</abbr> \\<script>x()\\</script>"
    )


def test_translation_that_looks_like_a_list_stays_text(project: Path, tflow: Callable[..., Result]) -> None:
    setup(project, tflow)
    fill(project / "locales/uk/war.po", {**UK, "We condemn the war and the conscription.": "1. Засуджуємо\n- війну"})
    tflow("build", "--lang", "uk")
    page = (project / "editions/uk/war.html").read_text(encoding="utf-8")
    assert "<p>1. Засуджуємо\n- війну</p>" in page


def test_source_language_edition_is_the_source(project: Path, tflow: Callable[..., Result]) -> None:
    setup(project, tflow)
    assert tflow("build", "--lang", "en").exit_code == 0
    assert (project / "editions/en/war.md").read_bytes() == (project / "statements/war.md").read_bytes()


def test_status_json_counts_entries_and_words_by_state(project: Path, tflow: Callable[..., Result]) -> None:
    setup(project, tflow)
    fill(project / "locales/uk/war.po", {"Our position": "Наша позиція", "Stop the war.": "Зупинити"}, fuzzy=("Stop the war.",))
    rows = json.loads(tflow("status", "--json").output)["catalogs"]
    uk = next(r for r in rows if r["lang"] == "uk")
    assert uk["counts"]["translated"] == {"entries": 1, "words": 2}
    assert uk["counts"]["draft"] == {"entries": 1, "words": 3}
    assert uk["counts"]["untranslated"]["entries"] == 4
    assert uk["percent_translated"] == round(100 * 2 / uk["words"], 1)


def test_build_does_not_publish_a_translation_that_drops_a_link(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "linked.md", "Read [the appeal](https://example.org/appeal).\n")
    (project / "translate-flow.toml").write_text(
        (project / "translate-flow.toml").read_text().replace('require = "approved"', 'require = "translated"')
    )
    tflow("extract")
    fill(project / "locales/uk/linked.po", {"Read [the appeal](https://example.org/appeal).": "Читайте звернення."})
    result = tflow("build", "--lang", "uk")
    assert result.exit_code == 1
    assert "statements/linked.md:1: markup check failed (links); see `tflow check` (uk)" in result.stderr
    assert not (project / "editions/uk/linked.md").exists()


def approve_all(project: Path, tflow: Callable[..., Result]) -> None:
    """The statement extracted, its Ukrainian translated by olena and approved by taras."""
    from translate_flow import catalog

    write_statement(project, "war.md", STATEMENT)
    tflow("extract")
    with catalog.editing(project / "locales/uk/war.po") as po:
        for entry in po:
            catalog.set_translation(entry, UK[entry.msgid], "olena", "2026-11-20")
            catalog.approve(entry, "taras", "2026-11-24")


def test_an_edition_whose_entries_are_all_approved_carries_a_sign_off(project: Path, tflow: Callable[..., Result]) -> None:
    approve_all(project, tflow)
    result = tflow("build", "--lang", "uk")
    assert result.exit_code == 0, result.output
    assert "(approved: taras (2026-11-24); sha256:" in result.output
    markdown = (project / "editions/uk/war.md").read_text(encoding="utf-8")
    # the sign-off line is said in the edition's language
    assert markdown.endswith("-->\n") and "<!-- затвердили: taras (2026-11-24); sha256:" in markdown
    page = (project / "editions/uk/war.html").read_text(encoding="utf-8")
    signed = re.compile(r'<p class="signoff">затверджено: taras, 24 листопада 2026\sр\.</p>')
    assert signed.search(page)
    index = (project / "editions/uk/index.html").read_text(encoding="utf-8")
    assert signed.search(index)
    digest = result.output.split("sha256:")[1][:16]
    assert f'<details><summary>Хеш змісту</summary><code class="digest">sha256:{digest}</code>\n</details>' in index
    assert index.count(digest) == 1


def test_approval_is_dropped_when_the_msgstr_is_edited_in_any_editor(project: Path, tflow: Callable[..., Result]) -> None:
    approve_all(project, tflow)
    po = polib.pofile(str(project / "locales/uk/war.po"))
    po.find("Stop the war.").msgstr = "Зупиніть війну."
    po.save()
    result = tflow("build", "--lang", "uk")
    assert result.exit_code == 1
    assert "statements/war.md:12: not approved (uk)" in result.stderr


def test_each_language_has_its_own_index_and_atom_feed_of_what_is_published(project: Path, tflow: Callable[..., Result]) -> None:
    import xml.etree.ElementTree as ET

    approve_all(project, tflow)
    assert tflow("build", "--lang", "uk", "--lang", "en").exit_code == 0
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(project / "editions/uk/feed.atom").getroot()
    assert feed.tag == f"{atom}feed" and feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "uk"
    assert feed.findtext(f"{atom}title") == "Заяви"
    [entry] = feed.findall(f"{atom}entry")
    assert entry.findtext(f"{atom}title") == "Проти війни"
    assert entry.findtext(f"{atom}published") == "2026-05-01T00:00:00Z"
    assert entry.findtext(f"{atom}id").startswith("urn:uuid:")
    href = entry.find(f"{atom}link").get("href")
    assert (project / "editions/uk" / href).is_file()
    assert ET.parse(project / "editions/ru/feed.atom").getroot().findall(f"{atom}entry") == []
    uk_index = (project / "editions/uk/index.html").read_text(encoding="utf-8")
    assert '<html lang="uk">' in uk_index and '<a href="war.html">Проти війни</a>' in uk_index
    assert "переклад; мова оригіналу: англійська" in uk_index
    assert "На этом языке ещё ничего не опубликовано." in (project / "editions/ru/index.html").read_text(encoding="utf-8")
    root = (project / "editions/index.html").read_text(encoding="utf-8")
    assert 'href="uk/war.html"' in root and 'href="en/war.html"' in root and 'href="uk/index.html"' in root
    assert "ru/war.html" not in root


def test_a_text_draft_marks_pending_blocks_in_words(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "note.txt", "Stop the war\n\nWe condemn the conscription.\n")
    tflow("extract")
    fill(project / "locales/uk/note.po", {"Stop the war": "Зупинити війну"}, fuzzy=("Stop the war",))
    assert tflow("build", "--lang", "uk", "--draft").exit_code == 0
    assert (project / "drafts/uk/note.txt").read_text(encoding="utf-8") == (
        "[машинна чернетка] Зупинити війну\n\n[не перекладено] We condemn the conscription.\n")
    assert "<h2>[машинна чернетка] Зупинити війну</h2>" in (project / "drafts/uk/note.html").read_text(encoding="utf-8")


def test_status_counts_weak_drafts_and_lists_them_weakest_first(project: Path, tflow: Callable[..., Result]) -> None:
    from translate_flow import catalog

    setup(project, tflow)
    notes = {"Our position": "quality: 0.95", "Stop the war.": "unknown: Стоп; quality: 0.33",
             "We condemn the war and the conscription.": "quality: 0.6"}
    with catalog.editing(project / "locales/uk/war.po") as po:
        for entry in po:
            if entry.msgid in notes:
                catalog.set_draft(entry, entry.msgid, f"machine: apertium 2026-12-01; {notes[entry.msgid]}")
    rows = json.loads(tflow("status", "--json").output)["catalogs"]
    uk = next(r for r in rows if r["lang"] == "uk")
    assert uk["weak"] == 2
    assert [(w["msgid"], w["quality"], w["unknown"]) for w in uk["weakest"]] == [
        ("Stop the war.", 0.33, ["Стоп"]), ("We condemn the war and the conscription.", 0.6, []),
    ]
    out = tflow("status").output
    listed = out[out.index("2 weak drafts need more than a light edit (weakest first):"):].splitlines()
    assert listed[1].endswith("0.33  Stop the war.  [Стоп]") and listed[1].startswith("  locales/uk/war.po:")
    assert listed[2].endswith("0.60  We condemn the war and the conscription.")


def test_build_of_a_long_unfinished_statement_lists_a_few_places_and_counts_the_rest(
    project: Path, tflow: Callable[..., Result]
) -> None:
    write_statement(project, "book.md", "".join(f"Paragraph number {i} of the book.\n\n" for i in range(60)))
    assert tflow("extract").exit_code == 0
    result = tflow("build", "--lang", "uk")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) < 30
    assert lines[0] == "statements/book.md:1: untranslated (uk)"
    assert lines[-2] == "… and 40 more (`tflow status book`)"
    assert lines[-1] == "uk: book not built: 60 entries not publishable (use --draft to build it anyway)"


def test_build_names_an_embargo_apart_from_the_entries_and_counts_in_the_right_number(
    project: Path, tflow: Callable[..., Result]
) -> None:
    setup(project, tflow)
    fill(project / "locales/uk/war.po", {k: v for k, v in UK.items() if k != "Stop the war."})
    statement = project / "statements/war.md"
    statement.write_text(STATEMENT.replace("lang: en\n", "lang: en\nembargo: true\n"), encoding="utf-8")
    assert tflow("extract").exit_code == 0
    result = tflow("build", "--lang", "uk", "--lang", "en")
    assert "uk: war not built: embargoed, 1 entry not publishable (use --draft to build it anyway)" in result.stderr
    assert "en: war not built: embargoed (use --draft to build it anyway)" in result.stderr
