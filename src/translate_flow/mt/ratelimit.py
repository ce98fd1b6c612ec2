"""A per-engine limit on requests per second, shared by the adapter's threads."""

from __future__ import annotations

import threading
import time


class RateLimit:
    """Spaces requests at least ``1 / per_second`` apart; 0 means no limit."""

    def __init__(self, per_second: float) -> None:
        self.interval = 1.0 / per_second if per_second > 0 else 0.0
        self._lock = threading.Lock()
        self._next = 0.0

    def wait(self) -> None:
        """Block until this thread may send its next request."""
        if not self.interval:
            return
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next)
            self._next = slot + self.interval
        delay = slot - now
        if delay > 0:
            time.sleep(delay)
