"""Figures the report's prose states (新收政府信息公开申请 544 件 …), to weigh readings of its tables.

The template's section 一 and the sentences before tables 三 and 四 usually repeat a few totals:
applications received, carried over, processed and carried forward, and the numbers of
administrative reviews and lawsuits. They are no statutory equation (prose may round, or count
otherwise), so they only break ties between readings the arithmetic leaves open, and a table that
contradicts them is a doubt, never corrected.
"""

from __future__ import annotations

import re

from gongkai.ingest.document import Document
from gongkai.ingest.evidence import Evidence
from gongkai.report.model import Report

_N = r"\s*([0-9０-９]{1,7})\s*(?:件|个)"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("requests.new_received", re.compile(r"(?:新收|收到)(?:各类)?(?:政府信息公开)?申请(?:共|总计|合计)?" + _N)),
    ("requests.carried_over", re.compile(r"上年(?:度)?结转(?:政府信息公开申请)?" + _N)),
    ("requests.total_processed", re.compile(r"(?:办结|办理完毕|答复)(?:政府信息公开申请)?(?:共)?" + _N)),
    ("requests.carried_forward", re.compile(r"结转(?:至)?下(?:一)?年度?(?:继续)?(?:办理)?" + _N)),
    ("appeals.review", re.compile(r"(?:申请|提起)?行政复议(?:案件)?(?:共)?" + _N)),
    ("appeals.litigation", re.compile(r"(?:提起)?行政诉讼(?:案件)?(?:共)?" + _N)),
)
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def stated_figures(document: Document) -> dict[str, int]:
    """The totals the prose states, by the table place they repeat (first statement of each)."""
    # Lines of a paragraph wrapped by a PDF converter are joined (结转下年度继 / 续办理 2 件): every
    # statement ends in 件, so lines without one hold none.
    text = "".join("".join(block.text.split()) for block in document.paragraphs if "件" in block.text)
    found: dict[str, int] = {}
    for place, pattern in _PATTERNS:
        match = pattern.search(text)
        if match is not None:
            found[place] = int(match.group(1).translate(_FULL_WIDTH))
    return found


def doubt_against_prose(report: Report, stated: dict[str, int], evidence: Evidence) -> None:
    """Name in ``uncertain`` every table total the prose states otherwise (a table read as all 0
    while the text says 行政复议 3 件 is a doubt, not a reading)."""
    total = report.template.total_column
    for place, said in stated.items():
        table, _, row = place.partition(".")
        if table == "requests":
            got = report.requests[row][total]
            cell = f"requests.{row}"
        elif row == "review":
            got = report.appeals["review"]["total"]
            cell = "appeals.review"
        else:
            parts = [report.appeals[g]["total"] for g in ("litigation_direct", "litigation_after_review")]
            got = None if None in parts else sum(v or 0 for v in parts)
            cell = "appeals"
        if got is not None and got != said:
            evidence.doubt_more(cell, f"正文称 {said} 件，表中读为 {got}",
                                f"the text states {said}, the table reads {got}")
