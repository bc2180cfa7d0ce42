"""The agency and year when the title does not give them: the signature, the statistics period,
the overview's opening sentence, the closing date.

Each reads only a few lines at the body's start (the statistics period, the overview) or its end
(the signature, the closing date): where they stand in every layout, and a long body costs nothing.
"""

from __future__ import annotations

import re
import unicodedata

from gongkai.ingest.agency_names import looks_like_agency
from gongkai.ingest.document import TextBlock
from gongkai.ingest.section_headings import clean_line, match_section_heading
from gongkai.report.templates import SECTIONS

_DATE = re.compile(r"^(?P<year>(?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


def signing_body(texts: list[TextBlock]) -> tuple[str, str] | None:
    """The signing body: the short line just before the closing date, near the end (or the date
    run onto its line: ``某局 2022年3月25日``, a converter joining the two right-aligned lines)."""
    tail = texts[-8:]
    for i in range(len(tail) - 1, 0, -1):
        if _DATE.match(clean_line(tail[i].text)) and looks_like_agency(tail[i - 1].text):
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
    if match is None or not match.start() or not looks_like_agency(line[: match.start()]):
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


def other_period(year: int, texts: list[TextBlock]) -> int | None:
    """The year the body's statistics period starts in, when it is not the title's ``year``."""
    period = _period(texts)
    return period[0] if period is not None and period[0] != year else None


def body_year(texts: list[TextBlock]) -> tuple[int, str, str] | None:
    period = _period(texts)
    if period is not None:
        return period[0], period[1], "from the statistics period in the body"
    opened = overview_opening(texts)
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


def overview_opening(texts: list[TextBlock]) -> tuple[int, str, str] | None:
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
        if agency.startswith(("我", "本")) or not looks_like_agency(agency):
            agency = ""
        return int(match.group(1)), agency, texts[i + 1].where
    return None
