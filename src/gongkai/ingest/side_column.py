"""A portal's side column laid out beside the article (``pdftotext -layout`` of a page printed from
a browser, or a PDF read as laid-out text): the 相关链接 list with a date under each link
(``关于2024年第1批… / 2024-02-08``) stands to the right of the report's lines, on the same lines as
its prose and its tables' rows (``行政处罚   126      2022-05-01``). Its words run into a row's last
cell and its dates read as figures; it is no part of the report, so it is cut off those lines.

Found by its dates: three lines or more ending in a date (``2024-02-08``) after a wide gap, at one
column (within two characters), one of them at least after the article's text on its line; or two
at a column on a later page once the text has a list so (pdftotext lays each page out on a scale of
its own). Between the first and the last of them (and a few lines around: the list's heading and a
link's first line), each line's last piece of text that starts at that column is cut when it holds
an ideograph or is such a date; a figure there is kept (a table's column), so a table is never cut
by it. A column on the article's LEFT is left alone (its lines are its own; the article's may follow
its words a single blank apart).
"""

from __future__ import annotations

import re

_DATE = r"(?:19|20)\d{2}-\d{1,2}-\d{1,2}"
# cheap test: a line ending in a date's month and day (a literal first, so the scan is fast), its
# year and the blanks before it looked at where one is found
_DATE_TAIL = re.compile(r"-\d{1,2}-\d{1,2}[ \t]*$", re.M)
_YEAR_BEFORE = re.compile(r"  (?:19|20)\d{2}")
_DATE_ONLY = re.compile(_DATE)
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff]")
_TOKEN = re.compile(r"\S+")
_MIN_DATES = 3
_SLACK = 2  # columns a link's lines may stand off its date's
_NEAR = 8  # lines between two dates of one list (a link's title wrapped on two or three lines)
_AROUND = 3  # lines before the first date and after the last that the column may hold


def has_side_column(text: str) -> bool:
    if "-" not in text:
        return False
    found = 0
    for match in _DATE_TAIL.finditer(text):
        start = match.start()
        if start >= 6 and _YEAR_BEFORE.fullmatch(text, start - 6, start):
            found += 1
            if found >= _MIN_DATES:
                return True
    return False


def side_column_cut(lines: list[str]) -> list[str]:
    """``lines`` with a dated side column beside them cut off (as they are when there is none)."""
    dated: list[tuple[int, int, bool]] = []  # (line, column of its date, text before it)
    for i, line in enumerate(lines):
        last = _last_piece(line)
        if last is not None and last[0] > 0 and _DATE_ONLY.fullmatch(last[1]):
            dated.append((i, last[0], bool(line[: last[0]].strip())))
    if len(dated) < _MIN_DATES:
        return lines
    runs: list[list[tuple[int, int, bool]]] = []  # dated lines at one column, near each other
    for date in dated:
        if runs and abs(runs[-1][-1][1] - date[1]) <= _SLACK and date[0] - runs[-1][-1][0] <= _NEAR:
            runs[-1].append(date)
        else:
            runs.append([date])
    if max(len(run) for run in runs) < _MIN_DATES:
        return lines
    out = list(lines)
    for run in runs:
        if len(run) < 2 or not any(beside for *_, beside in run):
            # a date alone at the end of a line: the text's own, or too little to tell; or no
            # date beside the article's text (a column on the article's LEFT: its lines are its
            # own, and the article's may follow its words a single blank apart)
            continue
        column = run[0][1]
        for i in range(max(run[0][0] - _AROUND, 0), min(run[-1][0] + _AROUND + 1, len(lines))):
            last = _last_piece(lines[i])
            if last is None or abs(last[0] - column) > _SLACK:
                continue
            start, piece = last
            if _IDEOGRAPH.search(piece) or _DATE_ONLY.fullmatch(piece):
                out[i] = lines[i][:start].rstrip()
    return out


def _last_piece(line: str) -> tuple[int, str] | None:
    """The last piece of text on ``line`` (words a single blank apart) and the column it starts
    at, None for an empty line; the column is the line's own (form feed aside)."""
    tokens = list(_TOKEN.finditer(line))
    if not tokens:
        return None
    first = len(tokens) - 1
    while first > 0 and tokens[first].start() - tokens[first - 1].end() < 2:
        first -= 1
    start = tokens[first].start()
    return start, line[start : tokens[-1].end()]
