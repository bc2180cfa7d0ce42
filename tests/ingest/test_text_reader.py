"""The text reader on every layout of the corpus, and on layouts rendered from the gold data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.ingest.document import TableBlock, UnreadableFile
from gongkai.ingest.furniture import blank_running_lines
from gongkai.ingest.line_cells import split_line
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.read import read_report
from gongkai.ingest.recognise import recognise
from gongkai.ingest.text import read_text
from gongkai.report.checks import check_report
from gongkai.report.model import Report

from .corpus import GOLD, need_corpus, raw
from .holdout4 import FIXTURES as HOLDOUT4
from .layouts import LAYOUTS, render_run_together


def _gold_reports() -> list[Path]:
    return sorted(GOLD.glob("*.json")) if GOLD.is_dir() else []


def _rows(path: Path) -> list[list[str]]:
    document = read_text(path, path.read_bytes())
    return [[c.text for c in row] for table in document.tables for row in table.rows]


def test_tab_separated_rows_keep_their_cells() -> None:
    rows = _rows(raw("000"))
    assert ["行政强制", "76", "-3", "8844"] in rows
    assert ["(六) 其他处理", "1", "0", "0", "0", "0", "0", "0", "1"] in rows  # 8 numbers, as printed
    assert ["无法提供", "政府信息", "", "", "", "", "", "", ""] in rows  # a label's second line


def test_one_cell_per_line_with_blank_cells() -> None:
    rows = _rows(raw("001"))
    assert ["5.属于三类内部事务信息", "", "", "", "", "", "1"] in rows  # 6 cells, as printed
    # The no-break-space line before the 四 heading is a spacer, not a 7th cell.
    assert ["四、结转下年度继续办理", "", "", "", "", "", "6"] in rows
    assert any(row[:3] == ["第二十条第(一)项", "信息内容", "本年新\n\xa0 制作数量"] for row in rows)


def test_tab_indented_cells_with_blank_cells_kept() -> None:
    rows = _rows(raw("002"))
    assert ["规章", "", "", ""] in rows
    assert ["一、上年结转政府信息公开申请数量", "1", "", "", "", "", "", "1"] in rows


def test_gbk_text_reads_like_utf8(tmp_path: Path) -> None:
    source = raw("003")
    text = source.read_text(encoding="utf-8")
    target = tmp_path / "gbk.txt"
    target.write_bytes(text.encode("gb18030"))
    utf8, gbk = read_report(source), read_report(target)
    assert gbk.ok and utf8.ok and gbk.report is not None and utf8.report is not None
    assert gbk.report.source is not None and gbk.report.source.encoding == "gb18030"
    assert list(gbk.report.cells()) == list(utf8.report.cells())
    assert gbk.report.agency == utf8.report.agency == "秦山街道"


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("gold_file", _gold_reports(), ids=lambda p: p.stem[:8])
def test_layout_rendered_from_gold_reads_back_the_same_data(layout: str, gold_file: Path) -> None:
    need_corpus()
    expected = Report.load(gold_file)
    text = LAYOUTS[layout](expected)
    got = recognise(read_text(Path(f"{gold_file.stem}.txt"), text.encode("utf-8")))
    assert (got.agency, got.year, got.template.id) == (expected.agency, expected.year, expected.template.id)
    assert list(got.cells()) == list(expected.cells())
    # Read as printed: the contradictions of 001 and 004 are kept and reported.
    assert [f.rule for f in got.findings or []] == [f.rule for f in check_report(expected)]


@pytest.mark.parametrize("gold_file", _gold_reports(), ids=lambda p: p.stem[:8])
def test_cells_run_together_split_where_only_one_split_fits(gold_file: Path) -> None:
    need_corpus()
    expected = Report.load(gold_file)
    got = recognise(read_text(Path("run.txt"), render_run_together(expected).encode("utf-8")))
    pairs = list(zip(expected.cells(), got.cells(), strict=True))
    # Never a silent wrong figure: a value not the printed one (unknown, or a flagged guess of a
    # table 二 run nothing decides, ``active_prior``) has its cell or row named in ``uncertain``.
    named = {u.cell for u in got.uncertain or []}
    doubtful = {(g[0], g[1]) for e, g in pairs if g[3] != e[3]}
    assert all(
        f"{part}.{row}" in named or any(f"{part}.{row}".startswith(f"{n}.") for n in named) for part, row in doubtful
    )
    # Table 四's groups add up in every gold report, so its fifteen cells have one split only.
    assert all(g[3] is not None for e, g in pairs if g[0] == "appeals")
    # Where the printed table keeps the arithmetic, the arithmetic finds the one split of table 三.
    if not [f for f in check_report(expected) if f.is_error]:
        assert got.requests == expected.requests


def test_split_line() -> None:
    assert split_line("行政强制 76 -3 8844") == ["行政强制", "76", "-3", "8844"]
    assert split_line("规章000") == ["规章", "000"]
    assert split_line("政府集中采购 2711 309486424 元") == ["政府集中采购", "2711", "309486424 元"]
    assert split_line("2020年度政府信息公开") == ["2020年度政府信息公开"]
    assert split_line("（三）不予公开1.属于国家秘密0000000") == ["（三）不予公开1.属于国家秘密", "0000000"]
    assert split_line("00000004.保护第三方合法权益") == ["0000000", "4.保护第三方合法权益"]
    assert split_line("索引号 001008003009001/2021-29025")[-1].endswith("29025")


@pytest.mark.parametrize(
    ("text", "kind", "number", "unit"),
    [
        ("", CellKind.BLANK, 0, ""),
        ("\xa0 ", CellKind.BLANK, 0, ""),
        ("/", CellKind.DASH, 0, ""),
        ("——", CellKind.DASH, 0, ""),
        ("1,070", CellKind.NUMBER, 1070, ""),
        ("１２３", CellKind.NUMBER, 123, ""),
        ("－3", CellKind.NUMBER, -3, ""),
        ("271.53万元", CellKind.NUMBER, 271.53, "万元"),
        ("309486424 元", CellKind.NUMBER, 309486424, "元"),
        ("**12**", CellKind.NUMBER, 12, ""),
        ("180 1 0", CellKind.TEXT, None, ""),
        ("规章", CellKind.TEXT, None, ""),
    ],
)
def test_parse_cell(text: str, kind: CellKind, number: float | None, unit: str) -> None:
    value = parse_cell(text)
    assert (value.kind, value.number, value.unit) == (kind, number, unit)


def test_bad_text_input(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="empty"):
        read_text(tmp_path / "a.txt", b"  \n\n")
    with pytest.raises(UnreadableFile):
        read_text(tmp_path / "b.txt", bytes(range(256)) * 40)
    prose = "本机关认真贯彻落实条例。\n\n一、总体情况\n\n全年主动公开信息一千条。\n".encode()
    document = read_text(tmp_path / "c.txt", prose)
    assert not document.tables
    with pytest.raises(UnreadableFile, match="no statutory tables"):
        recognise(document)


def test_markdown_pipe_table_blocks(tmp_path: Path) -> None:
    text = "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n| 规章 | 1 | 0 | 5 |\n"
    document = read_text(tmp_path / "t.md", text.encode())
    assert document.format == "markdown"
    assert isinstance(document.blocks[0], TableBlock)
    assert [c.text for c in document.blocks[0].rows[1]] == ["规章", "1", "0", "5"]


def test_markdown_with_raw_html_tables() -> None:
    """Markdown dumps keep merged-cell tables as raw HTML: those are read by the HTML reader."""
    import re

    html = raw("shuyang").read_text(encoding="utf-8")
    tables = re.findall(r"<table\b.*?</table\s*>", html, re.S | re.I)[1:]
    parts = ["# 沭阳县发展和改革局2023年政府信息公开年度报告", "", "一、总体情况", "", "正文。", ""]
    for heading, table in zip(
        ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"),
        tables,
        strict=True,
    ):
        parts += [heading, "", table, ""]
    got = recognise(read_text(Path("report.md"), "\n".join(parts).encode("utf-8")))
    expected = Report.load(next(GOLD.glob("shuyang*.json")))
    assert list(got.cells()) == list(expected.cells())
    assert (got.agency, got.year) == (expected.agency, expected.year)
    assert (got.provenance or {})["requests.new_received[0]"].startswith("line ")


def test_other_cell_separators_on_one_line() -> None:
    assert split_line("规章\u30000\u30001\u30002") == ["规章", "0", "1", "2"]
    assert split_line("规章;0;1;2") == ["规章", "0", "1", "2"]
    assert split_line("行政强制，76，-3，8844") == ["行政强制", "76", "-3", "8844"]


def test_running_headers_and_footers_are_blanked_at_page_edges() -> None:
    """pdftotext -layout of a department page printed with a running header (portal, column,
    agency) and footer (title, print date) on every page: blanked at every page's edge, the page
    breaks kept, the first page's first line (where a title may stand) kept."""
    path = HOLDOUT4 / "pdftotext-layout" / "b2020-b~bureau.txt"
    lines = path.read_text("utf-8").split("\n")
    out = blank_running_lines(lines)
    gone = [lines[i].strip() for i in range(len(lines)) if out[i] != lines[i]]
    assert gone and all(("门户网站" in g or "打印日期" in g) for g in gone)
    assert sum("\f" in line for line in out) == sum("\f" in line for line in lines)
    assert out[0] == lines[0] and not any("政府信息公开专栏" in line for line in out)


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        # crawler text of a department page printing zeros as hyphens, run together with the figures
        ("（七）总计102----12", ["（七）总计", "102", "-", "-", "-", "-", "12"]),
        (
            "（二）部分公开（区分处理的只计这一情形，不计其他情形）-1----1",
            ["（二）部分公开（区分处理的只计这一情形，不计其他情形）", "-", "1", "-", "-", "-", "-", "1"],
        ),
        ("2.重复申请---1--1", ["2.重复申请", "-", "-", "-", "1", "-", "-", "1"]),
        # table 二 on that page: a hyphen ending the run is a cell (a minus stands before a figure)
        ("规章-47-", ["规章", "-", "47", "-"]),
        ("行政规范性文件---", ["行政规范性文件", "-", "-", "-"]),
        # …but one between two figures is 本年增/减's minus sign, and a run not ending in one is kept
        ("行政强制76-38844", ["行政强制76-38844"]),
        ("行政事业性收费-1", ["行政事业性收费", "-1"]),
        # a minus sign: table 二's 本年增/减, or a laid-out cell of its own
        ("行政强制 76 -3", ["行政强制", "76", "-3"]),
        ("行政事业性收费      1,587       -5", ["行政事业性收费", "1,587", "-5"]),
    ],
)
def test_hyphens_for_none_run_into_figures_are_cells(line: str, cells: list[str]) -> None:
    assert split_line(line) == cells


