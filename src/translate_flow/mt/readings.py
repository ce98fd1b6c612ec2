"""Where an Apertium pair had to guess: the readings its disambiguator left.

An Apertium pipeline analyses each word (``lt-proc -w``), lets a constraint
grammar remove readings the context rules out (``cg-proc``), and, in the
adapter's repaired mode, keeps the first reading of what is left. A word left
with readings of different lemmas was a guess: ``стоим`` is a form of стоить
("cost") and of стоять ("stand"), ``есть`` of есть ("eat") and of быть ("be").

`Readings` runs the first two stages alone on the same lines, looks the first
reading of each lemma up in the bilingual dictionary (for the lemmas a reviewer
reads), and sends each reading alone through the rest of the pipeline (for
the form it becomes: стоить → коштуємо, стоять → стоїмо). A guess matters only
when the senses translate differently: the same form, the same lemma or one of
the same stem (``этот``/``это`` → цей/це) would be noise, so only the others
are kept, with the chosen reading's form for finding the guess in the draft.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass

from ..errors import EngineError

#: The stages up to the constraint grammar, in a stock mode (before its tagger).
_ANALYSIS = re.compile(r"^(.*?cg-proc\s+-w\s+(?:'[^']*\.rlx\.bin'|\S+\.rlx\.bin))\s*\|\s*apertium-tagger\b")
_BILINGUAL = re.compile(r"lt-proc\s+-b\s+('[^']*'|\S+)")
#: The stages after the tagger: pretransfer, dictionary, lexical selection, transfer, generation.
_REST = re.compile(r"apertium-tagger\s+-g\s+(?:\$2\s+)?(?:'[^']*\.prob'|\S+\.prob)\s*\|\s*(.*)$", re.DOTALL)
#: A lexical unit of the stream, ``^surface/reading/reading$``; `\\` escapes.
_UNIT = re.compile(r"\^((?:\\.|[^\\$])*)\$")
_SPLIT = re.compile(r"(?<!\\)/")
_LEMMA = re.compile(r"^((?:\\.|[^\\<])*)")
_FOOTNOTE = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")


#: One ambiguous word: the source word, the form and lemma the engine chose, the other
#: senses' lemmas and the forms they generate (JSON-ready, for the raw output).
Guess = tuple[str, str, str, list[str], list[str]]


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _lemma(reading: str) -> str:
    """The lemma of a reading (``стоить<vblex>…`` → ``стоить``; ``есть¹`` keeps its homonym digit)."""
    found = _LEMMA.match(reading)
    return found.group(1) if found else reading


def _plain(lemma: str) -> str:
    return _FOOTNOTE.sub("", _unescape(lemma)).replace("#", " ").strip()


@dataclass(frozen=True)
class Readings:
    """The analysis stages, bilingual dictionary and later stages of one pair's stock mode."""

    analysis: str
    bilingual: str
    rest: str

    @classmethod
    def of_mode(cls, mode: str) -> Readings | None:
        """The pieces of a stock ``.mode`` pipeline, or None for a pipeline of another shape."""
        analysis = _ANALYSIS.search(mode.strip())
        bilingual = _BILINGUAL.search(mode)
        rest = _REST.search(mode.strip())
        if analysis is None or bilingual is None or rest is None or "$1" not in rest.group(1):
            return None
        return cls(analysis.group(1).strip(), bilingual.group(1), rest.group(1).replace("$1", "-g"))

    def ambiguities(self, lines: list[str], timeout: float) -> list[list[Guess]]:
        """For each line, its guesses as ``(source, form, chosen lemma, other lemmas, their forms)``.

        A failure of this pass costs the ambiguities, never the translation: the
        lines then have none.
        """
        empty: list[list[Guess]] = [[] for _ in lines]
        if not lines:
            return empty
        try:
            stream = self._shell(f"apertium-destxt | {self.analysis}", "\n".join(lines) + "\n", timeout)
        except EngineError:
            return empty
        units = _units_by_line(stream, len(lines))
        if units is None:
            return empty
        candidates = [[found for unit in line if (found := _candidate(unit)) is not None] for line in units]
        readings = sorted({reading for line in candidates for _, group in line for reading in group})
        try:
            translated = self._lookup(readings, timeout)
        except EngineError:
            return empty
        try:
            forms = self._render(readings, timeout)
        except EngineError:
            return empty
        result = empty
        for index, line in enumerate(candidates):
            for surface, group in line:
                guess = _guess(surface, group, translated, forms)
                if guess is not None:
                    result[index].append(guess)
        return result

    def _lookup(self, readings: list[str], timeout: float) -> dict[str, str]:
        """Each reading's first translation in the bilingual dictionary (misses left out)."""
        found: dict[str, str] = {}
        for reading, line in self._each(readings, f"apertium-pretransfer | lt-proc -b {self.bilingual}", timeout):
            unit = _UNIT.search(line)
            parts = _SPLIT.split(unit.group(1)) if unit else []
            if len(parts) > 1 and not parts[1].startswith("@"):
                found[reading] = parts[1]
        return found

    def _render(self, readings: list[str], timeout: float) -> dict[str, str]:
        """What each source reading becomes alone through the rest of the pipeline (one word, or left out)."""
        found: dict[str, str] = {}
        answers = self._each(readings, self.rest, timeout)
        if len(answers) < len(readings):
            return found
        for reading, line in answers:
            form = _unescape(line.strip())
            if form and form[0] not in "#@*" and " " not in form:
                found[reading] = form
        return found

    def _each(self, readings: list[str], command: str, timeout: float) -> list[tuple[str, str]]:
        """Each reading with the line `command` answers it with (one process, one unit a line)."""
        if not readings:
            return []
        out = self._shell(command, "\n".join(f"^{reading}$" for reading in readings) + "\n", timeout)
        return list(zip(readings, out.split("\n"), strict=False))

    @staticmethod
    def _shell(command: str, data: str, timeout: float) -> str:
        try:
            done = subprocess.run(
                ["sh", "-c", command], input=data.encode("utf-8"), capture_output=True,
                timeout=timeout + len(data) / 20_000, check=False,
            )
        except (subprocess.TimeoutExpired, OSError):
            raise EngineError("the apertium readings pass failed") from None
        if done.returncode != 0:
            raise EngineError("the apertium readings pass failed")
        return done.stdout.decode("utf-8", errors="replace")


