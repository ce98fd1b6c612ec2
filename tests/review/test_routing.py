from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from translate_flow.catalog.extract import extract
from translate_flow.errors import ConfigError
from translate_flow.project import Project
from translate_flow.review import pending_by_person
from translate_flow.review.routing import queue, route
from tests.review.conftest import draft, translate, write_statement

UK_TEAM = """
[[people]]
name = "olena"
email = "olena@example.org"
languages = ["uk"]
roles = ["translator"]
{olena}
[[people]]
name = "petro"
email = "petro@example.org"
languages = ["uk"]
roles = ["translator"]

[[people]]
name = "taras"
email = "taras@example.org"
languages = ["uk"]
roles = ["reviewer"]

[[people]]
name = "marta"
email = "marta@example.org"
languages = ["uk"]
roles = ["reviewer"]
"""


def uk_only(root: Path, olena: str = "") -> Project:
    """Only Ukrainian editions, and the four-person Ukrainian team."""
    path = root / "translate-flow.toml"
    text = path.read_text(encoding="utf-8").split("\n[[people]]", 1)[0]
    text = text.replace('languages = ["uk", "ru", "en"]', 'languages = ["uk", "en"]')
    path.write_text(text + UK_TEAM.format(olena=olena), encoding="utf-8")
    project = Project.open(root)
    for name in ("ru",):
        for stale in (root / "locales" / name).glob("*.po"):
            stale.unlink()
    return project


def paragraphs(count: int, words: int) -> str:
    return "\n\n".join(" ".join(f"word{n}x{i}" for i in range(words)) for n in range(count)) + "\n"


def add_statements(root: Path, project: Project, sizes: dict[str, int]) -> None:
    for name, words in sizes.items():
        write_statement(root, f"{name}.md", "---\nlang: en\n---\n\n" + paragraphs(1, words))
    extract(project)


def test_route_gives_each_language_a_qualified_translator_and_a_different_reviewer(project: Project) -> None:
    result = route(project)
    by_lang = {(a.slug, a.lang): a for a in result.items}
    assert (by_lang[("war", "uk")].translator, by_lang[("war", "uk")].reviewer) == ("olena", "taras")
    assert by_lang[("war", "ru")].translator == "ivan"
    assert by_lang[("war", "ru")].reviewer == "marta"
    stored = tomllib.loads(result.path.read_text(encoding="utf-8"))
    assert stored == {"war": {"ru": {"translator": "ivan", "reviewer": "marta"},
                              "uk": {"translator": "olena", "reviewer": "taras"}}}


def test_route_balances_pending_words_between_translators(root: Path) -> None:
    project = uk_only(root)
    add_statements(root, project, {"a": 400, "b": 300, "c": 200, "d": 100})
    result = route(project)
    load = result.load()
    assert load["olena"] + load["petro"] == 1000 + 36
    assert abs(load["olena"] - load["petro"]) <= 100
    assert abs(load["taras"] - load["marta"]) <= 100


def test_route_keeps_assignments_on_a_later_run(root: Path) -> None:
    project = uk_only(root)
    add_statements(root, project, {"a": 400, "b": 300})
    first = route(project)
    before = tomllib.loads(first.path.read_text(encoding="utf-8"))
    add_statements(root, project, {"c": 1000})
    second = route(project)
    after = tomllib.loads(second.path.read_text(encoding="utf-8"))
    assert {k: v for k, v in after.items() if k != "c"} == before
    for item in first.items:
        again = second.find(item.slug, item.lang)
        assert again is not None and (again.translator, again.reviewer) == (item.translator, item.reviewer)
    third = route(project)
    assert not third.written and third.items == second.items


def test_route_moves_the_work_of_a_person_who_left(root: Path) -> None:
    project = uk_only(root)
    add_statements(root, project, {"a": 400, "b": 300})
    first = route(project)
    leaving = first.find("a", "uk")
    assert leaving is not None and leaving.translator is not None
    config = root / "translate-flow.toml"
    text = config.read_text(encoding="utf-8")
    start = text.index(f'\nname = "{leaving.translator}"')
    block_start = text.rindex("[[people]]", 0, start)
    block_end = text.find("[[people]]", start)
    config.write_text(text[:block_start] + text[block_end:], encoding="utf-8")
    second = route(Project.open(root))
    moved = second.find("a", "uk")
    assert moved is not None and moved.translator not in (None, leaving.translator)
    assert any(f"{leaving.translator} is no longer in [[people]]" in note for note in second.notes)


