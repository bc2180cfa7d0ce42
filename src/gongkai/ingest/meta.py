"""Who issued a report, on which year, and its six numbered parts.

The agency is "the issuing body exactly as the title prints it": the words before the year in
``苍南县人民政府办公室2020年度政府信息公开工作年度报告``, between the year and 政府信息公开 in
``2020柯桥区政府信息公开年度报告``, or the line above a title that starts with the year
(``海盐县人民政府`` / ``2020 年度政府信息公开工作年度报告``). When the title does not say, the
signature (the last short line before the closing date) does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from gongkai.ingest.document import Document, TextBlock
from gongkai.ingest.title_slips import body_name, mend_title_year, one_apart, slipped
from gongkai.report.labels import label_key
from gongkai.report.templates import SECTIONS, Section

_NUMERALS = "一二三四五六"
HEADING_FIRST = "#>*" + _NUMERALS  # what a heading line starts with, blanks aside
_HEADING = re.compile(r"^[#>\s*]*(?P<num>[一二三四五六])\s*[、.．，,]\s*(?P<title>.+?)[*\s。.:：]*$")
_YEAR = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?!\d)\s*年?\s*度?")
# What follows a year that is a date (发文日期：2020年01月17日, 2021-02-05), not the report's year.
_DATE_AFTER = re.compile(r"\d{1,2}月|[-/.]\d")  # on a clean line: no blanks
_DATE = re.compile(r"^(?P<year>(?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_SPACE = re.compile(r"[\s\u3000\xa0\u200b\ufeff]+")
_MARKUP = re.compile(r"^[#>*\s]+|(?<![*\s])[*\s]+$")  # the tail tried once per run of blanks
# A metadata box's label before the title (名称：…, or 名称 in a cell of its own beside it).
_LABEL_PREFIX = re.compile(r"^(?:标题|名称|题目|文章标题)\s*[:：]?\s*")
_BOX_LABEL = re.compile(r"(?:标题|名称|题目|文章标题)[:：]?")
# The same label inside a metadata box run into one line (…发文日期:2020年01月17日名称:某局2019年…).
_BOX_FIELD = re.compile(r"(?:标题|名称|题目)[:：]")
# Starts only where a whitespace run starts (the leftmost match anyway): one try per run, not per space.
_SITE_TAIL = re.compile(r"(?<!\s)\s*[-—_|｜]\s*[^-—_|｜]{1,30}$")
_DISCLOSURE = ("政府信息公开", "信息公开", "政务公开")
_SECTION_KEYS: tuple[tuple[str, ...], ...] = tuple(
    tuple(label_key(title) for title in section.titles) for section in SECTIONS
)


def clean_line(text: str) -> str:
    """One line without Markdown markers or spacing."""
    text = unicodedata.normalize("NFKC", text)
    if "#" in text or ">" in text or "*" in text:
        text = _MARKUP.sub("", text)  # without these marks it strips only blanks, which _SPACE takes
    return _SPACE.sub("", text)


@lru_cache(maxsize=32768)
def match_section_heading(text: str) -> Section | None:
    """The section a heading line starts (``### 三、收到和处理政府信息公开申请情况``), if it is one."""
    stripped = text.strip()
    if not stripped or len(stripped) > 60 or stripped[0] not in HEADING_FIRST:
        return None
    match = _HEADING.match(stripped)
    if match is None:
        return None
    index = _NUMERALS.index(match["num"])
    key = label_key(match["title"])
    if not key:
        return None
    for candidate in _SECTION_KEYS[index]:
        if key == candidate or key.startswith(candidate):
            return SECTIONS[index]
        common = _common_prefix(key, candidate)
        if common >= min(4, len(candidate)) and len(candidate) >= 4:
            return SECTIONS[index]
    return None


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


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


_CHINESE_DIGITS = str.maketrans("〇零○Ｏ一二三四五六七八九", "0000123456789")
_CHINESE_YEAR = re.compile(r"[一二][〇零○Ｏ一二三四五六七八九]{3}(?=\s*年)")
_EDGE = "".join(sorted(set('-—_:：,，、 【】[]《》〈〉「」“”"')))  # punctuation around a title's parts
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
    rest = before[cut:].strip(_EDGE)
    if _looks_like_agency(rest):
        return rest
    if numbers:
        head = before[: numbers[-1].start()]
        head = head[head.rfind("】") + 1 :]
        for end in range(len(head), 1, -1):  # the office's name before its issuer code
            name = head[:end].strip(_EDGE)
            if _DOC_CODE.fullmatch(head[end:]) and _looks_like_agency(name):
                return name
    return before


def _parse_title(line: str) -> tuple[str, int] | None:
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
    before = _REQUEST_WORDS.sub("", text[: match.start()].strip(_EDGE))
    before = _LEADING_WORDS.sub("", before).strip(_EDGE)  # 关于印发《某局2022年度…》的通知
    before = _without_column_heading(_after_furniture(before))
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


# A site's side column headed 政府信息公开 (or 信息公开, 政务公开, 公开指南 …) beside the article: a
# converter that reads across the page glues the heading before the title (``政府信息公开
# 某县民政局2023年…``). No issuing body's name begins with these words (the bodies named after
# them — 某县政务公开办公室 — begin with their place), so a leading run of them is navigation.
_COLUMN_HEADING = re.compile(r"^(?:(?:政府|政务)?信息公开|政务公开|公开指南|公开制度|年度报告)+")


def _without_column_heading(before: str) -> str:
    """The words before the year without a side column's heading glued in front, when what is left
    still reads as a whole agency name (not a bare 办公室 of 政务公开办公室)."""
    rest = _COLUMN_HEADING.sub("", before).strip(_EDGE)
    if rest != before and len(rest) >= 4 and _looks_like_agency(rest):
        return rest
    return before


_DIGIT = re.compile(r"[0-9]")  # no agency's name has one: a date or a list's number run into it
_LONG_LINE = 80  # a title is shorter: a longer line is read whole only for a title standing apart
# A page's label for links to other articles (相关链接：2020年政府信息公开工作年度报告 after the
# article): what follows is another report's title, and the label is no agency.
_LINK_LABEL = re.compile(
    r"(?:相关链接|相关文章|相关阅读|相关信息|上一篇|下一篇|延伸阅读|推荐阅读|分享到|打印本页|关闭窗口|点击量)"
    r"[^\u4e00-\u9fff]*$"
)
# A title standing apart by spaces inside a long line (a converter ran a platform's header box,
# the title and the body into one paragraph, the title's 报告 wrapped as 报 告): the agency's
# name, the year, and the report's name, a blank or the line's edge on both sides.
_TITLE_IN_LINE = re.compile(
    r"(?<![^\s：:])[^\s：:，,。；]{2,40}?(?:19|20)\d{2}年度?(?:政府|政务)?信息公开工作年度报[ \u3000]?告(?!\S)"
)


def identify(document: Document) -> Identity:
    """Agency and year from the title, falling back on the signature and the body."""
    texts = document.paragraphs
    parsed: dict[str, tuple[str, int] | None] = {}  # each line is asked up to three times below

    def title_parts(line: str) -> tuple[str, int] | None:
        if line not in parsed:
            parsed[line] = _parse_title(line)
        return parsed[line]

    heading_at = next((i for i, b in enumerate(texts) if match_section_heading(b.text)), len(texts))
    head = texts[: max(heading_at, 1)][:60]
    page_title = title_parts(_SITE_TAIL.sub("", document.title)) if document.title else None
    notes: list[str] = []
    for line, where, above in _title_candidates(head, document.title, title_parts):
        parts = title_parts(line)
        if parts is None:
            continue
        agency, year = parts
        if _LINK_LABEL.search(agency):
            continue  # 相关链接：2020年…年度报告 after the article: a link to another report
        if page_title is not None and year != page_title[1] and where != "title":
            continue  # a link to another year's report (a sidebar) above the page's own title
        period = _other_period(year, texts)
        if not agency and above is not None and _looks_like_agency(above.text):
            return Identity(clean_line(above.text), year, above.where, where, period_year=period)
        if agency:
            trimmed = _undoubled(_without_chrome(_without_portal(agency), texts))
            if page_title is not None and page_title[0] and page_title[0] in trimmed and _DIGIT.search(trimmed):
                # a side column's words run into the title's line (``第4批行某局2022年``): the
                # page's own title names the agency without them
                trimmed = page_title[0]
            if slipped(line):  # an OCR's title: the body's name where it is one character off
                signed = _signature(texts)
                if signed is not None and one_apart(signed[0], trimmed):
                    return Identity(signed[0], year, signed[1], where, period_year=period, slipped=True)
                named = body_name(trimmed, "\n".join(block.text for block in texts))
                agency = named or trimmed
                return Identity(agency, year, where, where, period_year=period, slipped=True)
            return Identity(trimmed, year, where, where, (), agency if trimmed != agency else None, period)
        signed = _signature(texts)
        if signed is not None:
            notes.append("agency: the title does not name it; taken from the signature")
            return Identity(signed[0], year, signed[1], where, tuple(notes))
        return Identity(None, year, None, where, ("agency: neither the title nor a signature names it",))
    in_table = _title_in_table(document)
    if in_table is not None:
        agency, year, where = in_table
        trimmed = _undoubled(_without_chrome(_without_portal(agency), texts))
        note = "the title was read from a table row above the report's first part"
        notes = [f"{what}: {note}" for what in ("agency", "year")]
        return Identity(trimmed, year, where, where, tuple(notes), agency if trimmed != agency else None)
    signed = _signature(texts)
    year_found = _body_year(texts)
    found_agency = signed[0] if signed else None
    if signed:
        notes.append("agency: no title found; taken from the signature")
    else:
        opened = _overview_opening(texts)
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


def _title_candidates(
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
        yield _SITE_TAIL.sub("", page_title), "title", None


def _title_in_table(document: Document) -> tuple[str, int, str] | None:
    """The title a converter set in a table above the report's first part (a page's metadata box:
    ``| 名称 | 海盐县人民政府2020年政府信息公开工作年度报告 |``): (agency, year, where) from the
    first row whose cells, run together, read as a title naming the agency; None if none does."""
    for block in document.blocks:
        if isinstance(block, TextBlock):
            if match_section_heading(block.text):
                return None
            continue
        for row in block.rows:
            parts = _parse_title("".join(cell.text.replace("\n", "") for cell in row))
            if parts is not None and parts[0]:
                return parts[0], parts[1], row[0].where
    return None


# Page text that is not a name: navigation, breadcrumbs, a metadata box's labels.
_CHROME = re.compile(r"[\s>»/|｜:：]|首页|当前位置|您的位置|名称|发布机构")


def _without_chrome(agency: str, texts: list[TextBlock]) -> str:
    """A crawler's text runs the site's navigation into the title (首页政务公开…当前位置:首页>
    年报海盐县人民政府2022年…): what stands before the year is then more than the agency. The name
    is the longest end of it that reads like an agency and that the page prints again elsewhere
    (the body, the signature, a 发布机构 field); failing that, the end after the last piece of
    chrome."""
    if not _CHROME.search(agency):
        return agency
    body = "".join(_SPACE.sub("", b.text) for b in texts)
    compact = _SPACE.sub("", agency)
    for start in range(len(compact) - 2):
        tail = compact[start:]
        if len(tail) <= 40 and _AGENCY_END.search(tail) and not _CHROME.search(tail) and body.count(tail) >= 2:
            return tail
    pieces = [p for p in _CHROME.split(compact) if p]
    return pieces[-1] if pieces else agency


# A portal's or a column's name: a printed page's running header (某省人民政府门户网站 政府信息公开专栏
# 某厅) run into the title. No issuing body is named with these words.
_PORTAL = re.compile(r"门户网站|网站|专栏|频道")


def _without_portal(agency: str) -> str:
    """The words after the last portal or column name, when they still read as an agency."""
    pieces = _PORTAL.split(agency)
    if len(pieces) == 1:
        return agency
    rest = _COLUMN_HEADING.sub("", pieces[-1].strip(_EDGE)).strip(_EDGE)
    return rest if _looks_like_agency(rest) else agency


def _undoubled(agency: str) -> str:
    """A name printed twice in a row (the running header's agency, then the title's): once."""
    half = len(agency) // 2
    if len(agency) % 2 == 0 and agency[:half] == agency[half:] and _looks_like_agency(agency[:half]):
        return agency[:half]
    return agency


# How the names of issuing bodies end (人民政府, 办公室, 发展和改革局, 街道, 管委会 …): a line
# standing alone above a title or a date is taken as the agency only if it reads like one.
_AGENCY_END = re.compile(
    r"(?:政府|办公室|办公厅|局|委员会|委|厅|部|署|院|街道|镇|乡|区|县|市|州|盟|旗|中心|办事处|管委会|公司|所|站|队|会)$"
)


def _looks_like_agency(text: str) -> bool:
    line = clean_line(text)
    return 2 <= len(line) <= 40 and not re.search(r"\d", line) and "报告" not in line and bool(_AGENCY_END.search(line))


def _signature(texts: list[TextBlock]) -> tuple[str, str] | None:
    """The signing body: the short line just before the closing date, near the end (or the date
    run onto its line: ``某局 2022年3月25日``, a converter joining the two right-aligned lines)."""
    tail = texts[-8:]
    for i in range(len(tail) - 1, 0, -1):
        if _DATE.match(clean_line(tail[i].text)) and _looks_like_agency(tail[i - 1].text):
            return clean_line(tail[i - 1].text), tail[i - 1].where
    for block in reversed(tail):
        signed = _signed_line(block.text)
        if signed is not None:
            return signed[0], block.where
    return None


_DATE_ENDING = re.compile(r"(?P<year>(?:19|20)\d{2})年\d{1,2}月\d{1,2}日$")  # on a clean line


def _signed_line(text: str) -> tuple[str, int] | None:
    """(agency, year of the date) of a line printing the signing body and the closing date after
    it, apart by a blank (``某局 2022年3月25日``); None for any other line."""
    if "日" not in text or len(text) > 60:
        return None  # no date can end it (a cheap test before cleaning)
    line = clean_line(text)
    match = _DATE_ENDING.search(line)
    if match is None or not match.start() or not _looks_like_agency(line[: match.start()]):
        return None
    if not re.search(r"\s(?:19|20)\d{2}\s*年", unicodedata.normalize("NFKC", text)):
        return None  # the date run into the name without a blank: not two lines joined
    return line[: match.start()], int(match["year"])


_PERIOD = re.compile(r"统计(?:时间|时限|期限)[^。]{0,12}?((?:19|20)\d{2})\s*年")


def _period(texts: list[TextBlock]) -> tuple[int, str] | None:
    """The year the body's statistics period (本报告所列数据统计期限自2019年1月1日…) starts in."""
    for block in texts[:30]:
        if "统" not in block.text:
            continue  # no other code point normalises to 统: the pattern cannot match (skip NFKC)
        year = _period_year(block.text)
        if year is not None:
            return year, block.where
    return None


_PERIOD_SPAN = 21  # characters of the longest match of _PERIOD, cleaned (统计期限 + 12 + 2020年)


def _period_year(text: str) -> int | None:
    """``_PERIOD``'s year in ``text`` as ``clean_line`` cleans it, without cleaning the whole of a
    long paragraph (NFKC is the costliest step of reading a title): a match starts at a 统, which
    no other code point normalises to and NFKC leaves alone, so each 统's stretch of the text is
    cleaned in turn, widened until it holds a match's span cleaned (blanks dropped) or the text ends."""
    at = text.find("统")
    while at >= 0:
        width = 4 * _PERIOD_SPAN
        while True:
            piece = clean_line(text[at : at + width])
            if len(piece) > 2 * _PERIOD_SPAN or at + width >= len(text):
                break
            width *= 2
        match = _PERIOD.match(piece)
        if match:
            return int(match.group(1))
        at = text.find("统", at + 1)
    return None


def _other_period(year: int, texts: list[TextBlock]) -> int | None:
    """The year the body's statistics period starts in, when it is not the title's ``year``."""
    period = _period(texts)
    return period[0] if period is not None and period[0] != year else None


def _body_year(texts: list[TextBlock]) -> tuple[int, str, str] | None:
    period = _period(texts)
    if period is not None:
        return period[0], period[1], "from the statistics period in the body"
    opened = _overview_opening(texts)
    if opened is not None:
        return opened[0], opened[2], "from the overview's opening sentence (2020年，…)"
    for block in reversed(texts[-8:]):
        match = _DATE.match(clean_line(block.text))
        if match:
            return int(match["year"]) - 1, block.where, "the year before the closing date"
    for block in reversed(texts[-8:]):
        signed = _signed_line(block.text)
        if signed is not None:
            return signed[1] - 1, block.where, "the year before the closing date (after the signature)"
    return None


# The sentence a report's overview (一、总体情况) opens with: ``2020年，海盐县人民政府深入贯彻落实…``.
_OPENING = re.compile(
    r"^((?:19|20)\d{2})\s*年(?:度)?[，,]\s*(.{2,40}?)(?=深入|认真|坚持|严格|全面|紧紧|紧扣|按照|围绕|始终|进一步|扎实|持续|以)"
)


def _overview_opening(texts: list[TextBlock]) -> tuple[int, str, str] | None:
    """The year (and the agency, '' when the sentence names none that reads like one) the first
    paragraph under the overview heading opens with; None if it opens otherwise."""
    for i, block in enumerate(texts[:-1]):
        section = match_section_heading(block.text)
        if section is None or section.number != SECTIONS[0].number:
            continue
        text = clean_line(texts[i + 1].text)
        match = _OPENING.match(text)
        if match is None:
            year = re.match(r"^((?:19|20)\d{2})\s*年(?:度)?[，,]", text)
            return (int(year.group(1)), "", texts[i + 1].where) if year else None
        agency = match.group(2).strip()
        if agency.startswith(("我", "本")) or not _looks_like_agency(agency):
            agency = ""
        return int(match.group(1)), agency, texts[i + 1].where
    return None
