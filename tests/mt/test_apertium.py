"""Debian's Apertium ru↔uk, with the crashing tagger stage replaced."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from translate_flow.errors import EngineError
from translate_flow.mt.adapter import Translator
from translate_flow.mt.apertium import Apertium, fix_t1x

pytestmark = pytest.mark.apertium


def test_inputs_that_crash_the_stock_tagger_are_translated(apertium_dir: Path) -> None:
    engine = Apertium(apertium_dir)
    out = engine.translate(["Привет, мир!", "Я люблю книги."], "ru", "uk")
    assert out == ["Привіт, мир!", "Я люблю книги."]


def test_the_copied_mode_has_no_tagger_stage(apertium_dir: Path) -> None:
    Apertium(apertium_dir).translate(["Да"], "ru", "uk")
    for pair in ("rus-ukr", "ukr-rus"):
        mode = (apertium_dir / "modes" / f"{pair}.mode").read_text(encoding="utf-8")
        assert "apertium-tagger" not in mode and "cg-proc -w -1 -n" in mode


def test_determiner_and_noun_are_not_glued(apertium_dir: Path) -> None:
    assert Apertium(apertium_dir).translate(["Первый пункт плана"], "ru", "uk") == ["Перший пункт плану"]


def test_ukrainian_to_russian(apertium_dir: Path) -> None:
    assert Apertium(apertium_dir).translate(["Привіт, світ!"], "uk", "ru") == ["Привет, свет!"]


def test_many_segments_go_through_one_process(apertium_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = Apertium(apertium_dir)
    engine.translate(["Да"], "ru", "uk")
    calls: list[list[str]] = []
    real = subprocess.run

    def run(args: list[str], **kwargs: object) -> object:
        calls.append(args)
        return real(args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("translate_flow.mt.apertium.subprocess.run", run)
    out = engine.translate([f"Пункт {n}. Мы идём домой." for n in range(50)] + ["Две\nстроки"], "ru", "uk")
    # one translation process; the readings pass (analysis, dictionary, generator) at most three more
    assert len([call for call in calls if call[0] == "apertium"]) == 1 and len(calls) <= 4
    assert all(text is not None and text.startswith("Пункт") for text in out[:50])
    assert out[50] is not None and out[50].count("\n") == 1


def test_empty_output_for_a_line_is_a_failure_not_a_translation(
    apertium_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = Apertium(apertium_dir)
    monkeypatch.setattr(engine, "_run", lambda lines, pair: (True, ["Так", ""][: len(lines)]))
    assert engine.translate(["Да", "Нет"], "ru", "uk") == ["Так", None]


def test_a_crashed_pipeline_is_retried_on_halves(apertium_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = Apertium(apertium_dir)

    def run(lines: list[str], pair: str) -> tuple[bool, list[str]]:
        if "Плохо" in lines:
            return (len(lines) == 1, [""] if len(lines) == 1 else [])  # crashes unless alone
        return True, [f"ok {line}" for line in lines]

    monkeypatch.setattr(engine, "_run", run)
    assert engine.translate(["А", "Б", "Плохо", "Г"], "ru", "uk") == ["ok А", "ok Б", None, "ok Г"]


def test_markup_is_protected_through_the_adapter(apertium_dir: Path) -> None:
    translator = Translator(Apertium(apertium_dir))
    text = "Мы **решительно** поддерживаем [рабочих](https://пример.рф/рабочие) и `код`."
    drafts = translator.translate([text], "ru", "uk")
    assert drafts[0] is not None
    assert drafts[0].text == "Ми **рішуче** підтримуємо [робітниць](https://пример.рф/рабочие) і `код`."


def test_english_is_not_a_pair(apertium_dir: Path) -> None:
    engine = Apertium(apertium_dir)
    assert not engine.supports("en", "uk")
    with pytest.raises(EngineError, match="ru↔uk only"):
        engine.translate(["Hello"], "en", "uk")


def test_fix_t1x_adds_a_blank_only_to_det_noun_rules() -> None:
    rule = (
        '<rule comment="x"><pattern><pattern-item n="det"/><pattern-item n="nom"/></pattern>'
        "<action><out><chunk><lu>a</lu>\n<lu>b</lu></chunk></out></action></rule>"
    )
    other = rule.replace('n="det"', 'n="adj"')
    fixed = fix_t1x(rule + other)
    assert fixed.count('<b pos="1"/>') == 1 and fixed.startswith(rule.replace("</lu>\n<lu>", '</lu>\n<b pos="1"/>\n<lu>'))


def test_unknown_words_are_recorded_and_their_marks_stripped(apertium_dir: Path) -> None:
    drafts = Translator(Apertium(apertium_dir)).translate(["Мы здесь, на Майдане."], "ru", "uk")
    assert drafts[0] is not None
    assert "*" not in drafts[0].text and "здесь" in drafts[0].text
    assert set(drafts[0].unknown) == {"здесь", "Майдане"}


def test_marks_survive_the_cache(apertium_dir: Path, tmp_path: Path) -> None:
    from translate_flow.mt.cache import Cache

    cache = Cache(tmp_path / "cache.sqlite")
    first = Translator(Apertium(apertium_dir), cache=cache).translate(["Мы здесь, на Майдане."], "ru", "uk")
    again = Translator(Apertium(apertium_dir), cache=cache)
    second = again.translate(["Мы здесь, на Майдане."], "ru", "uk")
    assert again.tally.cache_hits == 1
    assert first == second and second[0] is not None and set(second[0].unknown) == {"здесь", "Майдане"}


def test_unmark_sorts_marks_and_keeps_the_sources_own() -> None:
    engine = Apertium(Path("unused"))
    marked = engine.unmark("x", "Ми *здесь, #російський і @мир¹ #що", "uk")
    assert marked.text == "Ми здесь, російський і мир що"
    assert (marked.unknown, marked.errors) == (("здесь",), ("російський", "мир"))
    acronym = engine.unmark("Ни НАТО, ни Майдане", "Ни *НАТО, ни *Майдане, *ЕС", "uk")
    assert acronym.text == "Ни НАТО, ни Майдане, ЕС" and acronym.unknown == ("Майдане", "ЕС")
    kept = engine.unmark("Тег #майдан і мир¹", "Тег #майдан і мир¹", "uk")
    assert (kept.text, kept.errors) == ("Тег #майдан і мир¹", ())


def test_a_word_cut_at_its_apostrophe_is_recorded_whole_and_no_mark_leaks(apertium_dir: Path) -> None:
    drafts = Translator(Apertium(apertium_dir)).translate(
        ["Це наш обов'язок біля пам’ятника."], "uk", "ru"
    )
    assert drafts[0] is not None
    assert "*" not in drafts[0].text and "#" not in drafts[0].text
    assert {"обов'язок", "пам’ятника"} <= set(drafts[0].unknown)
    marked = Apertium(Path("unused")).unmark("x", "Это наш *обов'*язок у пам’*ятника", "ru")
    assert marked.text == "Это наш обов'язок у пам’ятника"
    assert marked.unknown == ("обов'язок", "пам’ятника")
