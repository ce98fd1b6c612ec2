"""Bringing the interface catalogs up to date: ``make ui-catalogs``.

The interface is translated with the project's own rules: Babel finds the strings (the
mapping is `babel.cfg`, the keywords are `KEYWORDS`), a changed msgid is never offered as a
fuzzy near match (it becomes a new, empty entry and the old one obsolete), and the catalogs
are written by `translate_flow.catalog`, byte for byte as msgcat writes them, so a
translator's Poedit save and the next update cause no churn.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from .. import catalog
from . import DOMAIN, LANGUAGES, SOURCE_LANGUAGE

KEYWORDS: dict[str, tuple[int, ...] | None] = {
    **DEFAULT_KEYWORDS,  # type: ignore[dict-item]
    "tr": (2,), "ntr": (2, 3), "Message": None, "plural_message": (1, 2),
}
"""The calls whose string arguments are interface msgids (besides gettext's own names)."""

PACKAGE = Path("src/translate_flow")
TEMPLATE = PACKAGE / "ui" / f"{DOMAIN}.pot"


def extract(root: Path) -> Catalog:
    """Every interface string of the package under `root`, with its places."""
    with (root / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)  # type: ignore[no-untyped-call]
    template = Catalog(project="translate-flow", domain=DOMAIN, charset="utf-8")
    for path, line, message, comments, context in extract_from_dir(
        str(root), method_map, options_map, keywords=KEYWORDS
    ):
        template.add(message, None, [(path, line)], auto_comments=comments, context=context)
    return template


def _text(babel_catalog: Catalog) -> str:
    out = io.BytesIO()
    write_po(out, babel_catalog, width=0, sort_by_file=True)
    return out.getvalue().decode("utf-8")


def _rewrite(path: Path, text: str) -> None:
    """`text` (a PO file) written at `path` through the project's catalog writer."""
    catalog.write(catalog.parse(text, path, str(path)), path)


def update(root: Path) -> list[Path]:
    """Extract the template and merge it into each translated catalog; the paths written."""
    template = extract(root)
    written = [root / TEMPLATE]
    _rewrite(root / TEMPLATE, _text(template))
    for lang in LANGUAGES:
        if lang == SOURCE_LANGUAGE:
            continue
        path = root / PACKAGE / "ui" / "locales" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        with path.open("rb") as handle:
            translated = read_po(handle, locale=lang, domain=DOMAIN)
        translated.update(template, no_fuzzy_matching=True, update_creation_date=False)
        _rewrite(path, _text(translated))
        written.append(path)
    return written


def main() -> None:
    for path in update(Path.cwd()):
        print(path)


if __name__ == "__main__":
    main()
