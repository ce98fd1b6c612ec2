from __future__ import annotations

import json
from pathlib import Path

import click
import pytest

from translate_flow import catalog
from translate_flow.catalog import State
from translate_flow.cli.review import approve, comment, queue, review, route
from tests.review.conftest import Run, entry, entry_line, poedit_save, translate

TITLE = "Against the war"
POSITION = "Our position"


def _commands() -> list[click.Command]:
    found: list[click.Command] = []
    for command in (route, queue, approve, comment, review):
        found.append(command)
        if isinstance(command, click.Group):
            found += list(command.commands.values())
    return found


@pytest.mark.parametrize("command", _commands(), ids=lambda c: c.name)
def test_every_review_command_is_documented_with_an_example(command: click.Command) -> None:
    assert command.help and "Example:" in command.help


def test_route_prints_who_does_what_and_writes_the_file(root: Path, tflow: Run) -> None:
    result = tflow("route")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "statement                    lang translator   reviewer     to translate to approve",
        "war                          ru   ivan         marta                36 w       36 w",
        "war                          uk   olena        taras                36 w       36 w",
        "Load in words: olena 36, taras 36, ivan 36, marta 36",
        "review/assignments.toml: written",
    ]
    assert tflow("route").stdout.endswith("review/assignments.toml: unchanged\n")


def test_queue_before_routing_says_to_route(tflow: Run) -> None:
    assert tflow("queue").stdout == "No assignments yet; run `tflow route`.\n"


def test_queue_shows_each_persons_work_and_json_has_every_entry(root: Path, tflow: Run) -> None:
    tflow("route")
    assert tflow("queue", "--person", "olena").stdout == (
        "olena: 6 entries, 36 words in 1 statement\n  war (uk) translate: 6 entries, 36 words\n"
    )
    data = json.loads(tflow("queue", "--person", "olena", "--json").stdout)
    assert data[0]["person"] == "olena" and data[0]["words"] == 36
    assert data[0]["tasks"][0]["reference"] == "statements/war.md:2"


def test_queue_for_an_unknown_person_is_one_line(tflow: Run) -> None:
    result = tflow("queue", "--person", "nobody")
    assert result.exit_code == 1
    assert result.stderr == ("Error: translate-flow.toml: no person named 'nobody' in [[people]] "
                             "(known: olena, taras, ivan, marta)\n")


def test_approve_refuses_self_approval_with_one_line(root: Path, tflow: Run) -> None:
    translate(root, "ru", {TITLE: "Против войны"}, "ivan")
    result = tflow("approve", "war", "--lang", "ru", "--as", "ivan", TITLE)
    assert result.exit_code == 1
    assert result.stderr == (f"Error: locales/ru/war.po:{entry_line(root, 'ru', TITLE)}: «Against the war»: ivan translated this entry "
                             "and cannot approve it too ([review] two_people = true)\n")
    assert catalog.state(entry(root, "ru", TITLE)) is State.TRANSLATED


def test_approve_refuses_in_ukrainian_when_the_terminal_says_uk_ua(root: Path, tflow: Run,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "uk_UA.UTF-8")
    translate(root, "ru", {TITLE: "Против войны"}, "ivan")
    result = tflow("approve", "war", "--lang", "ru", "--as", "ivan", TITLE)
    assert result.exit_code == 1
    assert result.stderr == (f"Error: locales/ru/war.po:{entry_line(root, 'ru', TITLE)}: «Against the war»: ivan перекладає цей запис і не може "
                             "сам(а) його затвердити ([review] two_people = true)\n")


