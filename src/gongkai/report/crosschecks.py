"""Rules a supervisor runs over published reports, beyond one report's arithmetic.

Each is a named rule (registered in ``checks.RULES``) giving findings with their place, numbers
and a Chinese and English message, as the statutory checks do:

* ``text.figure_vs_table`` — a figure the narrative states (共收到申请 N 件, 行政复议 N 件, 行政诉讼
  N 件, 未收到申请) that no reading of tables 三/四 gives;
* ``sections.missing`` / ``sections.empty`` / ``sections.order`` — a statutory part absent, a
  narrative part with nothing in it (第五部分 “无”), the parts printed out of order;
* ``text.fees_vs_desk`` — the narrative says no fee was charged (or names a sum) while the desk
  collected another amount (table 二's 行政事业性收费 is an agency's charges in general, not the
  information-processing fee, so it is not compared);
* ``series.repeated_text`` — a narrative part nearly the same as the agency's previous report;
* ``region.hierarchy`` / ``region.missing_child`` — a government's figures against the sum of its
  departments' and towns' reports, and the children with no report;
* ``report.late`` — signed after the statutory date (条例 第四十九条: departments 1月31日,
  governments 3月31日);
* ``computed.cell`` — a published cell against the platform's count from the cases, with the
  cases behind the count.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .checks import _finding, _rule
from .findings import Finding, Severity
from .model import Report
from .narrative import Stated, stated_figures
from .templates import SECTIONS, TEMPLATE_2021

TEXT_FIGURE = _rule(
    "text.figure_vs_table", Severity.WARNING, "正文所述数字与表格不符", "a figure in the text differs from the tables"
)
SECTION_MISSING = _rule("sections.missing", Severity.WARNING, "缺少法定的报告部分", "a statutory part is missing")
SECTION_EMPTY = _rule("sections.empty", Severity.WARNING, "报告部分没有内容", "a part of the report is empty")
SECTION_ORDER = _rule("sections.order", Severity.INFO, "报告各部分顺序不符合模板", "the parts are out of order")
FEES_VS_DESK = _rule(
    "text.fees_vs_desk",
    Severity.WARNING,
    "正文所述收费与办理记录不符",
    "the fees stated differ from the desk's records",
)
REPEATED = _rule(
    "series.repeated_text", Severity.WARNING, "与上一年度报告内容高度重复", "nearly the same text as last year's report"
)
HIERARCHY = _rule(
    "region.hierarchy",
    Severity.WARNING,
    "政府报告数字与所属部门、乡镇报告之和不符",
    "a government's figures differ from the sum of its departments' and towns'",
)
MISSING_CHILD = _rule(
    "region.missing_child", Severity.WARNING, "下属机关未发布年度报告", "an agency below has published no report"
)
LATE = _rule("report.late", Severity.WARNING, "未在法定期限内发布年度报告", "published after the statutory date")
COMPUTED = _rule(
    "computed.cell",
    Severity.ERROR,
    "发布的报告与办理记录统计不符",
    "the published report differs from the count of the cases",
)

NARRATIVE_PARTS = ("一", "五")  # parts that are text only: an empty one says nothing (六 may well be 无)
REPETITION_THRESHOLD = 0.8
SHINGLE = 5


# ---------------------------------------------------------------------------------------------
# The text against the tables
# ---------------------------------------------------------------------------------------------


def _readings(report: Report, subject: str) -> dict[str, int] | None:
    """What the tables give for a subject, each reading named; None when a cell is unknown."""
    total = report.template.total_column
    requests = report.requests
    if subject == "received":
        new, old = requests["new_received"][total], requests["carried_over"][total]
        if new is None:
            return None
        readings = {"new_received": new}
        if old is not None:
            readings["new_received+carried_over"] = new + old  # “受理” often counts both
        return readings
    if subject == "processed":
        done = requests["total_processed"][total]
        return None if done is None else {"total_processed": done}
    groups = report.appeals
    if subject == "review":
        value = groups["review"]["total"]
        return None if value is None else {"review.total": value}
    if subject == "litigation":
        direct, after = groups["litigation_direct"]["total"], groups["litigation_after_review"]["total"]
        if direct is None or after is None:
            return None
        return {
            "litigation_direct.total": direct,
            "litigation_after_review.total": after,
            "litigation.total": direct + after,
        }
    return None


_PLACES = {
    "received": ("requests", "new_received"),
    "processed": ("requests", "total_processed"),
    "review": ("appeals", "review"),
    "litigation": ("appeals", "litigation_direct"),
}
_SUBJECT_ZH = {"received": "收到申请", "processed": "办结申请", "review": "行政复议", "litigation": "行政诉讼"}
_SUBJECT_EN = {
    "received": "applications received",
    "processed": "applications processed",
    "review": "administrative reviews",
    "litigation": "lawsuits",
}


def check_text_figures(report: Report) -> list[Finding]:
    """Each figure of the narrative that no reading of the tables gives."""
    findings = []
    for stated in stated_figures(report.sections):
        readings = _readings(report, stated.subject)
        if readings is None or stated.value in readings.values():
            continue
        table, row = _PLACES[stated.subject]
        column = report.template.total_column if table == "requests" else "total"
        shown = "，".join(f"{k} = {v}" for k, v in readings.items())
        findings.append(
            _finding(
                TEXT_FIGURE,
                report,
                table,
                row,
                column,
                {"stated": stated.value, "tables": readings, "section": stated.section, "quote": stated.quote},
                f"第{stated.section}部分称{_SUBJECT_ZH[stated.subject]} {stated.value:g} 件（“{stated.quote[:60]}”），"
                f"表格为 {shown}",
                f"part {stated.section} states {stated.value:g} {_SUBJECT_EN[stated.subject]}, "
                f"the tables give {', '.join(f'{k} = {v}' for k, v in readings.items())}",
            )
        )
    return findings


def check_fees_against_desk(report: Report, desk_fees_yuan: float) -> list[Finding]:
    """The narrative's fee statements against what the desk collected for the year (元)."""
    findings = []
    for stated in stated_figures(report.sections):
        if stated.subject != "fees" or abs(stated.value - desk_fees_yuan) < 0.005:
            continue
        findings.append(
            _finding(
                FEES_VS_DESK,
                report,
                "sections",
                stated.section,
                None,
                {"stated_yuan": stated.value, "desk_yuan": desk_fees_yuan, "quote": stated.quote},
                f"第{stated.section}部分称收费 {stated.value:g} 元（“{stated.quote[:60]}”），"
                f"办理记录收取信息处理费 {desk_fees_yuan:g} 元",
                f"part {stated.section} states fees of {stated.value:g} yuan; "
                f"the desk collected {desk_fees_yuan:g} yuan",
            )
        )
    return findings


