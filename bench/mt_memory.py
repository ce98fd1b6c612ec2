"""Benchmark 3: 5,000 new segments against a 100,000-entry translation memory.

The memory is a 100,000-unit TMX file in the project's memory directory; the
statement has 5,000 paragraphs: a fifth seen before exactly, a fifth with one
word changed, the rest new. Times `pretranslate --engine memory` end to end
(loading the TMX, indexing, lookups, writing the PO), and Translate Toolkit's
`pretranslate --tm` on the same data when it is installed in
bench/out/tt-venv (``python3 -m venv bench/out/tt-venv &&
bench/out/tt-venv/bin/pip install translate-toolkit``).

    .venv/bin/python bench/mt_memory.py [UNITS] [SEGMENTS]
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

from mt_common import ROOT, project, timed

from translate_flow import catalog
from translate_flow.mt import tmx
from translate_flow.mt.pretranslate import pretranslate

WORDS = (
    "war peace workers union strike state capital people class power army front left right "
    "government solidarity struggle imperialism revolution history land bread freedom media "
    "city village factory party council assembly border refugee wage rent school hospital "
    "comrade organisation movement repression election protest militia republic region "
    "occupation resistance economy sanction oligarch propaganda fascism democracy east west"
).split()


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) if rng.random() < 0.6 else f"{rng.choice(WORDS)}{rng.randrange(5000)}"
             for _ in range(rng.randrange(8, 22))]
    return " ".join(words).capitalize() + "."


def main(units: int = 100_000, segments: int = 5000) -> None:
    rng = random.Random(7)
    sources = list(dict.fromkeys(sentence(rng) for _ in range(units)))
    units = [tmx.TranslationUnit("en", (("en", s), ("uk", "Переклад: " + s))) for s in sources]
    queries: list[str] = []
    for n in range(segments):
        kind = n % 5
        if kind == 0:
            queries.append(rng.choice(sources))
        elif kind == 1:
            words = rng.choice(sources)[:-1].split()
            words[rng.randrange(len(words))] = rng.choice(WORDS)
            queries.append(" ".join(words).capitalize() + ".")
        else:
            queries.append(sentence(rng))
    queries = list(dict.fromkeys(queries))
    statement = "---\nlang: en\n---\n\n" + "\n\n".join(queries) + "\n"
    times: dict[str, float] = {}
    with project(statement, 'engines = ["memory"]') as found:
        memory_dir = found.root / "memory"
        memory_dir.mkdir()
        (memory_dir / "big.tmx").write_text(tmx.dumps(units, srclang="en"), encoding="utf-8")
        work = found.root / "tt-in.po"
        shutil.copy(found.catalog_path("s", "uk"), work)  # still empty: the same input for both
        with timed("translate-flow", times):
            report = pretranslate(found, langs=["uk"])
        po = catalog.read(found.catalog_path("s", "uk"))
        exact = sum(1 for e in po if e.msgstr and "memory: 100%" in (e.tcomment or ""))
        fuzzy = sum(1 for e in po if e.msgstr) - exact
        print(f"memory: {len(sources)} units; statement: {len(queries)} paragraphs")
        print(f"  translate-flow pretranslate --engine memory: {times['translate-flow']:.2f} s "
              f"({report.drafted} drafts: {exact} exact, {fuzzy} fuzzy >= 85)")
        tt = ROOT / "bench" / "out" / "tt-venv" / "bin" / "pretranslate"
        if not tt.exists():
            print("  Translate Toolkit: not installed in bench/out/tt-venv; skipped")
            return
        out = Path(found.root / "tt-out.po")
        started = time.perf_counter()
        done = subprocess.run(
            # Without -t, pretranslate fails on every file with only a warning
            # ('NoneType' object has no attribute 'findunit'); the input is its own template.
            [str(tt), "-t", str(work), "--tm", str(memory_dir / "big.tmx"), "-s", "85", str(work), str(out)],
            capture_output=True, text=True, check=False,
        )
        elapsed = time.perf_counter() - started
        if done.returncode != 0 or "Error processing" in done.stderr:
            print(f"  Translate Toolkit pretranslate --tm: failed: {done.stderr.strip()[-300:]}")
            return
        tt_po = catalog.read(out)
        filled = sum(1 for e in tt_po if e.msgstr)
        tt_exact = sum(1 for e in tt_po if e.msgstr and not e.previous_msgid)
        print(f"  Translate Toolkit pretranslate --tm -s 85:   {elapsed:.2f} s ({filled} filled: "
              f"{tt_exact} exact, {filled - tt_exact} fuzzy)")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
