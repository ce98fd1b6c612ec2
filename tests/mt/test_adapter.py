"""The adapter: retries, concurrency, chunking, checks, cache and the chain."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from translate_flow.mt import ratelimit
from translate_flow.mt.adapter import Chain, Policy, Translator
from translate_flow.mt.cache import Cache
from translate_flow.mt.engine import LOOKUP, MACHINE
from translate_flow.mt.http import HTTPStatusError

from .fakeserver import fake

FAST = Policy(backoff=0.001, backoff_max=0.01)


class FakeEngine:
    """An engine that 'translates' with the fake server's transliteration, in process."""

    kind = MACHINE
    online = True
    languages = frozenset({"en", "uk", "ru"})
    variant = ""

    def __init__(self, name: str = "fake", *, max_chars: int = 1000, batch: int = 1,
                 errors: list[Exception] | None = None, answer: str | None = "translate",
                 delay: float = 0.0) -> None:
        self.name = name
        self.max_chars = max_chars
        self.batch = batch
        self.errors = list(errors or [])
        self.answer = answer
        self.delay = delay
        self.calls: list[list[str]] = []
        self.lock = threading.Lock()
        self.in_flight = 0
        self.most_in_flight = 0

    def supports(self, source: str, target: str) -> bool:
        return source != target

    def size(self, text: str) -> int:
        return len(text)

    def translate(self, texts: list[str], source: str, target: str) -> list[str | None]:
        with self.lock:
            self.calls.append(list(texts))
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
            error = self.errors.pop(0) if self.errors else None
        try:
            if self.delay:
                time.sleep(self.delay * (1 + (hash(texts[0]) % 3)))
            if error is not None:
                raise error
            if self.answer == "translate":
                return [fake(t, target) for t in texts]
            if self.answer == "echo":
                return list(texts)
            return [self.answer for _ in texts]
        finally:
            with self.lock:
                self.in_flight -= 1


def test_results_stay_attached_to_their_segments_under_concurrency() -> None:
    engine = FakeEngine(delay=0.002)
    texts = [f"Sentence number {n} about the war." for n in range(60)]
    drafts = Translator(engine, policy=FAST).translate(texts, "en", "uk")
    assert [d.text if d else None for d in drafts] == [fake(t, "uk") for t in texts]


def test_concurrency_is_bounded() -> None:
    engine = FakeEngine(delay=0.005)
    Translator(engine, policy=Policy(concurrency=3)).translate([f"Text {n}" for n in range(30)], "en", "uk")
    assert 1 < engine.most_in_flight <= 3


def test_transient_errors_are_retried_until_success() -> None:
    engine = FakeEngine(errors=[HTTPStatusError(429, "slow down"), HTTPStatusError(503, "busy"),
                                TimeoutError()])
    translator = Translator(engine, policy=FAST)
    drafts = translator.translate(["Hello world"], "en", "uk")
    assert drafts[0] is not None and drafts[0].text == fake("Hello world", "uk")
    assert translator.tally.requests == 4


def test_retries_are_bounded() -> None:
    engine = FakeEngine(errors=[HTTPStatusError(500, "down")] * 10)
    translator = Translator(engine, policy=Policy(retries=2, backoff=0.001))
    assert translator.translate(["Hello world"], "en", "uk") == [None]
    assert translator.tally.requests == 3
    assert "500" in translator.tally.error


def test_client_errors_are_not_retried() -> None:
    engine = FakeEngine(errors=[HTTPStatusError(403, "bad key")])
    translator = Translator(engine, policy=FAST)
    assert translator.translate(["Hello world"], "en", "uk") == [None]
    assert translator.tally.requests == 1


