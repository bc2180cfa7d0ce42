"""Where a report's title is, and the agency and year it prints.

The title is among the first lines before the first numbered part, wrapped over two lines, run
into a long line or the paragraph after it, set in a table row, or the page's ``<title>``;
``title_candidates`` yields them in the order they are tried, ``parse_title`` reads each.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from gongkai.ingest.agency_names import EDGE, looks_like_agency, without_column_heading
from gongkai.ingest.document import Document, TextBlock
from gongkai.ingest.section_headings import clean_line, match_section_heading
from gongkai.ingest.title_slips import mend_title_year

_YEAR = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?!\d)\s*年?\s*度?")
# What follows a year that is a date (发文日期：2020年01月17日, 2021-02-05), not the report's year.
_DATE_AFTER = re.compile(r"\d{1,2}月|[-/.]\d")  # on a clean line: no blanks
# A metadata box's label before the title (名称：…, or 名称 in a cell of its own beside it).
_LABEL_PREFIX = re.compile(r"^(?:标题|名称|题目|文章标题)\s*[:：]?\s*")
_BOX_LABEL = re.compile(r"(?:标题|名称|题目|文章标题)[:：]?")
# The same label inside a metadata box run into one line (…发文日期:2020年01月17日名称:某局2019年…).
_BOX_FIELD = re.compile(r"(?:标题|名称|题目)[:：]")
# Starts only where a whitespace run starts (the leftmost match anyway): one try per run, not per space.
SITE_TAIL = re.compile(r"(?<!\s)\s*[-—_|｜]\s*[^-—_|｜]{1,30}$")
_DISCLOSURE = ("政府信息公开", "信息公开", "政务公开")
_CHINESE_DIGITS = str.maketrans("〇零○Ｏ一二三四五六七八九", "0000123456789")
_CHINESE_YEAR = re.compile(r"[一二][〇零○Ｏ一二三四五六七八九]{3}(?=\s*年)")
_REQUEST_WORDS = re.compile(r"(?:关于印发|关于公布|关于发布|关于)$")
_LEADING_WORDS = re.compile(r"^关于(?:印发|公布|发布|公开)?")
_SENTENCE = re.compile(r"[,。;]|^本(?:年度)?报告")


# A title's end with more text after a blank (a crawler runs the title and the body's first
# sentence into one line: …年度报告 本报告依据…): the title stops there.
_TITLE_END = re.compile(r"年度?报告(?=[\s\u3000]+\S)")
# A 红头 document's 文号 (青政发〔2021〕3号) between the office's name and the title: its year is the
# year of issue, not the report's, and the agency stops before its issuer code.
_DOC_NUMBER = re.compile(r"[〔［\[(（]\s*(?:19|20)\d{2}\s*[〕］\])）]\s*\d{1,4}\s*号")
_DOC_CODE = re.compile(r"[\u4e00-\u9fff]{1,5}$")  # 青政发 of 青政发〔2021〕: the issuer's code


def _title_clause(line: str) -> str:
    """``line`` up to the end of its title's 年度报告 when more text follows it after a blank."""
    end = _TITLE_END.search(line)
    return line[: end.end()] if end else line


def _after_furniture(before: str) -> str:
    """The words before a title's year without the page furniture and 文号 run in front of them
    (a crawler's ``【字体：大中小】某镇人民政府青政发〔2021〕3号某镇人民政府``): the words after
    the last 文号 or 】 when they read as an agency; else the office name before a 文号."""
    numbers = list(_DOC_NUMBER.finditer(before))
    cut = max((m.end() for m in numbers), default=-1)
    cut = max(cut, before.rfind("】") + 1 if "】" in before else -1)
    if cut < 0:
        return before
    rest = before[cut:].strip(EDGE)
    if looks_like_agency(rest):
        return rest
    if numbers:
        head = before[: numbers[-1].start()]
        head = head[head.rfind("】") + 1 :]
        for end in range(len(head), 1, -1):  # the office's name before its issuer code
            name = head[:end].strip(EDGE)
            if _DOC_CODE.fullmatch(head[end:]) and looks_like_agency(name):
                return name
    return before


def parse_title(line: str) -> tuple[str, int] | None:
    """(agency as printed, year) from a title line, agency '' when the title starts with the year."""
    text = _LABEL_PREFIX.sub("", clean_line(_title_clause(line)))
    if len(text) > 80 and "】" in text:
        text = text[text.rfind("】") + 1 :]  # a crawler's page furniture (…【字体：大中小】) before it
    text = _CHINESE_YEAR.sub(lambda m: m.group().translate(_CHINESE_DIGITS), text)  # 二〇二〇年
    text = mend_title_year(text)  # a searchable scan's 2o19年
    if "报告" not in text or not any(word in text for word in _DISCLOSURE) or len(text) > 80:
        return None
    if _SENTENCE.search(text):
        return None  # 本报告根据《条例》要求编制，所列数据…: a sentence of the body, not a title
    fields = list(_BOX_FIELD.finditer(text))
    if fields:
        text = text[fields[-1].end() :]  # the box's 发布机构 and 发文日期 before the title's label
    match = _report_year(text)
    if match is None:
        return None
    year = int(match["year"])
    before = _REQUEST_WORDS.sub("", text[: match.start()].strip(EDGE))
    before = _LEADING_WORDS.sub("", before).strip(EDGE)  # 关于印发《某局2022年度…》的通知
    before = without_column_heading(_after_furniture(before))
    if before:
        return before, year
    after = text[match.end() :]
    for word in _DISCLOSURE:
        at = after.find(word)
        if at >= 0:
            agency = after[:at]
            if agency.endswith("人民"):  # 某县人民政府信息公开…: the 政府 belongs to both
                agency += "政府"
            return agency, year
    return "", year


