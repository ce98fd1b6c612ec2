"""`translate-flow.toml` → typed settings, checked once against one schema.

`SCHEMA` declares every table and key the project reads, with its type, default
and allowed values. `load` walks the file against it: an unknown key, a wrong
type or a value out of range is a `ConfigError` naming the file, the line and
the key (and the closest valid key for a typo), before any subsystem runs.
Subsystems then read their table through `Section.get`, which returns the
checked value or the schema's default, and add only the checks that need more
than one key or outside knowledge (the project's languages, the list of checks).
"""

from __future__ import annotations

import difflib
import ipaddress
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Union

from .errors import ConfigError

CONFIG_NAME = "translate-flow.toml"

DEFAULT_CONFIG = """\
# translate-flow project settings; every key is described in README.md, section "Configuration"
[project]
source_language = "en"          # language of a statement without `lang:` in its front matter
languages = ["uk", "ru", "en"]  # every edition the collective publishes
statements = "statements"
locales = "locales"
editions = "editions"
drafts = "drafts"               # draft editions (noindex), never inside editions/
glossary = "glossary.csv"

[mt]
# Offline by default. Online engines (google, mymemory, libre, microsoft, deepl, llm)
# receive text only when they are named here.
engines = ["memory", "pivot", "apertium"]

[review]
two_people = true               # nobody approves their own translation

[publish]
require = "approved"            # or "translated"

[editions]
paper = "A4"                    # or "A5": page size of the PDF editions

[git]
commit = false                  # true: every change made through tflow is a commit by its author

# [[people]]
# name = "olena"
# email = "olena@example.org"
# languages = ["uk", "ru"]
# roles = ["translator", "reviewer"]
# max_words = 8000
# ui = "uk"
"""

ENGINES = ("memory", "pivot", "apertium", "google", "mymemory", "libre", "microsoft", "deepl", "llm")
ROLES = ("translator", "reviewer")
APOSTROPHES = ("’", "ʼ", "'")
PUBLISH_LEVELS = ("approved", "translated")
PAPER_SIZES = ("A4", "A5")

Kind = Literal["string", "integer", "number", "boolean", "strings", "numbers", "language", "languages"]


@dataclass(frozen=True)
class Key:
    """One setting: its type, default (None: optional, no default) and allowed values."""

    kind: Kind
    default: Any = None
    choices: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    above: float | None = None
    refused: str = ""


@dataclass(frozen=True)
class Table:
    """A table whose keys the schema names."""

    keys: Mapping[str, Node]


@dataclass(frozen=True)
class Tables:
    """An array of tables (``[[people]]``), each checked against `table`."""

    table: Table


@dataclass(frozen=True)
class Named:
    """A table whose keys the user chooses (a language pair, an engine): each value is `value`.

    `names`, when given, are the only keys allowed.
    """

    value: Key | Table
    names: tuple[str, ...] = ()


Node = Union[Key, Table, Tables, Named]

_ENGINE = Table({
    "url": Key("string"),
    "key": Key("string"),
    "key_env": Key("string"),
    "model": Key("string"),
    "region": Key("string"),
    "rate": Key("number", low=0),
    "concurrency": Key("integer", low=1),
    "timeout": Key("number", above=0),
})

SCHEMA = Table({
    "project": Table({
        "source_language": Key("language", "en"),
        "languages": Key("languages", ["uk", "ru", "en"]),
        "statements": Key("string", "statements"),
        "locales": Key("string", "locales"),
        "editions": Key("string", "editions"),
        "drafts": Key("string", "drafts"),
        "glossary": Key("string", "glossary.csv"),
    }),
    "mt": Table({
        "engines": Key("strings", ["memory", "pivot", "apertium"], choices=ENGINES),
        "concurrency": Key("integer", 4, low=1),
        "timeout": Key("number", 30.0, above=0),
        "retries": Key("integer", 4, low=0, high=20),
        "fuzzy_threshold": Key("number", 85.0, low=50, high=100),
        "memory": Key("string", "memory"),
        "pairs": Named(Table({"engines": Key("strings", choices=ENGINES)})),
        "engine": Named(_ENGINE, names=ENGINES),
    }),
    "review": Table({
        "two_people": Key("boolean", True),
    }),
    "publish": Table({
        "require": Key("string", "approved", choices=PUBLISH_LEVELS),
    }),
    "checks": Table({
        "quotes": Named(Key("string")),
        "apostrophe_uk": Key("string", "’", choices=APOSTROPHES),
        "length_ratio": Key("numbers", [0.5, 2.0]),
        "length_ratios": Named(Key("numbers")),
        "disable": Key("strings", []),
    }),
    "people": Tables(Table({
        "name": Key("string"),
        "email": Key("string"),
        "languages": Key("languages"),
        "roles": Key("strings", choices=ROLES),
        "max_words": Key("integer", low=1),
        "ui": Key("language"),
    })),
    "smtp": Table({
        "host": Key("string"),
        "port": Key("integer", low=1, high=65535),
        "user": Key("string"),
        "from": Key("string"),
        "starttls": Key("boolean", True),
        "password_env": Key("string"),
        "password": Key("string", refused="never put the password in the file; set password_env "
                                          "to the name of an environment variable that holds it"),
    }),
    "editions": Table({
        "paper": Key("string", "A4", choices=PAPER_SIZES),
    }),
    "git": Table({
        "commit": Key("boolean", False),
    }),
    "web": Table({
        "trusted_proxy": Key("string", ""),
    }),
})


