"""Percentages in a text's tables (pdftotext, a crawler's run-on text): a 占比 column or row.

A cell holding a percentage is never a statutory count (``shares`` takes such columns out of
tables with cells). In text the cells are tokens, so the percentages go before the lines are cut
into cells:

* a line's trailing run of figures holding counts and percentages (``0 620 100.0%``) loses the
  percentages; one holding nothing but percentages and dashes (a 其中：占比 row: ``64.2% 0.0%``)
  loses them all, and a line left with nothing, or a share's title only, goes;
* a dash ending a line of counts (``22 —``, the share of a row that has none) goes where the
  nearest line of figures before or after it ended in a percentage;
* a share's title standing as a word of its own (``总计 占比``) goes;
* a crawler's run of a row's digits with its share run on (``351710141570620100.0%``): the share's
  point and ``%`` bound it on the right; its left edge is one of the last three digits before the
  point (a share is at most 100). The cut kept is the one after which the row's digits can still
  be cut into the row's cells by its own sum (a row of 三: six figures, then their 总计); where
  none or more than one does, the run is left as printed. A dash run on after a row's digits
  (``100066022—``) between such rows goes with them.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from gongkai.ingest.digits import cut_groups
from gongkai.ingest.lines_holding import lines_holding
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.shares import glued_counts, is_percent, is_share_title
from gongkai.report.equations import requests_bound
from gongkai.report.templates import REQUEST_COLUMNS, TEMPLATES

_TOKEN = re.compile(r"\S+")
_ROW_CHECK = requests_bound(min(TEMPLATES)).row_check("new_received")  # a row of 三: six, then their 总计
# Lines looked at around a dash at most: pdftotext's default mode prints a row's first cells one a
# line and its last ones (``0 21 —``) on one, so a row of seven cells spans six lines; a Word
# table's, a cell a line with blank lines between and a wrapped label, some twenty.
_NEAR_LINES = 24
# A row's digits run on with its share: seven figures at least, then the share (1–3 digits) and its
# decimals (``…0620100.0%``); nothing digit-like before it.
_GLUED = re.compile(r"(?<![\d.,，．])\d{8,60}\.\d{1,2}[%％]")
_GLUED_DASH = re.compile(r"(?<![\d.,，．])(\d{7,60})[—―](?![—―\d])")
_GLUED_SPAN = 400  # characters between a run-on dash and a run-on share of the same table
_MAX_GLUED = 200  # run-on shares looked at in one text (a bound on hostile input)
_GLUED_LONGEST = 64  # characters of the longest run-on share (``_GLUED``: 60 digits, point, 2, %)
_SIGNS = ("%", "％")


@lru_cache(maxsize=8192)  # pure; the same tokens (0, —, 100.0%) come back on every line
def _kind(token: str) -> str | None:
    """``%`` a percentage, ``n`` a count, ``-`` a dash, None anything else."""
    if is_percent(token):
        return "%"
    kind = parse_cell(token).kind
    return "n" if kind is CellKind.NUMBER else "-" if kind is CellKind.DASH else None


def _tail(line: str) -> list[tuple[re.Match[str], str]]:
    """The line's trailing tokens that are figures, dashes or percentages, with their kinds."""
    tokens = list(_TOKEN.finditer(line))
    out: list[tuple[re.Match[str], str]] = []
    for match in reversed(tokens):
        kind = _kind(match[0])
        if kind is None:
            break
        out.append((match, kind))
    return out[::-1]


def _blanked(line: str, matches: list[re.Match[str]]) -> str:
    """``line`` with the tokens blanked (spaces: a laid-out line keeps its columns' places)."""
    chars = list(line)
    for match in matches:
        chars[match.start() : match.end()] = " " * (match.end() - match.start())
    return "".join(chars).rstrip()


def _titles_blanked(line: str) -> str:
    if "占" not in line and "比" not in line:
        return line
    titles = [m for m in _TOKEN.finditer(line) if is_share_title(m[0])]
    return _blanked(line, titles) if titles else line


