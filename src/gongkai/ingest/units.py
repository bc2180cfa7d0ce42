"""Figures printed with a count unit after them in table cells (``8896件``, ``8071个``, ``-2件``).

County sites type the unit into every cell of a table: a crawler's text then runs a row as
``…申请数量8896件2176件0件2172件706件50件14000件`` and ``pdftotext -layout`` as ``55 件   0件``.
The unit ends its figure's cell, so it is a separator the readers can use (better than the
nothing that separates a crawler's bare digit runs); left in, it makes the figures look like a
phrase's (``26个领域``) and the readers drop them. ``cells_with_units`` puts a space in each such
unit's place (one character for one, so that the columns of a laid-out line keep their places).

Prose quantities (``共收到政府信息公开申请 1200 件，``) are left as printed: ``stated`` reads
them. A figure's unit is taken for a cell's only

- in a run of two figures or more, each with its unit and nothing but spaces between them
  (``8896件2176件``: no sentence counts like that), or
- right after a row label of tables 二 or 三 (``行政许可3件``), the label not after a comma or
  a colon (a sentence's clause) and the unit not before punctuation.
"""

from __future__ import annotations

import re
from functools import cache

from gongkai.ingest.vocabulary import TEMPLATES_BOTH, vocabulary

COUNT_UNITS = "件个项条"  # what a count's cell may carry (numbers.parse_cell reads them too)
# One figure and its unit: a sign, digits (never after a letter, a digit or 第), the unit.
_FIGURE_UNIT = rf"(?<![0-9A-Za-z第.．])[-−－]?[0-9]+(?:[.．][0-9]+)?[ \u3000]?[{COUNT_UNITS}]"
# The same matches, written to start with the character class a match starts with (its sign or
# first digit), the look-behind after it over that character and the one before: the regex
# engine then skips straight to signs and digits instead of trying the look-behind at every
# character of a long prose line (fuzzed against _FIGURE_UNIT in test_read_speed_gates).
_FIGURE_UNIT_FIRST = (
    rf"[-−－0-9](?<![0-9A-Za-z第.．][-−－0-9])(?:(?<=[0-9])|[0-9])[0-9]*(?:[.．][0-9]+)?[ \u3000]?[{COUNT_UNITS}]"
)
_RUN = re.compile(rf"{_FIGURE_UNIT_FIRST}(?:[ \u3000]*{_FIGURE_UNIT})+")
_ONE = re.compile(_FIGURE_UNIT_FIRST)
_UNIT_THEN_FIGURE = re.compile(rf"[{COUNT_UNITS}][ \u3000]*[-−－0-9]")  # in every _RUN match
# What every figure with its unit ends in: a digit, then the unit. Searched first on a line (a
# pattern starting with a digit class is scanned fast; _ONE's look-behind is tried at every character).
_DIGIT_UNIT = re.compile(rf"[0-9][ \u3000]?[{COUNT_UNITS}]")
# A figure and its unit standing apart (spaces or the line's ends on both sides), and the figures
# a line must hold for that to be a row of a table rather than a sentence wrapped after ``1200 件``.
# (Led by _FIGURE_UNIT_FIRST's class, the blank or pipe before it asked by a look-behind over it: the
# same matches as ``(?<![^\s|]){_FIGURE_UNIT}(?![^\s|])``, whose leading look-behinds were tried at
# every character of a line, 7 µs of a long paragraph.)
_APART = re.compile(_FIGURE_UNIT_FIRST.replace("[-−－0-9]", "[-−－0-9](?<![^\\s|][-−－0-9])", 1) + r"(?![^\s|])")
_MIN_ROW_FIGURES = 3
# A line holding _MIN_ROW_FIGURES runs of digits or more (each run's last digit, then what is
# not a digit, then the next run: a search that stops at the third, not a findall of them all).
_ROW_FIGURES = re.compile(r"[0-9]" + r"[^0-9]+[0-9]+" * (_MIN_ROW_FIGURES - 2) + r"[^0-9]+[0-9]")
_COUNTED_CLAUSE = re.compile(rf"[{COUNT_UNITS}][，,。；;]")  # 1150 件，其中…: a sentence's counts
_UNIT = re.compile(rf"(?<=[0-9])([ \u3000]?)[{COUNT_UNITS}]")
_LABEL_REACH = 60  # longer than any row label
_ANY_UNIT = re.compile(f"[{COUNT_UNITS}]")  # one search, not a scan of the line per unit: asked of every line
# A unit standing alone between spaces, pipes or the line's ends: the second line of a figure's
# cell that wrapped (``55``, then ``件`` under it), whose figure is printed elsewhere.
# (The unit first, the look-behind after it over the character before: the same matches, and the
# regex engine skips straight to the units instead of trying the look-behind at every character.)
_LONE_UNIT = re.compile(rf"[{COUNT_UNITS}](?<![^\s|][{COUNT_UNITS}])(?![^\s|])")
# Lone units a line must hold to be read so: a laid-out line under a row of wrapped cells holds
# one per wrapped cell (``件        件``); a unit alone on its line may be a cell of a table set one
# cell a line, whose reader places it.
_MIN_LONE = 2
_CLAUSE_MARKS = frozenset("，,、：:；;。")
# A row's item number ending the text before its label (一、, （三）, 1.), looked for in its last
# _NUMBER_REACH characters only (the text before may be a whole page's).
_ITEM_NUMBER_END = re.compile(
    r"(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十0-9]{1,2}[)）]|[0-9]{1,2}[.．、])$"
)
_NUMBER_REACH = 4
_PUNCTUATION_AFTER = frozenset("，,、：:；;。）)")


