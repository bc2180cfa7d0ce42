"""The Word document: A4, CJK fonts set, real merged cells, every figure in its cell, charts inside."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm

from gongkai.render.batch import render_document
from gongkai.render.to_docx import NOTO_FONTS, OFFICIAL_FONTS
from gongkai.report.templates import SECTIONS

from .conftest import GOLD_FILES, Rendered
from .grids import check_statutory_tables, docx_grids, statutory_cell_count


@pytest.mark.parametrize("stem", [p.stem for p in GOLD_FILES])
def test_tables_are_merged_as_the_template_and_hold_every_figure(rendered: dict[str, Rendered], stem: str) -> None:
    item = rendered[stem]
    grids = docx_grids(item.docx)
    assert check_statutory_tables(grids, item.report) == statutory_cell_count(item.report)


@pytest.mark.parametrize("stem", [p.stem for p in GOLD_FILES])
def test_python_docx_sees_the_merges(rendered: dict[str, Rendered], stem: str) -> None:
    """python-docx (what many readers use) resolves the merges to one cell object."""
    table = Document(str(rendered[stem].docx)).tables[1]  # table 三
    note = table.cell(0, 0)
    assert note._tc is table.cell(2, 2)._tc  # 3 × 3 corner
    assert table.cell(0, 3)._tc is table.cell(0, 9)._tc  # 申请人情况 over seven columns
    assert table.cell(0, 3)._tc is not table.cell(1, 3)._tc


@pytest.mark.parametrize("stem", [p.stem for p in GOLD_FILES])
def test_page_fonts_headings_and_charts(rendered: dict[str, Rendered], stem: str) -> None:
    item = rendered[stem]
    document = Document(str(item.docx))
    section = document.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.05) and abs(section.page_height - Cm(29.7)) < Cm(0.05)
    for style in ("Normal", "Body Text", "Heading 1", "Title"):
        fonts = document.styles[style].element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) in (OFFICIAL_FONTS.body, OFFICIAL_FONTS.heading, OFFICIAL_FONTS.table)
        assert fonts.get(qn("w:asciiTheme")) is None  # a theme font would override the one set
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[: len(SECTIONS)] == [s.heading for s in SECTIONS]
    agency, title = document.paragraphs[0].text.split("\n")
    assert agency == item.report.agency and document.core_properties.title == agency + title
    assert len(document.inline_shapes) == item.charts >= 4


def test_noto_font_set_names_the_fonts_debian_installs(gold_reports: dict) -> None:  # type: ignore[type-arg]
    import io

    report = next(iter(gold_reports.values()))
    document = Document(io.BytesIO(render_document(report, "docx", fonts=NOTO_FONTS)))
    fonts = document.styles["Body Text"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == NOTO_FONTS.body


def test_font_table_names_noto_fallbacks_for_the_chinese_fonts(rendered: dict[str, Rendered]) -> None:
    import zipfile

    from lxml import etree

    item = next(iter(rendered.values()))
    with zipfile.ZipFile(item.docx) as package:
        table = etree.fromstring(package.read("word/fontTable.xml"))
    alt = {
        font.get(qn("w:name")): font.find(qn("w:altName")).get(qn("w:val"))
        for font in table.findall(qn("w:font"))
        if font.find(qn("w:altName")) is not None
    }
    for name, fallback in OFFICIAL_FONTS.fallbacks:
        assert alt[name] == fallback
