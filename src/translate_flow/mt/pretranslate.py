"""`tflow pretranslate`: machine and memory drafts for the empty entries of catalogs.

Only entries whose msgstr is empty are filled; translated, approved and stale
(human) text is never touched. Each draft is fuzzy and carries its provenance
(``machine: apertium 2026-11-25``, ``memory: 92% locales/ru/other.po:40
2026-11-25``), so a reviewer always knows a machine wrote it, followed by what
is wrong with it: the words the engine did not know or could not inflect and a
quality figure (``; unknown: Майдане; errors: стоїмо; quality: 0.82``, see
`catalog.drafts.DraftReport`). A draft with a slur or hate term its source
lacks is discarded and the next engine tried.

Work goes in blocks sized to take about two seconds; finished drafts are
written back under the catalog's lock at least every `save_every` seconds,
into a freshly read copy of the file (so a reviewer's save in between is kept),
and again when the run stops for any reason — Ctrl-C included. A re-run
continues with the entries that are still empty; the cache means it sends
nothing that was already answered.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import polib

from .. import catalog
from .. import text as textfacts
from ..checks import CheckSettings, Pair, load_settings
from ..checks.registry import quality
from ..errors import ConfigError, TranslateFlowError
from ..glossary import Glossary
from ..project import Project
from ..segment import Statement
from . import settings as settings_mod
from .adapter import Chain, Draft, EngineReport, Policy, Tally, Translator
from .cache import Cache
from .memory import Memory
from .pivot import Pivot
from .settings import Settings
from .tm import build_memory

_BLOCK_SECONDS = 2.0


@dataclass(frozen=True)
class Progress:
    """How far a run is: entries handled out of all empty ones, drafts made."""

    done: int
    total: int
    drafted: int
    catalog: str


@dataclass(frozen=True)
class CatalogResult:
    """What a run did to one catalog."""

    path: str
    lang: str
    empty: int
    drafted: int
    forbidden: int
    weak: int = 0
    discarded: int = 0


@dataclass(frozen=True)
class Report:
    """The outcome of a run: per engine, per catalog, and what was left out and why."""

    engines: tuple[EngineReport, ...]
    catalogs: tuple[CatalogResult, ...]
    notices: tuple[str, ...]
    dry_run: bool

    @property
    def drafted(self) -> int:
        return sum(c.drafted for c in self.catalogs)

    @property
    def empty(self) -> int:
        return sum(c.empty for c in self.catalogs)

    @property
    def weak(self) -> int:
        return sum(c.weak for c in self.catalogs)

    @property
    def discarded(self) -> int:
        return sum(c.discarded for c in self.catalogs)


@dataclass
class _Job:
    statement: Statement
    lang: str
    path: Path
    shown: str
    keys: list[tuple[str | None, str]]


def _key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def _empty(entry: polib.POEntry) -> bool:
    return not entry.obsolete and not entry.msgid_plural and not entry.msgstr


class _Engines:
    """The translators of a run, built once each and shared by all catalogs."""

    def __init__(self, project: Project, config: Settings, glossary: Glossary, cache: Cache | None,
                 memory: Memory | None, siblings: dict[str, dict[str, dict[str, str]]]) -> None:
        self.project = project
        self.config = config
        self.glossary = glossary
        self.cache = cache
        self.memory = memory
        self.siblings = siblings
        self.dnt = tuple(glossary.dnt_terms())
        self.machine: dict[str, Translator] = {}
        self.tallies: dict[str, Tally] = {}
        self.order: list[str] = []
        self.pivot_route: Translator | None = None

    def _tally(self, name: str) -> Tally:
        if name not in self.tallies:
            self.tallies[name] = Tally(name)
            self.order.append(name)
        return self.tallies[name]

    def _policy(self, name: str) -> Policy:
        own = self.config.of(name)
        return Policy(retries=self.config.retries, concurrency=own.concurrency, rate=own.rate)

    def machine_translator(self, name: str, *, tally: Tally | None = None) -> Translator:
        if tally is None and name in self.machine:
            return self.machine[name]
        engine = settings_mod.build(name, self.config, glossary=self.glossary)
        translator = Translator(
            engine, policy=self._policy(name), cache=self.cache, dnt=self.dnt,
            tally=tally or self._tally(name),
        )
        if tally is None:
            self.machine[name] = translator
        return translator

    def chain(self, statement: Statement, target: str, names: tuple[str, ...]) -> tuple[Chain, list[str]]:
        """The chain for one catalog, and the engines the embargo kept out of it."""
        translators: list[Translator] = []
        withheld: list[str] = []
        for name in names:
            if name == "memory":
                if self.memory is not None:
                    translators.append(Translator(self.memory, tally=self._tally("memory")))
            elif name == "pivot":
                if self.pivot_route is None:
                    self.pivot_route = self.machine_translator("apertium", tally=Tally("pivot"))
                pivot = Pivot(self.siblings.get(statement.slug, {}), [self.pivot_route])
                translators.append(Translator(pivot, tally=self._tally("pivot")))
            else:
                translator = self.machine_translator(name)
                if statement.embargo and translator.engine.online:
                    withheld.append(name)
                    continue
                translators.append(translator)
        return Chain(translators), withheld

    def reports(self, order: Sequence[str]) -> tuple[EngineReport, ...]:
        """Reports in chain order; engines that were never asked anything are left out."""
        names = [n for n in order if n in self.tallies] + [n for n in self.order if n not in order]
        return tuple(self.tallies[name].report() for name in names)


def _origin(draft: Draft, day: str) -> str:
    if draft.engine == "memory":
        return f"memory: {draft.detail} {day}"
    detail = f" {draft.detail}" if draft.detail else ""
    return f"machine: {draft.engine}{detail} {day}"


@dataclass(frozen=True)
class _Judge:
    """What pretranslate asks of the checks: a draft's quality, and whether to discard it."""

    glossary: Glossary
    settings: CheckSettings

    def report(self, msgid: str, draft: Draft, source: str, target: str) -> catalog.DraftReport:
        pair = Pair(msgid, draft.text, source, target, self.glossary, self.settings, draft.unknown, draft.errors,
                    draft.ambiguous)
        return catalog.DraftReport(None, draft.unknown, draft.errors, quality(pair), draft.ambiguous)

    def screen(self, msgid: str, draft: Draft, source: str, target: str) -> str | None:
        """Why `draft` may not be used at all: a slur or hate term the source does not have."""
        slurs = self.glossary.slurs()
        found = list(slurs.find(draft.text, target))
        if not found:
            return None
        in_source = {hit.slur for hit in slurs.find(msgid, source)}
        added = [hit.word for hit in found if hit.slur not in in_source]
        return f"offensive term «{added[0]}»" if added else None


