"""Any table, any merges, any text: the HTML and DOCX readers give back exactly the cells written.

Hypothesis draws grids with random merged rectangles and cell texts mixing Chinese, digits,
spaces (ASCII, no-break, ideographic), markup characters and blanks; each is written as a
Word-style web page (UTF-8 and GB18030) and as a Word file, and read back.
"""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.ingest.docx import read_docx
from gongkai.ingest.html import read_html

from .make_files import Grid, Placed, add_docx_table, html_table

TEXT = st.text(alphabet="规章行政复议一二三（）.、 \u00a0\u3000<>&\"'0123456789-/", max_size=12)


@st.composite
def grids(draw: st.DrawFn) -> Grid:
    rows = draw(st.integers(1, 6))
    cols = draw(st.integers(1, 6))
    taken = [[False] * cols for _ in range(rows)]
    cells: list[Placed] = []
    for r in range(rows):
        for c in range(cols):
            if taken[r][c]:
                continue
            width = 1
            while c + width < cols and not taken[r][c + width]:
                width += 1
            colspan = draw(st.integers(1, width))
            rowspan = draw(st.integers(1, rows - r))
            # Keep the rectangle free of cells already placed below (earlier rowspans).
            while any(taken[r + dr][c + dc] for dr in range(rowspan) for dc in range(colspan)):
                rowspan -= 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken[r + dr][c + dc] = True
            cells.append(Placed(r, c, draw(TEXT), rowspan, colspan))
    return Grid("表", rows, cols, tuple(cells))


def _expected(grid: Grid) -> list[list[tuple[str, int, int]]]:
    return [[(" ".join(text.split()), rs, cs) for text, rs, cs in row] for row in grid.expected_rows()]


def _read_back(table: object) -> list[list[tuple[str, int, int]]]:
    return [[(c.text, c.rowspan, c.colspan) for c in row] for row in table.rows]  # type: ignore[attr-defined]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grids(), st.sampled_from(["utf-8", "gb18030"]))
def test_html_tables_read_back_exactly(grid: Grid, encoding: str) -> None:
    charset = "gb2312" if encoding == "gb18030" else encoding
    page = f'<html><head><meta charset="{charset}"></head><body><p>前言</p>{html_table(grid)}<p>后记</p></body></html>'
    doc = read_html(Path("p.html"), page.encode(encoding))
    assert [b.text for b in doc.paragraphs] == ["前言", "后记"]
    assert len(doc.tables) == 1
    assert _read_back(doc.tables[0]) == _expected(grid)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grids())
def test_docx_tables_read_back_exactly(grid: Grid) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("前言")
    add_docx_table(document, grid)
    buffer = io.BytesIO()
    document.save(buffer)
    doc = read_docx(Path("t.docx"), buffer.getvalue())
    assert len(doc.tables) == 1
    assert _read_back(doc.tables[0]) == _expected(grid)
