"""The cache remembers answers by engine, languages and text, and nothing else."""

from __future__ import annotations

from pathlib import Path

from translate_flow.mt.cache import Cache


def test_answers_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    cache = Cache(path)
    cache.put_many("google", "", "en", "uk", {"Hello": "Привіт", "Nothing": None})
    cache.close()
    again = Cache(path)
    assert again.get_many("google", "", "en", "uk", ["Hello", "Nothing", "Other"]) == {
        "Hello": "Привіт",
        "Nothing": None,
    }
    again.close()


def test_keys_include_engine_variant_and_languages(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c.sqlite")
    cache.put_many("llm", "model-a", "en", "uk", {"Hello": "Привіт"})
    assert cache.get_many("llm", "model-b", "en", "uk", ["Hello"]) == {}
    assert cache.get_many("llm", "model-a", "en", "ru", ["Hello"]) == {}
    assert cache.get_many("google", "model-a", "en", "uk", ["Hello"]) == {}
    cache.close()


def test_the_source_text_is_stored_only_as_a_digest(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    cache = Cache(path)
    cache.put_many("google", "", "en", "uk", {"A very distinctive sentence": "Речення"})
    cache.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert b"A very distinctive sentence" not in raw
