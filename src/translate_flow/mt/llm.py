"""Any OpenAI-compatible chat-completions server (Ollama, llama.cpp, vLLM) as an engine.

One request per text to ``POST {url}/chat/completions``. The prompt asks for the
translation only, keeps placeholders, and lists the glossary's terms that occur
in the text with the collective's chosen translation, so the model uses the
same words the reviewers expect.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol

import requests

from ..errors import EngineError
from . import http
from .engine import MACHINE
from ..net import is_loopback_url
from .online import PROJECT_LANGUAGES

LANGUAGE_NAMES = {"uk": "Ukrainian", "ru": "Russian", "en": "English"}

_THINKING = re.compile(r"<think>.*?</think>", re.DOTALL)
_FENCE = re.compile(r"^```[\w-]*\n(.*)\n```$", re.DOTALL)


class TermSource(Protocol):
    """What the LLM engine needs of the glossary (`glossary.Glossary` provides it)."""

    def terms_in(self, text: str, lang: str) -> Sequence[Any]: ...


def prompt(text: str, source: str, target: str, terms: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
    """The chat messages asking for a translation of `text`."""
    src = LANGUAGE_NAMES.get(source, source)
    tgt = LANGUAGE_NAMES.get(target, target)
    system = (
        f"You translate political statements from {src} into {tgt} for a volunteer "
        "collective. Translate faithfully: keep the meaning, negations, numbers, names "
        "and quotations exactly; do not add, soften or explain anything. Tokens like ⟦1⟧ "
        "stand for formatting: keep each of them exactly once, next to the words they "
        f"belong to. Answer with the {tgt} text only."
    )
    if terms:
        lines = "\n".join(f"- {a} → {b}" for a, b in terms)
        system += f"\nUse these translations for the following terms:\n{lines}"
    return [{"role": "system", "content": system}, {"role": "user", "content": text}]


class LLM:
    """A chat-completions model by base URL and name."""

    kind = MACHINE
    batch = 1
    max_chars = 4000
    languages = PROJECT_LANGUAGES

    def __init__(
        self,
        *,
        url: str,
        model: str,
        key: str | None = None,
        timeout: float = 120.0,
        glossary: TermSource | None = None,
    ) -> None:
        self.url = url.rstrip("/")
        self.model = model
        self.key = key
        self.timeout = timeout
        self.glossary = glossary
        http.register_secret(key)

    @property
    def name(self) -> str:
        return "llm"

    @property
    def variant(self) -> str:
        return f"{self.model}@{self.url}"

    @property
    def online(self) -> bool:
        return not is_loopback_url(self.url)

    def supports(self, source: str, target: str) -> bool:
        return source != target and source in self.languages and target in self.languages

    def size(self, text: str) -> int:
        return len(text)

    def explain(self, text: str, source: str, target: str) -> str | None:
        return self.model

    def _terms(self, text: str, source: str, target: str) -> list[tuple[str, str]]:
        if self.glossary is None:
            return []
        found = []
        for term in self.glossary.terms_in(text, source):
            there, here = term.text(source), term.text(target)
            if there and here:
                found.append((there, here))
        return found

    def translate(self, texts: list[str], source: str, target: str) -> list[str | None]:
        return [self._one(text, source, target) for text in texts]

    def _one(self, text: str, source: str, target: str) -> str | None:
        headers = {"Authorization": f"Bearer {self.key}"} if self.key else {}
        body = {
            "model": self.model,
            "messages": prompt(text, source, target, self._terms(text, source, target)),
            "temperature": 0,
            "stream": False,
        }
        response = requests.post(
            f"{self.url}/chat/completions", json=body, headers=headers, timeout=self.timeout
        )
        if response.status_code != 200:
            raise http.HTTPStatusError(response.status_code, response.text[:200])
        try:
            content = response.json()["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            raise EngineError(f"llm: {self.url} did not answer in the chat-completions format") from None
        if not isinstance(content, str):
            return None
        content = _THINKING.sub("", content).strip()
        fenced = _FENCE.match(content)
        return fenced.group(1).strip() if fenced else content
