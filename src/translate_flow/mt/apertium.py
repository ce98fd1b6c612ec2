"""Apertium (Debian's `apertium-rus-ukr`): offline rule-based ru↔uk, in a subprocess.

Two defects of the packaged pair are repaired in a private copy of its modes
(under the project's `.tflow/apertium/`), never in the system files:

* The stock pipeline's `apertium-tagger -g … .prob` stage segfaults on inputs
  that stay ambiguous ("Привет, мир!") and the pipeline still exits 0 with empty
  output. The copy replaces ``cg-proc -w <rlx> | apertium-tagger -g … .prob``
  with ``cg-proc -w -1 -n <rlx>`` (keep the first reading), which never crashes.
* rus-ukr's determiner+noun transfer rule writes its two words with no blank
  between them ("Першийпункт плану"); a copied, recompiled t1x puts the blank
  back. If the transfer compiler is missing, the stock t1x is used.

The pipeline runs with its marks on (no ``-u``): ``*word`` for a word the
dictionaries lack (copied from the source), ``#word`` for a form the generator
could not build, ``@word`` for a lemma missing from the bilingual dictionary.
They are the best signal of a bad draft the engine gives; `unmark` strips them
(and the dictionaries' footnote digits, ``мир¹``) and hands the words to the
adapter, which records them in the draft's provenance note.

Where the pair has no ambiguity marks of its own, the adapter's "keep the first
reading" is a guess wherever the disambiguator left readings of different
lemmas (``стоим``: стоить "cost" or стоять "stand"; ``есть``: есть "eat" or
быть "be"). A second, cheap pass runs the analyser and the constraint grammar
alone (`Readings`), looks each remaining lemma up in the bilingual dictionary,
and keeps the words whose senses translate differently: those are ambiguities,
carried after the translation in the raw (cached) output and handed to the
adapter by `unmark` with the draft's word for the guess.

All segments of a call go through one process, one line each, since starting
the pipeline costs about 0.1 s. A process that fails or loses lines is retried
on halves, so one bad segment cannot sink the others; an empty line for a
non-empty input is a failure, never a translation.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import threading
from pathlib import Path

from .. import morphology
from .. import text as textfacts
from ..errors import EngineError
from ..catalog.drafts import Ambiguity
from .engine import MACHINE, Marked
from .readings import Readings

PAIRS = {("ru", "uk"): "rus-ukr", ("uk", "ru"): "ukr-rus"}

_TAGGER_STAGE = re.compile(
    r"cg-proc\s+-w\s+('[^']*\.rlx\.bin'|\S+\.rlx\.bin)\s*\|\s*apertium-tagger\s+-g\s+(?:\$2\s+)?"
    r"('[^']*\.prob'|\S+\.prob)"
)
_TRANSFER = re.compile(r"apertium-transfer\s+(?:-b\s+)*('[^']*\.t1x'|\S+\.t1x)\s+('[^']*\.t1x\.bin'|\S+\.t1x\.bin)")
_RULE = re.compile(r"<rule\b[^>]*>.*?</rule>", re.DOTALL)
_PATTERN_ITEMS = re.compile(r'<pattern-item\s+n="([^"]+)"\s*/>')
_ADJACENT_UNITS = re.compile(r"(</lu>)(\s*)(<lu>)")
_MARKED_WORD = rf"[^\W_{textfacts.SUPERSCRIPT_DIGITS}]+"
_MARK = re.compile(
    rf"(?<![\w{textfacts.APOSTROPHES}])([*#@])({_MARKED_WORD}(?:[-{textfacts.APOSTROPHES}]{_MARKED_WORD})*)"
)
# Apertium cuts a word at its apostrophe and marks the part after it (*обов'*язок, обов'*язок):
# one mark, in front of the whole word, so that the word is recorded whole and no mark leaks.
_APOSTROPHE_MARK = re.compile(
    rf"(?<![\w{textfacts.APOSTROPHES}*#@])([*#@]?)({_MARKED_WORD}[{textfacts.APOSTROPHES}])([*#@])(?=[^\W_])"
)
_FOOTNOTE = re.compile(rf"(?<=[^\W\d_]){textfacts.SUPERSCRIPT.pattern}+")
#: Part of the cache key: outputs cached before the marks were kept lack them.
_OUTPUT_FORMAT = "marks-3"
#: Between a line's translation and its ambiguities in the raw output (no text has it).
_TRAILER = "\x1e"


def _mode_dirs() -> list[Path]:
    found = []
    executable = shutil.which("apertium")
    if executable:
        found.append(Path(executable).resolve().parent.parent / "share" / "apertium" / "modes")
    found += [Path("/usr/share/apertium/modes"), Path("/usr/local/share/apertium/modes")]
    return found


def fix_t1x(xml: str) -> str:
    """The t1x text with a blank between determiner and noun in det+nom chunks."""

    def fix(rule: re.Match[str]) -> str:
        body = rule.group(0)
        items = _PATTERN_ITEMS.findall(body.split("</pattern>")[0])
        if items != ["det", "nom"] or "<b" in body.split("<out>")[-1]:
            return body
        return _ADJACENT_UNITS.sub(r'\1\2<b pos="1"/>\2\3', body, count=1)

    return _RULE.sub(fix, xml)


class Apertium:
    """The apertium command line as an engine (ru→uk, uk→ru)."""

    kind = MACHINE
    online = False
    languages = frozenset({"ru", "uk"})
    max_chars = 200_000
    batch = 5_000

    def __init__(self, workdir: Path, *, timeout: float = 60.0) -> None:
        """`workdir` holds the repaired modes (e.g. `.tflow/apertium`)."""
        self.workdir = workdir
        self.timeout = timeout
        self._lock = threading.Lock()
        self._variant: str | None = None
        self._readings: dict[str, Readings] = {}

    @property
    def name(self) -> str:
        return "apertium"

    @property
    def variant(self) -> str:
        self._prepare()
        return self._variant or ""

    def supports(self, source: str, target: str) -> bool:
        return (source, target) in PAIRS

    def size(self, text: str) -> int:
        return len(text)

    def _prepare(self) -> None:
        with self._lock:
            if self._variant is not None:
                return
            if shutil.which("apertium") is None:
                raise EngineError(
                    "apertium is not installed; install it with "
                    "`apt-get install apertium apertium-rus-ukr`, or drop it from [mt] engines"
                )
            modes = next((d for d in _mode_dirs() if (d / "rus-ukr.mode").is_file()), None)
            if modes is None:
                raise EngineError(
                    "the ru↔uk data is not installed; install it with `apt-get install apertium-rus-ukr`"
                )
            target = self.workdir / "modes"
            target.mkdir(parents=True, exist_ok=True)
            fingerprint = hashlib.sha256(_OUTPUT_FORMAT.encode("ascii"))
            for pair in PAIRS.values():
                source_mode = modes / f"{pair}.mode"
                if not source_mode.is_file():
                    continue
                stock = source_mode.read_text(encoding="utf-8")
                readings = Readings.of_mode(stock)
                if readings is not None:
                    self._readings[pair] = readings
                mode = self._repair(stock, pair)
                fingerprint.update(mode.encode("utf-8"))
                path = target / f"{pair}.mode"
                if not path.is_file() or path.read_text(encoding="utf-8") != mode:
                    path.write_text(mode, encoding="utf-8")
            self._variant = fingerprint.hexdigest()[:12]

    def _repair(self, mode: str, pair: str) -> str:
        """The mode's pipeline with the crashing tagger replaced and (rus-ukr) t1x fixed."""
        mode = _TAGGER_STAGE.sub(r"cg-proc -w -1 -n \1", mode)
        match = _TRANSFER.search(mode)
        compiler = shutil.which("apertium-preprocess-transfer")
        if pair != "rus-ukr" or match is None or compiler is None:
            return mode
        original = Path(match.group(1).strip("'"))
        try:
            xml = original.read_text(encoding="utf-8")
        except OSError:
            return mode
        fixed = fix_t1x(xml)
        if fixed == xml:
            return mode
        t1x = self.workdir / f"{pair}.t1x"
        binary = self.workdir / f"{pair}.t1x.bin"
        if not t1x.is_file() or t1x.read_text(encoding="utf-8") != fixed or not binary.is_file():
            t1x.write_text(fixed, encoding="utf-8")
            done = subprocess.run(
                [compiler, str(t1x), str(binary)], capture_output=True, timeout=120, check=False
            )
            if done.returncode != 0 or not binary.is_file():
                return mode
        return mode.replace(match.group(1), f"'{t1x}'", 1).replace(match.group(2), f"'{binary}'", 1)

    def translate(self, texts: list[str], source: str, target: str) -> list[str | None]:
        """Translations of `texts`; None for those the pipeline dropped or emptied."""
        pair = PAIRS.get((source, target))
        if pair is None:
            raise EngineError(f"apertium has no {source}→{target} pair; it translates ru↔uk only")
        self._prepare()
        lines: list[str] = []
        spans: list[tuple[int, int]] = []
        for text in texts:
            parts = text.split("\n")
            spans.append((len(lines), len(parts)))
            lines.extend(parts)
        out = self._lines(lines, pair)
        readings = self._readings.get(pair)
        guesses = readings.ambiguities(lines, self.timeout) if readings is not None else [[] for _ in lines]
        results: list[str | None] = []
        for text, (start, count) in zip(texts, spans, strict=True):
            got = out[start : start + count]
            if any(line is None for line in got):
                results.append(None)
                continue
            output = "\n".join(line for line in got if line is not None)
            found = [list(item) for line in guesses[start : start + count] for item in line]
            results.append(output + _TRAILER + json.dumps(found, ensure_ascii=False) if found else output)
        return results

    def _lines(self, lines: list[str], pair: str) -> list[str | None]:
        """Translate lines in one process; on a crash or lost lines, split and try again."""
        ok, output = self._run(lines, pair)
        if ok and len(output) == len(lines):
            return [self._clean(src, out) for src, out in zip(lines, output, strict=True)]
        if len(lines) == 1:
            return [None]
        half = len(lines) // 2
        return self._lines(lines[:half], pair) + self._lines(lines[half:], pair)

    @staticmethod
    def _clean(source: str, output: str) -> str | None:
        if source.strip() and not output.strip():
            return None  # the tagger-crash symptom: exit status 0, nothing written
        return output

    def unmark(self, source: str, output: str, target: str) -> Marked:
        """`output` without Apertium's ``*``/``#``/``@`` marks and footnote digits.

        A mark the source itself has at that word (``#hashtag``, ``*``-emphasis
        kept as text) is left alone. A mark on a word of the target that never
        inflects (``#що``, ``#і``: the generator lacks a tag it did not need;
        ``*до`` copied from Russian) is no error.
        """
        output, _, trailer = output.partition(_TRAILER)
        unknown: list[str] = []
        errors: list[str] = []

        def strip(match: re.Match[str]) -> str:
            mark, word = match.group(1), match.group(2)
            if match.group(0) in source:
                return match.group(0)
            if target in morphology.LANGUAGES and morphology.is_invariable(word, target):
                return word  # a preposition or conjunction of the target, copied or uninflected: right
            if mark == "*" and _is_acronym(word) and word in source:
                return word  # НАТО, США: an acronym the dictionary lacks is written alike, never inflected
            (unknown if mark == "*" else errors).append(word)
            return word

        output = _APOSTROPHE_MARK.sub(lambda m: (m.group(1) or m.group(3)) + m.group(2), output)
        clean = _MARK.sub(strip, output)
        if not textfacts.SUPERSCRIPT.search(source):
            clean = _FOOTNOTE.sub("", clean)
        return Marked(clean, tuple(dict.fromkeys(unknown)), tuple(dict.fromkeys(errors)),
                      _guesses(trailer, clean, target))

    def _run(self, lines: list[str], pair: str) -> tuple[bool, list[str]]:
        data = "\n".join(lines) + "\n"
        limit = self.timeout + len(data) / 20_000
        try:
            done = subprocess.run(
                ["apertium", "-d", str(self.workdir), pair],
                input=data.encode("utf-8"),
                capture_output=True,
                timeout=limit,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise EngineError(f"apertium took longer than {limit:.0f} s; raise [mt] timeout") from None
        except OSError as exc:
            raise EngineError(f"cannot run apertium: {exc.strerror}") from None
        text = done.stdout.decode("utf-8", errors="replace")
        if text.endswith("\n"):
            text = text[:-1]
        return done.returncode == 0, text.split("\n") if lines else []


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isalpha() and word.isupper()


def _guesses(trailer: str, draft: str, target: str) -> tuple[Ambiguity, ...]:
    """The ambiguities the raw output carried, each with the word of `draft` that is the guess.

    The guess is found by the form the generator makes of the chosen reading,
    else by lemma; an ambiguity whose guess the draft does not show (transfer
    rebuilt the phrase) names the chosen lemma instead. When the draft shows
    the form another sense makes and not the chosen one, transfer gave both
    senses one form (этом → цім): no guess is visible.
    """
    if not trailer:
        return ()
    found: list[Ambiguity] = []
    words = textfacts.words(draft)
    folded = {word.casefold() for word in words}
    for source, form, chosen, others, other_forms in json.loads(trailer):
        if form.casefold() not in folded and any(other.casefold() in folded for other in other_forms):
            continue
        draft_word = next((word for word in words if word.casefold() == form.casefold()), None)
        if draft_word is None and target in morphology.LANGUAGES:
            draft_word = next((word for word in words if chosen in morphology.lemmas(word, target)), None)
        found.append(Ambiguity(source, draft_word or chosen, tuple(others)))
    return tuple(dict.fromkeys(found))
