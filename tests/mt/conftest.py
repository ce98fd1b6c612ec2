"""Fixtures for the machine-translation tests: the local fake services, Apertium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import require_program

from .fakeserver import FakeServer


@pytest.fixture
def server() -> Iterator[FakeServer]:
    """The fake translation services on 127.0.0.1, fresh for each test."""
    with FakeServer() as running:
        yield running


@pytest.fixture(scope="session")
def apertium_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A work directory for Apertium's repaired modes, shared by the session (they are slow to build)."""
    require_program("apertium")
    return tmp_path_factory.mktemp("apertium")
