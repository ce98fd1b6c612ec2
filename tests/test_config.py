"""translate-flow.toml is checked once, against one schema: unknown keys, types and values
are errors naming file, line and key, with the closest valid key for a typo."""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path

import pytest

from translate_flow import config
from translate_flow.errors import ConfigError

PERSON = '[[people]]\nname = "olena"\nemail = "o@example.org"\nlanguages = ["uk"]\nroles = ["reviewer"]\n'


def load(tmp_path: Path, text: str) -> config.Config:
    path = tmp_path / config.CONFIG_NAME
    path.write_text(text, encoding="utf-8")
    return config.load(path)


def error(tmp_path: Path, text: str) -> str:
    """The message of the ConfigError that loading `text` raises, without the directory."""
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, text)
    return str(caught.value).removeprefix(f"{tmp_path}/")


def test_a_misspelt_publish_rule_is_an_error_not_a_silent_default(tmp_path: Path) -> None:
    text = config.DEFAULT_CONFIG.replace('require = "approved"', 'requires = "translated"')
    line = text.splitlines().index('requires = "translated"            # or "translated"') + 1
    assert error(tmp_path, text) == (
        f"translate-flow.toml:{line}: [publish] requires: unknown key; did you mean 'require'?"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[mt]\nengnes = ["memory"]\n', "translate-flow.toml:2: [mt] engnes: unknown key; did you mean 'engines'?"),
        ('[project]\nlanguages = ["uk", "en"]\nsource_langauge = "en"\n',
         "translate-flow.toml:3: [project] source_langauge: unknown key; did you mean 'source_language'?"),
        ('source_langauge = "en"\n',
         "translate-flow.toml:1: source_langauge: unknown key; did you mean 'source_language' in [project]?"),
        ('[projct]\nlanguages = ["uk"]\n', "translate-flow.toml:1: projct: unknown section; did you mean [project]?"),
        ('[review]\ntwo_people = true\n\n[revue]\n', "translate-flow.toml:4: revue: unknown section; did you mean [review]?"),
        (PERSON + PERSON.replace("olena", "taras").replace("roles", "rolse"),
         "translate-flow.toml:10: [people[1]] rolse: unknown key; did you mean 'roles'?"),
        ('[mt.engine.deepel]\nurl = "http://x"\n', "translate-flow.toml:1: [mt.engine] deepel: unknown name; did you mean 'deepl'?"),
        ('[frobnicate]\n', "translate-flow.toml:1: frobnicate: unknown section; the sections are "
                           "project, mt, review, publish, checks, people, smtp, editions, git, web"),
    ],
)
def test_an_unknown_key_names_file_line_key_and_the_closest_valid_key(
    tmp_path: Path, text: str, message: str
) -> None:
    assert error(tmp_path, text) == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[review]\n# who approves\ntwo_people = "yes"\n',
         "translate-flow.toml:3: [review] two_people: expected a boolean, found 'yes'"),
        ('[editions]\npaper = "A3"\n', "translate-flow.toml:2: [editions] paper: expected one of 'A4', 'A5', found 'A3'"),
        ('[publish]\nrequire = "aproved"\n',
         "translate-flow.toml:2: [publish] require: expected one of 'approved', 'translated', found 'aproved'; "
         "did you mean 'approved'?"),
        ('[git]\ncommit = 1\n', "translate-flow.toml:2: [git] commit: expected a boolean, found 1"),
        ('[mt]\nretries = 21\n', "translate-flow.toml:2: [mt] retries: expected 0 to 20, found 21"),
        ('[smtp]\nport = 0\n', "translate-flow.toml:2: [smtp] port: expected 1 to 65535, found 0"),
        ('[web]\ntrusted_proxy = "proxy.local"\n',
         "translate-flow.toml:2: [web] trusted_proxy: expected an IP address or network such as 127.0.0.1 "
         "or 10.0.0.0/8, found 'proxy.local'"),
        ('people = 3\n', "translate-flow.toml:1: people: expected tables ([[people]]), found 3"),
        ('mt = "memory"\n', "translate-flow.toml:1: mt: expected a table, found 'memory'"),
    ],
)
def test_a_wrong_type_or_value_names_the_line(tmp_path: Path, text: str, message: str) -> None:
    assert error(tmp_path, text) == message


