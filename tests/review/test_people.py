from __future__ import annotations

from pathlib import Path

import pytest

from translate_flow import config
from translate_flow.errors import ConfigError
from translate_flow.review.people import Person, load_people
from tests.review.conftest import configure


def test_a_person_may_name_the_language_of_their_interface(project_root: Path) -> None:
    configure(project_root, people='[[people]]\nname = "olena"\nemail = "o@example.org"\n'
                                   'languages = ["uk"]\nroles = ["reviewer"]\nui = "uk"\n')
    assert load_people(config.discover(project_root))["olena"].ui == "uk"


def test_load_people_reads_every_field(project_root: Path) -> None:
    configure(project_root, people='[[people]]\nname = "olena"\nemail = "olena@example.org"\n'
                                   'languages = ["uk", "ru"]\nroles = ["translator", "reviewer"]\nmax_words = 8000\n')
    people = load_people(config.discover(project_root))
    assert people == {"olena": Person("olena", "olena@example.org", ("uk", "ru"), ("translator", "reviewer"), 8000)}


def test_person_may_edit_in_either_role_but_only_a_reviewer_approves() -> None:
    translator = Person("olena", "o@example.org", ("uk",), ("translator",))
    reviewer = Person("taras", "t@example.org", ("uk",), ("reviewer",))
    assert translator.can_edit("uk") and reviewer.can_edit("uk")
    assert not translator.can_review("uk") and reviewer.can_review("uk")
    assert not reviewer.can_edit("ru")


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('name = "olena"\nemail = "o@example.org"\nlanguages = ["uk"]\nroles = ["editor"]\n',
         "[people[0]] roles: expected one of 'translator', 'reviewer', found 'editor'"),
        ('name = "olena"\nemail = "o@example.org"\nlanguages = ["de"]\nroles = ["reviewer"]\n',
         "[people[0]] languages: 'de' is not a project language (uk, ru, en)"),
        ('name = "olena"\nemail = "o@example.org"\nlanguages = ["uk"]\nroles = ["reviewer"]\nmax_words = "lots"\n',
         "[people[0]] max_words: expected an integer, found 'lots'"),
        ('name = "olena k"\nemail = "o@example.org"\nlanguages = ["uk"]\nroles = ["reviewer"]\n',
         "[people[0]] name: expected one word"),
        ('name = "olena"\nlanguages = ["uk"]\nroles = ["reviewer"]\n',
         "[people[0]] email: missing; olena needs an email address"),
        ('name = "olena"\nemail = "o@example.org"\nlanguages = ["uk"]\nroles = ["reviewer"]\nmax_word = 5\n',
         "[people[0]] max_word: unknown key; did you mean 'max_words'?"),
        ('name = "olena"\nemail = "o@example.org"\nlanguages = ["uk"]\nroles = ["reviewer"]\nui = "xx-nope"\n',
         "[people[0]] ui: unknown language code 'xx-nope'"),
    ],
)
def test_a_bad_person_is_an_error_naming_file_and_key(project_root: Path, table: str, message: str) -> None:
    configure(project_root, people="[[people]]\n" + table)
    lines = (project_root / "translate-flow.toml").read_text(encoding="utf-8").splitlines()
    start = lines.index("[[people]]")
    key = message.split("] ", 1)[1].split(":", 1)[0]
    line = next((n for n in range(start, len(lines)) if lines[n].startswith(f"{key} =")), start) + 1
    with pytest.raises(ConfigError) as caught:
        load_people(config.discover(project_root))
    assert str(caught.value).startswith(f"{project_root / 'translate-flow.toml'}:{line}: {message}")


def test_the_same_name_twice_is_refused(project_root: Path) -> None:
    one = '[[people]]\nname = "olena"\nemail = "o@example.org"\nlanguages = ["uk"]\nroles = ["reviewer"]\n'
    configure(project_root, people=one + one)
    with pytest.raises(ConfigError, match=r"toml:\d+: \[people\[1\]\] name: 'olena' is listed twice"):
        load_people(config.discover(project_root))


@pytest.fixture
def project_root(tmp_path: Path) -> Path:
    (tmp_path / "translate-flow.toml").write_text(config.DEFAULT_CONFIG, encoding="utf-8")
    return tmp_path
