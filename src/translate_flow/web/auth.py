"""Sessions and sign-in rate limiting for the review server.

A session lives in the server's memory only: restarting `tflow serve` signs
everyone out, and they sign in again with their personal link. The cookie holds
a random session id; the server keeps a hash of it, the person, the invite the
session came from, and a CSRF token that every write must echo back.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from .invites import digest

SESSION_SECONDS = 14 * 24 * 3600
Clock = Callable[[], float]


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
    """Session ids → sessions, thread-safe."""

    def __init__(self, lifetime: float = SESSION_SECONDS, clock: Clock = time.time) -> None:
        self._lifetime = lifetime
        self._clock = clock
        self._lock = threading.Lock()
        self._by_key: dict[str, Session] = {}

    def start(self, person: str, invite: str) -> tuple[str, Session]:
        """A new session; returns the cookie value (never stored) and the session."""
        cookie = secrets.token_urlsafe(32)
        now = self._clock()
        session = Session(digest(cookie), person, invite, secrets.token_urlsafe(32), now + self._lifetime)
        with self._lock:
            for key in [k for k, s in self._by_key.items() if s.expires < now]:
                del self._by_key[key]
            self._by_key[session.key] = session
        return cookie, session

    def get(self, cookie: str | None) -> Session | None:
        if not cookie:
            return None
        key = digest(cookie)
        with self._lock:
            session = self._by_key.get(key)
            if session is not None and session.expires < self._clock():
                del self._by_key[key]
                return None
        return session

    def end(self, key: str) -> None:
        with self._lock:
            self._by_key.pop(key, None)


class RateLimiter:
    """At most `limit` failures per key in a sliding window of `window` seconds.

    Only failed sign-ins count, so a person who opens their link twice is never
    locked out; once the limit is hit, every attempt from that address waits,
    the correct token included, or the limit would not slow down guessing.
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
