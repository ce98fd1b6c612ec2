"""`pretranslate`: drafts for empty entries only, with provenance, saved as it goes."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from translate_flow import catalog
from translate_flow.catalog.extract import extract
from translate_flow.mt.pretranslate import Progress, pretranslate
from translate_flow.project import Project

from .fakeserver import FakeServer, fake

DAY = "2026-11-25"
RU = """---
title: "Заявление"
lang: ru
---

Мы осуждаем войну.

Первый пункт плана — мир.
"""
EN = """---
title: "Statement"
lang: en
{extra}---

We condemn the war.

We support the workers.
"""


def make_project(root: Path, statements: dict[str, str], mt: str = "", glossary: str = "") -> Project:
    (root / "translate-flow.toml").write_text(
        '[project]\nlanguages = ["uk", "ru", "en"]\nsource_language = "en"\n\n[mt]\n' + mt + "\n",
        encoding="utf-8",
    )
    (root / "statements").mkdir()
    for name, text in statements.items():
        (root / "statements" / name).write_text(text, encoding="utf-8")
    if glossary:
        (root / "glossary.csv").write_text(glossary, encoding="utf-8")
    project = Project.open(root)
    extract(project)
    return project


def entries(project: Project, slug: str, lang: str) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in catalog.read(project.catalog_path(slug, lang))}


def human(project: Project, slug: str, lang: str, translations: dict[str, str], approve: bool = False) -> None:
    with catalog.editing(project.catalog_path(slug, lang)) as po:
        for entry in po:
            if entry.msgid in translations:
                catalog.set_translation(entry, translations[entry.msgid], "olena", DAY)
                if approve:
                    catalog.approve(entry, "taras", DAY)


@pytest.mark.apertium
def test_default_chain_drafts_russian_into_ukrainian_offline(tmp_path: Path, apertium_dir: Path) -> None:
    project = make_project(tmp_path, {"mir.md": RU})
    report = pretranslate(project, day=DAY)
    found = entries(project, "mir", "uk")
    entry = found["Первый пункт плана — мир."]
    assert entry.msgstr == "Перший пункт плану — мир."
    assert "fuzzy" in entry.flags
    assert catalog.provenance(entry) == f"machine: apertium {DAY}"
    assert catalog.state(entry) is catalog.State.DRAFT
    assert [e.engine for e in report.engines] == ["memory", "pivot", "apertium"]
    assert report.engines[2].segments == 3


@pytest.mark.apertium
def test_translated_and_approved_entries_are_never_touched(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"mir.md": RU})
    human(project, "mir", "uk", {"Мы осуждаем войну.": "Ми засуджуємо війну!"})
    human(project, "mir", "uk", {"Заявление": "Заява"}, approve=True)
    before = entries(project, "mir", "uk")
    pretranslate(project, day=DAY)
    after = entries(project, "mir", "uk")
    for msgid in ("Мы осуждаем войну.", "Заявление"):
        assert after[msgid].msgstr == before[msgid].msgstr
        assert after[msgid].tcomment == before[msgid].tcomment
        assert "fuzzy" not in after[msgid].flags


def test_memory_drafts_name_score_and_origin(tmp_path: Path) -> None:
    project = make_project(
        tmp_path, {"a.md": EN.format(extra=""), "b.md": EN.format(extra="").replace("the workers", "all the workers")},
        mt='engines = ["memory"]',
    )
    human(project, "a", "uk", {"We condemn the war.": "Ми засуджуємо війну.",
                                "We support the workers.": "Ми підтримуємо робітників."})
    pretranslate(project, ["b"], day=DAY)
    found = entries(project, "b", "uk")
    lines = {e.msgid: e.linenum for e in catalog.read(project.catalog_path("a", "uk"))}
    line, fuzzy_line = lines["We condemn the war."], lines["We support the workers."]
    assert found["We condemn the war."].msgstr == "Ми засуджуємо війну."
    assert catalog.provenance(found["We condemn the war."]) == f"memory: 100% locales/uk/a.po:{line} {DAY}"
    fuzzy = found["We support all the workers."]
    assert fuzzy.msgstr == "Ми підтримуємо робітників."
    assert catalog.provenance(fuzzy) == f"memory: 92% locales/uk/a.po:{fuzzy_line} {DAY}"


@pytest.mark.apertium
def test_pivot_translates_the_human_russian_into_ukrainian(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"s.md": EN.format(extra="")})
    human(project, "s", "ru", {"We condemn the war.": "Мы осуждаем войну."})
    report = pretranslate(project, langs=["uk"], day=DAY)
    entry = entries(project, "s", "uk")["We condemn the war."]
    assert entry.msgstr.startswith("Ми ") and entry.msgstr.endswith("війну.")
    assert catalog.provenance(entry) == f"machine: pivot apertium from ru {DAY}"
    assert entries(project, "s", "uk")["We support the workers."].msgstr == ""
    assert {e.engine: e.segments for e in report.engines}["pivot"] == 1


def test_online_engines_get_nothing_unless_configured(tmp_path: Path, server: FakeServer) -> None:
    project = make_project(tmp_path, {"s.md": EN.format(extra="")},
                           mt=f'[mt.engine.google]\nrate = 0\nurl = "{server.url}/m"')
    pretranslate(project, day=DAY)
    assert server.requests() == []


def test_configured_online_engine_drafts_and_a_rerun_sends_nothing(tmp_path: Path, server: FakeServer) -> None:
    project = make_project(tmp_path, {"s.md": EN.format(extra="")},
                           mt=f'engines = ["memory", "google"]\n[mt.engine.google]\nrate = 0\nurl = "{server.url}/m"')
    report = pretranslate(project, langs=["uk"], day=DAY)
    entry = entries(project, "s", "uk")["We condemn the war."]
    assert entry.msgstr == fake("We condemn the war.", "uk")
    assert catalog.provenance(entry) == f"machine: google {DAY}"
    google = {e.engine: e for e in report.engines}["google"]
    assert google.segments == 3 and google.characters == len("Statement") + 19 + 23
    sent = len(server.requests())
    with catalog.editing(project.catalog_path("s", "uk")) as po:
        for e in po:
            e.msgstr, e.flags, e.tcomment = "", [], ""
    again = pretranslate(project, langs=["uk"], day=DAY)
    assert len(server.requests()) == sent
    assert {e.engine: e for e in again.engines}["google"].cache_hits == 3


def test_embargoed_statement_never_goes_online(tmp_path: Path, server: FakeServer) -> None:
    project = make_project(tmp_path, {"s.md": EN.format(extra="embargo: true\n")},
                           mt=f'engines = ["google"]\n[mt.engine.google]\nrate = 0\nurl = "{server.url}/m"')
    report = pretranslate(project, engines=["google"], day=DAY)
    assert server.requests() == []
    assert any("embargoed; not sent to google" in n for n in report.notices)
    assert report.drafted == 0


def test_dry_run_sends_and_writes_nothing(tmp_path: Path, server: FakeServer) -> None:
    project = make_project(tmp_path, {"s.md": EN.format(extra="")},
                           mt=f'engines = ["google"]\n[mt.engine.google]\nrate = 0\nurl = "{server.url}/m"')
    before = project.catalog_path("s", "uk").read_bytes()
    report = pretranslate(project, langs=["uk"], dry_run=True, day=DAY)
    assert server.requests() == []
    assert project.catalog_path("s", "uk").read_bytes() == before
    assert report.dry_run and report.engines[0].characters == len("Statement") + 19 + 23


def test_interrupted_run_keeps_its_drafts_and_a_rerun_continues(tmp_path: Path, server: FakeServer) -> None:
    body = "\n\n".join(f"Paragraph number {n} of the statement." for n in range(30))
    project = make_project(tmp_path, {"s.md": "---\nlang: en\n---\n\n" + body + "\n"},
                           mt=f'engines = ["google"]\n[mt.engine.google]\nrate = 0\nurl = "{server.url}/m"')

    def stop(step: Progress) -> None:
        if step.done >= 8:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        pretranslate(project, langs=["uk"], day=DAY, progress=stop)
    kept = [e for e in entries(project, "s", "uk").values() if e.msgstr]
    assert len(kept) == 8
    sent = len(server.requests())
    report = pretranslate(project, langs=["uk"], day=DAY)
    assert all(e.msgstr for e in entries(project, "s", "uk").values())
    assert len(server.requests()) - sent == 22 and report.drafted == 22


def test_a_translation_saved_by_someone_else_during_the_run_is_kept(tmp_path: Path, server: FakeServer) -> None:
    body = "\n\n".join(f"Paragraph number {n} of the statement." for n in range(20))
    project = make_project(tmp_path, {"s.md": "---\nlang: en\n---\n\n" + body + "\n"},
                           mt=f'engines = ["google"]\n[mt.engine.google]\nrate = 0\nurl = "{server.url}/m"')
    target = "Paragraph number 15 of the statement."

    def reviewer_saves(step: Progress) -> None:
        if step.done == 8:
            human(project, "s", "uk", {target: "Абзац п'ятнадцятий."})

    pretranslate(project, langs=["uk"], day=DAY, progress=reviewer_saves, save_every=0)
    entry = entries(project, "s", "uk")[target]
    assert entry.msgstr == "Абзац п'ятнадцятий." and "fuzzy" not in entry.flags


def test_forbidden_glossary_variants_are_noted_on_the_draft(tmp_path: Path, server: FakeServer) -> None:
    glossary = "en,uk,ru,note,forbidden\nwar,війна,война,,uk:вар\n"
    project = make_project(tmp_path, {"s.md": EN.format(extra="")}, glossary=glossary,
                           mt=f'engines = ["google"]\n[mt.engine.google]\nrate = 0\nurl = "{server.url}/m"')
    report = pretranslate(project, langs=["uk"], day=DAY)
    entry = entries(project, "s", "uk")["We condemn the war."]
    assert catalog.notes(entry)["glossary"] == 'forbidden variant "вар"; use "війна"'
    assert report.catalogs[0].forbidden == 1


def test_unknown_language_is_an_error(tmp_path: Path) -> None:
    from translate_flow.errors import ConfigError

    project = make_project(tmp_path, {"s.md": EN.format(extra="")})
    with pytest.raises(ConfigError, match="--lang de: not one of the project's languages"):
        pretranslate(project, langs=["de"])


RU_DEFECTS = """---
title: "Заявление"
lang: ru
---

