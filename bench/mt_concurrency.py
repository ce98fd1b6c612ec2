"""Benchmark 1: 1,000 segments against a server that answers each request after 100 ms.

Wall time of the pretranslate engine path (libre through the adapter, default
concurrency) against deep-translator's own sequential `translate_batch`, on the
same local server in the same run, and a check that every draft belongs to
its own segment.

    .venv/bin/python bench/mt_concurrency.py [SEGMENTS]
"""

from __future__ import annotations

import sys

from mt_common import FakeServer, fake, project, timed

from translate_flow import catalog
from translate_flow.mt import http
from translate_flow.mt.pretranslate import pretranslate


def main(count: int = 1000) -> None:
    paragraphs = [f"Paragraph {n}: the workers of district {n} stand against the war." for n in range(count)]
    statement = "---\nlang: en\n---\n\n" + "\n\n".join(paragraphs) + "\n"
    times: dict[str, float] = {}
    with FakeServer() as server:
        server.state.delay = 0.1
        mt = f'engines = ["libre"]\n[mt.engine.libre]\nurl = "{server.url}/"'
        with project(statement, mt) as found:
            with timed("tflow pretranslate (libre, concurrency 4)", times):
                report = pretranslate(found, langs=["uk"])
            ours = len(server.requests())
            po = catalog.read(found.catalog_path("s", "uk"))
            wrong = [e.msgid for e in po if e.msgid in paragraphs and e.msgstr != fake(e.msgid, "uk")]
            drafted = sum(1 for e in po if e.msgid in paragraphs and e.msgstr)

        libre = http.install("libre")  # the same module, with timeouts added
        client = libre.LibreTranslator(source="en", target="ru", api_key="x", custom_url=f"{server.url}/")
        client.target = "uk"
        before = len(server.requests())
        with timed("deep-translator translate_batch", times):
            batch = client.translate_batch(paragraphs)
        theirs = len(server.requests()) - before
        wrong_batch = sum(1 for p, t in zip(paragraphs, batch, strict=True) if t != fake(p, "uk"))

    ours_s = times["tflow pretranslate (libre, concurrency 4)"]
    theirs_s = times["deep-translator translate_batch"]
    print(f"segments: {count}, server delay 100 ms per request")
    print(f"  tflow pretranslate:        {ours_s:7.2f} s  ({ours} requests, {drafted} drafts, "
          f"{len(wrong)} attached to the wrong segment)")
    print(f"  deep-translator batch:     {theirs_s:7.2f} s  ({theirs} requests, {wrong_batch} wrong)")
    print(f"  speed-up:                  {theirs_s / ours_s:7.2f}x")
    print(f"  engine report: {report.engines[0]}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