_ROW_OF_SHARES = "其中"  # a share row's title (其中：占比): a row of the table, not a table of shares


def _rows_of_shares(lines: list[str], signed: list[int]) -> set[int]:
    """Lines of shares alone in runs where one holds several (a 其中：占比 row's cells, wrapped):
    a run of single shares, one a line, is a table of shares' column (a channel table's 占比).
    (Only lines with a percent sign, ``signed``, can be in a run: the others are not looked at.)"""
    out: set[int] = set()
    run: list[int] = []
    for i in [*(i for i in signed if _only_shares(lines[i])), -2]:
        if run and i == run[-1] + 1:
            run.append(i)
            continue
        if any(sum(is_percent(t) for t in _TOKEN.findall(lines[j])) > 1 for j in run):
            out.update(run)
        run = [i]
    return out


def _only_shares(line: str) -> bool:
    """A line of shares and dashes, one share at least."""
    tokens = _TOKEN.findall(line)
    return bool(tokens) and all(_kind(t) in ("%", "-") for t in tokens) and any(is_percent(t) for t in tokens)


def _plain_ended(line: str) -> bool | None:
    """``ended`` of a line with no share nor share title: False where it ends in a figure or a
    dash and is not one token alone (a lone figure: no row's end), else None."""
    parts = line.split(None, 1)
    if len(parts) < 2:
        return None
    return False if _kind(line.rsplit(None, 1)[-1]) is not None else None


def _lines_without_shares(lines: list[str]) -> list[str]:
    # Only lines holding a share's sign or title change; the others are kept as they are, and
    # their ``ended`` (``_plain_ended``) is asked only where a row ends in a share. In order: a
    # line's ``ended`` is set once it is read, the lines after it still None when it is.
    out: list[str | None] = list(lines)
    ended: list[bool | None] = [None] * len(lines)  # per line: its figures ended in a percentage (None: no figures)
    marked = lines_holding(lines, "%％占比")
    rows_of_shares = _rows_of_shares(lines, [i for i in marked if "%" in lines[i] or "％" in lines[i]])
    for i in marked:
        line = lines[i]
        tail = _tail(line)
        kinds = [kind for _m, kind in tail]
        if "%" not in kinds:
            alone = len(_TOKEN.findall(line)) == 1
            new = line if alone and not line.strip().startswith(_ROW_OF_SHARES) else _titles_blanked(line)
            out[i] = new if new.strip() or not line.strip() else None  # (a bare title alone: kept)
            ended[i] = None if not tail or alone else False  # (a lone figure: no row's end)
            continue
        counts = "n" in kinds
        if not counts and len(tail) == len(_TOKEN.findall(line)) and i not in rows_of_shares:
            # shares one a line: a column of a table of shares of its own, left; under a bare
            # share title, a table's 占比 column printed apart from its rows (pdftotext), gone
            ends_row = _ends_a_row(lines, i)
            out[i] = None if ends_row or _printed_apart(lines, i, ended) else line
            ended[i] = True if ends_row else None  # a row's share: a share row's end
            continue
        gone = [m for m, kind in tail if kind == "%" or (not counts and kind == "-")]
        new = _titles_blanked(_blanked(line, gone))
        ended[i] = True if counts and kinds[-1] == "%" else None
        out[i] = new if new.strip() else None  # a line of shares alone goes
    if True not in ended:
        return [line for line in out if line is not None]  # no row ends in a share: no dash goes
    plain = set(range(len(lines))).difference(marked)
    for i in plain:
        ended[i] = _plain_ended(lines[i])
    for i, kept in enumerate(out):
        if kept is None:
            continue
        last = kept.rsplit(None, 1)[-1:]
        if not last or (last[0] not in _DASHES and _kind(last[0]) != "-"):
            continue  # both cases below end in a dash
        if kept.strip() in _DASHES and _ends_a_row(lines, i) and _near_share_row(ended, i):
            out[i] = ""  # a dash a line after a row's seven figures: the share of a row with none
            continue
        tail = _tail(kept)
        if len(tail) < 2 or tail[-1][1] != "-" or tail[-2][1] != "n":
            continue
        if _near_share_row(ended, i):
            out[i] = _blanked(kept, [tail[-1][0]])
    return [line for line in out if line is not None]


