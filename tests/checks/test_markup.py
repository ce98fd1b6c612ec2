from __future__ import annotations

from .support import found

LINK = "Read [the manifesto](https://borotba.org/manifesto) before the meeting."


def test_links_kept_with_their_urls_is_fine() -> None:
    assert found("links", LINK, "Прочитайте [маніфест](https://borotba.org/manifesto) перед зборами.") == []


def test_dropped_link_is_an_error() -> None:
    assert found("links", LINK, "Прочитайте маніфест перед зборами.") == [
        "link to https://borotba.org/manifesto missing in translation"
    ]


def test_changed_link_url_is_an_error() -> None:
    assert found("links", LINK, "Прочтите [манифест](https://borotba.org/manifest) до собрания.", "en", "ru") == [
        "link to https://borotba.org/manifesto missing in translation",
        "link to https://borotba.org/manifest in translation is not in the source",
    ]


def test_link_url_with_parentheses_is_kept_whole() -> None:
    msgid = "See [Borotba](https://en.wikipedia.org/wiki/Borotba_(union))."
    assert found("links", msgid, "Див. [Боротьба](https://en.wikipedia.org/wiki/Borotba_(union)).") == []


def test_injected_autolink_is_an_error() -> None:
    assert found("links", "We stand with the people.", "Ми з народом. <https://evil.example/phish>") == [
        "autolink <https://evil.example/phish> in translation is not in the source (injected link)"
    ]


def test_dropped_reference_link_is_an_error() -> None:
    assert found("links", "Read [the statement][1].", "Прочитайте заяву.") == [
        "reference link [1] missing in translation"
    ]


def test_dropped_image_is_an_error() -> None:
    msgid = "![Protest in Kyiv](images/kyiv.jpg) Thousands came."
    assert found("images", msgid, "Прийшли тисячі.") == ["image images/kyiv.jpg missing in translation"]


def test_image_with_translated_alt_text_is_fine() -> None:
    msgid = "![Protest in Kyiv](images/kyiv.jpg)"
    assert found("images", msgid, "![Протест у Києві](images/kyiv.jpg)") == []


def test_lost_bold_is_an_error() -> None:
    assert found("emphasis", "We **never** support imperialist powers.", "Ми ніколи не підтримуємо імперіалістів.") == [
        "bold (**…**): source has 1, translation has 0; check that every marker is paired"
    ]


def test_unpaired_emphasis_marker_is_an_error() -> None:
    assert found("emphasis", "We *never* give up.", "Мы *никогда не сдаёмся.", "en", "ru") == [
        "italic (*…*): source has 1, translation has 0; check that every marker is paired"
    ]


def test_emphasis_kept_with_underscores_is_fine() -> None:
    assert found("emphasis", "We **never** give up.", "Ми __ніколи__ не здаємося.") == []


def test_changed_code_span_is_an_error() -> None:
    assert found("code", "Run `tflow check` first.", "Спочатку запустіть `tflow перевірка`.") == [
        "code span `tflow check` missing or changed in translation",
        "code span `tflow перевірка` in translation is not in the source",
    ]


def test_injected_script_is_an_error() -> None:
    assert found("html", "We stand with the people.", "Ми з народом.<script>alert(1)</script>") == [
        "HTML tag <script> in translation is not in the source (injected HTML)",
        "HTML tag </script> in translation is not in the source (injected HTML)",
    ]


def test_injected_html_block_without_closing_bracket_is_an_error() -> None:
    assert found("html", "No war but the class war.", '<script src="https://evil.example/x.js"\nНіякої війни') == [
        'HTML tag <script src="https://evil.example/x.js" in translation is not in the source (injected HTML)'
    ]


def test_escaped_angle_brackets_are_not_html() -> None:
    assert found("html", "Use &lt;b&gt; for bold.", "Використовуйте &lt;b&gt; для жирного.") == []


def test_kept_html_tags_are_fine() -> None:
    assert found("html", "Two<br/>lines and <abbr title=\"North Atlantic\">NATO</abbr>",
                 "Два<br />рядки та <abbr title=\"North Atlantic\">НАТО</abbr>") == []


def test_dropped_html_tag_is_an_error() -> None:
    assert found("html", "First<br>second", "Перше друге") == ["HTML tag <br> missing in translation"]


def test_dropped_hard_line_break_is_an_error() -> None:
    assert found("breaks", "Goals of the Left Front:  \nsocialism.", "Цілі Лівого фронту: соціалізм.") == [
        "hard line breaks: source has 1, translation has 0; end a line with two spaces or a "
        "backslash where the source breaks it"
    ]


def test_added_hard_line_break_is_an_error() -> None:
    assert found("breaks", "No war but the class war.", "Никакой войны,  \nкроме классовой.", "en", "ru") != []


def test_a_bare_newline_is_a_soft_break_and_fine() -> None:
    assert found("breaks", "No war but the class war.", "Никакой войны,\nкроме классовой.", "en", "ru") == []


def test_kept_hard_line_break_is_fine() -> None:
    assert found("breaks", "Goals:\\\nsocialism.", "Цілі:\\\nсоціалізм.") == []
