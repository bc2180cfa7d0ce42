"""What a report's narrative says in figures and dates, read from its sections' text.

Pure text work, kept apart from the rules that use it (``crosschecks.py``): the date the report
was signed (the last date of its closing part, the 落款) and the figures the narrative states
about applications, appeals and fees. Each figure keeps the sentence it was found in, so a
finding can quote it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .envelope import SectionText
from .model import Report

_DATE = re.compile(r"(20\d\d|19\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def signed_date(report: Report) -> dt.date | None:
    """The last full date in the text of the last part that has text (the signature's date),
    if it falls after the report's year (a date inside the year is a date of the work)."""
    for section in reversed(report.sections or []):
        if not section.text or not section.text.strip():
            continue
        tail = section.text[-300:]
        for match in reversed(list(_DATE.finditer(tail))):
            try:
                date = dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                continue
            if date.year > report.year:
                return date
        return None
    return None


@dataclass(frozen=True)
class Stated:
    """One figure the narrative states: what it is about, the number, the sentence, the part."""

    subject: str  # received / processed / carried_forward / review / litigation / fees
    value: float
    quote: str
    section: str


_NUMBER = r"(\d+(?:\.\d+)?|[〇零一二两三四五六七八九十百]+)"
_MEASURE = r"\s*(?:件|宗|起|个|次|条)"
# A figure and its subject: the subject words come just before it (“共受理依申请公开 185 件”).
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "received",
        re.compile(
            r"(?:共|累计|全年)?(?:收到|受理|接收|办理)[^。；，,]{0,16}?"
            r"(?:公开申请|申请|依申请公开(?:办件)?)[^。；，,\d]{0,4}?" + _NUMBER + _MEASURE
        ),
    ),
    ("review", re.compile(r"行政复议[^。；，,\d]{0,6}?" + _NUMBER + _MEASURE)),
    ("litigation", re.compile(r"行政诉讼[^。；，,\d]{0,6}?" + _NUMBER + _MEASURE)),
    ("fees", re.compile(r"收取[^。；，,\d]{0,8}?费[^。；，,\d]{0,4}?" + _NUMBER + r"\s*元")),
)
_NONE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("received", re.compile(r"(?:未|没有)收到[^。；，,]{0,12}?(?:公开申请|依申请)")),
    (
        "fees",
        re.compile(
            r"(?:未|不|没有|无)(?:发生|收取)[^。；，,]{0,12}?(?:费用|收费|处理费)"
            r"|未(?:发生)?收费|不收取任何费用"
        ),
    ),
)


def chinese_number(text: str) -> int | None:
    """一百八十五 → 185; plain digits pass through; None when it is not a number."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char in _CN_DIGITS:
            current = _CN_DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(mark, 0, start) for mark in "。；\n") + 1
    rights = [i for i in (text.find(mark, end) for mark in "。；\n") if i >= 0]
    return text[left : (min(rights) + 1 if rights else len(text))].strip()


def stated_figures(sections: list[SectionText] | None) -> list[Stated]:
    """Every figure of the narrative parts (一, 五, 六 and unnumbered ones) about the tables."""
    figures: list[Stated] = []
    for section in sections or []:
        text = section.text or ""
        for subject, pattern in _PATTERNS:
            for match in pattern.finditer(text):
                raw = match.group(1)
                value = float(raw) if "." in raw else chinese_number(raw)
                if value is not None:
                    quote = _sentence(text, match.start(), match.end())
                    figures.append(Stated(subject, value, quote, section.number or section.title))
        for subject, pattern in _NONE_PATTERNS:
            for match in pattern.finditer(text):
                figures.append(
                    Stated(subject, 0, _sentence(text, match.start(), match.end()), section.number or section.title)
                )
    return figures