# A share column printed apart is one of a table whose rows print their shares (``0 12 0.4%``)
# within these lines before it; a channel table's 占比 column (its shares only) has none.
_SHARE_ROWS_BEFORE = 80
_MAX_APART = 40  # shares of a 占比 column printed apart, one a line, at most (a bound)


def _share_title_above(lines: list[str], i: int) -> str | None:
    """The share title on a line of its own that line ``i`` stands under in a run of lone shares
    (blank lines between them: a Word table through pdftotext), or None: ``占比`` / ``1.9%`` /
    ``1.7%`` … (a table's share column printed apart), ``其中：占比`` / ``85.2%`` … (a share row)."""
    for j in range(i - 1, max(-1, i - 1 - _MAX_APART), -1):
        tokens = _TOKEN.findall(lines[j])
        if not tokens:
            continue
        if len(tokens) == 1 and is_share_title(tokens[0]):
            return tokens[0]
        if len(tokens) != 1 or not is_percent(tokens[0]):
            return None
    return None


def _printed_apart(lines: list[str], i: int, ended: list[bool | None]) -> bool:
    """Lone share line ``i`` is a cell of table 三's 占比 row (under its title 其中：占比) or of
    its 占比 column printed apart (under a bare 占比, in a table whose rows print their shares
    within ``_SHARE_ROWS_BEFORE`` lines before it)."""
    title = _share_title_above(lines, i)
    if title is None:
        return False
    return title.startswith(_ROW_OF_SHARES) or True in ended[max(0, i - _SHARE_ROWS_BEFORE) :]


_ROW_CELLS = len(REQUEST_COLUMNS)
_ROW_LINES = 3 * _ROW_CELLS  # lines looked back over for a row's cells (blank lines between them)


def _ends_a_row(lines: list[str], i: int) -> bool:
    """Lone share line ``i`` ends a row of table 三 printed a cell a line (a Word table through
    pdftotext: ``351`` / ``71`` … ``620`` / ``100.0%``, blank lines between): the seven lone figures
    before it add up as a row of the table (``report.equations``), so the share is that row's 占比
    cell. A table of shares' own column (a channel's 数量 / 占比) holds no such row."""
    cells: list[int] = []
    for j in range(i - 1, max(-1, i - 1 - _ROW_LINES), -1):
        tokens = _TOKEN.findall(lines[j])
        if not tokens:
            continue
        value = parse_cell(tokens[0]) if len(tokens) == 1 else None
        if value is None or value.kind not in (CellKind.NUMBER, CellKind.DASH):
            return False
        if not isinstance(value.amount, int) and value.kind is CellKind.NUMBER:
            return False
        cells.append(int(value.amount or 0))
        if len(cells) == _ROW_CELLS:
            return _ROW_CHECK(cells[::-1])
    return False


def _near_share_row(ended: list[bool | None], i: int) -> bool:
    """The nearest row of figures before or after line ``i`` (lone figures skipped: one cell of a
    row printed a line each) ended in a percentage."""
    before = [ended[j] for j in range(i - 1, max(-1, i - 1 - _NEAR_LINES), -1) if ended[j] is not None]
    after = [ended[j] for j in range(i + 1, min(len(ended), i + 1 + _NEAR_LINES)) if ended[j] is not None]
    return before[:1] == [True] or after[:1] == [True]


def _row_totals(digits: str) -> set[int]:
    """The 总计 of each cut of ``digits`` into a row of table 三 whose 总计 is the sum of the
    others (empty: no cut fits, or too many to tell)."""
    groups = requests_bound(min(TEMPLATES)).run_groups("new_received", len(REQUEST_COLUMNS))
    return {cut[-1] for cut in cut_groups(digits, groups) or ()} if groups else set()


Bases = list[tuple[float, float]]