def _forbidden_note(glossary: Glossary, text: str, lang: str) -> str | None:
    found = glossary.forbidden_in(text, lang)
    if not found:
        return None
    parts = []
    for term, variant in found:
        wanted = term.text(lang)
        parts.append(f'forbidden variant "{variant}"' + (f'; use "{wanted}"' if wanted else ""))
    return "; ".join(dict.fromkeys(parts))


def _save(job: _Job, drafts: dict[tuple[str | None, str], tuple[str, str, str | None]]) -> int:
    """Write drafts into the catalog as it is on disk now; entries filled meanwhile are left."""
    if not drafts:
        return 0
    written = 0
    with catalog.editing(job.path, display=job.shown) as po:
        for entry in po:
            update = drafts.get(_key(entry))
            if update is None or not _empty(entry):
                continue
            text, provenance, note = update
            catalog.set_draft(entry, text, provenance)
            if note:
                catalog.set_note(entry, "glossary", note)
            written += 1
    drafts.clear()
    return written


def _check_langs(project: Project, langs: Sequence[str]) -> None:
    for lang in langs:
        if lang not in project.config.languages:
            raise ConfigError(
                f"--lang {lang}: not one of the project's languages "
                f"({', '.join(project.config.languages)})"
            )


def pretranslate(
    project: Project,
    statements: Sequence[str] = (),
    *,
    langs: Sequence[str] = (),
    engines: Sequence[str] | None = None,
    dry_run: bool = False,
    day: str | None = None,
    progress: Callable[[Progress], None] | None = None,
    save_every: float = 2.0,
) -> Report:
    """Fill the empty entries of the statements' catalogs with drafts.

    `engines` replaces the configured chain for every language pair; `dry_run`
    sends nothing, writes nothing, and reports what each online engine would
    be sent (offline engines still run, so the figures are what would go out).
    """
    config = settings_mod.load(project.config)
    override = settings_mod.check_names(tuple(engines)) if engines else None
    _check_langs(project, langs)
    chosen = project.statements(list(statements))
    glossary = Glossary.load(project.config.glossary_path)
    day = day or catalog.today()

    jobs: list[_Job] = []
    notices: list[str] = []
    for statement in chosen:
        for lang in project.target_languages(statement):
            if langs and lang not in langs:
                continue
            path = project.catalog_path(statement.slug, lang)
            shown = project.relative(path)
            if not path.is_file():
                notices.append(f"{shown}: no catalog yet; run `tflow extract` first")
                continue
            keys = [_key(e) for e in catalog.read(path, display=shown) if _empty(e)]
            jobs.append(_Job(statement, lang, path, shown, keys))

    names_needed = list(dict.fromkeys(
        name for job in jobs for name in config.chain(job.statement.lang, job.lang, override)
    ))
    memory: Memory | None = None
    siblings: dict[str, dict[str, dict[str, str]]] = {}
    if {"memory", "pivot"} & set(names_needed):
        memory, siblings = build_memory(project, config)
    cache_path = config.cache_path
    cache = None
    if not dry_run or cache_path.is_file():
        cache = Cache(cache_path)
    pool = _Engines(project, config, glossary, cache, memory, siblings)
    for name in names_needed:
        if name not in ("memory", "pivot"):
            pool.machine_translator(name)  # a missing URL or key fails now, before any work
    notices.extend(_unusable(pool, names_needed))
    notices.extend(_uncovered(pool, config, jobs, override))
    judge = _Judge(glossary, load_settings(project.config))

    total = sum(len(job.keys) for job in jobs)
    done = drafted_total = 0
    results: list[CatalogResult] = []
    try:
        for job in jobs:
            names = config.chain(job.statement.lang, job.lang, override)
            chain, withheld = pool.chain(job.statement, job.lang, names)
            chain.screen = judge.screen
            if withheld:
                notices.append(f"{job.statement.path}: embargoed; not sent to {', '.join(withheld)}")

            def tick(handled: int, made: int, shown: str = job.shown) -> None:
                if progress is not None:
                    progress(Progress(done + handled, total, drafted_total + made, shown))

            drafted, forbidden, weak = _run_job(job, chain, judge, day, dry_run, save_every, tick)
            done += len(job.keys)
            drafted_total += drafted
            results.append(CatalogResult(job.shown, job.lang, len(job.keys), drafted, forbidden, weak,
                                         chain.discarded))
    finally:
        if cache is not None:
            cache.close()
    return Report(pool.reports(names_needed), tuple(results), tuple(notices), dry_run)


