# ruff: noqa: E501  (HTML as the OCR's export prints it: long lines are the point)
"""A fifteenth page style none of the readers was built on: a report published as a SEARCHABLE
SCAN, a paper report scanned and passed through the scanner's OCR (ABBYY-like), the PDF's text
layer that OCR's output.

Written for the fifteenth hold-out set (``generate.py``), apart from the layouts of the other sets
on purpose: the reader is scored on these pages before anything is changed for them. The OCR's
misreadings are in the page's text itself (``Printer``, ``slip_prose``), so that chromium prints
them into the text layer and every class made from the PDF (pdftotext, pymupdf4llm, markitdown …)
carries them as a real searchable scan's text layer gives them. What such a PDF holds, chosen per
report by a ``Style``, each misreading drawn per cell from the report's own generator:

* digits read as look-alike letters in some figures, never in all (0→O/o, 1→l/I/|, 5→S, 8→B,
  2→Z): ``1O``, ``l2``, ``S``;
* label characters read as look-alike characters (己/已, 末/未, 申/甲/由, 于/千, 人/入, 八/人,
  土/士, 日/曰), now and then a character dropped or doubled;
* spurious blanks inside labels and between the digits of one figure (``1 2``);
* the table's rules read as characters at a cell's border (``|`` ``丨`` ``l`` ``I`` ``［``);
* the title's agency name and year with an OCR slip (``大方具…2O21年``), the body's correct;
* ASCII punctuation for full-width (``,`` ``.`` ``(`` ``)`` ``:``) in prose and labels;
* rows whose figures the OCR put on a text line of their own (the figures a little below the label).

The gold is the statutory cells only.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Any

from gongkai.report.templates import SECTIONS, TEMPLATES
from tests.ingest.publishers.layouts import (
    CAPTIONS,
    _attrs,
    active_rows,
    appeal_rows,
    e,
    prose,
    request_body,
    request_header,
    title,
)

Report = dict[str, Any]
# What the OCR reads for a digit it is unsure of
DIGITS = {"0": "Oo", "1": "lI|", "5": "S", "8": "B", "2": "Z"}
# … for a character of a label or of the prose
GLYPHS = {
    "己": "已",
    "已": "己",
    "末": "未",
    "未": "末",
    "申": "甲由",
    "于": "千",
    "人": "入",
    "八": "人",
    "土": "士",
    "日": "曰",
}
# … for a character of the agency's name in the title (the big type the OCR reads worst)
NAME_SLIPS = {
    "县": "具",
    "民": "氏",
    "市": "巿",
    "生": "牛",
    "大": "太",
    "宁": "守",
    "局": "后",
    "门": "们",
    "文": "又",
}
RULES = "|丨lI［"
PUNCT = str.maketrans({"，": ",", "。": ".", "（": "(", "）": ")", "：": ":"})


@dataclass(frozen=True)
class Style:
    digits: float = 0.0  # share of figure cells with digits read as letters
    glyphs: float = 0.0  # share of label / prose characters (with a look-alike) misread
    slips: float = 0.0  # share of labels with a character dropped or doubled
    blanks: float = 0.0  # share of labels and figures (two characters or more) with a blank inside
    rules: float = 0.0  # share of cells with a table rule read as a character at a border
    title: bool = False  # the title's agency name and year with an OCR slip
    punct: bool = False  # ASCII punctuation for full-width in prose and labels
    split: float = 0.0  # share of table rows whose figures are on a text line of their own


def _num(value: Any) -> str:
    if value is None:
        return "未知"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def is_figure(text: str) -> bool:
    return text != "" and text.lstrip("-").translate(str.maketrans("", "", "0123456789.")) == ""


def misread(text: str, style: Style, rng: random.Random) -> str:
    """Characters of ``text`` with a look-alike read as it, ASCII punctuation when the style says."""
    out = []
    for c in text:
        if c in GLYPHS and rng.random() < style.glyphs:
            c = rng.choice(GLYPHS[c])
        out.append(c)
    text = "".join(out)
    return text.translate(PUNCT) if style.punct else text


def slip_prose(text: str, style: Style, rng: random.Random, keep: str) -> str:
    """A paragraph as the OCR reads it; ``keep`` (the agency's name) read right."""
    return keep.join(misread(piece, style, rng) for piece in text.split(keep))


def slip_title(report: Report, style: Style, rng: random.Random) -> str:
    """The title with one character of the agency's name and one digit of the year misread."""
    agency, year = report["agency"], str(report["year"])
    if style.title:
        places = [i for i, c in enumerate(agency) if c in NAME_SLIPS]
        if places:
            i = rng.choice(places)
            agency = agency[:i] + NAME_SLIPS[agency[i]] + agency[i + 1 :]
        places = [i for i, c in enumerate(year) if c in DIGITS]
        i = rng.choice(places)
        year = year[:i] + rng.choice(DIGITS[year[i]]) + year[i + 1 :]
    return f"{agency}{year}年政府信息公开工作年度报告"


class Printer:
    """One table's cells as the OCR reads them off the scanned page."""

    def __init__(self, style: Style, rng: random.Random) -> None:
        self.style, self.rng = style, rng

    def _blank(self, text: str) -> str:
        if len(text) >= 2 and self.rng.random() < self.style.blanks:
            i = self.rng.randrange(1, len(text))
            return f"{text[:i]} {text[i:]}"
        return text

    def _rule(self, text: str, figure: bool) -> str:
        if self.rng.random() >= self.style.rules:
            return text
        mark = self.rng.choice(RULES)
        gap = " " if figure else ""
        return f"{mark}{gap}{text}" if self.rng.random() < 0.5 else f"{text}{gap}{mark}"

    def figure_text(self, text: str) -> str:
        if self.rng.random() < self.style.digits and any(c in DIGITS for c in text):
            chars = list(text)
            places = [i for i, c in enumerate(chars) if c in DIGITS]
            for i in places:
                if i == places[0] or self.rng.random() < 0.5:
                    chars[i] = self.rng.choice(DIGITS[chars[i]])
            text = "".join(chars)
        return self._rule(self._blank(text), True)

    def label_text(self, text: str) -> str:
        text = misread(text, self.style, self.rng)
        if len(text) >= 4 and self.rng.random() < self.style.slips:
            i = self.rng.randrange(1, len(text) - 1)
            text = text[:i] + text[i + 1 :] if self.rng.random() < 0.5 else text[: i + 1] + text[i:]
        return self._rule(self._blank(text), False)

    def figure(self, value: Any, column: int = -1) -> str:
        return _num(value)

    def td(self, text: str, colspan: int = 1, rowspan: int = 1) -> str:
        if is_figure(text):
            return f'<td{_attrs(colspan, rowspan)} class="n">{e(self.figure_text(text))}</td>'
        if text == "未知":
            return f'<td{_attrs(colspan, rowspan)} class="n">{e(text)}</td>'
        return f"<td{_attrs(colspan, rowspan)}>{e(self.label_text(text))}</td>"


_FIGURE_CELL = re.compile(r'class="n">([^<]*)</td>')


def _split(rows: list[str], style: Style, rng: random.Random) -> list[str]:
    """Rows whose figures the OCR put on a text line of their own: printed a little below the label."""
    out = []
    for row in rows:
        if 'class="n"' in row and rng.random() < style.split:
            row = _FIGURE_CELL.sub(r'class="n"><span class="lo">\1</span></td>', row)
        out.append(row)
    return out


def _table(rows: list[str], cls: str) -> str:
    return f'<table class="{cls}" cellspacing="0" cellpadding="2">\n' + "\n".join(rows) + "\n</table>"


def tables(report: Report, style: Style, rng: random.Random) -> dict[str, str]:
    template = TEMPLATES[report["template"]]
    p = Printer(style, rng)
    rows2 = active_rows(template, report, p.figure, lambda t: t, lambda t, span: p.td(t, span), _num)
    rows3 = request_header(p.td, True) + request_body(template, report, "merged", p.td, p.figure)
    rows4 = appeal_rows(report, p.td, p.figure)
    return {
        "二": _table(_split(rows2, style, rng), "t2"),
        "三": _table(_split(rows3, style, rng), "t3"),
        "四": _table(_split(rows4, style, rng), "t4"),
    }


def document(report: Report, style: Style) -> str:
    rng = random.Random(f"{title(report)}|{style}")
    agency, year = report["agency"], report["year"]
    text = prose(report)

    def body(t: str) -> str:
        return e(slip_prose(t, style, rng, agency))

    out = [
        f'<p class="tt">{e(slip_title(report, style, rng))}</p>',
        f"<p>{body(f'根据《中华人民共和国政府信息公开条例》规定，现公布{agency}{year}年政府信息公开工作年度报告。本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。')}</p>",
    ]
    printed = tables(report, style, rng)
    for n, section in enumerate(SECTIONS, 1):
        out.append(f'<p class="h1">{body(f"{section.number}、{section.title}")}</p>')
        out += [f"<p>{body(p)}</p>" for p in text[section.number]]
        if section.number not in printed:
            continue
        caption = f'<p class="cap">{body(f"表{n - 1}  {CAPTIONS[section.number]}")}</p>'
        unit = f'<p class="unit">{body("单位：件")}</p>' if section.number != "二" else ""
        out.append(f"{caption}\n{unit}\n{printed[section.number]}")
    day = (year % 9) + 12
    out.append(f'<p class="sign">{e(agency)}</p>\n<p class="sign">{body(f"{year + 1}年1月{day}日")}</p>')
    return "\n".join(out)


def css() -> str:
    return (
        "@page{size:A4;margin:28mm 24mm 26mm 24mm}"
        " body{font-family:'Noto Serif CJK SC','Noto Sans CJK SC',serif;font-size:15pt;line-height:1.55;margin:0}"
        " p{text-indent:2em;margin:0} p.tt{text-align:center;text-indent:0;font-size:21pt;margin:16px 0;font-family:'Noto Sans CJK SC',sans-serif}"
        " p.h1{font-family:'Noto Sans CJK SC',sans-serif} p.cap{text-align:center;text-indent:0;font-family:'Noto Sans CJK SC',sans-serif;margin-top:8px}"
        " p.unit{text-align:right;font-size:10.5pt} p.sign{text-align:right;padding-right:2em}"
        " table{border-collapse:collapse;width:100%;margin:4px 0 10px;font-size:10.5pt;line-height:1.35}"
        " td{border:1px solid #000;padding:3px 3px;text-align:center} td.n{text-align:center}"
        " span.lo{position:relative;top:0.7em}"
    )


def ocr(report: Report, style: Style) -> str:
    """The OCR's text of the scanned report as a page, printed to PDF (its text layer)."""
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="Generator" content="ABBYY FineReader">
<title>{e(title(report))}</title><style>{css()}</style></head>
<body>
{document(report, style)}
</body></html>
"""
