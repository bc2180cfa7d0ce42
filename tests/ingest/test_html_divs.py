"""Tables a web page draws with ``<div>`` boxes read as the ``<table>`` they show (``html_divs``).

The real inputs are holdout9's platform pages (CSS grid or flex rows, with or without ARIA roles)
and their Word originals: the boxes must read as the Word file's ruled tables do. Variants of a
real page (roles only, grid only, auto-placed grid) and random grids written each way must read
alike; page layout drawn with boxes (nav bars, link rows, a page grid) must stay text.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gongkai.ingest.document import Document, TableBlock
from gongkai.ingest.docx import read_docx
from gongkai.ingest.html import read_html
from gongkai.report.templates import APPEAL_FIELDS

from .holdout9 import FIXTURES
from .make_files import Grid, html_table
from .test_html_properties import grids as table_grids

Rows = list[list[tuple[str, int, int]]]
GRID_PAGES = ("v2019-a", "v2023-a")  # CSS grid (v2019-a with ARIA roles) with a Word original
FLEX_PAGES = ("v2021-a", "v2024-a", "v2025-b")  # flex rows (v2021-a with roles) with a Word original


def _page(name: str) -> str:
    return (FIXTURES / "html" / f"{name}~spa.html").read_text(encoding="utf-8")


def _html(text: str) -> Document:
    return read_html(Path("p.html"), text.encode("utf-8"))


def _cells(table: TableBlock) -> Rows:
    return [[(c.text, c.rowspan, c.colspan) for c in row] for row in table.rows]


def _tables(doc: Document) -> list[Rows]:
    return [_cells(t) for t in doc.tables]


def _word(name: str) -> list[Rows]:
    path = FIXTURES / "docx" / f"{name}~spa-word.docx"
    return _tables(read_docx(path, path.read_bytes()))


def _unmerged(rows: Rows) -> Rows:
    """A table with each merged cell printed in its first row and a blank of its width below
    (what flex rows show: a row box cannot reach into the next)."""
    taken: set[tuple[int, int]] = set()
    out: dict[tuple[int, int], tuple[str, int, int]] = {}
    for r, row in enumerate(rows):
        c = 0
        for text, rowspan, colspan in row:
            while (r, c) in taken:
                c += 1
            for i in range(rowspan):
                out[(r + i, c)] = (text if i == 0 else "", 1, colspan)
                taken.update((r + i, c + j) for j in range(colspan))
            c += colspan
    return [[out[k] for k in sorted(out) if k[0] == r] for r in range(len(rows))]


@pytest.mark.parametrize("name", GRID_PAGES)
def test_grid_page_reads_as_its_word_original(name: str) -> None:
    tables = _tables(_html(_page(name)))
    assert len(tables) == 3
    assert tables == _word(name)


@pytest.mark.parametrize("name", FLEX_PAGES)
def test_flex_page_reads_as_its_word_original_with_merges_printed_once(name: str) -> None:
    tables = _tables(_html(_page(name)))
    assert tables == [_unmerged(t) for t in _word(name)]


def _no_roles(text: str) -> str:
    return re.sub(r' role="\w+"', "", text)


def _auto_placed(text: str) -> str:
    # ``grid-column:3 / span 2;grid-row:4 / span 1`` → ``grid-column:span 2;grid-row:span 1``
    return re.sub(r"(grid-(?:column|row)):\d+ / (span \d+)", r"\1:\2", text)


def _roles_only(text: str) -> str:
    # the grid gone, each cell's spans as ARIA says them: rows and cells by role alone
    text = re.sub(
        r'style="grid-column:\d+ / span (\d+);grid-row:\d+ / span (\d+)"', r'aria-colspan="\1" aria-rowspan="\2"', text
    )
    return re.sub(r'style="display:(?:grid|contents)[^"]*"', "", text)


def test_real_grid_page_variants_read_alike() -> None:
    text = _page("v2019-a")  # CSS grid with roles
    expected = _tables(_html(text))
    assert "grid-row" not in _roles_only(text)
    for variant in (_no_roles(text), _auto_placed(text), _auto_placed(_no_roles(text)), _roles_only(text)):
        assert _tables(_html(variant)) == expected


def test_real_flex_page_reads_alike_without_roles() -> None:
    text = _page("v2021-a")  # flex rows with roles
    assert _tables(_html(_no_roles(text))) == _tables(_html(text))


def test_the_pages_paragraphs_stay_text() -> None:
    doc = _html(_page("v2020-a"))
    lines = [b.text for b in doc.paragraphs]
    assert any(line.startswith("当前位置：首页") for line in lines)  # the breadcrumb: a line, not a table
    assert any(line.startswith("数据来源：") for line in lines)
    assert not any("本年新收政府信息公开申请数量" in line for line in lines)  # that is in table 三


# ---------------------------------------------------------------------------------------------
# Random grids written as boxes read as the same grid written as <table>
# ---------------------------------------------------------------------------------------------


@st.composite
def grids(draw: st.DrawFn) -> Grid:
    grid = draw(table_grids())
    assume(grid.rows >= 2 and grid.cols >= 2 and len(grid.cells) >= 2)
    # a label of the statutory tables in one cell: the gate asks for one
    first, *rest = sorted(grid.cells, key=lambda c: (c.row, c.col))
    label = type(first)(first.row, first.col, APPEAL_FIELDS[0].label, first.rowspan, first.colspan)
    return Grid(grid.title, grid.rows, grid.cols, (label, *rest))


def _grid_boxes(grid: Grid, place: str, roles: bool) -> str:
    role = (lambda r: f' role="{r}"') if roles else (lambda r: "")
    out = [f'<div{role("table")} style="display:grid;grid-template-columns:repeat({grid.cols},1fr)">']
    for r in range(grid.rows):
        out.append(f'<div{role("row")} style="display:contents">')
        for cell in sorted((c for c in grid.cells if c.row == r), key=lambda c: c.col):
            where = f"{cell.col + 1} / " if place == "explicit" else ""
            rows = f"{cell.row + 1} / " if place == "explicit" else ""
            style = f"grid-column:{where}span {cell.colspan};grid-row:{rows}span {cell.rowspan}"
            text = cell.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            out.append(f'<div{role("cell")} style="{style}">{text}</div>')
        out.append("</div>")
    return "\n".join(out) + "</div>"


def _aria_boxes(grid: Grid) -> str:
    out = ['<div role="table">']
    for r in range(grid.rows):
        out.append('<div role="row">')
        for cell in sorted((c for c in grid.cells if c.row == r), key=lambda c: c.col):
            text = cell.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            out.append(f'<div role="cell" aria-rowspan="{cell.rowspan}" aria-colspan="{cell.colspan}">{text}</div>')
        out.append("</div>")
    return "\n".join(out) + "</div>"


def _page_of(table: str) -> str:
    return f"<html><body><p>前言</p>{table}<p>后记</p></body></html>"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(grids(), st.sampled_from(["explicit", "auto"]), st.booleans())
def test_random_css_grids_read_as_their_table(grid: Grid, place: str, roles: bool) -> None:
    expected = _tables(_html(_page_of(html_table(grid))))
    doc = _html(_page_of(_grid_boxes(grid, place, roles)))
    assert [b.text for b in doc.paragraphs] == ["前言", "后记"]
    assert _tables(doc) == expected


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(grids())
def test_random_aria_tables_read_as_their_table(grid: Grid) -> None:
    expected = _tables(_html(_page_of(html_table(grid))))
    assert _tables(_html(_page_of(_aria_boxes(grid)))) == expected


# ---------------------------------------------------------------------------------------------
# The gate: boxes of page layout are not tables; bounded on hostile grids
# ---------------------------------------------------------------------------------------------

CHROME = """<div class="nav"><div class="row"><a href="#">首页</a><a href="#">政务公开</a><a href="#">互动交流</a></div>
<div class="row"><a href="#">政策文件</a><a href="#">政府信息公开年报</a></div></div>
<div class="toolbar" style="display:flex">
<div style="flex:1 1 0"><span>【打印本页】</span><span>【关闭窗口】</span></div>
<div style="flex:1 1 0"><span>字号：大</span><span>中</span></div></div>
<div style="display:grid;grid-template-columns:repeat(3,1fr)"><div>政府网站</div><div>部门网站</div><div>市县网站</div>
<div>主办单位</div><div>网站标识码</div><div>备案号</div></div>"""


def test_layout_boxes_stay_text() -> None:
    doc = _html(f"<html><body>{CHROME}<p>正文</p></body></html>")
    assert doc.tables == []
    assert "政府网站" in [b.text for b in doc.paragraphs]


def test_a_page_grid_around_a_div_table_is_layout() -> None:
    inner = re.search(r'<div class="gk-table".*?\n</div>\n(?=<p|<div class="gk-h)', _page("v2023-a"), re.S)
    assert inner is not None
    page = (
        '<html><body><div style="display:grid;grid-template-columns:200px 1fr">'
        f"<div>栏目导航</div><div>{inner.group(0)}</div></div></body></html>"
    )
    doc = _html(page)
    assert [b.text for b in doc.paragraphs] == ["栏目导航"]
    assert len(doc.tables) == 1 and _tables(doc)[0] == _tables(_html(_page("v2023-a")))[0]


def test_hostile_grid_spans_are_bounded() -> None:
    cells = "".join(
        f'<div style="grid-row:{9000 - i} / span 1000;grid-column:span 1000">结果维持{i}</div>' for i in range(2000)
    )
    start = time.perf_counter()
    doc = _html(
        f'<html><body><div style="display:grid;grid-template-columns:repeat(999,1fr)">{cells}</div></body></html>'
    )
    assert time.perf_counter() - start < 5
    assert doc.tables == [] and len(doc.paragraphs) == 2000


@pytest.mark.parametrize(
    ("template", "tracks"),
    [
        ("repeat(15,minmax(0,1fr))", 15),
        ("120px 1fr 1fr", 3),
        ("[label] 8em [figures] repeat(2, minmax(0, 1fr) 2fr)", 5),
        ("repeat(auto-fill, 100px)", None),  # the page's width decides: no table columns
        ("", None),
    ],
)
def test_grid_template_columns_count(template: str, tracks: int | None) -> None:
    from gongkai.ingest.html_divs import _track_count

    assert _track_count(template) == tracks
