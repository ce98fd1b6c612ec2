"""`[mt]` in translate-flow.toml: chains, pairs, engines, and errors that name the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from translate_flow import config
from translate_flow.errors import ConfigError, EngineError
from translate_flow.mt import settings


def load(tmp_path: Path, mt: str) -> settings.Settings:
    """Settings from a config whose `[mt]` table is `mt` (top-level keys first, then tables)."""
    path = tmp_path / "translate-flow.toml"
    path.write_text('[project]\nlanguages = ["uk", "ru", "en"]\n\n[mt]\n' + mt + "\n", encoding="utf-8")
    return settings.load(config.load(path))


def test_the_default_chain_is_offline(tmp_path: Path) -> None:
    found = load(tmp_path, "")
    assert found.chain("en", "uk") == ("memory", "pivot", "apertium")
    assert found.fuzzy_threshold == 85 and found.concurrency == 4
    assert found.cache_path == tmp_path / ".tflow" / "cache.sqlite"


def test_a_pair_overrides_the_chain(tmp_path: Path) -> None:
    found = load(tmp_path, '[mt.pairs.en-uk]\nengines = ["memory", "deepl"]')
    assert found.chain("en", "uk") == ("memory", "deepl")
    assert found.chain("en", "ru") == ("memory", "pivot", "apertium")
    assert found.chain("en", "uk", override=("google",)) == ("google",)


def test_engine_tables_are_read(tmp_path: Path) -> None:
    found = load(tmp_path, '[mt.engine.llm]\nurl = "http://localhost:11434/v1"\nmodel = "qwen"\nrate = 2')
    assert found.of("llm").url == "http://localhost:11434/v1" and found.of("llm").rate == 2.0
    assert found.of("llm").timeout == 120.0
    assert found.of("google").rate == 5.0


def test_an_unknown_engine_names_file_and_key(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"translate-flow\.toml:5: \[mt\] engines: expected one of 'memory', .*found 'yandex'"):
        load(tmp_path, 'engines = ["memory", "yandex"]')


def test_a_bad_value_names_file_and_key(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"toml:5: \[mt\] concurrency: expected an integer, found 'four'"):
        load(tmp_path, 'concurrency = "four"')
    with pytest.raises(ConfigError, match=r"toml:6: \[mt\] fuzzy_threshold: expected 50 to 100, found 20$"):
        load(tmp_path, "retries = 2\nfuzzy_threshold = 20")
    with pytest.raises(ConfigError, match=r"toml:5: \[mt\] timeout: expected more than 0, found 0$"):
        load(tmp_path, "timeout = 0")


def test_a_bad_pair_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\[mt.pairs\] en-xx: expected two of the project's languages"):
        load(tmp_path, '[mt.pairs.en-xx]\nengines = ["memory"]')


def test_an_unknown_engine_setting_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"toml:6: \[mt.engine.libre\] modle: unknown key; did you mean 'model'\?$"):
        load(tmp_path, '[mt.engine.libre]\nmodle = "qwen"')


def test_libre_without_url_is_a_config_error(tmp_path: Path) -> None:
    found = load(tmp_path, "")
    with pytest.raises(ConfigError, match=r"\[mt.engine.libre\] url: required"):
        settings.build("libre", found)


def test_keys_come_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEEPL_AUTH_KEY", "from-env:fx")
    monkeypatch.setenv("MY_LLM_KEY", "llm-env")
    found = load(tmp_path, '[mt.engine.llm]\nurl = "http://localhost/v1"\nmodel = "m"\nkey_env = "MY_LLM_KEY"')
    assert found.of("deepl").key == "from-env:fx"
    assert found.of("llm").key == "llm-env"
    assert "from-env" not in repr(found) and "llm-env" not in repr(found)


def test_deepl_without_a_key_says_where_to_put_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DEEPL_AUTH_KEY", raising=False)
    with pytest.raises(EngineError, match="set DEEPL_AUTH_KEY"):
        settings.build("deepl", load(tmp_path, ""))
