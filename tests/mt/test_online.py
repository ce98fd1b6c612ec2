"""The real deep-translator and deepl clients, against the local fake services."""

from __future__ import annotations

from pathlib import Path

import pytest

from translate_flow.mt.adapter import Chain, Policy, Translator
from translate_flow.mt.cache import Cache
from translate_flow.mt.engine import Engine
from translate_flow.mt.online import DeepL, Google, Libre, Microsoft, MyMemory
from translate_flow.net import is_loopback_url

from .fakeserver import FakeServer, fake

FAST = Policy(backoff=0.001, backoff_max=0.01)
TEXT = "We **condemn** the [war](https://example.org/war)."
EXPECTED = "Ве **цондемн** тхе [вар](https://example.org/war)."


def engines(server: FakeServer, timeout: float = 5.0) -> dict[str, Engine]:
    return {
        "google": Google(url=f"{server.url}/m", timeout=timeout),
        "mymemory": MyMemory(url=f"{server.url}/get", timeout=timeout),
        "libre": Libre(url=server.url, timeout=timeout),
        "microsoft": Microsoft(url=f"{server.url}/translate?api-version=3.0", key="ms-secret-key",
                               timeout=timeout),
        "deepl": DeepL(url=server.url, key="deepl-secret:fx", timeout=timeout),
    }


ENGINES = ["google", "mymemory", "libre", "microsoft", "deepl"]


@pytest.mark.parametrize("name", ENGINES)
def test_engine_translates_through_its_real_client(server: FakeServer, name: str) -> None:
    translator = Translator(engines(server)[name], policy=FAST)
    drafts = translator.translate([TEXT, "  Hello world\n"], "en", "uk")
    assert [d.text if d else None for d in drafts] == [EXPECTED, "  Хелло ворлд\n"]
    assert server.requests(), "the request reached the local server"


@pytest.mark.parametrize("name", ENGINES)
def test_engine_retries_429_and_500(server: FakeServer, name: str) -> None:
    server.fail("429", "500")
    translator = Translator(engines(server)[name], policy=FAST)
    drafts = translator.translate(["Hello world"], "en", "uk")
    assert drafts[0] is not None and drafts[0].text == "Хелло ворлд"
    assert len(server.requests()) == 3


@pytest.mark.parametrize("name", ENGINES)
def test_engine_times_out_a_slow_answer_and_retries(server: FakeServer, name: str) -> None:
    server.state.slow = 2.0
    server.fail("slow")
    translator = Translator(engines(server, timeout=0.3)[name], policy=FAST)
    drafts = translator.translate(["Hello world"], "en", "uk")
    assert drafts[0] is not None and drafts[0].text == "Хелло ворлд"
    assert len(server.requests()) == 2


@pytest.mark.parametrize("name", ENGINES)
def test_engine_empty_answer_is_rejected(server: FakeServer, name: str) -> None:
    server.fail("empty")
    translator = Translator(engines(server)[name], policy=FAST)
    assert translator.translate(["Hello world"], "en", "uk") == [None]
    assert translator.tally.failures == 1


def test_mymemory_quota_warning_goes_to_the_next_engine_and_is_not_cached(
    server: FakeServer, tmp_path: Path
) -> None:
    cache = Cache(tmp_path / "cache.sqlite")
    found = engines(server)
    server.fail("quota")
    mymemory = Translator(found["mymemory"], policy=FAST, cache=cache)
    drafts = Chain([mymemory, Translator(found["libre"], policy=FAST, cache=cache)]).translate(
        ["Hello world"], "en", "uk")
    assert drafts[0] is not None and drafts[0].engine == "libre"
    assert "service message" in next(iter(mymemory.tally.rejected))
    assert cache.get_many("mymemory", "", "en", "uk", ["Hello world"]) == {}


def test_mymemory_gets_regional_language_codes(server: FakeServer) -> None:
    Translator(engines(server)["mymemory"], policy=FAST).translate(["Hello world"], "en", "uk")
    assert server.requests("/get")[0].query["langpair"] == ["en-GB|uk-UA"]


def test_libre_gets_ukrainian_although_deep_translator_lacks_it(server: FakeServer) -> None:
    Translator(engines(server)["libre"], policy=FAST).translate(["Hello world"], "en", "uk")
    assert server.requests("/translate")[0].query["target"] == ["uk"]


def test_deepl_sends_many_texts_in_one_request_with_a_header_key(server: FakeServer) -> None:
    texts = [f"Text number {n}" for n in range(12)]
    drafts = Translator(engines(server)["deepl"], policy=FAST).translate(texts, "en", "uk")
    assert [d.text if d else None for d in drafts] == [fake(t, "uk") for t in texts]
    seen = server.requests("/v2/translate")
    assert len(seen) == 1
    assert seen[0].headers["Authorization"] == "DeepL-Auth-Key deepl-secret:fx"
    assert "deepl-secret" not in str(seen[0].query)


def test_microsoft_does_not_fetch_its_language_list(server: FakeServer) -> None:
    Translator(engines(server)["microsoft"], policy=FAST).translate(["Hello world"], "en", "ru")
    assert [s.path for s in server.requests()] == ["/translate"]


def test_parallel_requests_return_each_segment_its_own_translation(server: FakeServer) -> None:
    server.state.delay = 0.01
    texts = [f"Segment {n} says something different." for n in range(40)]
    translator = Translator(engines(server)["google"], policy=Policy(concurrency=4, rate=0))
    drafts = translator.translate(texts, "en", "uk")
    assert [d.text if d else None for d in drafts] == [fake(t, "uk") for t in texts]
    assert 1 < server.state.most_in_flight <= 4


def test_keys_never_reach_the_cache_or_the_error_message(server: FakeServer, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache.sqlite")
    server.fail("500", "500", "500")
    libre = Libre(url=server.url, key="libre-secret-key", timeout=5)
    failing = Translator(libre, policy=Policy(retries=0), cache=cache)
    failing.translate(["Hello world"], "en", "uk")
    assert "libre-secret-key" not in failing.tally.error
    Translator(libre, policy=FAST, cache=cache).translate(["Hello again"], "en", "uk")
    cache.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert b"libre-secret-key" not in raw and b"Hello again" not in raw


def test_connection_refused_is_reported_without_the_key(tmp_path: Path) -> None:
    with FakeServer() as gone:
        url = gone.url
    libre = Libre(url=url, key="another-secret-key", timeout=1)
    translator = Translator(libre, policy=Policy(retries=1, backoff=0.001))
    assert translator.translate(["Hello world"], "en", "uk") == [None]
    assert translator.tally.error == "ConnectionError: cannot connect"
    assert translator.tally.requests == 2


def test_self_hosted_engines_on_loopback_count_as_offline() -> None:
    assert is_loopback_url("http://127.0.0.1:5000/") and is_loopback_url("http://localhost:11434/v1")
    assert is_loopback_url("http://[::1]:8080/")
    assert not is_loopback_url("https://libretranslate.example.org/")
    assert not Libre(url="http://127.0.0.1:5000").online
    assert Libre(url="https://translate.example.org").online
    assert Google().online
