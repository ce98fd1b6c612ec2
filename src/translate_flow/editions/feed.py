"""An Atom feed (RFC 4287) per language of the published editions, written with ElementTree.

Links are relative to the feed, so the feed stays right wherever `editions/`
is synced to; ids are stable URNs made from the project and the statement.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from typing import Any

from .. import ui
from ..project import Project

ATOM = "http://www.w3.org/2005/Atom"


def _id(*parts: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, "translate-flow:" + ":".join(parts)).urn


def _stamp(item: dict[str, Any]) -> str:
    return str(item["updated"]).replace("+00:00", "Z")


def atom(project: Project, lang: str, items: list[dict[str, Any]]) -> bytes:
    """The feed of `items` (as the language index lists them), newest first."""
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    ET.SubElement(root, f"{{{ATOM}}}id").text = _id(project.root.name, lang)
    ET.SubElement(root, f"{{{ATOM}}}title").text = ui.tr(lang, "Statements")
    ET.SubElement(root, f"{{{ATOM}}}link", {"rel": "self", "href": "feed.atom"})
    ET.SubElement(root, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": "index.html"})
    newest = max((_stamp(item) for item in items), default="1970-01-01T00:00:00Z")
    ET.SubElement(root, f"{{{ATOM}}}updated").text = newest
    for item in sorted(items, key=_stamp, reverse=True):
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = _id(project.root.name, item["slug"], lang)
        ET.SubElement(entry, f"{{{ATOM}}}title").text = item["title"]
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": item["href"]})
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(item)
        if item["date"]:
            ET.SubElement(entry, f"{{{ATOM}}}published").text = f"{item['date']}T00:00:00Z"
        author = ET.SubElement(entry, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = item["author"] or project.root.name
        if item["summary"]:
            ET.SubElement(entry, f"{{{ATOM}}}summary").text = item["summary"]
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True)) + b"\n"