def _bases(total: int, share: float) -> tuple[float, float]:
    """The figures ``total`` may be ``share`` percent of (rounded to one decimal)."""
    if total == 0:
        return 0.0, math.inf
    low = total * 100 / (share + 0.05)
    return low, (total * 100 / (share - 0.05) if share > 0.05 else math.inf)


def _agrees(total: int, share: float, known: Bases) -> bool:
    low, high = _bases(total, share)
    return any(low <= b_high and b_low <= high for b_low, b_high in known)


def _decided(found: list[re.Match[str]]) -> dict[int, str]:
    """Each run-on share's row digits (by the match's index) where one cut fits the row sum; where
    several do, the one whose share agrees with a figure the decided rows' shares are of (the
    shares of one table are of one or two figures: 本年新收, 总计)."""
    options: list[list[tuple[str, set[int], float]]] = []
    for match in found:
        fits = []
        for count in glued_counts(match[0]):
            totals = _row_totals(count)
            if totals:
                fits.append((count, totals, float(match[0][len(count) :].rstrip("%％"))))
        options.append(fits)
    decided = {i: fits[0][0] for i, fits in enumerate(options) if len(fits) == 1}
    known: Bases = [
        _bases(next(iter(fits[0][1])), fits[0][2])
        for i, fits in enumerate(options)
        if i in decided and len(fits[0][1]) == 1 and next(iter(fits[0][1])) > 0
    ]
    for i, fits in enumerate(options):
        if i in decided or not known:
            continue
        agreeing = [count for count, totals, share in fits if any(_agrees(t, share, known) for t in totals)]
        if len(agreeing) == 1:
            decided[i] = agreeing[0]
    return decided


def _row_cuts(digits: str) -> bool:
    return bool(_row_totals(digits))


def _glued_shares(text: str) -> list[re.Match[str]]:
    """``_GLUED``'s matches in ``text`` (its first ``_MAX_GLUED``), searched for only before each
    ``%``: a match ends in one, and scanning every character of a long text cost more than the
    rest of dropping its shares. (The lookbehind sees before the search's start.)"""
    signs = sorted(at for sign in _SIGNS for at in _positions(text, sign))
    found: list[re.Match[str]] = []
    done = 0  # where the last match ended: matches do not overlap
    for at in signs:
        match = _GLUED.search(text, max(done, at + 1 - _GLUED_LONGEST), at + 1)
        if match is not None:
            found.append(match)
            done = match.end()
            if len(found) == _MAX_GLUED:
                break
    return found


def _positions(text: str, sign: str) -> list[int]:
    out: list[int] = []
    at = text.find(sign)
    while at >= 0:
        out.append(at)
        at = text.find(sign, at + 1)
    return out


def _unglued(text: str) -> str:
    """``text`` with each run-on share taken off its row's digits where one cut fits (see above)."""
    found = _glued_shares(text)
    if not found:
        return text
    decided = _decided(found)
    if not decided:
        return text
    pieces: list[str] = []
    at = 0
    cut_at: list[int] = []
    for i, match in enumerate(found):
        if i not in decided:
            continue
        pieces += [text[at : match.start()], decided[i]]
        at = match.end()
        cut_at.append(match.start())
    text = "".join([*pieces, text[at:]])
    return _GLUED_DASH.sub(lambda m: _dash_dropped(m, text, cut_at), text)


def _dash_dropped(match: re.Match[str], text: str, near: list[int]) -> str:
    """A row's digits and the dash run on after them, without the dash where the row lies among
    rows whose shares were taken off (positions only roughly: the text shrank by their shares)."""
    if not any(abs(match.start() - at) < _GLUED_SPAN for at in near) or not _row_cuts(match[1]):
        return match[0]
    return match[1]


_DASHES = ("—", "－", "-", "--", "——", "/")
_DECIMAL = re.compile(r"\d{1,3}\.\d{1,2}")


