"""Ambiguities: where Apertium kept the first of readings with different senses."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import polib
import pytest

from translate_flow import catalog, checks
from translate_flow.catalog.extract import extract
from translate_flow.checks.catalogs import entry_pair
from translate_flow.checks.registry import quality
from translate_flow.glossary import Glossary
from translate_flow.mt.apertium import Apertium
from translate_flow.mt.pretranslate import pretranslate
from translate_flow.mt.readings import Readings
from translate_flow.project import Project

pytestmark = pytest.mark.apertium

DAY = "2026-12-02"
STAND = "Мы стоим на стороне народа."
EAT = "У кого ещё есть смелость."
PLAIN = "Это наш дом."


def unmarked(engine: Apertium, text: str, source: str = "ru", target: str = "uk") -> catalog.DraftReport:
    output = engine.translate([text], source, target)[0]
    assert output is not None
    marked = engine.unmark(text, output, target)
    return catalog.DraftReport(None, marked.unknown, marked.errors, None, marked.ambiguous)


def test_a_homograph_the_engine_resolved_is_an_ambiguity_with_the_drafts_word(apertium_dir: Path) -> None:
    engine = Apertium(apertium_dir)
    output = engine.translate([STAND], "ru", "uk")[0]
    assert output is not None
    marked = engine.unmark(STAND, output, "uk")
    assert "коштуємо" in marked.text and "\x1e" not in marked.text
    assert marked.ambiguous == (catalog.Ambiguity("стоим", "коштуємо", ("стояти",)),)
    eat = unmarked(engine, EAT)
    assert [(a.source, a.draft, a.others) for a in eat.ambiguous] == [("есть", "їсти", ("бути",))]


def test_readings_that_translate_alike_are_no_ambiguity(apertium_dir: Path) -> None:
    # это/этот both give «це»; независимо/независимый give незалежно/незалежний (one stem)
    engine = Apertium(apertium_dir)
    assert unmarked(engine, PLAIN).ambiguous == ()
    assert unmarked(engine, "Мы поддерживаем всех, независимо от государств.").ambiguous == ()


def test_ukrainian_to_russian_ambiguities_are_found_too(apertium_dir: Path) -> None:
    found = unmarked(Apertium(apertium_dir), "Тут є люди.", "uk", "ru")
    assert [(a.source, a.draft) for a in found.ambiguous] == [("люди", "люды")]
    assert "человек" in found.ambiguous[0].others


def test_the_note_records_and_reads_back_ambiguities() -> None:
    report = catalog.DraftReport(None, ("здесь",), (), 0.5, (catalog.Ambiguity("стоим", "коштуємо", ("стояти",)),
                                                              catalog.Ambiguity("ходе", "ходу", ("хід", "відхід"))))
    note = catalog.provenance_note(f"machine: apertium {DAY}", report)
    assert note == (f"machine: apertium {DAY}; unknown: здесь; ambiguous: стоим→коштуємо (стояти), "
                    "ходе→ходу (хід|відхід); quality: 0.50")
    entry = polib.POEntry(msgid=STAND, msgstr="")
    catalog.set_draft(entry, "Ми коштуємо на боці народу.", note)
    found = catalog.draft_report(entry)
    assert found == dataclasses.replace(report, origin=f"machine: apertium {DAY}")
    assert [piece for piece, marked in found.highlight(entry.msgstr) if marked] == ["коштуємо"]


def make_project(root: Path, text: str) -> Project:
    (root / "translate-flow.toml").write_text(
        '[project]\nlanguages = ["uk", "ru"]\nsource_language = "ru"\n\n[mt]\nengines = ["apertium"]\n',
        encoding="utf-8",
    )
    (root / "statements").mkdir()
    (root / "statements" / "s.md").write_text(f"---\ntitle: Заявление\nlang: ru\n---\n\n{text}\n", encoding="utf-8")
    project = Project.open(root)
    extract(project)
    return project


def test_a_draft_with_a_guessed_sense_is_weak_and_check_warns_until_it_is_edited(tmp_path: Path) -> None:
    project = make_project(tmp_path, "Мы никогда не поддерживаем войну — мы стоим на стороне народа всегда.")
    pretranslate(project, langs=["uk"], day=DAY)
    path = project.catalog_path("s", "uk")
    entry = next(e for e in catalog.read(path) if "стоим" in e.msgid)
    found = catalog.draft_report(entry)
    assert [str(a) for a in found.ambiguous] == ["стоим→коштуємо (стояти)"]
    assert found.unknown == () and found.weak
    pair = entry_pair(entry, "ru", "uk", Glossary(), checks.CheckSettings())
    warned = [p for p in checks.run(pair) if p.check == "ambiguous"]
    assert [(p.severity, p.words) for p in warned] == [(checks.WARNING, ("коштуємо",))]
    assert "стояти" in str(warned[0].message)
    without = dataclasses.replace(pair, ambiguous=())
    assert quality(without) >= catalog.WEAK_QUALITY > quality(pair)
    edited = dataclasses.replace(pair, msgstr=pair.msgstr.replace("коштуємо", "стоїмо"))
    assert not [p for p in checks.run(edited) if p.check == "ambiguous"]
    entry.flags.remove("fuzzy")
    assert entry_pair(entry, "ru", "uk", Glossary(), checks.CheckSettings()).ambiguous == ()


def test_a_failing_readings_pass_costs_the_ambiguities_not_the_translation(apertium_dir: Path) -> None:
    engine = Apertium(apertium_dir)
    engine.translate(["Да"], "ru", "uk")
    engine._readings["rus-ukr"] = Readings("exit 1", "/nonexistent.bin", "cat")
    assert engine.translate([STAND, PLAIN], "ru", "uk") == ["Ми коштуємо на стороні народу.", "Це *наш дім."]
    assert Readings.of_mode("lt-proc -w a.bin | apertium-pretransfer") is None
