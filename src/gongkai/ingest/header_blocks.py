"""Table 二 read from column headers each followed by its block of figures (``pdftotext`` default).

``pdftotext`` without ``-layout`` prints a table in the order of its text flow: table 二's row
labels often come first, all together, and then, item by item (第二十条第（一）项 …), a run of
column headers followed by the figures under them — a block of columns printed row by row (本年新
制作数量 本年新公开数量, then two rows of two figures; 对外公开总数量, then its two figures). The row
labels then name nothing; the headers still do. Table 二 has no equation, so only the layout's
own structure may place a figure: a run of ``k`` headers of one item followed by exactly ``k ×
rows`` figures (the item's rows in the template) is read row by row under those headers. Any
other count, or a block with one of the item's row labels printed inside it (rows labelled in
place are the reading by labels' to read), is left alone. The reading only fills cells the
reading by labels left unknown, and says so in ``uncertain``.

Another print of table 二 flows it column by column: each header, then the figures of its column
(本年新制作数量 / ``5`` / ``610``), blank cells leaving no trace. There a one-row item with a blank
column (行政事业性收费: 上一年项目数量 blank, 本年增/减 ``-1``) prints two headers in a row and then
one figure, which no row-by-row block fits. Where every block that fits is one header's column, and
some column of several rows shows the flow, such a run of headers with one figure is read as
``column_tail`` says: the item is the one-row item whose columns no other block took, the figure
is its last header's cell and the headers before it stood over blank cells (0).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations, pairwise

from gongkai.ingest.active import BLANK_ROW_EN
from gongkai.ingest.evidence import Evidence, count_value
from gongkai.ingest.numbers import CellKind, scale_money
from gongkai.ingest.records import Record, Token, cached_bare, cached_key
from gongkai.ingest.stacked_items import read_stacked_items
from gongkai.ingest.vocabulary import ITEM_MARK, field_of, vocabulary
from gongkai.report.labels import label_key
from gongkai.report.model import Report
from gongkai.report.templates import Field, Kind, Template

_WORDS = 4  # characters of a label that names nothing and ends a block (shorter: a unit, a mark)


@dataclass
class _Run:
    item: str
    fields: list[str] = field(default_factory=list)
    values: list[Token] = field(default_factory=list)
    interrupted: bool = False  # a label of the item's rows printed among its headers and figures


def _runs(template: Template, records: list[Record]) -> list[_Run]:
    """The header runs of table 二 with the figures printed right after each."""
    items = {label_key(item): item for item in template.active_items}
    fields_of = {
        item: {f.key for row in template.active_rows if row.item == item for f in row.fields} for item in items.values()
    }
    headed: dict[str, set[str]] = {item: set() for item in items.values()}
    rows_named = vocabulary().active_rows
    item_of = {row.key: row.item for row in template.active_rows}
    runs: list[_Run] = []
    current: str | None = None
    run: _Run | None = None
    wrapped = ""  # the label just before, when it named nothing: a header's first line (本年制 / 发件数)
    for record in records:
        for token in record.labels:
            key = cached_key(token.text)
            if ITEM_MARK in key:
                current = next((item for k, item in items.items() if k in key or key in k), None)
                run = None
                wrapped = ""
                continue
            found = field_of(key)
            if found is None and wrapped:
                found = field_of(cached_key(wrapped + token.text))
            wrapped = token.text if found is None else ""
            if found is None:
                named = rows_named.get(cached_bare(token.text))
                if run is not None and named is not None and item_of[named] == run.item:
                    run.interrupted = True  # a row's label among the block: not a block printed apart
                elif run is not None and named is not None and run.values:
                    run = None  # another item's row label after the block's figures: the block has ended
                elif run is not None and run.values and len(cached_bare(token.text)) >= _WORDS:
                    run = None  # words naming nothing after the figures (a sentence, the next table's
                    # header): the block has ended, the figures after them are not its
                continue
            name = found[0]
            item = (
                current if current is not None and name in fields_of[current] and name not in headed[current] else None
            )
            if item is None:  # a header of an item printed further on, or under an earlier one
                item = next((i for i in items.values() if name in fields_of[i] and name not in headed[i]), None)
            if item is None:
                run = None
                continue
            headed[item].add(name)
            if run is None or run.values or run.item != item:
                run = _Run(item)
                runs.append(run)
            run.fields.append(name)
        for token in record.values:
            if token.value.kind is CellKind.BLANK:
                continue
            if run is not None:
                run.values.append(token)
    return runs


def _rows_of(template: Template, run: _Run) -> list[str]:
    """The rows of the run's item that its headers all belong to."""
    return [
        row.key
        for row in template.active_rows
        if row.item == run.item and all(k in {f.key for f in row.fields} for k in run.fields)
    ]


def _fit(template: Template, run: _Run) -> bool:
    return len(run.values) == len(run.fields) * len(_rows_of(template, run))


