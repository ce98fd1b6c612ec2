"""8 simulated reviewers make 2,000 saves against `tflow serve` on loopback, on overlapping entries.

Each reviewer signs in with their own link, loads the statement in both
languages, and saves new text to entries picked mostly from a shared "hot" set,
sending the fingerprint of the entry as they last saw it, as the page does.
A refused save (409) shows them the current entry, which they adopt; every
25 saves they reload, as a person does.

Checked afterwards:
- every save got an answer: accepted (200) or refused as a conflict (409)
  with the sender's text and the current text in the answer;
- no accepted save is missing: per entry, the accepted saves form one unbroken
  chain from the entry as it was at the start (each one made on the state the
  previous one left), and the chain ends in exactly what the PO file holds;
- no refused text reached a PO file.

Prints p50 and p95 save latency. The server runs in its own process.

    .venv/bin/python bench/web_saves.py [--reviewers 8] [--saves 2000]
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import polib

from translate_flow import catalog, config
from translate_flow.catalog.extract import extract
from translate_flow.project import Project
from translate_flow.web.invites import InviteStore

LANGS = ("uk", "ru")
PARAGRAPHS = 40
HOT = 12
RELOAD_EVERY = 25
SERVER = """
import sys
from pathlib import Path
from translate_flow.project import Project
from translate_flow.web.server import make_server
server = make_server(Project.open(Path(sys.argv[1])), "127.0.0.1", 0)
print(server.port, flush=True)
server.serve_forever()
"""


@dataclass(frozen=True)
class Save:
    """One save as its sender saw it."""

    person: str
    lang: str
    msgid: str
    base: str
    text: str
    status: int
    answer: dict[str, Any]
    seconds: float


@dataclass
class Reviewer:
    name: str
    token: str
    port: int
    seed: int
    saves: list[Save] = field(default_factory=list)
    csrf: str = ""
    cookie: str = ""
    seen: dict[tuple[str, str], str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)

    def request(self, method: str, path: str, body: bytes = b"",
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        sent = {"Host": f"127.0.0.1:{self.port}", "Content-Length": str(len(body)), **(headers or {})}
        if self.cookie:
            sent["Cookie"] = self.cookie
        self.connection.request(method, path, body=body, headers=sent)
        response = self.connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()

    def sign_in(self) -> None:
        status, _, _ = self.request("GET", "/signin?" + urlencode({"token": self.token}))
        assert status == 200, status
        status, headers, _ = self.request(
            "POST", "/signin", urlencode({"token": self.token}).encode(),
            {"Content-Type": "application/x-www-form-urlencoded", "Origin": f"http://127.0.0.1:{self.port}"})
        assert status == 303, status
        self.cookie = headers["set-cookie"].split(";", 1)[0]
        _, _, page = self.request("GET", "/")
        match = re.search(rb'id="tflow-data">(.*?)</script>', page, re.S)
        assert match
        self.csrf = json.loads(match.group(1))["me"]["csrf"]

    def load(self) -> None:
        for lang in LANGS:
            status, _, body = self.request("GET", "/api/statement?" + urlencode({"slug": "bench", "lang": lang}))
            assert status == 200, body
            for entry in json.loads(body)["entries"]:
                self.seen[(lang, entry["msgid"])] = entry["fingerprint"]

    def run(self, count: int, msgids: list[str]) -> None:
        chance = random.Random(self.seed)
        self.sign_in()
        self.load()
        for number in range(count):
            if number and number % RELOAD_EVERY == 0:
                self.load()
            lang = chance.choice(LANGS)
            msgid = chance.choice(msgids[:HOT] if chance.random() < 0.8 else msgids)
            base = self.seen[(lang, msgid)]
            text = f"{self.name} #{number}: {msgid[:24]}"
            body = json.dumps({"slug": "bench", "lang": lang, "msgid": msgid, "fingerprint": base,
                               "msgstr": text}).encode()
            started = time.perf_counter()
            status, _, raw = self.request("POST", "/api/save", body, {
                "Content-Type": "application/json", "X-CSRF-Token": self.csrf})
            seconds = time.perf_counter() - started
            answer = json.loads(raw)
            self.saves.append(Save(self.name, lang, msgid, base, text, status, answer, seconds))
            if answer.get("entry"):
                self.seen[(lang, msgid)] = answer["entry"]["fingerprint"]


def statement() -> str:
    lines = ["---", "title: Benchmark statement", "lang: en", "---", ""]
    for number in range(PARAGRAPHS):
        lines += [f"Paragraph {number}: the workers of every country share one interest, "
                  f"and no war between their rulers serves it ({number}).", ""]
    return "\n".join(lines)


def make_project(root: Path, reviewers: int) -> Project:
    people = "".join(
        f'\n[[people]]\nname = "r{n}"\nemail = "r{n}@example.org"\nlanguages = ["uk", "ru"]\n'
        f'roles = ["translator", "reviewer"]\n'
        for n in range(1, reviewers + 1)
    )
    (root / config.CONFIG_NAME).write_text(config.DEFAULT_CONFIG + people, encoding="utf-8")
    (root / "statements").mkdir()
    (root / "statements" / "bench.md").write_text(statement(), encoding="utf-8")
    project = Project.open(root)
    extract(project, ())
    return project


def after(entry_msgid: str, text: str, person: str, day: str) -> str:
    """The fingerprint an entry has right after `person` saved `text` to it."""
    probe = polib.POEntry(msgid=entry_msgid, msgstr="")
    catalog.set_translation(probe, text, person, day)
    return catalog.fingerprint(probe)


def verify(project: Project, saves: list[Save], start: dict[tuple[str, str], str]) -> list[str]:
    """Everything that contradicts "no accepted save lost, every refusal reported"."""
    problems: list[str] = []
    day = catalog.today()
    final = {}
    for lang in LANGS:
        for entry in catalog.read(project.catalog_path("bench", lang)):
            if not entry.obsolete and entry.msgid:
                final[(lang, entry.msgid)] = entry
    accepted: dict[tuple[str, str], list[Save]] = {}
    refused_texts = set()
    for save in saves:
        if save.status == 200 and save.answer.get("status") == "applied":
            accepted.setdefault((save.lang, save.msgid), []).append(save)
        elif save.status == 409 and save.answer.get("status") == "conflict":
            refused_texts.add(save.text)
            if save.answer.get("yours") != save.text or "current_msgstr" not in save.answer:
                problems.append(f"{save.person}: a refusal without both versions: {save.answer}")
        else:
            problems.append(f"{save.person}: unexpected answer {save.status}: {save.answer}")
    for key, entry in final.items():
        chain = {save.base: save for save in accepted.get(key, [])}
        if len(chain) != len(accepted.get(key, [])):
            problems.append(f"{key}: two accepted saves were made on the same state")
        fingerprint = start[key]
        used = 0
        last_text = entry.msgstr if not accepted.get(key) else None
        while fingerprint in chain:
            save = chain.pop(fingerprint)
            used += 1
            last_text = save.text
            fingerprint = after(save.msgid, save.text, save.person, day)
        if chain:
            problems.append(f"{key}: {len(chain)} accepted saves are not in the chain of states")
        if fingerprint != catalog.fingerprint(entry) or last_text != entry.msgstr:
            problems.append(f"{key}: the PO file does not hold the last accepted save")
        if entry.msgstr in refused_texts:
            problems.append(f"{key}: a refused text is in the PO file")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviewers", type=int, default=8)
    parser.add_argument("--saves", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tflow-bench-web-") as directory:
        project = make_project(Path(directory), args.reviewers)
        store = InviteStore.for_root(project.root)
        tokens = {f"r{n}": store.issue(f"r{n}") for n in range(1, args.reviewers + 1)}
        msgids = [e.msgid for e in catalog.read(project.catalog_path("bench", "uk")) if e.msgid.startswith("Paragraph")]
        start = {(lang, e.msgid): catalog.fingerprint(e)
                 for lang in LANGS for e in catalog.read(project.catalog_path("bench", lang)) if e.msgid}
        server = subprocess.Popen([sys.executable, "-c", SERVER, str(project.root)],
                                  stdout=subprocess.PIPE, text=True)
        try:
            assert server.stdout is not None
            port = int(server.stdout.readline())
            each = [args.saves // args.reviewers + (1 if n < args.saves % args.reviewers else 0)
                    for n in range(args.reviewers)]
            reviewers = [Reviewer(name, token, port, seed=n) for n, (name, token) in enumerate(tokens.items())]
            threads = [threading.Thread(target=r.run, args=(count, msgids)) for r, count in zip(reviewers, each)]
            began = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            wall = time.perf_counter() - began
        finally:
            server.terminate()
            server.wait(10)
        saves = [save for reviewer in reviewers for save in reviewer.saves]
        problems = verify(project, saves, start)
    latencies = sorted(save.seconds * 1000 for save in saves)
    cuts = statistics.quantiles(latencies, n=100)
    accepted = sum(1 for s in saves if s.status == 200)
    conflicts = sum(1 for s in saves if s.status == 409)
    print(f"{len(saves)} saves by {args.reviewers} reviewers on {len(start)} entries "
          f"({HOT} hot per language) in {wall:.1f} s: {accepted} accepted, {conflicts} refused as conflicts")
    print(f"save latency: p50 {cuts[49]:.1f} ms, p95 {cuts[94]:.1f} ms, max {latencies[-1]:.1f} ms")
    if problems:
        for problem in problems[:20]:
            print(f"FAIL: {problem}")
        return 1
    print("verified: every accepted save is in the PO files' chain of states, "
          "every refusal was answered with both versions, no refused text was written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