def default_value(*place: str) -> Any:
    """The schema's default for the key at `place`, e.g. ``default_value("checks", "apostrophe_uk")``."""
    node: Node = SCHEMA
    for name in place:
        assert isinstance(node, Table), place
        node = node.keys[name]
    assert isinstance(node, Key), place
    return node.default


Place = tuple[str | int, ...]
"""Where a value sits in the file: ``("people", 1, "name")``."""


def _display(place: Place) -> str:
    text = ""
    for part in place:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


@dataclass(frozen=True)
class Lines:
    """The line of each table and key of one config file."""

    path: Path
    lines: Mapping[Place, int] = field(default_factory=dict)

    def of(self, place: Place) -> int | None:
        """The line of `place`, or of the nearest enclosing table or key the text names."""
        for end in range(len(place), 0, -1):
            if place[:end] in self.lines:
                return self.lines[place[:end]]
        return None

    def error(self, place: Place, message: str) -> ConfigError:
        table, key = place[:-1], place[-1]
        if isinstance(key, int):
            where = f"[{_display(place)}]"
        else:
            where = f"[{_display(table)}] {key}" if table else key
        return ConfigError(f"{where}: {message}", path=self.path, line=self.of(place))


_BARE_OR_QUOTED = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_DOTTED = rf"{_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*"
_HEADER = re.compile(rf"^\s*(\[\[?)\s*({_DOTTED})\s*\]\]?")
_ASSIGNMENT = re.compile(rf"^\s*({_DOTTED})\s*=")
_PART = re.compile(_BARE_OR_QUOTED)


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip("\"'") for part in _PART.findall(dotted))


def locate(text: str) -> dict[Place, int]:
    """The line of every table header and key assignment in TOML `text`.

    tomllib gives no positions for the values it returns, so an error about a
    value could not name its line; this scan of the text finds them. Keys inside
    inline tables get the line of the key that holds the table.
    """
    found: dict[Place, int] = {}
    arrays: dict[tuple[str, ...], int] = {}
    table: Place = ()
    in_string = False
    for number, line in enumerate(text.splitlines(), start=1):
        quotes = line.count('"""') + line.count("'''")
        if in_string:
            in_string = quotes % 2 == 0
            continue
        if quotes % 2:
            in_string = True
        header = _HEADER.match(line)
        if header:
            parts = _parts(header.group(2))
            if header.group(1) == "[[":
                index = arrays.get(parts, -1) + 1
                arrays[parts] = index
                found.setdefault(parts, number)
                table = (*parts, index)
            else:
                table = parts
            found.setdefault(table, number)
            continue
        assignment = _ASSIGNMENT.match(line)
        if assignment:
            parts = _parts(assignment.group(1))
            for end in range(1, len(parts) + 1):
                found.setdefault((*table, *parts[:end]), number)
    return found


_KIND_NAMES: dict[str, str] = {
    "string": "a string", "integer": "an integer", "number": "a number", "boolean": "a boolean",
    "strings": "a list of strings", "numbers": "a list of numbers",
    "language": "a language code", "languages": "a list of language codes",
}


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _fits(kind: Kind, value: object) -> bool:
    if kind in ("string", "language"):
        return isinstance(value, str)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return _is_number(value)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind in ("strings", "languages"):
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    return isinstance(value, list) and all(_is_number(item) for item in value)


