"""Benchmark of the catalog merge driver: three clones, random edits, merges in random order.

Part 1. A project with a statement of PARAGRAPHS (default 400) paragraphs is
extracted and pushed to a bare origin; three clones (olena, taras, ivan) run
`tflow git setup` and each make EDITS (default 200) random edits to the uk and
ru catalogs through the library, committed every 20 edits: a person's
translation, a correction of it, a machine draft, an approval of another
person's text, a review note. One clone also edits 5 paragraphs of the
statement and re-extracts. Entries are drawn from a shared pool of a quarter
of the catalog, so clones collide. The clones then sync in a random order
(pull with the driver, push), and the first pulls again, so all three end equal.
It prints:

- entries lost: catalog entries (by msgctxt+msgid, obsolete included) that some
  clone had and the merged catalogs lack, not counting entries the re-extract
  dropped itself; must be 0;
- translations lost: the last text each person wrote in each entry that is found
  neither as a msgstr, nor in a `# conflict:` note, nor in a `# previous:` note
  of the merged catalog; must be 0 (machine drafts replaced by a person's text
  are counted apart: dropping them is the rule);
- conflict markers left in PO files (must be 0), entries flagged as conflicts,
  `msgfmt --check` on every merged catalog, and whether the three clones agree.

Part 2. The driver's time per merge on a catalog of SIZE (default 20000)
paragraphs: base, ours and theirs each with 300 random edits (a third of them on
the same entries), `tflow merge-driver` as a child process, fastest of REPEAT.

    .venv/bin/python bench/git_merge.py [PARAGRAPHS EDITS SIZE]
    SEED=7 REPEAT=1 .venv/bin/python bench/git_merge.py 400 200 20000
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from spine import measure, statement

from translate_flow import catalog
from translate_flow.catalog import states

BIN = Path(sys.executable).parent
TFLOW = str(BIN / "tflow")
SEED = int(os.environ.get("SEED", "11"))
PEOPLE = ("olena", "taras", "ivan")
LANGS = ("uk", "ru")
CONFIG_PEOPLE = "".join(
    f'\n[[people]]\nname = "{name}"\nemail = "{name}@example.org"\nlanguages = ["uk", "ru"]\n'
    'roles = ["translator", "reviewer"]\n' for name in PEOPLE)


def git(where: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(where), *args], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"git {' '.join(args)} in {where} failed:\n{done.stderr}{done.stdout}")
    return done.stdout


def tflow(where: Path, *args: str) -> None:
    done = subprocess.run([TFLOW, *args], cwd=where, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"tflow {' '.join(args)} failed:\n{done.stderr}{done.stdout}")


def po(where: Path, lang: str) -> Path:
    return where / "locales" / lang / "doc.po"


class Clone:
    """One member's clone and what they wrote, to check the merge against."""

    def __init__(self, root: Path, name: str) -> None:
        self.root = root
        self.name = name
        self.written: dict[tuple[str, str], str] = {}  # (lang, msgid) -> last text a person wrote
        self.drafts: dict[tuple[str, str], str] = {}

    def edit(self, rng: random.Random, pool: list[str], count: int) -> None:
        for lang in LANGS:
            with catalog.editing(po(self.root, lang)) as cat:
                for _ in range(count // len(LANGS)):
                    entry = cat.find(rng.choice(pool))
                    if entry is None:
                        continue
                    self._one(rng, lang, entry)

    def _one(self, rng: random.Random, lang: str, entry: object) -> None:
        roll = rng.random()
        where = (lang, entry.msgid)  # type: ignore[attr-defined]
        if roll < 0.15:
            text = f"чернетка {self.name} {rng.randrange(10**6)}"
            if catalog.state(entry) in (catalog.State.UNTRANSLATED, catalog.State.DRAFT):  # type: ignore[arg-type]
                states.set_draft(entry, text, "machine: apertium 2026-12-01")
                self.drafts[where] = text
                self.written.pop(where, None)
        elif roll < 0.35 and catalog.state(entry) is catalog.State.TRANSLATED:  # type: ignore[arg-type]
            if catalog.translator(entry) != self.name:  # type: ignore[arg-type]
                catalog.approve(entry, self.name, "2026-12-01")  # type: ignore[arg-type]
        elif roll < 0.45:
            catalog.set_note(entry, "review", f"{self.name} checked the terms")  # type: ignore[arg-type]
        else:
            text = f"переклад {self.name} {rng.randrange(10**6)}"
            catalog.set_translation(entry, text, self.name, "2026-12-01")  # type: ignore[arg-type]
            self.written[where] = text
            self.drafts.pop(where, None)


def setup(work: Path, paragraphs: int) -> Path:
    seed = work / "seed"
    seed.mkdir()
    git(seed, "init", "-q")
    tflow(seed, "init", ".")
    config = seed / "translate-flow.toml"
    config.write_text(config.read_text() + CONFIG_PEOPLE)
    (seed / "statements" / "doc.md").write_text(statement(paragraphs), encoding="utf-8")
    tflow(seed, "extract")
    git(seed, "add", "-A")
    git(seed, "commit", "-q", "-m", "seed")
    origin = work / "origin.git"
    git(work, "clone", "-q", "--bare", str(seed), str(origin))
    return origin


def re_extract(clone: Clone, rng: random.Random) -> set[tuple[str | None, str]]:
    """Edit five paragraphs of the source and extract; the entries extract itself retired."""
    path = clone.root / "statements" / "doc.md"
    text = path.read_text()
    for word in rng.sample(["strike", "bread", "council", "district", "assembly", "peace"], 5):
        text = text.replace(f" {word} ", f" {word}s ", 1)
    path.write_text(text)
    before = {lang: {(e.msgctxt, e.msgid) for e in catalog.read(po(clone.root, lang))} for lang in LANGS}
    tflow(clone.root, "extract")
    gone: set[tuple[str | None, str]] = set()
    for lang in LANGS:
        after = {(e.msgctxt, e.msgid) for e in catalog.read(po(clone.root, lang))}
        gone |= before[lang] - after
    return gone


def found_texts(cat: object) -> set[str]:
    texts: set[str] = set()
    for entry in cat:  # type: ignore[attr-defined]
        texts.add(entry.msgstr)
        texts |= {c.text for c in states.conflicts(entry)}
        note = catalog.notes(entry).get("previous", "")
        if "was: " in note:
            texts.add(note.split("was: ", 1)[1])
    return texts


def part_one(paragraphs: int, edits: int) -> None:
    rng = random.Random(SEED)
    work = Path(tempfile.mkdtemp(prefix="tflow-bench-git-"))
    os.environ["GIT_CONFIG_GLOBAL"] = str(work / "gitconfig")
    (work / "gitconfig").write_text("[init]\n\tdefaultBranch = main\n[user]\n\tname = bench\n\temail = bench@example.org\n")
    origin = setup(work, paragraphs)
    clones = []
    for name in PEOPLE:
        root = work / name
        git(work, "clone", "-q", str(origin), str(root))
        git(root, "config", "user.name", name)
        git(root, "config", "user.email", f"{name}@example.org")
        tflow(root, "git", "setup")
        clones.append(Clone(root, name))
    msgids = [e.msgid for e in catalog.read(po(clones[0].root, "uk")) if e.msgid]
    pool = rng.sample(msgids, max(10, len(msgids) // 4))
    retired: set[tuple[str | None, str]] = set()
    for clone in clones:
        for batch in range(0, edits, 20):
            clone.edit(rng, pool, min(20, edits - batch))
            git(clone.root, "commit", "-q", "-am", f"{clone.name} edits {batch}")
    retired = re_extract(clones[0], rng)
    git(clones[0].root, "add", "-A")
    git(clones[0].root, "commit", "-q", "-m", "source edited, re-extracted")
    had = {lang: {(e.msgctxt, e.msgid) for c in clones for e in catalog.read(po(c.root, lang))}
           for lang in LANGS}
    order = clones[:]
    rng.shuffle(order)
    started = time.perf_counter()
    merges = 0
    for clone in order:
        git(clone.root, "pull", "-q", "--no-rebase", "--no-edit")
        merges += 1
        git(clone.root, "push", "-q")
    for clone in order:
        git(clone.root, "pull", "-q", "--no-rebase", "--no-edit")
    seconds = time.perf_counter() - started
    final = {lang: catalog.read(po(order[0].root, lang)) for lang in LANGS}
    entries_lost = sum(len(had[lang] - retired - {(e.msgctxt, e.msgid) for e in final[lang]}) for lang in LANGS)
    person_texts = [(lang, text) for c in clones for (lang, _), text in c.written.items()]
    present = {lang: found_texts(final[lang]) for lang in LANGS}
    lost = [(lang, text) for lang, text in person_texts if text not in present[lang]]
    texts_lost = len(lost)
    for lang, text in lost if os.environ.get("SHOW_LOST") else []:
        print(f"  lost ({lang}): {text}")
    drafts = [(lang, text) for c in clones for (lang, _), text in c.drafts.items()]
    drafts_dropped = sum(text not in present[lang] for lang, text in drafts)
    markers = sum(line.startswith(("<<<<<<<", "=======", ">>>>>>>"))
                  for c in clones for path in c.root.rglob("*.po") for line in path.read_text().splitlines())
    flagged = sum(states.in_conflict(e) for lang in LANGS for e in final[lang])
    checks = [subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po(c.root, lang))],
                             capture_output=True).returncode == 0 for c in clones for lang in LANGS]
    heads = {git(c.root, "rev-parse", "HEAD^{tree}").strip() for c in clones}
    print(f"part 1: {len(msgids)} entries × {len(LANGS)} catalogs, 3 clones × {edits} random edits "
          f"(seed {SEED}), merged in the order {', '.join(c.name for c in order)}")
    print(f"  entries lost:           {entries_lost}")
    print(f"  translations lost:      {texts_lost} of {len(person_texts)} texts people wrote")
    print(f"  machine drafts dropped: {drafts_dropped} of {len(drafts)} (replaced by a person's text or another draft)")
    print(f"  conflict markers:       {markers}")
    print(f"  entries flagged:        {flagged} conflicts to review")
    print(f"  msgfmt --check:         {'pass' if all(checks) else 'FAIL'} ({len(checks)} catalogs)")
    print(f"  clones agree:           {'yes' if len(heads) == 1 else 'NO'}")
    print(f"  {merges} merging pulls and {len(order)} catching-up pulls: {seconds:.1f} s")
    shutil.rmtree(work)


