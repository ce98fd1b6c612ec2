"""The `[mt]` table of `translate-flow.toml`, checked, and the engines it names.

```toml
[mt]
engines = ["memory", "pivot", "apertium"]   # the default: nothing leaves the machine
concurrency = 4            # requests in flight per engine
timeout = 30               # seconds per request
retries = 4                # after 429, 5xx, timeouts and connection errors
fuzzy_threshold = 85       # memory: least similarity offered as a draft
memory = "memory"          # directory of TMX files that feed the memory

[mt.pairs.en-uk]
engines = ["memory", "deepl"]

[mt.engine.libre]
url = "http://localhost:5000/"

[mt.engine.llm]
url = "http://localhost:11434/v1"
model = "qwen2.5:14b"
```

Keys come from the environment (`DEEPL_AUTH_KEY`, `MICROSOFT_API_KEY`,
`LIBRE_API_KEY`, `MYMEMORY_EMAIL`, `TFLOW_LLM_API_KEY`, or the variable named by
`key_env`), or from `key` in the table — which then sits in version control.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import ENGINES, Config
from ..errors import ConfigError
from .apertium import Apertium
from .engine import Engine
from .llm import LLM, TermSource
from .online import DeepL, Google, Libre, Microsoft, MyMemory

_KEY_ENV = {
    "deepl": "DEEPL_AUTH_KEY",
    "microsoft": "MICROSOFT_API_KEY",
    "libre": "LIBRE_API_KEY",
    "mymemory": "MYMEMORY_EMAIL",
    "llm": "TFLOW_LLM_API_KEY",
}
#: Requests per second when the config does not say: what the free services tolerate.
_DEFAULT_RATE = {"google": 5.0, "mymemory": 2.0}


@dataclass(frozen=True)
class EngineSettings:
    """One `[mt.engine.NAME]` table; `key` is resolved but never shown."""

    name: str
    rate: float
    concurrency: int
    timeout: float
    url: str | None = None
    key: str | None = field(default=None, repr=False)
    model: str | None = None
    region: str | None = None


@dataclass(frozen=True)
class Settings:
    """Everything `[mt]` says, with defaults filled in."""

    engines: tuple[str, ...]
    concurrency: int
    timeout: float
    retries: int
    fuzzy_threshold: float
    memory_dir: Path
    cache_path: Path
    workdir: Path
    config_path: Path
    pairs: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    engine: Mapping[str, EngineSettings] = field(default_factory=dict)

    def chain(self, source: str, target: str, override: tuple[str, ...] | None = None) -> tuple[str, ...]:
        """The engine names to try for a language pair, in order."""
        if override:
            return override
        return self.pairs.get((source, target), self.engines)

    def of(self, name: str) -> EngineSettings:
        """The settings of engine `name` (defaults when it has no table)."""
        return self.engine.get(name) or _engine(name, self, {})


def _env_key(name: str, variable: str | None) -> str | None:
    variable = variable or _KEY_ENV.get(name)
    value = os.environ.get(variable) if variable else None
    return value or None


def check_names(names: tuple[str, ...], where: str = "--engine") -> tuple[str, ...]:
    """Engine names given on the command line, checked."""
    for name in names:
        if name not in ENGINES:
            raise ConfigError(f"{where}: unknown engine {name!r}; known: {', '.join(ENGINES)}")
    return names


def _engine(name: str, base: Settings, table: Mapping[str, Any]) -> EngineSettings:
    """The settings of one engine from its checked `[mt.engine.NAME]` values (empty: none)."""
    rate = table.get("rate")
    concurrency = table.get("concurrency")
    timeout = table.get("timeout")
    if timeout is None:
        timeout = 120.0 if name == "llm" else base.timeout
    return EngineSettings(
        name=name,
        url=table.get("url"),
        key=table.get("key") or _env_key(name, table.get("key_env")),
        model=table.get("model"),
        region=table.get("region"),
        rate=float(_DEFAULT_RATE.get(name, 0.0) if rate is None else rate),
        concurrency=base.concurrency if concurrency is None else concurrency,
        timeout=float(timeout),
    )


def load(config: Config) -> Settings:
    """The `[mt]` settings of a project, checked by the config schema when it was loaded."""
    mt = config.section("mt")
    base = Settings(
        engines=tuple(mt.get("engines")),
        concurrency=mt.get("concurrency"),
        timeout=mt.get("timeout"),
        retries=mt.get("retries"),
        fuzzy_threshold=mt.get("fuzzy_threshold"),
        memory_dir=config.root / mt.get("memory"),
        cache_path=config.cache_dir / "cache.sqlite",
        workdir=config.cache_dir,
        config_path=config.path,
    )
    pairs: dict[tuple[str, str], tuple[str, ...]] = {}
    pair_tables = mt.table("pairs")
    for pair in pair_tables.keys():
        source, _, target = pair.partition("-")
        if source not in config.languages or target not in config.languages or source == target:
            raise pair_tables.error(
                pair, f"expected two of the project's languages as FROM-TO, e.g. en-uk; found {pair!r}"
            )
        engines = pair_tables.table(pair).get("engines")
        pairs[(source, target)] = base.engines if engines is None else tuple(engines)
    engine_tables = mt.table("engine")
    engines_of = {name: _engine(name, base, engine_tables.table(name).data) for name in engine_tables.keys()}
    return dataclasses.replace(base, pairs=pairs, engine=engines_of)


def build(name: str, settings: Settings, *, glossary: TermSource | None = None) -> Engine:
    """The machine engine `name`, configured; missing URLs and keys are ConfigErrors."""
    own = settings.of(name)
    where = f"[mt.engine.{name}]"
    engine: Any
    if name == "apertium":
        engine = Apertium(settings.workdir / "apertium", timeout=max(own.timeout, 60.0))
    elif name == "google":
        engine = Google(url=own.url, timeout=own.timeout)
    elif name == "mymemory":
        engine = MyMemory(url=own.url, key=own.key, timeout=own.timeout)
    elif name == "libre":
        if not own.url:
            raise ConfigError(
                f"{where} url: required: the address of your LibreTranslate server",
                path=settings.config_path,
            )
        engine = Libre(url=own.url, key=own.key, timeout=own.timeout)
    elif name == "microsoft":
        engine = Microsoft(url=own.url, key=own.key, region=own.region, timeout=own.timeout)
    elif name == "deepl":
        engine = DeepL(url=own.url, key=own.key, timeout=own.timeout)
    elif name == "llm":
        if not own.url or not own.model:
            raise ConfigError(
                f"{where} url, model: required: the server's base URL (…/v1) and the model name",
                path=settings.config_path,
            )
        engine = LLM(url=own.url, model=own.model, key=own.key, timeout=own.timeout, glossary=glossary)
    else:
        raise ValueError(f"{name} is not a machine engine")
    return engine  # type: ignore[no-any-return]