def test_backoff_grows_exponentially_with_jitter(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    monkeypatch.setattr("translate_flow.mt.adapter.time.sleep", slept.append)
    engine = FakeEngine(errors=[HTTPStatusError(429, "x")] * 4)
    Translator(engine, policy=Policy(retries=4, backoff=1.0, backoff_max=100)).translate(["Hi there"], "en", "uk")
    assert len(slept) == 4
    for attempt, delay in enumerate(slept):
        assert 0.5 * 2**attempt <= delay <= 1.5 * 2**attempt


def test_rate_limit_spaces_requests(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += seconds

    monkeypatch.setattr("translate_flow.mt.ratelimit.time.monotonic", lambda: clock[0])
    monkeypatch.setattr("translate_flow.mt.ratelimit.time.sleep", sleep)
    limit = ratelimit.RateLimit(4.0)
    for _ in range(5):
        limit.wait()
    assert slept == [0.25, 0.25, 0.25, 0.25]


def test_outer_whitespace_survives_an_engine_that_strips_it() -> None:
    drafts = Translator(FakeEngine(), policy=FAST).translate(["\n  Hello world.  "], "en", "uk")
    assert drafts[0] is not None and drafts[0].text == "\n  " + fake("Hello world.", "uk") + "  "


def test_long_texts_are_chunked_and_joined_back() -> None:
    engine = FakeEngine(max_chars=50)
    text = "The first sentence is here. The second one follows it. And a third closes."
    drafts = Translator(engine, policy=FAST).translate([text], "en", "uk")
    assert drafts[0] is not None and drafts[0].text == fake(text, "uk")
    assert len(engine.calls) == 2 and all(len(call[0]) <= 50 for call in engine.calls)


def test_markup_never_reaches_the_engine() -> None:
    engine = FakeEngine()
    text = "Read **this** at [our site](https://example.org) or `tflow run`."
    drafts = Translator(engine, policy=FAST).translate([text], "en", "uk")
    assert "example.org" not in engine.calls[0][0] and "**" not in engine.calls[0][0]
    assert drafts[0] is not None
    assert drafts[0].text == "Реад **тхіс** ат [оур сіте](https://example.org) ор `tflow run`."


def test_do_not_translate_terms_come_back_verbatim() -> None:
    drafts = Translator(FakeEngine(), policy=FAST, dnt=["Borotba"]).translate(
        ["Borotba is banned."], "en", "uk")
    assert drafts[0] is not None and drafts[0].text.startswith("Borotba ")


def test_output_that_loses_a_placeholder_is_rejected() -> None:
    translator = Translator(FakeEngine(answer="Прочитайте це"), policy=FAST)
    assert translator.translate(["Read **this**"], "en", "uk") == [None]
    assert translator.tally.rejected["placeholder ⟦1⟧ missing"] == 1


def test_chain_gives_rejected_texts_to_the_next_engine() -> None:
    first = Translator(FakeEngine("echoing", answer="echo"), policy=FAST)
    second = Translator(FakeEngine("good"), policy=FAST)
    drafts = Chain([first, second]).translate(["Hello world", "Goodbye all"], "en", "uk")
    assert [d.engine for d in drafts if d] == ["good", "good"]
    assert first.tally.failures == 2 and first.tally.rejected["echo of the input"] == 2


def test_chain_skips_engines_without_the_pair() -> None:
    class NoUk(FakeEngine):
        def supports(self, source: str, target: str) -> bool:
            return target != "uk"

    never = NoUk("never")
    drafts = Chain([Translator(never), Translator(FakeEngine("good"))]).translate(["Hi all"], "en", "uk")
    assert drafts[0] is not None and drafts[0].engine == "good" and never.calls == []


def test_a_rerun_sends_nothing_already_answered(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache.sqlite")
    engine = FakeEngine()
    texts = ["One sentence.", "Another sentence."]
    first = Translator(engine, policy=FAST, cache=cache).translate(texts, "en", "uk")
    again = Translator(engine, policy=FAST, cache=cache)
    second = again.translate(texts + ["A new one."], "en", "uk")
    assert first == second[:2]
    assert engine.calls[-1] == ["A new one."] and len(engine.calls) == 3
    assert again.tally.cache_hits == 2


def test_quota_messages_are_not_cached(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache.sqlite")
    quota = FakeEngine(answer="MYMEMORY WARNING: YOU USED ALL AVAILABLE FREE TRANSLATIONS FOR TODAY")
    assert Translator(quota, policy=FAST, cache=cache).translate(["Hello world"], "en", "uk") == [None]
    assert cache.get_many("fake", "", "en", "uk", ["Hello world"]) == {}


def test_failed_requests_are_not_cached(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache.sqlite")
    failing = FakeEngine(errors=[HTTPStatusError(400, "no")])
    Translator(failing, policy=FAST, cache=cache).translate(["Hello world"], "en", "uk")
    assert cache.get_many("fake", "", "en", "uk", ["Hello world"]) == {}


def test_dry_run_sends_nothing_and_counts_characters(tmp_path: Path) -> None:
    engine = FakeEngine()
    translator = Translator(engine, policy=FAST)
    assert translator.translate(["Hello **world**", "Bye"], "en", "uk", dry_run=True) == [None, None]
    assert engine.calls == []
    assert translator.tally.characters == len("Hello ⟦1⟧world⟦2⟧") + len("Bye")
    assert translator.tally.segments == 2


def test_deepl_style_batches_respect_count_and_size() -> None:
    engine = FakeEngine(batch=3, max_chars=30)
    texts = [f"Text number {n}" for n in range(7)]
    Translator(engine, policy=Policy(concurrency=1)).translate(texts, "en", "uk")
    assert all(len(call) <= 3 and sum(map(len, call)) <= 30 for call in engine.calls)
    assert sorted(t for call in engine.calls for t in call) == sorted(texts)


def test_lookup_engines_see_the_text_untouched() -> None:
    seen: list[str] = []

    class Lookup(FakeEngine):
        kind = LOOKUP

        def translate(self, texts: list[str], source: str, target: str) -> list[str | None]:
            seen.extend(texts)
            return [None for _ in texts]

    Translator(Lookup()).translate(["  **Bold** text\n"], "en", "uk")
    assert seen == ["  **Bold** text\n"]


def test_an_engine_that_is_not_installed_is_reported_and_skipped() -> None:
    from translate_flow.errors import EngineError

    class Missing(FakeEngine):
        @property
        def variant(self) -> str:  # type: ignore[override]
            raise EngineError("apertium is not installed; install it with `apt-get install apertium`")

    missing = Translator(Missing("apertium"))
    drafts = Chain([missing, Translator(FakeEngine("good"), policy=FAST)]).translate(["Hi all"], "en", "uk")
    assert drafts[0] is not None and drafts[0].engine == "good"
    assert missing.tally.error.startswith("apertium is not installed")


def test_an_unreachable_engine_is_given_up_after_a_few_connection_errors_naming_its_host() -> None:
    import requests

    def refused() -> Exception:
        error = requests.exceptions.ConnectionError("refused")
        error.request = requests.Request("POST", "http://translate.invalid:5000/translate").prepare()
        return error

    engine = FakeEngine(errors=[refused() for _ in range(50)])
    translator = Translator(engine, policy=Policy(retries=4, backoff=0.001, concurrency=1))
    texts = [f"Sentence {n}." for n in range(10)]
    assert translator.translate(texts, "en", "uk") == [None] * 10
    assert len(engine.calls) == 3
    assert translator.tally.error.startswith("cannot reach translate.invalid:5000 (3 connection errors in a row)")
    assert translator.tally.characters == 0


def test_characters_count_only_what_a_server_received() -> None:
    engine = FakeEngine(errors=[ConnectionError(), HTTPStatusError(503, "busy")])
    translator = Translator(engine, policy=FAST)
    translator.translate(["Hello world"], "en", "uk")
    assert translator.tally.characters == 2 * len("Hello world")  # the 503 and the answer


def test_empty_and_null_answers_are_failures_never_cached(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache.sqlite")
    for answer in (None, "  "):
        silent = FakeEngine(answer=answer)
        assert Translator(silent, policy=FAST, cache=cache).translate(["Hello world"], "en", "uk") == [None]
        assert cache.get_many("fake", "", "en", "uk", ["Hello world"]) == {}
    later = Translator(FakeEngine(), policy=FAST, cache=cache).translate(["Hello world"], "en", "uk")
    assert later[0] is not None and later[0].text == fake("Hello world", "uk")


def test_a_do_not_translate_name_alone_is_its_own_draft() -> None:
    engine = FakeEngine(answer="echo")
    drafts = Translator(engine, policy=FAST, dnt=["Red Machete"]).translate(["Red Machete", "**Red Machete**"],
                                                                              "en", "uk")
    assert [d.text if d else None for d in drafts] == ["Red Machete", "**Red Machete**"]
    assert engine.calls == []


def test_chain_screen_discards_a_draft_and_tries_the_next_engine() -> None:
    first = Translator(FakeEngine("first", answer="москалі"), policy=FAST)
    second = Translator(FakeEngine("second"), policy=FAST)

    def screen(source: str, draft: object, source_lang: str, target: str) -> str | None:
        return "offensive term" if "москал" in getattr(draft, "text", "") else None

    chain = Chain([first, second], screen=screen)
    drafts = chain.translate(["Russians"], "en", "uk")
    assert drafts[0] is not None and drafts[0].engine == "second"
    assert chain.discarded == 1 and first.tally.rejected["offensive term"] == 1


def test_marks_of_an_engine_are_stripped_and_recorded() -> None:
    from translate_flow.mt.engine import Marked

    class Marking(FakeEngine):
        def unmark(self, source: str, output: str, target: str) -> Marked:
            return Marked(output.replace("*", ""), ("здесь",) if "*здесь" in output else ())

    drafts = Translator(Marking(answer="Ми *здесь"), policy=FAST).translate(["We are here"], "en", "uk")
    assert drafts[0] is not None
    assert (drafts[0].text, drafts[0].unknown) == ("Ми здесь", ("здесь",))
