"""Layouts of real annual reports the corpus does not hold, built from the gold data.

Each test writes a report the way some agency's page or PDF dump prints it — long row labels
wrapped onto lines of their own, counts printed with 件, full-width digits, table 四 with a two-row
header or its values split over lines, cells run together, an HTML page without merged cells or
with ``<th>`` headers, a title only in ``<title>`` — reads it back and compares every cell, the
agency, the year and the template with the data it was written from.
"""

from __future__ import annotations

import copy
import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gongkai.ingest.read import read_report
from gongkai.report.model import Report
from gongkai.report.templates import APPEAL_FIELDS, APPEAL_GROUPS, TEMPLATE_2021

from . import make_files as mf
from .corpus import GOLD, need_corpus
from .layouts import Row, document_text, table_rows

Tables = list[list[Row]]


def _gold(prefix: str) -> dict[str, Any]:
    need_corpus()
    return Report.load(next(GOLD.glob(f"{prefix}*.json"))).to_dict()


def _report_2021() -> dict[str, Any]:
    """A 2021-template report with many non-zero figures (the corpus has one, nearly all 0):
    table 三 and 四 of a 2019 gold report, table 二 and the 其他处理 rows filled in."""
    data = _gold("000")
    data.update(template="2021", year=2022, agency="杭州市西湖区人民政府办公室")
    data.pop("notes", None)
    data["active"] = {
        "regulations": {"made": 2, "repealed": 1, "in_force": 15},
        "normative_documents": {"made": 12, "repealed": 3, "in_force": 108},
        "licensing": {"decisions": 146653},
        "punishment": {"decisions": 212618},
        "coercion": {"decisions": 8844},
        "fees": {"amount_10k_yuan": 271.53},
    }
    requests = data["requests"]
    other = requests.pop("other")
    requests["other_no_correction"] = [min(1, v) for v in other]
    requests["other_unpaid_fee"] = [0] * 7
    requests["other_other"] = [v - min(1, v) for v in other]
    data["requests"] = {row.key: requests[row.key] for row in TEMPLATE_2021.request_rows}
    return data


def _read(tmp_path: Path, content: str, suffix: str = ".txt") -> dict[str, Any]:
    path = tmp_path / f"report{suffix}"
    path.write_text(content, encoding="utf-8")
    result = read_report(path)
    assert result.ok, result.error
    assert result.report is not None
    return result.report.to_dict()


