"""The recogniser's shortcuts of issue 9's session 18 give what the full work gives.

Each is checked against the work it replaced, written out here as it was, on every document of
the corpus and two fixtures of every class (``test_read_speed_gates._real_inputs``) and on texts
made to reach its edges.
"""

from __future__ import annotations

from collections import Counter

import pytest

from gongkai.ingest import band_blocks, report_titles, serials, spread_labels, stated
from gongkai.ingest.column_parts import _width
from gongkai.ingest.document import Cell, Document, TableBlock, TextBlock, UnreadableFile
from gongkai.ingest.identity_fallbacks import _PERIOD, _period_year
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.read import read_document
from gongkai.ingest.records import (
    REQUESTS,
    _label_hits,
    _laid_out,
    _later_table_at,
    _tables_hit,
    _token_hits,
    cached_bare,
    read_records,
    split_tables,
)
from gongkai.ingest.request_rows import request_records
from gongkai.ingest.section_headings import clean_line, match_section_heading
from tests.ingest.test_read_speed_gates import _real_inputs


def _documents() -> list[Document]:
    found = []
    for path in _real_inputs():
        try:
            found.append(read_document(path))
        except UnreadableFile:
            continue
    assert len(found) > 20
    return found


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return _documents()


def _period_as_it_was(text: str) -> int | None:
    match = _PERIOD.search(clean_line(text))
    return int(match.group(1)) if match else None


_MADE_PERIODS = (
    "本报告所列数据统计期限自2019年1月1日起至2019年12月31日止。",
    "本报告所列数据的统计期限 自 2 0 2 0 年 1 月 1 日起",  # blanks between every character
    "统计时间：" + " " * 300 + "2021年1月1日至12月31日",  # a long run of blanks inside the match
    "统计工作扎实推进。统计时限为２０２２年全年",  # a 统 that starts no match, then full-width digits
    "**统计期限自2023年1月1日起**",
    "统计期限" + "自" * 13 + "2019年",  # one character too far: no match either way
    "按统计口径，数据统计期限为\u30002024\u3000年度。",
    "统",
    "统计期限至",
    "统计期限：本报告所列全部数据均自2019年1月1日起",  # the longest match: twelve characters between
    "统 计 期 限 ： 本 报 告 所 列 全 部 数 据 均 自 2 0 1 9 年 1 月 1 日 起",
)


def test_period_year_reads_as_cleaning_the_whole_paragraph(documents: list[Document]) -> None:
    texts = [block.text for document in documents for block in document.paragraphs if "统" in block.text]
    assert any(_period_as_it_was(text) is not None for text in texts)
    for text in [*texts, *_MADE_PERIODS]:
        assert _period_year(text) == _period_as_it_was(text), text[:80]


def _active_as_it_was(text: str) -> dict[str, tuple[int, tuple[str, ...]]]:
    found: dict[str, tuple[int, tuple[str, ...]]] = {}
    for key, pattern in stated._ACTIVE_PATTERNS:
        match = pattern.search(text)
        if match is not None:
            keys = stated._PUBLISHED if match.group(1) in ("发布", "公开") else stated._MADE
            found[key] = (int(match.group(2).translate(stated._FULL_WIDTH)), keys)
    return found


_MADE_STATEMENTS = (
    "全年公开政府信息1200条。2020年共发布规范性文件47条，制定部门规章3件，出台规章2件。",
    "印发" + "县政府办公室关于推进各类" + "规范性文件12件",  # the verb fourteen characters before the words
    "印发" + "县政府办公室关于推进各类事" + "规范性文件12件",  # fifteen: too far
    "公开规范性文件共计１２件；" + "公开" * 40 + "规章0个",
    "规范性文件12件，此前发布了规章",  # the words before any verb
    "部门规章5件，发布规章6件",  # the look-behind of 规章 before the search's start
)


def test_active_statements_read_as_searching_the_whole_prose(documents: list[Document]) -> None:
    texts = [stated._prose(document, counted=False) for document in documents]
    assert any(_active_as_it_was(text) for text in texts)
    for text in [*texts, *_MADE_STATEMENTS]:
        document = Document(source="made", format="text", blocks=[TextBlock(text, "line 1")])
        assert stated.stated_active(document) == _active_as_it_was(stated._prose(document, counted=False)), text[:80]


def test_label_caches_give_each_labels_own_answer(documents: list[Document]) -> None:
    records = [record for document in documents for record in read_records(document)]
    assert sum(len(r.labels) > 1 for r in records) > 50
    for record in records:
        hits = [_token_hits(t.text, _laid_out(t)) for t in record.labels]
        assert _tables_hit(record) == tuple(sum(h[i] for h in hits) for i in range(3))
        # where the labels run from one table's into a later one's (the first label of a later
        # table alone, four characters or more, after labels of earlier tables only)
        before = [0, 0, 0]
        cut = None
        for i, token in enumerate(record.labels):
            own = _label_hits(token.text)
            owner = [t for t in range(3) if own[t]]
            if (
                i
                and any(before)
                and len(owner) == 1
                and len(cached_bare(token.text)) >= 4
                and not before[owner[0]]
                and any(before[t] for t in range(owner[0]))
            ):
                cut = i
                break
            before = [b + h for b, h in zip(before, own, strict=True)]
        if len(record.labels) > 1:
            assert _later_table_at(tuple(t.text for t in record.labels)) == cut


