"""TMX 1.4 files: reading translation units in, writing the memory out.

TMX is what CAT tools (OmegaT, Trados, Weblate, Translate Toolkit) exchange
memories in. A unit with several languages yields a pair for each direction;
language tags are cut to their base (``uk-UA`` → ``uk``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

from ..errors import EngineError

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _lang(element: ET.Element) -> str:
    value = element.get(_XML_LANG) or element.get("lang") or ""
    return value.replace("_", "-").split("-")[0].lower()


def read(path: Path) -> Iterator[tuple[str, str, str, str]]:
    """(source language, target language, source text, target text) for each pair in the file."""
    try:
        tree = ET.parse(path)
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise EngineError(f"not a valid TMX file: {exc.msg}", path=path, line=line) from None
    except OSError as exc:
        raise EngineError(f"cannot read: {exc.strerror}", path=path) from None
    root = tree.getroot()
    if root.tag != "tmx":
        raise EngineError(f"not a TMX file: the root element is <{root.tag}>, not <tmx>", path=path)
    for tu in root.iter("tu"):
        texts: dict[str, str] = {}
        for tuv in tu.findall("tuv"):
            seg = tuv.find("seg")
            lang = _lang(tuv)
            if seg is None or not lang:
                continue
            text = "".join(seg.itertext())
            if text.strip():
                texts.setdefault(lang, text)
        for src, src_text in texts.items():
            for tgt, tgt_text in texts.items():
                if src != tgt:
                    yield src, tgt, src_text, tgt_text


def dumps(pairs: Iterable[tuple[str, str, str, str]], *, tool_version: str = "0.1") -> str:
    """A TMX document with one unit per (source language, target language, source, target)."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4">',
        f'  <header creationtool="translate-flow" creationtoolversion="{tool_version}" '
        'datatype="plaintext" segtype="paragraph" adminlang="en" srclang="*all*" o-tmf="PO"/>',
        "  <body>",
    ]
    for src, tgt, src_text, tgt_text in pairs:
        out += [
            f'    <tu srclang="{escape(src)}">',
            f'      <tuv xml:lang="{escape(src)}"><seg>{escape(src_text)}</seg></tuv>',
            f'      <tuv xml:lang="{escape(tgt)}"><seg>{escape(tgt_text)}</seg></tuv>',
            "    </tu>",
        ]
    out += ["  </body>", "</tmx>", ""]
    return "\n".join(out)
