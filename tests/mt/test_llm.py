"""The OpenAI-compatible chat engine: wire format, glossary in the prompt, keys."""

from __future__ import annotations

from pathlib import Path

from translate_flow.glossary import Glossary
from translate_flow.mt.adapter import Policy, Translator
from translate_flow.mt.cache import Cache
from translate_flow.mt.llm import LLM

from .fakeserver import FakeServer

FAST = Policy(backoff=0.001, backoff_max=0.01)
GLOSSARY = "en,uk,ru,note,forbidden\nworking class,робітничий клас,рабочий класс,,\nYPJ,YPJ,YPJ,,\n"


def test_llm_translates_through_chat_completions(server: FakeServer) -> None:
    llm = LLM(url=f"{server.url}/v1", model="qwen2.5:7b")
    drafts = Translator(llm, policy=FAST).translate(["We **condemn** the war."], "en", "uk")
    assert drafts[0] is not None and drafts[0].text == "Ве **цондемн** тхе вар."
    assert drafts[0].detail == "qwen2.5:7b"
    body = server.requests("/v1/chat/completions")[0].body
    assert body["model"] == "qwen2.5:7b" and body["temperature"] == 0
    assert "into Ukrainian" in body["messages"][0]["content"]


def test_llm_prompt_lists_the_glossary_terms_found_in_the_text(server: FakeServer, tmp_path: Path) -> None:
    glossary = Glossary.parse(GLOSSARY, tmp_path / "glossary.csv")
    llm = LLM(url=f"{server.url}/v1", model="m", glossary=glossary)
    Translator(llm, policy=FAST).translate(["The working class of Ukraine."], "en", "uk")
    system = server.requests("/v1/chat/completions")[0].body["messages"][0]["content"]
    assert "working class → робітничий клас" in system
    assert "YPJ" not in system


def test_llm_key_goes_in_the_header_and_nowhere_else(server: FakeServer, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache.sqlite")
    llm = LLM(url=f"{server.url}/v1", model="m", key="sk-very-secret")
    Translator(llm, policy=FAST, cache=cache).translate(["Hello world"], "en", "ru")
    cache.close()
    seen = server.requests("/v1/chat/completions")[0]
    assert seen.headers["Authorization"] == "Bearer sk-very-secret"
    assert "sk-very-secret" not in str(seen.body)
    assert b"sk-very-secret" not in b"".join(p.read_bytes() for p in tmp_path.iterdir())


def test_llm_retries_server_errors(server: FakeServer) -> None:
    server.fail("503", "429")
    translator = Translator(LLM(url=f"{server.url}/v1", model="m"), policy=FAST)
    drafts = translator.translate(["Hello world"], "en", "uk")
    assert drafts[0] is not None and translator.tally.requests == 3


def test_llm_thinking_and_code_fences_are_stripped() -> None:
    from translate_flow.mt import llm as module

    assert module._THINKING.sub("", "<think>hmm</think>Привіт").strip() == "Привіт"
    assert module._FENCE.match("```\nПривіт\n```").group(1) == "Привіт"  # type: ignore[union-attr]


def test_llm_model_is_part_of_the_cache_key() -> None:
    a = LLM(url="http://127.0.0.1:1/v1", model="a")
    b = LLM(url="http://127.0.0.1:1/v1", model="b")
    assert a.variant != b.variant and not a.online
