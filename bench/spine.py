"""Benchmark of the spine: extract and build on book-length statements, against po4a.

Generates Markdown statements of 5,000 and 20,000 paragraphs (section
headings, nested lists, block quotes, links, emphasis, code spans, soft line
breaks), each in a fresh project made by `tflow init`, and measures each
command as a child process: wall time, CPU time (user + system: steadier than
wall time on a busy machine) and peak memory (the child's own `ru_maxrss`,
from `os.wait4`). Each command runs REPEAT times (default 3); the fastest run
is shown.

- `tflow extract` on the new statement (writes the POT and the uk and ru catalogs);
- `tflow extract` again on the unchanged statement (target: under 0.5 s);
- `tflow build --draft --lang ru --format md`, after every entry of both catalogs
  has a translation: the same job as po4a-translate;
- `tflow build --draft`: every language (uk, ru, en), Markdown and HTML, and the index;
- po4a 0.69 (Debian `po4a`, text module with `-o markdown -o neverwrap`) on the
  same document: `po4a-updatepo` (extract: in 0.69, `po4a-gettextize` refuses to
  run without a translated document to sync) and `po4a-translate -k 0` (build)
  with a catalog translated the same way;
- mdpo's `po2md` (build, with tflow's translated ru catalog), when `MDPO_BIN`
  names the directory that holds it: install mdpo into a venv of its own, never into the project's
  (`python3 -m venv /tmp/mdpo && /tmp/mdpo/bin/pip install mdpo`,
  then `MDPO_BIN=/tmp/mdpo/bin`); without it, a line says it was skipped.

It prints figures and the ratios; it asserts nothing about time.

    .venv/bin/python bench/spine.py [PARAGRAPHS ...]     # default: 5000 20000
    REPEAT=1 MDPO_BIN=/tmp/mdpo/bin .venv/bin/python bench/spine.py 20000
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polib

BIN = Path(sys.executable).parent
REPEAT = int(os.environ.get("REPEAT", "3"))
WORDS = (
    "the assembly of workers voted against the war and the conscription of the young "
    "while the district council demanded bread peace and land for every family in the city"
).split()


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu: float
    peak_mib: float


def measure(command: list[str], cwd: Path, before: Callable[[], None] | None = None) -> Run:
    """The fastest of REPEAT runs of a child process (which must succeed); peak memory of all."""
    runs = []
    for _ in range(REPEAT):
        if before is not None:
            before()
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        assert child.stderr is not None
        error = child.stderr.read().decode()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{error}")
        runs.append(Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024))
    best = min(runs, key=lambda run: run.seconds)
    return Run(best.seconds, best.cpu, max(run.peak_mib for run in runs))


def sentence(n: int, k: int) -> str:
    words = [WORDS[(n * 7 + k * 3 + i) % len(WORDS)] for i in range(6 + (n + k) % 5)]
    if k % 3 == 0:
        words[1] = f"*{words[1]}*"
    if k % 4 == 1:
        words[2] = f"[{words[2]} {n}](https://example.org/s/{n}#{k})"
    if (n + k) % 5 == 2:
        words[3] = f"`code-{n}`"
    if k % 6 == 5:
        words[0] = f"**{words[0]}**"
    return " ".join(words).capitalize() + f" (No. {n}.{k})."


def paragraph(n: int) -> str:
    """Two or three sentences on two lines: a soft line break inside."""
    first = sentence(n, 0) + " " + sentence(n, 1)
    return first + "\n" + sentence(n, 2) if n % 2 else first + "\n" + sentence(n, 3) + " " + sentence(n, 4)


def statement(paragraphs: int) -> str:
    """A statement with `paragraphs` translatable blocks, every one different."""
    blocks = []
    n = 0
    while n < paragraphs:
        if n % 25 == 0:
            blocks.append(f"## Section {n // 25 + 1}: on the war and the strike")
        elif n % 25 == 10:
            items = [f"- {sentence(n + i, 7)}" for i in range(3)]
            items.insert(2, f"  1. {sentence(n, 8)}\n     {sentence(n, 9)}")
            blocks.append("\n".join(items))
            n += 3
        elif n % 25 == 17:
            blocks.append("> " + paragraph(n).replace("\n", "\n> "))
        else:
            blocks.append(paragraph(n))
        n += 1
    front = "---\ntitle: On the war, the strike and the bread\nauthor: Red Machete\nlang: en\n---\n\n"
    return front + "\n\n".join(blocks) + "\n"


def translate(path: Path, *, fuzzy: bool = False) -> int:
    """Give every entry a translation (a human's: not fuzzy), as a translated catalog looks."""
    catalog = polib.pofile(str(path), wrapwidth=79)
    for entry in catalog:
        if entry.msgid and not entry.obsolete:
            entry.msgstr = "Перевод: " + entry.msgid
            if not fuzzy and "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    catalog.save()
    return len(catalog)


def tflow_runs(text: str, work: Path) -> dict[str, Run]:
    tflow = str(BIN / "tflow")
    root = work / "project"
    subprocess.run([tflow, "init", str(root)], check=True, stdout=subprocess.DEVNULL)
    config = root / "translate-flow.toml"
    config.write_text(config.read_text().replace('require = "approved"', 'require = "translated"'))
    (root / "statements" / "doc.md").write_text(text, encoding="utf-8")

    def fresh() -> None:
        shutil.rmtree(root / "locales", ignore_errors=True)
        shutil.rmtree(root / ".tflow", ignore_errors=True)

    runs = {"extract": measure([tflow, "extract"], root, fresh)}
    runs["extract again"] = measure([tflow, "extract"], root)
    for lang in ("uk", "ru"):
        translate(root / "locales" / lang / "doc.po")
    build_ru = [tflow, "build", "--draft", "--lang", "ru", "--format", "md"]

    def new_translations() -> None:
        # Every verdict computed anew, as on the first build after the translators' work;
        # the segments extract stored are kept, as they are after a real extract.
        (root / ".tflow" / "markup-verdicts.json").unlink(missing_ok=True)

    runs["build ru md"] = measure(build_ru, root, new_translations)
    runs["rebuild ru md"] = measure(build_ru, root)
    runs["build all"] = measure([tflow, "build", "--draft"], root)
    edition = (root / "editions" / "ru" / "doc.md").read_text(encoding="utf-8")
    assert "Перевод: " in edition and "tflow-pending" not in edition, "the build published nothing"
    return runs


def po4a_runs(text: str, work: Path) -> dict[str, Run]:
    root = work / "po4a"
    root.mkdir()
    (root / "doc.md").write_text(text, encoding="utf-8")
    # po4a 0.69's po4a-gettextize only syncs existing translations; po4a-updatepo makes the POT.
    options = ["-f", "text", "-o", "markdown", "-o", "neverwrap", "-M", "UTF-8"]
    extract = ["po4a-updatepo", *options, "-m", "doc.md", "-p", "doc.pot"]
    runs = {"extract": measure(extract, root)}
    shutil.copyfile(root / "doc.pot", root / "doc.po")
    translate(root / "doc.po")
    build = ["po4a-translate", *options, "-L", "UTF-8", "-m", "doc.md", "-p", "doc.po", "-l", "out.md", "-k", "0"]
    runs["build"] = measure(build, root)
    assert "Перевод: " in (root / "out.md").read_text(encoding="utf-8"), "po4a translated nothing"
    return runs


def mdpo_runs(text: str, work: Path, bin_dir: Path, catalog: Path) -> dict[str, Run]:
    """mdpo's build (po2md) of the same document with tflow's translated catalog.

    md2po is not timed: it needs minutes at this size (it is far slower than
    po4a), and po2md finds its msgids in tflow's catalog, which keeps inline
    Markdown and joins soft line breaks the same way.
    """
    root = work / "mdpo"
    root.mkdir()
    (root / "doc.md").write_text(text, encoding="utf-8")
    shutil.copyfile(catalog, root / "doc.po")
    build = [str(bin_dir / "po2md"), "doc.md", "--pofiles", "doc.po", "--save", "out.md", "--quiet"]
    runs = {"build": measure(build, root)}
    assert "Перевод: " in (root / "out.md").read_text(encoding="utf-8"), "po2md translated nothing"
    return runs


def report(paragraphs: int) -> None:
    text = statement(paragraphs)
    with tempfile.TemporaryDirectory(prefix="tflow-bench-") as directory:
        work = Path(directory)
        ours = tflow_runs(text, work)
        theirs = po4a_runs(text, work)
        mdpo_bin = os.environ.get("MDPO_BIN")
        ru = work / "project" / "locales" / "ru" / "doc.po"
        mdpo = mdpo_runs(text, work, Path(mdpo_bin), ru) if mdpo_bin else None
    size = len(text.encode("utf-8"))
    print(f"\n{paragraphs:,} paragraphs ({size / 1e6:.1f} MB, {text.count(chr(10)):,} lines), best of {REPEAT}")
    fastest = theirs["build"] if mdpo is None else min(theirs["build"], mdpo["build"], key=lambda run: run.cpu)
    print(f"  {'command':<44} {'wall s':>7} {'CPU s':>7} {'peak MiB':>9} {'vs other (wall, CPU)':>20}")

    def row(name: str, run: Run, versus: Run | None = None) -> None:
        ratio = f"{versus.seconds / run.seconds:.2f}x, {versus.cpu / run.cpu:.2f}x" if versus else ""
        print(f"  {name:<44} {run.seconds:7.2f} {run.cpu:7.2f} {run.peak_mib:9.0f} {ratio:>20}")

    row("tflow extract (POT + uk, ru catalogs)", ours["extract"], theirs["extract"])
    row("tflow extract, unchanged statement", ours["extract again"])
    row("tflow build --draft --lang ru --format md", ours["build ru md"], fastest)
    row("  the same again, nothing changed", ours["rebuild ru md"], fastest)
    row("tflow build --draft (uk ru en, md + html)", ours["build all"], fastest)
    row("po4a-updatepo (POT)", theirs["extract"])
    row("po4a-translate -k 0 (one language, md)", theirs["build"])
    if mdpo is None:
        print("  mdpo skipped: set MDPO_BIN to the bin directory of a venv holding mdpo")
    else:
        row("mdpo po2md (one language, md)", mdpo["build"])
    print("  (vs other: extract against po4a; build against the faster (CPU) of po4a-translate")
    print("   and po2md; the other tool's time / ours, above 1x we are faster)")


def main(sizes: list[int]) -> None:
    if shutil.which("po4a-updatepo") is None:
        raise SystemExit("po4a is not installed: apt-get install po4a")
    for paragraphs in sizes:
        report(paragraphs)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [5000, 20000])
