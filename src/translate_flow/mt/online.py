"""Online engines: Google, MyMemory, LibreTranslate and Microsoft through
deep-translator, DeepL through the official `deepl` package.

Each call builds a fresh client: GoogleTranslator and MyMemoryTranslator keep
the text on the instance between setting and sending it, so a shared instance
hands one thread another thread's translation. Keys are always passed
explicitly (deep-translator reads its environment variables once, at import)
and registered with `http.redact` so that no message shows them. A base URL
from the config replaces the client's own, which is how tests reach a local
server.
"""

from __future__ import annotations

from typing import Any

from ..net import is_loopback_url
from ..errors import EngineError
from . import http
from .engine import MACHINE

PROJECT_LANGUAGES = frozenset({"uk", "ru", "en"})




class _Online:
    """What the online engines share: URL, key, timeout, one request per text."""

    kind = MACHINE
    batch = 1
    max_chars = 5000
    name = ""
    languages: frozenset[str] = PROJECT_LANGUAGES

    def __init__(self, *, url: str | None = None, key: str | None = None, timeout: float = 30.0) -> None:
        self.url = url
        self.key = key
        self.timeout = timeout
        http.register_secret(key)

    @property
    def variant(self) -> str:
        return ""

    @property
    def online(self) -> bool:
        return True

    def supports(self, source: str, target: str) -> bool:
        return source != target and source in self.languages and target in self.languages

    def size(self, text: str) -> int:
        return len(text)

    def _code(self, lang: str) -> str:
        return lang

    def translate(self, texts: list[str], source: str, target: str) -> list[str | None]:
        with http.timeout(self.timeout):
            return [self._one(text, self._code(source), self._code(target)) for text in texts]

    def _one(self, text: str, source: str, target: str) -> str | None:
        raise NotImplementedError


class Google(_Online):
    """Google Translate's mobile page, scraped by deep-translator."""

    name = "google"
    max_chars = 4800  # deep-translator refuses 5,000 characters or more

    def size(self, text: str) -> int:
        # The text travels in the URL, percent-encoded: a Cyrillic letter takes six
        # bytes there, and 4,999 of them make a 30 KB URL (mt-notes). Weighting
        # non-ASCII letters 3.5 fits about 1,500 characters of Cyrillic prose.
        return len(text) + (5 * sum(1 for ch in text if not ch.isascii())) // 2

    def _one(self, text: str, source: str, target: str) -> str | None:
        module = http.install("google")
        client = module.GoogleTranslator(source=source, target=target)
        if self.url:
            client._base_url = self.url  # read per request; no shared BASE_URLS edit
        result = client.translate(text)
        return result if isinstance(result, str) else None


class MyMemory(_Online):
    """MyMemory's free API; `key` is the contact e-mail that raises its daily quota."""

    name = "mymemory"
    max_chars = 499  # 500 bytes a request, and deep-translator wants fewer than 500 characters
    _CODES = {"uk": "uk-UA", "ru": "ru-RU", "en": "en-GB"}  # bare "uk" is rejected

    def size(self, text: str) -> int:
        return len(text.encode("utf-8"))

    def _code(self, lang: str) -> str:
        return self._CODES.get(lang, lang)

    def _one(self, text: str, source: str, target: str) -> str | None:
        module = http.install("mymemory")
        extra: dict[str, Any] = {"email": self.key} if self.key else {}
        client = module.MyMemoryTranslator(source=source, target=target, **extra)
        if self.url:
            client._base_url = self.url
        result = client.translate(text)
        return result if isinstance(result, str) else None


class Libre(_Online):
    """A self-hosted LibreTranslate server; leaves the machine unless it is on localhost."""

    name = "libre"

    def __init__(self, *, url: str, key: str | None = None, timeout: float = 30.0) -> None:
        super().__init__(url=url if url.endswith("/") else url + "/", key=key, timeout=timeout)

    @property
    def variant(self) -> str:
        return self.url or ""

    @property
    def online(self) -> bool:
        return not is_loopback_url(self.url or "")

    def _one(self, text: str, source: str, target: str) -> str | None:
        module = http.install("libre")
        # deep-translator demands a key even for keyless servers, and its language
        # table lacks Ukrainian: build with a pair it knows, then set the real one.
        client = module.LibreTranslator(
            source="en", target="ru", api_key=self.key or "none", custom_url=self.url
        )
        client.source, client.target = source, target
        result = client.translate(text)
        return result if isinstance(result, str) else None


class Microsoft(_Online):
    """Azure AI Translator; `region` goes into the request headers when set."""

    name = "microsoft"
    max_chars = 10_000

    def __init__(
        self, *, url: str | None = None, key: str | None, region: str | None = None, timeout: float = 30.0
    ) -> None:
        if not key:
            raise EngineError(
                "microsoft needs a key: set MICROSOFT_API_KEY or [mt.engine.microsoft] key"
            )
        super().__init__(url=url, key=key, timeout=timeout)
        self.region = region

    def _one(self, text: str, source: str, target: str) -> str | None:
        client = _microsoft_client(source, target, self.key or "", self.region)
        if self.url:
            client._base_url = self.url
        result = client.translate(text)
        return result if isinstance(result, str) else None


def _microsoft_client(source: str, target: str, key: str, region: str | None) -> Any:
    module = http.install("microsoft")

    class _Client(module.MicrosoftTranslator):  # type: ignore[misc, name-defined]
        # The stock constructor fetches a hard-coded language list with no timeout
        # (mt-notes), once per instance; the codes we use are fixed.
        def _get_supported_languages(self) -> dict[str, str]:
            return {"english": "en", "russian": "ru", "ukrainian": "uk"}

    return _Client(source=source, target=target, api_key=key, region=region)


class DeepL(_Online):
    """DeepL through its official client (deep-translator's no longer authenticates, #304)."""

    name = "deepl"
    batch = 50  # DeepL takes up to 50 texts in one request
    max_chars = 30_000
    _SOURCE = {"uk": "UK", "ru": "RU", "en": "EN"}
    _TARGET = {"uk": "UK", "ru": "RU", "en": "EN-GB"}

    def __init__(self, *, url: str | None = None, key: str | None, timeout: float = 30.0) -> None:
        if not key:
            raise EngineError("deepl needs a key: set DEEPL_AUTH_KEY or [mt.engine.deepl] key")
        super().__init__(url=url, key=key, timeout=timeout)

    def translate(self, texts: list[str], source: str, target: str) -> list[str | None]:
        import deepl

        # The adapter retries and times out; the client's own five retries would
        # multiply every wait, and its timeout is a module setting.
        deepl.http_client.max_network_retries = 0
        deepl.http_client.min_connection_timeout = self.timeout
        client = deepl.Translator(self.key or "", server_url=self.url)
        try:
            results = client.translate_text(
                texts, source_lang=self._SOURCE[source], target_lang=self._TARGET[target]
            )
        finally:
            client.close()  # type: ignore[no-untyped-call]
        items = results if isinstance(results, list) else [results]
        return [item.text if item.text else None for item in items]
