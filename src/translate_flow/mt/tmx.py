"""TMX files through lxml: translation units read from other tools, the memory written out.

TMX is what CAT tools (OmegaT, Trados, Weblate, Translate Toolkit) exchange
memories in. Reading takes what their files contain: TMX 1.1's ``lang`` as well
as 1.4's ``xml:lang``, regional tags cut to their base (``uk-UA`` → ``uk``),
any encoding the XML declaration names (Trados writes UTF-16), and inline
codes in ``<seg>`` (``<ph>``, ``<bpt>``, ``<ept>``, ``<it>``, ``<ut>``): those
hold the other tool's formatting markup, not text, so they are dropped and the
text around them kept. Writing gives each unit once, its source language first
and as ``srclang``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .. import __version__
from ..errors import EngineError

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CODES = frozenset({"bpt", "ept", "it", "ph", "ut"})
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class TranslationUnit:
    """One ``<tu>``: its source language (None when the file does not say) and its texts.

    `texts` holds (language, text) pairs, one per language, the source first.
    """

    srclang: str | None
    texts: tuple[tuple[str, str], ...]

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(lang for lang, _ in self.texts)

    def pairs(self) -> Iterator[tuple[str, str, str, str]]:
        """(source language, target language, source text, target text) in every direction."""
        for src, src_text in self.texts:
            for tgt, tgt_text in self.texts:
                if src != tgt:
                    yield src, tgt, src_text, tgt_text


def base_language(tag: str) -> str:
    """``uk-UA``, ``uk_UA``, ``UK`` → ``uk``; ``*all*`` and an empty tag → ``""``."""
    if tag.strip() == "*all*":
        return ""
    return tag.strip().replace("_", "-").split("-")[0].lower()


def _seg_text(element: etree._Element) -> str:
    """The text of a ``<seg>`` (or ``<hi>`` inside it) without the inline codes."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _CODES:
            parts.append(_seg_text(child))
        tail = child.tail or ""
        if isinstance(child.tag, str) and child.tag in _CODES and parts[-1][-1:].isspace():
            tail = tail.lstrip()
        parts.append(tail)
    return "".join(parts)


def _parser() -> etree.XMLParser:
    # A memory file comes from elsewhere: no DTD loading, no entity expansion, no network.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True)


def read(path: Path) -> list[TranslationUnit]:
    """Every unit of the file with text in at least two languages, in file order."""
    try:
        root = etree.parse(str(path), _parser()).getroot()
    except etree.XMLSyntaxError as exc:
        raise EngineError(f"not a valid TMX file: {exc.msg}", path=path, line=exc.lineno or None) from None
    except OSError as exc:
        raise EngineError(f"cannot read: {exc}", path=path) from None
    if root.tag != "tmx":
        raise EngineError(f"not a TMX file: the root element is <{root.tag}>, not <tmx>", path=path)
    header = root.find("header")
    default_source = base_language(header.get("srclang", "")) if header is not None else ""
    units: list[TranslationUnit] = []
    for tu in root.iter("tu"):
        texts: dict[str, str] = {}
        for tuv in tu.iterchildren("tuv"):
            seg = next(tuv.iterchildren("seg"), None)
            lang = base_language(tuv.get(_XML_LANG) or tuv.get("lang") or "")
            if seg is None or not lang:
                continue
            text = _seg_text(seg)
            if text.strip():
                texts.setdefault(lang, text)
        if len(texts) < 2:
            continue
        source = base_language(tu.get("srclang", "")) or default_source
        order = sorted(texts, key=lambda lang: lang != source)
        units.append(TranslationUnit(source if source in texts else None,
                                     tuple((lang, texts[lang]) for lang in order)))
    return units


def writable(unit: TranslationUnit) -> bool:
    """Whether XML 1.0 can hold every text of `unit` (it has no place for most control characters)."""
    return not any(_NOT_XML.search(text) for _, text in unit.texts)


def dumps(units: Iterable[TranslationUnit], *, srclang: str) -> str:
    """A TMX 1.4 document; `srclang` is the header's, each unit also names its own.

    Every unit must be `writable`.
    """
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", {
        "creationtool": "translate-flow",
        "creationtoolversion": __version__,
        "datatype": "plaintext",
        "segtype": "paragraph",
        "adminlang": "en",
        "srclang": srclang,
        "o-tmf": "PO",
    })
    body = etree.SubElement(root, "body")
    for unit in units:
        tu = etree.SubElement(body, "tu", {"srclang": unit.srclang} if unit.srclang else {})
        for lang, text in unit.texts:
            tuv = etree.SubElement(tu, "tuv", {_XML_LANG: lang})
            etree.SubElement(tuv, "seg").text = text
    document: str = etree.tostring(root, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + document
