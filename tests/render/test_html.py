"""The HTML page: one standalone file, the three tables laid out as the template, every figure in its cell."""

from __future__ import annotations

import re

import lxml.html
import pytest

from gongkai.report.templates import SECTIONS

from .conftest import GOLD_FILES, Rendered
from .grids import check_statutory_tables, html_grids, statutory_cell_count


@pytest.mark.parametrize("stem", [p.stem for p in GOLD_FILES])
def test_tables_hold_every_figure_in_the_templates_layout(rendered: dict[str, Rendered], stem: str) -> None:
    item = rendered[stem]
    grids = html_grids(item.html.read_text(encoding="utf-8"))
    assert check_statutory_tables(grids, item.report) == statutory_cell_count(item.report)


@pytest.mark.parametrize("stem", [p.stem for p in GOLD_FILES])
def test_page_stands_alone_with_title_sections_and_charts(rendered: dict[str, Rendered], stem: str) -> None:
    item = rendered[stem]
    source = item.html.read_text(encoding="utf-8")
    tree = lxml.html.fromstring(source)
    # one file: styles inside, nothing fetched from elsewhere
    assert tree.xpath("//style") and "@media print" in source
    assert not tree.xpath("//link[@rel='stylesheet'] | //script[@src]")
    sources = [img.get("src") for img in tree.iter("img")]
    assert all(s.startswith("data:image/svg+xml;base64,") for s in sources)
    assert len(sources) == item.charts >= 4
    assert all(img.get("alt") for img in tree.iter("img"))
    title = tree.xpath("string(//h1)")
    assert title.startswith(item.report.agency) and str(item.report.year) in title
    assert tree.xpath("string(//title)") == title
    headings = [h.text_content() for h in tree.iter("h2")]
    assert headings[: len(SECTIONS)] == [s.heading for s in SECTIONS]


def test_page_lists_the_contradictions_of_a_report_that_has_them(rendered: dict[str, Rendered]) -> None:
    contradicting = rendered["001_cf5ac85f95ca13ec"]
    tree = lxml.html.fromstring(contradicting.html.read_text(encoding="utf-8"))
    rules = {li.get("data-rule") for li in tree.xpath("//section[@class='findings']//li")}
    assert {"requests.column_balance", "requests.row_sum", "requests.outcome_sum"} <= rules
    consistent = rendered["000_21925bfca89cb37b"]
    assert not lxml.html.fromstring(consistent.html.read_text(encoding="utf-8")).xpath("//section[@class='findings']")


def test_print_styles_keep_table_headers_and_page_size(rendered: dict[str, Rendered]) -> None:
    source = next(iter(rendered.values())).html.read_text(encoding="utf-8")
    assert re.search(r"@page\s*{\s*size:\s*A4", source)
    assert "thead { display: table-header-group; }" in source