def _unusable(pool: _Engines, names: Sequence[str]) -> list[str]:
    """Why an offline engine of the chain cannot run here (Apertium not installed …)."""
    found = []
    wanted = ["apertium"] if "pivot" in names and "apertium" not in names else []
    for name in [*wanted, *names]:
        if name in ("memory", "pivot"):
            continue
        translator = pool.machine_translator(name)
        if translator.engine.online:
            continue
        try:
            translator.engine.variant
        except TranslateFlowError as exc:
            found.append(f"{name}: {exc.message}")
    return list(dict.fromkeys(found))


def _uncovered(pool: _Engines, config: Settings, jobs: Sequence[_Job],
               override: tuple[str, ...] | None) -> list[str]:
    """A notice for each language pair that no machine engine of its chain translates."""
    found = []
    pairs = dict.fromkeys((job.statement.lang, job.lang) for job in jobs if job.keys)
    for source, target in pairs:
        names = config.chain(source, target, override)
        machines = [n for n in names if n not in ("memory", "pivot")]
        if any(pool.machine_translator(n).engine.supports(source, target) for n in machines):
            continue
        src = textfacts.LANGUAGE_NAMES.get(source, source)
        dst = textfacts.LANGUAGE_NAMES.get(target, target)
        others = " and ".join(n for n in names if n in ("memory", "pivot")) or "nothing"
        found.append(
            f"{source}→{target}: no engine in [mt] engines ({', '.join(names)}) translates {src} into "
            f"{dst}; only {others} can draft it. To add one offline, run a local model and name the "
            "`llm` engine ([mt.engine.llm] url = \"http://127.0.0.1:11434/v1\", model = \"…\" for Ollama), "
            "or a self-hosted LibreTranslate as `libre` ([mt.engine.libre] url = …)"
        )
    return found


def _run_job(
    job: _Job,
    chain: Chain,
    judge: _Judge,
    day: str,
    dry_run: bool,
    save_every: float,
    tick: Callable[[int, int], None],
) -> tuple[int, int, int]:
    """Draft one catalog's empty entries in timed blocks, saving as it goes."""
    pending: dict[tuple[str | None, str], tuple[str, str, str | None]] = {}
    drafted = forbidden = handled = weak = 0
    block = 8
    last_save = time.monotonic()
    try:
        while handled < len(job.keys):
            keys = job.keys[handled : handled + block]
            started = time.monotonic()
            drafts = chain.translate([msgid for _, msgid in keys], job.statement.lang, job.lang,
                                     dry_run=dry_run)
            elapsed = time.monotonic() - started
            for key, draft in zip(keys, drafts, strict=True):
                if draft is None:
                    continue
                note = _forbidden_note(judge.glossary, draft.text, job.lang)
                forbidden += note is not None
                report = judge.report(key[1], draft, job.statement.lang, job.lang)
                weak += report.weak
                pending[key] = (draft.text, catalog.provenance_note(_origin(draft, day), report), note)
                drafted += 1
            handled += len(keys)
            per_entry = elapsed / len(keys)
            block = max(4, min(500, int(_BLOCK_SECONDS / per_entry) if per_entry else 500))
            tick(handled, drafted)
            if not dry_run and time.monotonic() - last_save >= save_every:
                _save(job, pending)
                last_save = time.monotonic()
    finally:
        if not dry_run:
            _save(job, pending)
    return drafted, forbidden, weak
