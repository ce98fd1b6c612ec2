"""Every change a person makes through tflow as a commit with that person as author.

With ``[git] commit = true`` the CLI takes a `Snapshot` of the project's
uncommitted files before a command and commits what the command changed, and
nothing else; the web app hands each accepted save to a `Committer`, which
commits it (or a few seconds' worth of them) the same way. A commit message
names the statement, the language and the entries.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import catalog, storage
from ..catalog import io as catalog_io
from ..catalog.changes import EntryChange, changes, one_line
from ..config import Config
from ..errors import TranslateFlowError
from ..project import Project
from ..review.people import Person, load_people
from .repository import Repository

MAX_LISTED = 40


def enabled(config: Config) -> bool:
    """``[git] commit = true`` in translate-flow.toml."""
    return config.git_commit


@dataclass(frozen=True)
class Author:
    """Who a commit is by: a person of ``[[people]]`` when known, else git's own identity."""

    name: str
    email: str
    person: str | None

    @property
    def address(self) -> str:
        return f"{self.name} <{self.email}>"


def identify(project: Project, repo: Repository, person: str | None = None,
             named: tuple[str, ...] = ()) -> Author:
    """The author for `person` (a `--as/--person` value); else the one person the changed
    entries' new `translated:`/`approved:` notes name (a packet's owner); else git's
    user.email or user.name matched against ``[[people]]``; else git's identity as it is."""
    people = load_people(project.config)
    if person is not None and person in people:
        return _of(people[person])
    if person is None and len(named) == 1 and named[0] in people:
        return _of(people[named[0]])
    email, name = repo.config("user.email"), repo.config("user.name")
    for candidate in people.values():
        if email and candidate.email.lower() == email.lower():
            return _of(candidate)
    if name and name in people:
        return _of(people[name])
    return Author(person or name or "translate-flow", email or "translate-flow@localhost", None)


def _of(person: Person) -> Author:
    return Author(person.name, person.email, person.name)


Snapshot = dict[str, str]


def snapshot(repo: Repository, root: Path) -> Snapshot:
    """Each uncommitted (or new, not ignored) file under `root`, with its status and content hash."""
    listed = repo.run("status", "--porcelain=v1", "-z", "--untracked-files=all", "--", str(root)).stdout
    found: dict[str, str] = {}
    items = listed.decode("utf-8", "surrogateescape").split("\0")
    index = 0
    while index < len(items):
        item = items[index]
        index += 1
        if len(item) < 4:
            continue
        status, path = item[:2], item[3:]
        if status[0] in "RC":
            index += 1  # the rename's source follows
        found[path] = status
    existing = [p for p in found if (repo.root / p).is_file()]
    if existing:
        hashes = repo.text("hash-object", "--", *existing).splitlines()
        for path, digest in zip(existing, hashes):
            found[path] += " " + digest
    return found


def _new_kept(project: Project, repo: Repository, path: str) -> bool:
    """Whether a new file is the project's truth: a catalog, a template, review assignments.
    Other new files (editions, say) are committed once the collective tracks them."""
    full = (repo.root / path).resolve()
    return any(full.is_relative_to(where.resolve())
               for where in (project.config.locales_dir, project.root / "review"))


def changed_since(project: Project, repo: Repository, before: Snapshot) -> list[str]:
    """Paths whose state differs from the snapshot: what a command changed."""
    after = snapshot(repo, project.root)
    changed = (p for p in {*before, *after} if before.get(p) != after.get(p))
    return sorted(p for p in changed
                  if not after.get(p, "").startswith("??") or _new_kept(project, repo, p))


def _catalog_changes(repo: Repository, project: Project, path: str) -> list[EntryChange] | None:
    if not path.endswith((".po", ".pot")):
        return None
    file = repo.root / path
    try:
        old_bytes = repo.show("HEAD", path)
        old = catalog_io.parse(old_bytes.decode("utf-8"), file, f"HEAD:{path}") if old_bytes else None
        new = catalog.read(file, display=path) if file.exists() else None
    except (TranslateFlowError, UnicodeDecodeError):
        return None
    return changes(old, new)


def _what(project: Project, repo: Repository, path: str) -> tuple[str, str] | None:
    """(statement, language) of a catalog or template path."""
    try:
        rel = (repo.root / path).resolve().relative_to(project.config.locales_dir.resolve())
    except ValueError:
        return None
    if len(rel.parts) < 2:
        return None
    lang = "template" if rel.parts[0] == "templates" else rel.parts[0]
    return Path(*rel.parts[1:]).with_suffix("").as_posix(), lang


@dataclass(frozen=True)
class Change:
    """What a commit holds: the changed paths and, for catalogs, their changed entries."""

    paths: tuple[str, ...]
    entries: dict[str, list[EntryChange]]

    @property
    def people(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p for found in self.entries.values() for c in found for p in c.by))


def inspect(project: Project, repo: Repository, paths: list[str]) -> Change:
    entries = {}
    for path in paths:
        found = _catalog_changes(repo, project, path)
        if found is not None:
            entries[path] = found
    return Change(tuple(paths), entries)