def _wrapped_percents_joined(lines: list[str]) -> list[str]:
    """A share a narrow cell wrapped before its sign (``100.0`` / ``%``: a Word table through
    pdftotext) on one line again, the sign's line left empty."""
    out = list(lines)
    for i in lines_holding(lines, "%％"):  # (a line is unchanged before its own turn)
        if i and out[i].strip() in ("%", "％") and _DECIMAL.fullmatch(out[i - 1].strip()):
            out[i - 1], out[i] = out[i - 1].rstrip() + out[i].strip(), ""
    return out


# A sign between blanks (or the text's ends). The sign first, the look-behind after it over the
# character before: the same matches as ``(?<!\S)[%％](?!\S)``, and the regex engine skips
# straight to the signs instead of trying the look-behind at every character of the text.
_SIGN_ALONE = re.compile(r"[%％](?<!\S[%％])(?!\S)")
_SIGN_REACH = 2  # columns the sign may stand left of its figure's start (set under the cell's middle)
_SIGN_LINES = 2  # lines above the sign its figure may stand on (a row's one-line cells between)


def _laid_out_percents_joined(lines: list[str]) -> list[str]:
    """The same in ``-layout`` text, where the share's cell is one of a row's: its figure
    (``100.0``, ``7.6``) on a line above, the sign alone under it (``%``) a line or two lower,
    the row's one-line cells between. The sign goes up after its figure (in the space after it,
    so the line keeps its columns) where nothing on the lines between stands in its column."""
    out = list(lines)
    for i in lines_holding(lines, "%％"):  # (a line is unchanged before its own turn)
        if not i:
            continue
        for sign in list(_SIGN_ALONE.finditer(out[i])):
            at = sign.start()
            for up in range(i - 1, max(-1, i - 1 - _SIGN_LINES), -1):
                figure = next(
                    (t for t in _TOKEN.finditer(out[up]) if t.start() - _SIGN_REACH <= at <= t.end()),
                    None,
                )
                if figure is None:
                    continue  # nothing over the sign on this line: look one higher
                if _DECIMAL.fullmatch(figure.group()):
                    out[up], out[i] = _signed(out[up], figure), out[i][:at] + " " + out[i][at + 1 :]
                    if up == i - 2 and out[up].split() == [figure.group() + "%"]:
                        out[up], out[i - 1] = _moved_down(out[up], out[i - 1], figure.start())
                break  # the nearest token over the sign is its figure or none is
    return out


def _signed(line: str, figure: re.Match[str]) -> str:
    """``line`` with a ``%`` after ``figure`` (in the space after it where there is one)."""
    end = figure.end()
    return line[:end] + "%" + (line[end + 1 :] if line[end : end + 1] == " " else line[end:])


def _moved_down(share_line: str, row: str, start: int) -> tuple[str, str]:
    """A share alone on its line over the row it is a cell of (the row between it and its sign):
    put on the row's line where that has room, so that it is read as the row's trailing share."""
    share = share_line.strip()
    padded = row.ljust(start + len(share) + 1)
    if padded[max(0, start - 1) : start + len(share) + 1].strip():
        return share_line, row  # no room on the row's line: left where it is
    return "", (padded[:start] + share + padded[start + len(share) :]).rstrip()


def _any_sign_alone(text: str) -> bool:
    """Whether ``_SIGN_ALONE`` matches in ``text``: the characters either side of each sign asked
    (``str.find``; a regex scan of a long text costs as much as the rest of this pass)."""
    for sign in _SIGNS:
        at = text.find(sign)
        while at >= 0:
            if not text[at - 1 : at].strip() and not text[at + 1 : at + 2].strip():
                return True
            at = text.find(sign, at + 1)
    return False


def drop_shares_in_text(text: str) -> str:
    """``text`` without its tables' percentages (itself where it prints none)."""
    if "%" not in text and "％" not in text:
        return text
    text = _unglued(text)
    lines = _wrapped_percents_joined(text.split("\n"))
    if _any_sign_alone(text):
        lines = _laid_out_percents_joined(lines)  # -layout: 100.0 over a row's line, % under it
    kept = _lines_without_shares(lines)
    return "\n".join(kept)