def test_a_crawlers_table_with_hyphens_for_none_is_read() -> None:
    """holdout4's crawler text (table 三 printing zeros as - run together): the rows are read."""
    report = read_report(HOLDOUT4 / "crawler" / "b2021-a~bureau.txt").report
    assert report is not None
    assert report.requests["new_received"] == [10, 2, 0, 0, 0, 0, 12]


@pytest.mark.parametrize("kind", ["crawler", "crawler-nospace"])
def test_a_crawlers_table_two_row_with_hyphens_for_none_is_read(kind: str) -> None:
    """holdout4's ``规章-47-`` (template 2021: three counts, none below zero): the hyphens are
    blank cells, 47 the middle one; it was lost as a label (no row 规章) before."""
    report = read_report(HOLDOUT4 / kind / "b2021-a~bureau.txt").report
    assert report is not None
    gold = json.loads((HOLDOUT4 / "gold" / "b2021-a.json").read_text(encoding="utf-8"))
    assert report.active["regulations"] == gold["active"]["regulations"] == {"made": 0, "repealed": 47, "in_force": 0}


def test_full_width_digits_read_as_figures() -> None:
    """holdout4's crawler text of a page printing table 四 in full-width digits (１１): read."""
    report = read_report(HOLDOUT4 / "crawler" / "b2020-c~bureau.txt").report
    assert report is not None
    assert (report.appeals["review"]["upheld"], report.appeals["review"]["total"]) == (7, 11)