def test_dotted_keys_and_inline_tables_are_checked_with_their_line(tmp_path: Path) -> None:
    assert error(tmp_path, '[mt]\nengine.libre.adres = "http://x"\n').startswith(
        "translate-flow.toml:2: [mt.engine.libre] adres: unknown key; [mt.engine.libre] has url, key"
    )
    assert error(tmp_path, '[mt]\n\npairs = { en-uk = { engines = ["yandex"] } }\n').startswith(
        "translate-flow.toml:3: [mt.pairs.en-uk] engines: expected one of 'memory'"
    )


def test_a_key_inside_a_multiline_string_is_not_taken_for_a_key(tmp_path: Path) -> None:
    text = '[smtp]\nfrom = """\nport = 1\nhost = 2\n"""\n[publish]\nrequires = "x"\n'
    assert error(tmp_path, text) == "translate-flow.toml:7: [publish] requires: unknown key; did you mean 'require'?"


def test_the_new_keys_have_their_defaults(tmp_path: Path) -> None:
    found = load(tmp_path, config.DEFAULT_CONFIG.replace('paper = "A4"', "").replace("commit = false", ""))
    assert (found.paper, found.git_commit, found.trusted_proxy) == ("A4", False, None)


def test_the_new_keys_are_read(tmp_path: Path) -> None:
    found = load(tmp_path, '[editions]\npaper = "A5"\n[git]\ncommit = true\n[web]\ntrusted_proxy = "10.1.2.3"\n')
    assert found.paper == "A5" and found.git_commit is True
    assert found.trusted_proxy == ipaddress.ip_network("10.1.2.3/32")
    assert load(tmp_path, '[web]\ntrusted_proxy = "fd00::/8"\n').trusted_proxy == ipaddress.ip_network("fd00::/8")


def test_the_shipped_and_the_default_config_load(tmp_path: Path) -> None:
    shipped = Path(__file__).parent.parent / config.CONFIG_NAME
    assert config.load(shipped).publish_require == "translated"
    assert load(tmp_path, config.DEFAULT_CONFIG).publish_require == "approved"


def _schema_keys(node: config.Node, place: str = "") -> list[str]:
    keys: list[str] = []
    if isinstance(node, config.Tables):
        node = node.table
    if isinstance(node, config.Named):
        place, node = f"{place}.*", node.value
    if isinstance(node, config.Key):
        return [place]
    if isinstance(node, config.Table):
        for name, child in node.keys.items():
            where = f"{place}.{name}" if place else name
            keys += _schema_keys(child, where)
    return keys


def test_every_key_of_the_schema_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    rows = set(re.findall(r"^\| `([^`]+)` \|", section, flags=re.MULTILINE))
    missing = [key for key in _schema_keys(config.SCHEMA) if key not in rows]
    assert missing == []


def test_an_unknown_language_code_names_the_line(tmp_path: Path) -> None:
    assert error(tmp_path, PERSON + 'ui = "ukrainian-ish"\n') == (
        "translate-flow.toml:6: [people[0]] ui: unknown language code 'ukrainian-ish'; "
        "use an ISO 639 code such as uk, ru or en"
    )


def test_a_multiline_array_does_not_shift_the_lines_of_later_keys(tmp_path: Path) -> None:
    text = '[mt]\nengines = [\n  "memory",  # [pivot] = later\n  "apertium",\n]\nretries = 99\n'
    assert error(tmp_path, text) == "translate-flow.toml:6: [mt] retries: expected 0 to 20, found 99"


def test_the_config_init_writes_points_to_where_its_keys_are_described() -> None:
    first = config.DEFAULT_CONFIG.splitlines()[0]
    assert "https://github.com/ " not in first
    assert 'README.md, section "Configuration"' in first
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert "\n## Configuration\n" in readme