def _items_by_fit(template: Template, runs: list[_Run]) -> None:
    """Items whose marks were printed apart from their blocks (第二十条第（五）项 第二十条第（六）项
    together, then the blocks) share headers (上一年项目数量, 本年处理决定数量): which block is which
    item the marks do not tell. Where the runs of one header set do not all fit the rows of the
    items they were given, and exactly one choice of items in template order (the order the blocks
    print them) makes every run's figures fit its item's rows, that choice is taken: the count of
    figures is each block's only evidence (table 二 has no sums)."""
    groups: dict[tuple[str, ...], list[_Run]] = {}
    for run in runs:
        groups.setdefault(tuple(run.fields), []).append(run)
    for fields, same in groups.items():
        if all(_fit(template, run) for run in same):
            continue
        # Every item whose rows carry these headers, in template order.
        items = [
            item
            for item in template.active_items
            if any(row.item == item and set(fields) <= {f.key for f in row.fields} for row in template.active_rows)
        ]
        before = [run.item for run in same]
        fitting: list[tuple[str, ...]] = []
        for chosen in combinations(items, len(same)):
            for run, item in zip(same, chosen, strict=True):
                run.item = item
            if all(_fit(template, run) for run in same):
                fitting.append(chosen)
        chosen = fitting[0] if len(fitting) == 1 else _in_order(template, same, items, before)
        for run, item in zip(same, chosen, strict=True):
            run.item = item


def _in_order(template: Template, same: list[_Run], items: list[str], before: list[str]) -> tuple[str, ...]:
    """Where no choice makes every run fit: the items as the marks gave them, unless those break the
    order the blocks print items in (a later item's block first: the marks, printed apart, named
    the last item for every block); then the one choice in template order that fits the most runs
    (a block cut by a page fits none), or the marks' items where two choices tie."""
    rank = {item: i for i, item in enumerate(template.active_items)}
    if all(rank[a] < rank[b] for a, b in pairwise(before)):
        return tuple(before)
    scored: list[tuple[int, tuple[str, ...]]] = []
    for chosen in combinations(items, len(same)):
        for run, item in zip(same, chosen, strict=True):
            run.item = item
        scored.append((sum(1 for run in same if _fit(template, run)), chosen))
    best = max(score for score, _ in scored)
    top = [chosen for score, chosen in scored if score == best]
    return top[0] if len(top) == 1 else tuple(before)


def column_tail(template: Template, runs: list[_Run]) -> list[tuple[_Run, str]]:
    """The runs of a column-by-column flow (see the module's doc) holding a one-row item's blank
    columns then its one printed column, each with the row it reads: the runs of two headers or
    more and one figure, where every run that fits is one header's column, some of them a column of
    several rows, and exactly one one-row item has all the run's headers and none of its columns
    taken by another run."""
    fitting = [run for run in runs if not run.interrupted and _fit(template, run)]
    if not fitting or any(len(run.fields) > 1 for run in fitting):
        return []  # a block of several headers' columns row by row: not this flow
    if not any(len(_rows_of(template, run)) > 1 for run in fitting):
        return []  # no column of several rows printed under its header: the flow is not shown
    taken = {(run.item, name) for run in fitting for name in run.fields}
    out: list[tuple[_Run, str]] = []
    for run in runs:
        if run.interrupted or len(run.fields) < 2 or len(run.values) != 1 or _fit(template, run):
            continue
        rows = [
            row
            for row in template.active_rows
            if [f.key for f in row.fields] == run.fields
            and sum(1 for other in template.active_rows if other.item == row.item) == 1
            and not any((row.item, name) in taken for name in run.fields)
        ]
        if len(rows) == 1:
            out.append((run, rows[0].key))
    return out


def _read_column_tails(
    template: Template, runs: list[_Run], report: Report, evidence: Evidence, blanks: frozenset[str]
) -> None:
    """Fill the open cells of ``column_tail``'s rows: the figure under the last header, 0 under
    the headers before it (blank columns), each named in ``uncertain``."""
    for run, key in column_tail(template, runs):
        token = run.values[0]
        if token.value.kind is not CellKind.NUMBER:
            continue
        row = next(r for r in template.active_rows if r.key == key)
        if all(open_cell(report, evidence, blanks, key, name) for name in run.fields):
            # read as 0 only because its label stood with no figure: the headers' reading replaces that note
            evidence.uncertain[:] = [
                u for u in evidence.uncertain if not (u.cell == f"active.{key}" and u.reason_en.endswith(BLANK_ROW_EN))
            ]
        for j, name in enumerate(run.fields):
            if not open_cell(report, evidence, blanks, key, name):
                continue
            path = f"active.{key}.{name}"
            last = j == len(run.fields) - 1
            value = report.active[key][name] = block_value(row.field(name), token, path, evidence) if last else 0
            if last:
                evidence.provenance[path] = token.where
            evidence.doubt(
                path,
                value,
                "表二按栏目逐列印出（先表头，再该栏的数字）：本项只有一行，连续的表头中前面的各栏为空白（按 0 计），"
                "其后的数字属于最后一个表头",
                "table 二 prints column by column (a header, then its column's figures): this one-row "
                "item's headers printed in a row stand over blank cells (read as 0) but the last, "
                "whose cell is the figure after them",
                token.where,
            )


