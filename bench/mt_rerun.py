"""Benchmark 2: a 5,000-paragraph statement pre-translated, one paragraph edited, re-run.

Counts the segments sent to the (local) online engine by the re-run of
extract + pretranslate after each of two edits. Only empty entries are filled,
and the cache answers everything sent before. The merge empties an entry whose
source changed meaning, and an entry that held only a machine draft (a human
translation would be kept as stale instead), so each edit sends exactly one
segment.

    .venv/bin/python bench/mt_rerun.py [PARAGRAPHS]
"""

from __future__ import annotations

import sys

from mt_common import FakeServer, project, timed

from translate_flow.catalog.extract import extract
from translate_flow.mt.pretranslate import pretranslate


def main(count: int = 5000) -> None:
    paragraphs = [f"Paragraph {n}: the assembly of district {n} voted against the war." for n in range(count)]
    statement = "---\nlang: en\n---\n\n" + "\n\n".join(paragraphs) + "\n"
    times: dict[str, float] = {}
    with FakeServer() as server:
        mt = f'engines = ["memory", "google"]\n[mt.engine.google]\nrate = 0\nurl = "{server.url}/m"'
        with project(statement, mt) as found:
            with timed("first run", times):
                first = pretranslate(found, langs=["uk"])
            sent_first = len(server.requests())
            path = found.config.statements_dir / "s.md"
            edits = {
                "a number changed (merge empties the entry)": (
                    "Paragraph 2500: the assembly of district 2500 voted",
                    "Paragraph 2500: the assembly of district 2501 voted",
                ),
                "words changed (a machine draft of the old words is re-drafted)": (
                    "district 1200 voted against the war.",
                    "district 1200 voted against this war.",
                ),
            }
            rows = []
            for label, (old, new) in edits.items():
                path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
                before = len(server.requests())
                with timed(label, times):
                    extract(found)
                    second = pretranslate(found, langs=["uk"])
                rows.append((label, len(server.requests()) - before, second.drafted, times[label]))
    print(f"paragraphs: {count}")
    print(f"  first run:  {sent_first} segments sent, {first.drafted} drafts, {times['first run']:.1f} s")
    for label, sent, drafted, seconds in rows:
        print(f"  re-run after one paragraph edited, {label}: {sent} segment(s) sent, "
              f"{drafted} draft(s), {seconds:.1f} s (extract + pretranslate)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
