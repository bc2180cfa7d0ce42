"""The figures of table 三's flow that their row's label pins (anchors): printed on the label's line,
inside a wrapped label, or right after the label's block; and the reading of those alone, where no
order of the grid explains the flow (``firsts_beside_labels``)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Hashable, Sequence

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token
from gongkai.ingest.request_rows import RequestRaw
from gongkai.ingest.vanished_tables import Shape
from gongkai.report.model import Report


def _line(where: str) -> str:
    return where.split(" part ")[0]


def label_anchors(raw: dict[str, RequestRaw], keys: Sequence[Hashable], figures: list[Token]) -> dict[int, int]:
    """The figures printed on their row's label line (the 自然人 cell beside the label), by their
    position among ``figures``: which row's first column each is."""
    position = {id(t): i for i, t in enumerate(figures)}
    found: dict[int, int] = {}
    for r, key in enumerate(keys):
        row = raw.get(str(key))
        if row is None:
            continue
        printed = [t for t in row.values if t.value.kind is not CellKind.BLANK]
        if printed and id(printed[0]) in position and _line(printed[0].where) == _line(row.label.where):
            found[position[id(printed[0])]] = r
    return found


def figures_inside_labels(
    records: list[Record], raw: dict[str, RequestRaw], keys: Sequence[Hashable], figures: list[Token]
) -> dict[int, int]:
    """The figures printed between two lines of their row's wrapped label (``6. 属于四类过程性`` /
    ``6`` / ``信息``), by position among ``figures``: which row's first column each is. LibreOffice
    centres a tall row's cells, so the 自然人 cell stands beside the middle of its wrapped label,
    and ``pdftotext`` keeps the two in one block: the figure comes out inside the label, wherever
    the flow puts the row's other cells. A figure counts so when it is the record's only value,
    printed right under the row's label line (no blank line: no block break between), and the next
    record opens with the label's continuation (no row mark, no row's label of its own)."""
    position = {id(t): i for i, t in enumerate(figures)}
    label_of = {id(row.label): r for r, key in enumerate(keys) if (row := raw.get(str(key))) is not None}
    found: dict[int, int] = {}
    for record, following in itertools.pairwise(records):
        if not record.labels or not following.labels or len(record.values) != 1:
            continue
        (figure,) = record.values
        r = label_of.get(id(record.labels[-1]))
        if r is None or id(figure) not in position:
            continue
        go_on = following.labels[0]
        if id(go_on) in label_of or _ROW_MARK.search(go_on.text):
            continue  # the next row's label, not this one's wrapped end
        found[position[id(figure)]] = r
    return found


def rows_in_order(anchors: dict[int, int]) -> bool:
    """Whether the anchored figures come out in their rows' order (each row once)."""
    return [anchors[p] for p in sorted(anchors)] == sorted(set(anchors.values()))


def joined_anchors(kept: dict[int, int], more: dict[int, int]) -> dict[int, int]:
    """``kept`` with the figures of ``more`` at positions and for rows ``kept`` has none at."""
    rows = set(kept.values())
    return kept | {p: r for p, r in more.items() if p not in kept and r not in rows}


def firsts_beside_labels(
    keys: Sequence[Hashable],
    shape: Shape,
    figures: list[Token],
    anchors: dict[int, int],
    report: Report,
    evidence: Evidence,
    beside: bool = True,
) -> None:
    """Where no order of the grid explains the flow, still read what needs no order: the figure
    printed on a row's label line is that row's 自然人 cell (chromium keeps the first cell of a
    Word export's row beside its label, its other cells go into the flow); ``beside`` False: the
    figures are those right after a label block (LibreOffice's print, ``firsts_after_labels``).
    Only cells the reading by labels left unknown are filled, each named in ``uncertain`` (the
    rest of the row is not placed, and the flow that lost the row's other cells may have lost its
    label's order too)."""
    if beside:
        zh, en = "印在本行标签旁的", "printed beside this row's label"
    else:
        zh, en = "紧接本行标签块印出的", "printed right after this row's label block"
    for position, r in sorted(anchors.items()):
        key = str(keys[r])
        row = report.requests.get(key)
        if row is None or row[shape.first] is not None:
            continue
        token = figures[position]
        row[shape.first] = int(token.value.amount or 0)
        evidence.provenance[f"requests.{key}[{shape.first}]"] = token.where
        evidence.doubt(
            f"requests.{key}[{shape.first}]",
            row[shape.first],
            f"表三留空了为零的单元格（Word 表格），文本的排版流无法确定各数字所在的格：只读取{zh}第一格（自然人）",
            "table 三 leaves its zero cells blank (a Word table) and no order of its grid explains the "
            f"text's flow: only the figure {en} is read (its 自然人 cell)",
            token.where,
        )


def any_first_open(keys: Sequence[Hashable], shape: Shape, report: Report) -> bool:
    """Whether a row's first cell is still unknown: else ``firsts_beside_labels`` fills none (the
    anchors it would be given need not be sought)."""
    for key in keys:
        row = report.requests.get(str(key))
        if row is not None and row[shape.first] is None:
            return True
    return False


# The marks that begin a row label of table 三 (一、 （三） 4.): a block holding two holds two rows' labels.
_ROW_MARK = re.compile(r"[一二三四五六七八九十]、|[（(][一二三四五六七八九十][)）]|(?<![0-9])[0-9]{1,2}[.．]")


def firsts_after_labels(
    records: list[Record], raw: dict[str, RequestRaw], keys: Sequence[Hashable], figures: list[Token]
) -> dict[int, int]:
    """In LibreOffice's print of a Word table no figure stays on a label's line: each cell is a
    block, and the block after a row's label block is the row's first cell (自然人) when the flow
    went from the label cell to its right neighbour and back to the next label: the label block
    names that one row only (one row mark: no two labels merged into a block), came right after a
    figure or a header (not after another row's label: labels printed one after another went down
    the label column, and the figure after them may be any row's), and one figure alone stands
    between it and the next label (a longer run may be other rows' cells the flow took first).
    By position among ``figures``."""
    position = {id(t): i for i, t in enumerate(figures)}
    label_of = {id(row.label): r for r, key in enumerate(keys) if (row := raw.get(str(key))) is not None}
    found: dict[int, int] = {}
    previous: Record | None = None
    for record in records:
        rows = {label_of[id(t)] for t in record.labels if id(t) in label_of}
        marks = sum(len(_ROW_MARK.findall(t.text)) for t in record.labels)
        printed = [t for t in record.values if t.value.kind is not CellKind.BLANK]
        after_figure_or_header = (
            previous is None
            or any(t.value.kind is not CellKind.BLANK for t in previous.values)
            or not any(id(t) in label_of or _ROW_MARK.search(t.text) for t in previous.labels)
        )
        one_row = len(rows) == 1 and marks <= 1
        if one_row and len(printed) == 1 and after_figure_or_header and id(printed[0]) in position:
            found[position[id(printed[0])]] = rows.pop()
        previous = record
    if [found[p] for p in sorted(found)] != sorted(found.values()):
        return {}  # rows out of the table's order: the flow is not the one described
    return found