def blank_places(records: list[Record]) -> frozenset[str]:
    """Where table 二 prints blank cells and no figure (``line 26``: an empty line of pdftotext)."""
    blank: set[str] = set()
    printed: set[str] = set()
    for record in records:
        for token in record.values:
            (blank if token.value.kind is CellKind.BLANK else printed).add(token.where)
    return frozenset(blank - printed)


def block_value(f: Field, token: Token, path: str, evidence: Evidence) -> int | float | None:
    """The value a figure read from a block gives field ``f``: money scaled to the field's unit, a
    count checked as one (a doubt named at ``path`` where it is not)."""
    value = token.value.amount
    if f.kind is Kind.MONEY and value is not None:
        return scale_money(value, token.value.unit, f.unit or "元")
    return count_value(value, f.kind, path, evidence, token.where)


def take_block_cell(
    report: Report, evidence: Evidence, row_key: str, f: Field, token: Token, zh: str, en: str
) -> int | float | None:
    """Table 二's cell ``row_key``.``f`` read from a figure of a block (``block_value``), its
    provenance with it and the cell named in ``uncertain`` (``zh``/``en``: how it was read)."""
    path = f"active.{row_key}.{f.key}"
    value = report.active[row_key][f.key] = block_value(f, token, path, evidence)
    evidence.provenance[path] = token.where
    evidence.doubt(path, value, zh, en, token.where)
    return value


def open_cell(report: Report, evidence: Evidence, blanks: frozenset[str], row: str, name: str) -> bool:
    """Whether the reading by labels left the cell to fill: unknown, or read as 0 from no printed
    figure at all (a row label followed by blank cells only, its figures printed in a block
    elsewhere)."""
    if report.active[row].get(name) is None:
        return True
    where = evidence.provenance.get(f"active.{row}.{name}")
    return where is None or where in blanks


def any_open_cell(report: Report, evidence: Evidence, records: list[Record]) -> bool:
    """Whether the reading by labels left any cell of table 二 open (``open_cell``; ``records``:
    table 二's): where none is, no reader filling open cells has anything to do."""
    blanks = blank_places(records)
    return any(open_cell(report, evidence, blanks, row, name) for row, cells in report.active.items() for name in cells)


def read_header_blocks(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Fill the cells of table 二 the labels left unknown (or read as 0 from no figure printed)
    from header runs whose figures fit them exactly; ``records``: the records of table 二, in order."""
    blanks = blank_places(records)
    if not any(
        open_cell(report, evidence, blanks, row, name) for row, cells in report.active.items() for name in cells
    ):
        return
    runs = _runs(template, records)
    _items_by_fit(template, runs)
    _read_column_tails(template, runs, report, evidence, blanks)
    read_stacked_items(
        template,
        runs,
        report,
        evidence,
        lambda row, name: open_cell(report, evidence, blanks, row, name),
        lambda row, name, token, path: block_value(row.field(name), token, path, evidence),
    )
    for run in runs:
        rows = [
            row
            for row in template.active_rows
            if row.item == run.item and all(k in {f.key for f in row.fields} for k in run.fields)
        ]
        k = len(run.fields)
        if not rows or run.interrupted or len(run.values) != k * len(rows):
            continue
        if any(t.value.kind not in (CellKind.NUMBER, CellKind.DASH) for t in run.values):
            continue
        guessed = {u.cell for u in evidence.uncertain if u.reason_en.endswith(BLANK_ROW_EN)}
        for i, row in enumerate(rows):
            names = {f.key for f in row.fields}
            figures = run.values[i * k : (i + 1) * k]
            if (
                set(run.fields) == names
                and all(
                    report.active[row.key].get(n) is not None and open_cell(report, evidence, blanks, row.key, n)
                    for n in names
                )
                and any(t.value.amount for t in figures)
            ):
                # the labels read this row as 0 from blank cells only, and its block prints figures:
                # the notes on that reading go (a block of zeros leaves them, they still hold)
                evidence.uncertain[:] = [u for u in evidence.uncertain if u.cell != f"active.{row.key}"]
            if f"active.{row.key}" in guessed:
                # Read as 0 only because its label stood with no figure: the figures printed
                # apart under the headers are the better reading, and that guess's note goes once
                # they read every cell of the row. Other doubts on the row (a damaged or missing
                # label) still hold and stay.
                if {f.key for f in row.fields} <= set(run.fields):
                    cell = f"active.{row.key}"
                    evidence.uncertain[:] = [
                        u for u in evidence.uncertain if not (u.cell == cell and u.reason_en.endswith(BLANK_ROW_EN))
                    ]
                for name in run.fields:
                    report.active[row.key][name] = None
            for j, name in enumerate(run.fields):
                if not open_cell(report, evidence, blanks, row.key, name):
                    continue
                take_block_cell(
                    report,
                    evidence,
                    row.key,
                    row.field(name),
                    run.values[i * k + j],
                    "表二的行标签与数字分开印出：按其栏目表头之后的数字块逐行读取",
                    "table 二 prints its row labels apart from its figures: read from the block of "
                    "figures right after its column headers, row by row",
                )
