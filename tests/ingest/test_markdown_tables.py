"""Issue 9: tables a PDF-to-Markdown converter did not set as pipe tables, on real converter output.

pymupdf4llm sets a table drawn without rules as paragraphs (``信息内容 本年制发件数本年废止件数
现行有效件数 规章 17543 1634 40009 行政规范性文件 46033 2462 46033``); markitdown sets a Word
table's row label after the row's figures (``| | 26 | | 6 | 25 |`` then ``其他对外管理服务事项``),
a row without its pipes beside the table (``行政许可 84``), or the row's figure inside the label's
cell (``| 行政许可 806 | | |``, ``…仍不明确26 | | 0 |``). Each variant below rewrites the
pymupdf4llm output of gongkai's own reports (``wild/fixtures``) the way those converters print, and
the reading must stay right cell by cell, with no wrong value outside ``uncertain``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from gongkai.ingest.document import TableBlock
from gongkai.ingest.runon import table_paragraph
from gongkai.ingest.text import read_text
from gongkai.ingest.vocabulary import is_active_row

from .wild.scoring import FIXTURES, GOLD, SCORER, _flagged, read_fixture, scorer

_ITEM = re.compile(r"^\|\*\*(第二十条第（.）项)\*\*")


def _cells(line: str) -> list[str]:
    return [c.replace("**", "").strip() for c in line.strip().strip("|").split("|")]


def _active_lines(lines: list[str]) -> range:
    """The lines of table 二 (its first item row to the last row before a blank line)."""
    start = next(i for i, line in enumerate(lines) if _ITEM.match(line))
    end = start
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return range(start, end)


def as_paragraphs(text: str) -> str:
    """Table 二 as pymupdf4llm prints a rule-less table: a paragraph per item (its header and its
    rows run together, cells apart by spaces), the item's heading a paragraph of its own."""
    lines = text.split("\n")
    span = _active_lines(lines)
    out: list[str] = []
    paragraph: list[str] = []
    for i in span:
        if lines[i].startswith("|---"):
            continue
        cells = [c for c in _cells(lines[i]) if c]
        if _ITEM.match(lines[i]):
            if paragraph:
                out += [" ".join(paragraph), ""]
            out += [f"**{cells[0]}**", ""]
            paragraph = []
        elif cells[0] == "信息内容":
            paragraph.append("信息内容 " + "".join(cells[1:]))
        else:
            paragraph.append(" ".join(cells))
    out += [" ".join(paragraph), ""]
    return "\n".join([*lines[: span.start], *out, *lines[span.stop :]])


def labels_after(text: str) -> str:
    """Each row of table 二 printed as its figures under an empty label cell, its label on the
    line after (markitdown on a Word table whose label cells sit low)."""
    lines = text.split("\n")
    span = _active_lines(lines)
    out: list[str] = []
    for i in span:
        cells = _cells(lines[i])
        if is_active_row(cells[0]):
            out += ["|" + "|".join(["", *cells[1:]]) + "|", cells[0]]
        else:
            out.append(lines[i])
    return "\n".join([*lines[: span.start], *out, *lines[span.stop :]])


def rows_without_pipes(text: str) -> str:
    """Each row of table 二 printed without its pipes, between the table's pipe rows."""
    lines = text.split("\n")
    span = _active_lines(lines)
    out: list[str] = []
    for i in span:
        cells = _cells(lines[i])
        out.append(" ".join(c for c in cells if c) if is_active_row(cells[0]) else lines[i])
    return "\n".join([*lines[: span.start], *out, *lines[span.stop :]])


_REQUEST_ROW = re.compile(r"^\|(.*[\u4e00-\u9fff）])\|(\d+)\|")


