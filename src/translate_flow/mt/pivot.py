"""Pivot: translate a sibling edition that a person already translated.

When the Russian catalog of an English statement has a human translation of an
entry, the Ukrainian draft of that entry is best made from the Russian with
Apertium (close languages, offline) rather than from the English. The pivot
engine is built per statement and target language with the siblings' human
translations, and hands them to offline translators (`adapter.Translator`, so
protection and checks apply to them as to any machine engine).
"""

from __future__ import annotations

from collections.abc import Mapping

from .adapter import Translator
from .engine import LOOKUP, Marked


class Pivot:
    """Drafts from human translations in sibling languages, through offline engines."""

    kind = LOOKUP
    online = False
    max_chars = 1_000_000
    batch = 1_000_000

    def __init__(
        self,
        siblings: Mapping[str, Mapping[str, str]],
        translators: list[Translator],
    ) -> None:
        """`siblings`: language → msgid → a person's msgstr in that language."""
        self.siblings = siblings
        self.translators = translators
        self._last: dict[tuple[str, str, str], str] = {}
        self._marks: dict[tuple[str, str, str], Marked] = {}

    @property
    def name(self) -> str:
        return "pivot"

    @property
    def variant(self) -> str:
        return ""

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(self.siblings)

    def supports(self, source: str, target: str) -> bool:
        return any(self._route(lang, target) for lang in self.siblings if lang not in (source, target))

    def size(self, text: str) -> int:
        return len(text)

    def _route(self, lang: str, target: str) -> Translator | None:
        for translator in self.translators:
            if not translator.engine.online and translator.engine.supports(lang, target):
                return translator
        return None

    def translate(self, texts: list[str], source: str, target: str) -> list[str | None]:
        out: list[str | None] = [None] * len(texts)
        pending = list(range(len(texts)))
        for lang, known in self.siblings.items():
            route = self._route(lang, target) if lang not in (source, target) else None
            if route is None or not pending:
                continue
            here = [i for i in pending if known.get(texts[i])]
            if not here:
                continue
            drafts = route.translate([known[texts[i]] for i in here], lang, target)
            for index, draft in zip(here, drafts, strict=True):
                if draft is not None:
                    out[index] = draft.text
                    self._last[(texts[index], source, target)] = f"{route.name} from {lang}"
                    self._marks[(texts[index], source, target)] = Marked(
                        draft.text, draft.unknown, draft.errors, draft.ambiguous
                    )
            pending = [i for i in pending if out[i] is None]
        return out

    def explain(self, text: str, source: str, target: str) -> str | None:
        return self._last.get((text, source, target))

    def marked(self, text: str, source: str, target: str) -> Marked | None:
        return self._marks.get((text, source, target))
