"""HTTP plumbing shared by the online engines: timeouts, error kinds, secrets.

deep-translator sends every request without a timeout, so a server that never
answers blocks forever (deep-translator issue #163; the fix, PR #231, was never
merged). Each of its engine modules calls the module-level name `requests`;
`install` replaces that name inside ``deep_translator.<engine>`` with a
stand-in whose `get`/`post` add the calling thread's timeout and remember the
response status, which deep-translator's own exceptions do not carry. The
global `requests` module is left alone.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
import urllib.parse
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import requests

DEFAULT_TIMEOUT = 30.0

_local = threading.local()
_secrets: set[str] = set()
_secrets_lock = threading.Lock()


class HTTPStatusError(Exception):
    """A server answered with an error status (raised by our own clients)."""

    def __init__(self, status: int, message: str) -> None:
        self.status = status
        super().__init__(f"HTTP {status}: {message}")


@contextlib.contextmanager
def timeout(seconds: float) -> Iterator[None]:
    """Requests made by this thread inside the block time out after `seconds`."""
    previous = getattr(_local, "timeout", None)
    _local.timeout = seconds
    try:
        yield
    finally:
        _local.timeout = previous


def current_timeout() -> float:
    value = getattr(_local, "timeout", None)
    return float(value) if value else DEFAULT_TIMEOUT


def clear_status() -> None:
    _local.status = None
    _local.error = None


def last_status() -> int | None:
    """The status of the last response this thread received through `install`ed modules."""
    value = getattr(_local, "status", None)
    return int(value) if value is not None else None


class _TimeoutRequests:
    """Stands in for `requests` inside one deep-translator module."""

    def __getattr__(self, name: str) -> Any:
        return getattr(requests, name)  # requests.exceptions etc. stay reachable

    def get(self, url: str, **kwargs: Any) -> requests.Response:
        return self._send("get", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> requests.Response:
        return self._send("post", url, **kwargs)

    def _send(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", current_timeout())
        try:
            response = requests.request(method, url, **kwargs)
        except requests.exceptions.RequestException as exc:
            # Some clients swallow this and fail later on a None response
            # (MicrosoftTranslator logs it, then calls None.json()).
            _local.error = exc
            raise
        _local.status = response.status_code
        return response


_installed: set[str] = set()
_install_lock = threading.Lock()


def install(module_name: str) -> ModuleType:
    """Import ``deep_translator.<module_name>`` with its `requests` replaced (once)."""
    module = importlib.import_module(f"deep_translator.{module_name}")
    with _install_lock:
        if module_name not in _installed:
            module.requests = _TimeoutRequests()  # type: ignore[attr-defined]
            _installed.add(module_name)
    return module


def transient(exc: BaseException) -> bool:
    """Whether a failed request is worth retrying: 429, 5xx, timeouts, connection errors."""
    if isinstance(exc, (requests.exceptions.Timeout, requests.exceptions.ConnectionError,
                        ConnectionError, TimeoutError)):
        return True
    if isinstance(exc, HTTPStatusError):
        return exc.status == 429 or exc.status >= 500
    name = type(exc).__name__
    if name in ("TooManyRequests", "TooManyRequestsException", "ConnectionException"):
        return True
    swallowed = getattr(_local, "error", None)
    if swallowed is not None and swallowed is not exc:
        return transient(swallowed)
    status = getattr(exc, "http_status_code", None) or last_status()
    return status is not None and (status == 429 or status >= 500)


def unreached(exc: BaseException) -> bool:
    """Whether the request never reached a server: a refused or failed connection, no DNS."""
    swallowed = getattr(_local, "error", None)
    if swallowed is not None and swallowed is not exc:
        exc = swallowed
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    if isinstance(exc, requests.exceptions.Timeout):
        return False  # the text may have arrived; the answer did not
    return isinstance(exc, (requests.exceptions.ConnectionError, ConnectionError)) or (
        type(exc).__name__ == "ConnectionException"
    )


def host(exc: BaseException) -> str | None:
    """The host a failed request was for, when the exception says."""
    swallowed = getattr(_local, "error", None)
    if swallowed is not None and swallowed is not exc:
        exc = swallowed
    request = getattr(exc, "request", None)
    url = getattr(request, "url", None)
    if isinstance(url, str) and url:
        return urllib.parse.urlsplit(url).netloc or None
    return None


def register_secret(secret: str | None) -> None:
    """Remember a key so that `redact` removes it from any message shown or logged."""
    if secret and len(secret) >= 4:
        with _secrets_lock:
            _secrets.add(secret)


def redact(message: str) -> str:
    """`message` with every registered key replaced by ``***``."""
    with _secrets_lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        message = message.replace(secret, "***")
        for quoted in (urllib.parse.quote(secret, safe=""), urllib.parse.quote_plus(secret)):
            message = message.replace(quoted, "***")
    return message


def describe(exc: BaseException) -> str:
    """A one-line, key-free description of a failed request."""
    swallowed = getattr(_local, "error", None)
    if swallowed is not None and swallowed is not exc:
        exc = swallowed
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    status = getattr(exc, "status", None) or getattr(exc, "http_status_code", None) or last_status()
    name = type(exc).__name__
    if isinstance(exc, requests.exceptions.Timeout):
        text = "timed out"
    elif isinstance(exc, requests.exceptions.ConnectionError):
        text = "cannot connect"
    elif status and str(status) not in text:
        text = f"HTTP {status} {text}".strip()
    return redact(f"{name}: {text}" if text else name)[:200]
