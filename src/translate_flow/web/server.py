"""`tflow serve`: the review app under uvicorn, on a socket bound before it starts.

Binding first gives the real port when 0 was asked for, so the address can be
printed (and the Host check set) before the first request; the server then
runs in the calling thread until Ctrl-C or `stop()`.
"""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Callable, Sequence

import uvicorn

from ..project import Project
from .app import allowed_hosts, create_app
from .auth import Limits, Sessions
from .state import SaveHook

Log = Callable[[str], None]


class _Lines(logging.Handler):
    """The app's request log and uvicorn's error log, as lines for `log`."""

    def __init__(self, log: Log) -> None:
        super().__init__()
        self._log = log

    def emit(self, record: logging.LogRecord) -> None:
        self._log(self.format(record))


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


class ReviewServer:
    """One review app on one bound socket, served by uvicorn."""

    def __init__(self, project: Project, host: str = "127.0.0.1", port: int = 8000, *,
                 log: Log | None = None, trusted_proxy: Sequence[str] = (),
                 sessions: Sessions | None = None, limits: Limits | None = None,
                 commits: SaveHook | None = None) -> None:
        self.socket = _bind(host, port)
        self.host = host
        self.port = int(self.socket.getsockname()[1])
        try:
            self.app = create_app(project, hosts=allowed_hosts(host, self.port), trusted_proxy=trusted_proxy,
                                  sessions=sessions, limits=limits, commits=commits)
        except BaseException:
            self.socket.close()
            raise
        self.app.state.review.memory.log = log
        self.app.state.review.memory.get(project)
        config = uvicorn.Config(self.app, log_config=None, access_log=False,
                                proxy_headers=False, server_header=False, date_header=True,
                                timeout_graceful_shutdown=5, lifespan="off")
        self._server = uvicorn.Server(config)
        self._handlers: list[tuple[logging.Logger, logging.Handler]] = []
        if log is not None:
            for name in ("uvicorn.error", "translate_flow.web"):
                logger = logging.getLogger(name)
                handler = _Lines(log)
                handler.setFormatter(logging.Formatter("%(message)s"))
                logger.addHandler(handler)
                logger.setLevel(logging.INFO)
                self._handlers.append((logger, handler))

    @property
    def url(self) -> str:
        """The address to open, e.g. ``http://127.0.0.1:8000``."""
        host = self.host.strip("[]")
        return f"http://[{host}]:{self.port}" if ":" in host else f"http://{host}:{self.port}"

    def serve_forever(self) -> None:
        """Serve until `stop()` or Ctrl-C."""
        try:
            self._server.run(sockets=[self.socket])
        finally:
            self.app.state.review.commits.close()
            self.close()

    def wait_started(self, timeout: float = 10.0) -> bool:
        """Wait until uvicorn is serving (from another thread than `serve_forever`'s)."""
        deadline = time.monotonic() + timeout
        while not self._server.started and time.monotonic() < deadline:
            time.sleep(0.01)
        return bool(self._server.started)

    def stop(self) -> None:
        self._server.should_exit = True

    def close(self) -> None:
        self.socket.close()
        for logger, handler in self._handlers:
            logger.removeHandler(handler)
        self._handlers.clear()


def make_server(project: Project, host: str = "127.0.0.1", port: int = 8000, *,
                log: Log | None = None, limits: Limits | None = None,
                trusted_proxy: Sequence[str] = (), commits: SaveHook | None = None) -> ReviewServer:
    """A review server bound to `host:port` (port 0: any free port), not yet serving."""
    return ReviewServer(project, host, port, log=log, limits=limits, trusted_proxy=trusted_proxy,
                        commits=commits)
