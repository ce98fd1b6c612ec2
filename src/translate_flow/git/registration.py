"""`tflow git setup`: the merge driver registered in a clone, and `.gitattributes`.

`.git/config` is not shared by a clone, so every member runs this once in their
clone; `.gitattributes` is shared, committed with the project.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from .. import storage
from .repository import Repository

DRIVER = "tflow-po"
ATTRIBUTES = (f"*.po merge={DRIVER}", f"*.pot merge={DRIVER}")


def driver_command() -> str:
    """The driver's command line, with this installation's tflow (git's PATH may lack it)."""
    script = Path(sys.executable).parent / "tflow"
    program = shlex.quote(str(script)) if script.exists() else f"{shlex.quote(sys.executable)} -m translate_flow"
    return f"{program} merge-driver %O %A %B %P"


def registered(repo: Repository) -> bool:
    return repo.config(f"merge.{DRIVER}.driver") is not None


def register(repo: Repository) -> list[str]:
    """Install the driver in this clone and the attributes in the repository; say what changed."""
    changed: list[str] = []
    wanted = {"name": "translate-flow: catalogs merged by entry", "driver": driver_command()}
    for key, value in wanted.items():
        if repo.config(f"merge.{DRIVER}.{key}") != value:
            repo.run("config", f"merge.{DRIVER}.{key}", value)
            changed.append(f".git/config: merge.{DRIVER}.{key}")
    path = repo.root / ".gitattributes"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    present = {line.strip() for line in text.splitlines()}
    missing = [line for line in ATTRIBUTES if line not in present]
    if missing:
        if text and not text.endswith("\n"):
            text += "\n"
        storage.write_text(path, text + "".join(f"{line}\n" for line in missing))
        changed.append(".gitattributes: " + ", ".join(missing))
    return changed