def message(project: Project, repo: Repository, change: Change, label: str, author: Author) -> str:
    """A commit message naming statements, languages and entries of the changed files."""
    statements: dict[str, list[str]] = {}
    body: list[str] = []
    total = 0
    listed = 0
    others = []
    for path in change.paths:
        what = _what(project, repo, path)
        entries = change.entries.get(path)
        if what is None or entries is None:
            others.append(path)
            continue
        statements.setdefault(what[0], []).append(what[1])
        total += len(entries)
        body.append(f"{path}: {len(entries)} {'entry' if len(entries) == 1 else 'entries'}")
        for item in entries:
            if listed < MAX_LISTED:
                body.append(f"  {item.state:<12} {item.reference:<32} {one_line(item.msgid)}")
            listed += 1
    if listed > MAX_LISTED:
        body.append(f"  … and {listed - MAX_LISTED} more")
    if others:
        body.append("also: " + ", ".join(others))
    subject = label
    if statements:
        order = {lang: i for i, lang in enumerate(project.config.languages)}
        named = "; ".join(f"{slug} ({', '.join(sorted(langs, key=lambda x: order.get(x, len(order))))})"
                          for slug, langs in statements.items())
        subject += f": {named}, {total} {'entry' if total == 1 else 'entries'}"
    elif others:
        subject += ": " + ", ".join(others)
    if author.person:
        subject += f" by {author.person}"
    return subject + "\n\n" + "\n".join(body) + "\n"


def commit(project: Project, repo: Repository, paths: list[str], person: str | None, label: str) -> str | None:
    """Commit exactly `paths` (other staged work stays staged) as `person` (see `identify`);
    return the commit id."""
    if not paths:
        return None
    repo.run("add", "-A", "--", *paths)
    if not repo.text("diff", "--cached", "--name-only", "--", *paths):
        return None
    change = inspect(project, repo, paths)
    author = identify(project, repo, person, change.people)
    env = {}
    if repo.config("user.email") is None:
        env = {"GIT_COMMITTER_NAME": author.name, "GIT_COMMITTER_EMAIL": author.email}
    text = message(project, repo, change, label, author)
    repo.run("commit", "--quiet", "--no-verify", f"--author={author.address}", "-F", "-",
             "--", *paths, env=env, input=text.encode("utf-8"))
    return repo.text("rev-parse", "HEAD")


class Committer:
    """Commits web saves as they are accepted, one commit per person per `window` seconds.

    Thread-safe. Wrap each save in `saving(person, path)`: a save to a file that
    holds another person's uncommitted save commits theirs first, so every
    commit carries one person's work. `window=0` commits every save on its own.
    `close()` commits what is still waiting.
    """

    def __init__(self, project: Project, window: float = 3.0, label: str = "tflow web") -> None:
        self.project = project
        self.repo = Repository.require(project.root)
        self.window = window
        self.label = label
        self._pending: dict[str, set[Path]] = {}
        self._lock = threading.RLock()
        self._timer: threading.Timer | None = None
        self.commits: list[str] = []

    @contextlib.contextmanager
    def saving(self, person: str, path: Path) -> Iterator[None]:
        with self._lock:
            for other, paths in list(self._pending.items()):
                if other != person and path in paths:
                    self._commit(other)
        yield
        self.saved(person, path)

    def saved(self, person: str, path: Path) -> None:
        """Record an accepted save of `path` by `person`."""
        with self._lock:
            self._pending.setdefault(person, set()).add(path)
            if self.window <= 0:
                self._commit(person)
            elif self._timer is None:
                self._timer = threading.Timer(self.window, self.flush)
                self._timer.daemon = True
                self._timer.start()

    def flush(self) -> list[str]:
        """Commit every waiting save now; return the new commits."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            made = [c for person in list(self._pending) if (c := self._commit(person))]
            return made

    def close(self) -> None:
        self.flush()

    def _commit(self, person: str) -> str | None:
        paths = sorted(self._pending.pop(person, set()))
        if not paths:
            return None
        relative = [self.repo.relative(p) for p in paths]
        with contextlib.ExitStack() as locks:
            for path in paths:
                locks.enter_context(storage.lock(path))
            made = commit(self.project, self.repo, relative, person, self.label)
        if made:
            self.commits.append(made)
        return made


@dataclass(frozen=True)
class PendingCommit:
    """The state before a command, so that what it changed can be committed after it."""

    project: Project
    repo: Repository
    before: Snapshot

    def finish(self, label: str, person: str | None) -> str | None:
        paths = changed_since(self.project, self.repo, self.before)
        if not paths:
            return None
        return commit(self.project, self.repo, paths, person, label)


def begin(start: Path | None = None) -> PendingCommit | None:
    """A PendingCommit when the project asks for commits (``[git] commit = true``) and is in git."""
    try:
        project = Project.open(start)
    except TranslateFlowError:
        return None
    if not enabled(project.config):
        return None
    repo = Repository.find(project.root)
    if repo is None:
        return None
    return PendingCommit(project, repo, snapshot(repo, project.root))
