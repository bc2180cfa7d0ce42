"""Figures the report's prose states (新收政府信息公开申请 544 件 …), to weigh readings of its tables.

The template's section 一 and the sentences before tables 三 and 四 usually repeat a few totals:
applications received, carried over, processed and carried forward, and the numbers of
administrative reviews and lawsuits. They are no statutory equation (prose may round, or count
otherwise), so they only break ties between readings the arithmetic leaves open, and a table that
contradicts them is a doubt, never corrected.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from gongkai.ingest.document import Document
from gongkai.ingest.evidence import Evidence
from gongkai.report.equations import Cell, Value, balance, cell_value, total
from gongkai.report.model import Report

_N = r"\s*([0-9０-９]{1,7})\s*(?:件|个)"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("requests.new_received", re.compile(r"(?:新收|收到)(?:各类)?(?:政府信息公开)?申请(?:共|总计|合计)?" + _N)),
    ("requests.carried_over", re.compile(r"上年(?:度)?结转(?:政府信息公开申请)?" + _N)),
    ("requests.total_processed", re.compile(r"(?:办结|办理完毕|答复)(?:政府信息公开申请)?(?:共)?" + _N)),
    ("requests.carried_forward", re.compile(r"结转(?:至)?下(?:一)?年度?(?:继续)?(?:办理)?" + _N)),
    # (?:申请|提起)?行政复议 written out as alternatives of the same order: a pattern that starts
    # with an optional group is tried at every character of the text, one of literals only where
    # one of their first characters stands (several times faster on a report with no such figure).
    ("appeals.review", re.compile(r"(?:申请行政复议|提起行政复议|行政复议)(?:案件)?(?:共)?" + _N)),
    ("appeals.litigation", re.compile(r"(?:提起行政诉讼|行政诉讼)(?:案件)?(?:共)?" + _N)),
    # The cases of table 四 not yet closed, all groups together (尚未审结的9件案件结转至下年): only the
    # phrase naming them as cases, not 行政诉讼…其中尚未审结 3 件, which counts one kind only.
    ("appeals.pending", re.compile(r"尚未审结的" + _N + "案件")),
)
# The cells whose sum each stated figure repeats (行政诉讼: both groups of lawsuits); a figure of
# table 三 is its 总计 column, looked up per template.
_TOTAL = -1
STATED_TOTALS: dict[str, tuple[Cell, ...]] = {
    **{
        place: (Cell("requests", place.partition(".")[2], _TOTAL),)
        for place, _ in _PATTERNS
        if place.startswith("requests.")
    },
    "appeals.review": (Cell("appeals", "review", "total"),),
    "appeals.litigation": (
        Cell("appeals", "litigation_direct", "total"),
        Cell("appeals", "litigation_after_review", "total"),
    ),
    "appeals.pending": tuple(
        Cell("appeals", group, "pending") for group in ("review", "litigation_direct", "litigation_after_review")
    ),
}
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def _prose(document: Document, counted: bool) -> str:
    """The document's paragraphs joined, their blanks dropped (``counted``: only those holding a
    件); ``stated_active``, ``stated_figures``, ``stated_columns`` and ``stated_outcomes`` each ask."""
    return _joined(tuple(block.text for block in document.paragraphs), counted)


@lru_cache(maxsize=4)  # the two joins of the report being read (keyed by its texts: never stale)
def _joined(texts: tuple[str, ...], counted: bool) -> str:
    return "".join("".join(text.split()) for text in texts if not counted or "件" in text)


def stated_figures(document: Document) -> dict[str, int]:
    """The totals the prose states, by the table place they repeat (first statement of each)."""
    # Lines of a paragraph wrapped by a PDF converter are joined (结转下年度继 / 续办理 2 件): every
    # statement ends in 件, so lines without one hold none.
    text = _prose(document, counted=True)
    found: dict[str, int] = {}
    for place, pattern in _PATTERNS:
        match = pattern.search(text)
        if match is not None:
            found[place] = int(match.group(1).translate(_FULL_WIDTH))
    return found


# A row of table 三's outcomes the prose often counts too (办结 908 件，其中予以公开 0 件); not one of
# the totals ``doubt_against_prose`` weighs every table against, only a figure for the reader of a
# Word table's vanished blanks (``stated_rows``).
_GRANTED = re.compile(r"(?<![部分不])予以公开" + _N)


def stated_outcomes(document: Document) -> dict[str, int]:
    """The 予以公开 total the prose states (its first statement), as ``stated_figures`` places it."""
    text = _prose(document, counted=True)
    match = _GRANTED.search(text)
    return {"requests.granted": int(match.group(1).translate(_FULL_WIDTH))} if match else {}


def stated_columns(document: Document, first: Sequence[str]) -> dict[tuple[str, int], int]:
    """Figures of table 三's first column the prose states for its first row (本年度新收政府信息公开申请
    3400件，其中自然人2786件; ``first``: the column's titles): {(row key, column): figure}. Like the
    totals, they only decide between readings the arithmetic leaves equal, and say so."""
    text = _prose(document, counted=True)
    names = "|".join(re.escape(name) for name in first if name)
    if not names or "其中" not in text:
        return {}
    received = _PATTERNS[0][1].pattern
    # 其中自然人2786件, or with the verb: 其中自然人提出16件
    match = re.search(received + r"[，,]?其中(?:" + names + r")(?:提出|申请)?" + _N, text)
    return {("new_received", 0): int(match.group(2).translate(_FULL_WIDTH))} if match else {}


# Table 二's documents as the prose often counts them (2020 年共发布规范性文件 47 条, 主动公开县政府
# 规范性文件28件): the row key, and the pattern whose groups are the verb and the figure.
_ACTIVE_WORDS = (("normative_documents", "规范性文件"), ("regulations", "(?<!部门)规章"))
_ACTIVE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (
        key,
        re.compile(
            r"(发布|公开|制发|印发|出台|制定)[^。；，,、：:0-9０-９]{0,12}?"
            + words
            + r"(?:共计|共|合计)?([0-9０-９]{1,5})(?:件|条|个|份|篇)"
        ),
    )
    for key, words in _ACTIVE_WORDS
)
# Where a statement can end: its words right before its figure. A statement begins at most
# _VERB_REACH characters before them, so each pattern is searched from there (the prose before is
# ``公开`` after ``公开``, each tried for twelve characters, and holds no statement).
_ACTIVE_ANCHORS = tuple(
    re.compile(words.rpartition(")")[2] + r"(?:共计|共|合计)?[0-9０-９]") for _, words in _ACTIVE_WORDS
)
_VERB_REACH = 2 + 12
# Which cell of the row a verb counts: published (2019: 本年新公开) or made (本年新制作; 2021's
# 本年制发 either way), the first of these keys the row has.
_PUBLISHED = ("new_published", "made")
_MADE = ("new_made", "made")


def stated_active(document: Document) -> dict[str, tuple[int, tuple[str, ...]]]:
    """Figures the prose states for a row of table 二 (its documents made or published this
    year), by row key: the figure and the cells it may count (the first statement of each). Not
    an equation either: a reader of a run of that row's figures may prefer the one cut holding
    the figure there, and says so."""
    text = _prose(document, counted=False)
    found: dict[str, tuple[int, tuple[str, ...]]] = {}
    for (key, pattern), anchor in zip(_ACTIVE_PATTERNS, _ACTIVE_ANCHORS, strict=True):
        ending = anchor.search(text)
        if ending is None:
            continue  # (no statement ends anywhere: none begins)
        match = pattern.search(text, max(0, ending.start() - _VERB_REACH))
        if match is not None:
            keys = _PUBLISHED if match.group(1) in ("发布", "公开") else _MADE
            found[key] = (int(match.group(2).translate(_FULL_WIDTH)), keys)
    return found


def agrees(cells: tuple[Cell, ...], said: int, value: Callable[[Cell], Value]) -> bool | None:
    """Do ``cells`` add up to the figure the prose states? None when one of them is unknown."""
    return balance([value(c) for c in cells], [said])


def doubt_against_prose(report: Report, stated: dict[str, int], evidence: Evidence) -> None:
    """Name in ``uncertain`` every table total the prose states otherwise (a table read as all 0
    while the text says 行政复议 3 件 is a doubt, not a reading)."""
    last = report.template.total_column

    def value(cell: Cell) -> Value:
        return cell_value(report, cell._replace(column=last) if cell.column == _TOTAL else cell)

    for place, said in stated.items():
        cells = STATED_TOTALS.get(place)
        if cells is None or agrees(cells, said, value) is not False:
            continue
        got = total([value(c) for c in cells])
        cell = place if place not in ("appeals.litigation", "appeals.pending") else "appeals"
        evidence.doubt_more(cell, f"正文称 {said} 件，表中读为 {got}", f"the text states {said}, the table reads {got}")
