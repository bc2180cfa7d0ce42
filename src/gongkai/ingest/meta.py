"""Who issued a report, and on which year: the title's reading, else the body's.

The agency is "the issuing body exactly as the title prints it": the words before the year in
``苍南县人民政府办公室2020年度政府信息公开工作年度报告``, between the year and 政府信息公开 in
``2020柯桥区政府信息公开年度报告``, or the line above a title that starts with the year
(``海盐县人民政府`` / ``2020 年度政府信息公开工作年度报告``). When the title does not say, the
signature (the last short line before the closing date) does.

``identify`` only decides between the readings: the title's lines and its parse are in
``report_titles``, the agency's name cleaned of page furniture in ``agency_names``, the
signature, statistics period and closing date in ``identity_fallbacks``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gongkai.ingest.agency_names import looks_like_agency, undoubled, without_chrome, without_portal
from gongkai.ingest.document import Document
from gongkai.ingest.identity_fallbacks import body_year, other_period, overview_opening, signing_body
from gongkai.ingest.report_titles import SITE_TAIL, parse_title, title_candidates, title_in_table
from gongkai.ingest.section_headings import clean_line, match_section_heading
from gongkai.ingest.title_slips import body_name, one_apart, slipped


@dataclass(frozen=True)
class Identity:
    agency: str | None
    year: int | None
    agency_where: str | None
    year_where: str | None
    notes: tuple[str, ...] = ()  # why a fallback was used (for ``uncertain``)
    trimmed_from: str | None = None  # the title's words before the year, when more than the agency
    period_year: int | None = None  # the body's statistics period, when it starts in another year
    slipped: bool = False  # the title's year was misread by an OCR (``title_slips``): its agency may be too


_DIGIT = re.compile(r"[0-9]")  # no agency's name has one: a date or a list's number run into it
# A page's label for links to other articles (相关链接：2020年政府信息公开工作年度报告 after the
# article): what follows is another report's title, and the label is no agency.
_LINK_LABEL = re.compile(
    r"(?:相关链接|相关文章|相关阅读|相关信息|上一篇|下一篇|延伸阅读|推荐阅读|分享到|打印本页|关闭窗口|点击量)"
    r"[^\u4e00-\u9fff]*$"
)


def identify(document: Document) -> Identity:
    """Agency and year from the title, falling back on the signature and the body."""
    texts = document.paragraphs
    parsed: dict[str, tuple[str, int] | None] = {}  # each line is asked up to three times below

    def title_parts(line: str) -> tuple[str, int] | None:
        if line not in parsed:
            parsed[line] = parse_title(line)
        return parsed[line]

    heading_at = next((i for i, b in enumerate(texts) if match_section_heading(b.text)), len(texts))
    head = texts[: max(heading_at, 1)][:60]
    page_title = title_parts(SITE_TAIL.sub("", document.title)) if document.title else None
    notes: list[str] = []
    for line, where, above in title_candidates(head, document.title, title_parts):
        parts = title_parts(line)
        if parts is None:
            continue
        agency, year = parts
        if _LINK_LABEL.search(agency):
            continue  # 相关链接：2020年…年度报告 after the article: a link to another report
        if page_title is not None and year != page_title[1] and where != "title":
            continue  # a link to another year's report (a sidebar) above the page's own title
        period = other_period(year, texts)
        if not agency and above is not None and looks_like_agency(above.text):
            return Identity(clean_line(above.text), year, above.where, where, period_year=period)
        if agency:
            trimmed = undoubled(without_chrome(without_portal(agency), texts))
            if page_title is not None and page_title[0] and page_title[0] in trimmed and _DIGIT.search(trimmed):
                # a side column's words run into the title's line (``第4批行某局2022年``): the
                # page's own title names the agency without them
                trimmed = page_title[0]
            if slipped(line):  # an OCR's title: the body's name where it is one character off
                signed = signing_body(texts)
                if signed is not None and one_apart(signed[0], trimmed):
                    return Identity(signed[0], year, signed[1], where, period_year=period, slipped=True)
                named = body_name(trimmed, "\n".join(block.text for block in texts))
                agency = named or trimmed
                return Identity(agency, year, where, where, period_year=period, slipped=True)
            return Identity(trimmed, year, where, where, (), agency if trimmed != agency else None, period)
        signed = signing_body(texts)
        if signed is not None:
            notes.append("agency: the title does not name it; taken from the signature")
            return Identity(signed[0], year, signed[1], where, tuple(notes))
        return Identity(None, year, None, where, ("agency: neither the title nor a signature names it",))
    in_table = title_in_table(document)
    if in_table is not None:
        agency, year, where, line = in_table
        trimmed = undoubled(without_chrome(without_portal(agency), texts))
        body = "\n".join(block.text for block in texts)
        if slipped(line) or trimmed not in body:
            # an OCR's title (its year misread, the cells mended; or its name printed nowhere
            # else): the body's name one character apart, as for a slipped title above
            signed = signing_body(texts)
            if signed is not None and one_apart(signed[0], trimmed):
                return Identity(signed[0], year, signed[1], where, slipped=True)
            named = body_name(trimmed, body)
            if named is not None:
                return Identity(named, year, where, where, slipped=True)
        note = "the title was read from a table row above the report's first part"
        notes = [f"{what}: {note}" for what in ("agency", "year")]
        return Identity(trimmed, year, where, where, tuple(notes), agency if trimmed != agency else None)
    signed = signing_body(texts)
    year_found = body_year(texts)
    found_agency = signed[0] if signed else None
    if signed:
        notes.append("agency: no title found; taken from the signature")
    else:
        opened = overview_opening(texts)
        if opened is not None and opened[1]:
            signed = (opened[1], opened[2])
            found_agency = opened[1]
            notes.append("agency: no title found; taken from the overview's opening sentence")
    found_year = year_found[0] if year_found else None
    if year_found:
        notes.append(f"year: no title found; {year_found[2]}")
    return Identity(
        found_agency, found_year, signed[1] if signed else None, year_found[1] if year_found else None, tuple(notes)
    )