# A title run into the paragraph after it: the words up to the first space after 报告, then prose.
_TITLE_THEN_BODY = re.compile(r"^\s*(\S{4,80}?报告)\s+\S[^\n]*[。，]")


def _title_before_body(text: str) -> str | None:
    """The title a converter ran into the paragraph after it, when it set the title in the body's
    type (pymupdf4llm: ``某厅2023年政府信息公开工作年度报告 根据《条例》规定，…``); None if the
    paragraph does not start so."""
    match = _TITLE_THEN_BODY.match(text)
    return match.group(1) if match else None


def _report_year(text: str) -> re.Match[str] | None:
    """The first year in ``text`` that is not a date of publication (发文日期：2020年01月17日 before
    the title's 2019年度) nor part of an index number (…/2020-00018)."""
    numbers = [m.span() for m in _DOC_NUMBER.finditer(text)]
    for match in _YEAR.finditer(text):
        if any(start <= match.start() < end for start, end in numbers):
            continue  # the year of a 文号 (〔2021〕3号): when the document was issued
        if not _DATE_AFTER.match(text, match.end()):
            return match
    return None


_LONG_LINE = 80  # a title is shorter: a longer line is read whole only for a title standing apart
# A title standing apart by spaces inside a long line (a converter ran a platform's header box,
# the title and the body into one paragraph, the title's 报告 wrapped as 报 告): the agency's
# name, the year, and the report's name, a blank or the line's edge on both sides.
_TITLE_IN_LINE = re.compile(
    r"(?<![^\s：:])[^\s：:，,。；]{2,40}?(?:19|20)\d{2}年度?(?:政府|政务)?信息公开工作年度报[ \u3000]?告(?!\S)"
)
# The same title with no blank around it (a crawler's text stripped of every space: ``…>>年度报告
# 青石县教育局2020年政府信息公开工作年度报告发布时间：2021-03-24…``): the line up to the title's end
# is a candidate (its last ``_LONG_LINE`` characters: a title is no longer), its words before the
# agency the site's chrome that ``agency_names`` trims.
_TITLE_RUN_IN = re.compile(r"(?:19|20)\d{2}年度?(?:政府|政务)?信息公开工作年度报告(?=\S)")


def title_candidates(
    head: list[TextBlock], page_title: str | None, title_parts: Callable[[str], tuple[str, int] | None]
) -> Iterator[tuple[str, str, TextBlock | None]]:
    """The lines that may be the title, in the order they are tried: (line, where, line above).
    Made one at a time: the title is mostly among the first lines, and each line costs a parse."""
    for i, block in enumerate(head):
        yield block.text, block.where, head[i - 1] if i else None
        if len(block.text) > _LONG_LINE and "报" in block.text:
            for m in _TITLE_IN_LINE.finditer(block.text):
                yield m.group().replace(" ", ""), block.where, None
        lead = _title_before_body(block.text)
        if lead is not None:
            yield lead, block.where, head[i - 1] if i else None
        if len(block.text) > _LONG_LINE:
            run_in = _TITLE_RUN_IN.search(block.text)
            if run_in is not None:
                yield block.text[max(0, run_in.end() - _LONG_LINE) : run_in.end()], block.where, None
        if i + 1 < len(head) and title_parts(block.text) is None and title_parts(head[i + 1].text) is None:
            # a title wrapped over two lines (a PDF's centred heading: …工作年 / 度报告); not a
            # line above a whole title (a site's name over the page's title)
            yield block.text + head[i + 1].text, block.where, head[i - 1] if i else None
            if (
                i + 2 < len(head)
                and _BOX_LABEL.fullmatch(clean_line(head[i + 1].text))
                and title_parts(head[i + 2].text) is None
            ):
                # the wrap with a metadata box's label between its lines (markitdown: …年度报 /
                # 名称 / 告, the label's cell printed beside the title's first line); not a box's
                # field above its 名称 and a whole title (生成日期 2020-01-15 / 名称 / 某局2019年…)
                yield block.text + head[i + 2].text, block.where, head[i - 1] if i else None
    if page_title:
        yield SITE_TAIL.sub("", page_title), "title", None


def title_in_table(document: Document) -> tuple[str, int, str, str] | None:
    """The title a converter set in a table above the report's first part (a page's metadata box:
    ``| 名称 | 海盐县人民政府2020年政府信息公开工作年度报告 |``): (agency, year, where, line) from the
    first row whose cells, run together, read as a title naming the agency; None if none does."""
    for block in document.blocks:
        if isinstance(block, TextBlock):
            if match_section_heading(block.text):
                return None
            continue
        for i, row in enumerate(block.rows):
            joined = "".join(cell.text.replace("\n", "") for cell in row)
            parts = parse_title(joined)
            if parts is None and i + 1 < len(block.rows) and len(block.rows[i + 1]) == 1:
                # the title wrapped onto a line of its own that the converter folded into the table
                # (markitdown: ``| 某局 | | 2022 | 年政府信息 |`` then ``公开工作年度报告``)
                wrapped = joined + block.rows[i + 1][0].text.replace("\n", "")
                parts = parse_title(wrapped)
                joined = wrapped if parts is not None else joined
            if parts is not None and parts[0]:
                return parts[0], parts[1], row[0].where, joined
    return None
