"""`tflow pretranslate` and `tflow memory`: output, errors, documentation."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from translate_flow import __version__
from translate_flow.cli import FlowGroup
from translate_flow.cli.mt import memory, pretranslate

from .fakeserver import FakeServer
from .test_pretranslate import EN, human, make_project


@click.group(cls=FlowGroup)
def tflow() -> None:
    """The commands under test, grouped as `translate_flow.cli` groups them."""


tflow.add_command(pretranslate)
tflow.add_command(memory)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(tflow, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def google_project(root: Path, server: FakeServer, extra: str = "") -> None:
    make_project(root, {"s.md": EN.format(extra=extra)},
                 mt=f'engines = ["memory", "google"]\n[mt.engine.google]\nrate = 0\nurl = "{server.url}/m"')


def test_pretranslate_prints_a_table_per_engine(tmp_path: Path, server: FakeServer,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    google_project(tmp_path, server)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("pretranslate", "--lang", "uk")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["engine", "segments", "characters", "cache", "hits", "failures", "time"]
    assert lines[1].split()[:5] == ["memory", "0", "0", "0", "0"]
    assert lines[2].split()[:5] == ["google", "3", "51", "0", "0"]
    assert lines[-1] == "3 drafts (1 weak) in 1 catalogs; 0 entries still empty."  # the fake engine's Latin words


def test_dry_run_says_what_would_be_sent(tmp_path: Path, server: FakeServer,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    google_project(tmp_path, server)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("pretranslate", "--dry-run", "--engine", "google")
    assert code == 0 and "would send" in out.splitlines()[0]
    assert out.splitlines()[1].split()[:3] == ["google", "6", "102"]
    assert out.splitlines()[-1] == "Dry run: nothing sent, nothing written; 6 empty entries."
    assert server.requests() == []


def test_embargo_notice_goes_to_stderr(tmp_path: Path, server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    google_project(tmp_path, server, extra="embargo: true\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = run("pretranslate", "--lang", "uk")
    assert code == 0 and "statements/s.md: embargoed; not sent to google" in err


def test_unknown_engine_is_one_error_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_project(tmp_path, {"s.md": EN.format(extra="")})
    monkeypatch.chdir(tmp_path)
    code, _, err = run("pretranslate", "--engine", "memory,yandex")
    assert code == 1
    assert err == (
        "Error: --engine: unknown engine 'yandex'; known: memory, pivot, apertium, google, "
        "mymemory, libre, microsoft, deepl, llm\n"
    )


def test_missing_libre_url_is_one_error_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_project(tmp_path, {"s.md": EN.format(extra="")})
    monkeypatch.chdir(tmp_path)
    code, _, err = run("pretranslate", "--engine", "libre")
    assert code == 1
    assert err.startswith("Error: ") and err.endswith(
        "translate-flow.toml: [mt.engine.libre] url: required: the address of your LibreTranslate server\n")


def test_memory_export_writes_each_entry_once_with_its_source_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path, {"s.md": EN.format(extra="")})
    human(project, "s", "uk", {"We condemn the war.": "Ми засуджуємо війну.", "We support the workers.": "Ми & ви"})
    human(project, "s", "ru", {"We condemn the war.": "Мы осуждаем войну."})
    monkeypatch.chdir(tmp_path)
    code, _, err = run("memory", "export", "-o", "all.tmx")
    assert code == 0 and err == "all.tmx: 2 units\n"
    assert (tmp_path / "all.tmx").read_text(encoding="utf-8") == f"""\
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="translate-flow" creationtoolversion="{__version__}" datatype="plaintext" \
segtype="paragraph" adminlang="en" srclang="en" o-tmf="PO"/>
  <body>
    <tu srclang="en">
      <tuv xml:lang="en">
        <seg>We condemn the war.</seg>
      </tuv>
      <tuv xml:lang="uk">
        <seg>Ми засуджуємо війну.</seg>
      </tuv>
      <tuv xml:lang="ru">
        <seg>Мы осуждаем войну.</seg>
      </tuv>
    </tu>
    <tu srclang="en">
      <tuv xml:lang="en">
        <seg>We support the workers.</seg>
      </tuv>
      <tuv xml:lang="uk">
        <seg>Ми &amp; ви</seg>
      </tuv>
    </tu>
  </body>
</tmx>
"""


def test_memory_export_then_import_then_export_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path, {"s.md": EN.format(extra="")})
    human(project, "s", "uk", {"We condemn the war.": "Ми засуджуємо війну."})
    monkeypatch.chdir(tmp_path)
    assert run("memory", "export", "-o", "all.tmx")[0] == 0
    code, out, _ = run("memory", "import", "all.tmx")
    assert code == 0 and out == "memory/all.tmx: imported, 1 unit (en, uk)\n"
    assert (tmp_path / "memory" / "all.tmx").is_file()
    code, again, err = run("memory", "export")
    assert code == 0 and err == "" and again == (tmp_path / "all.tmx").read_text(encoding="utf-8")


def test_memory_import_of_a_broken_file_is_one_error_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_project(tmp_path, {"s.md": EN.format(extra="")})
    (tmp_path / "bad.tmx").write_text("<tmx><body>", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run("memory", "import", "bad.tmx")
    assert code == 1 and err.startswith("Error: bad.tmx:1: not a valid TMX file")
    assert not (tmp_path / "memory").exists()


@pytest.mark.parametrize("command", [pretranslate, memory, *memory.commands.values()])
def test_every_command_documents_an_example(command: click.Command) -> None:
    assert command.help and "Example:" in command.help
