from __future__ import annotations

from pathlib import Path

import pytest

from translate_flow import config
from translate_flow.checks import CheckSettings, Pair, load_settings, run
from translate_flow.errors import ConfigError


def settings(tmp_path: Path, checks: str) -> CheckSettings:
    path = tmp_path / config.CONFIG_NAME
    path.write_text(config.DEFAULT_CONFIG + "\n" + checks, encoding="utf-8")
    return load_settings(config.load(path))


def _last_line(tmp_path: Path) -> int:
    return len((tmp_path / config.CONFIG_NAME).read_text(encoding="utf-8").splitlines())


def test_defaults_without_a_checks_table(tmp_path: Path) -> None:
    assert settings(tmp_path, "") == CheckSettings()
    assert CheckSettings().quote_marks("uk") == "«»„“"
    assert CheckSettings().quote_marks("en") == "“”‘’"
    assert CheckSettings().ratio("en", "uk") == (0.5, 2.0)


def test_reads_quotes_apostrophe_ratios_and_disabled_checks(tmp_path: Path) -> None:
    read = settings(tmp_path, """\
[checks]
apostrophe_uk = "ʼ"
length_ratio = [0.6, 1.8]
disable = ["length"]
[checks.quotes]
uk = "«»"
[checks.length_ratios]
en-uk = [0.8, 1.5]
""")
    assert read.apostrophe_uk == "ʼ"
    assert read.quote_marks("uk") == "«»"
    assert read.quote_marks("ru") == "«»„“"
    assert read.ratio("ru", "uk") == (0.6, 1.8)
    assert read.ratio("en", "uk") == (0.8, 1.5)
    assert read.disable == frozenset({"length"})


def test_bad_apostrophe_names_file_and_key(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        settings(tmp_path, '[checks]\napostrophe_uk = "`"\n')
    assert str(caught.value) == (
        f"{tmp_path / config.CONFIG_NAME}:{_last_line(tmp_path)}: [checks] apostrophe_uk: expected one of '’', 'ʼ', \"'\", found '`'"
    )


def test_bad_length_ratio_names_the_key(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\[checks\] length_ratio: expected \[low, high\]"):
        settings(tmp_path, "[checks]\nlength_ratio = [2.0, 0.5]\n")


def test_quotes_that_are_not_a_string_name_the_key(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\[checks.quotes\] uk: expected a string"):
        settings(tmp_path, "[checks.quotes]\nuk = 1\n")


def test_unknown_setting_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\[checks\] lenght_ratio: unknown key; did you mean 'length_ratio'\?$"):
        settings(tmp_path, "[checks]\nlenght_ratio = [0.5, 2.0]\n")


def test_disabling_an_unknown_check_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\[checks\] disable: no check named 'spelling'"):
        settings(tmp_path, '[checks]\ndisable = ["spelling"]\n')


def test_disabled_check_does_not_run() -> None:
    pair = Pair("Media War", "Media War", "en", "uk", settings=CheckSettings(disable=frozenset({"identical"})))
    assert run(pair) == []
