"""Fixtures for every test: no network beyond loopback, and real external programs."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from translate_flow.net import is_loopback_host


def _is_loopback(host: Any) -> bool:
    return isinstance(host, str) and is_loopback_host(host.split("%")[0])


@pytest.fixture(autouse=True)
def english_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands speak English (LANG=C, no LANGUAGE) unless a test sets a terminal language."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail any connection or name lookup that would leave this machine."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def check(sock: socket.socket, address: Any) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address[0]):
            raise AssertionError(f"test tried to connect to {address!r}: tests stay on loopback")

    def connect(sock: socket.socket, address: Any) -> None:
        check(sock, address)
        real_connect(sock, address)

    def connect_ex(sock: socket.socket, address: Any) -> int:
        check(sock, address)
        return real_connect_ex(sock, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host is not None and not _is_loopback(host if isinstance(host, str) else host.decode()):
            raise AssertionError(f"test tried to resolve {host!r}: tests stay on loopback")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield


def require_program(name: str) -> str:
    """The path of an external program the test drives; its absence fails the test, never skips.

    `make test` installs the Debian programs first (or stops naming them), so a missing one
    here means the tests were run by hand on a machine that lacks it.
    """
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed: run `sudo make system-deps` (apt-get install)")
    return path


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        default=False,
        help="Rewrite golden files from the current output; review the diff before committing.",
    )


@pytest.fixture
def regen_golden(request: pytest.FixtureRequest) -> bool:
    """Whether golden files are to be rewritten (`pytest --regen-golden`)."""
    return bool(request.config.getoption("--regen-golden"))
