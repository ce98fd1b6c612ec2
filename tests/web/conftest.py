"""A small project with people, catalogs in every state and a running review server."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import polib
import pytest

from translate_flow import catalog, config
from translate_flow.catalog.extract import extract
from translate_flow.project import Project
from starlette.applications import Starlette
from starlette.testclient import TestClient

from translate_flow.web.app import allowed_hosts, create_app
from translate_flow.web.auth import Limits, RateLimiter
from translate_flow.web.invites import InviteStore
from translate_flow.web.server import ReviewServer, make_server

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"

OLD_STATEMENT = """\
---
title: Against the war
lang: en
---

## Our position

We condemn the war and the conscription in Ukraine.

NATO and the Kremlin both send workers to die.

We stand with the workers of Ukraine and Russia.

Read [the appeal](https://example.org/appeal) and share it.

Workers of the world, unite!

Workers of the world, unite!
"""

STATEMENT = OLD_STATEMENT.replace("with the workers of", "with the working people of")

TITLE = "Against the war"
HEADING = "Our position"
CONDEMN = "We condemn the war and the conscription in Ukraine."
NATO = "NATO and the Kremlin both send workers to die."
STALE = "We stand with the working people of Ukraine and Russia."
OLD_STALE = "We stand with the workers of Ukraine and Russia."
LINK = "Read [the appeal](https://example.org/appeal) and share it."
UNITE = "Workers of the world, unite!"

PEOPLE = """
[[people]]
name = "olena"
email = "olena@example.org"
languages = ["uk"]
roles = ["translator"]

[[people]]
name = "taras"
email = "taras@example.org"
languages = ["uk"]
roles = ["reviewer"]

[[people]]
name = "maria"
email = "maria@example.org"
languages = ["uk"]
roles = ["translator", "reviewer"]

[[people]]
name = "ivan"
email = "ivan@example.org"
languages = ["ru"]
roles = ["translator", "reviewer"]
"""

ASSIGNMENTS = """\
[appeal.uk]
translator = "olena"
reviewer = "taras"

[appeal.ru]
translator = "ivan"
"""

GLOSSARY = "en,uk,ru,note,forbidden\nNATO,НАТО,НАТО,,\nKremlin,Кремль,Кремль,the Russian government,\n"


def po_path(root: Path, lang: str) -> Path:
    return root / "locales" / lang / "appeal.po"


def entry(root: Path, lang: str, msgid: str) -> polib.POEntry:
    found = [e for e in catalog.read(po_path(root, lang)) if e.msgid == msgid and not e.obsolete]
    assert len(found) == 1, msgid
    return found[0]


def edit_behind(root: Path, lang: str, msgid: str, text: str, person: str) -> None:
    """Change an entry as another tool or person would, while a page has it open."""
    with catalog.editing(po_path(root, lang)) as po:
        for item in po:
            if item.msgid == msgid:
                catalog.set_translation(item, text, person, "2026-11-21")


def make_project(root: Path) -> Path:
    """Catalogs with an entry in every state: untranslated, draft, stale, translated, approved."""
    root.mkdir(parents=True, exist_ok=True)
    (root / config.CONFIG_NAME).write_text(config.DEFAULT_CONFIG + PEOPLE, encoding="utf-8")
    (root / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    statement = root / "statements" / "appeal.md"
    statement.parent.mkdir(parents=True)
    statement.write_text(OLD_STATEMENT, encoding="utf-8")
    project = Project.open(root)
    extract(project, ())
    with catalog.editing(po_path(root, "uk")) as po:
        for item in po:
            if item.msgid == HEADING:
                catalog.set_translation(item, "Наша позиція", "olena", "2026-11-20")
                catalog.approve(item, "taras", "2026-11-20")
            elif item.msgid == CONDEMN:
                catalog.set_translation(item, "Ми засуджуємо війну і мобілізацію в Україні.", "olena", "2026-11-20")
            elif item.msgid == NATO:
                catalog.set_draft(item, "НАТО і Кремль обидва посилають робітників помирати.",
                                  "machine: apertium 2026-11-20")
            elif item.msgid == OLD_STALE:
                catalog.set_translation(item, "Ми з робітниками України та Росії.", "olena", "2026-11-20")
            elif item.msgid == UNITE:
                catalog.set_translation(item, "Пролетарі всіх країн, єднайтеся", "maria", "2026-11-20")
    with catalog.editing(po_path(root, "ru")) as po:
        for item in po:
            if item.msgid == CONDEMN:
                catalog.set_translation(item, "Мы осуждаем войну и мобилизацию в Украине.", "ivan", "2026-11-20")
    statement.write_text(STATEMENT, encoding="utf-8")
    extract(project, ())
    assert catalog.state(entry(root, "uk", STALE)) is catalog.State.STALE
    (root / "review").mkdir()
    (root / "review" / "assignments.toml").write_text(ASSIGNMENTS, encoding="utf-8")
    return root


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_project(tmp_path / "collective")


@pytest.fixture
def project(root: Path) -> Project:
    return Project.open(root)


HOST = "127.0.0.1:8000"


@pytest.fixture
def limits() -> Limits:
    return Limits(RateLimiter(limit=5, window=60.0), RateLimiter(limit=8, window=60.0))


@pytest.fixture
def app(project: Project, limits: Limits) -> Starlette:
    """The review app as `tflow serve` on 127.0.0.1:8000 builds it, driven in-process."""
    return create_app(project, hosts=allowed_hosts("127.0.0.1", 8000), limits=limits)


@pytest.fixture
def server(project: Project, limits: Limits) -> Iterator[ReviewServer]:
    """The review server under uvicorn on a free loopback port, serving from a thread."""
    running = make_server(project, "127.0.0.1", 0, limits=limits)
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    assert running.wait_started()
    yield running
    running.stop()
    thread.join(10)


@pytest.fixture
def invite(root: Path) -> Any:
    """Issue a sign-in token for a person, as `tflow invite NAME` does."""
    store = InviteStore.for_root(root)
    return store.issue


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.body)

    def page_data(self) -> Any:
        """The JSON block a page's script renders from."""
        match = re.search(r'<script type="application/json" id="tflow-data">(.*?)</script>', self.text, re.S)
        assert match, self.text[:500]
        return json.loads(match.group(1))


@dataclass
class Client:
    """A browser-like client of the app through Starlette's TestClient: one cookie jar, no redirects."""

    app: Starlette
    client: tuple[str, int] = ("127.0.0.1", 50000)
    csrf: str | None = None
    origin: str = f"http://{HOST}"

    def __post_init__(self) -> None:
        self.http = TestClient(self.app, base_url=self.origin, client=self.client,
                               raise_server_exceptions=False)

    def request(self, method: str, path: str, *, body: bytes = b"",
                headers: dict[str, str] | None = None) -> Reply:
        response = self.http.request(method, path, content=body, headers=headers, follow_redirects=False)
        return Reply(response.status_code, {k.lower(): v for k, v in response.headers.items()},
                     response.content)

    def get(self, path: str, headers: dict[str, str] | None = None, **query: str) -> Reply:
        return self.request("GET", path + ("?" + urlencode(query) if query else ""), headers=headers)

    def post_form(self, path: str, fields: dict[str, str], origin: str | None = None) -> Reply:
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if origin is not None:
            headers["Origin"] = origin
        return self.request("POST", path, body=urlencode(fields).encode(), headers=headers)

    def post_json(self, path: str, data: Any, *, csrf: str | None = "auto",
                  origin: str | None = None) -> Reply:
        return self.post_raw(path, json.dumps(data).encode(), csrf=csrf, origin=origin)

    def post_raw(self, path: str, body: bytes, *, csrf: str | None = "auto", origin: str | None = None,
                 content_type: str = "application/json") -> Reply:
        headers = {"Content-Type": content_type}
        token = self.csrf if csrf == "auto" else csrf
        if token is not None:
            headers["X-CSRF-Token"] = token
        if origin is not None:
            headers["Origin"] = origin
        return self.request("POST", path, body=body, headers=headers)

    def sign_in(self, token: str) -> Reply:
        """Open the link, confirm, and pick up the CSRF token from "My work"."""
        first = self.get("/signin", token=token)
        assert first.status == 200, first.text
        reply = self.post_form("/signin", {"token": token}, origin=self.origin)
        if reply.status == 303:
            self.csrf = self.get("/").page_data()["me"]["csrf"]
        return reply

    def statement(self, lang: str = "uk") -> Any:
        reply = self.get("/api/statement", slug="appeal", lang=lang)
        assert reply.status == 200, reply.text
        return reply.json()

    def fingerprint(self, msgid: str, lang: str = "uk") -> str:
        entries = self.statement(lang)["entries"]
        return str(next(e["fingerprint"] for e in entries if e["msgid"] == msgid))

    def save(self, msgid: str, text: str, *, lang: str = "uk", fingerprint: str | None = None) -> Reply:
        return self.post_json("/api/save", {
            "slug": "appeal", "lang": lang, "msgid": msgid, "msgstr": text,
            "fingerprint": fingerprint or self.fingerprint(msgid, lang)})

    def approve(self, msgid: str, *, lang: str = "uk", fingerprint: str | None = None) -> Reply:
        return self.post_json("/api/approve", {
            "slug": "appeal", "lang": lang, "msgid": msgid,
            "fingerprint": fingerprint or self.fingerprint(msgid, lang)})


@pytest.fixture
def client(app: Starlette) -> Client:
    return Client(app)


@pytest.fixture
def signed_in(app: Starlette, invite: Any) -> Any:
    """A signed-in client for a person."""

    def make(name: str) -> Client:
        person = Client(app)
        reply = person.sign_in(invite(name))
        assert reply.status == 303, reply.text
        return person

    return make


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium, driven by Playwright, shared by the browser tests."""
    from playwright.sync_api import sync_playwright

    from tests.conftest import require_program

    executable = require_program("chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Tab:
    """A page in a fresh browser context, with what went wrong in it collected."""

    page: Any
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        # Entries use content-visibility: auto, so let the browser paint the
        # ones a full-page capture brings into view before taking it.
        self.page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        self.page.evaluate("window.scrollTo(0, 0)")
        self.page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def tab(browser: Any) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    context.set_default_timeout(10_000)
    found = Tab(context.new_page())
    found.page.on("pageerror", lambda error: found.errors.append(str(error)))
    found.page.on("dialog", lambda dialog: (found.dialogs.append(dialog.message), dialog.dismiss()))
    found.page.on("request", lambda request: found.requests.append(request.url))
    yield found
    context.close()
    assert found.errors == []
