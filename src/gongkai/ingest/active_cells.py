"""A table 二 row's printed cells put right before they are read: blank cells printed as dashes
(a dash run into a figure is a cell, not a minus sign), a merged header a converter repeated
with its figure, and figures standing under their headers among a converter's empty columns."""

from __future__ import annotations

import re
from collections.abc import Iterable

from gongkai.ingest.active_rows import ActiveRaw
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.records import Token

_EM_DASHES = ("—", "——", "―")


_BLANK_MARKS = (*_EM_DASHES, "/", "／")


def dash_cells_run_on(rows: Iterable[list[Token]]) -> bool:
    """Whether a table of run-on text (a crawler's) prints its blank cells as marks of their own
    (table 三's ``11///13``, ``11/11/114``): then the page prints every cell, and a row of table 二
    short of cells ran some together rather than left one blank."""
    # (the kind asked in the loop's filter: a generator then yields only for dashes, not every cell)
    return any(
        t.text.strip() in _BLANK_MARKS and " part " in t.where
        for values in rows
        for t in values
        if t.value.kind is CellKind.DASH
    )


def em_dash_cells_run_on(rows: Iterable[list[Token]], marks: tuple[str, ...] = _EM_DASHES) -> bool:
    """Whether a table of run-on text prints a blank cell as an em dash of its own (table 三's
    ``31—22——35``: that table holds no negative figure, so each dash is a cell): the page's
    style, table 二's too, where a dash run into a figure (``行政处罚—665``) is then a cell.
    ``marks``: the dashes asked for (a hyphen: ``55--962696``)."""
    return any(
        t.text.strip() in marks and " part " in t.where
        for values in rows
        for t in values
        if t.value.kind is CellKind.DASH
    )


def prints_dash_cells(raw: dict[str, ActiveRaw]) -> bool:
    """Whether table 二 prints a blank cell as a dash of its own (``规章———``, ``——14``,
    ``12—``): then every cell of the table prints something, and a dash run into a figure
    (``—1762``) is such a cell before it rather than a minus sign (a page printing its blanks
    as — writes a negative otherwise: ``270-104``)."""
    return any(
        t.value.kind is CellKind.DASH and t.text.strip() in _EM_DASHES for found in raw.values() for t in found.values
    )


def prints_hyphen_cells(raw: dict[str, ActiveRaw]) -> bool:
    """Whether table 二 prints a blank cell as a hyphen of its own (a sheet saved as a page:
    ``行政许可-``)."""
    return any(t.value.kind is CellKind.DASH and t.text.strip() == "-" for found in raw.values() for t in found.values)


def dash_before_figure(
    found: ActiveRaw, path: str, evidence: Evidence, marks: str = "—―", first_only: bool = False
) -> ActiveRaw:
    """``found`` with each figure of run-on text printed after an em dash (``—1762``, read as
    −1762) cut into the dash cell and the figure (— 1762), on a page whose table 二 prints its
    blank cells as dashes (``prints_dash_cells``); noted, as the dash might still have been a
    minus sign. A cell of its own (a table's) holding ``—3`` is left a minus sign. ``marks``: the
    dashes so read (a hyphen, ``规章-420``, only in a row where no column may be negative).
    ``first_only``: only the row's first figure (under a count, which is never negative)."""
    values: list[Token] = []
    cut: list[str] = []
    for at, token in enumerate(found.values):
        text = token.text.strip()
        run_on = " part " in token.where and (at == 0 or not first_only)
        if token.value.kind is CellKind.NUMBER and text[:1] in marks and text[1:2].isdigit() and run_on:
            rest = text[1:]
            value = parse_cell(rest)
            if value.kind is CellKind.NUMBER and value.number is not None and value.number >= 0:
                values += [Token(text[0], token.where, parse_cell(text[0])), Token(rest, token.where, value, token.x)]
                cut.append(text)
                continue
        values.append(token)
    if not cut:
        return found
    shown, mark = "、".join(cut), marks[0]
    evidence.doubt(
        path,
        None,
        f"{shown} 读作空白单元格“{mark}”与其后的数字（本表以“{mark}”表示空白单元格），而非负数",
        f"{shown} read as a blank cell “{mark}” and the figure after it (the table prints blank cells as {mark}), "
        "not as a negative figure",
        found.values[0].where,
    )
    return ActiveRaw(found.row, found.label, values, found.header, found.fuzzy, found.placed)


def unrepeated(found: ActiveRaw) -> ActiveRaw:
    """A merged header cell a converter repeated in every column it spans (``本年增/减 |
    本年增/减``), its figure repeated under it alike (``-104 | -104``): one column. Only where the
    row prints one cell per header cell and every repeated figure equals the one before it."""
    keys = [key for key, _ in found.header]
    repeats = [i for i in range(1, len(keys)) if keys[i] == keys[i - 1]]
    if not repeats or len(found.values) != len(keys):
        return found
    if any(found.values[i].text.strip() != found.values[i - 1].text.strip() for i in repeats):
        return found
    keep = [i for i in range(len(keys)) if i not in repeats]
    return ActiveRaw(
        found.row,
        found.label,
        [found.values[i] for i in keep],
        [found.header[i] for i in keep],
        found.fuzzy,
        found.placed,
    )


_CELL = re.compile(r"cell (\d+)$")
_LINE_OF = re.compile(r"^line (\d+) cell \d+$")


def _own_line_cells(found: ActiveRaw) -> list[Token] | None:
    """The cells printed on the label's own line, when every cell of another line is blank."""
    label_line = _LINE_OF.match(found.label.where)
    if label_line is None:
        return None
    own = [t for t in found.values if (m := _LINE_OF.match(t.where)) and m.group(1) == label_line.group(1)]
    mine = {id(t) for t in own}
    others = [t for t in found.values if id(t) not in mine]
    if not own or not others or any(t.value.kind is not CellKind.BLANK for t in others):
        return None
    return own


def under_headers(found: ActiveRaw) -> ActiveRaw:
    """The figures printed under the column headers, by cell position, where a converter left
    empty columns between them (``| 行政处罚 | | 0 | 73 | | 72 |`` under ``| | 信息内容 |
    上一年项目数量 | 本年增/减 | | 处理决定数量 |``): taken only when every header has a cell
    under it and every other cell of the row is blank."""
    if not found.header or len(found.values) == len(found.header):
        return found
    columns = [_CELL.search(token.where) for _, token in found.header]
    cells = [_CELL.search(token.where) for token in found.values]
    if not all(columns) or not all(cells):
        return found
    by_cell = {int(m.group(1)): token for m, token in zip(cells, found.values, strict=True) if m}
    own = _own_line_cells(found)
    if len(by_cell) != len(found.values) and own is not None:
        # Blank cells of a pipe row after the label's (the next table's empty first row): no
        # figure of theirs to place; the label's row alone stands under the headers.
        by_cell = {int(m.group(1)): token for token in own if (m := _CELL.search(token.where))}
        if len(by_cell) != len(own):
            return found
    elif len(by_cell) != len(found.values):
        return found  # cells of several printed rows: positions do not say which is which
    wanted = [int(m.group(1)) for m in columns if m]
    if len(set(wanted)) != len(wanted) or any(c not in by_cell for c in wanted):
        return found
    if any(token.value.kind is not CellKind.BLANK for c, token in by_cell.items() if c not in wanted):
        return found
    return ActiveRaw(found.row, found.label, [by_cell[c] for c in wanted], found.header, found.fuzzy, found.placed)
