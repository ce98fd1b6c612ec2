"""A git repository, driven through the `git` program."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import GitError


@dataclass(frozen=True)
class Repository:
    """The work tree of a clone; every method runs `git -C <root>`."""

    root: Path

    @classmethod
    def find(cls, start: Path) -> Repository | None:
        """The repository whose work tree holds `start`, or None outside one."""
        try:
            done = subprocess.run(["git", "-C", str(start), "rev-parse", "--show-toplevel"],
                                  capture_output=True, text=True, check=False)
        except FileNotFoundError:
            return None
        if done.returncode != 0 or not done.stdout.strip():
            return None
        return cls(Path(done.stdout.strip()))

    @classmethod
    def require(cls, start: Path) -> Repository:
        found = cls.find(start)
        if found is None:
            raise GitError("not in a git repository; run `git init` or clone the collective's "
                           "repository first", path=start)
        return found

    def run(self, *args: str, env: Mapping[str, str] | None = None, check: bool = True,
            input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        """Run git; a failure is a GitError with git's own first line of complaint."""
        full_env = {**os.environ, **env} if env else None
        done = subprocess.run(["git", "-C", str(self.root), *args], capture_output=True,
                              env=full_env, check=False, input=input)
        if check and done.returncode != 0:
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            reason = next((line for line in detail if line.strip()), f"exit status {done.returncode}")
            raise GitError(f"git {args[0]} failed: {reason}", path=self.root)
        return done

    def text(self, *args: str, check: bool = True) -> str:
        return self.run(*args, check=check).stdout.decode("utf-8", "replace").strip()

    def config(self, name: str) -> str | None:
        done = self.run("config", "--get", name, check=False)
        return done.stdout.decode("utf-8").strip() if done.returncode == 0 else None

    def relative(self, path: Path) -> str:
        return path.resolve().relative_to(self.root.resolve()).as_posix()

    def show(self, revision: str, path: str) -> bytes | None:
        """A file's content at a revision, or None when it does not exist there."""
        done = self.run("show", f"{revision}:{path}", check=False)
        return done.stdout if done.returncode == 0 else None
