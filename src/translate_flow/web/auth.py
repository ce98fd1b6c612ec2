"""Sessions and sign-in rate limiting for the review server.

Sessions live in SQLite (`.tflow/sessions.sqlite`, mode 0600), so restarting
`tflow serve` signs nobody out. The cookie holds a random session id; the
database keeps only its hash, the person, the invite the session came from and
a CSRF token that every write must echo back. Revoking or replacing an invite
ends its sessions at their next request, because the server compares the
session's invite with the person's current one on every request.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from .invites import digest

SESSION_SECONDS = 14 * 24 * 3600
SESSIONS_NAME = "sessions.sqlite"
Clock = Callable[[], float]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    key TEXT PRIMARY KEY,
    person TEXT NOT NULL,
    invite TEXT NOT NULL,
    csrf TEXT NOT NULL,
    expires REAL NOT NULL
)
"""


@dataclass(frozen=True)
class Session:
    """A signed-in browser: whose it is, which invite let it in, its CSRF token."""

    key: str
    person: str
    invite: str
    csrf: str
    expires: float

    def csrf_ok(self, sent: str | None) -> bool:
        """Whether `sent` is this session's CSRF token (compared in constant time)."""
        if sent is None:
            return False
        return secrets.compare_digest(self.csrf.encode(), sent.encode("utf-8", "surrogateescape"))


class Sessions:
    """Session ids → sessions, in a SQLite file shared by every worker and restart."""

    def __init__(self, path: Path, lifetime: float = SESSION_SECONDS, clock: Clock = time.time) -> None:
        self.path = path
        self._lifetime = lifetime
        self._clock = clock
        self._ready = False
        self._lock = threading.Lock()

    @classmethod
    def for_root(cls, root: Path) -> Sessions:
        return cls(root / ".tflow" / SESSIONS_NAME)

    @contextlib.contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        try:
            if not self._ready:
                with self._lock:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    if not self.path.exists():
                        # Created 0600 before SQLite opens it: it holds CSRF tokens.
                        os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))
                    with contextlib.closing(sqlite3.connect(self.path, timeout=30)) as db, db:
                        db.execute(_SCHEMA)
                    self._ready = True
            with contextlib.closing(sqlite3.connect(self.path, timeout=30)) as db, db:
                yield db
        except sqlite3.DatabaseError as exc:
            raise ConfigError(f"the sessions database cannot be used ({exc}); stop the server, "
                              "delete the file and sign in again", path=self.path) from None

    def start(self, person: str, invite: str) -> tuple[str, Session]:
        """A new session; returns the cookie value (never stored) and the session."""
        cookie = secrets.token_urlsafe(32)
        now = self._clock()
        session = Session(digest(cookie), person, invite, secrets.token_urlsafe(32), now + self._lifetime)
        with self._db() as db:
            db.execute("DELETE FROM sessions WHERE expires < ?", (now,))
            db.execute("INSERT INTO sessions VALUES (?, ?, ?, ?, ?)",
                       (session.key, person, invite, session.csrf, session.expires))
        return cookie, session

    def get(self, cookie: str | None) -> Session | None:
        if not cookie:
            return None
        key = digest(cookie)
        with self._db() as db:
            row = db.execute("SELECT key, person, invite, csrf, expires FROM sessions WHERE key = ?",
                             (key,)).fetchone()
            if row is None:
                return None
            session = Session(*row)
            if session.expires < self._clock():
                db.execute("DELETE FROM sessions WHERE key = ?", (key,))
                return None
        return session

    def end(self, key: str) -> None:
        with self._db() as db:
            db.execute("DELETE FROM sessions WHERE key = ?", (key,))


class RateLimiter:
    """At most `limit` failures per key in a sliding window of `window` seconds.

    Only failed sign-ins count, so a person who opens their link twice is never
    locked out; once the limit is hit, every attempt for that key waits, the
    correct token included, or the limit would not slow down guessing.
    """

    def __init__(self, limit: int = 10, window: float = 600.0, clock: Clock = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._lock = threading.Lock()
        self._failures: dict[str, deque[float]] = {}

    def _recent(self, key: str, now: float) -> deque[float]:
        found = self._failures.get(key, deque())
        while found and found[0] <= now - self.window:
            found.popleft()
        return found

    def retry_after(self, key: str) -> float | None:
        """Seconds until `key` may try again, or None when it may try now."""
        now = self._clock()
        with self._lock:
            recent = self._recent(key, now)
            if not recent:
                self._failures.pop(key, None)
            if len(recent) < self.limit:
                return None
            return max(recent[0] + self.window - now, 1.0)

    def fail(self, key: str) -> None:
        now = self._clock()
        with self._lock:
            recent = self._recent(key, now)
            recent.append(now)
            self._failures[key] = recent


@dataclass(frozen=True)
class Limits:
    """Failed sign-ins counted per client address and per account the link names."""

    clients: RateLimiter
    accounts: RateLimiter

    @classmethod
    def default(cls) -> Limits:
        return cls(RateLimiter(limit=10), RateLimiter(limit=20))
