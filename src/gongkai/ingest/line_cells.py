"""Cut a line of a table printed without separators into its label, figure and dash cells
(``行政强制 76 -3 8844``, ``规章000``, ``1.属于国家秘密  /  /``)."""

from __future__ import annotations

import re

from gongkai.ingest.dash_runs import CJK, DASH_OR_RUN, DASHED_FIGURES, SIGNED_DASH_OR_RUN, dashed_figures
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.thousands_runs import separated

# A number inside a line: optional sign, digits (ASCII or full-width, thousands separators),
# decimals, an optional money unit.
_NUMBER_IN_LINE = re.compile(
    r"[-−－–—]?[0-9０-９]+(?:[,，\u201a][0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?(?:\s*(?:万元|亿元|元))?"
)


# Characters after a number that make it part of a phrase (2020年, 第3项, 26个领域) rather than a cell.
_WORD_AFTER = frozenset("年月日号时分秒岁届期页章节条款项个件次人户家名位批类种份张篇本部所座处亿万千百十%％·:：/-—.．")


_IDENTIFIER_BEFORE = re.compile(r"[A-Za-z0-9０-９/\-:：.．_#]")


def split_line(line: str) -> list[str]:
    """Cut a line of a table without separators into label and number cells.

    ``行政强制 76 -3 8844`` → [行政强制, 76, -3, 8844]; ``规章000`` → [规章, 000] (a digit run the
    recogniser may split); numbers that are part of words (2020年, 第3项, 1.属于…) stay in the label.
    """
    dashed = dashed_figures(line)
    if dashed is not None:
        # "…申请数量6820842129228353/10127", "规章———": a crawler ran the row's cells together and
        # the dash cells (/ — for "none") are what is left between the figures: each dash is a
        # cell of its own, each digit run one or more cells (cut later by the row's arithmetic).
        head = line[:dashed].strip()
        runs = SIGNED_DASH_OR_RUN if DASHED_FIGURES.search(line) else DASH_OR_RUN  # not a hyphen run
        return [*(split_line(head) if head else []), *runs.findall(separated(line[dashed:], ran_together=True))]
    line = separated(line)
    cells: list[str] = []
    label_from = 0
    for match in _NUMBER_IN_LINE.finditer(line):
        a, b = match.span()
        token = match.group()
        before = line[a - 1] if a else ""
        after = line[b] if b < len(line) else ""
        if (before and _IDENTIFIER_BEFORE.match(before)) or before == "第" or line[:a].strip() in _CAPTIONS:
            continue
        if before in _OPENING and after in _CLOSING and CJK.match(line[b + 1 : b + 2]) and "   " not in line:
            # "（3）要求提供公开出版物": a label's numbering, not a cell. A laid-out line (-layout's runs
            # of spaces) is left as it was: its columns place the figures, and keeping the number
            # apart there cost rows of narrow wrapped cells their figures.
            continue
        if after in ".．、" and CJK.match(line[b + 1 : b + 2].lstrip() or line[b + 2 : b + 3]):
            # "…0000004.保护第三方" : the last digit numbers the next label.
            digits = token.lstrip("-−－–—")
            if len(digits) > 1 and digits.isdigit():
                b -= 1
                token = token[:-1]
            else:
                continue
        elif after and after in CELL_COUNT_UNITS and _cell_edge(line, a - 1) and _cell_edge(line, b + 1):
            # "规章 2件 1件 15件": a count printed with its unit, a cell of its own.
            token += after
            b += 1
        elif after and after in _WORD_AFTER:
            continue
        cells.extend(_words_and_dashes(line[label_from:a]))
        cells.append(token.strip())
        label_from = b
    cells.extend(_words_and_dashes(line[label_from:]))
    return cells


def _words_and_dashes(text: str) -> list[str]:
    """The cells of a stretch of a line between numbers: a label, and the dash cells (/ — for
    "nothing") standing apart from it by spaces on either side (``1.属于国家秘密  /  /``)."""
    text = text.strip(_SEPARATORS)
    if not text:
        return []
    parts = text.split()
    head = 0
    while head < len(parts) and parse_cell(parts[head]).kind is CellKind.DASH:
        head += 1
    tail = len(parts)
    while tail > head and parse_cell(parts[tail - 1]).kind is CellKind.DASH:
        tail -= 1
    if head == 0 and tail == len(parts):
        return [text]
    middle = text.strip()
    for part in parts[:head]:
        middle = middle[len(part) :].lstrip()
    for part in reversed(parts[tail:]):
        middle = middle[: len(middle) - len(part)].rstrip()
    return [*parts[:head], *([middle.strip(_SEPARATORS)] if middle.strip(_SEPARATORS) else []), *parts[tail:]]


_OPENING, _CLOSING = frozenset("（("), frozenset("）)")  # around a label's number: （3）


# An annex's caption (附表3, 附件 2) opening its line: its number names the annex, no cell.
_CAPTIONS = frozenset({"附表", "附件"})


_SEPARATORS = " \t\u3000\xa0,，;；|｜"  # between cells of a line, never part of a label


CELL_COUNT_UNITS = frozenset("件个项条次")  # units a count may carry in its cell (numbers.parse_cell)


def _cell_edge(line: str, at: int) -> bool:
    """Whether position ``at`` of ``line`` is outside it or a separator between cells."""
    return at < 0 or at >= len(line) or line[at] in _SEPARATORS
