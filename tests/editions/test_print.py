"""PDF and parallel editions as a reader gets them: WeasyPrint PDFs through poppler, pages in chromium.

Each test keeps what it looked at under tests/artifacts/editions/ (PNG pages and screenshots).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from tests.conftest import require_program
from tests.spine.conftest import project, tflow, write_statement  # noqa: F401  (fixtures)
from tests.spine.test_build import STATEMENT, UK, fill
from tests.web.conftest import CHROMIUM_ARGS

@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's chromium for this module only: two Playwright sessions may not be open at once."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=require_program("chromium"), headless=True,
                                              args=CHROMIUM_ARGS)
        yield launched
        launched.close()


ARTIFACTS = Path(__file__).parents[1] / "artifacts" / "editions"
LONG = STATEMENT.replace("date:", "subtitle: A statement of the collective\nauthor: Red Machete\ndate:") + "".join(
    f"\n## Part {n}\n\nThe war is waged by the rich and paid for by the poor, part {n}.\n" for n in range(1, 13)
)
LONG_UK = {**UK, "A statement of the collective": "Заява колективу",
           **{f"Part {n}": f"Частина {n}" for n in range(1, 13)},
           **{f"The war is waged by the rich and paid for by the poor, part {n}.":
              f"Війну ведуть багаті, а платять за неї бідні, частина {n}." for n in range(1, 13)}}


def _project(project: Path, tflow: Callable[..., Result], paper: str | None) -> None:
    config = project / "translate-flow.toml"
    text = config.read_text().replace('require = "approved"', 'require = "translated"')
    assert 'paper = "A4"' in text
    config.write_text(text.replace('paper = "A4"', f'paper = "{paper}"') if paper else text)
    write_statement(project, "war.md", LONG)
    assert tflow("extract").exit_code == 0
    fill(project / "locales/uk/war.po", LONG_UK)


def _pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run([require_program("pdfinfo"), str(path)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def _pdf_text(path: Path) -> str:
    return subprocess.run([require_program("pdftotext"), "-layout", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def _pages_as_png(path: Path, name: str) -> list[Path]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run([require_program("pdftoppm"), "-png", "-r", "70", str(path), str(ARTIFACTS / name)], check=True)
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))


def test_a5_pdf_edition_has_title_author_localised_date_and_page_numbers(
    project: Path, tflow: Callable[..., Result]
) -> None:
    _project(project, tflow, "A5")
    result = tflow("build", "--lang", "uk", "--format", "md,html,pdf")
    assert result.exit_code == 0, result.output
    pdf = project / "editions/uk/war.pdf"
    info = _pdf_info(pdf)
    assert info["Page size"].split("pts")[0].split() == ["419.528", "x", "595.276"]  # A5 in points
    pages = int(info["Pages"])
    assert pages >= 2 and info["Title"].strip() == "Проти війни" and info["Author"].strip() == "Red Machete"
    text = _pdf_text(pdf)
    assert "Заява колективу" in text and "1 травня 2026" in text and "Пролетарі всіх країн, єднайтеся!" in text
    assert [int(n) for n in re.findall(rf"(\d+) ?/ ?{pages}\b", text)] == list(range(1, pages + 1))
    assert len(_pages_as_png(pdf, "uk-a5")) == pages


def test_pdf_edition_is_a4_unless_the_config_asks_for_a5(project: Path, tflow: Callable[..., Result]) -> None:
    _project(project, tflow, None)
    assert tflow("build", "--lang", "en", "--format", "pdf").exit_code == 0
    assert _pdf_info(project / "editions/en/war.pdf")["Page size"].split("pts")[0].split() == ["595.276", "x", "841.89"]


def test_a_paper_size_other_than_a4_or_a5_is_a_config_error(project: Path, tflow: Callable[..., Result]) -> None:
    config = project / "translate-flow.toml"
    config.write_text(config.read_text().replace('paper = "A4"', 'paper = "Letter"'))
    line = next(n for n, text in enumerate(config.read_text().splitlines(), 1) if text.startswith("paper ="))
    result = tflow("build", "--format", "pdf")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {config}:{line}: [editions] paper: expected one of 'A4', 'A5', found 'Letter'\n"


@pytest.mark.browser
def test_parallel_edition_sets_each_block_beside_its_translation(
    project: Path, tflow: Callable[..., Result], browser: Any
) -> None:
    _project(project, tflow, None)
    assert tflow("build", "--lang", "uk", "--format", "html,pdf,parallel").exit_code == 0
    page_path = project / "editions/uk/war.parallel.html"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(page_path.as_uri())
    originals = page.locator(".pairs > .original")
    translations = page.locator(".pairs > .translation")
    assert originals.count() == translations.count() == 1 + 1 + 3 + 24  # heading, our position, 3 blocks, 12 parts
    for index in (1, 2, 5):
        left, right = originals.nth(index).bounding_box(), translations.nth(index).bounding_box()
        assert abs(left["y"] - right["y"]) < 1 and left["x"] + left["width"] <= right["x"]
    assert originals.nth(1).inner_text() == "Our position" and translations.nth(1).inner_text() == "Наша позиція"
    assert originals.nth(0).get_attribute("lang") == "en" and translations.nth(0).get_attribute("lang") == "uk"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "uk-parallel.png"), full_page=False)
    page.goto((project / "editions/uk/index.html").as_uri())
    assert page.locator("ul.editions h2 a").inner_text() == "Проти війни"
    assert page.locator("details code.digest").is_hidden()
    page.screenshot(path=str(ARTIFACTS / "uk-index.png"))
    context.close()
    text = _pdf_text(project / "editions/uk/war.parallel.pdf")
    assert re.search(r"Our position\s+Наша позиція", text)
    _pages_as_png(project / "editions/uk/war.parallel.pdf", "uk-parallel-a4")


@pytest.mark.browser
def test_draft_preview_marks_each_pending_block_in_the_browser(
    project: Path, tflow: Callable[..., Result], browser: Any
) -> None:
    _project(project, tflow, None)
    fill(project / "locales/uk/war.po", {"Stop the war.": "Зупинити війну."}, fuzzy=("Stop the war.",))
    fill(project / "locales/uk/war.po", {"Part 3": ""})
    assert tflow("build", "--lang", "uk", "--draft").exit_code == 0
    context = browser.new_context(viewport={"width": 900, "height": 700})
    page = context.new_page()
    page.goto((project / "drafts/uk/war.html").as_uri())
    marked = page.locator(".tflow-pending")
    assert marked.count() == 2
    draft = page.locator('.tflow-pending[data-state="draft"]')
    label = "e => getComputedStyle(e, '::before').content"
    assert draft.inner_text() == "Зупинити війну." and draft.get_attribute("title") == "машинна чернетка"
    assert draft.evaluate(label) in ('"[" attr(title) "] "', '"[машинна чернетка] "')  # the label is shown
    untranslated = page.locator('.tflow-pending[data-state="untranslated"]')
    assert untranslated.inner_text() == "Part 3" and untranslated.get_attribute("title") == "не перекладено"
    assert draft.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "uk-draft.png"), full_page=True)
    context.close()


def test_pdf_edition_prints_the_address_of_each_link(project: Path, tflow: Callable[..., Result]) -> None:
    write_statement(project, "links.md", '---\nlang: en\ntitle: Links\n---\n\n'
                    'Read the [full report](https://example.org/report.pdf "Report") or '
                    '[write to us](mailto:info@example.org).\n')
    assert tflow("extract").exit_code == 0
    assert tflow("build", "--lang", "en", "--format", "md,html,pdf").exit_code == 0
    text = " ".join(_pdf_text(project / "editions/en/links.pdf").split())
    assert "full report <https://example.org/report.pdf>" in text
    assert "write to us <mailto:info@example.org>" in text
    _pages_as_png(project / "editions/en/links.pdf", "links")
