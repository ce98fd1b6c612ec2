"""Benchmark 2: a 5,000-paragraph statement pre-translated, one paragraph edited, re-run.

Counts the segments sent to the (local) online engine by the re-run of
extract + pretranslate after the edit; the cache and the "empty entries only"
rule should make it exactly one.

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
            edited = path.read_text(encoding="utf-8").replace(
                "Paragraph 2500: the assembly of district 2500 voted against the war.",
                "Paragraph 2500: the assembly of district 2500 voted for a general strike.",
            )
            path.write_text(edited, encoding="utf-8")
            with timed("re-run", times):
                extract(found)
                second = pretranslate(found, langs=["uk"])
            sent_second = len(server.requests()) - sent_first
    print(f"paragraphs: {count}")
    print(f"  first run:  {sent_first} segments sent, {first.drafted} drafts, {times['first run']:.1f} s")
    print(f"  after editing one paragraph: {sent_second} segment(s) sent, {second.drafted} draft(s), "
          f"{times['re-run']:.1f} s (extract + pretranslate)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
