"""Atomic file writes and inter-process locks.

Every file translate-flow writes goes through `write_text` / `write_bytes`: the
content goes to a temporary file in the same directory, is flushed to disk, and
replaces the target with `os.replace`, so a crash or Ctrl-C leaves either the old
file or the new one, never half of one; the temporary file a killed writer
leaves behind (named with its process id) is removed by the next write.
Catalog writers also hold `lock(path)`, which serialises processes working on
the same file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import filelock

from .errors import LockTimeout

LOCK_TIMEOUT_SECONDS = 60.0
_UNOWNED_TEMPORARY_AGE = 60.0  # seconds; a temporary name without a process id


def _temporary_prefix(path: Path) -> str:
    return f".{path.name}."


def _writer_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_stale_temporaries(path: Path) -> None:
    """Remove what a writer of `path` killed mid-write left: `.<name>.<pid>.<random>.tmp`."""
    prefix = _temporary_prefix(path)
    try:
        candidates = [name for name in os.listdir(path.parent)
                      if name.startswith(prefix) and name.endswith(".tmp")]
    except FileNotFoundError:
        return
    for name in candidates:
        owner = name[len(prefix):].split(".", 1)[0]
        leftover = path.parent / name
        try:
            if owner.isdigit():
                stale = not _writer_alive(int(owner))
            else:
                stale = time.time() - leftover.stat().st_mtime > _UNOWNED_TEMPORARY_AGE
            if stale:
                leftover.unlink()
        except FileNotFoundError:
            pass


def write_bytes(path: Path, data: bytes) -> bool:
    """Atomically replace `path` with `data`; return False when it already had it."""
    _remove_stale_temporaries(path)
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f"{_temporary_prefix(path)}{os.getpid()}.", suffix=".tmp",
                               dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return True


def write_text(path: Path, text: str) -> bool:
    """Atomically replace `path` with UTF-8 `text`; return False when unchanged."""
    return write_bytes(path, text.encode("utf-8"))


def lock_path(path: Path) -> Path:
    """Where the lock for `path` lives: in the temporary directory, named by its path.

    Not beside the file, so that catalogs directories hold only catalogs and
    tools that glob `*.po*` (msgfmt, Weblate, editors) never meet a lock file.
    """
    digest = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:24]
    return Path(tempfile.gettempdir()) / "translate-flow-locks" / f"{digest}.lock"


@contextlib.contextmanager
def lock(path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the inter-process lock of `path` (re-entrant within one process)."""
    target = lock_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    file_lock = filelock.FileLock(str(target), timeout=timeout)
    try:
        file_lock.acquire()
    except filelock.Timeout:
        raise LockTimeout(
            f"another translate-flow process has held this file for {timeout:.0f} s; "
            "wait for it to finish, or remove the stale lock file if none is running",
            path=path,
        ) from None
    try:
        yield
    finally:
        file_lock.release()
