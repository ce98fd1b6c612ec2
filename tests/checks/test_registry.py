from __future__ import annotations

from translate_flow.checks import CHECKS, ERROR, WARNING, Pair, Problem, run
from translate_flow.ui import Message

from .support import glossary


def test_every_check_has_a_unique_name_a_severity_and_a_one_line_doc() -> None:
    assert len({check.name for check in CHECKS}) == len(CHECKS)
    for check in CHECKS:
        assert check.severity in (ERROR, WARNING)
        assert check.doc and check.doc[0].isupper(), check.name


def test_markup_numbers_and_wrong_language_are_errors_and_style_is_a_warning() -> None:
    severity = {check.name: check.severity for check in CHECKS}
    for name in ("links", "images", "emphasis", "code", "html", "numbers", "urls", "letters",
                 "homoglyphs", "forbidden", "dnt", "breaks"):
        assert severity[name] == ERROR, name
    for name in ("whitespace", "punctuation", "quotes", "apostrophe", "length", "doubled", "terms",
                 "untranslated", "identical"):
        assert severity[name] == WARNING, name


def test_run_collects_problems_of_all_checks() -> None:
    pair = Pair("In 2014 the **Azov Battalion** grew.", "У 2015 Азов виріс", "en", "uk", glossary())
    assert {problem.check for problem in run(pair)} == {"numbers", "emphasis", "punctuation", "terms"}


def test_run_reports_only_untranslated_for_an_empty_translation() -> None:
    assert run(Pair("In 2014 [Borotba](https://borotba.org) was banned.", "", "en", "uk")) == [
        Problem("untranslated", WARNING, Message("not translated"))
    ]


def test_run_finds_nothing_in_a_good_translation() -> None:
    msgid = "Borotba is a banned communist organization in Ukraine; 48 people were killed in Odessa in 2014."
    msgstr = "«Боротьба» — заборонена комуністична організація в Україні; 48 людей загинули в Одесі 2014 року."
    assert run(Pair(msgid, msgstr, "en", "uk", glossary())) == []
