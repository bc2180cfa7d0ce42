"""Whether a text reads as an issuing body's name, and the page furniture run into one dropped.

A title's words before the year are the agency only once a crawler's navigation, a portal's
running header, a side column's heading or a doubled name are taken off them.
"""

from __future__ import annotations

import re

from gongkai.ingest.document import TextBlock
from gongkai.ingest.section_headings import SPACE, clean_line

EDGE = "".join(sorted(set('-—_:：,，、 【】[]《》〈〉「」“”"')))  # punctuation around a title's parts

# A site's side column headed 政府信息公开 (or 信息公开, 政务公开, 公开指南 …) beside the article: a
# converter that reads across the page glues the heading before the title (``政府信息公开
# 某县民政局2023年…``). No issuing body's name begins with these words (the bodies named after
# them — 某县政务公开办公室 — begin with their place), so a leading run of them is navigation. A
# layout renderer (inscriptis, w3m, a PDF's Markdown) also puts the column's ITEMS of the 政府信息
# 公开 catalogue beside the title, whole or cut where the column wraps (``• 法定主动公开内容``,
# ``指南政府信息公开制度``, ``制度``), a list bullet before them: no name begins with those either.
_COLUMN_HEADING = re.compile(
    r"^(?:[•·・*\-]|(?:政府|政务)?信息公开|政务公开|公开指南|公开制度|年度报告|法定主动公开内容|主动公开|"
    r"依申请公开|公开年报|工作年报|指南|制度|年报|目录)+"
)


def without_column_heading(before: str) -> str:
    """The words before the year without a side column's heading glued in front, when what is left
    still reads as a whole agency name (not a bare 办公室 of 政务公开办公室)."""
    rest = _COLUMN_HEADING.sub("", before).strip(EDGE)
    if rest != before and len(rest) >= 4 and looks_like_agency(rest):
        return rest
    return before


# Page text that is not a name: navigation, breadcrumbs, a metadata box's labels.
_CHROME = re.compile(r"[\s>»/|｜:：]|首页|当前位置|您的位置|名称|发布机构")


def without_chrome(agency: str, texts: list[TextBlock]) -> str:
    """A crawler's text runs the site's navigation into the title (首页政务公开…当前位置:首页>
    年报海盐县人民政府2022年…): what stands before the year is then more than the agency. The name
    is the longest end of it that reads like an agency and that the page prints again elsewhere
    (the body, the signature, a 发布机构 field); failing that, the end after the last piece of
    chrome."""
    if not _CHROME.search(agency):
        return agency
    body = "".join(SPACE.sub("", b.text) for b in texts)
    compact = SPACE.sub("", agency)
    for start in range(len(compact) - 2):
        tail = compact[start:]
        if len(tail) <= 40 and _AGENCY_END.search(tail) and not _CHROME.search(tail) and body.count(tail) >= 2:
            return tail
    pieces = [p for p in _CHROME.split(compact) if p]
    return pieces[-1] if pieces else agency


# A portal's or a column's name: a printed page's running header (某省人民政府门户网站 政府信息公开专栏
# 某厅) run into the title. No issuing body is named with these words.
_PORTAL = re.compile(r"门户网站|网站|专栏|频道")


def without_portal(agency: str) -> str:
    """The words after the last portal or column name, when they still read as an agency."""
    pieces = _PORTAL.split(agency)
    if len(pieces) == 1:
        return agency
    rest = _COLUMN_HEADING.sub("", pieces[-1].strip(EDGE)).strip(EDGE)
    return rest if looks_like_agency(rest) else agency


def undoubled(agency: str) -> str:
    """A name printed twice in a row (the running header's agency, then the title's): once."""
    half = len(agency) // 2
    if len(agency) % 2 == 0 and agency[:half] == agency[half:] and looks_like_agency(agency[:half]):
        return agency[:half]
    return agency


# How the names of issuing bodies end (人民政府, 办公室, 发展和改革局, 街道, 管委会 …): a line
# standing alone above a title or a date is taken as the agency only if it reads like one.
_AGENCY_END = re.compile(
    r"(?:政府|办公室|办公厅|局|委员会|委|厅|部|署|院|街道|镇|乡|区|县|市|州|盟|旗|中心|办事处|管委会|公司|所|站|队|会)$"
)


def looks_like_agency(text: str) -> bool:
    """A short line without digits nor 报告 that ends as issuing bodies' names end."""
    line = clean_line(text)
    return 2 <= len(line) <= 40 and not re.search(r"\d", line) and "报告" not in line and bool(_AGENCY_END.search(line))
