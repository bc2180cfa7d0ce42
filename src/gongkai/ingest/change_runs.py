"""A crawler's run of a table 二 row with its comparison columns run on: this year's cells, last
year's figure (上年数) and its change in percent (同比), every cell's digits together
(``规章11206932195218426.0%``: 1120 · 6932 · 1952, last year 1842, +6.0%).

The percentage's own digits and last year's figure have no mark between them and this year's
cells; what pins them is the change: this year's compared figure (the last of the row's cells)
against last year's must give it (1952 against 1842 is +6.0%). A run is cut where one start of
last year's figure does that (with any of the percentage's possible starts, and any start of the
compared figure) and keeps this year's digits only, for the run reader to cut as any other row's;
the group's header loses the comparison words with them. A group (a header naming 上年数 · 同比
and the rows up to the next header) where any row's cut is not decided is left as printed, and
only text before table 三's title is looked at (its share runs end in a percentage too)."""

from __future__ import annotations

import re

from gongkai.ingest.extra_columns import change_fits
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.records import Token
from gongkai.report.templates import TABLES_BY_KEY

_HEADER = re.compile(r"上年(?:同期)?数?\s?(?:同比|增减)")
# table 三's title without its 情况 (printed either way)
_TABLE_THREE = re.compile(re.escape(TABLES_BY_KEY["requests"].title.removesuffix("情况")))
# A row's glued tail: digits (a signed 本年增/减 among them), ending in a percentage or a dash.
# Last year's figure and its change both a dash (``行政事业性收费*0-4——``: no figure last year) end it too.
_GLUED = re.compile(r"(?<=[\u4e00-\u9fff）)*\s])\d[\d.\-−]{1,60}?(?:\d\.\d{1,2}[%％]|——|—)(?![\d.—])")
# A money row's run and its signed difference (``2883.893256.51-372.62``): digits with a point.
_MONEY_RUN = re.compile(r"(?<=[\u4e00-\u9fff）)*\s])(\d[\d.]{2,40}\.\d{1,2})([+\-−]\d{1,12}(?:\.\d{1,2})?)(?![\d.])")
_FIGURE = re.compile(r"(?:0|[1-9]\d*)(?:\.\d{1,2})?")
_PERCENT = re.compile(r"[-−]?\d{1,3}\.\d{1,2}[%％]$")
_MAX_ZONE = 6000  # characters after a header searched for its rows (a bounded look)
_MAX_RUNS = 40  # runs of one group
_MAX_GROUPS = 12  # headers naming the comparison columns


def changes_dropped(text: str) -> str:
    """``text`` with table 二's run-on 上年数 · 同比 cells taken off its rows, group by group (a
    header naming them and the rows up to the next header); a group where any row's cut is not
    decided is left as printed, its header with it (the row reader then reads none of its rows
    rather than one with last year's digits)."""
    if "同比" not in text and "增减" not in text:
        return text
    headers = list(_HEADER.finditer(text))[:_MAX_GROUPS]
    if not headers:
        return text
    end = min(len(text), headers[0].start() + _MAX_ZONE)
    three = _TABLE_THREE.search(text, headers[0].end(), end)
    end = three.start() if three else end
    starts = [h.start() for h in headers if h.start() < end]
    pieces = [text[: starts[0]]]
    for header, stop in zip(headers, [*starts[1:], end], strict=False):
        group = text[header.start() : stop]
        pieces.append(_group(group, len(header[0])) if "同比" in header[0] else _money_apart(group))
    return "".join(pieces) + text[end:]


def _group(group: str, header: int) -> str:
    """One group (its header's comparison words, then its rows) without its comparison columns,
    or as printed where a row's cut is not decided (or no row ends in a change)."""
    runs = list(_GLUED.finditer(group, header))[:_MAX_RUNS]
    kept = [this_year(match[0]) for match in runs]
    if not runs or any(k is None for k in kept):
        return group
    pieces: list[str] = []
    at = header
    for match, digits in zip(runs, kept, strict=True):
        pieces += [group[at : match.start()], digits or ""]
        at = match.end()
    return "".join(pieces) + group[at:]


def _money_apart(group: str) -> str:
    """A 增减 group with each money run's cells set apart where one cut gives the printed
    difference (``2883.893256.51-372.62``: 2883.89 3256.51 -372.62); the row reader takes the
    comparison off (``cut_extra``), which cuts runs of whole digits itself but not money."""
    return _MONEY_RUN.sub(_money_cells, group)


