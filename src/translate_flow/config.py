"""`translate-flow.toml` → typed settings.

The core settings (languages, paths, publishing rule) are parsed here. Each
subsystem reads its own table through `Section`, whose getters check types and
name the file and key in their errors, so a broken value is reported as
``translate-flow.toml: [mt] concurrency: expected an integer, found "four"``.
"""

from __future__ import annotations

import builtins
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from .errors import ConfigError

CONFIG_NAME = "translate-flow.toml"

T = TypeVar("T")

DEFAULT_CONFIG = """\
# translate-flow project settings: https://github.com/ (see README.md)
[project]
source_language = "en"          # language of a statement without `lang:` in its front matter
languages = ["uk", "ru", "en"]  # every edition the collective publishes
statements = "statements"
locales = "locales"
editions = "editions"
glossary = "glossary.csv"

[mt]
# Offline by default. Online engines (google, mymemory, libre, microsoft, deepl, llm)
# receive text only when they are named here.
engines = ["memory", "pivot", "apertium"]

[review]
two_people = true               # nobody approves their own translation

[publish]
require = "approved"            # or "translated"

# [[people]]
# name = "olena"
# email = "olena@example.org"
# languages = ["uk", "ru"]
# roles = ["translator", "reviewer"]
# max_words = 8000
"""


def _type_name(value: object) -> str:
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)


@dataclass(frozen=True)
class Section:
    """One table of the config, with typed getters whose errors name file and key."""

    path: Path
    name: builtins.str
    data: dict[builtins.str, Any]

    def _where(self, key: builtins.str) -> builtins.str:
        return f"[{self.name}] {key}" if self.name else key

    def _get(self, key: builtins.str, kind: type | tuple[type, ...], default: T) -> Any:
        if key not in self.data:
            return default
        value = self.data[key]
        if isinstance(value, builtins.bool) and kind in (builtins.int, builtins.float, (builtins.int, builtins.float)):
            ok = False
        else:
            ok = isinstance(value, kind)
        if not ok:
            names = kind if isinstance(kind, tuple) else (kind,)
            expected = " or ".join(_type_name(k()) for k in names)
            raise ConfigError(
                f"{self._where(key)}: expected {expected}, found {value!r}", path=self.path
            )
        return value

    def str(self, key: builtins.str, default: T) -> builtins.str | T:
        return self._get(key, builtins.str, default)  # type: ignore[no-any-return]

    def int(self, key: builtins.str, default: T) -> builtins.int | T:
        return self._get(key, builtins.int, default)  # type: ignore[no-any-return]

    def number(self, key: builtins.str, default: T) -> builtins.float | T:
        value = self._get(key, (builtins.int, builtins.float), default)
        return float(value) if isinstance(value, (builtins.int, builtins.float)) else value

    def bool(self, key: builtins.str, default: T) -> builtins.bool | T:
        return self._get(key, builtins.bool, default)  # type: ignore[no-any-return]

    def str_list(self, key: builtins.str, default: T) -> list[builtins.str] | T:
        value = self._get(key, list, default)
        if value is default:
            return value
        for item in value:
            if not isinstance(item, builtins.str):
                raise ConfigError(
                    f"{self._where(key)}: expected a list of strings, found {item!r} in it",
                    path=self.path,
                )
        return list(value)

    def choice(self, key: builtins.str, choices: tuple[builtins.str, ...], default: builtins.str) -> builtins.str:
        value = self.str(key, default)
        if value not in choices:
            raise ConfigError(
                f"{self._where(key)}: expected one of {', '.join(choices)}, found {value!r}",
                path=self.path,
            )
        return value

    def table(self, key: builtins.str) -> Section:
        value = self._get(key, dict, {})
        return Section(self.path, f"{self.name}.{key}" if self.name else key, value)

    def tables(self, key: builtins.str) -> list[Section]:
        """An array of tables (``[[people]]``), each as a Section."""
        value = self._get(key, list, [])
        sections = []
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                raise ConfigError(f"{key}[{index}]: expected a table, found {item!r}", path=self.path)
            sections.append(Section(self.path, f"{key}[{index}]", item))
        return sections

    def keys(self) -> Iterator[builtins.str]:
        return iter(self.data)

    def error(self, key: builtins.str, message: builtins.str) -> ConfigError:
        """A ConfigError about `key` of this section, for checks a getter cannot do."""
        return ConfigError(f"{self._where(key)}: {message}", path=self.path)


@dataclass(frozen=True)
class Config:
    """The project's settings; `root` is the directory that holds the config file."""

    root: Path
    path: Path
    source_language: str
    languages: tuple[str, ...]
    statements_dir: Path
    locales_dir: Path
    editions_dir: Path
    glossary_path: Path
    publish_require: str
    two_people: bool
    data: dict[str, Any] = field(repr=False)

    def section(self, name: str) -> Section:
        """A top-level table, empty when the file has none."""
        return Section(self.path, "", self.data).table(name) if name in self.data else Section(
            self.path, name, {}
        )

    @property
    def top(self) -> Section:
        return Section(self.path, "", self.data)

    @property
    def cache_dir(self) -> Path:
        return self.root / ".tflow"


_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)")


def find_config(start: Path) -> Path:
    """The nearest `translate-flow.toml` at or above `start`."""
    start = start.resolve()
    for directory in (start, *start.parents):
        candidate = directory / CONFIG_NAME
        if candidate.is_file():
            return candidate
    raise ConfigError(
        f"no {CONFIG_NAME} here or in any parent directory; "
        "run `tflow init` to create a project",
        path=start,
    )


def load(path: Path) -> Config:
    """Read and validate a config file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the config: {exc.strerror}", path=path) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError("not UTF-8; save the file as UTF-8", path=path, line=line) from None
    except tomllib.TOMLDecodeError as exc:
        text = str(exc)
        match = _TOML_POSITION.search(text)
        position = int(match.group(1)) if match else None
        reason = _TOML_POSITION.sub("", text).strip()
        raise ConfigError(f"invalid TOML: {reason}", path=path, line=position) from None
    return _parse(path, data)


def _parse(path: Path, data: dict[str, Any]) -> Config:
    from . import locales

    top = Section(path, "", data)
    project = top.table("project")
    root = path.parent
    languages = tuple(project.str_list("languages", ["uk", "ru", "en"]))
    if not languages:
        raise project.error("languages", "expected at least one language")
    for code in languages:
        locales.require_known(code, where=f"{path}: [project] languages")
    source = project.str("source_language", "en")
    locales.require_known(source, where=f"{path}: [project] source_language")
    if source not in languages:
        raise project.error(
            "source_language", f"{source!r} is not in languages {list(languages)}; add it there"
        )
    publish = top.table("publish")
    review = top.table("review")
    return Config(
        root=root,
        path=path,
        source_language=source,
        languages=languages,
        statements_dir=root / project.str("statements", "statements"),
        locales_dir=root / project.str("locales", "locales"),
        editions_dir=root / project.str("editions", "editions"),
        glossary_path=root / project.str("glossary", "glossary.csv"),
        publish_require=publish.choice("require", ("approved", "translated"), "approved"),
        two_people=review.bool("two_people", True),
        data=data,
    )


def discover(start: Path | None = None) -> Config:
    """Find and load the config that governs `start` (default: the working directory)."""
    return load(find_config(start or Path.cwd()))
