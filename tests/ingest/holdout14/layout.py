# ruff: noqa: E501  (HTML as a word processor's export prints it: long lines are the point)
"""A fourteenth page style none of the readers was built on: a report published as a PDF whose
TEXT LAYER is defective the way real producers make it (WPS, old Word, fonts subset without a
proper ToUnicode map).

Written for the fourteenth hold-out set (``generate.py``), apart from the layouts of the other sets
on purpose: the reader is scored on these pages before anything is changed for them. The defective
characters are in the page's text itself (``defect``), so that chromium prints them into the text
layer and every class made from the PDF (pdftotext, pymupdf4llm, markitdown …) carries them as a
real producer's text layer gives them. What such a PDF holds, chosen per report by a ``Style``:

* common characters as the look-alike Kangxi radicals (``⼀ ⼆ ⼈ ⽂ ⽣ ⾏ ⽅ ⾯ ⾦``, U+2F00–U+2FD5),
  with ``supplement`` the CJK Radicals Supplement's (``⺠ ⻓ ⻔ ⻅``), with ``compat`` some as CJK
  compatibility ideographs (``不 年 理 例 律 度``): in the whole page, or only in the text of one
  font (the headings' font, the tables' font, table 三's);
* 分散对齐 labels: a short label's characters separated by spaces or full-width spaces;
* full-width digits (``１２``) in table 三 and 四, or figures with a trailing 件 (``12件``);
* page furniture: a running title at the top of every page and ``— 3 —`` at the bottom, printed
  between the rows of a table that crosses pages;
* table 三 on a landscape page of its own (a CSS named page).

The gold is the statutory cells only.
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass
from typing import Any

from gongkai.report.templates import SECTIONS, TEMPLATES
from tests.ingest.publishers.layouts import (
    CAPTIONS,
    _attrs,
    active_rows,
    appeal_rows,
    prose,
    request_body,
    request_header,
    title,
)

Report = dict[str, Any]
SPACES = {"space": " ", "ideo": "\u3000", "": ""}
WIDE = str.maketrans("0123456789", "０１２３４５６７８９")

# The CJK Radicals Supplement's look-alikes a subset font's ToUnicode map names (no NFKC folding)
SUPPLEMENT = {
    "民": "\u2ea0",
    "长": "\u2ed3",
    "门": "\u2ed4",
    "见": "\u2ec5",
    "车": "\u2ecb",
    "页": "\u2eda",
    "马": "\u2ee2",
}
# Compatibility ideographs some fonts carry for common characters (NFKC folds them back)
COMPAT = {c: chr(u) for u in range(0xF900, 0xFADA) for c in [unicodedata.normalize("NFKC", chr(u))] if len(c) == 1}
KANGXI = {unicodedata.normalize("NFKC", chr(u)): chr(u) for u in range(0x2F00, 0x2FD6)}


@dataclass(frozen=True)
class Style:
    fonts: tuple[str, ...] = ("page",)  # whose text is defective: "page" | "heads" | "tables" | "三"
    supplement: bool = False  # 民 长 门 见 … as CJK Radicals Supplement code points
    compat: bool = False  # characters with a compatibility ideograph printed as it (before Kangxi)
    spread: str = ""  # 分散对齐 of short labels: "space" | "ideo" | "" (none)
    wide: bool = False  # table 三 and 四's figures in full-width digits
    jian: bool = False  # table 三 and 四's figures with a trailing 件
    landscape: bool = False  # table 三 on a landscape page of its own
    header: bool = True  # a running title at the top of every page


def defect(text: str, style: Style) -> str:
    """``text`` as the broken font's ToUnicode map names it: every character that has a look-alike
    radical (or compatibility ideograph) as that code point."""
    out = []
    for c in text:
        if style.compat and c in COMPAT:
            out.append(COMPAT[c])
        elif style.supplement and c in SUPPLEMENT:
            out.append(SUPPLEMENT[c])
        else:
            out.append(KANGXI.get(c, c))
    return "".join(out)


def e(text: str) -> str:
    return html.escape(text, quote=False)


def _num(value: Any) -> str:
    if value is None:
        return "未知"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def is_figure(text: str) -> bool:
    return text != "" and text.lstrip("-").translate(str.maketrans("", "", "0123456789０１２３４５６７８９.件")) == ""


class Printer:
    """One table's cells as the report's producer prints them."""

    def __init__(self, style: Style, broken: bool, counts: bool) -> None:
        self.style, self.broken, self.counts = style, broken, counts

    def label(self, text: str) -> str:
        body = text
        if self.style.spread and 2 <= len(text) <= 5 and "、" not in text and "（" not in text:
            body = SPACES[self.style.spread].join(text)
        return defect(body, self.style) if self.broken else body

    def figure(self, value: Any, column: int = -1) -> str:
        text = _num(value)
        if self.counts and value is not None:
            if self.style.jian:
                text += "件"
            if self.style.wide:
                text = text.translate(WIDE)
        return text

    def td(self, text: str, colspan: int = 1, rowspan: int = 1) -> str:
        if is_figure(text) or text == "未知":
            return f'<td{_attrs(colspan, rowspan)} class="n">{e(text)}</td>'
        return f"<td{_attrs(colspan, rowspan)}>{e(self.label(text))}</td>"


def _table(rows: list[str], cls: str) -> str:
    return f'<table class="{cls}" cellspacing="0" cellpadding="2">\n' + "\n".join(rows) + "\n</table>"


def tables(report: Report, style: Style) -> dict[str, str]:
    template = TEMPLATES[report["template"]]
    broken = {n: bool({"page", "tables", n} & set(style.fonts)) for n in ("二", "三", "四")}
    two = Printer(style, broken["二"], False)
    three = Printer(style, broken["三"], True)
    four = Printer(style, broken["四"], True)
    rows2 = active_rows(template, report, two.figure, lambda t: t, lambda t, span: two.td(t, span), _num)
    rows3 = request_header(three.td, True) + request_body(template, report, "merged", three.td, three.figure)
    rows4 = appeal_rows(report, four.td, four.figure)
    return {"二": _table(rows2, "t2"), "三": _table(rows3, "t3"), "四": _table(rows4, "t4")}


def document(report: Report, style: Style) -> str:
    text = prose(report)
    page = "page" in style.fonts
    heads = page or "heads" in style.fonts

    def body(t: str) -> str:
        return e(defect(t, style) if page else t)

    def head(t: str) -> str:
        return e(defect(t, style) if heads else t)

    agency, year = report["agency"], report["year"]
    printed = tables(report, style)
    out = [
        f'<p class="tt">{head(title(report))}</p>',
        f"<p>{body(f'根据《中华人民共和国政府信息公开条例》规定，现公布{agency}{year}年政府信息公开工作年度报告。本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。')}</p>",
    ]
    for n, section in enumerate(SECTIONS, 1):
        out.append(f'<p class="h1">{head(f"{section.number}、{section.title}")}</p>')
        out += [f"<p>{body(p)}</p>" for p in text[section.number]]
        if section.number not in printed:
            continue
        caption = f'<p class="cap">{head(f"表{n - 1}  {CAPTIONS[section.number]}")}</p>'
        unit = f'<p class="unit">{body("单位：件")}</p>' if section.number != "二" else ""
        block = f"{caption}\n{unit}\n{printed[section.number]}"
        if section.number == "三" and style.landscape:
            block = f'<div class="wide">{block}</div>'
        out.append(block)
    day = (year % 9) + 12
    out.append(f'<p class="sign">{body(agency)}</p>\n<p class="sign">{body(f"{year + 1}年1月{day}日")}</p>')
    return "\n".join(out)


def css(report: Report, style: Style) -> str:
    running = defect(title(report), style) if {"page", "heads"} & set(style.fonts) else title(report)
    top = f" @top-center{{content:'{running}';font-size:9pt;border-bottom:0.5pt solid #000}}" if style.header else ""
    return (
        "@page{size:A4;margin:30mm 25mm 28mm 25mm;"
        f"{top} @bottom-center{{content:'— ' counter(page) ' —';font-size:12pt}}}}"
        " @page wide{size:A4 landscape;margin:22mm 25mm 22mm 25mm}"
        " div.wide{page:wide}"
        " body{font-family:'Noto Serif CJK SC','Noto Sans CJK SC',serif;font-size:15pt;line-height:1.55;margin:0}"
        " p{text-indent:2em;margin:0} p.tt{text-align:center;text-indent:0;font-size:21pt;margin:16px 0;font-family:'Noto Sans CJK SC',sans-serif}"
        " p.h1{font-family:'Noto Sans CJK SC',sans-serif} p.cap{text-align:center;text-indent:0;font-family:'Noto Sans CJK SC',sans-serif;margin-top:8px}"
        " p.unit{text-align:right;font-size:10.5pt} p.sign{text-align:right;padding-right:2em}"
        " table{border-collapse:collapse;width:100%;margin:4px 0 10px;font-size:10.5pt;line-height:1.35}"
        " td{border:1px solid #000;padding:3px 3px;text-align:center} td.n{text-align:center}"
    )


def wps(report: Report, style: Style) -> str:
    """The document as its producer exports it to a page before printing it to PDF."""
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="Generator" content="WPS Office">
<title>{e(title(report))}</title><style>{css(report, style)}</style></head>
<body>
{document(report, style)}
</body></html>
"""
