"""The adapter every engine sits behind, and the chain that tries engines in turn.

`Translator` wraps one `Engine`. For a machine engine it hides markup behind
placeholders, keeps the outer whitespace, cuts long texts on sentence
boundaries under the engine's limit, answers what it can from the cache, sends
the rest in requests spread over a bounded thread pool with a per-engine rate
limit, retries 429/5xx/timeouts/connection errors with exponential backoff and
jitter (a bounded number of times), and rejects outputs that are no translation
(`sanity`). Lookup engines (memory, pivot) get the msgid untouched.

An engine that cannot be reached is given up after `Policy.unreachable`
consecutive connection errors, naming its host, instead of retrying every
request with backoff; characters count as sent only once a server received
them. An empty or missing answer is a failure and is never cached.

`Chain` tries its translators in order; a text an engine failed or whose output
was rejected goes to the next one.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field

from ..errors import TranslateFlowError
from . import http, sanity
from .cache import Cache
from .chunk import chunks
from ..catalog.drafts import Ambiguity
from .engine import LOOKUP, Engine, Explains, Marks, Relays
from .protect import Protected, missing, protect, restore
from .ratelimit import RateLimit


@dataclass(frozen=True)
class Policy:
    """How hard the adapter tries: retries, backoff, concurrency, rate."""

    retries: int = 4
    backoff: float = 0.5  # seconds before the first retry; doubles each time
    backoff_max: float = 30.0
    concurrency: int = 4
    rate: float = 0.0  # requests per second, 0 for no limit
    unreachable: int = 3  # consecutive connection errors after which the engine is given up


@dataclass(frozen=True)
class Draft:
    """A usable translation and who made it; `detail` goes into the provenance note."""

    text: str
    engine: str
    detail: str = ""
    unknown: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    ambiguous: tuple[Ambiguity, ...] = ()


@dataclass(frozen=True)
class EngineReport:
    """What one engine did in a run (`characters` sent, or that would be sent in a dry run)."""

    engine: str
    segments: int
    characters: int
    cache_hits: int
    failures: int
    seconds: float
    requests: int = 0
    rejected: tuple[tuple[str, int], ...] = ()
    error: str = ""


@dataclass
class Tally:
    """Counts for one engine, filled in by its translator (thread-safe)."""

    engine: str
    segments: int = 0
    characters: int = 0
    cache_hits: int = 0
    failures: int = 0
    seconds: float = 0.0
    requests: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    error: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, **counts: int) -> None:
        with self.lock:
            for key, value in counts.items():
                setattr(self, key, getattr(self, key) + value)

    def reject(self, reason: str) -> None:
        with self.lock:
            self.rejected[reason] += 1

    def report(self) -> EngineReport:
        return EngineReport(
            engine=self.engine,
            segments=self.segments,
            characters=self.characters,
            cache_hits=self.cache_hits,
            failures=self.failures,
            seconds=round(self.seconds, 3),
            requests=self.requests,
            rejected=tuple(self.rejected.most_common()),
            error=self.error,
        )


@dataclass(frozen=True)
class _Piece:
    """One request-sized part of a protected text: its whitespace and its body."""

    lead: str
    body: str
    trail: str


def _pieces(protected: Protected, engine: Engine) -> list[_Piece]:
    out = []
    for part in chunks(protected.core, engine.size, engine.max_chars):
        body = part.strip()
        lead = part[: len(part) - len(part.lstrip())]
        trail = part[len(part.rstrip()) :] if body else ""
        out.append(_Piece(lead, body, trail))
    return out


class Translator:
    """One engine behind the adapter's timeouts, retries, protection, checks and cache."""

    def __init__(
        self,
        engine: Engine,
        *,
        policy: Policy = Policy(),
        cache: Cache | None = None,
        dnt: Sequence[str] = (),
        tally: Tally | None = None,
    ) -> None:
        self.engine = engine
        self.policy = policy
        self.cache = cache
        self.dnt = tuple(dnt)
        self.tally = tally or Tally(engine.name)
        self._rate = RateLimit(policy.rate)
        self._down: str | None = None  # why the engine is given up for this run
        self._connection_errors = 0
        self._down_lock = threading.Lock()

    @property
    def name(self) -> str:
        return self.engine.name

    def translate(
        self, texts: list[str], source: str, target: str, *, dry_run: bool = False
    ) -> list[Draft | None]:
        """Drafts for `texts` (None where this engine had nothing usable)."""
        if not texts:
            return []
        started = time.monotonic()
        try:
            if self.engine.kind == LOOKUP:
                return self._lookup(texts, source, target)
            return self._machine(texts, source, target, dry_run)
        finally:
            with self.tally.lock:
                self.tally.seconds += time.monotonic() - started

    def _lookup(self, texts: list[str], source: str, target: str) -> list[Draft | None]:
        outputs = self.engine.translate(texts, source, target)
        drafts: list[Draft | None] = []
        for text, output in zip(texts, outputs, strict=True):
            if output is None or not output.strip():
                drafts.append(None)  # a miss, not a failure: memory has no such text
                continue
            detail = ""
            if isinstance(self.engine, Explains):
                detail = self.engine.explain(text, source, target) or ""
            marked = self.engine.marked(text, source, target) if isinstance(self.engine, Relays) else None
            if marked is None:
                drafts.append(Draft(output, self.name, detail))
            else:
                drafts.append(Draft(output, self.name, detail, marked.unknown, marked.errors, marked.ambiguous))
            self.tally.add(segments=1)
        return drafts

    def _machine(
        self, texts: list[str], source: str, target: str, dry_run: bool
    ) -> list[Draft | None]:
        engine = self.engine
        try:
            variant = engine.variant  # Apertium checks its installation here
        except TranslateFlowError as exc:
            with self.tally.lock:
                self.tally.error = exc.message
                self.tally.failures += len(texts)
            return [None] * len(texts)
        protected = [protect(text, self.dnt) for text in texts]
        pieces = [_pieces(p, engine) if p.translatable else [] for p in protected]
        kept = self._kept_as_is(texts, protected)
        bodies = list(dict.fromkeys(piece.body for parts in pieces for piece in parts))
        outputs: dict[str, str | None] = {}
        if self.cache is not None:
            outputs.update(self.cache.get_many(engine.name, variant, source, target, bodies))
        hits = len(outputs)
        to_send = [body for body in bodies if body not in outputs]
        self.tally.add(cache_hits=hits)
        if dry_run and engine.online:
            unsent = set(to_send)
            self.tally.add(
                characters=sum(len(body) for body in to_send),
                segments=sum(1 for parts in pieces if any(p.body in unsent for p in parts)),
            )
            return [None] * len(texts)
        outputs.update(self._send(to_send, source, target))
        drafts: list[Draft | None] = []
        for index, (text, prot, parts) in enumerate(zip(texts, protected, pieces, strict=True)):
            if index in kept:
                drafts.append(Draft(text, self.name))
                self.tally.add(segments=1)
                continue
            drafts.append(self._assemble(text, prot, parts, outputs, source, target))
        return drafts

    @staticmethod
    def _kept_as_is(texts: list[str], protected: list[Protected]) -> set[int]:
        """Texts whose every letter is protected (a do-not-translate name, code, a URL):
        the text itself is their correct translation, with nothing to send."""
        return {
            index for index, (text, prot) in enumerate(zip(texts, protected, strict=True))
            if not prot.translatable and any(ch.isalpha() for ch in text)
        }

    def _assemble(
        self,
        text: str,
        prot: Protected,
        parts: list[_Piece],
        outputs: dict[str, str | None],
        source: str,
        target: str,
    ) -> Draft | None:
        if not parts:
            return None  # nothing but markup, numbers or whitespace: nothing to translate
        joined: list[str] = []
        unknown: list[str] = []
        errors: list[str] = []
        ambiguous: list[Ambiguity] = []
        for part in parts:
            output = outputs.get(part.body)
            if output is not None and isinstance(self.engine, Marks):
                marked = self.engine.unmark(part.body, output, target)
                output = marked.text
                unknown.extend(marked.unknown)
                errors.extend(marked.errors)
                ambiguous.extend(marked.ambiguous)
            if output is None or not output.strip():
                self.tally.add(failures=1)
                self.tally.reject("no output" if output is None else "empty output")
                return None
            joined.append(part.lead + output.strip() + part.trail)
        candidate = "".join(joined)
        problem = missing(prot, candidate)
        rejection = (
            sanity.Rejection(problem) if problem
            else sanity.check(prot.core, candidate, source, target)
        )
        if rejection is not None:
            self.tally.add(failures=1)
            self.tally.reject(rejection.reason.split(":")[0])
            return None
        detail = ""
        if isinstance(self.engine, Explains):
            detail = self.engine.explain(text, source, target) or ""
        self.tally.add(segments=1)
        return Draft(
            restore(prot, candidate), self.name, detail,
            tuple(dict.fromkeys(unknown)), tuple(dict.fromkeys(errors)), tuple(dict.fromkeys(ambiguous)),
        )

    def _requests(self, bodies: list[str]) -> list[list[str]]:
        """Bodies grouped into requests under the engine's text count and size limits."""
        groups: list[list[str]] = []
        current: list[str] = []
        used = 0
        for body in bodies:
            size = self.engine.size(body)
            if current and (len(current) >= self.engine.batch or used + size > self.engine.max_chars):
                groups.append(current)
                current, used = [], 0
            current.append(body)
            used += size
        if current:
            groups.append(current)
        return groups

    def _send(self, bodies: list[str], source: str, target: str) -> dict[str, str | None]:
        """Send `bodies`; the outputs of the requests that succeeded, each cached on arrival."""
        if not bodies:
            return {}
        groups = self._requests(bodies)
        results: dict[str, str | None] = {}
        workers = max(1, min(self.policy.concurrency, len(groups)))
        if workers == 1:
            for group in groups:
                self._keep(group, self._request(group, source, target), results, source, target)
            return results
        pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=f"mt-{self.name}")
        try:
            futures = {pool.submit(self._request, group, source, target): group for group in groups}
            for future in as_completed(futures):
                self._keep(futures[future], future.result(), results, source, target)
        finally:
            # On Ctrl-C, requests not yet started are dropped; those in flight end
            # within their timeout.
            pool.shutdown(wait=True, cancel_futures=True)
        return results

    def _keep(
        self,
        group: list[str],
        answer: list[str | None] | None,
        results: dict[str, str | None],
        source: str,
        target: str,
    ) -> None:
        """Record one request's answer and cache it, unless it was a quota message."""
        if answer is None:
            return
        fresh: dict[str, str | None] = {}
        for body, output in zip(group, answer, strict=True):
            results[body] = output
            if output is None or not output.strip():
                continue  # a failure, never an answer to remember
            rejection = sanity.check(body, output, source, target)
            if rejection is None or not rejection.transient:
                fresh[body] = output
        if self.cache is not None:
            self.cache.put_many(self.name, self.engine.variant, source, target, fresh)

    def _unreachable(self, exc: BaseException) -> bool:
        """Count a connection error; True once the engine is given up."""
        with self._down_lock:
            if self._down is None:
                self._connection_errors += 1
                if self._connection_errors >= self.policy.unreachable:
                    host = http.host(exc) or getattr(self.engine, "url", None) or self.name
                    self._down = (
                        f"cannot reach {host} ({self._connection_errors} connection errors in a row); "
                        f"nothing more was sent to {self.name} in this run: check the network or its url"
                    )
            return self._down is not None

    def _request(self, group: list[str], source: str, target: str) -> list[str | None] | None:
        """One request with retries; None when it failed for good."""
        size = sum(len(body) for body in group)
        for attempt in range(self.policy.retries + 1):
            if self._down is not None:
                with self.tally.lock:
                    self.tally.error = self._down
                return None
            self._rate.wait()
            http.clear_status()
            self.tally.add(requests=1)
            try:
                answer = self.engine.translate(list(group), source, target)
            except Exception as exc:  # engines' clients raise anything; see mt-notes
                unreached = http.unreached(exc)
                if not unreached:
                    self.tally.add(characters=size)  # the server got the text, then failed
                if unreached and self._unreachable(exc):
                    continue  # the loop's first check reports it
                if http.transient(exc) and attempt < self.policy.retries:
                    delay = min(self.policy.backoff * 2**attempt, self.policy.backoff_max)
                    time.sleep(delay * (0.5 + random.random()))  # full jitter around the delay
                    continue
                with self.tally.lock:
                    self.tally.error = http.describe(exc)
                return None
            with self._down_lock:
                self._connection_errors = 0
            self.tally.add(characters=size)
            if len(answer) != len(group):
                with self.tally.lock:
                    self.tally.error = f"{len(answer)} results for {len(group)} texts"
                return None
            return answer
        if self._down is not None:
            with self.tally.lock:
                self.tally.error = self._down
        return None


