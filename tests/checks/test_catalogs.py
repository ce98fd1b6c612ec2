from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_flow import catalog, config
from translate_flow.catalog.extract import extract
from translate_flow.checks import CHECKS, ERROR, Problem
from translate_flow.checks.catalogs import Located, check_catalogs
from translate_flow.cli import FlowGroup
from translate_flow.cli.checks import check
from translate_flow.project import Project
from translate_flow.ui import Message

STATEMENT = """\
---
title: Solidarity
lang: en
---

Millions fought in the streets during the protests in 2014.

Read [the manifesto](https://borotba.org/manifesto).

The YPJ fights on.
"""

GLOSSARY = "en,uk,ru,note,forbidden\nYPJ,YPJ,YPJ,,\nUkraine,Україна,Украина,,ru:на Украине\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """A project with one extracted English statement, as the working directory."""
    (tmp_path / config.CONFIG_NAME).write_text(config.DEFAULT_CONFIG, encoding="utf-8")
    (tmp_path / "statements").mkdir()
    (tmp_path / "statements" / "solidarity.md").write_text(STATEMENT, encoding="utf-8")
    (tmp_path / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    opened = Project.open(tmp_path)
    extract(opened)
    return opened


def translate(project: Project, lang: str, translations: dict[str, str]) -> None:
    with catalog.editing(project.catalog_path("solidarity", lang)) as po:
        for entry in po:
            if entry.msgid in translations:
                entry.msgstr = translations[entry.msgid]


def line_of(project: Project, lang: str, msgid: str) -> int:
    po = catalog.read(project.catalog_path("solidarity", lang))
    return int(next(entry.linenum for entry in po if entry.msgid == msgid))


def test_problems_are_located_by_po_file_and_entry_line(project: Project) -> None:
    msgid = "Millions fought in the streets during the protests in 2014."
    translate(project, "uk", {msgid: "Мільйони боролися на вулицях під час протестів у 2015 році."})
    found = [item for item in check_catalogs(project) if item.problem.check == "numbers"]
    path = project.catalog_path("solidarity", "uk")
    assert found == [
        Located(path, line_of(project, "uk", msgid), msgid,
                Problem("numbers", ERROR, Message("number %(shown)s missing in translation", shown="2014"))),
        Located(path, line_of(project, "uk", msgid), msgid,
                Problem("numbers", ERROR,
                        Message("number %(shown)s in translation is not in the source", shown="2015"))),
    ]


def test_untranslated_entries_are_skipped_unless_asked(project: Project) -> None:
    assert check_catalogs(project) == []
    asked = check_catalogs(project, langs=["ru"], untranslated=True)
    assert {item.problem.check for item in asked} == {"untranslated"}
    assert {item.path for item in asked} == {project.catalog_path("solidarity", "ru")}


def test_glossary_and_settings_of_the_project_are_used(project: Project) -> None:
    translate(project, "ru", {"The YPJ fights on.": "ЖЗО продолжают борьбу на Украине."})
    found = {item.problem.check for item in check_catalogs(project, ["solidarity"], ["ru"])}
    assert found == {"dnt", "forbidden"}


def test_catalog_not_extracted_yet_is_skipped(project: Project) -> None:
    project.catalog_path("solidarity", "uk").unlink()
    assert check_catalogs(project, langs=["uk"], untranslated=True) == []


@pytest.fixture
def tflow(project: Project) -> Callable[..., tuple[int, str, str]]:
    group = FlowGroup(commands={"check": check})

    def invoke(*args: str) -> tuple[int, str, str]:
        result = CliRunner().invoke(group, ["check", *args], catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return invoke


def test_check_command_prints_errors_first_and_exits_3(
    project: Project, tflow: Callable[..., tuple[int, str, str]]
) -> None:
    numbers = "Millions fought in the streets during the protests in 2014."
    translate(project, "uk", {
        numbers: "Мільйони боролися на вулицях під час протестів у 2015 році",
        "Read [the manifesto](https://borotba.org/manifesto).": "Прочитайте маніфест.",
    })
    code, out, err = tflow("--lang", "uk")
    line = line_of(project, "uk", numbers)
    link = line_of(project, "uk", "Read [the manifesto](https://borotba.org/manifesto).")
    assert out.splitlines() == [
        f"locales/uk/solidarity.po:{line}: error: [numbers] number 2014 missing in translation",
        f"locales/uk/solidarity.po:{line}: error: [numbers] number 2015 in translation is not in the source",
        f"locales/uk/solidarity.po:{link}: error: [links] link to https://borotba.org/manifesto missing in translation",
        f"locales/uk/solidarity.po:{line}: warning: [punctuation] the source ends with '.', "
        "the translation with no final punctuation",
        "3 errors, 1 warning",
    ]
    assert code == 3
    assert err == "Error: 3 errors in translations; fix them or see `tflow check --list`\n"


def test_check_command_speaks_ukrainian_when_the_terminal_says_uk_ua(
    project: Project, tflow: Callable[..., tuple[int, str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "uk_UA.UTF-8")
    numbers = "Millions fought in the streets during the protests in 2014."
    translate(project, "uk", {numbers: "Мільйони боролися на вулицях під час протестів у 2015 році."})
    code, out, err = tflow("--lang", "uk")
    line = line_of(project, "uk", numbers)
    assert out.splitlines() == [
        f"locales/uk/solidarity.po:{line}: error: [numbers] у перекладі немає числа 2014",
        f"locales/uk/solidarity.po:{line}: error: [numbers] число 2015 є в перекладі, але не в оригіналі",
        "2 помилки, 0 попереджень",
    ]
    assert (code, err) == (3, "Error: 2 errors in translations; fix them or see `tflow check --list`\n")


def test_check_command_with_only_warnings_exits_0(
    project: Project, tflow: Callable[..., tuple[int, str, str]]
) -> None:
    translate(project, "uk", {"The YPJ fights on.": "YPJ продовжують боротьбу"})
    code, out, _ = tflow()
    assert code == 0
    assert out.splitlines()[-1] == "0 errors, 1 warning"


def test_check_command_reports_no_problems(project: Project, tflow: Callable[..., tuple[int, str, str]]) -> None:
    assert tflow() == (0, "no problems\n", "")


def test_check_command_json_lists_problems(project: Project, tflow: Callable[..., tuple[int, str, str]]) -> None:
    import json

    translate(project, "ru", {"The YPJ fights on.": "YPJ продолжают борьбу"})
    code, out, _ = tflow("--json")
    assert code == 0
    assert json.loads(out) == [{
        "path": "locales/ru/solidarity.po",
        "line": line_of(project, "ru", "The YPJ fights on."),
        "msgid": "The YPJ fights on.",
        "check": "punctuation",
        "severity": "warning",
        "message": "the source ends with '.', the translation with no final punctuation",
        "override": None,
    }]


def test_check_command_lists_every_check(tflow: Callable[..., tuple[int, str, str]]) -> None:
    code, out, _ = tflow("--list")
    assert code == 0
    assert "numbers       error    Numbers, years, percentages and dates keep their values" in out
    assert len(out.splitlines()) == len(CHECKS)


def test_check_command_rejects_a_language_the_project_does_not_have(
    tflow: Callable[..., tuple[int, str, str]]
) -> None:
    code, _, err = tflow("--lang", "de")
    assert code == 2
    assert "'de' is not one of uk, ru, en" in err