# ---------------------------------------------------------------------------------------------
# Completeness
# ---------------------------------------------------------------------------------------------

_POSITION = re.compile(r"(line|page|paragraph|段|行|页)\s*(\d+)")


def _position(where: str | None) -> tuple[str, int] | None:
    match = _POSITION.search(where or "")
    return (match[1], int(match[2])) if match else None


def check_completeness(report: Report) -> list[Finding]:
    """Parts missing or empty, and parts printed out of the statutory order. Silent on a report
    without text (report data typed or computed, not read from a document)."""
    if report.sections is None:
        return []
    by_number = {s.number: s for s in report.sections if s.number}
    findings = []
    for section in SECTIONS:
        found = by_number.get(section.number)
        if found is None or found.text is None:
            findings.append(
                _finding(
                    SECTION_MISSING,
                    report,
                    "sections",
                    section.number,
                    None,
                    {"part": section.number},
                    f"报告缺少第{section.number}部分“{section.title}”",
                    f"part {section.number} ({section.title}) is missing",
                )
            )
        elif section.number in NARRATIVE_PARTS and len(found.text.strip(" \n。.无没有")) < 10:
            findings.append(
                _finding(
                    SECTION_EMPTY,
                    report,
                    "sections",
                    section.number,
                    None,
                    {"part": section.number, "text": found.text.strip()[:40]},
                    f"第{section.number}部分“{section.title}”没有实质内容（“{found.text.strip()[:20]}”）",
                    f"part {section.number} ({section.title}) says nothing ('{found.text.strip()[:20]}')",
                )
            )
    placed: list[tuple[tuple[str, int], str]] = []
    for part in report.sections:
        position = _position(part.where)
        if part.number and position is not None:
            placed.append((position, part.number))
    order = [number for _, number in sorted(placed)]
    statutory = [s.number for s in SECTIONS if s.number in order]
    if order != statutory:
        findings.append(
            _finding(
                SECTION_ORDER,
                report,
                "sections",
                None,
                None,
                {"printed": order, "statutory": statutory},
                f"各部分的印刷顺序为 {'、'.join(order)}，模板顺序为 {'、'.join(statutory)}",
                f"parts printed as {', '.join(order)}; the template's order is {', '.join(statutory)}",
            )
        )
    return findings


