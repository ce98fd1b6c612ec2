from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner, Result

from translate_flow import storage
from translate_flow.cli import cli
from tests.spine.conftest import write_statement


def test_statement_that_is_not_utf8_is_one_line_naming_file_and_line(project: Path, tflow: Callable[..., Result]) -> None:
    (project / "statements/cp1251.md").write_bytes("Мир\n\nвойна\n".encode("cp1251"))
    result = tflow("extract")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: statements/cp1251.md:1: not UTF-8")
    assert result.stderr.count("\n") == 1
    assert not (project / "locales/templates").exists()


def test_malformed_front_matter_names_the_line(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "bad.md", "---\ntitle: ok\nauthor: [unclosed\nlang: en\n---\n\nText.\n")
    result = tflow("extract")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: statements/bad.md:")
    assert "malformed front matter" in result.stderr


def test_unknown_language_in_front_matter_is_refused(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "xx.md", "---\nlang: klingon\n---\n\nText.\n")
    result = tflow("extract")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: statements/xx.md:2: unknown language 'klingon' in front matter; use one of uk, ru, en\n"
    )


def test_a_regional_or_capitalised_language_code_is_refused_with_the_code_to_write(
    project: Path, tflow: Callable[..., Result]
) -> None:
    write_statement(project, "region.md", "---\nlang: uk-UA\n---\n\nТекст.\n")
    result = tflow("extract")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: statements/region.md:2: language 'uk-UA' in front matter is not one of "
        "[project] languages; write `lang: uk`\n"
    )
    assert not (project / "locales" / "templates" / "region.pot").exists()


def test_a_known_language_the_project_does_not_translate_is_refused(
    project: Path, tflow: Callable[..., Result]
) -> None:
    write_statement(project, "be.md", "---\nlang: be\n---\n\nТэкст.\n")
    result = tflow("extract")
    assert result.exit_code == 1
    assert "statements/be.md:2: language 'be' in front matter is not one of [project] languages" in result.stderr
    assert "use one of uk, ru, en" in result.stderr


def test_malformed_po_file_names_its_line_and_nothing_is_written(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "a.md", "Text.\n")
    tflow("extract")
    po = project / "locales/uk/a.po"
    po.write_text(po.read_text(encoding="utf-8") + '\nmsgid "broken\n', encoding="utf-8")
    before = po.read_bytes()
    (project / "statements/a.md").write_text("Other text.\n", encoding="utf-8")
    result = tflow("extract")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: locales/uk/a.po:")
    assert "malformed PO file" in result.stderr
    assert po.read_bytes() == before


def test_broken_config_names_file_and_line(project: Path, tflow: Callable[..., Result]) -> None:
    (project / "translate-flow.toml").write_text('[project]\nlanguages = ["uk", "ru"\n')
    result = tflow("status")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {project / 'translate-flow.toml'}:")
    assert "invalid TOML" in result.stderr


def test_config_value_of_the_wrong_type_names_the_key(project: Path, tflow: Callable[..., Result]) -> None:
    (project / "translate-flow.toml").write_text('[project]\nlanguages = "uk"\n')
    result = tflow("status")
    assert result.stderr == (
        f"Error: {project / 'translate-flow.toml'}:2: [project] languages: expected a list of language codes, found 'uk'\n"
    )


def test_unknown_language_in_config_is_refused(project: Path, tflow: Callable[..., Result]) -> None:
    (project / "translate-flow.toml").write_text('[project]\nlanguages = ["uk", "zz-top"]\nsource_language = "uk"\n')
    result = tflow("status")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {project / 'translate-flow.toml'}:2: [project] languages: unknown language code 'zz-top'; "
        "use an ISO 639 code such as uk, ru or en\n"
    )


def test_missing_config_says_how_to_create_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["status"])
    assert result.exit_code == 1
    assert "no translate-flow.toml here or in any parent directory; run `tflow init`" in result.stderr


def test_usage_error_exits_2(project: Path, tflow: Callable[..., Result]) -> None:
    assert tflow("build", "--lang", "de").exit_code == 2


