"""Helpers shared by the machine-translation benchmarks: a scratch project, the fake server."""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests.mt.fakeserver

from tests.mt.fakeserver import FakeServer, fake  # noqa: E402
from translate_flow.catalog.extract import extract  # noqa: E402
from translate_flow.project import Project  # noqa: E402

__all__ = ["FakeServer", "fake", "project", "timed"]


@contextmanager
def project(statement: str, mt: str, name: str = "s.md") -> Iterator[Project]:
    """A throwaway project with one statement, extracted."""
    with tempfile.TemporaryDirectory(prefix="tflow-bench-") as directory:
        root = Path(directory)
        (root / "translate-flow.toml").write_text(
            '[project]\nlanguages = ["uk", "ru", "en"]\n\n[mt]\n' + mt + "\n", encoding="utf-8"
        )
        (root / "statements").mkdir()
        (root / "statements" / name).write_text(statement, encoding="utf-8")
        found = Project.open(root)
        extract(found)
        yield found


@contextmanager
def timed(label: str, results: dict[str, float]) -> Iterator[None]:
    started = time.perf_counter()
    yield
    results[label] = time.perf_counter() - started
