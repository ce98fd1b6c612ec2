from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from translate_flow import storage

KILLED_WRITER = """
import os, sys, time
from pathlib import Path
from translate_flow import storage
def hang(*args):
    print("writing", flush=True)
    time.sleep(600)
os.replace = hang
storage.write_text(Path(sys.argv[1]), "half of a catalog")
"""


def temporaries(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


def test_the_temporary_file_of_a_killed_writer_is_removed_by_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "uk.po"
    target.write_text("old", encoding="utf-8")
    with subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(target)], stdout=subprocess.PIPE) as writer:
        assert writer.stdout is not None and writer.stdout.readline() == b"writing\n"
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
    assert len(temporaries(tmp_path)) == 1
    assert storage.write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert temporaries(tmp_path) == []


def test_a_write_leaves_the_temporary_file_of_a_running_writer_alone(tmp_path: Path) -> None:
    target = tmp_path / "uk.po"
    running = tmp_path / f".uk.po.{os.getppid()}.abcd.tmp"
    running.write_text("in progress", encoding="utf-8")
    other = tmp_path / ".uk.po.old-name.tmp"
    other.write_text("left by an older version", encoding="utf-8")
    assert storage.write_text(target, "new")
    assert temporaries(tmp_path) == sorted([running.name, other.name])
    old = time.time() - 3600
    os.utime(other, (old, old))
    assert storage.write_text(target, "newer")
    assert temporaries(tmp_path) == [running.name]