def _closest(word: str, candidates: tuple[str, ...], cutoff: float = 0.6) -> str | None:
    found = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
    return found[0] if found else None


def _leaves(node: Node, place: Place = ()) -> Iterator[tuple[Place, str]]:
    """Every key the schema names, with the table it belongs to."""
    if isinstance(node, Table):
        for name, child in node.keys.items():
            yield place, name
            yield from _leaves(child, (*place, name))
    elif isinstance(node, Tables):
        yield from _leaves(node.table, place)


def _unknown(lines: Lines, table: Table, place: Place, key: str, value: object) -> ConfigError:
    what = "unknown section" if not place and isinstance(value, dict) else "unknown key"
    near = _closest(key, tuple(table.keys))
    if near is not None:
        hint = f"[{near}]" if not place and isinstance(table.keys[near], (Table, Tables)) else repr(near)
        return lines.error((*place, key), f"{what}; did you mean {hint}?")
    elsewhere = {name: where for where, name in _leaves(SCHEMA) if where and where != place}
    near = _closest(key, tuple(elsewhere), cutoff=0.8)
    if near is not None:
        return lines.error((*place, key), f"{what}; did you mean {near!r} in [{_display(elsewhere[near])}]?")
    owner = f"[{_display(place)}] has" if place else "the sections are"
    return lines.error((*place, key), f"{what}; {owner} {', '.join(table.keys)}")


def _check_value(lines: Lines, spec: Key, place: Place, value: object) -> None:
    if spec.refused:
        raise lines.error(place, spec.refused)
    if not _fits(spec.kind, value):
        raise lines.error(place, f"expected {_KIND_NAMES[spec.kind]}, found {value!r}")
    items = value if isinstance(value, list) else [value]
    for item in items:
        if spec.choices and item not in spec.choices:
            near = _closest(str(item), spec.choices)
            hint = f"; did you mean {near!r}?" if near is not None else ""
            raise lines.error(
                place, f"expected one of {', '.join(repr(c) for c in spec.choices)}, found {item!r}{hint}"
            )
        if _is_number(item) and not _in_range(spec, item):
            raise lines.error(place, f"expected {_range(spec)}, found {item!r}")
        if spec.kind in ("language", "languages") and not _is_language(item):
            raise lines.error(place, f"unknown language code {item!r}; use an ISO 639 code such as uk, ru or en")


def _is_language(code: object) -> bool:
    from . import locales  # Babel's locale data loads only when a config is checked

    return isinstance(code, str) and locales.is_known(code)


def _in_range(spec: Key, number: Any) -> bool:
    return not (
        (spec.low is not None and number < spec.low)
        or (spec.high is not None and number > spec.high)
        or (spec.above is not None and number <= spec.above)
    )


def _range(spec: Key) -> str:
    def show(bound: float) -> str:
        return f"{bound:g}"

    if spec.low is not None and spec.high is not None:
        return f"{show(spec.low)} to {show(spec.high)}"
    if spec.above is not None:
        return f"more than {show(spec.above)}"
    if spec.low is not None:
        return f"{show(spec.low)} or more"
    assert spec.high is not None
    return f"{show(spec.high)} or less"


def _check(lines: Lines, node: Node, place: Place, value: object) -> None:
    """Raise a ConfigError for the first thing in `value` that `node` does not allow."""
    if isinstance(node, Key):
        _check_value(lines, node, place, value)
    elif isinstance(node, Tables):
        if not isinstance(value, list):
            raise lines.error(place, f"expected tables ([[{_display(place)}]]), found {value!r}")
        for index, item in enumerate(value):
            _check(lines, node.table, (*place, index), item)
    elif not isinstance(value, dict):
        raise lines.error(place, f"expected a table, found {value!r}")
    elif isinstance(node, Table):
        for key, item in value.items():
            if key not in node.keys:
                raise _unknown(lines, node, place, key, item)
            _check(lines, node.keys[key], (*place, key), item)
    else:
        for key, item in value.items():
            if node.names and key not in node.names:
                near = _closest(key, node.names)
                hint = f"did you mean {near!r}?" if near is not None else f"known: {', '.join(node.names)}"
                raise lines.error((*place, key), f"unknown name; {hint}")
            _check(lines, node.value, (*place, key), item)