Мы снова стоим здесь, на Майдане.

Это не этническая битва украинцев против русских.
"""


@pytest.mark.apertium
def test_drafts_record_unknown_words_and_a_quality_figure(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"d.md": RU_DEFECTS})
    report = pretranslate(project, langs=["uk"], day=DAY)
    entry = entries(project, "d", "uk")["Мы снова стоим здесь, на Майдане."]
    found = catalog.draft_report(entry)
    assert found.origin == f"machine: apertium {DAY}"
    assert {"здесь", "Майдане"} <= set(found.unknown)
    assert "*" not in entry.msgstr
    assert found.quality is not None and found.quality < 0.6 and found.weak
    assert report.weak >= 1


@pytest.mark.apertium
def test_a_draft_with_a_slur_the_source_lacks_is_discarded(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"d.md": RU_DEFECTS})
    report = pretranslate(project, langs=["uk"], day=DAY)
    entry = entries(project, "d", "uk")["Это не этническая битва украинцев против русских."]
    assert entry.msgstr == ""  # Apertium says «москалів»; no other engine: no draft
    assert report.discarded == 1
    assert dict(report.engines[-1].rejected) == {"offensive term «москалів»": 1}


def test_a_pair_no_engine_translates_is_named_with_how_to_add_one(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"s.md": EN.format(extra="")}, mt='engines = ["memory", "apertium"]')
    report = pretranslate(project, langs=["uk"], day=DAY)
    assert [n for n in report.notices if n.startswith("en→uk")] == [
        "en→uk: no engine in [mt] engines (memory, apertium) translates English into Ukrainian; "
        "only memory can draft it. To add one offline, run a local model and name the `llm` engine "
        '([mt.engine.llm] url = "http://127.0.0.1:11434/v1", model = "…" for Ollama), '
        "or a self-hosted LibreTranslate as `libre` ([mt.engine.libre] url = …)"
    ]


def test_missing_apertium_is_said_with_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    real = shutil.which
    monkeypatch.setattr("translate_flow.mt.apertium.shutil.which",
                        lambda name: None if name == "apertium" else real(name))
    project = make_project(tmp_path, {"mir.md": RU})
    report = pretranslate(project, day=DAY)
    assert report.drafted == 0
    assert "apertium: apertium is not installed; install it with `apt-get install apertium apertium-rus-ukr`, " \
        "or drop it from [mt] engines" in report.notices
