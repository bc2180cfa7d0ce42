"""Table 四 set as a row per figure (行政复议 · 结果维持 · 19): its last row pushed out of the table.

A PDF-to-Markdown converter may end a pipe table one row early where the page's table breaks:
markitdown sets the last row as a loose line under the table (``总计 16``), pymupdf4llm leaves an
empty row (``||||``) and sets its label and figure as loose lines after it (``总计`` · ``16``). The
table then holds one group a figure short, and the whole table 四 goes unread. Here such a loose
row is put back as the table's last pipe row, cell for cell where the row above holds its label
and figure.

Gated: the table's last row names a result of table 四 (结果维持 … 尚未审结) with one figure, and
the loose label is the result that follows it in the template's order, with one figure; looked
for only in the few lines after a table's end (blank lines and an empty pipe row between).
"""

from __future__ import annotations

from functools import cache
from itertools import pairwise

from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.vocabulary import vocabulary
from gongkai.report.labels import label_key
from gongkai.report.templates import TEMPLATE_2019

_LOOK_AHEAD = 8  # lines after a table's last row: blanks, an empty pipe row, the label, the figure
_MAX_LOOSE_ROWS = 4  # rows of one group set as loose pieces (the group's five results, the first kept)


@cache
def _next_field() -> dict[str, str]:
    """Each result's field key → the field key after it in the template's order."""
    keys = [f.key for f in TEMPLATE_2019.appeal_fields]
    return dict(pairwise(keys))


def _field(text: str) -> str | None:
    return vocabulary().appeal_fields.get(label_key(text)) if text else None


def _figure(text: str) -> bool:
    return parse_cell(text).kind in (CellKind.NUMBER, CellKind.DASH) and bool(text.strip())


def _pipe(line: str) -> bool:
    return line.lstrip().startswith("|")


def _empty_pipe(line: str) -> bool:
    return _pipe(line) and not line.strip().strip("|").replace("|", "").strip()


def pipe_last_rows(lines: list[str]) -> list[str]:
    """``lines`` with each table 四 row a converter pushed out of its pipe table put back."""
    out = list(lines)
    i = 0
    while i < len(out) - 1:
        i += 1
        last = i - 1
        if not _pipe(out[last]) or (_pipe(out[i]) and not _empty_pipe(out[i])):
            continue  # (cheap: only a table's last row)
        cells = out[last].strip().strip("|").split("|")
        filled = [k for k, cell in enumerate(cells) if cell.strip()]
        if len(filled) < 2 or not _figure(cells[filled[-1]]):
            continue
        field = _field(cells[filled[-2]].strip())
        found = _loose_rows(out, i, field) if field else None
        if found is None:
            continue
        rows, used = found
        built = []
        for label, figure in rows:
            row = [""] * len(cells)
            row[filled[-2]], row[filled[-1]] = f" {label} ", f" {figure} "
            built.append(out[last][: out[last].index("|")] + "|" + "|".join(row) + "|")
        out[i : used + 1] = built
    return out


def _loose_rows(lines: list[str], start: int, field: str) -> tuple[list[tuple[str, str]], int] | None:
    """The loose rows after a table whose last row is ``field``'s: each the label of the result
    after the one before it and its one figure (a row on one line or two, several on a line),
    with the last line they take; None when the lines after the table are not that."""
    pieces: list[str] = []
    used = start
    for k in range(start, min(len(lines), start + _LOOK_AHEAD)):
        text = lines[k].strip()
        if not text or (k == start and _empty_pipe(lines[k])):
            continue
        if _pipe(text) or len(text.split()) > 2 * _MAX_LOOSE_ROWS:
            break
        words = text.split()
        if not (_field(words[0]) or _figure(words[0])):
            break  # prose, a heading: the loose rows end
        pieces.extend(words)
        used = k
    rows: list[tuple[str, str]] = []
    expected = _next_field().get(field)
    while len(pieces) >= 2 and expected and _field(pieces[0]) == expected and _figure(pieces[1]):
        rows.append((pieces[0], pieces[1]))
        pieces = pieces[2:]
        expected = _next_field().get(expected)
    if not rows or pieces:
        return None
    return rows, used
