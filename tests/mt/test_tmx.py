"""TMX through lxml: files as OmegaT, Trados and TMX 1.1 tools write them are read; the
memory is written once per unit with its real source language."""

from __future__ import annotations

from pathlib import Path

import pytest

from translate_flow.errors import EngineError
from translate_flow.mt import tmx
from translate_flow.mt.tmx import TranslationUnit

OMEGAT = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header
    creationtool="OmegaT"
    creationtoolversion="6.0.0_0_1bf1729c"
    segtype="sentence"
    o-tmf="OmegaT TMX"
    adminlang="EN-US"
    srclang="en-US"
    datatype="plaintext"
  >
  </header>
  <body>
<!-- Default translations -->
    <tu>
      <tuv xml:lang="en-US">
        <seg>Down with the war!</seg>
      </tuv>
      <tuv xml:lang="uk-UA" changeid="olena" changedate="20250301T101500Z" creationid="olena" creationdate="20250301T101500Z">
        <seg>Геть війну!</seg>
      </tuv>
    </tu>
    <tu>
      <tuv xml:lang="en-US">
        <seg>Read <bpt i="1" x="1">&lt;a0&gt;</bpt>the appeal<ept i="1">&lt;/a0&gt;</ept> of <ph x="2">&lt;b1/&gt;</ph> the unions.</seg>
      </tuv>
      <tuv xml:lang="uk-UA">
        <seg>Прочитайте <bpt i="1" x="1">&lt;a0&gt;</bpt>звернення<ept i="1">&lt;/a0&gt;</ept> <ph x="2">&lt;b1/&gt;</ph> профспілок.</seg>
      </tuv>
    </tu>
    <tu>
      <tuv xml:lang="en-US">
        <seg><it pos="begin">&lt;i&gt;</it>Only in English</seg>
      </tuv>
    </tu>
  </body>
</tmx>
"""

TMX_11 = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx11.dtd">
<tmx version="1.1">
<header datatype="plaintext" srclang="RU-RU" adminlang="EN-US" o-tmf="OmegaT TMX" segtype="paragraph" creationtoolversion="1.6" creationtool="OmegaT"/>
  <body>
    <tu>
        <tuv lang="RU-RU">
            <seg>Мир хижинам, война дворцам.</seg>
        </tuv>
        <tuv lang="UK-UA">
            <seg>Мир хатам, війна палацам.</seg>
        </tuv>
    </tu>
  </body>
</tmx>
"""

TRADOS = """\
<?xml version="1.0" encoding="utf-16"?>
<tmx version="1.4">
  <header creationtool="SDL Language Platform" creationtoolversion="8.1" o-tmf="SDL TM8 Format" \
datatype="xml" segtype="sentence" adminlang="en-GB" srclang="*all*" creationdate="20240115T093000Z" creationid="SDL">
    <prop type="x-Recognizers">RecognizeAll</prop>
  </header>
  <body>
    <tu creationdate="20240115T093012Z" creationid="collective\\ivan" srclang="en-GB">
      <prop type="x-LastUsedBy">collective\\ivan</prop>
      <tuv xml:lang="en-GB">
        <seg>The <bpt i="1" type="1" x="1" />strike<ept i="1" /> goes on.</seg>
      </tuv>
      <tuv xml:lang="ru-RU">
        <seg>Забастовка <bpt i="1" type="1" x="1" />продолжается<ept i="1" />.</seg>
      </tuv>
    </tu>
  </body>
</tmx>
"""


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "in.tmx"
    path.write_bytes(text.encode(encoding))
    return path


def test_an_omegat_memory_is_read_with_its_inline_codes_dropped(tmp_path: Path) -> None:
    assert tmx.read(write(tmp_path, OMEGAT)) == [
        TranslationUnit("en", (("en", "Down with the war!"), ("uk", "Геть війну!"))),
        TranslationUnit("en", (("en", "Read the appeal of the unions."), ("uk", "Прочитайте звернення профспілок."))),
    ]


def test_a_tmx_1_1_file_with_lang_attributes_is_read(tmp_path: Path) -> None:
    [unit] = tmx.read(write(tmp_path, TMX_11))
    assert unit == TranslationUnit("ru", (("ru", "Мир хижинам, война дворцам."), ("uk", "Мир хатам, війна палацам.")))
    assert list(unit.pairs()) == [
        ("ru", "uk", "Мир хижинам, война дворцам.", "Мир хатам, війна палацам."),
        ("uk", "ru", "Мир хатам, війна палацам.", "Мир хижинам, война дворцам."),
    ]


def test_a_utf16_trados_export_takes_the_source_language_of_its_unit(tmp_path: Path) -> None:
    assert tmx.read(write(tmp_path, TRADOS, "utf-16")) == [
        TranslationUnit("en", (("en", "The strike goes on."), ("ru", "Забастовка продолжается."))),
    ]


def test_two_regional_variants_of_one_language_keep_the_first(tmp_path: Path) -> None:
    text = OMEGAT.replace('<tuv xml:lang="uk-UA" changeid', '<tuv xml:lang="en-GB"><seg>Down with war!</seg></tuv>'
                                                           '<tuv xml:lang="uk-UA" changeid')
    assert tmx.read(write(tmp_path, text))[0].texts == (("en", "Down with the war!"), ("uk", "Геть війну!"))


def test_an_entity_declared_in_the_file_is_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("password", encoding="utf-8")
    text = TMX_11.replace('<!DOCTYPE tmx SYSTEM "tmx11.dtd">',
                          f'<!DOCTYPE tmx [<!ENTITY leak SYSTEM "file://{secret}">]>')
    text = text.replace("война дворцам.", "война дворцам &leak;.")
    [unit] = tmx.read(write(tmp_path, text))
    assert "password" not in unit.texts[0][1] and unit.texts[0][1].startswith("Мир хижинам")


def test_what_is_written_is_read_back(tmp_path: Path) -> None:
    units = [
        TranslationUnit("en", (("en", "A & <b> \"x\""), ("uk", "Б & <b>"), ("ru", "Б"))),
        TranslationUnit("ru", (("ru", "  пробелы  сохранены "), ("uk", "пробіли\nзбережено"))),
    ]
    path = write(tmp_path, tmx.dumps(units, srclang="en"))
    assert tmx.read(path) == units


def test_text_xml_cannot_hold_is_not_writable() -> None:
    assert not tmx.writable(TranslationUnit("en", (("en", "a\x1cb"), ("uk", "б"))))
    assert tmx.writable(TranslationUnit("en", (("en", "a\tb\u2028c"), ("uk", "б"))))


def test_a_broken_tmx_names_the_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, '<?xml version="1.0"?>\n<tmx>\n<body>\n<tu>\n</tmx>\n')
    with pytest.raises(EngineError, match=r"in\.tmx:5: not a valid TMX file"):
        tmx.read(path)


def test_another_xml_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EngineError, match=r"in\.tmx: not a TMX file: the root element is <xliff>"):
        tmx.read(write(tmp_path, '<?xml version="1.0"?>\n<xliff version="1.2"/>\n'))


def test_highlighted_text_is_text_and_a_code_inside_it_is_not(tmp_path: Path) -> None:
    text = TMX_11.replace("война дворцам.", '<hi type="x-term">война<ph x="1">&lt;br/&gt;</ph></hi> дворцам.')
    assert tmx.read(write(tmp_path, text))[0].texts[0] == ("ru", "Мир хижинам, война дворцам.")
