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
    for i in range(len(out) - 1):
        if not _pipe(out[i]) or (_pipe(out[i + 1]) and not _empty_pipe(out[i + 1])):
            continue  # (cheap: only a table's last row)
        cells = out[i].strip().strip("|").split("|")
        filled = [k for k, cell in enumerate(cells) if cell.strip()]
        if len(filled) < 2 or not _figure(cells[filled[-1]]):
            continue
        field = _field(cells[filled[-2]].strip())
        following = _next_field().get(field) if field else None
        if following is None:
            continue
        found = _loose_row(out, i + 1, following)
        if found is None:
            continue
        (label, figure), used = found
        row = [""] * len(cells)
        row[filled[-2]], row[filled[-1]] = f" {label} ", f" {figure} "
        out[i + 1] = out[i][: out[i].index("|")] + "|" + "|".join(row) + "|"
        for k in used:
            if k != i + 1:
                out[k] = ""
    return out


def _loose_row(lines: list[str], start: int, field: str) -> tuple[tuple[str, str], list[int]] | None:
    """The loose label of ``field`` and its one figure after a table (on one line or two), with
    the lines they take (and the empty pipe row before them), or None."""
    pieces: list[str] = []
    used: list[int] = []
    for k in range(start, min(len(lines), start + _LOOK_AHEAD)):
        text = lines[k].strip()
        if not text or (k == start and _empty_pipe(lines[k])):
            used.append(k)
            continue
        if _pipe(text):
            return None
        pieces.extend(text.split())
        used.append(k)
        if len(pieces) >= 2:
            break
    if len(pieces) != 2 or _field(pieces[0]) != field or not _figure(pieces[1]):
        return None
    return (pieces[0], pieces[1]), used
