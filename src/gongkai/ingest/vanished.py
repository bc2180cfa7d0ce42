"""Table 三 of a Word export whose zero cells were left blank, read from ``pdftotext``'s flow.

A table exported from Word often leaves its zero cells blank (the five 法人或其他组织 columns where
nobody of that kind applied) while the 自然人 column and the 总计 column print every figure, 0 too.
``pdftotext`` in its default mode prints each cell as a block of its own in the order of its text
flow: blank cells leave no trace, and the blocks of one row do not stay together (a row's 总计
may come out after the next rows' figures). Neither the labels nor the count of figures then say
which column a figure is in.

What the flow keeps is the grid's order: a block comes out after the blocks above it in its
column and after the blocks left of it in its row (the reading order pdftotext follows puts a
block after the ones above it that it overlaps, and after the ones left of it on its line). So
the figures are one interleaving of the table's columns, each column top to bottom, each row left
to right: a row's 自然人 figure first, then its printed organisation figures, then its 总计.

This reader finds, for every row, what it may hold in some assignment of the figures that keeps
that order and makes every row add up to its 总计 (the row's own equation in ``report/equations``):
its 自然人 figure, its printed organisation figures, its 总计. A figure printed on its row's label
line (chromium keeps the 自然人 cell beside the label) is that row's 自然人 figure; where those
come out of the table's order, the flow keeps no column's order and nothing is read. The rows'
readings are combined and kept where the table's other equations hold (the 自然人 and 总计
columns' balances and outcome sums); a report contradicting itself with one reading only is read
as printed and its broken equations said. A cell is read where every reading kept agrees on it: a
row with no organisation figure has zeros there, a row with all five has them left to right; a row
with some has its organisation cells left unknown (which columns were blank is not in the text),
its figures named in ``uncertain``. The search is bounded: at most a few rows begun and not closed
at once (3, widened to 6 while the budget of states lasts: the widest search in budget is the one
read), and past its budget at 3 nothing is read by it. It is tried only where the table printed
fewer figures than it has cells and the reading by labels left cells unread or broke the
arithmetic.

Where no order of the grid explains the flow (pdftotext's reading order is no grid order when rows
are tall and their cells centred: a row's cells come out among the next rows'), only what needs no
order is read (``firsts_beside_labels``): a row's 自然人 figure where it stands on its label's
line (chromium's print), between the lines of its wrapped label (LibreOffice's print of a tall
row, ``figures_inside_labels``) or alone right after its label's block (LibreOffice's), each
named in ``uncertain``. LibreOffice's print of a table whose all-zero rows are blank too is such a
flow: each column comes out top to bottom, but a row's cells among the next rows' and a row of
zeros nowhere, so no interleaving of whole rows explains it.

Its parts: the figures in printed order (``vanished_flow``), those their labels pin
(``vanished_anchors``), the search over the grid's orders (``vanished_search``), and the tables the
rows' options make (``vanished_tables``); this module decides which reading is taken and says so.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from gongkai.ingest.anchored_runs import read_anchored_runs
from gongkai.ingest.broken_rows import broken_rows
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token
from gongkai.ingest.request_rows import RequestRaw
from gongkai.ingest.requests_now import requests_now
from gongkai.ingest.vanished_anchors import (
    any_first_open,
    figures_inside_labels,
    firsts_after_labels,
    firsts_beside_labels,
    joined_anchors,
    label_anchors,
    rows_in_order,
)
from gongkai.ingest.vanished_blocks import read_blocks
from gongkai.ingest.vanished_flow import figures_in_flow, printed_count
from gongkai.ingest.vanished_search import Row, widest_options
from gongkai.ingest.vanished_tables import (
    Table,
    agreed_cells,
    consistent_tables,
    one_option_each,
    placed_tables,
    row_cells,
    row_shape,
)
from gongkai.report.equations import requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template


def read_vanished(
    template: Template, records: list[Record], raw: dict[str, RequestRaw], report: Report, evidence: Evidence
) -> None:
    """Read table 三 again from its figures in printed order where a Word table's blank cells
    vanished from the text and the reading by labels left cells unread or broke the arithmetic;
    ``records``: the records of table 三, in order; ``raw``: its rows as the labels found them."""
    keys = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    bound = requests_bound(template.id)
    now = requests_now(template, report)
    current: Table = now.table()
    known = sum(len(values) - values.count(None) for values in current.values())
    if known == len(keys) * width and now.broken() == 0:
        return
    printed, dashed = printed_count(records)  # the gate below, told without building the flow
    if printed >= len(keys) * width or (not dashed and printed < 2 * len(keys)):
        return
    figures = figures_in_flow(records)
    if figures is None or not 2 * len(keys) <= len(figures) < len(keys) * width:
        return  # every cell printed (the other readers' case), or too few to be this table
    dashed = any(t.value.kind is CellKind.DASH for t in figures)
    if not dashed and any(t.x is not None for t in figures):
        return  # laid-out text: where a figure stands says its column (``placed``), not its order
    shape = row_shape(bound, keys, width)
    if shape is None:
        return
    values = [int(t.value.amount or 0) for t in figures]
    if dashed:
        # zeros printed ``-`` where they did not vanish: zeros anywhere make the flow's order
        # say little, so only rows printed each on a line of its own are read
        options = _rows_by_line(figures, values, len(keys), len(shape.middle))
        if options is None:
            return
        table: Table = {key: row_cells(next(iter(o)), shape) for key, o in zip(keys, options, strict=False)}
        if bound.broken(table):
            return  # rows not where the runs were taken to be, or a report contradicting itself
        options += [{(-1, (), -1)}] * (len(keys) - len(options))
    else:
        beside = label_anchors(raw, keys, figures)
        anchors = joined_anchors(beside, figures_inside_labels(records, raw, keys, figures))
        ordered = anchors if rows_in_order(anchors) else beside  # the grid search needs them in order
        if not rows_in_order(ordered):
            if read_blocks(keys, width, records, raw, figures, anchors, bound, report, evidence):
                return  # the 自然人 column with the labels, the others in column blocks
            # label lines printed out of the table's order: the flow keeps no column's order
            firsts_beside_labels(keys, shape, figures, anchors, report, evidence)
            read_anchored_runs(keys, shape, figures, anchors, bound, report, evidence)
            return
        options = widest_options(values, len(keys), len(shape.middle), ordered)
    if (
        options is None
        and not dashed
        and read_blocks(keys, width, records, raw, figures, anchors, bound, report, evidence)
    ):
        return  # the 自然人 column with the labels, the others in column blocks (``vanished_blocks``)
    if options is None:  # no order of the grid explains the flow: only the labels' own figures
        if not any_first_open(keys, shape, report):
            return  # every row's first cell read already (a report contradicting itself): none to fill
        firsts_beside_labels(keys, shape, figures, anchors, report, evidence)
        if not beside:  # LibreOffice's print: the figures right after a label block too
            after = joined_anchors(anchors, firsts_after_labels(records, raw, keys, figures))
            if rows_in_order(after):  # else the two readings of the flow disagree
                after = {p: r for p, r in after.items() if p not in anchors}
                firsts_beside_labels(keys, shape, figures, after, report, evidence, beside=False)
        return
    # Each row's middle figures placed in its columns, the whole table's equations choosing
    # (``placed_tables``); where that finds no consistent table in budget, the rows as before,
    # their middle cells unknown where they print some.
    tables = placed_tables(options, keys, shape, bound) or consistent_tables(options, keys, shape, bound)
    if tables is None:  # too many combinations to check the columns: each row by its own options
        tables = [
            {key: row_cells(o, shape) for key, o in zip(keys, combo, strict=True)} for combo in one_option_each(options)
        ]
    if not tables:
        return
    decided, seen = agreed_cells(tables, keys, width)
    count = sum(v is not None for values in decided.values() for v in values)
    if count == 0 or (count < known and (dashed or bound.broken(current) == 0)):
        return  # the labels read more, and nothing they read breaks the arithmetic (with dashes:
        # zeros printed, the labels' reading is the surer one where it read more)
    middles: dict[Hashable, list[tuple[int, ...]]] = {
        key: sorted({o[1] for o in found}) for key, found in zip(keys, options, strict=True)
    }
    _take(keys, width, figures, decided, seen, middles, report, evidence)
    for key, found in zip(keys, options, strict=True):
        if all(o[0] < 0 for o in found) and any(v is not None for v in decided[key]):
            evidence.doubt_more(
                f"requests.{key}",
                "本行的数字未在文本中找到（印入表下的注释），按表三勾稽关系由其他各行推算",
                "the row's figures were not found in the text (run into the note under the table): "
                "worked out from the other rows by table 三's equations",
            )
    for key, broke in broken_rows(template, report.requests).items():
        evidence.doubt_more(
            f"requests.{key}",
            f"表三勾稽关系不成立（{'；'.join(dict.fromkeys(broke))}）：按印刷读取",
            "table 三 breaks its arithmetic here: read as printed",
        )


def _rows_by_line(figures: Sequence[Token], values: Sequence[int], rows: int, middle: int) -> list[set[Row]] | None:
    """Each row from a run of figures printed side by side on one line (no words between), when
    the runs are as many as the table's rows (or one fewer: the last row run into the note under
    the table, left unknown), each opens with the row's first column, closes with
    its total and adds up (``10 2 - - 12``: an Excel table whose narrow columns lost cells);
    None otherwise."""
    runs: list[list[int]] = []
    previous: tuple[str, int] | None = None
    for i, token in enumerate(figures):
        line, _, part = token.where.partition(" part ")
        at = (line, int(part) if part.isdigit() else -1)
        if previous is not None and at[1] >= 0 and previous == (line, at[1] - 1):
            runs[-1].append(values[i])
        else:
            runs.append([values[i]])
        previous = at
    if len(runs) not in (rows, rows - 1):
        return None
    if any(not 2 <= len(run) <= middle + 2 or sum(run[:-1]) != run[-1] for run in runs):
        return None
    return [{(run[0], tuple(run[1:-1]), run[-1])} for run in runs]


def _take(
    keys: Sequence[Hashable],
    width: int,
    figures: list[Token],
    decided: dict[Hashable, list[int | None]],
    seen: dict[tuple[Hashable, int], list[int | None]],
    middles: dict[Hashable, list[tuple[int, ...]]],
    report: Report,
    evidence: Evidence,
) -> None:
    evidence.forget("requests.")
    for key in keys:
        report.requests[str(key)] = list(decided[key])
    evidence.doubt(
        "requests",
        None,
        "表三留空了为零的单元格（Word 表格），文本按排版流印出各格：按各列自上而下、各行自左而右的顺序"
        "及勾稽关系推定各数字所在的格",
        "table 三 leaves its zero cells blank (a Word table) and the text prints its cells in the "
        "layout's flow: each figure's cell inferred from that order (each column top to bottom, each "
        "row left to right) and the table's arithmetic",
        figures[0].where,
    )
    for (key, c), options in seen.items():
        shown = [v for v in options if v is not None]
        zh, en = "（{readings}）", " ({readings})"
        if not shown:  # an organisation cell of a row that prints some of them: which ones is not said
            printed = " / ".join(" ".join(map(str, m)) for m in middles[key] if m)
            zh, en = f"（本行印出的法人或其他组织数字：{printed}）", f" (the row prints organisation figures {printed})"
            if printed:  # the cell is blank (0) or holds one of the row's figures
                shown = sorted({0, *(v for m in middles[key] for v in m)})
        evidence.undecided(
            f"requests.{key}[{c}]",
            shown,
            zh=f"按印刷顺序与勾稽关系，此格有几种可能的读法，记为未知{zh}",
            en=f"the printed order and the arithmetic allow more than one reading of this cell; left unknown{en}",
            where=figures[0].where,
        )