def _units_by_line(stream: str, count: int) -> list[list[str]] | None:
    """The lexical units of the stream, line by line (None when the lines do not come back whole)."""
    lines: list[list[str]] = [[]]
    position = 0
    for unit in _UNIT.finditer(stream):
        between = stream[position : unit.start()]
        lines[-1:] = _breaks(lines[-1], between)
        lines[-1].append(unit.group(1))
        position = unit.end()
    lines[-1:] = _breaks(lines[-1], stream[position:])
    while len(lines) > count and not lines[-1]:
        lines.pop()
    return lines if len(lines) == count else None


def _breaks(current: list[str], blank: str) -> list[list[str]]:
    """`current` followed by one new line per newline in `blank` (the text's own, in superblanks or not)."""
    return [current] + [[] for _ in range(blank.count("\n"))]


def _related(one: str, other: str) -> bool:
    """Whether two translations share their stem (незалежно/незалежний, убитий/убити, це/цей):
    one word's parts of speech or variants, the same sense for a reviewer."""
    one, other = one.casefold(), other.casefold()
    shorter = min(len(one), len(other))
    common = next((i for i, (a, b) in enumerate(zip(one, other)) if a != b), shorter)
    return common == shorter or (shorter >= 4 and common >= shorter - 2)


def _guess(surface: str, group: list[str], translated: dict[str, str], forms: dict[str, str]) -> Guess | None:
    """The guess of one ambiguous unit, or None when every sense comes out the same.

    `group` holds its readings, the chosen one first; `translated` their
    translations in the bilingual dictionary, `forms` what each becomes through
    the pipeline. A sense that becomes the very form the chosen one does, or
    translates to the same lemma or one of its stem, is no different; the
    others are, with their forms (for `unmark` to compare with the draft).
    """
    first = translated.get(group[0])
    if first is None:
        return None
    lemma = _plain(_lemma(first))
    form = forms.get(group[0], "")
    others: dict[str, str] = {}
    for reading in group[1:]:
        target = translated.get(reading)
        if target is None:
            continue
        other = _plain(_lemma(target))
        other_form = forms.get(reading, "")
        same_form = bool(form) and other_form.casefold() == form.casefold()
        if other and other.casefold() != lemma.casefold() and not same_form and not _related(other, lemma):
            others.setdefault(other, other_form)
    if not others:
        return None
    return _unescape(surface), form or lemma, lemma, list(others), [f for f in others.values() if f]


def _candidate(unit: str) -> tuple[str, list[str]] | None:
    """A unit whose readings have more than one lemma: its surface and the first reading of each lemma."""
    surface, *readings = _SPLIT.split(unit)
    if len(readings) < 2:
        return None
    first: dict[str, str] = {}
    for reading in readings:
        first.setdefault(_lemma(reading), reading)
    if len(first) < 2:
        return None
    return surface, list(first.values())
