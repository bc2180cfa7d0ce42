"""Zero cells printed as the word 无 ("none"), turned into the dash cell the text readers know.

Some platforms print every zero of the statutory tables as ``无`` (their notes say 表中"无"表示数量
为零). As a cell it is the printed zero (``numbers.parse_cell`` reads it as a dash cell), but in a
line of text it is also an ordinary word (文号：无, 无其他需要报告的事项) and the first character of
labels (（四）无法提供, 4.无正当理由大量反复申请), so the line readers, which find a row's cells by
its digits and dashes, left a row of 无 inside its label. Here a 无 standing where a cell stands is
written as a dash cell every line reader already takes for a zero: ``—`` apart by spaces, ``/``
run together with figures (``2—2`` would read as 2 and −2, Word's minus sign; a slash is never one).

Gated twice: the page must print a row of them (three 无 cells side by side somewhere), and each
无 must stand as a cell: apart by spaces on a line of several pieces, run together with other 无
or digits (``5无无无无16``), or straight after a table label (``行政许可无``); never where it starts
a label (``无法提供``).
"""

from __future__ import annotations

import re

from gongkai.ingest.runon import label_pattern

ZERO_WORD = "无"
_DASH = "—"
_SLASH = "/"
# A row of zeros printed as 无: three side by side (spaced or run together), the page's evidence.
_ROW_OF_ZEROS = re.compile(r"无(?:[ \t\u3000\xa0]*无){2,}")
_SPACE = " \t\u3000\xa0"
# A 无 apart by spaces (or the line's edges) on both sides.
_APART = re.compile(r"(?<![^ \t\u3000\xa0])无(?![^ \t\u3000\xa0])")
# 无 run together with another 无 or a digit (a crawler's text without spaces).
_RUN = re.compile(r"(?<=[0-9无])无|无(?=[0-9无])")
_MIN_LABEL = 3  # a label match this long starting at a 无 makes it a label's first word


def prints_zero_words(text: str) -> bool:
    """Whether the page prints its zero cells as 无 (a row of three of them somewhere)."""
    return ZERO_WORD in text and _ROW_OF_ZEROS.search(text) is not None


def zero_words_as_dashes(lines: list[str]) -> list[str]:
    """``lines`` with each 无 that stands as a table cell written ``—`` (call only where
    ``prints_zero_words``)."""
    return [_line(line) if ZERO_WORD in line and line.strip(_SPACE) != ZERO_WORD else line for line in lines]


def _line(line: str) -> str:
    apart = {m.start() for m in _APART.finditer(line)} if len(line.split()) > 1 else set()
    cells = {*apart, *(m.start() for m in _RUN.finditer(line)), *_after_labels(line)}
    cells = {at for at in cells if not _starts_label(line, at)}
    if not cells:
        return line
    chars = list(line)
    for at in cells:
        chars[at] = _DASH if at in apart else _SLASH
    return "".join(chars)


def _after_labels(line: str) -> list[int]:
    """Positions of a 无 straight after a table label (one space between at most): ``行政许可无``."""
    found: list[int] = []
    for match in label_pattern().finditer(line):
        at = match.end()
        if at < len(line) and line[at] in _SPACE:
            at += 1
        if at < len(line) and line[at] == ZERO_WORD:
            found.append(at)
    return found


def _starts_label(line: str, at: int) -> bool:
    """Whether the 无 at ``at`` begins a table label (（四）无法提供's 无法提供)."""
    match = label_pattern().match(line, at)
    return match is not None and match.end() - at >= _MIN_LABEL
