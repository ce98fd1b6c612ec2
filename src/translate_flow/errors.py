"""Every failure a user can cause or fix, as one exception family.

The CLI turns a `TranslateFlowError` into a single line ``Error: <message>`` and
the exception's ``exit_code``. Messages start with the location (``path:line:``),
say what was expected and what was found, and end with the fix when it is known.
This module imports nothing from outside the standard library.
"""

from __future__ import annotations

from pathlib import Path


class TranslateFlowError(Exception):
    """An expected failure, reported to the user as one line."""

    exit_code = 1

    def __init__(self, message: str, *, path: Path | str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(self.render())

    def render(self) -> str:
        if self.path is None:
            return self.message
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message}"


class ConfigError(TranslateFlowError):
    """`translate-flow.toml` is missing, unreadable or has a bad value."""


class StatementError(TranslateFlowError):
    """A statement cannot be read: encoding, front matter, unknown language."""


class CatalogError(TranslateFlowError):
    """A PO file is malformed or does not belong to the statement it is named for."""


class LockTimeout(TranslateFlowError):
    """Another process holds a catalog's lock for too long."""


class EngineError(TranslateFlowError):
    """A translation engine failed or returned something unusable."""


class ReviewError(TranslateFlowError):
    """A review packet or decision cannot be applied."""


class ChecksFailed(TranslateFlowError):
    """Quality checks found at least one error."""

    exit_code = 3


class GitError(TranslateFlowError):
    """A git command failed, or the project is not in a git repository."""
