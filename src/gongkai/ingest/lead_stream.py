"""Table 三 whose rows print a lead figure beside their wrapped label and the rest in one stream
(``pdftotext`` default mode, a Word table printed through LibreOffice).

A Word table with narrow label cells wraps each label over two or three lines; ``pdftotext``
without ``-layout`` prints the label's first line with the row's first cell (its 自然人 figure,
``一、本年新收政府信息公开申`` / ``466`` / ``请数量``) and the row's other cells after the label's
last line. A tall merged cell (三、本年度办理结果 over its (一)(二) rows) moves labels with their
leads out of place (``（一）予以公开`` / ``61`` after row 7.属于行政执法案卷), while the other cells
keep the rows' order: one row's tail runs straight into the next row's
(``2 0 0 10 7 29 4 6 0 13 13 97`` …). Read by labels, the rows hold one figure or several rows'
figures, and no reading of rows fits.

Read here: a record naming a row by its label and holding one or two figures is that row's lead;
every other figure of the table, in printed order, is the stream of the rows' other cells, cut in
template order, each row taking as many as its lead leaves (a row printing no lead takes them
all). The cut must use the stream exactly (a count that does not come out is not this layout).
A row's cells whose stream piece runs over two records may print the later record first (``46`` /
labels / ``26 7 1 0 6 6``: the 总计 of a tall row before its other cells): the piece is then read
in the one order of its records in which the row adds up. Every row must add up
(``report.equations``); the table's equations rank the readings, cells they disagree on are
unknown with their alternatives, and the table is named in ``uncertain``. The last row's last
figure may stand just past table 四's heading: taken where it is exactly the count missing.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from itertools import product

from gongkai.ingest.block_orders import row_equations
from gongkai.ingest.document import Document, TextBlock
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.lead_tails import counted_records
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.records import Record, Token, line_number
from gongkai.ingest.requests_now import requests_now
from gongkai.ingest.tied_tables import take_agreed
from gongkai.report.equations import requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_MAX_LEAD = 2  # figures a label's first line may print beside it
_MAX_STRAYS = 2  # lone figures under labels naming no row that may be a row's lead
_MAX_UNEQUAL = 1  # rows of a report contradicting itself (more: the cut is wrong)
_PAST_LINES = 6  # lines past the table's last figure the last row's last figures may stand
_MAX_TABLES = 64  # readings joined from the rows' orders (few rows have two)
_DOUBT = (
    "表三各行在标签首行旁印出首格，其余各格按行序连续印出：按合乎各行合计的切分读取",
    "table 三's rows print their first cell beside their label's first line and their other cells "
    "in one stream in row order: read as the cut in which every row adds up to its 总计",
)
_NONE = parse_cell("")
_UNEQUAL = (
    "本行按印刷顺序读取，但各栏之和不等于总计（报告自相矛盾或切分有误）",
    "row read in printed order, but its cells do not add up to its 总计 (the report contradicts "
    "itself, or the cut is wrong)",
)
Piece = tuple[Token, int]  # a figure of the stream and the record it was printed in


def _layout(
    records: list[Record], keys: Sequence[Hashable]
) -> tuple[dict[Hashable, list[Token]], list[Piece], list[int]] | None:
    """Each row's lead (figures beside its label), the stream of the others, and where in the
    stream a lone figure stands under a label naming no row (a lead whose label printed apart,
    ``2.重复申请`` / its other cells / … ``作`` / ``5``); None where the records are not of this layout."""
    counted = counted_records(records, keys)
    if counted is None:
        return None
    leads: dict[Hashable, list[Token]] = {}
    stream: list[Piece] = []
    strays: list[int] = []
    for at, (record, figures, key, _next, started) in enumerate(counted):
        if key is not None:
            if 0 < len(figures) <= _MAX_LEAD and key not in leads:
                leads[key] = figures
                continue
        elif started and record.labels and len(figures) == 1:
            strays.append(len(stream))
        stream += [(t, at) for t in figures]
    if len(leads) < len(keys) // 2:  # gate: most rows print a lead beside their label
        return None
    return leads, stream, strays


def _orders(pieces: list[Piece]) -> list[list[Token]]:
    """A row's stream cells in printed order, then each order that prints a later record first
    (the records' runs rotated)."""
    runs: list[list[Token]] = []
    last = -1
    for token, record in pieces:
        if record != last:
            runs.append([])
            last = record
        runs[-1].append(token)
    orders = [[t for run in runs for t in run]]
    for k in range(1, len(runs)):
        orders.append([t for run in runs[k:] + runs[:k] for t in run])
    return orders


def _holds(values: list[int], equations: list[list[int]]) -> bool:
    return all(sum(c * v for c, v in zip(row, values, strict=True)) == 0 for row in equations)


def _past_table(document: Document, after: int, missing: int) -> list[Token] | None:
    """The last row's last figures on a line of their own just past the table (after table 四's
    heading, before any other figure): exactly ``missing`` of them, else None."""
    for block in document.blocks:
        if not isinstance(block, TextBlock):
            continue
        line = line_number(Token(block.text, block.where, _NONE))
        if line is None or line <= after:
            continue
        if line > after + _PAST_LINES:
            return None
        words = block.text.split()
        if all(w.isascii() and w.isdigit() for w in words):
            return [Token(w, block.where, parse_cell(w)) for w in words] if len(words) == missing else None
        if any(c.isdigit() for c in block.text):
            return None  # prose's figures: no cell of the table
    return None


def read_lead_stream(
    template: Template, records: list[Record], document: Document, report: Report, evidence: Evidence
) -> None:
    """Read table 三 from rows printing a lead beside their label and their other cells in one
    stream (see the module's doc), where the counts and the arithmetic settle it; ``records``: the
    records of table 三 in order (the last figures may stand past them in ``document``)."""
    keys: list[Hashable] = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    bound = requests_bound(template.id)
    now = requests_now(template, report)
    current = now.table()
    if now.complete and now.broken() == 0:
        return  # the labels read every cell and the arithmetic holds
    equations = row_equations(bound, keys, width)
    if equations is None:
        return
    laid = _layout(records, keys)
    if laid is None:
        return
    leads, stream, strays = laid
    variants: list[tuple[list[list[list[Token]]], list[Hashable]]] = []
    for given in _givings(strays, [key for key in keys if key not in leads]):
        moved = {**leads, **{key: [stream[i][0]] for i, key in given.items()}}
        rest = [piece for i, piece in enumerate(stream) if i not in given]
        cut = _cut(moved, rest, keys, width, equations, document, len(records))
        if cut is not None:
            variants.append(cut)
    if not variants:
        return
    fewest = min(len(unequal) for _, unequal in variants)
    variants = [v for v in variants if len(v[1]) == fewest]
    unequal = variants[0][1] if len(variants) == 1 else []
    if len(variants) > 1 and fewest:
        return  # rows adding up in no order, and more than one way to cut: not settled
    if _take(template, keys, width, [c for c, _ in variants], current, report, evidence, frozenset(map(str, unequal))):
        for key in unequal:
            cells = variants[0][0][keys.index(key)][0]
            evidence.doubt(f"requests.{key}", [int(t.value.amount or 0) for t in cells], *_UNEQUAL, cells[0].where)


def _givings(strays: list[int], leadless: list[Hashable]) -> list[dict[int, Hashable]]:
    """The ways to give the stream's lone figures to rows printing no lead: none first, then each
    stray to one row (a few strays only: each may stay in the stream)."""
    if not strays or len(strays) > _MAX_STRAYS or not leadless:
        return [{}]
    out: list[dict[int, Hashable]] = [{}]
    for picks in product([None, *leadless], repeat=len(strays)):
        chosen = [p for p in picks if p is not None]
        if chosen and len(set(chosen)) == len(chosen):
            out.append({i: key for i, key in zip(strays, picks, strict=True) if key is not None})
    return out


def _cut(
    leads: dict[Hashable, list[Token]],
    stream: list[Piece],
    keys: Sequence[Hashable],
    width: int,
    equations: list[list[int]],
    document: Document,
    past: int,
) -> tuple[list[list[list[Token]]], list[Hashable]] | None:
    """Each row's orders that add up, cut from the stream in template order, and the rows read as
    printed that add up in none; None where the counts or the sums say this is no such cut."""
    need = sum(width - len(leads.get(key, ())) for key in keys)
    missing = need - len(stream)
    last = line_number(stream[-1][0]) if stream else None
    if 0 < missing < width and last is not None:  # the last figures past table 四's heading
        spilled = _past_table(document, last, missing)
        if spilled is None:
            return None
        stream = stream + [(t, past) for t in spilled]
    if len(stream) != need:
        return None
    choices: list[list[list[Token]]] = []
    unequal: list[Hashable] = []  # rows read as printed though they do not add up
    at = 0
    for key in keys:
        lead = leads.get(key, [])
        n = width - len(lead)
        fits = []
        for order in _orders(stream[at : at + n]):
            cells = lead + order
            if _holds([int(t.value.amount or 0) for t in cells], equations):
                fits.append(cells)
        if not fits:  # a report may contradict itself in a row: read as printed, if in one piece
            if len(_orders(stream[at : at + n])) > 1:
                return None
            fits = [lead + [t for t, _ in stream[at : at + n]]]
            unequal.append(key)
        choices.append(fits)
        at += n
    if len(unequal) > _MAX_UNEQUAL:
        return None  # rows adding up in no order: not this layout
    return choices, unequal


def _take(
    template: Template,
    keys: Sequence[Hashable],
    width: int,
    variants: list[list[list[list[Token]]]],
    current: dict[Hashable, tuple[int | None, ...]],
    report: Report,
    evidence: Evidence,
    unequal: frozenset[str],
) -> bool:
    """Join the rows' orders into tables, keep those the equations rank best, and take their
    agreed cells where that fits the arithmetic better than the reading before (then True);
    ``unequal``: rows read though they do not add up (only equations on them may break)."""
    bound = requests_bound(template.id)
    tables: list[dict[Hashable, list[int]]] = []
    tokens: list[dict[Hashable, list[Token]]] = []
    for choices in variants:
        for picked in product(*choices):
            tokens.append(dict(zip(keys, picked, strict=True)))
            tables.append({key: [int(t.value.amount or 0) for t in c] for key, c in tokens[-1].items()})
            if len(tables) > _MAX_TABLES:
                return False  # too many rows of two orders: the arithmetic would pick by chance

    def rank(values: dict[Hashable, list[int]]) -> tuple[int, int]:
        satisfied, broken = bound.score({k: tuple(x) for k, x in values.items()})
        return broken, -satisfied

    order = sorted(range(len(tables)), key=lambda i: rank(tables[i]))
    ranked = [tables[i] for i in order]
    first = rank(ranked[0])
    before = bound.score(current)
    statuses = bound.statuses({k: tuple(x) for k, x in ranked[0].items()})
    foreign = sum(
        1
        for equation, status in zip(bound.equations, statuses, strict=True)
        if status is False and not any(cell.row in unequal for cell in equation.cells)
    )
    if foreign > before[1] or -first[1] - first[0] <= before[0] - before[1]:
        return False  # the reading before fits the arithmetic as well
    tied = [table for table in ranked if rank(table) == first]
    sources = tokens[order[0]]
    where = sources[keys[0]][0].where
    take_agreed(tied, keys, width, lambda key, c: sources[key][c].where, (*_DOUBT, where), report, evidence)
    return True