def test_approve_reports_a_refused_override_in_russian_under_language_ru(root: Path, tflow: Run,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("LANGUAGE", "ru:en")
    translate(root, "ru", {TITLE: "Против войны 2015"}, "ivan")
    result = tflow("approve", "war", "--lang", "ru", "--as", "marta", TITLE)
    assert result.exit_code == 1
    assert result.stderr == (
        "отклонено: war (ru) «Against the war»: не утверждено: проверки нашли ошибки (numbers: число 2015 "
        "есть в переводе, но не в оригинале); исправьте текст или разрешите его вопреки проверке, указав "
        "причину (`tflow approve … --override \"причина\"` или строка \"override: причина\" в комментарии "
        "к записи в пакете)\n")


def test_approve_by_msgid_or_reference(root: Path, tflow: Run) -> None:
    translate(root, "ru", {TITLE: "Против войны", POSITION: "Наша позиция"}, "ivan")
    result = tflow("approve", "war", "--lang", "ru", "--as", "marta", TITLE, "statements/war.md:6")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ("2 applied, 0 unchanged, 0 conflicts, 0 refused\n"
                             "locales/ru/war.po: 2 of 6 entries approved\n")
    assert catalog.approval(entry(root, "ru", POSITION)) is not None


def test_approve_all_skips_the_reviewers_own_translations(root: Path, tflow: Run) -> None:
    translate(root, "ru", {TITLE: "Против войны"}, "ivan")
    translate(root, "ru", {POSITION: "Наша позиция"}, "marta")
    result = tflow("approve", "war", "--lang", "ru", "--as", "ivan", "--all")
    assert result.exit_code == 0
    assert result.stdout == ("1 applied, 0 unchanged, 0 conflicts, 0 refused\n"
                             "locales/ru/war.po: 1 of 6 entries approved\n"
                             "not approved: 1 entry ivan translated ([review] two_people = true)\n")
    assert catalog.state(entry(root, "ru", POSITION)) is State.APPROVED
    assert catalog.state(entry(root, "ru", TITLE)) is State.TRANSLATED


def test_approve_needs_a_reviewer(root: Path, tflow: Run) -> None:
    result = tflow("approve", "war", "--lang", "uk", "--as", "olena", "--all")
    assert result.stderr == ("Error: translate-flow.toml: olena is not a reviewer for uk in [[people]]; "
                             "only reviewers approve\n")


def test_review_export_and_import_report_what_happened(root: Path, tflow: Run) -> None:
    tflow("route")
    assert tflow("review", "export", "--person", "olena").stdout == "review/outbox/olena/war.uk.po\n"
    packet = root / "review/outbox/olena/war.uk.po"
    poedit_save(packet, {TITLE: "Проти війни", POSITION: "Наша позиція"})
    result = tflow("review", "import", str(packet))
    assert result.exit_code == 0
    assert result.stdout == "2 applied, 0 unchanged, 0 conflicts, 0 refused\n"
    assert tflow("review", "import", str(packet)).stdout == "0 applied, 2 unchanged, 0 conflicts, 0 refused\n"


def test_review_import_prints_a_conflict_with_both_versions(root: Path, tflow: Run) -> None:
    tflow("route")
    tflow("review", "export")
    packet = root / "review/outbox/olena/war.uk.po"
    poedit_save(packet, {POSITION: "Наша позиція"})
    translate(root, "uk", {POSITION: "Наша думка"}, "marta")
    result = tflow("review", "import", str(packet))
    assert result.exit_code == 1
    assert result.stderr == (
        "conflict: war (uk) «Our position»: the entry changed since olena saw it (now translated by marta)\n"
        "  olena: Наша позиція\n"
        "  catalog now: Наша думка\n"
    )
    assert result.stdout == "0 applied, 0 unchanged, 1 conflict, 0 refused\n"


def test_review_import_as_another_person_is_refused(root: Path, tflow: Run) -> None:
    tflow("route")
    tflow("review", "export")
    result = tflow("review", "import", "--as", "taras", "review/outbox/olena/war.uk.po")
    assert result.exit_code == 1
    assert result.stderr == ("Error: review/outbox/olena/war.uk.po: this packet is olena's, not taras's; "
                             "taras can only import their own work\n")


def test_review_export_html_also_writes_the_offline_sheet(root: Path, tflow: Run) -> None:
    tflow("route")
    result = tflow("review", "export", "--person", "olena", "--html")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == ["review/outbox/olena/war.uk.po", "review/outbox/olena/review-olena.html"]
