"""Personal sign-in links: issue, look up and revoke invite tokens.

`tflow invite NAME` makes a random token and prints it inside a link; the
token starts with the person's name (``olena.<43 random characters>``), so a
failed sign-in can be counted against the account it tried as well as against
the client that sent it. Only a SHA-256 hash of the token is kept, in `.tflow/invites.json` (mode 0600, never
served, not in version control). A plain hash is enough here: the tokens are
256 random bits, so there is nothing to guess and no need for a slow KDF.
Issuing a new invite for a person replaces the old one, and revoking removes it;
either way the sessions signed in with the old token end, because every session
remembers which invite it came from (see `auth`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from .. import storage
from ..errors import ConfigError

INVITES_NAME = "invites.json"
TOKEN_BYTES = 32


def digest(token: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(token.encode("utf-8", "surrogateescape")).hexdigest()


def claimed_name(token: str) -> str | None:
    """The account a token says it belongs to (the part before its last dot)."""
    name, dot, secret = token.rpartition(".")
    return name if dot and name and secret else None


@dataclass(frozen=True)
class Invite:
    """A person's current invite: the hash of their token and when it was made."""

    name: str
    digest: str
    created: str


class InviteStore:
    """The invites file, re-read whenever another process (`tflow invite`) changed it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._seen: tuple[int, int, int] | None = None
        self._invites: dict[str, Invite] = {}

    @classmethod
    def for_root(cls, root: Path) -> InviteStore:
        return cls(root / ".tflow" / INVITES_NAME)

    def _stamp(self) -> tuple[int, int, int] | None:
        try:
            info = self.path.stat()
        except FileNotFoundError:
            return None
        # Every write replaces the file, so a new inode means new content.
        return (info.st_ino, info.st_mtime_ns, info.st_size)

    def _load(self) -> dict[str, Invite]:
        stamp = self._stamp()
        if stamp is None:
            self._seen, self._invites = None, {}
            return self._invites
        if stamp == self._seen:
            return self._invites
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            invites = {
                name: Invite(name, str(item["digest"]), str(item.get("created", "")))
                for name, item in data["invites"].items()
            }
        except (ValueError, KeyError, TypeError, AttributeError):
            raise ConfigError(
                "the invites file is damaged; delete it and invite everyone again",
                path=self.path,
            ) from None
        self._seen, self._invites = stamp, invites
        return invites

    def invites(self) -> dict[str, Invite]:
        return dict(self._load())

    def current(self, name: str) -> Invite | None:
        return self._load().get(name)

    def lookup(self, token: str) -> Invite | None:
        """The invite this token belongs to, if it is still valid."""
        name = claimed_name(token)
        invite = self._load().get(name) if name is not None else None
        if invite is None or not secrets.compare_digest(invite.digest, digest(token)):
            return None
        return invite

    def _save(self, invites: dict[str, Invite]) -> None:
        data = {
            "version": 1,
            "invites": {
                i.name: {"digest": i.digest, "created": i.created}
                for i in sorted(invites.values(), key=lambda i: i.name)
            },
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self.path.exists():
            # Created 0600 first: storage keeps an existing file's mode on replace.
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))
        os.chmod(self.path, 0o600)
        storage.write_text(self.path, json.dumps(data, indent=2) + "\n")

    def issue(self, name: str) -> str:
        """A new token for `name`, replacing (and so ending) any earlier one."""
        token = f"{name}.{secrets.token_urlsafe(TOKEN_BYTES)}"
        created = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with storage.lock(self.path):
            invites = self._load_fresh()
            invites[name] = Invite(name, digest(token), created)
            self._save(invites)
        return token

    def revoke(self, name: str) -> bool:
        """Remove `name`'s invite; False when there was none."""
        with storage.lock(self.path):
            invites = self._load_fresh()
            if name not in invites:
                return False
            del invites[name]
            self._save(invites)
        return True

    def _load_fresh(self) -> dict[str, Invite]:
        self._seen = None
        return dict(self._load())
