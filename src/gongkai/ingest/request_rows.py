"""Table 三's printed rows found in a document's records (``request_records``): each row a label
names, with its label and cells (``RequestRaw``), and the rows of figures no label named (``Orphan``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, cached_bare, cached_key, physical_rows
from gongkai.ingest.request_labels import blank_rows_before, match_request, other_row_label
from gongkai.ingest.row_shapes import nothing_printed, row_of_figures, run_of_row
from gongkai.ingest.vocabulary import vocabulary


@dataclass
class RequestRaw:
    key: str
    label: Token
    values: list[Token]
    table: int = 0
    stacked: str = ""  # another row's label printed between this row's label and its values
    placed: str = ""  # how a row no label named was put here (template_align), else ""
    # the row next to it when its figures stood on a line of their own between this row's label
    # and that row's, printed with blank cells only: which of the two they belong to is in doubt
    beside: str = ""
    # the label wrapped over lines of a pipe table, its first line naming the row on its own
    wrapped: bool = False


@dataclass
class Orphan:
    """A printed row of figures whose label names no row (missing, pulled out of the table by a
    converter, or too damaged), with the named rows around it (merged template order)."""

    label: str  # its bare label, '' when it has none
    values: list[Token]
    where: str
    table: int
    after: int  # merged index of the named row before it (-1: none)
    before: int = 10_000  # merged index of the named row after it


@lru_cache(maxsize=16384)
def _line_of(where: str) -> str:
    return " ".join(where.split(" ")[:2]) if where.startswith("line ") else ""


def _figures_apart(found: RequestRaw) -> bool:
    """Whether a row's figures stand on a line of their own, not on its label's line."""
    line = _line_of(found.label.where)
    if not line:
        return False
    for t in found.values:  # the first figure's line
        if t.value.kind is not CellKind.BLANK:
            return line != _line_of(t.where)
    return False


def request_records(records: list[Record]) -> tuple[dict[str, RequestRaw], list[str], list[Orphan]]:
    rows: dict[str, RequestRaw] = {}
    votes: list[str] = []
    orphans: list[Orphan] = []
    open_orphans: list[Orphan] = []  # orphans still waiting for the next named row
    last: RequestRaw | None = None  # the row the record just before named (None: not a row)
    previous: RequestRaw | None = None
    started = False
    next_index = 0
    pending: RequestRaw | None = None
    adopted: RequestRaw | None = None  # the row that took the figures of the line just before
    header = vocabulary().request_header
    held = 0  # blank lines of a wrapped label's pieces the row named last was held open over
    for record in (part for whole in records for part in physical_rows(whole, _full_row)):
        # A header repeated on a new page (申请人情况 自然人 … 其他) names no row, though 其他 and
        # 总计 are row labels too: in a header run only a long label counts.
        in_header = sum(1 for t in record.labels if cached_key(t.text) in header) >= 2
        match = match_request(record, started and not in_header, next_index)
        held = 0 if match is not None else held
        previous, last = last, None
        just_adopted, adopted = adopted, None
        if match is None:
            if _held_open(pending, record, held):
                # A piece of the label wrapped a line a row, its cells blank (a Markdown converter's
                # row a line): the figures may still come beside the next piece; the row stays open.
                held += 1
                continue
            if (
                pending is not None
                and record.values
                and (
                    nothing_printed(pending.values)
                    or (pending is previous and not row_of_figures(pending.values) and row_of_figures(record.values))
                )
            ):
                # The label's values printed on its next line; or, right after it, a row holding
                # the rest of its wrapped label and the figures, its own row blank cells only.
                pending.values = list(record.values)
                adopted = pending if not record.labels else None
                pending = None
                continue
            elif row_of_figures(record.values) or run_of_row(record.values):
                label = "".join(cached_bare(t.text) for t in record.labels if not in_header)
                where = record.labels[-1].where if record.labels else record.values[0].where
                orphan = Orphan(label, list(record.values), where, record.table, next_index - 1)
                orphans.append(orphan)
                open_orphans.append(orphan)
                pending = None
            continue
        for orphan in open_orphans:
            orphan.before = match.index
        open_orphans = []
        for row in blank_rows_before(record, next_index, match.index):
            if row.key not in rows:
                rows[row.key] = RequestRaw(row.key, record.labels[0], [], record.table)
        started = True
        next_index = match.index + 1
        if len(match.templates) == 1 and record.values:
            votes.extend(match.templates)
        if match.key in rows and not nothing_printed(rows[match.key].values):
            earlier = rows[match.key].values
            if row_of_figures(earlier) or not row_of_figures(record.values):
                continue  # the first printing of a row wins (a page may repeat a table)
            # Else the earlier was no row: a sentence a converter cut into cells (``件，其中予以公开
            # | 116 | 件``) that names the row and one figure; the table's row wins.
        pending = RequestRaw(
            match.key,
            record.labels[-1],
            list(record.values),
            record.table,
            other_row_label(record, match.key) if record.values else "",
            wrapped=_wrapped_label(record, match.key, started, match.index),
        )
        if previous is not None and _figures_apart(previous) and not _figures_apart(pending):
            just_adopted = previous
        if just_adopted is not None and record.values and nothing_printed(record.values):
            # Figures on a line of their own after a label, then a row of blank cells with its
            # label: the figures may be either row's (a converter moving a label off its cells).
            just_adopted.beside, pending.beside = match.key, just_adopted.key
            line = _line_of(record.values[0].where)
            if just_adopted.wrapped and all(_line_of(t.where) == line for t in record.labels):
                # A Word table centres a row's figures on its label: a wrapped label's figures
                # come between its lines, not after its last. After the last, on a line of their
                # own just before a row printed on one line (its labels and blank cells), they
                # are that row's.
                pending.values, just_adopted.values = just_adopted.values, pending.values
        rows[match.key] = last = pending
    return rows, votes, orphans


def _wrapped_label(record: Record, key: str, started: bool, index: int) -> bool:
    """Whether a pipe table's row label wrapped: its last piece on a line of its own after a
    piece that names the row alone (``1. 信访举报投诉类申`` / ``请``)."""
    labels = record.labels
    if len(labels) < 2 or " cell " not in labels[-1].where:
        return False
    if _line_of(labels[-1].where) == _line_of(labels[-2].where):
        return False
    head = match_request(Record(labels[:-1], [], record.table), started, index)
    return head is not None and head.key == key


_MIN_ROW = 6  # cells a printed row of table 三 must hold to be a row on its own (7 columns)


def _full_row(values: list[Token]) -> bool:
    """A row of table 三 on its own: seven cells (or six and a lost blank) and figures in them;
    a row wrapped over two lines (4 + 3 cells) is not."""
    return len(values) >= _MIN_ROW and row_of_figures(values)


_MAX_HELD = 4  # pieces of a wrapped label, blank cells beside them, before the one beside the figures


def _held_open(pending: RequestRaw | None, record: Record, held: int) -> bool:
    """Whether the row named last, its cells on its line blank, stays open over ``record``: a
    short piece of its wrapped label with only blank cells beside it (the figures beside a later
    piece), at most ``_MAX_HELD`` such pieces. Only in a pipe table (its blank cells printed): a line of
    text is a label alone, as it always was."""
    return (
        pending is not None
        and held < _MAX_HELD
        and 1 <= len(record.labels) <= 2
        and all(len(cached_bare(t.text)) <= 8 for t in record.labels)
        and all(" cell " in t.where for t in (*record.values, *pending.values))
        and bool(record.values)
        and nothing_printed(pending.values)
        and nothing_printed(record.values)
    )