def figure_in_label(text: str) -> str:
    """Every other row of table 三 with its first figure run into its label's cell and that
    figure's cell left empty (``|…仍不明确26||0|17|``); table 二's single-figure rows with the
    figure after the label in one cell (``|行政许可 806|||``)."""
    lines = text.split("\n")
    span = _active_lines(lines)
    for i in span:
        cells = _cells(lines[i])
        figures = [c for c in cells[1:] if c]
        if is_active_row(cells[0]) and len(figures) == 1:
            lines[i] = f"|{cells[0]} {figures[0]}|" + "|" * (len(cells) - 1)
    rows = [i for i, line in enumerate(lines) if i >= span.stop and _REQUEST_ROW.match(line)]
    for i in rows[::2]:
        lines[i] = _REQUEST_ROW.sub(lambda m: f"|{m.group(1)}{m.group(2)}||", lines[i], count=1)
    return "\n".join(lines)


_LAST_REQUEST_ROW = re.compile(r"^\|(四、结转下年度继续办理)\|(.*)$", re.MULTILINE)


def last_label_after(text: str) -> str:
    """Table 三's last row printed as its figures under empty label cells, its label on a line of
    its own under the table (markitdown on a Word table whose label cell sits low)."""
    return _LAST_REQUEST_ROW.sub(lambda m: f"||{m.group(2)}\n{m.group(1)}", text, count=1)


VARIANTS: dict[str, Callable[[str], str]] = {
    "last_label_after": last_label_after,
    "paragraphs": as_paragraphs,
    "labels_after": labels_after,
    "rows_without_pipes": rows_without_pipes,
    "figure_in_label": figure_in_label,
}


@pytest.mark.skipif(not SCORER.exists(), reason=f"the shared scorer is not at {SCORER}")
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_tables_the_converter_did_not_pipe_read_right(tmp_path: Path, variant: str) -> None:
    failures: list[str] = []
    unflagged: list[str] = []
    changed = 0
    sources = sorted((FIXTURES / "pymupdf4llm").iterdir())
    for source in sources:
        original = source.read_text(encoding="utf-8")
        text = VARIANTS[variant](original)
        changed += text != original
        path = tmp_path / source.name
        path.write_text(text, encoding="utf-8")
        gold = json.loads((GOLD / f"{source.stem}.json").read_text(encoding="utf-8"))
        pred = read_fixture(path)
        _, wrong, missing, *_ = scorer().score(gold, pred)
        if wrong or missing:
            failures.append(f"{source.stem}: {[c for c, *_ in wrong + missing][:4]}")
        unflagged += [f"{source.stem}: {c}" for c, *_ in wrong if not _flagged(c, pred.get("uncertain", []))]
    assert changed == len(sources) >= 8
    assert not unflagged, unflagged[:10]
    assert not failures, "\n".join(failures)


def test_a_table_paragraph_is_cut_into_rows() -> None:
    line = (
        "信息内容 本年制发件数本年废止件数现行有效件数 规章 17543 1634 40009 "
        "行政规范性文件 46033 2462 46033 **第二十条第（五）项**"
    )
    assert table_paragraph(line) == [
        "信息内容",
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "规章 17543 1634 40009",
        "行政规范性文件 46033 2462 46033",
        "第二十条第（五）项",
    ]
    assert table_paragraph("行政事业性收费 1577 3 **第二十条第（九）项**") == [
        "行政事业性收费 1577 3",
        "第二十条第（九）项",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "（一）依申请公开。全年共收到政府信息公开申请 16852 件，上年结转 546 件，已全部依法依规答复办结 15916 件。",
        "本年度行政许可 806 件，行政处罚 166 件。",
        "2021 年，县人民政府办公室深入贯彻落实《中华人民共和国政府信息公开条例》。",
        "|规章|17543|1634|40009|",
        "行政许可 806",
        "## **二、主动公开政府信息情况**",
    ],
)
def test_prose_and_rows_are_no_table_paragraph(line: str) -> None:
    assert table_paragraph(line) is None


