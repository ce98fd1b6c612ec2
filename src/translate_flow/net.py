"""Whether a host or URL is this machine: the line between offline and online."""

from __future__ import annotations

import ipaddress
import urllib.parse

_LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_loopback_host(host: str) -> bool:
    """True for `localhost` and loopback addresses (127.0.0.0/8, ::1)."""
    if host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_loopback_url(url: str) -> bool:
    """True when `url` points at a server on this machine."""
    return is_loopback_host(urllib.parse.urlsplit(url).hostname or "")
