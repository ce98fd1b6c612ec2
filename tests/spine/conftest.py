from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from translate_flow.cli import cli


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project made by `tflow init`, as the working directory."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["init", "."])
    assert result.exit_code == 0, result.output
    return tmp_path


@pytest.fixture
def tflow(project: Path) -> Callable[..., Result]:
    """Run a tflow command in the project; stdout and stderr kept apart."""

    def run(*args: str) -> Result:
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)

    return run


def write_statement(project: Path, name: str, text: str) -> Path:
    path = project / "statements" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