def test_a_crash_during_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "x.po"
    target.write_text("old\n")

    def crash(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        storage.write_text(target, "new\n")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["x.po"]


def test_every_command_documents_an_example() -> None:
    import click

    def walk(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
        found = []
        context = click.Context(group)
        for name in group.list_commands(context):
            command = group.get_command(context, name)
            assert command is not None
            found.append((prefix + name, command))
            if isinstance(command, click.Group):
                found += walk(command, prefix + name + " ")
        return found

    commands = walk(cli)
    assert len(commands) >= 14
    for name, command in commands:
        if isinstance(command, click.Group):
            continue
        assert "Example" in (command.help or ""), f"`tflow {name}` has no example in its help"


def test_a_first_rule_followed_by_prose_is_a_thematic_break_not_front_matter(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "rule.md", "---\n\nWe condemn the war.\n\n---\n\nAnd the conscription.\n")
    result = tflow("extract")
    assert result.exit_code == 0, result.output
    msgids = [e.msgid for e in polib.pofile(str(project / "locales/uk/rule.po"))]
    assert msgids == ["We condemn the war.", "And the conscription."]


def test_a_front_matter_block_with_a_yaml_error_stays_an_error(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "bad.md", "---\ntitle: ok\ntags: war: peace\n---\n\nText.\n")
    result = tflow("extract")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: statements/bad.md:3: malformed front matter")


def test_a_statement_without_lang_in_another_language_than_the_source_is_refused(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "leaflet.txt", "Заява колективу\n\nМи засуджуємо війну і примусову мобілізацію. "
                    "Пролетарі всіх країн, єднайтеся!\n")
    result = tflow("extract")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: statements/leaflet.txt:1: no `lang:` in front matter and the text reads as Ukrainian, "
        "not English (source_language); add front matter `lang: uk`\n"
    )
    assert not (project / "locales/en/leaflet.po").exists()


def test_a_statement_that_says_its_language_is_not_second_guessed(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "leaflet.md", "---\nlang: uk\n---\n\nМи засуджуємо війну і примусову мобілізацію. "
                    "Пролетарі всіх країн, єднайтеся!\n")
    assert tflow("extract").exit_code == 0
    assert (project / "locales/en/leaflet.po").exists()
    assert not (project / "locales/uk/leaflet.po").exists()


def test_the_language_verdict_of_an_unchanged_statement_is_remembered(
    project: Path, tflow: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    from translate_flow.segment import language

    write_statement(project, "leaflet.txt", "Заява колективу\n\nМи засуджуємо війну і примусову мобілізацію. "
                    "Пролетарі всіх країн, єднайтеся!\n")
    first = tflow("extract")

    def unused(text: str, languages: tuple[str, ...]) -> None:
        raise AssertionError("the model was asked again about an unchanged statement")

    monkeypatch.setattr(language, "detect", unused)
    assert tflow("extract").stderr == first.stderr != ""


def test_a_bad_statement_stops_extract_before_any_catalog_is_written(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "a-good.md", "---\nlang: en\n---\n\nWe condemn the war.\n")
    (project / "statements" / "b-bad.md").write_bytes(b"---\nlang: en\n---\n\nWe condemn the war \xe9t\xe9.\n")
    result = tflow("extract")
    assert result.exit_code == 1
    assert "statements/b-bad.md:5: not UTF-8" in result.stderr
    assert not (project / "locales/templates/a-good.pot").exists()
    assert not (project / "locales/uk/a-good.po").exists()


def test_ctrl_c_during_pretranslate_says_what_was_saved_and_exits_130(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import require_program

    require_program("apertium")
    assert CliRunner().invoke(cli, ["init", str(tmp_path)]).exit_code == 0
    body = "\n\n".join(f"Рабочие завода номер {n} остановили конвейер и требуют освобождения задержанных."
                       for n in range(1500))
    write_statement(tmp_path, "long.md", "---\nlang: ru\n---\n\n" + body + "\n")
    run = [sys.executable, "-m", "translate_flow"]
    assert subprocess.run([*run, "extract"], cwd=tmp_path, capture_output=True).returncode == 0
    catalog = tmp_path / "locales/uk/long.po"
    before = catalog.read_bytes()
    proc = subprocess.Popen([*run, "pretranslate", "--lang", "uk"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while catalog.read_bytes() == before and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert proc.poll() is None, "pretranslate finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "Aborted!" not in err
    saved = [e for e in polib.pofile(str(catalog)) if e.msgstr]
    line = next(line for line in err.splitlines() if line.startswith("Interrupted: "))
    count = int(line.split()[1])
    assert 0 < count <= len(saved) < 1500
    assert line.endswith("run `tflow pretranslate` again to draft the entries still empty "
                         "(nothing already drafted is sent again).")
