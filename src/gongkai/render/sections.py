"""The words of the report: its preamble and the text of its six numbered sections.

A report read from a published document carries its text in ``Report.sections``
(``report/envelope.py``: number, title, text; ``text`` is None where the source has no such part).
An entry is placed by its number, else by its title (or a variant of it). A section the data does
not give is written as a plain statement built from the figures, and says so where it has nothing
to say.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..report.labels import bare_label_key, label_key
from ..report.model import Report
from ..report.templates import SECTIONS, TABLES_BY_KEY, Section

PREAMBLE_KEYS = ("preamble", "前言", "引言", "")


@dataclass
class PartText:
    section: Section
    paragraphs: list[str] = field(default_factory=list)
    given: bool = False  # the text came with the report data (not written here)


@dataclass
class ReportText:
    preamble: list[str]
    sections: list[PartText]  # the six, in order


def _paragraphs(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _match(number: str, title: str) -> Section | None:
    digits = number.strip().rstrip("、.．")
    for section in SECTIONS:
        if digits and digits == section.number:
            return section
    bare = bare_label_key(title)
    for section in SECTIONS:
        if bare and any(bare == label_key(t) for t in section.titles):
            return section
    for section in SECTIONS:  # a title carrying its own number: 三、收到和处理…
        if bare and bare_label_key(title) == bare_label_key(section.heading):
            return section
    return None


def report_text(report: Report) -> ReportText:
    given: dict[str, PartText] = {}
    preamble: list[str] = []
    leftovers: list[str] = []
    for entry in report.sections or []:
        title, paragraphs = entry.title, _paragraphs(entry.text)
        section = _match(entry.number, title)
        if not paragraphs and section is not None:  # a part the source did not print: written below
            continue
        if section is not None:
            target = given.setdefault(section.number, PartText(section, [], True))
            target.paragraphs += paragraphs
        elif label_key(title) in {label_key(k) for k in PREAMBLE_KEYS} and not given:
            preamble += paragraphs
        else:  # a section the statute does not name: kept, under 六 (nothing read is lost)
            leftovers += ([title] if title else []) + paragraphs
    sections = [given.get(s.number) or PartText(s, default_paragraphs(report, s)) for s in SECTIONS]
    if leftovers:
        sections[-1].paragraphs += leftovers
    return ReportText(preamble or default_preamble(report), sections)


def default_preamble(report: Report) -> list[str]:
    y = report.year
    return [
        f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制，"
        f"所列数据的统计期限为{y}年1月1日至{y}年12月31日。"
    ]


def _total(report: Report, row: str) -> str:
    value = report.request_total(row)
    return "（未知）" if value is None else str(value)


def _appeal_total(report: Report, *groups: str) -> str:
    values = [report.appeals[g]["total"] for g in groups]
    if any(v is None for v in values):
        return "（未知）"
    return str(sum(v for v in values if v is not None))


def _label(report: Report, row: str) -> str:
    return report.template.request_row(row).label


def default_paragraphs(report: Report, section: Section) -> list[str]:
    """A plain statement for a section the data gives no text for, built from the figures."""
    y = report.year
    if section.number == "一":
        return [
            f"{y}年，{report.agency}新收政府信息公开申请{_total(report, 'new_received')}件，"
            f"办结{_total(report, 'total_processed')}件；"
            f"因政府信息公开被申请行政复议{_appeal_total(report, 'review')}件，"
            f"被提起行政诉讼{_appeal_total(report, 'litigation_direct', 'litigation_after_review')}件。"
        ]
    if section.number == "二":
        return [f"{y}年{TABLES_BY_KEY['active'].title}如下表。"]
    if section.number == "三":
        return [
            f"{y}年，新收政府信息公开申请{_total(report, 'new_received')}件，"
            f"上年结转{_total(report, 'carried_over')}件；"
            f"办结{_total(report, 'total_processed')}件，"
            f"{_label(report, 'carried_forward')}{_total(report, 'carried_forward')}件。具体情况如下表。"
        ]
    if section.number == "四":
        return [f"{y}年{TABLES_BY_KEY['appeals'].title}如下表。"]
    return ["本报告数据未附此部分文字说明。"]
