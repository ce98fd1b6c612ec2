"""Helpers for the checks' tests: run one check on one pair, get its messages."""

from __future__ import annotations

from pathlib import Path

from translate_flow.checks import CheckSettings, Pair, get
from translate_flow.glossary import Glossary

GLOSSARY_CSV = """\
en,uk,ru,note,forbidden
Ukraine,Україна,Украина,,"ru:на Украине; en:the Ukraine"
Kyiv,Київ,Киев,,Kiev
YPJ,YPJ,YPJ,Women's Protection Units,
Azov Battalion,батальйон «Азов»,батальон «Азов»,,
Donetsk People's Republic,Донецька Народна Республіка,Донецкая Народная Республика,,
Left Front,Лівий фронт,Левый фронт,Russian organisation,
conscription,мобілізація,мобилизация,,uk:призов
US,США,США,,
"""


def glossary(text: str = GLOSSARY_CSV) -> Glossary:
    return Glossary.parse(text, Path("glossary.csv"))


def found(
    check: str,
    msgid: str,
    msgstr: str,
    source: str = "en",
    target: str = "uk",
    *,
    terms: Glossary | None = None,
    settings: CheckSettings | None = None,
) -> list[str]:
    """The messages of one check on one pair, after asserting their name and severity."""
    registered = get(check)
    pair = Pair(msgid, msgstr, source, target, terms or Glossary(), settings or CheckSettings())
    problems = list(registered(pair))
    for problem in problems:
        assert (problem.check, problem.severity) == (registered.name, registered.severity)
    return [str(problem.message) for problem in problems]