def _money_cells(match: re.Match[str]) -> str:
    body, change = match[1], match[2]
    token = Token(change, "", parse_cell(change), None)
    cuts = [
        (body[:i], body[i:j], body[j:])
        for j in range(1, len(body))
        if _FIGURE.fullmatch(body[j:])
        for i in range(j)
        if _fits(body[i:j], body[j:], token) and (i == 0 or _FIGURE.fullmatch(body[:i]))
    ]
    if len(cuts) != 1:
        return match[0]
    return " ".join(part for part in (*cuts[0], change) if part)


def this_year(run: str) -> str | None:
    """The digits of this year's cells in ``run`` (last year's figure and the change taken off)
    where one start of last year's figure gives the printed change, else None."""
    if run.endswith("——") and run[-3:-2].isdigit():
        return run[:-2]  # no figure last year and no change: all the digits are this year's
    kept: set[str] = set()
    for body, change in _splits(run):
        token = Token(change, "", parse_cell(change), None)
        for j in range(1, len(body)):
            before = body[j:]
            if _FIGURE.fullmatch(before) is not None and any(_fits(body[i:j], before, token) for i in range(j)):
                kept.add(body[:j])
    return next(iter(kept)) if len(kept) == 1 else None


def _splits(run: str) -> list[tuple[str, str]]:
    """``run`` as (this year's cells with last year's figure, the change): a dash, or each start
    of the percentage at the run's end (its sign kept with it)."""
    if run.endswith("—"):
        return [(run[:-1], "—")] if run[:-1] else []
    out: list[tuple[str, str]] = []
    point = run.rfind(".")
    for start in range(max(0, point - 4), point):
        change = run[start:]
        if _PERCENT.fullmatch(change) and run[:start] and run[start - 1].isdigit():
            out.append((run[:start], change))
    return out


def _fits(now: str, before: str, change: Token) -> bool:
    """Whether this year's figure ``now`` against last year's ``before`` gives ``change``."""
    if _FIGURE.fullmatch(now) is None:
        return False
    return change_fits(float(now), float(before), change)


# ---------------------------------------------------------------------------------------------
# Laid-out text: each cell a token, the change a token of its own (``规章  1120  6932  1952  1842  6.0%``)
# ---------------------------------------------------------------------------------------------

_LAID_OUT_HEADER = re.compile(r"上年(?:同期)?数?[ \t]{0,40}同比")
_HEADER_WORDS = re.compile(r"上年(?:同期)?数?|同比")
_TOKEN = re.compile(r"\S+")
_ITEM_HEADING = "第二十条"
_MAX_GROUP_LINES = 8  # rows of one group (a bounded look)


def laid_out_changes_dropped(text: str) -> str:
    """``text`` with table 二's 上年数 · 同比 cells blanked on each row of a group whose every row's
    change this year's figure and last year's give, and the group's header words with them (the
    columns keep their places: blanks of the same width); a group with a row they do not give is
    left as printed. The crawler's run-on rows are ``changes_dropped``'s."""
    if "同比" not in text or _LAID_OUT_HEADER.search(text) is None:
        return text
    lines = text.split("\n")
    for at, line in enumerate(lines):
        if _LAID_OUT_HEADER.search(line) and _TABLE_THREE.search(line) is None:
            _blank_group(lines, at)
    return "\n".join(lines)


def _blank_group(lines: list[str], header: int) -> None:
    rows: list[tuple[int, list[re.Match[str]]]] = []
    for at in range(header + 1, min(len(lines), header + 1 + _MAX_GROUP_LINES)):
        line = lines[at]
        if _ITEM_HEADING in line or _LAID_OUT_HEADER.search(line) or _TABLE_THREE.search(line):
            break
        tokens = list(_TOKEN.finditer(line))
        if len(tokens) < 3 or not _ends_in_change(tokens[-1][0]):
            continue
        if not _laid_out_fits(tokens[-3][0], tokens[-2][0], tokens[-1][0]):
            return  # a row the change does not pin: the group as printed
        rows.append((at, tokens[-2:]))
    if not rows:
        return
    for at, tail in rows:
        lines[at] = _blanked(lines[at], tail).rstrip()
    lines[header] = _blanked(lines[header], list(_HEADER_WORDS.finditer(lines[header]))).rstrip()


def _ends_in_change(token: str) -> bool:
    return token == "—" or _PERCENT.fullmatch(token) is not None


def _laid_out_fits(now: str, before: str, change: str) -> bool:
    if before == "—":
        return change == "—"  # no figure last year, no change
    if _FIGURE.fullmatch(before) is None:
        return False
    return _fits(now.lstrip("-−"), before, Token(change, "", parse_cell(change), None)) and now[:1] not in "-−"


def _blanked(line: str, matches: list[re.Match[str]]) -> str:
    chars = list(line)
    for match in matches:
        chars[match.start() : match.end()] = " " * (match.end() - match.start())
    return "".join(chars)