# ---------------------------------------------------------------------------------------------
# Repetition against last year
# ---------------------------------------------------------------------------------------------

_NOISE = re.compile(r"[\s\d〇零一二三四五六七八九十百千万年月日，。、；：,.;:（）()“”\"'《》]+")


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Character ``size``-grams of the text without spacing, punctuation, digits and dates (a new
    year's numbers do not make a copied text new)."""
    plain = _NOISE.sub("", text)
    return {plain[i : i + size] for i in range(max(0, len(plain) - size + 1))}


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the two texts' shingles (0 … 1; 0 when either is too short)."""
    left, right = shingles(a), shingles(b)
    if len(left) < 20 or len(right) < 20:
        return 0.0
    return len(left & right) / len(left | right)


def check_repetition(previous: Report, report: Report, threshold: float = REPETITION_THRESHOLD) -> list[Finding]:
    """Each narrative part of ``report`` whose text is nearly that of the same part a year before."""
    if report.sections is None or previous.sections is None:
        return []
    before = {s.number: s.text or "" for s in previous.sections if s.number}
    findings = []
    for section in report.sections:
        if not section.number or not section.text or section.number not in before:
            continue
        score = similarity(before[section.number], section.text)
        if score >= threshold:
            findings.append(
                _finding(
                    REPEATED,
                    report,
                    "sections",
                    section.number,
                    None,
                    {"similarity": round(score, 3), "previous_year": previous.year, "threshold": threshold},
                    f"第{section.number}部分与 {previous.year} 年度报告的相似度为 {score:.0%}（阈值 {threshold:.0%}）",
                    f"part {section.number} is {score:.0%} similar to the {previous.year} report "
                    f"(threshold {threshold:.0%})",
                )
            )
    return findings


# ---------------------------------------------------------------------------------------------
# A government against its departments and towns
# ---------------------------------------------------------------------------------------------

HIERARCHY_CELLS: tuple[tuple[str, str], ...] = (
    ("requests", "new_received"),
    ("requests", "total_processed"),
    ("requests", "carried_forward"),
    ("appeals", "review"),
    ("appeals", "litigation_direct"),
    ("appeals", "litigation_after_review"),
)


def _total(report: Report, table: str, row: str) -> int | None:
    if table == "requests":
        return report.requests[row][report.template.total_column]
    return report.appeals[row]["total"]


def check_hierarchy(parent: Report, children: Sequence[Report], missing: Iterable[str] = ()) -> list[Finding]:
    """Where the region aggregates: the parent's totals against the sum of its children's reports,
    and each child with no report (the sums are then partial, and say so)."""
    absent = sorted(missing)
    findings = [
        _finding(
            MISSING_CHILD,
            parent,
            "region",
            name,
            None,
            {"child": name, "year": parent.year},
            f"下属机关“{name}”没有 {parent.year} 年度报告，汇总不完整",
            f"'{name}' has no report on {parent.year}; the sums are partial",
        )
        for name in absent
    ]
    for table, row in HIERARCHY_CELLS:
        own = _total(parent, table, row)
        parts = [_total(child, table, row) for child in children]
        if own is None or any(p is None for p in parts):
            continue
        whole = sum(p for p in parts if p is not None)
        if whole != own:
            label = (
                TEMPLATE_2021.request_row(row).full_label
                if table == "requests"
                else next(g for g in TEMPLATE_2021.appeal_groups if g.key == row).full_label
            )
            findings.append(
                _finding(
                    HIERARCHY,
                    parent,
                    table,
                    row,
                    "total",
                    {"own": own, "children_sum": whole, "children": len(children), "missing": absent},
                    f"{label}：本级报告 {own}，{len(children)} 个下属机关报告之和 {whole}"
                    + ("（另有未发布的下属机关）" if absent else ""),
                    f"{table}.{row}: the report says {own}; its {len(children)} children's reports add up to {whole}"
                    + (" (some children published nothing)" if absent else ""),
                )
            )
    return findings


# ---------------------------------------------------------------------------------------------
# Timeliness
# ---------------------------------------------------------------------------------------------

GOVERNMENT_KINDS = frozenset({"province", "city", "county", "town"})


def deadline(year: int, kind: str) -> dt.date:
    """条例 第四十九条: a department by 31 January, a people's government by 31 March of the next year."""
    return dt.date(year + 1, 3, 31) if kind in GOVERNMENT_KINDS else dt.date(year + 1, 1, 31)


def check_timeliness(report: Report, kind: str, published_on: dt.date | None) -> list[Finding]:
    """``report.late`` when ``published_on`` (the signature's or the site's date) is past the deadline."""
    if published_on is None:
        return []
    due = deadline(report.year, kind)
    if published_on <= due:
        return []
    days = (published_on - due).days
    return [
        _finding(
            LATE,
            report,
            "report",
            None,
            None,
            {"published_on": published_on.isoformat(), "deadline": due.isoformat(), "days_late": days, "kind": kind},
            f"{report.year} 年度报告 {published_on:%Y年%m月%d日} 发布，法定期限为 {due:%Y年%m月%d日}，逾期 {days} 天",
            f"the {report.year} report was published on {published_on}, {days} days after the deadline {due}",
        )
    ]


# ---------------------------------------------------------------------------------------------
# Published against computed
# ---------------------------------------------------------------------------------------------


def _cell_key(table: str, row: str, column: str | int) -> str:
    return f"{table}.{row}[{column}]" if isinstance(column, int) else f"{table}.{row}.{column}"


def check_against_computed(
    published: Report, computed: Report, cases: Mapping[str, Sequence[Any]] | None = None
) -> list[Finding]:
    """Every cell of tables 三 and 四 where the published report differs from the platform's count;
    ``cases`` (cell key → the cases counted there) names what is behind each difference."""
    findings = []
    mine = {(t, r, c): v for t, r, c, v in computed.cells() if t != "active"}
    for table, row, column, value in published.cells():
        if table == "active" or (table, row, column) not in mine:
            continue
        count = mine[(table, row, column)]
        if value is None or count is None or value == count:
            continue
        key = _cell_key(table, row, column)
        behind = list((cases or {}).get(key, ()))
        shown = "、".join(str(c) for c in behind[:10]) + ("…" if len(behind) > 10 else "")
        findings.append(
            _finding(
                COMPUTED,
                published,
                table,
                row,
                column,
                {"published": value, "computed": count, "difference": value - count, "cases": behind},
                f"{key}：发布 {value}，办理记录统计 {count}" + (f"（记录：{shown}）" if behind else "（无对应记录）"),
                f"{key}: published {value}, the cases count {count}" + (f" (cases: {shown})" if behind else ""),
            )
        )
    return findings


def check_published(report: Report) -> list[Finding]:
    """The rules that need nothing but the report itself."""
    return check_text_figures(report) + check_completeness(report)


__all__ = [
    "Stated",
    "check_against_computed",
    "check_completeness",
    "check_fees_against_desk",
    "check_hierarchy",
    "check_published",
    "check_repetition",
    "check_text_figures",
    "check_timeliness",
    "deadline",
    "similarity",
]