@cache
def _row_labels() -> frozenset[str]:
    vocab = vocabulary()
    labels = {label for label in vocab.active_rows if len(label) >= 2}
    labels |= {key for row in vocab.request_rows for key in row.keys if len(key) >= 4}
    # A label too short to tell from prose alone, with its numbering (（七）总计: a crawler's
    # ``（七）总计171120件223``), the numbering making it a row's.
    labels |= {
        f"{row.number}{label}"
        for template in TEMPLATES_BOTH
        for row in template.request_rows
        for label in (row.label, *row.variants)
        if len(label) < 4 and row.number
    }
    return frozenset(labels)


@cache
def _label_ends() -> frozenset[str]:
    """The last character of every label ``_row_label_before`` matches (其他 also as 其它)."""
    ends = {label[-1] for label in _row_labels()}
    return frozenset(ends | ({"它"} if any(label.endswith("其他") for label in _row_labels()) else set()))


@cache
def _row_label_before() -> re.Pattern[str]:
    """A row label of tables 二 or 三 ending where the text does (longest first)."""
    labels = _row_labels()
    alternatives = "|".join(
        re.escape(label).replace("其他", "其[他它]") for label in sorted(labels, key=len, reverse=True)
    )
    return re.compile(f"(?:{alternatives})[ \u3000]*$")


def _unit_to_space(text: str) -> str:
    """``8896件2176件`` → ``8896 2176 ``, ``55 件`` → ``55  `` (as many characters as printed)."""
    return _UNIT.sub(lambda m: m.group(1) + " ", text)


def _labelled(line: str, start: int, end: int) -> bool:
    """Whether the figure and unit at ``start:end`` of ``line`` are the one cell after a row label."""
    after = line[end : end + 1]
    if after and after in _PUNCTUATION_AFTER:
        return False
    window = max(0, start - _LABEL_REACH)
    last = line[window:start].rstrip(" \u3000")[-1:]
    if not last or last not in _label_ends():
        return False  # no label ends right before the figure: the pattern below cannot match
    match = _row_label_before().search(line[window:start])
    if match is None:
        return False
    before = line[: window + match.start()].rstrip(" \u3000")
    # The row's numbering before its label (一、本年新收…): its 、 ends no clause.
    number = _ITEM_NUMBER_END.search(before[-_NUMBER_REACH:])
    if number is not None:
        before = before[: len(before) - min(len(before), _NUMBER_REACH) + number.start()].rstrip(" \u3000")
    return not before or (before[-1] not in _CLAUSE_MARKS and not before.endswith("其中"))


def cells_with_units(line: str, lone: bool = True) -> str:
    """``line`` with the unit after each figure that is a table cell put as a space, and (``lone``)
    each unit standing alone. Markdown keeps its lone units: a converter sets a wrapped cell's
    pieces on lines and pipe rows of their own (``0`` / a pipe row / ``件``), which the pipe
    table's reader puts back together."""
    if _ANY_UNIT.search(line) is None:
        return line
    if not lone or "|" in line:
        return _in_cells(line)
    out = _in_cells(line)
    if len(out.split(None, 1)) < 2 <= _MIN_LONE:
        return out  # one word (no "|" here): a unit standing alone is the whole of it, one at most
    lone_at = [m.start() for m in _LONE_UNIT.finditer(out) if not _after_figure(out, m.start())]
    if len(lone_at) < _MIN_LONE:
        return out
    return "".join(" " if i in lone_at else ch for i, ch in enumerate(out))


