"""Sentence boundaries, for chunking long texts and for sentence-level memory.

`split` cuts a text into pieces that join back to it exactly; each piece is a
sentence with the whitespace after it. It errs on the side of not splitting:
a missed boundary only makes a chunk or a memory unit longer, while a false one
after an abbreviation ("U.S. imperialism") would cut a sentence in half.
"""

from __future__ import annotations

import re

_BOUNDARY = re.compile(
    r"""(?<=[.!?…])           # sentence-final punctuation
        [\"'»”’)\]]*          # closing quotes or brackets that belong to it
        (\s+)                 # the whitespace between the sentences
        (?=[\"'«“„(\[⟦]?[A-ZА-ЯЁІЇЄҐ0-9⟦])   # the next one starts like a sentence
    """,
    re.VERBOSE,
)

_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st vs etc e.g i.e u.s u.k u.n a.m p.m vol fig ca cf approx jan feb
    mar apr jun jul aug sep sept oct nov dec т.е т.д т.п т.к см им ул г гг р рр ст пр тис
    млн млрд тыс проф др
    """.split()
)


def _is_abbreviation(text: str, end: int) -> bool:
    """Whether the full stop before `end` ends an abbreviation or an initial."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:end].rstrip(".\"'»”’)]").lstrip("\"'«“„([").lower()
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith"
    return word in _ABBREVIATIONS


def split(text: str) -> list[str]:
    """The sentences of `text`, each with its trailing whitespace; ``"".join`` gives `text`."""
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        punct_end = match.start(1)
        stop = punct_end
        while stop > start and text[stop - 1] in "\"'»”’)]":
            stop -= 1
        if text[stop - 1 : stop] == "." and _is_abbreviation(text, stop - 1):
            continue
        pieces.append(text[start : match.end(1)])
        start = match.end(1)
    if start < len(text) or not pieces:
        pieces.append(text[start:])
    return pieces