@dataclass(frozen=True)
class Section:
    """One checked table of the config: its values, the schema's defaults, and its lines."""

    lines: Lines
    place: Place
    data: dict[str, Any]
    schema: Table | Named

    @property
    def path(self) -> Path:
        return self.lines.path

    def get(self, key: str) -> Any:
        """The value of `key`, or the schema's default (a copy); a number is a float."""
        spec = self.schema.keys.get(key) if isinstance(self.schema, Table) else self.schema.value
        if not isinstance(spec, Key):
            raise KeyError(f"{key} is not a key of [{_display(self.place)}] in the schema")
        value = self.data.get(key, spec.default)
        if isinstance(value, list):
            return list(value)
        if spec.kind == "number" and value is not None:
            return float(value)
        return value

    def table(self, key: str) -> Section:
        """The table `key` of this section, empty when the file has none."""
        spec = self.schema.keys.get(key) if isinstance(self.schema, Table) else self.schema.value
        if not isinstance(spec, (Table, Named)):
            raise KeyError(f"{key} is not a table of [{_display(self.place)}] in the schema")
        return Section(self.lines, (*self.place, key), self.data.get(key, {}), spec)

    def tables(self, key: str) -> list[Section]:
        """An array of tables (``[[people]]``), each as a Section."""
        spec = self.schema.keys.get(key) if isinstance(self.schema, Table) else None
        if not isinstance(spec, Tables):
            raise KeyError(f"{key} is not an array of tables in the schema")
        return [
            Section(self.lines, (*self.place, key, index), item, spec.table)
            for index, item in enumerate(self.data.get(key, []))
        ]

    def keys(self) -> Iterator[str]:
        return iter(self.data)

    def error(self, key: str, message: str) -> ConfigError:
        """A ConfigError about `key` of this section, with its line, for checks the schema cannot do."""
        return self.lines.error((*self.place, key), message)


@dataclass(frozen=True)
class Config:
    """The project's settings; `root` is the directory that holds the config file.

    `paper` is ``[editions] paper``, `git_commit` is ``[git] commit``, `trusted_proxy` is
    ``[web] trusted_proxy`` as a network (None: no proxy is trusted). Any other table is
    read through `section`.
    """

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
    paper: str
    git_commit: bool
    trusted_proxy: ipaddress.IPv4Network | ipaddress.IPv6Network | None
    data: dict[str, Any] = field(repr=False)
    lines: Lines = field(repr=False)

    def section(self, name: str) -> Section:
        """A top-level table, empty when the file has none."""
        return self.top.table(name)

    @property
    def top(self) -> Section:
        return Section(self.lines, (), self.data, SCHEMA)

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
    """Read a config file and check all of it against `SCHEMA`."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the config: {exc.strerror}", path=path) from None
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError("not UTF-8; save the file as UTF-8", path=path, line=line) from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.search(message)
        position = int(match.group(1)) if match else None
        reason = _TOML_POSITION.sub("", message).strip()
        raise ConfigError(f"invalid TOML: {reason}", path=path, line=position) from None
    lines = Lines(path, locate(text))
    _check(lines, SCHEMA, (), data)
    return _parse(lines, data)


def _parse(lines: Lines, data: dict[str, Any]) -> Config:
    path = lines.path
    top = Section(lines, (), data, SCHEMA)
    project = top.table("project")
    root = path.parent
    languages = tuple(project.get("languages"))
    if not languages:
        raise project.error("languages", "expected at least one language")
    source = project.get("source_language")
    if source not in languages:
        raise project.error(
            "source_language", f"{source!r} is not in languages {list(languages)}; add it there"
        )
    return Config(
        root=root,
        path=path,
        source_language=source,
        languages=languages,
        statements_dir=root / project.get("statements"),
        locales_dir=root / project.get("locales"),
        editions_dir=root / project.get("editions"),
        glossary_path=root / project.get("glossary"),
        publish_require=top.table("publish").get("require"),
        two_people=top.table("review").get("two_people"),
        data=data,
        lines=lines,
        paper=top.table("editions").get("paper"),
        git_commit=top.table("git").get("commit"),
        trusted_proxy=_proxy(top.table("web")),
    )


def _proxy(web: Section) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    text: str = web.get("trusted_proxy")
    if not text:
        return None
    try:
        return ipaddress.ip_network(text, strict=False)
    except ValueError:
        raise web.error("trusted_proxy", f"expected an IP address or network such as 127.0.0.1 "
                                         f"or 10.0.0.0/8, found {text!r}") from None


def discover(start: Path | None = None) -> Config:
    """Find and load the config that governs `start` (default: the working directory)."""
    return load(find_config(start or Path.cwd()))