def _in_cells(line: str) -> str:
    """``line`` with the units ending figures' cells put as spaces (runs, labelled figures, and
    figures standing apart on a line of several: ``737    55 件    151``)."""
    if _DIGIT_UNIT.search(line) is None:
        return line  # no figure with its unit (prose's 件 in a word): none of the below applies
    ones = list(_ONE.finditer(line))  # (kept for the loop below where the line is not changed)
    if not ones:
        return line
    # (a run is a figure's unit, blanks, and the next figure's sign or digit: most lines hold none)
    out = _RUN.sub(lambda m: _unit_to_space(m.group()), line) if _UNIT_THEN_FIGURE.search(line) else line
    if not _COUNTED_CLAUSE.search(out) and _ROW_FIGURES.search(out):
        out = _APART.sub(lambda m: _unit_to_space(m.group()), out)
    pieces: list[str] = []
    done = 0
    for match in ones if out == line else _ONE.finditer(out):
        if _labelled(out, match.start(), match.end()):
            pieces += [out[done : match.start()], _unit_to_space(match.group())]
            done = match.end()
    return "".join(pieces) + out[done:] if pieces else out


def _after_figure(line: str, at: int) -> bool:
    """Whether the nearest thing before position ``at`` (spaces skipped) is a figure's last digit
    (``55 件``: the unit of that figure, printed apart, not a wrapped cell's)."""
    before = line[:at].rstrip(" \u3000")
    return bool(before) and before[-1].isdigit()


# A bare figure on a laid-out line (no unit after it, not inside a word).
_BARE_FIGURE = re.compile(r"(?<![^\s])[-−－]?[0-9]+(?:[.．][0-9]+)?(?![^\s])")
_LONE_ANY = re.compile(rf"[{COUNT_UNITS}](?<![^\s][{COUNT_UNITS}])(?![^\s])")  # unit first, as _LONE_UNIT
_REACH = 2  # columns a wrapped unit may stand off its figure's span (centred cells)


def wrapped_cells(lines: list[str]) -> list[str]:
    """``lines`` with each figure+unit cell that wrapped in a laid-out table put back on its row.

    A narrow cell printing ``737件`` wraps to ``737`` over ``件``; ``pdftotext -layout`` centres
    the one-line cells of the row between the two, so the row prints as three lines: the figure
    above (``737            151          1200``), the row (``一、… 55 件  0件  257 件  0件``), and
    the unit below (``件             件             件``). A figure above whose column holds a lone
    unit on the line below the next, where the row between has room, is that row's cell: it is
    moved down into the row, and its unit blanked."""
    out = list(lines)
    if _LONE_ANY.search("\n".join(out)) is None:
        return out  # no unit stands alone on any line (one search in C): nothing wrapped
    for i in range(1, len(out) - 1):
        above, row, below = out[i - 1], out[i], out[i + 1]
        if _ANY_UNIT.search(below) is None:
            continue
        if "\t" in above or "\t" in row or "\t" in below:
            continue  # tab-separated cells: a character's offset is no column (a lone 项 ends a label)
        units = [m.start() for m in _LONE_ANY.finditer(below)]
        # prose with 件 in a word: nothing wrapped (most lines; keeps reading fast); the digits
        # above are looked for only then, a character at a time being slow on long lines
        if not units or not any(ch.isdigit() for ch in above):
            continue
        moved_above, moved_row, moved_below = list(above), list(row.ljust(len(above))), list(below)
        moved = 0
        for figure in _BARE_FIGURE.finditer(above):
            a, b = figure.span()
            unit = next((u for u in units if a - _REACH <= u < b + _REACH), None)
            room = "".join(moved_row[max(0, a - 1) : b + 1])
            if unit is None or room.strip() or _unit_follows(above, b):
                continue  # (``8 件`` above: a one-line cell of its own, the lone unit below another's)
            moved_row[a:b] = figure.group()
            moved_above[a:b] = " " * (b - a)
            moved_below[unit] = " "
            units.remove(unit)
            moved += 1
        if moved and _has_figures(row):
            out[i - 1], out[i], out[i + 1] = "".join(moved_above), "".join(moved_row), "".join(moved_below)
    return out


def _unit_follows(line: str, end: int) -> bool:
    """Whether a unit stands one space after the figure ending at ``end`` (``8 件``)."""
    return line[end : end + 1] == " " and line[end + 1 : end + 2] in COUNT_UNITS and line[end + 1 : end + 2] != ""


def _has_figures(row: str) -> bool:
    """A table row: a figure printed on it already (the row the wrapped cells belong to)."""
    return any(ch.isdigit() for ch in row)