def _differences(got: dict[str, Any], expected: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """Every cell, and agency, year and template, that was not read as the data says."""
    bad = [(key, got[key], expected[key]) for key in ("agency", "year", "template") if got[key] != expected[key]]
    for table in ("active", "requests", "appeals"):
        for row, cells in expected[table].items():
            pairs = cells.items() if isinstance(cells, dict) else enumerate(cells)
            read = got[table].get(row)
            for column, value in pairs:
                if value is None:
                    continue
                found = read[column] if read is not None else None
                if found is None or abs(found - value) > 1e-6:
                    bad.append((f"{table}.{row}.{column}", found, value))
    return bad


# ---------------------------------------------------------------------------------------------
# Table rows rearranged as real dumps print them
# ---------------------------------------------------------------------------------------------


def _joined(rows: list[Row], separator: str) -> str:
    return "\n".join(separator.join(r.labels + r.values) for r in rows)


def _cell_per_line(rows: list[Row]) -> str:
    lines: list[str] = []
    for r in rows:
        for cell in r.labels + r.values:
            lines += [cell, ""] if cell else [""]
    return "\n".join(lines)


def _run_together(rows: list[Row]) -> str:
    return "\n".join("".join(r.labels) + "".join(r.values) for r in rows)


def _appeals_two_header_rows(tables: Tables) -> Tables:
    """Table 四 as 行政复议 / 未经复议直接起诉 / 复议后起诉, then the 15 field names, then the values."""
    groups = Row([g.label for g in APPEAL_GROUPS], [])
    fields = Row([f.label for _ in APPEAL_GROUPS for f in APPEAL_FIELDS], [])
    return [tables[0], tables[1], [groups, fields, tables[2][-1]]]


def _appeal_values_split(tables: Tables) -> Tables:
    """Table 四's row of 15 values broken over three lines."""
    values = tables[2][-1].values
    return [tables[0], tables[1], [*tables[2][:-1], Row([], values[:5]), Row([], values[5:10]), Row([], values[10:])]]


def _wrapped_labels(width: int) -> Callable[[Tables], Tables]:
    """Long row labels wrapped every ``width`` characters, the pieces before the last on lines of
    their own (a web page's cell copied with its line breaks: （六）其他处理's 1./2. rows take 4)."""

    def wrap(tables: Tables) -> Tables:
        out: Tables = []
        for rows in tables:
            wrapped: list[Row] = []
            for r in rows:
                label = r.labels[-1] if r.values and r.labels else ""
                if len(label) <= width:
                    wrapped.append(r)
                    continue
                pieces = [label[i : i + width] for i in range(0, len(label), width)]
                wrapped.append(Row([*r.labels[:-1], pieces[0]], []))
                wrapped.extend(Row([piece], []) for piece in pieces[1:-1])
                wrapped.append(Row([pieces[-1]], r.values))
            out.append(wrapped)
        return out

    return wrap


def _counts_with_unit(tables: Tables) -> Tables:
    """Every whole number printed with 件 (``15件``)."""
    return [
        [Row(r.labels, [f"{v}件" if re.fullmatch(r"-?\d+", v) else v for v in r.values]) for r in rows]
        for rows in tables
    ]


_WIDE = str.maketrans("0123456789-.", "０１２３４５６７８９－．")


def _full_width(tables: Tables) -> Tables:
    return [[Row(r.labels, [v.translate(_WIDE) for v in r.values]) for r in rows] for rows in tables]


def _dashes(mark: str) -> Callable[[Tables], Tables]:
    """Every 0 printed as ``mark`` (/ or —: "nothing")."""
    return lambda tables: [
        [Row(r.labels, [mark if v == "0" else v for v in r.values]) for r in rows] for rows in tables
    ]


def _pdf_centred(width: int) -> Callable[[Tables], Tables]:
    """As ``pdftotext -layout`` prints a row whose label wraps: the figures on the label's middle
    line, the other pieces above and below; the group cell (（六）其他处理) beside the middle
    line too, so it lands among the pieces of its first row's label."""

    def centre(tables: Tables) -> Tables:
        out: Tables = []
        for rows in tables:
            placed: list[Row] = []
            for r in rows:
                label = r.labels[-1] if r.values and r.labels else ""
                if len(label) <= width:
                    placed.append(r)
                    continue
                pieces = [label[i : i + width] for i in range(0, len(label), width)]
                middle = len(pieces) // 2
                placed.extend(Row(["        " + piece], []) for piece in pieces[:middle])
                placed.append(Row([*r.labels[:-1], pieces[middle]], r.values))
                placed.extend(Row(["        " + piece], []) for piece in pieces[middle + 1 :])
            out.append(placed)
        return out

    return centre


def _pdf_layout(rows: list[Row]) -> str:
    return "\n".join("   ".join(r.labels) + ("      " + "    ".join(r.values) if r.values else "") for r in rows)


def _text(data: dict[str, Any], change: Callable[[Tables], Tables], layout: Callable[[list[Row]], str]) -> str:
    report = Report.from_dict(data)
    return document_text(report, [layout(rows) for rows in change(table_rows(report))])


_TAB: Callable[[list[Row]], str] = lambda rows: _joined(rows, "\t")  # noqa: E731
_SPACED: Callable[[list[Row]], str] = lambda rows: _joined(rows, " ")  # noqa: E731

CASES: dict[str, tuple[Callable[[Tables], Tables], Callable[[list[Row]], str]]] = {
    # These failed before: wrapped label lines ended a tab table; 件 or / hid a row's figures; a
    # group heading among the pieces of a wrapped label named the wrong row.
    "labels wrapped over lines, tab cells": (_wrapped_labels(10), _TAB),
    "labels wrapped over 2 lines, tab cells": (_wrapped_labels(16), _TAB),
    "counts with 件, cells split by spaces": (_counts_with_unit, _SPACED),
    "full-width counts with 件, spaces": (lambda t: _counts_with_unit(_full_width(t)), _SPACED),
    "0 printed as /, cells split by spaces": (_dashes("/"), lambda rows: _joined(rows, "  ")),
    "0 printed as —, cells split by spaces": (_dashes("—"), lambda rows: _joined(rows, "  ")),
    "pdftotext -layout, labels wrapped around their figures": (_pdf_centred(12), _pdf_layout),
    "pdftotext -layout, a narrow label column (其他对外管理服务 / 事项)": (_pdf_centred(8), _pdf_layout),
    # These passed: kept so they stay read.
    "0 printed as /, tab cells": (_dashes("/"), _TAB),
    "counts with 件, tab cells": (_counts_with_unit, _TAB),
    "table 四 with a two-row header, values split over lines": (
        lambda t: _appeal_values_split(_appeals_two_header_rows(t)),
        _TAB,
    ),
    "table 四 with a two-row header, a cell per line": (_appeals_two_header_rows, _cell_per_line),
    "full-width digits, a cell per line": (_full_width, _cell_per_line),
    "labels wrapped, a cell per line": (_wrapped_labels(10), _cell_per_line),
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("source", ["2021", "000", "shuyang"])
def test_text_layouts(tmp_path: Path, source: str, case: str) -> None:
    data = _report_2021() if source == "2021" else _gold(source)
    change, layout = CASES[case]
    assert _differences(_read(tmp_path, _text(data, change, layout)), data) == []


def test_one_digit_per_column_read_as_printed_though_contradictory(tmp_path: Path) -> None:
    """``5.属于三类内部事务信息0000001`` (a gold report's row whose 总计 contradicts its cells) and
    ``四、结转下年度继续办理0000006``: seven digits for seven columns can only be cut one way, and
    the contradiction is read as printed (before, the row's arithmetic rejected the only cut)."""
    data = _gold("001")
    assert data["requests"]["denied_internal_affairs"] == [0, 0, 0, 0, 0, 0, 1]
    report = Report.from_dict(data)
    tables = table_rows(report)
    got = _read(
        tmp_path, document_text(report, [_joined(tables[0], "\t"), _run_together(tables[1]), _run_together(tables[2])])
    )
    assert _differences(got, data) == []
    assert any(f["row"] == "denied_internal_affairs" for f in got["findings"])  # reported, not repaired


def test_2021_web_dump_tables_run_together(tmp_path: Path) -> None:
    """Tables 二 and 四 copied out of a page with their cells run together, 三 tab-separated:
    table 四 (15 digits for 15 cells) reads; 二's runs of several figures (规章2115) have more
    than one cut and no arithmetic to choose: the likeliest cut is read (``active_prior``), and
    the row is flagged with the others as alternatives, whether the cut is right or not."""
    data = _report_2021()
    report = Report.from_dict(data)
    tables = _appeals_two_header_rows(table_rows(report))
    got = _read(
        tmp_path, document_text(report, [_run_together(tables[0]), _joined(tables[1], "\t"), _run_together(tables[2])])
    )
    ambiguous = {
        f"active.{row}.{field}"
        for row in ("regulations", "normative_documents")
        for field in ("made", "repealed", "in_force")
    }
    bad = _differences(got, data)
    assert {cell for cell, _, _ in bad} <= ambiguous
    uncertain = [u["cell"] for u in got["uncertain"]]
    for row in ("regulations", "normative_documents"):
        assert any(cell.startswith(f"active.{row}") for cell in uncertain), row  # said, not hidden


# ---------------------------------------------------------------------------------------------
# Web pages
# ---------------------------------------------------------------------------------------------


def _page(
    data: dict[str, Any],
    table: Callable[[mf.Grid], str] = mf.html_table,
    *,
    heading: bool = True,
    title_tag: str | None = None,
) -> str:
    title = mf.title_of(data)
    out = [
        '<!DOCTYPE html><html><head><meta charset="utf-8">',
        f"<title>{html.escape(title_tag or title)}</title></head><body>",
        '<div class="nav"><a href="/">首页</a> &gt; <a href="/gk">政府信息公开</a></div><div class="content">',
    ]
    for part in mf.body(data):
        if isinstance(part, mf.Grid):
            out.append(table(part))
        elif part == title:
            if heading:
                out.append(f"<h1>{html.escape(title)}</h1>")
        else:
            out.append(f"<p>{html.escape(part)}</p>")
    out.append('</div><div class="footer">主办：某某市人民政府办公室</div></body></html>')
    return "\n".join(out)


def _unmerged(grid: mf.Grid) -> str:
    """No rowspan or colspan: a merged label repeated in every cell it covered, a merged value
    printed once and the cells after it blank."""
    rows = ["<tr>" + "".join(f"<td>{html.escape(text)}</td>" for text in row) + "</tr>" for row in _unmerged_rows(grid)]
    return "<table>" + "\n".join(rows) + "</table>"


def _th_headers(grid: mf.Grid) -> str:
    """Header rows (no figures) in ``<th>`` cells inside ``<thead>``."""
    rows = mf.html_table(grid).split("<tr>")
    marked = [
        row if re.search(r">-?\d+(?:\.\d+)?<o:p>", row) else row.replace("<td", "<th").replace("</td>", "</th>")
        for row in rows
    ]
    return "<tr>".join(marked).replace("<tbody>", "<thead>", 1)


@pytest.mark.parametrize("source", ["2021", "000", "001"])
def test_pages_without_merged_cells_or_with_th(tmp_path: Path, source: str) -> None:
    data = _report_2021() if source == "2021" else _gold(source)
    for table in (_unmerged, _th_headers):
        assert _differences(_read(tmp_path, _page(data, table), ".html"), data) == [], table.__name__


@pytest.mark.parametrize("tail", [" - 某某市人民政府门户网站", "_某某市人民政府", "|某某市人民政府"])
@pytest.mark.parametrize("source", ["2021", "shuyang"])
def test_title_only_in_title_tag(tmp_path: Path, source: str, tail: str) -> None:
    """No heading in the page: the agency and year come from ``<title>`` less the site name, not from
    the body's first sentence (本报告根据《条例》要求编制，所列数据统计期限为…, which read as a title
    before)."""
    data = _report_2021() if source == "2021" else _gold(source)
    got = _read(tmp_path, _page(data, heading=False, title_tag=mf.title_of(data) + tail), ".html")
    assert _differences(got, data) == []


@pytest.mark.parametrize(
    ("agency", "year", "title"),
    [
        ("杭州市西湖区人民政府办公室", 2022, "杭州市西湖区人民政府办公室2022年政府信息公开工作年度报告"),
        ("宁海县", 2021, "宁海县2021年政府信息公开工作年度报告"),
        ("宁波市市场监督管理局", 2022, "2022年度宁波市市场监督管理局政府信息公开工作年度报告"),
        ("宁波市市场监督管理局", 2023, "宁波市市场监督管理局关于2023年度政府信息公开工作年度报告"),
    ],
)
def test_agency_and_title_forms(tmp_path: Path, agency: str, year: int, title: str) -> None:
    data = copy.deepcopy(_report_2021())
    data.update(agency=agency, year=year)
    report = Report.from_dict(data)
    text = _text(data, lambda t: t, _TAB).replace(f"{agency}{year}年度政府信息公开工作年度报告", title, 1)
    assert title in text
    assert _differences(_read(tmp_path, text), data) == []
    page = _page(data, heading=False, title_tag=f"{title} - 某某网")
    assert _differences(_read(tmp_path, page, ".html"), data) == []
    assert report.agency == agency


@pytest.mark.parametrize("heading", [True, False])
@pytest.mark.parametrize("source", ["2021", "000"])
def test_sidebar_of_other_years_reports_before_the_title(tmp_path: Path, source: str, heading: bool) -> None:
    """A page listing the agency's earlier reports in a sidebar above the content: the year (and
    agency) are the page's own (``<title>``, the heading), not the first link's (read 2021 for a
    2022 report before)."""
    data = _report_2021() if source == "2021" else _gold(source)
    links = "".join(
        f"<li><a href='#'>{data['agency']}{year}年政府信息公开工作年度报告</a></li>"
        for year in (data["year"] - 1, data["year"] - 2)
    )
    page = _page(data, heading=heading, title_tag=f"{mf.title_of(data)} - 某某网")
    page = page.replace(
        '<div class="content">', f"<div class='side'><h3>年度报告</h3><ul>{links}</ul></div><div class=\"content\">", 1
    )
    assert _differences(_read(tmp_path, page, ".html"), data) == []


def test_web_text_dump_with_page_furniture(tmp_path: Path) -> None:
    """Text copied from a whole web page: breadcrumb, index number, publishing date and source
    lines around the title, related links to other years' reports and the footer at the end."""
    data = _report_2021()
    agency, year = data["agency"], data["year"]
    report = Report.from_dict(data)
    tables = table_rows(report)
    body = document_text(report, [_joined(rows, "\t") for rows in tables])
    title = f"{agency}{year}年度政府信息公开工作年度报告"
    body = body.replace(
        title + "\n",
        f"{title}\n发布时间：{year + 1}-01-20 10:30    来源：{agency}    浏览次数：1024\n"
        "【字体：大 中 小】  打印本页  关闭窗口\n",
        1,
    )
    text = (
        f"首页 | 机构概况 | 政务公开 | 政务服务 | 互动交流\n当前位置：首页 > 政府信息公开 > 政府信息公开年报\n"
        f"索引号：11330100MB1234567X/{year + 1}-00012    分类：政府信息公开年报\n{body}\n相关链接：\n"
        f"{agency}{year - 1}年政府信息公开工作年度报告\n主办单位：{agency}  备案号：浙ICP备12345678号\n"
    )
    assert _differences(_read(tmp_path, text), data) == []


def _unmerged_rows(grid: mf.Grid) -> list[list[str]]:
    """A table's grid with merged label cells repeated in every cell they covered (as Excel's
    unmerge or a Markdown converter leaves them) and merged figures printed once."""
    cells: dict[tuple[int, int], str] = {}
    for cell in grid.cells:
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                first = (r, c) == (cell.row, cell.col)
                cells[(r, c)] = cell.text if first or not re.fullmatch(r"[-\d.—]+", cell.text) else ""
    return [[cells.get((r, c), "") for c in range(grid.cols)] for r in range(grid.rows)]


def _pipe_rows(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows[1:]])


@pytest.mark.parametrize("layout", ["pipe", "tab", "spaces"])
@pytest.mark.parametrize("source", ["2021", "000"])
def test_repeated_label_cells_in_text(tmp_path: Path, source: str, layout: str) -> None:
    """Every row carries its group labels (三、本年度办理结果 （二）部分公开… printed twice): with
    spaces, such a row's words are longer than one cell's (it read as prose before)."""
    data = _report_2021() if source == "2021" else _gold(source)
    write: Callable[[list[list[str]]], str] = {
        "pipe": _pipe_rows,
        "tab": lambda rows: "\n".join("\t".join(r) for r in rows),
        "spaces": lambda rows: "\n".join(" ".join(c for c in r if c) for r in rows),
    }[layout]
    report = Report.from_dict(data)
    text = document_text(report, [write(_unmerged_rows(grid)) for grid in mf.grids(data)])
    assert _differences(_read(tmp_path, text), data) == []


@pytest.mark.parametrize("minus", ["－", "−", "–", "—"])
@pytest.mark.parametrize("layout", ["tab", "spaces"])
def test_negative_change_printed_with_a_dash(tmp_path: Path, minus: str, layout: str) -> None:
    """本年增/减 printed ``—3`` (Word turns a typed minus into a dash): read as -3, never as 3 and
    never lost (before: unknown in tab rows, +3 with a dropped "surplus" cell in spaced rows)."""
    data = _gold("000")
    assert data["active"]["coercion"]["change"] == -3

    def dashed(tables: Tables) -> Tables:
        return [
            [Row(r.labels, [minus + v[1:] if v.startswith("-") else v for v in r.values]) for r in rows]
            for rows in tables
        ]

    text = _text(data, dashed, _TAB if layout == "tab" else _SPACED)
    assert _differences(_read(tmp_path, text), data) == []


@pytest.mark.parametrize("source", ["2021", "000"])
def test_blank_zeros_dropped_are_unknown_not_guessed(tmp_path: Path, source: str) -> None:
    """0 printed as an empty cell, and the empty cells lost (plain ``pdftotext``: a cell per line,
    nothing for an empty one): ``180 1 3 184`` for seven columns fits many placements, each
    shifted row keeping the column sums. No figure may land in a column it was not printed in:
    what the arithmetic cannot place stays unknown, and says so (before, 12 cells read wrong)."""
    data = _report_2021() if source == "2021" else _gold(source)
    report = Report.from_dict(data)
    text = document_text(
        report,
        ["\n".join(c for r in rows for c in r.labels + r.values if c) for rows in table_rows(report, blank_zero=True)],
    )
    got = _read(tmp_path, text)
    wrong = [(cell, found, value) for cell, found, value in _differences(got, data) if found is not None]
    assert wrong == []
    unknown = {cell.split("[")[0].rsplit(".", 1)[0] for cell, _, _ in _differences(got, data)}
    noted = {u["cell"].split("[")[0] for u in got["uncertain"]}
    assert all(any(n.startswith(cell) or cell.startswith(n) for n in noted) for cell in unknown)


@pytest.mark.parametrize(
    "title",
    [
        "《{a}{y}年度政府信息公开工作年度报告》",
        "关于印发《{a}{y}年度政府信息公开工作年度报告》的通知",
        "关于公布{a}{y}年政府信息公开工作年度报告的公告",
        "【{a}】{y}年政府信息公开工作年度报告",
        "{a}{y}年政府信息公开工作年度报告（全文）",
    ],
)
def test_title_wrapped_in_marks_or_a_notice(tmp_path: Path, title: str) -> None:
    """The agency is the issuing body as the title prints it, without the title marks or the
    关于印发 of a notice around it (read 《宁波市… or 关于印发《宁波市… before)."""
    data = _report_2021()
    agency, year = "宁波市鄞州区人民政府办公室", 2022
    data.update(agency=agency, year=year)
    printed = title.format(a=agency, y=year)
    text = _text(data, lambda t: t, _TAB).replace(f"{agency}{year}年度政府信息公开工作年度报告", printed, 1)
    assert printed in text
    assert _differences(_read(tmp_path, text), data) == []