Screen = Callable[[str, Draft, str, str], "str | None"]
"""Why a draft must be discarded (``offensive term «…»``), given source text, draft and languages."""


class Chain:
    """Translators tried in order; each gets what the ones before could not do.

    `screen` may discard a usable draft (one with a slur its source lacks, say):
    the text then goes to the next translator, and `discarded` counts it.
    """

    def __init__(self, translators: Sequence[Translator], screen: Screen | None = None) -> None:
        self.translators = list(translators)
        self.screen = screen
        self.discarded = 0

    def translate(
        self, texts: list[str], source: str, target: str, *, dry_run: bool = False
    ) -> list[Draft | None]:
        results: list[Draft | None] = [None] * len(texts)
        pending = list(range(len(texts)))
        for translator in self.translators:
            if not pending:
                break
            if not translator.engine.supports(source, target):
                continue
            drafts = translator.translate([texts[i] for i in pending], source, target, dry_run=dry_run)
            still = []
            for index, draft in zip(pending, drafts, strict=True):
                reason = None
                if draft is not None and self.screen is not None:
                    reason = self.screen(texts[index], draft, source, target)
                    if reason is not None:
                        self.discarded += 1
                        translator.tally.add(failures=1, segments=-1)
                        translator.tally.reject(reason)
                if draft is None or reason is not None:
                    still.append(index)
                else:
                    results[index] = draft
            pending = still
        return results