def part_two(size: int) -> None:
    rng = random.Random(SEED + 1)
    work = Path(tempfile.mkdtemp(prefix="tflow-bench-driver-"))
    tflow(work, "init", "project")
    root = work / "project"
    (root / "statements" / "doc.md").write_text(statement(size), encoding="utf-8")
    tflow(root, "extract")
    base_path = po(root, "uk")
    base = catalog.read(base_path)
    live = [e for e in base if e.msgid]
    for entry in live[::2]:
        catalog.set_translation(entry, "Переклад: " + entry.msgid, "olena", "2026-12-01")
    catalog.write(base, base_path)
    shared = rng.sample(range(len(live)), 100)
    sides = {}
    for name in ("ours", "theirs"):
        side = catalog.read(base_path)
        entries = [e for e in side if e.msgid]
        for index in shared + rng.sample(range(len(entries)), 200):
            catalog.set_translation(entries[index], f"{name} {rng.randrange(10**6)}", name, "2026-12-02")
        sides[name] = work / f"{name}.po"
        catalog.write(side, sides[name])
    ours = work / "merged.po"

    def fresh() -> None:
        shutil.copyfile(sides["ours"], ours)

    run = measure([TFLOW, "merge-driver", str(base_path), str(ours), str(sides["theirs"]),
                   "locales/uk/doc.po"], root, fresh)
    merged = catalog.read(ours)
    flagged = sum(states.in_conflict(e) for e in merged)
    check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(ours)], capture_output=True).returncode
    print(f"part 2: driver on a {len(live)}-entry catalog ({base_path.stat().st_size / 1e6:.1f} MB), "
          "300 edits a side, 100 on the same entries")
    print(f"  tflow merge-driver: {run.seconds:.2f} s wall, {run.cpu:.2f} s CPU, {run.peak_mib:.0f} MiB peak")
    print(f"  entries flagged: {flagged}; msgfmt --check: {'pass' if check == 0 else 'FAIL'}")
    shutil.rmtree(work)


def main() -> None:
    args = [int(a) for a in sys.argv[1:]]
    paragraphs, edits, size = (args + [400, 200, 20000][len(args):])[:3]
    part_one(paragraphs, edits)
    part_two(size)


if __name__ == "__main__":
    main()
