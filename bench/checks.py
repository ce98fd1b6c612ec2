"""Benchmark of `tflow check` on a book-length statement, against `tflow build`.

Makes the 20,000-paragraph statement of `bench/spine.py` (English: headings,
lists, quotes, links, emphasis, code), gives every entry a Ukrainian
translation word by word (a third of them machine drafts whose provenance
notes list unknown words, some with Russian words left in), and measures, as
child processes in the same project: `tflow check` (every check, the
morphology ones included) and `tflow build --draft` (uk, ru, en; Markdown and
HTML). The check must stay well under the build's time (compare CPU
seconds on a busy machine). It prints figures; it asserts nothing about time.

    .venv/bin/python bench/checks.py [PARAGRAPHS ...]     # default: 20000
    REPEAT=1 .venv/bin/python bench/checks.py 5000
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parent))

from spine import BIN, REPEAT, Run, measure, statement  # noqa: E402

UKRAINIAN = {
    "the": "цей", "assembly": "збори", "of": "від", "workers": "робітники", "voted": "голосували",
    "against": "проти", "war": "війна", "and": "і", "conscription": "мобілізація", "young": "молодь",
    "while": "поки", "district": "районна", "council": "рада", "demanded": "вимагала", "bread": "хліб",
    "peace": "мир", "land": "земля", "for": "для", "every": "кожної", "family": "родини", "in": "у",
    "city": "місто", "section": "розділ", "on": "про", "strike": "страйк", "no": "номер",
}
LEFTOVERS = ("здесь", "снова", "к")  # Russian words a draft keeps
_TOKEN = re.compile(r"`[^`]*`|\]\([^)]*\)|https?://\S+|[A-Za-z]+")


def ukrainian(text: str, n: int) -> str:
    def word(match: re.Match[str]) -> str:
        token = match.group()
        if not token[0].isalpha():
            return token  # code, link targets and URLs stay
        found = UKRAINIAN.get(token.lower(), token)
        return found.capitalize() if token[0].isupper() else found

    out = _TOKEN.sub(word, text)
    return out + f" {LEFTOVERS[n % 3]}" if n % 7 == 0 else out


def translate(path: Path) -> int:
    """Every entry translated; every third a machine draft that lists an unknown word."""
    catalog = polib.pofile(str(path), wrapwidth=79)
    for n, entry in enumerate(catalog):
        if not entry.msgid or entry.obsolete:
            continue
        entry.msgstr = ukrainian(entry.msgid, n)
        if n % 3 == 0:
            entry.flags = ["fuzzy"]
            entry.tcomment = f"machine: apertium 2026-12-01; unknown: {LEFTOVERS[n % 3]}; quality: 0.8"
        elif "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalog.save()
    return len(catalog)


def report(paragraphs: int) -> None:
    tflow = str(BIN / "tflow")
    with tempfile.TemporaryDirectory(prefix="tflow-bench-") as directory:
        root = Path(directory) / "project"
        subprocess.run([tflow, "init", str(root)], check=True, stdout=subprocess.DEVNULL)
        text = statement(paragraphs)
        (root / "statements" / "doc.md").write_text(text, encoding="utf-8")
        subprocess.run([tflow, "extract"], cwd=root, check=True, stdout=subprocess.DEVNULL)
        entries = translate(root / "locales" / "uk" / "doc.po")
        subprocess.run([tflow, "extract"], cwd=root, check=True, stdout=subprocess.DEVNULL)
        check = [tflow, "check", "--lang", "uk"]
        found = subprocess.run(check, cwd=root, capture_output=True, text=True)
        if found.returncode not in (0, 3):
            raise SystemExit(f"tflow check failed:\n{found.stderr}")
        named = {kind: found.stdout.count(f"[{kind}]") for kind in ("unknown", "language", "letters")}
        runs: dict[str, Run] = {
            "check": measure_any(check, root),
            "build": measure([tflow, "build", "--draft"], root),
        }
    print(f"\n{paragraphs:,} paragraphs, {entries:,} uk entries ({len(text) / 1e6:.1f} MB), best of {REPEAT}")
    print(f"  problems named: {', '.join(f'{kind} {count:,}' for kind, count in named.items())}")
    print(f"  {'command':<44} {'wall s':>7} {'CPU s':>7} {'peak MiB':>9}")
    for name, label in (("check", "tflow check --lang uk (every check)"),
                        ("build", "tflow build --draft (uk ru en, md + html)")):
        run = runs[name]
        print(f"  {label:<44} {run.seconds:7.2f} {run.cpu:7.2f} {run.peak_mib:9.0f}")
    print(f"  check / build: wall {runs['check'].seconds / runs['build'].seconds:.2f}, "
          f"CPU {runs['check'].cpu / runs['build'].cpu:.2f}")


def measure_any(command: list[str], cwd: Path) -> Run:
    """`measure` for a command that exits 3 when it finds errors, as `tflow check` does."""
    return measure(["sh", "-c", '"$@"; [ $? -le 3 ]', "sh", *command], cwd)


if __name__ == "__main__":
    for size in [int(arg) for arg in sys.argv[1:]] or [20000]:
        report(size)
