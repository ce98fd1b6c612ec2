"""Checks that read words, not letters: what the engine did not know, words of
the wrong language by morphology, slurs and hate terms, and negation.

A Ukrainian draft made from Russian keeps Russian words that no letter gives
away (``здесь``, ``снова``, ``к``); pymorphy3's dictionaries know them as
Russian forms and not Ukrainian ones. A slur the source lacks, or a negation
lost or added, says something the statement does not: all are errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from .. import morphology
from .. import text as textfacts
from .inline import parse
from ..ui.message import Language, Message
from .model import ERROR, WARNING, Pair, Problem, quoted


def _plain(text: str) -> str:
    return textfacts.without_addresses(parse(text).text)


def check_unknown(pair: Pair) -> Iterator[Problem]:
    """No word the machine engine did not know or could not inflect is left as it wrote it.

    The words come from the draft's provenance note (``unknown: Майдане``);
    once a person has changed such a word, it is no longer reported.
    """
    if not pair.unknown and not pair.errors:
        return
    present = set(textfacts.words(_plain(pair.msgstr)))
    exempt = _exempt(pair)
    seen: set[str] = set()

    def fresh(word: str) -> bool:
        folded = word.casefold()
        if word not in present or folded in exempt or folded in seen:
            return False
        seen.add(folded)
        return True

    for word in pair.unknown:
        if fresh(word):
            yield Problem(
                "unknown", ERROR,
                Message("the engine did not know %(word)s: it is left untranslated", word=quoted(word)), (word,)
            )
    for word in pair.errors:
        if fresh(word):
            yield Problem(
                "unknown", ERROR, Message("the engine could not form %(word)s in %(language)s", word=quoted(word),
                                          language=Language(pair.target_lang)), (word,)
            )


def check_ambiguous(pair: Pair) -> Iterator[Problem]:
    """No word whose sense the engine guessed is left unread (``стоим`` → «коштуємо», "cost",
    where the statement may mean стояти, "stand").

    The guesses come from the draft's note (``ambiguous: стоим→коштуємо (стояти)``);
    once a person has changed the word, or taken the entry out of fuzzy, it is
    no longer reported.
    """
    if not pair.ambiguous:
        return
    present = {word.casefold() for word in textfacts.words(_plain(pair.msgstr))}
    seen: set[str] = set()
    for item in pair.ambiguous:
        folded = item.draft.casefold()
        if folded not in present or folded in seen:
            continue
        seen.add(folded)
        others = " or ".join(quoted(other) for other in item.others)
        yield Problem(
            "ambiguous", WARNING, Message("%(draft)s is the engine's guess for %(source)s, which can also be "
                                          "%(others)s: check the sense against the source", draft=quoted(item.draft),
                                          source=quoted(item.source), others=others), (item.draft,)
        )


def _exempt(pair: Pair) -> frozenset[str]:
    """The words of the glossary's forms in the target language and of its dnt names (casefolded)."""
    return pair.glossary.words_of(pair.target_lang)


def marked(pair: Pair) -> frozenset[str]:
    """The words the engine marked (casefolded): `check_unknown` reports them, other checks need not."""
    return frozenset(word.casefold() for word in pair.unknown + pair.errors)


_TARGET_FORM, _OTHER_FORM, _NO_FORM = 0, 1, 2


@lru_cache(maxsize=200_000)
def _kind(folded: str, target: str, other: str) -> int:
    """Whether a (casefolded) word is a `target` form, only an `other` form, or neither's."""
    if morphology.is_known(folded, target):
        return _TARGET_FORM
    return _OTHER_FORM if morphology.is_known(folded, other) else _NO_FORM


def check_language(pair: Pair) -> Iterator[Problem]:
    """No Russian word in Ukrainian, no Ukrainian word in Russian, by morphology (pymorphy3).

    A word is wrong when the other language's dictionary knows it and the
    target's does not (``здесь``, ``жодного``); when the source is in the other
    language, a word the translation copies from it that neither dictionary
    knows is wrong too, unless it is capitalised (a name). Glossary terms and
    do-not-translate names pass; so does a word an English source quotes.
    Words with letters the language lacks are left to the ``letters`` check,
    words the engine marked to ``unknown``.
    """
    target = pair.target_lang
    other = textfacts.SIBLING.get(target)
    if other is None:
        return
    text = _plain(pair.msgstr)
    if textfacts.CYRILLIC.search(text) is None:
        return
    foreign = textfacts.foreign_letters(target)
    source_words: set[str] | None = None
    from_sibling = pair.source_lang == other
    exempt = _exempt(pair)
    reported = set(marked(pair))
    for word in textfacts.words(text):
        folded = word.casefold()
        if folded in reported or not textfacts.CYRILLIC.match(folded):
            continue
        kind = _kind(folded, target, other)
        if kind == _TARGET_FORM or folded in exempt or any(ch in foreign for ch in folded):
            continue
        if source_words is None:
            source_words = {w.casefold() for w in textfacts.words(_plain(pair.msgid))}
        in_source = folded in source_words
        if kind == _OTHER_FORM:
            if in_source and not from_sibling:
                continue  # an English statement quoting the original word
            message = Message("%(other)s word %(word)s: a %(other)s form, not a %(language)s one",
                              word=quoted(word), other=Language(other), language=Language(target))
        elif in_source and from_sibling and not word[:1].isupper():
            message = Message("%(word)s is copied from the %(other)s source", word=quoted(word),
                              other=Language(other))
        else:
            continue
        reported.add(folded)
        yield Problem("language", ERROR, message, (word,))


def check_offensive(pair: Pair) -> Iterator[Problem]:
    """No ethnic slur or hate term (москаль, хохол, кацап …) that the source does not have.

    The shipped list is extended by the glossary's ``offensive`` column; Ukrainian
    and Russian forms are matched in any inflection.
    """
    slurs = pair.glossary.slurs()
    found = list(slurs.find(pair.msgstr, pair.target_lang))
    if not found:
        return
    in_source = {hit.slur for hit in slurs.find(pair.msgid, pair.source_lang)}
    for hit in found:
        if hit.slur in in_source:
            continue
        note = f" ({hit.slur.note})" if hit.slur.note else ""
        yield Problem(
            "offensive", ERROR, Message("offensive term %(word)s%(note)s; the source has no such word",
                                        word=quoted(hit.word), note=note),
            (hit.word,),
        )


def check_negation(pair: Pair) -> Iterator[Problem]:
    """A negation in the source is kept, and none is added (Ні війні ≠ Да войне)."""
    before = textfacts.negations(_plain(pair.msgid), pair.source_lang)
    after = textfacts.negations(_plain(pair.msgstr), pair.target_lang)
    if before and not after:
        yield Problem("negation", ERROR,
                      Message("the source has a negation (not, no, ні, не …), the translation none"))
    elif after and not before:
        yield Problem("negation", ERROR, Message("the translation has a negation the source does not have"))