def test_a_label_printed_alone_gives_way_to_its_row_of_figures() -> None:
    """``（七）总计`` alone, then ``（七）总计 375 0 203 24 0 92 694`` (pymupdf4llm repeating a
    label at a page's foot): the row is the one with the figures, not a row of blanks."""
    from gongkai.ingest.recognise import recognise

    rows = "\n".join(
        f"|{label}|" + "|".join(str(v) for v in values) + "|"
        for label, values in [
            ("一、本年新收政府信息公开申请数量", [365, 0, 209, 22, 0, 86, 682]),
            ("二、上年结转政府信息公开申请数量", [43, 0, 6, 2, 0, 10, 61]),
        ]
    )
    text = (
        "|项目|自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|\n|---|---|---|---|---|---|---|---|\n"
        f"{rows}\n\n（七）总计\n\n（七）总计 375 0 203 24 0 92 694 四、结转下年度继续办理 33 0 12 0 0 4 49\n"
    )
    document = read_text(Path("r.md"), text.encode("utf-8"))
    assert any(isinstance(b, TableBlock) for b in document.blocks)
    report = recognise(document)
    assert report.requests["total_processed"] == [375, 0, 203, 24, 0, 92, 694]


def test_a_row_label_under_the_table_joins_the_figures_above_it() -> None:
    """``| | | 0 | | 0 |`` then ``四、结转下年度继续办理`` under the table: one row, label first;
    while a label over a row of figures that has no label stays that row's (read as before)."""
    head = "|项目|自然人|商业企业|其他|总计|\n|---|---|---|---|---|\n|（七）总计|20|5|2|27|\n"
    after = read_text(Path("a.md"), (head + "|||0||0|\n四、结转下年度继续办理\n\n## 四、政府信息公开").encode())
    rows = [[c.text for c in row] for b in after.blocks if isinstance(b, TableBlock) for row in b.rows]
    assert ["四、结转下年度继续办理", "", "0", "", "0"] in rows
    before = read_text(Path("b.md"), (head + "四、结转下年度继续办理\n|||0||0|\n").encode())
    rows = [[c.text for c in row] for b in before.blocks if isinstance(b, TableBlock) for row in b.rows]
    assert not any(row[0] == "四、结转下年度继续办理" and "0" in row for row in rows)


def test_a_title_in_a_table_row_and_the_overview_year() -> None:
    """markitdown sets a page's metadata box (with the title) as a pipe table; pymupdf4llm drops a
    title set as a picture: the agency and year then come from that row, or the year from the
    overview's opening sentence, each with a note that puts it in ``uncertain``."""
    from gongkai.ingest.meta import identify

    boxed = (
        "| 名称 | 海盐县人民政府2020年政府信息公开工作年度报告 |\n| --- | --- |\n"
        "| 索引号 | 014314799/2021-00002 |\n| 公开日期 | 2021-01-17 |\n\n一、总体情况\n\n正文。\n"
    )
    found = identify(read_text(Path("a.md"), boxed.encode()))
    assert (found.agency, found.year) == ("海盐县人民政府", 2020)
    assert {note.split(":")[0] for note in found.notes} == {"agency", "year"}
    opened = "## 一、总体情况\n\n2020年，海盐县人民政府深入贯彻落实《条例》。\n"
    found = identify(read_text(Path("b.md"), opened.encode()))
    assert (found.agency, found.year) == ("海盐县人民政府", 2020)
    assert {note.split(":")[0] for note in found.notes} == {"agency", "year"}
    mine = "## 一、总体情况\n\n2021年，我局深入贯彻落实《条例》。\n"
    found = identify(read_text(Path("c.md"), mine.encode()))
    assert (found.agency, found.year) == (None, 2021)


def test_a_one_figure_row_of_table_two_set_as_a_paragraph_is_a_row() -> None:
    """pymupdf4llm sets table 二's last item as paragraphs under a heading of its own
    (``## **第二十条第（八）项**`` · ``信息内容 本年收费金额（单位：万元）`` · ``行政事业性收费 1201.76``):
    the row's one figure is the whole row, read as a row of the table."""
    text = (
        "## **第二十条第（八）项**\n\n信息内容 本年收费金额（单位：万元）\n\n行政事业性收费 1201.76\n\n"
        "## **三、收到和处理政府信息公开申请情况**\n"
    )
    doc = read_text(Path("a.md"), text.encode())
    rows = [[c.text for c in row] for b in doc.blocks if isinstance(b, TableBlock) for row in b.rows]
    assert any(row[-2:] == ["行政事业性收费", "1201.76"] for row in rows)
