"""What a rendered report contains, independent of the format it is written in.

``compose`` gathers the title, the preamble, the six sections each with its text and (for 二, 三,
四) its statutory table, the note on unknown figures, the findings of the checks and, for an
illustrated reading, the charts. The HTML, DOCX and Markdown writers only lay this out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..report.checks import Finding, Severity, check_report
from ..report.model import Report
from ..report.templates import REPORT_TITLE, SECTIONS
from .layout import GridTable, statutory_tables
from .numbers import UNKNOWN_NOTE
from .sections import report_text

# Which section prints which table.
SECTION_TABLES = {"二": "active", "三": "requests", "四": "appeals"}

FINDINGS_HEADING = "附：数据校验结果"
FINDINGS_INTRO = "本报告的数据经勾稽关系校验，发现以下问题（按原报告数据如实列出，未作修改）："
CHARTS_HEADING = "附：图解"


@dataclass(frozen=True)
class Chart:
    """One chart of the illustrated reading; its SVG and PNG are drawn when first asked for."""

    key: str
    title: str
    caption: str  # what the chart shows, in words (alt text)
    width_cm: float
    draw_svg: Callable[[], str] = field(repr=False, compare=False)
    draw_png: Callable[[], bytes] = field(repr=False, compare=False)

    @cached_property
    def svg(self) -> str:
        return self.draw_svg()

    @cached_property
    def png(self) -> bytes:
        return self.draw_png()


@dataclass
class Part:
    heading: str  # 一、总体情况
    paragraphs: list[str]
    table: GridTable | None = None
    given: bool = False

    @property
    def table_note(self) -> str | None:
        """Printed under a table that has unknown figures: what the mark means."""
        return UNKNOWN_NOTE if self.table is not None and self.table.has_unknown else None


@dataclass
class Composition:
    report: Report
    agency: str
    title: str  # 2020年度政府信息公开工作年度报告
    preamble: list[str]
    parts: list[Part]
    findings: list[Finding] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)

    @property
    def full_title(self) -> str:
        return f"{self.agency}{self.title}"

    @property
    def problems(self) -> list[Finding]:
        """Findings worth printing in the document: errors and warnings."""
        return [f for f in self.findings if f.severity is not Severity.INFO]


def report_title(report: Report) -> str:
    return f"{report.year}年度{REPORT_TITLE}"


def compose(report: Report, charts: Sequence[Chart] = ()) -> Composition:
    text = report_text(report)
    tables = statutory_tables(report)
    parts: list[Part] = []
    for section, words in zip(SECTIONS, text.sections, strict=True):
        table_key = SECTION_TABLES.get(section.number)
        parts.append(Part(section.heading, words.paragraphs, tables[table_key] if table_key else None, words.given))
    return Composition(
        report=report,
        agency=report.agency,
        title=report_title(report),
        preamble=text.preamble,
        parts=parts,
        findings=check_report(report),
        charts=list(charts),
    )
