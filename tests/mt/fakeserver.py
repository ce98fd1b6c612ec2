"""A local stand-in for the online translation services, with faults on demand.

It speaks the wire formats the real clients use — Google's mobile page (the
``result-container`` div deep-translator scrapes), MyMemory, LibreTranslate,
Microsoft Translator v3, DeepL v2 and OpenAI chat completions — on 127.0.0.1.
Its "translation" is a deterministic transliteration (`fake`), so a test can
tell which input an output belongs to. Faults are queued per test: each request
takes the next one (``"429"``, ``"500"``, ``"slow"``, ``"quota"``, ``"empty"``).
"""

from __future__ import annotations

import html
import json
import threading
import time
import urllib.parse
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_LATIN = "abcdefghijklmnopqrstuvwxyz"
_TO_UK = "абцдефгхіжклмнопкрстуввхиз"
_CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ё": "yo",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
    "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}
QUOTA = (
    "MYMEMORY WARNING: YOU USED ALL AVAILABLE FREE TRANSLATIONS FOR TODAY. "
    "NEXT AVAILABLE IN  10 HOURS 04 MINUTES 31 SECONDS"
)
_LANG = {"uk-UA": "uk", "ru-RU": "ru", "en-GB": "en", "UK": "uk", "RU": "ru", "EN-GB": "en",
         "EN": "en", "EN-US": "en", "Ukrainian": "uk", "Russian": "ru", "English": "en"}


def _case(src: str, out: str) -> str:
    return out.upper() if src.isupper() else out


def fake(text: str, target: str) -> str:
    """The server's deterministic 'translation' of `text` into `target`."""
    target = _LANG.get(target, target)
    out = []
    for ch in text:
        low = ch.lower()
        if target in ("uk", "ru") and low in _LATIN:
            mapped = _TO_UK[_LATIN.index(low)]
            if target == "ru" and mapped == "і":
                mapped = "и"
            out.append(_case(ch, mapped))
        elif target == "en" and low in _CYRILLIC_TO_LATIN:
            mapped = _CYRILLIC_TO_LATIN[low]
            out.append(mapped.capitalize() if ch.isupper() else mapped)
        elif target == "uk" and low in "ыэъё":
            out.append(_case(ch, {"ы": "и", "э": "е", "ъ": "", "ё": "е"}[low]))
        elif target == "ru" and low in "іїєґ":
            out.append(_case(ch, {"і": "и", "ї": "и", "є": "е", "ґ": "г"}[low]))
        else:
            out.append(ch)
    return "".join(out)


@dataclass
class Seen:
    """One request as the server received it."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any


@dataclass
class State:
    faults: deque[str] = field(default_factory=deque)
    delay: float = 0.0
    slow: float = 3.0
    seen: list[Seen] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    in_flight: int = 0
    most_in_flight: int = 0


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib's name
        return None

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def _reply(self, status: int, body: str, kind: str = "application/json") -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _handle(self, method: str) -> None:
        state = self.server.state
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        body: Any = None
        if raw:
            try:
                body = json.loads(raw)
            except ValueError:
                body = urllib.parse.parse_qs(raw.decode("utf-8"))
        with state.lock:
            state.seen.append(Seen(method, url.path, query, dict(self.headers), body))
            fault = state.faults.popleft() if state.faults else ""
            state.in_flight += 1
            state.most_in_flight = max(state.most_in_flight, state.in_flight)
        try:
            if state.delay:
                time.sleep(state.delay)
            if fault == "slow":
                time.sleep(state.slow)
        finally:
            # Counted as in flight until the answer is ready, not until it is written:
            # a client that has read its answer may send the next request before this
            # thread gets past the write, which is not a sixth request at once.
            with state.lock:
                state.in_flight -= 1
        if fault in ("429", "500", "503"):
            self._reply(int(fault), json.dumps({"error": f"fault {fault}"}))
            return
        self._route(url.path, query, body, fault)

    def _route(self, path: str, query: dict[str, list[str]], body: Any, fault: str) -> None:
        def out(text: str, target: str) -> str:
            if fault == "empty":
                return ""
            if fault == "quota":
                return QUOTA
            if fault == "echo":
                return text
            return fake(text, target)

        if path == "/m":
            text, target = query["q"][0], query["tl"][0]
            page = (
                "<html><body><div class='result-container'>"
                f"{html.escape(out(text, target))}</div></body></html>"
            )
            self._reply(200, page, "text/html")
        elif path == "/get":
            text = query["q"][0]
            target = query["langpair"][0].split("|")[1]
            answer = {"responseData": {"translatedText": out(text, target), "match": 1},
                      "responseStatus": 200, "matches": [{"translation": out(text, target)}]}
            self._reply(200, json.dumps(answer))
        elif path == "/translate" and "api-version" in query:
            target = query["to"][0]
            items = [{"translations": [{"text": out(item["Text" if "Text" in item else "text"], target),
                                        "to": target}]} for item in body]
            self._reply(200, json.dumps(items))
        elif path == "/translate":
            text, target = query["q"][0], query["target"][0]
            self._reply(200, json.dumps({"translatedText": out(text, target)}))
        elif path == "/v2/translate":
            texts = body["text"]
            target = body["target_lang"]
            answer = {"translations": [{"detected_source_language": "EN", "text": out(t, target),
                                        "billed_characters": len(t)} for t in texts]}
            self._reply(200, json.dumps(answer))
        elif path == "/v1/chat/completions":
            system = body["messages"][0]["content"]
            text = body["messages"][-1]["content"]
            target = next((code for name, code in _LANG.items() if f"into {name}" in system), "uk")
            answer = {"choices": [{"index": 0, "message": {"role": "assistant", "content": out(text, target)}}]}
            self._reply(200, json.dumps(answer))
        else:
            self._reply(404, json.dumps({"error": f"no such endpoint {path}"}))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 64

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.state = State()

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that timed out and hung up is expected here, not worth a traceback."""


class FakeServer:
    """The server, running in a thread, with its state for assertions."""

    def __init__(self) -> None:
        self._server = _Server()
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def __enter__(self) -> FakeServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def state(self) -> State:
        return self._server.state

    def fail(self, *faults: str) -> None:
        """Queue faults for the next requests, in order."""
        self.state.faults.extend(faults)

    def requests(self, path: str | None = None) -> list[Seen]:
        return [seen for seen in self.state.seen if path is None or seen.path == path]
