"""What engines answered before, so a re-run sends nothing it already sent.

The cache is an SQLite file (`.tflow/cache.sqlite`, derived and deletable),
keyed by engine, its variant (model or server), the two languages and the text
exactly as it was sent (after protection and chunking), stored as a SHA-256
digest: the cache holds translations, never API keys or request details.
Only outputs of requests that succeeded are stored; a network error or a quota
message is tried again next time.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from pathlib import Path

from ..errors import EngineError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translation (
    engine TEXT NOT NULL,
    variant TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    digest TEXT NOT NULL,
    output TEXT,
    created REAL NOT NULL,
    PRIMARY KEY (engine, variant, source, target, digest)
) WITHOUT ROWID
"""


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Cache:
    """A thread-safe view of the cache file; one connection, guarded by a lock."""

    def __init__(self, path: Path | None) -> None:
        """Open (or create) the cache at `path`; None keeps it in memory only."""
        self.path = path
        self._lock = threading.Lock()
        try:
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                str(path) if path else ":memory:", check_same_thread=False, timeout=30
            )
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(_SCHEMA)
            self._db.commit()
        except sqlite3.Error as exc:
            raise EngineError(
                f"cannot open the MT cache: {exc}; delete the file, it is rebuilt as needed",
                path=path,
            ) from None

    def get_many(
        self, engine: str, variant: str, source: str, target: str, texts: list[str]
    ) -> dict[str, str | None]:
        """The cached outputs for those of `texts` that have one (an output may be None)."""
        found: dict[str, str | None] = {}
        by_digest = {digest(t): t for t in texts}
        keys = list(by_digest)
        with self._lock:
            for start in range(0, len(keys), 500):
                part = keys[start : start + 500]
                marks = ",".join("?" * len(part))
                rows = self._db.execute(
                    "SELECT digest, output FROM translation WHERE engine=? AND variant=? "
                    f"AND source=? AND target=? AND digest IN ({marks})",
                    (engine, variant, source, target, *part),
                ).fetchall()
                for key, output in rows:
                    found[by_digest[key]] = output
        return found

    def put_many(
        self, engine: str, variant: str, source: str, target: str, outputs: dict[str, str | None]
    ) -> None:
        """Remember outputs of successful requests (None: the engine had no translation)."""
        if not outputs:
            return
        now = time.time()
        rows = [
            (engine, variant, source, target, digest(text), output, now)
            for text, output in outputs.items()
        ]
        with self._lock:
            self._db.executemany("INSERT OR REPLACE INTO translation VALUES (?,?,?,?,?,?,?)", rows)
            self._db.commit()

    def close(self) -> None:
        with self._lock:
            self._db.close()