def test_width_is_the_most_common_count_of_printed_figures(documents: list[Document]) -> None:
    for document in documents:
        raw = request_records(split_tables(read_records(document))[REQUESTS])[0]
        counts = Counter(
            len([t for t in found.values if t.value.kind is not CellKind.BLANK and t.value.is_value])
            for found in raw.values()
        )
        assert _width(raw) == (counts.most_common(1)[0][0] if counts else 0)


def test_band_blocks_zero_gate_shuts_only_where_the_blocks_would(documents: list[Document]) -> None:
    shut = 0
    for document in documents:
        records = split_tables(read_records(document))[REQUESTS]
        if not band_blocks._prints_zero(records):
            continue
        shut += 1
        printed = band_blocks.printed_blocks(records)
        # the reader returns where no blocks are read, or where a figure among them prints 0
        assert printed is None or any(
            t.value.kind is not CellKind.DASH and t.value.amount == 0 for t in printed.figures
        )
    assert shut > 10


def _procedure_table() -> Document:
    """A table whose first cells hold 序 without heading a 序号 column (行政程序 · 办理程序)."""
    rows = [
        [Cell("行政程序", "r1 c1"), Cell("1", "r1 c2"), Cell("2", "r1 c3")],
        [Cell("1", "r2 c1"), Cell("办理程序", "r2 c2"), Cell("3", "r2 c3")],
        [Cell("2", "r3 c1"), Cell("其他", "r3 c2"), Cell("4", "r3 c3")],
    ]
    return Document(source="made", format="html", blocks=[TableBlock(rows, "table 1")])


def test_serial_gate_shuts_only_where_no_table_is_numbered(documents: list[Document]) -> None:
    passed_first = 0
    for document in [*documents, _procedure_table()]:
        if any(t.piped or serials._headed(t) for t in document.tables):
            continue
        tables = document.tables
        passed_first += any(serials.SERIAL_HEADER[0] in row[0].text for t in tables for row in t.rows if row)
        # with no table numbered, no number is carried to the next: each is read as printed
        assert all(serials._numbered(serials._blank_led(t), None) is None for t in tables)
        assert serials.without_serials(document) is document
    assert passed_first  # a 序 (程序) in a first cell: what the second gate is for


def test_title_candidates_are_tried_in_the_order_they_were_listed(documents: list[Document]) -> None:
    # identify's candidates, made one at a time, in the order the list of them had
    for document in documents:
        texts = document.paragraphs
        at = next((i for i, b in enumerate(texts) if match_section_heading(b.text)), len(texts))
        head = texts[: max(at, 1)][:60]
        listed: list[tuple[str, str, object]] = []
        for i, block in enumerate(head):
            listed.append((block.text, block.where, head[i - 1] if i else None))
            if len(block.text) > report_titles._LONG_LINE and "报" in block.text:
                listed.extend(
                    (m.group().replace(" ", ""), block.where, None)
                    for m in report_titles._TITLE_IN_LINE.finditer(block.text)
                )
            lead = report_titles._title_before_body(block.text)
            if lead is not None:
                listed.append((lead, block.where, head[i - 1] if i else None))
            long = len(block.text) > report_titles._LONG_LINE
            run_in = report_titles._TITLE_RUN_IN.search(block.text) if long else None
            if run_in is not None:
                start = max(0, run_in.end() - report_titles._LONG_LINE)
                listed.append((block.text[start : run_in.end()], block.where, None))
            if (
                i + 1 < len(head)
                and report_titles.parse_title(block.text) is None
                and report_titles.parse_title(head[i + 1].text) is None
            ):
                listed.append((block.text + head[i + 1].text, block.where, head[i - 1] if i else None))
                if (
                    i + 2 < len(head)
                    and report_titles._BOX_LABEL.fullmatch(clean_line(head[i + 1].text))
                    and report_titles.parse_title(head[i + 2].text) is None  # not a box's field above a whole title
                ):
                    listed.append((block.text + head[i + 2].text, block.where, head[i - 1] if i else None))
        if document.title:
            listed.append((report_titles.SITE_TAIL.sub("", document.title), "title", None))
        assert list(report_titles.title_candidates(head, document.title, report_titles.parse_title)) == listed


def test_spread_label_gates_find_what_the_run_pattern_finds() -> None:
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in _real_inputs() if path.suffix == ".txt"]
    made = ["自 然 人", "规\u3000章 12", "3 . 其 他", "某县人民政府 2020年", "abc d e", "行 政 许 可 15 3"]
    lines = [line for text in [*texts, *made] for line in text.split("\n")]
    assert any(spread_labels._SPREAD.search(line) for line in lines)
    for text in [*texts, *made]:
        assert spread_labels.has_spread_labels(text) == (spread_labels._SPREAD.search(text) is not None)
    for line in lines:
        assert spread_labels.spread_labels_closed(line) == spread_labels._SPREAD.sub(spread_labels._closed, line)


def test_spread_labels_closed_in_the_lines_joined_as_line_by_line() -> None:
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in _real_inputs() if path.suffix == ".txt"]
    texts += ["规 章 1 2\n自 然 人\n3 . 其 他 4\n\n2020年 我办", "行 政 许 可\u300015\n13.其 他"]
    for text in texts:
        lines = text.split("\n")
        joined = spread_labels.spread_labels_closed("\n".join(lines)).split("\n")
        assert joined == [spread_labels.spread_labels_closed(line) for line in lines]
