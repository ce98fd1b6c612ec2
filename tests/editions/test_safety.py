from __future__ import annotations

import os
from pathlib import Path

import pytest

from translate_flow.editions import safety

PAIRS = [
    ("A [link](https://x.org) and **bold**.", "Посилання [тут](https://x.org) і **жирне**.", "en", "uk"),
    ("A [link](https://x.org).", "Посилання зникло.", "en", "uk"),
    ("Use `code` here.", "Тут `інший`.", "en", "uk"),
    ("Plain text.", "Звичайний <script>текст</script>.", "en", "uk"),
]


def test_verdicts_on_worker_processes_are_those_of_one_process(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    serial = safety.Verdicts(tmp_path / "one")
    serial.prepare(PAIRS)
    monkeypatch.setattr(safety, "PARALLEL_FROM", 1)
    monkeypatch.setattr(safety, "_idle_cores", lambda: 2)
    parallel = safety.Verdicts(tmp_path / "two")
    parallel.prepare(PAIRS)
    assert [parallel.problems(pair) for pair in PAIRS] == [serial.problems(pair) for pair in PAIRS]
    assert [serial.problems(pair) for pair in PAIRS] == [[], ["links"], ["code"], ["html"]]


def test_a_busy_machine_leaves_no_core_for_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    cores = len(os.sched_getaffinity(0))
    monkeypatch.setattr(os, "getloadavg", lambda: (cores + 3.0, 0.0, 0.0))
    assert safety._idle_cores() == 1


def test_an_idle_machine_gives_every_core_to_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "getloadavg", lambda: (1.0, 0.0, 0.0))
    assert safety._idle_cores() == len(os.sched_getaffinity(0))