def test_route_moves_work_off_a_person_over_their_load(root: Path) -> None:
    project = uk_only(root)
    add_statements(root, project, {"a": 400, "b": 300})
    first = route(project)
    assert {first.find("a", "uk").translator, first.find("b", "uk").translator} == {"olena", "petro"}  # type: ignore[union-attr]
    olena_units = [a for a in first.items if a.translator == "olena"]
    project = uk_only(root, olena="max_words = 10\n")
    second = route(project)
    assert all(second.find(a.slug, a.lang).translator == "petro" for a in olena_units)  # type: ignore[union-attr]
    assert any("olena would be over their load" in note for note in second.notes)


def test_route_leaves_a_role_open_when_nobody_has_room(root: Path) -> None:
    uk_only(root, olena="max_words = 10\n")
    config = root / "translate-flow.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'name = "petro"\nemail = "petro@example.org"\nlanguages = ["uk"]\nroles = ["translator"]\n',
        'name = "petro"\nemail = "petro@example.org"\nlanguages = ["uk"]\nroles = ["translator"]\nmax_words = 10\n'),
        encoding="utf-8")
    result = route(Project.open(root))
    item = result.find("war", "uk")
    assert item is not None and item.translator is None and item.reviewer is not None
    assert "war (uk) translator: nobody with room for 36 words" in "\n".join(result.notes)


def test_route_never_makes_one_person_translator_and_reviewer(root: Path) -> None:
    config = root / "translate-flow.toml"
    text = config.read_text(encoding="utf-8").split("\n[[people]]", 1)[0]
    config.write_text(text + '\n[[people]]\nname = "ivan"\nemail = "i@example.org"\n'
                      'languages = ["ru"]\nroles = ["translator", "reviewer"]\n', encoding="utf-8")
    result = route(Project.open(root))
    item = result.find("war", "ru")
    assert item is not None and item.translator == "ivan" and item.reviewer is None
    assert "war (ru) reviewer: nobody qualified" in "\n".join(result.notes)


def test_route_without_people_names_the_config(root: Path) -> None:
    config = root / "translate-flow.toml"
    config.write_text(config.read_text(encoding="utf-8").split("\n[[people]]", 1)[0], encoding="utf-8")
    with pytest.raises(ConfigError, match=r"translate-flow.toml: no \[\[people\]\] tables"):
        route(Project.open(root))


def test_queue_gives_drafts_to_the_translator_and_translations_to_the_reviewer(root: Path, project: Project) -> None:
    draft(root, "uk", {"Our position": "Наша позиція"})
    translate(root, "uk", {"Workers of the world, unite!": "Пролетарі всіх країн, єднайтеся!"}, "olena")
    route(project)
    lists = {w.person: w for w in queue(project)}
    olena = {t.msgid: t.role for t in lists["olena"].tasks}
    assert olena["Our position"] == "translator"
    assert "Workers of the world, unite!" not in olena
    assert [t.msgid for t in lists["taras"].tasks] == ["Workers of the world, unite!"]
    assert lists["taras"].words == 5


def test_queue_leaves_out_a_reviewers_own_translations(root: Path, project: Project) -> None:
    route(project)
    translate(root, "ru", {"Our position": "Наша позиция"}, "marta")
    translate(root, "ru", {"Workers of the world, unite!": "Пролетарии всех стран, соединяйтесь!"}, "ivan")
    marta = queue(project, "marta")[0]
    assert [t.msgid for t in marta.tasks] == ["Workers of the world, unite!"]


def test_pending_by_person_counts_entries_words_and_statements(root: Path, project: Project) -> None:
    route(project)
    pending = pending_by_person(project)
    assert set(pending) == {"olena", "taras", "ivan", "marta"}
    assert pending["olena"]["statements"] == ["war"]
    assert pending["olena"]["entries"] == 6
    assert pending["olena"]["words"] == 36
    assert pending["taras"]["entries"] == 0
