from __future__ import annotations

from .support import found


def test_changed_year_is_an_error() -> None:
    assert found("numbers", "Millions fought in the streets in 2014.", "Мільйони боролися на вулицях у 2015 році.") == [
        "number 2014 missing in translation",
        "number 2015 in translation is not in the source",
    ]


def test_thousands_with_comma_equal_thousands_with_space() -> None:
    assert found("numbers", "Over 1,000 people were arrested.", "Понад 1 000 людей заарештовано.") == []


def test_thousands_with_no_break_space_and_narrow_no_break_space_are_fine() -> None:
    assert found("numbers", "Over 25,000 people.", "Более 25\u00a0000 человек.", "en", "ru") == []
    assert found("numbers", "Over 25,000 people.", "Понад 25\u202f000 людей.") == []


def test_thousands_without_separator_are_fine() -> None:
    assert found("numbers", "1 000 осіб", "1000 people", "uk", "en") == []


def test_decimal_point_equals_decimal_comma() -> None:
    assert found("numbers", "Prices rose by 3.5% in a month.", "Ціни зросли на 3,5 % за місяць.") == []


def test_changed_percentage_is_an_error() -> None:
    assert found("numbers", "25% of the army", "35% армії") == [
        "number 25 missing in translation",
        "number 35 in translation is not in the source",
    ]


def test_english_thousands_comma_left_in_ukrainian_is_explained() -> None:
    assert found("numbers", "Over 1,000 people.", "Понад 1,000 людей.") == [
        "number 1,000 means 1000 in the source but 1 in Ukrainian; write it as 1\u00a0000"
    ]


def test_numeric_dates_in_other_orders_are_fine() -> None:
    assert found("numbers", "On 5/2/2014 in Odessa", "02.05.2014 в Одесі") == []


def test_month_name_equals_numeric_month() -> None:
    assert found("numbers", "On 2 May 2014 in Odessa", "02.05.2014 в Одесі") == []
    assert found("numbers", "On May 2, 2014 in Odessa", "2 травня 2014 року в Одесі") == []
    assert found("numbers", "2 мая 2014 года в Одессе", "On 2 May 2014 in Odessa", "ru", "en") == []


def test_changed_month_is_an_error() -> None:
    assert found("numbers", "On 2 May 2014 in Odessa", "2 червня 2014 року в Одесі") == [
        "month May missing in translation",
        "month червня in translation is not in the source",
    ]


def test_may_the_verb_is_not_a_month() -> None:
    assert found("numbers", "We may be 2 or 3.", "Нас може бути 2 або 3.") == []


def test_small_number_written_as_a_word_is_fine() -> None:
    assert found("numbers", "Both sides use 2 tools.", "Обидві сторони використовують два інструменти.") == []
    assert found("numbers", "Three organisations signed.", "Подписали 3 организации.", "en", "ru") == []


def test_century_in_roman_numerals_equals_digits() -> None:
    assert found("numbers", "It happened in the 20th century.", "Це сталося у ХХ столітті.") == []
    assert found("numbers", "It happened in the 20th century.", "Это случилось в XIX веке.", "en", "ru") == [
        "number 20 missing in translation",
        "number XIX in translation is not in the source",
    ]


def test_numbers_inside_link_targets_and_code_are_not_compared() -> None:
    msgid = "See [the report](https://example.org/2014/report) and `v2`."
    assert found("numbers", msgid, "Див. [звіт](https://example.org/2014/report) і `v2`.") == []


def test_digits_glued_to_letters_are_names_not_numbers() -> None:
    assert found("numbers", "The G7 met.", "Велика сімка зустрілася.") == []


def test_dropped_url_is_an_error() -> None:
    assert found("urls", "More at https://borotba.org/en.", "Більше на сайті.") == [
        "URL https://borotba.org/en missing or changed in translation"
    ]


def test_kept_url_with_trailing_punctuation_is_fine() -> None:
    assert found("urls", "More: https://borotba.org/en.", "Більше: https://borotba.org/en.") == []


def test_changed_email_is_an_error() -> None:
    assert found("urls", "Write to info@leftfront.org", "Пишите на info@leftfront.ru", "en", "ru") == [
        "e-mail address info@leftfront.org missing or changed in translation",
        "e-mail address info@leftfront.ru in translation is not in the source",
    ]


def test_phone_number_with_spaces_is_not_read_as_thousands() -> None:
    assert found("numbers", "Call +380 44 123 4567.", "Телефонуйте: +380 44 123 4567.") == []


def test_space_grouped_thousands_still_compare_as_one_number() -> None:
    assert found("numbers", "Over 25,000 people.", "Понад 25 001 людина.") == [
        "number 25,000 missing in translation",
        "number 25 001 in translation is not in the source",
    ]
