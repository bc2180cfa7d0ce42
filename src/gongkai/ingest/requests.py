"""Table 三 (收到和处理政府信息公开申请情况): rows found by their labels, cells by the arithmetic."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from gongkai.ingest.align import (
    MAX_COST,
    Accept,
    Choice,
    Reading,
    Slot,
    Value,
    choose,
    pinned_readings,
    readings,
    stray_figure_readings,
    tail_first_readings,
    unsummed_readings,
    zero_reading,
)
from gongkai.ingest.blank_gaps import gap_readings, spaced_table
from gongkai.ingest.cell_a_line import (
    cell_a_line_readings,
    cell_a_line_table,
    hyphens_dropped,
    labels_alone_are_zeros,
    without_hyphens,
)
from gongkai.ingest.column_places import column_maps
from gongkai.ingest.document import TableBlock
from gongkai.ingest.evidence import Evidence, apply_choice, count_value, note_dashes
from gongkai.ingest.grid_tables import on_page_grids, shared_cells, weighed_by_prose, with_blank_rows
from gongkai.ingest.header_columns import agrees_with_rows, header_fractions
from gongkai.ingest.line_gaps import figure_a_line_table, line_gap_readings, lined_row, lined_table
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.padded import padded_readings, table_padding
from gongkai.ingest.placed import first_column_places
from gongkai.ingest.placed_wide import PlacedRow, placed_wide
from gongkai.ingest.possible_counts import prefer_possible, request_cell
from gongkai.ingest.prose_places import placed_by_prose
from gongkai.ingest.records import Record, Token, cached_bare, cached_key, physical_rows
from gongkai.ingest.stacked_cells import with_stacked_orders
from gongkai.ingest.template_align import align_gap
from gongkai.ingest.vocabulary import RequestRowKeys, vocabulary
from gongkai.report.equations import COLUMN_BALANCE, OUTCOME_SUM, ROW_SUM, Bound, Cell, equations, requests_bound
from gongkai.report.labels import bare_label_key
from gongkai.report.model import Report
from gongkai.report.templates import REQUEST_COLUMNS, TEMPLATES, Kind, RequestRow, Template


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


@lru_cache(maxsize=1)
def _printed_rows() -> dict[str, str]:
    """label key of a row label as printed with its numbering (（七）总计, 3.其他) → row key; and bare
    keys of four characters or more. A label of this set names a row on its own."""
    from gongkai.ingest.vocabulary import TEMPLATES_BOTH

    named: dict[str, str] = {}
    for template in TEMPLATES_BOTH:
        for row in template.request_rows:
            for label in row.labels:
                named.setdefault(cached_key(f"{row.number}{label}"), row.key)
                bare = cached_bare(label)
                if len(bare) >= 4:
                    named.setdefault(bare, row.key)
    return named


def _other_row_label(record: Record, key: str) -> str:
    """The text of a label in ``record`` that names a row other than ``key`` on its own, if any:
    labels stacked before values (``（七）总计`` / ``3.其他`` / figures, as ``pdftotext`` prints a
    table whose cells it read out of order) leave the figures' row in doubt."""
    named = _printed_rows()
    headings = vocabulary().request_headings
    lines = [line for token in record.labels for line in token.text.split("\n")]
    for text in lines[:-1]:
        bare = cached_bare(text)
        if bare in headings:
            continue  # a group heading (（三）不予公开) printed beside its rows
        other = named.get(cached_key(text)) or named.get(bare)
        if other is None and _NUMBERED.match(text) and len(bare) >= 4:
            # A numbered label cut short by wrapping (5.要求行政机关确认或重新出具已获)
            starts = {row.key for row in vocabulary().request_rows if any(k.startswith(bare) for k in row.keys)}
            other = next(iter(starts)) if len(starts) == 1 else None
        if other is not None and other != key:
            return text
    return ""


_NUMBERED = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十]+[)）])")


@lru_cache(maxsize=16384)
def _row_candidates(bare: str, joined: str) -> tuple[tuple[float, int, RequestRowKeys], ...]:
    """The table 三 rows a label may name: (quality, matched length, row); exact beats suffix
    (a group heading in the same cell), beats containing, beats a prefix (a label cut short). A
    group heading run into an item number (``（六）其他处理1.申请人无正当理由逾期不``) names an item of
    the group, never the row the other template titles with the heading: the item is matched."""
    item = _item_after_heading(bare)
    if item:
        return _row_candidates(item, item)
    found = []
    for row in vocabulary().request_rows:
        quality = 0.0
        length = 0
        for k in row.keys:
            if not k:
                continue
            if bare == k:
                q = 3.0
            elif len(k) >= 4 and joined.endswith(k):
                q = 2.0
            elif len(k) >= 4 and k in bare:
                q = 1.5
            elif len(bare) >= 4 and k.startswith(bare):
                q = 1.0
            else:
                continue
            if (q, len(k)) > (quality, length):
                quality, length = q, len(k)
        if quality:
            found.append((quality, length, row))
    return tuple(found)


def _item_after_heading(bare: str) -> str:
    """The label after a group heading and an item number run into it (``其他处理1申请人…`` →
    ``申请人…``); '' when ``bare`` is not one."""
    for heading in vocabulary().request_headings:
        if bare.startswith(heading) and bare[len(heading) : len(heading) + 1].isdigit():
            return bare[len(heading) :].lstrip("0123456789")
    return ""


@lru_cache(maxsize=16384)
def _bare_parts(text: str) -> tuple[str, ...]:
    """Bare keys of a label cell's space-separated parts, last first ('' for a one-part cell)."""
    parts = text.split()
    if len(parts) < 2:
        return ()
    return tuple(key for key in (bare_label_key(part) for part in reversed(parts)) if key)


@lru_cache(maxsize=1)
def _row_numbers() -> dict[str, frozenset[str]]:
    """row key → the item numbers (1 … 8) it is printed with, in either template."""
    from gongkai.ingest.vocabulary import TEMPLATES_BOTH

    numbers: dict[str, set[str]] = {}
    for template in TEMPLATES_BOTH:
        for row in template.request_rows:
            digits = "".join(c for c in row.number if c.isdigit())
            numbers.setdefault(row.key, set()).add(digits)
    return {key: frozenset(found) for key, found in numbers.items()}


_ITEM_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.．、]")


def _printed_number(text: str) -> str | None:
    """The item number a label is printed with (``2.其他`` → 2), None when it has none."""
    match = _ITEM_NUMBER.match(text)
    return str(int(match.group(1))) if match else None  # ２ (full width) is 2


def _best_row(
    bare: str,
    joined: str,
    next_index: int,
    min_length: int,
    min_quality: float = 0.0,
    number: str | None = None,
) -> RequestRowKeys | None:
    best: tuple[tuple[float, int, int], RequestRowKeys] | None = None
    for quality, length, row in _row_candidates(bare, joined):
        if length < min_length or (quality < 2 and len(bare) < min_length) or quality < min_quality:
            continue
        if number is not None and length < 4 and number not in _row_numbers().get(row.key, frozenset({number})):
            # "2.其他" (2.其他法律行政法规禁止公开 wrapped) is not the row 3.其他: a short label
            # names a row only with its own number; a long one names it whatever its number.
            continue
        distance = row.index - next_index if row.index >= next_index else 1000 + next_index - row.index
        rank = (quality, length, -distance)
        if best is None or rank > best[0]:
            best = (rank, row)
    return best[1] if best is not None else None


def _match_request(record: Record, started: bool, next_index: int) -> RequestRowKeys | None:
    """The row a record's labels name. The label nearest the values decides: within a cell, its
    last space-separated part that names a row by at least four characters (a group heading and
    a wrapped row label may share a cell), else the cell as a whole (a label split by spaces);
    其他 and 总计 count only once the rows have started (before, they are column headers)."""
    own = (_numbered_label(record) or _group_row_label(record)) if started else None
    if own is not None:
        return own
    stitched = _stitched(record)
    if stitched:
        row = _best_row(stitched, stitched, next_index, 8, 1.0)
        if row is not None:
            return row
    wholes = [cached_bare(t.text) for t in record.labels]
    for position in range(len(wholes) - 1, -1, -1):
        before = "".join(wholes[:position])
        pieces = record.labels[position].text.split()
        number = _printed_number(pieces[-1]) if len(pieces) > 1 else None
        if number is not None and started:
            # The cell's last line a short numbered label of its own (a wrapped row above it
            # ends in the same cell: ``…政府信息公开申请`` / ``3.其他``): that row, by its number.
            last = cached_bare(pieces[-1])
            row = _best_row(last, last, next_index, 1, 3.0, number=number) if last else None
            if row is not None:
                return row
        for index, part in enumerate(_bare_parts(record.labels[position].text)):
            # Only the last part may be a label cut short (wrapped); a middle part that starts
            # like some label (无正当理…) is a piece of a label split by spaces.
            row = _best_row(part, before + part, next_index, 4, 1.0 if index == 0 else 1.5)
            if row is not None:
                return row
        row = _best_row(
            wholes[position],
            before + wholes[position],
            next_index,
            1 if started else 4,
            number=_printed_number(record.labels[position].text),
        )
        if row is not None:
            return row
    return _wrapped_numbered(record, next_index)


def _numbered_label(record: Record) -> RequestRowKeys | None:
    """The row the record's last label cell names whole, with its item number (``2. 重复申请``,
    ``3. 其他``, as run-on text cut before each number prints it): that row, though group headings
    stand among the labels before it (those are not a wrapped label's pieces, ``_stitched``)."""
    text = record.labels[-1].text if record.labels else ""
    number = _printed_number(text)
    bare = cached_bare(text) if number is not None else ""
    return _best_row(bare, bare, 0, 1, 3.0, number=number) if bare else None


_GROUP_NUMBER = re.compile(r"^\s*[（(][一二三四五六七][)）]")


def _group_row_label(record: Record) -> RequestRowKeys | None:
    """The row the record's last label cell names whole with its group number (``（七）总 计``,
    2019's ``（六）其他处理``) when the record has figures: the label on the figures' line, though
    the labels of rows printed blank above it (a table leaving zeros blank) run before it and,
    joined, end like a longer row's label."""
    if not record.values or len(record.labels) < 2:
        return None
    text = record.labels[-1].text
    if not _GROUP_NUMBER.match(text):
        return None
    bare = cached_bare(text)
    return _best_row(bare, bare, 0, 1, 3.0) if bare else None


_MAX_PIECES = 5  # pieces of a wrapped label after its item number, a few characters each


def _wrapped_numbered(record: Record, next_index: int) -> RequestRowKeys | None:
    """A numbered row label wrapped a few characters a line, the figures beside its middle line
    (``4.保护第`` / ``三方合   1   1`` / ``法权益``, as ``pdftotext -layout`` prints a narrow Word
    column): the pieces from the last item number on, joined, are the start of the row's label.
    The pieces of the group heading wrapped beside them (``（四）无`` / ``法提供``) are skipped:
    every way of leaving pieces out is tried, and the longest start of a label wins."""
    parts = [part for t in record.labels for part in t.text.split()]
    start = next((i for i in range(len(parts) - 1, -1, -1) if _ITEM_NUMBER.match(parts[i])), None)
    if start is None or len(parts) - start > _MAX_PIECES:
        return None
    number = _printed_number(parts[start])
    head = cached_bare(parts[start])
    rest = [cached_bare(p) for p in parts[start + 1 :]]
    best: tuple[int, RequestRowKeys] | None = None
    for keep in itertools.product((True, False), repeat=len(rest)):
        bare = head + "".join(p for p, k in zip(rest, keep, strict=True) if k)
        if len(bare) < 3:
            continue
        row = _best_row(bare, bare, next_index, 4, number=number) if len(bare) >= 4 else _numbered_start(bare, number)
        if row is not None and (best is None or len(bare) > best[0]):
            best = (len(bare), row)
    return best[1] if best is not None else None


def _numbered_start(bare: str, number: str | None) -> RequestRowKeys | None:
    """The one row whose label starts with three characters ``bare`` and is printed with item
    number ``number`` (``1.属于国`` is 1.属于国家秘密); None when none or several."""
    if number is None:
        return None
    found = {
        row.key: row
        for row in vocabulary().request_rows
        if number in _row_numbers().get(row.key, frozenset()) and any(k.startswith(bare) for k in row.keys if k)
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _stitched(record: Record) -> str:
    """A wrapped row label with its group heading printed among its pieces, as ``pdftotext
    -layout`` leaves a cell centred beside a taller one (``1.申请人无正当理由逾期`` /
    ``（六）其他处理   不补正、行政机关不再处理``): the pieces joined without the heading; '' if
    no heading sits between pieces."""
    parts = [part for t in record.labels for part in (t.text.split() or [t.text])]
    if len(parts) < 3:
        return ""
    headings = vocabulary().request_headings
    bares = [cached_bare(part) for part in parts]
    inside = {i for i in range(1, len(parts) - 1) if bares[i] in headings}
    if not inside or any(_ROW_START.match(part) for part in parts[min(inside) + 1 :]):
        # No heading among the pieces, or a numbered row starts after it (``（六）其他处理`` /
        # ``（七）总计`` of a table leaving its zero rows blank): rows of their own, not one wrapped.
        return ""
    return "".join(b for i, b in enumerate(bares) if i not in inside and b not in headings)


_ROW_START = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七][)）]|[一二三四]、)")


def _blank_rows_before(record: Record, next_index: int, named: int) -> list[RequestRowKeys]:
    """The rows a laid-out table printed with no figure at all, their labels on lines of their
    own above the row the record's figures belong to (a Word table leaving zeros blank, as
    ``pdftotext -layout`` prints it: ``1. 属于国家秘密`` / ``2. 其他法律行政法`` / ``规禁止公开`` /
    ``3. 危及… 1  1``): each numbered piece of the label lines starts a row (a group heading's
    pieces, ``(五)`` / ``不予``, name none), and the rows named so, in order between the last row
    read and this one, are rows of blank cells."""
    if len(record.labels) < 2:
        return []
    if (
        record.values
        and not any(t.x is not None or " cell " in t.where or " part " in t.where for t in record.values)
        and not lined_row([Slot(t.value, t.where) for t in record.values], len(REQUEST_COLUMNS))
    ):
        # A laid-out table, one whose blank cells show as line breaks (line_gaps), or labels with
        # no figure at all after them (a converter's pulled-out labels of rows printing none).
        return []
    parts = [Token(part, t.where, t.value) for t in record.labels for part in t.text.split()]
    starts = [i for i, t in enumerate(parts) if _ROW_START.match(t.text)]
    found: list[RequestRowKeys] = []
    low = next_index
    for a, b in itertools.pairwise([*starts, len(parts)]):
        if b == len(parts):
            break  # the last label: the row of the figures
        chunk = Record(parts[a:b], [], record.table)
        # A short label with its number (3.其他) names its row whole; longer ones may be wrapped.
        row = _numbered_label(chunk) or _wrapped_numbered(chunk, low) or _match_request(chunk, False, low)
        if row is not None and low <= row.index < named:
            found.append(row)
            low = row.index + 1
    return found


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
    for record in (part for whole in records for part in physical_rows(whole, _full_row)):
        # A header repeated on a new page (申请人情况 自然人 … 其他) names no row, though 其他 and
        # 总计 are row labels too: in a header run only a long label counts.
        in_header = sum(1 for t in record.labels if cached_key(t.text) in header) >= 2
        match = _match_request(record, started and not in_header, next_index)
        previous, last = last, None
        just_adopted, adopted = adopted, None
        if match is None:
            if (
                pending is not None
                and record.values
                and (
                    _nothing_printed(pending.values)
                    or (pending is previous and not row_of_figures(pending.values) and row_of_figures(record.values))
                )
            ):
                # The label's values printed on its next line; or, right after it, a row holding
                # the rest of its wrapped label and the figures, its own row blank cells only.
                pending.values = list(record.values)
                adopted = pending if not record.labels else None
                pending = None
                continue
            elif row_of_figures(record.values) or _run_of_row(record.values):
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
        for row in _blank_rows_before(record, next_index, match.index):
            if row.key not in rows:
                rows[row.key] = RequestRaw(row.key, record.labels[0], [], record.table)
        started = True
        next_index = match.index + 1
        if len(match.templates) == 1 and record.values:
            votes.extend(match.templates)
        if match.key in rows and not _nothing_printed(rows[match.key].values):
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
            _other_row_label(record, match.key) if record.values else "",
        )
        if previous is not None and _figures_apart(previous) and not _figures_apart(pending):
            just_adopted = previous
        if just_adopted is not None and record.values and _nothing_printed(record.values):
            # Figures on a line of their own after a label, then a row of blank cells with its
            # label: the figures may be either row's (a converter moving a label off its cells).
            just_adopted.beside, pending.beside = match.key, just_adopted.key
        rows[match.key] = last = pending
    return rows, votes, orphans


@dataclass
class _MergedOther:
    """A report on the 2021 template printing the 2019 template's single （六）其他处理 row for
    the three rows 2021 splits it into (``parts``). The printed row is read with the table's
    arithmetic standing in for the three; all zero, it says each part is zero; otherwise
    only its sum is known, the parts stay unknown and the sum goes to ``uncertain``."""

    row: RequestRow
    parts: tuple[str, ...]
    template_id: str  # the other template, whose equations hold the printed row's own sum

    def failures(
        self, failures: Callable[[dict[Hashable, tuple[Value, ...]]], int], n: int
    ) -> Callable[[dict[Hashable, tuple[Value, ...]]], int]:
        key, first, rest = self.row.key, self.parts[0], self.parts[1:]

        def with_parts(table: dict[Hashable, tuple[Value, ...]]) -> int:
            if key not in table:
                return failures(table)
            split = dict(table)
            split[first] = split.pop(key)
            for part in rest:
                split[part] = (0,) * n
            return failures(split)

        return with_parts

    def read(self, choice: Choice | None, raw: dict[str, RequestRaw], report: Report, evidence: Evidence) -> None:
        if choice is None:
            return
        found = raw[self.row.key]
        path = f"requests.{self.row.key}"
        values = apply_choice(choice, path, self.row.full_label, found.label.where, evidence)
        where = found.label.where
        if all(v == 0 for v in values):
            for part in self.parts:
                report.requests[part] = [0] * len(values)
                for i, cell in enumerate(choice.reading.wheres):
                    if cell:
                        evidence.provenance[f"requests.{part}[{i}]"] = cell
            evidence.doubt(
                path,
                list(values),
                f"报告按 2019 模板印出“{self.row.full_label}”一行（均为 0），其三个子项均按 0 读入",
                f"the report prints the 2019 template's single row {self.row.full_label} (all zero); "
                "its three 2021 sub-rows are read as 0",
                where,
            )
            return
        for part in self.parts:
            evidence.doubt(
                f"requests.{part}",
                None,
                f"报告按 2019 模板印出“{self.row.full_label}”一行（{_shown(values)}），"
                "无法分到 2021 模板的三个子项，记为未知",
                f"the report prints the 2019 template's single row {self.row.full_label} "
                f"({_shown(values)}); the 2021 sub-rows cannot be told apart, left unknown",
                where,
            )
        evidence.doubt(
            path,
            list(values),
            f"“{self.row.full_label}”一行印出的合计：{_shown(values)}",
            f"the printed sum of row {self.row.full_label}: {_shown(values)}",
            where,
        )


def _shown(values: list[Value]) -> str:
    return " ".join("未知" if v is None else str(v) for v in values)


def _merged_other(template: Template, raw: dict[str, RequestRaw]) -> _MergedOther | None:
    """The single 其他处理 row of the other template, printed where this template splits it."""
    ours = {row.key for row in template.request_rows}
    for other in TEMPLATES.values():
        if other.id == template.id:
            continue
        for row in other.request_rows:
            found = raw.get(row.key)
            if row.key in ours or found is None or not found.values:
                continue
            # The rows this template prints under the other's single row as their heading.
            parts = tuple(r.key for r in template.request_rows if r.group == row.printed)
            if len(parts) > 1 and not any(raw.get(p) is not None and raw[p].values for p in parts):
                return _MergedOther(row, parts, other.id)
    return None


_MIN_ROW = 6  # cells a printed row of table 三 must hold to be a row on its own (7 columns)


def _full_row(values: list[Token]) -> bool:
    """A row of table 三 on its own: seven cells (or six and a lost blank) and figures in them;
    a row wrapped over two lines (4 + 3 cells) is not."""
    return len(values) >= _MIN_ROW and row_of_figures(values)


def _run_of_row(values: list[Token]) -> bool:
    """One run of digits as long as a row of table 三 is wide (its cells ran together:
    ``一、本年新收公开申请数量140310220``, a label the page printed short): a row, not a stray
    number."""
    figures = [t for t in values if t.value.kind is not CellKind.BLANK]
    return (
        len(figures) == 1
        and figures[0].value.kind is CellKind.NUMBER
        and len(figures[0].value.digits) >= len(REQUEST_COLUMNS)
    )


def _zeros_only(values: list[Token], n: int) -> list[Reading]:
    """The one reading of a row no reading fits that prints nothing but zeros, at least one for
    each column, some run together (``5.属于三类内部事务信息 00 00 00  0`` then ``0 0 0`` lines:
    pdftotext ran two rows of zeros into each other): every cut of it reads 0 in each column, the
    surplus zeros another row's. In doubt, as the cells were not all this row's; [] otherwise."""
    figures = [t for t in values if t.value.kind is not CellKind.BLANK]
    digits = "".join(t.value.digits for t in figures)
    if not figures or any(t.value.kind is not CellKind.NUMBER or t.value.amount != 0 for t in figures):
        return []
    if len(digits) < n or set(digits) != {"0"}:
        return []
    return [
        zero_reading(
            n,
            MAX_COST,
            f"the row prints nothing but zeros ({len(digits)} in {len(figures)} cells, some run together, "
            f"for {n} columns): read as 0, the surplus zeros another row's",
            f"该行只印有 0（{len(figures)} 个单元格中共 {len(digits)} 个 0，部分粘连，应为 {n} 列），"
            "按 0 计，多出的 0 属于其他行",
        )
    ]


def _nothing_printed(values: list[Token]) -> bool:
    """No cell of a row holds anything: its label stood alone (a blank line after it is no
    figure); the row's figures, when printed, come with a later printing of the label."""
    return all(t.value.kind is CellKind.BLANK for t in values)


def row_of_figures(values: list[Token]) -> bool:
    """Enough figures to be a row of table 三 (not a stray number: a page number, a footnote):
    three; or, among four cells or more of a table that shows its blank cells (a pipe table of a
    Word export that leaves zero cells blank), a figure and the same figure again as the row's
    total (``| | 116 | | | | 116 |``). Lines of text with their blanks gone are not read so: two
    figures there are as often a row's wrapped rest as a row."""
    figures = [t.value for t in values if t.value.is_value and t.value.kind is not CellKind.BLANK]
    if len(figures) >= 3:
        return True
    return (
        len(figures) == 2
        and len(values) >= 4
        and all(" cell " in t.where for t in values)
        and figures[0].kind is CellKind.NUMBER
        and figures[0].amount == figures[1].amount
    )


def doubt_broken_rows(template: Template, report: Report, evidence: Evidence) -> None:
    """Name in ``uncertain`` every row of the read table 三 that takes part in a broken equation,
    with what broke: a reader that placed figures by their printed order says so, never hides it."""
    for key, broke in broken_rows(template, report.requests).items():
        evidence.doubt_more(
            f"requests.{key}",
            f"表三勾稽关系不成立（{'；'.join(dict.fromkeys(broke))}）",
            "table 三 breaks its arithmetic here",
        )


def broken_rows(template: Template, table: dict[str, list[int | None]]) -> dict[str, list[str]]:
    """The rows of a read table 三 that take part in a broken statutory equation (the report
    layer's ``equations``), each with what broke (in Chinese). The reading keeps the printed
    figures; this says they are in doubt."""
    broken: dict[str, list[str]] = {}
    known = all(row.key in table and None not in table[row.key] for row in template.request_rows)
    rows: dict[Hashable, list[int | None]] = dict(table.items())
    if known and not requests_bound(template.id).broken(rows):
        return broken  # the usual case: every row known and every equation holds (compiled, fast)

    def value(cell: Cell) -> Value:
        row = table.get(cell.row)
        return row[cell.column] if row is not None and isinstance(cell.column, int) else None

    def note(cells: Iterable[Cell], what: str) -> None:
        for row in dict.fromkeys(c.row for c in cells):
            broken.setdefault(row, []).append(what)

    done = template.request_row("total_processed").printed  # （七）总计
    found = [e for e in equations(template) if e.table == "requests"]
    # Row sums first, then column by column its outcome sum and its balance.
    order = {ROW_SUM: 0, OUTCOME_SUM: 1, COLUMN_BALANCE: 2}
    found.sort(key=lambda e: (e.rule != ROW_SUM, e.column if e.rule != ROW_SUM else 0, order.get(e.rule, 3)))
    for equation in found:
        holds = equation.holds(value)
        column = template.request_columns[equation.column].label if isinstance(equation.column, int) else ""
        if equation.rule == ROW_SUM:
            if holds is False:
                note(equation.cells, "各类申请人之和不等于总计")
        elif equation.rule == OUTCOME_SUM:
            if holds is False:
                note((*equation.left, *equation.right), f"“{column}”列各办理结果之和不等于{done}")
            elif holds is None and equation.exceeded(value):
                # Rows not read cannot make the sum smaller: counts are never negative.
                note(
                    (*(c for c in equation.left if value(c)), *equation.right),
                    f"“{column}”列已读出的办理结果之和已超过{done}",
                )
        elif equation.rule == COLUMN_BALANCE and holds is False:
            note((*equation.left, *equation.right), f"“{column}”列第一项加第二项不等于第三项加第四项")
    return broken


_PIPE_CELL = re.compile(r"^line (\d+) cell (\d+)$")


def _label_cells(found: RequestRaw) -> int:
    """How many blank cells open the row that may be the label's own cell emptied and spare grid
    cells beside it rather than its first columns: a converter pulled the label out of the table
    onto a line of its own (``一、本年新收…`` then ``|     | 180 | 1 |     |     | 3   | 184 |``, or
    ``|     |     | 180 | 1 | …``), or left spare cells after it (``| 四、结转… |     | 6 | … | 6 |``).
    0 when the row does not open so."""
    lead = 0
    while lead < len(found.values) and found.values[lead].value.kind is CellKind.BLANK:
        lead += 1
    if not lead or lead == len(found.values):
        return 0
    first = _PIPE_CELL.match(found.values[0].where)
    if first is None or any(not t.where.startswith(f"line {first.group(1)} cell ") for t in found.values[: lead + 1]):
        return 0
    line, cell = first.groups()
    label = _PIPE_CELL.match(found.label.where)
    if cell == "1":
        return lead if not found.label.where.startswith(f"line {line} ") else 0
    adjacent = label is not None and label.group(1) == line and int(label.group(2)) == int(cell) - 1
    return lead if adjacent else 0


def _label_cell_shift(
    raw: dict[str, RequestRaw],
    options: dict[Hashable, list[Reading]],
    chosen: dict[Hashable, Choice],
    failures: Callable[[dict[Hashable, tuple[Value, ...]]], int],
    n: int,
    bound: Bound,
) -> dict[Hashable, Choice]:
    """The table read again with the blank cells opening rows whose label stands outside them
    (``_label_cells``) taken as the label's emptied cell and spare cells. Every such row shifts
    alike, so the statutory sums hold either way where they hold at all: a reading that breaks
    fewer of them is taken; one that breaks as few leaves the cells the two readings disagree on
    unknown, both readings given as alternatives. A consistent shift never passes as read."""
    shiftable = [key for key in options if isinstance(key, str) and key in raw and _label_cells(raw[key])]
    if not shiftable:
        return chosen
    shifted_options = dict(options)
    for key in shiftable:
        found = raw[key]
        check = bound.row_check(key)
        # The blank was the label's cell: the row's next cell stands in the first column.
        shifted = [
            r
            for r in readings([Slot(t.value, t.where) for t in found.values[_label_cells(found) :]], n, check)
            if r.wheres[0] is not None
        ]
        if not shifted:
            return chosen
        shifted_options[key] = shifted
    shifted_chosen = choose(shifted_options, failures)
    as_read = failures({key: c.reading.values for key, c in chosen.items()})
    moved = failures({key: c.reading.values for key, c in shifted_chosen.items()})
    if moved < as_read:
        return shifted_chosen
    if moved > as_read:
        return chosen
    result = dict(chosen)
    for key in shiftable:
        mine, other = chosen[key], shifted_chosen[key]
        differ = {i for i, (a, b) in enumerate(zip(mine.reading.values, other.reading.values, strict=True)) if a != b}
        if differ:
            tied = tuple(dict.fromkeys((*(mine.alternatives or (mine.reading.values,)), other.reading.values)))
            result[key] = Choice(
                mine.reading, mine.unknown | frozenset(differ), mine.rivals + len(shifted_options[key]), tied[:8]
            )
    return result


def _unconfirmed_placements(
    template: Template, read: dict[str, list[int | None]], raw: dict[str, RequestRaw], chosen: dict[Hashable, Choice]
) -> list[str]:
    """Rows whose figures sit in their columns only because of blank cells around them (a blank
    for none, or cells the reading inserted) while the column sums that would confirm those
    columns cannot be checked (a row unknown) or do not hold. Blank cells are where text
    extraction and converters lose or add cells: a shifted figure keeps its row's sum, so only
    the columns' arithmetic can tell; without it the placement is a guess."""
    total = template.total_column
    outcomes = [row.key for row in template.outcome_rows]
    balance = ("new_received", "carried_over", "total_processed", "carried_forward")

    # Rows read as 0 only because their label stood with no figure (a blank row, or one whose
    # figures went elsewhere) confirm nothing.
    guessed = {key for key, found in raw.items() if not found.values}

    def holds(rows: list[str], column: int, left: int) -> bool:
        cells = [read[k][column] if k in read and k not in guessed else None for k in rows]
        if None in cells:
            return False
        return sum(c or 0 for c in cells[:left]) == sum(c or 0 for c in cells[left:])

    doubted: list[str] = []
    sums: list[list[bool]] = []  # the column sums, worked out for the first row that needs them
    for key, values in read.items():
        choice = chosen.get(key)
        found = raw.get(key)
        if choice is None or found is None or not any(values[:total]):
            continue
        blanks = any(t.value.kind is CellKind.BLANK for t in found.values) or None in choice.reading.wheres[:total]
        if not blanks:
            continue
        if not sums:
            sums.append([holds([*outcomes, "total_processed"], c, len(outcomes)) for c in range(total)])
            sums.append([holds(list(balance), c, 2) for c in range(total)])
        by_outcome, by_balance = sums
        confirmed = (
            by_outcome
            if key in outcomes
            else by_balance
            if key in balance[:2] or key == balance[3]
            else [a or b for a, b in zip(by_outcome, by_balance, strict=True)]
        )
        if not all(confirmed):
            doubted.append(key)
    return doubted


@lru_cache(maxsize=256)
def _cell_paths(row: str, columns: int) -> tuple[str, ...]:
    return tuple(f"requests.{row}[{i}]" for i in range(columns))


def _sentence(found: RequestRaw) -> bool:
    """A row named by a sentence a converter cut into pipe cells (``件，其中予以公开 | 116 |
    件``): at most one figure, no row of the table. Elsewhere only a row with nothing printed."""
    if not found.values:
        return True
    figures = sum(1 for t in found.values if t.value.kind is not CellKind.BLANK)
    return figures <= 1 and _pipe_row(found.values)


def place_orphans(template: Template, raw: dict[str, RequestRaw], orphans: list[Orphan]) -> None:
    """Put the rows no label named on the template rows missing between their named neighbours
    (``template_align``), each placement noted on the row it fills."""
    merged = {row.key: row for row in vocabulary().request_rows}
    ours = [merged[row.key] for row in template.request_rows]
    gaps: dict[tuple[int, int], list[Orphan]] = {}
    for orphan in orphans:
        gaps.setdefault((orphan.after, orphan.before), []).append(orphan)
    for (after, before), items in gaps.items():
        free = [row for row in ours if after < row.index < before and (row.key not in raw or _sentence(raw[row.key]))]
        placements = align_gap([o.label for o in items], [sorted(row.keys) for row in free])
        for placement in placements:
            orphan, row = items[placement.item], free[placement.row]
            label = Token(orphan.label, orphan.where, orphan.values[0].value)
            if placement.score >= 1.0:
                how = ""
            elif placement.score:
                how = f"label read fuzzily ({placement.score:.2f})"
            else:
                how = "no label names this row; placed by its position between the rows named around it"
            raw[row.key] = RequestRaw(row.key, label, orphan.values, orphan.table, placed=how)


_MIN_SHORT_RUNS = 2


def zeros_printed(raw: dict[str, RequestRaw]) -> bool:
    """Whether table 三 printed as run-on text shows its zero cells printed: a row of zeros ran
    together as one ``0`` per column (``0000000``), and no row's blank cells vanished."""
    n = len(REQUEST_COLUMNS)
    rows = list(raw.values())
    zeros = any(
        len(found.values) == 1 and found.values[0].value.digits == "0" * n and " part " in found.values[0].where
        for found in rows
    )
    return zeros and not _blanks_vanished(rows, n)


def zeros_printed_spaced(raw: dict[str, RequestRaw]) -> bool:
    """Whether table 三 printed as run-on text with some of the spaces between cells kept (a
    crawler's) shows its zero cells printed: a row of one digit per column in several pieces, a
    zero run into the next cell among them (``1 0 0 0 001``: seven cells, 0 printed as 0), and no
    row's blank cells vanished (``zeros_printed`` for the rows run together whole)."""
    n = len(REQUEST_COLUMNS)
    rows = list(raw.values())
    return any(_one_digit_a_cell(found.values, n) for found in rows) and not _blanks_vanished(rows, n)


def _one_digit_a_cell(values: list[Token], n: int) -> bool:
    digits = [t.value.digits for t in values]
    return (
        len(values) > 1
        and all(digits)
        and sum(map(len, digits)) == n
        and any(len(d) > 1 and d[0] == "0" for d in digits)
        and all(" part " in t.where for t in values)
    )


def _blanks_vanished(rows: Iterable[RequestRaw], n: int) -> bool:
    """Whether the table's blank cells left no trace in the text: rows printed as runs of digits
    with fewer digits than the row has cells (``00``, ``2222``, ``0 0`` for seven columns; a Word
    table that leaves zero cells blank, its text with the whitespace collapsed or dropped). Then
    any row may hold fewer figures than columns, blank cells hidden in its spaces or runs."""
    short = 0
    for found in rows:
        digits = [t.value.digits for t in found.values]
        if (
            found.values
            and all(digits)
            and 2 <= sum(map(len, digits)) < n
            and all(" part " in t.where for t in found.values)
        ):
            short += 1
    return short >= _MIN_SHORT_RUNS


def _gap_options(slots: list[Slot], n: int, groups: tuple[int, ...]) -> list[Reading]:
    """A row of a table whose blank cells left only spaces (``blank_gaps``): its readings where
    each space is a blank cell or more; [] where the row is not of that shape."""
    if tuple(groups) != (n,) or not slots or not all(s.value.digits for s in slots):
        return []
    if len(slots) > 1 and len({s.where.split(" part ")[0] for s in slots}) != 1:
        return []
    return gap_readings(slots, n)


_MAX_SHIFT = 3  # named rows a shift may move down
SHIFTED = (
    "label printed after its row's figures: figures taken from the row printed before the label "
    "(the table breaks fewer equations so)"
)


def _labels_after_figures(
    template: Template, raw: dict[str, RequestRaw], orphans: list[Orphan], tables: Sequence[TableBlock]
) -> dict[str, RequestRaw]:
    """``raw`` with the rows after an unnamed row of figures moved down one row, where a
    converter printed each label after its row's figures (markitdown, when a row's figures stand
    a little higher than its label's first line): the unnamed figures are the next named row's,
    each named row's figures the row after it, up to a template row that no label named. Taken
    only where the table then breaks fewer equations; each moved row is noted (``placed``)."""
    merged = {row.key: row for row in vocabulary().request_rows}
    ours = [merged[row.key] for row in template.request_rows]
    index_of = {row.key: i for i, row in enumerate(ours)}
    named = {merged[key].index: key for key in raw if key in merged}

    base: int | None = None  # the equations the table as labelled breaks

    def absent(key: str) -> bool:  # no label named it, or only a sentence did (no row of figures)
        return key not in raw or not row_of_figures(raw[key].values)

    for orphan in orphans:
        start = named.get(orphan.before)
        if start is None or start not in index_of or not _pipe_row(orphan.values) or not _pipe_row(raw[start].values):
            continue
        chain = [start]
        at = index_of[start] + 1
        while at < len(ours) and not absent(ours[at].key) and len(chain) < _MAX_SHIFT:
            if not _pipe_row(raw[ours[at].key].values):
                break
            chain.append(ours[at].key)
            at += 1
        if at >= len(ours) or not absent(ours[at].key):
            continue  # no row the shift ends on
        shifted = dict(raw)
        how = SHIFTED
        values = orphan.values
        for key in [*chain, ours[at].key]:
            before = raw.get(key) if not absent(key) else None
            label = before.label if before is not None else raw[chain[-1]].label
            shifted[key] = RequestRaw(key, label, values, orphan.table, placed=how)
            values = before.values if before is not None else values
        if base is None:
            base = _broken(template, raw, tables)
        if base and _broken(template, shifted, tables) < base:
            return shifted
    return raw


def _pipe_row(values: list[Token]) -> bool:
    """A row printed as one line of a pipe table (the layout whose converter orders a row's
    label lines and its figures by height, markitdown)."""
    return bool(values) and all(_PIPE_CELL.match(t.where.split(" number ")[0]) for t in values)


def _broken(template: Template, raw: dict[str, RequestRaw], tables: Sequence[TableBlock]) -> int:
    """How many equations of table 三 the table read from ``raw`` breaks (unknown cells break
    none)."""
    scratch = Report.empty("", template.first_year, template, fill=None)
    read_requests(template, raw, scratch, Evidence(), None, tables)
    table: dict[Hashable, tuple[Value, ...]] = {key: tuple(values) for key, values in scratch.requests.items()}
    return requests_bound(template.id).broken(table)


_MAX_TIED = 10  # cuts of a pinned row kept as its alternatives


def _summed_where_pinned(
    keys: Sequence[str],
    raw: dict[str, RequestRaw],
    options: dict[Hashable, list[Reading]],
    chosen: dict[Hashable, Choice],
    failures: Callable[[dict[Hashable, tuple[Value, ...]]], int],
    bound: Bound,
    n: int,
) -> dict[Hashable, Choice]:
    """Rows of one long run of digits too many cuts of which keep their own sum to weigh alone
    (``3586936917504450251446603`` for 35869 3691 75 0 4450 2514 46603: ``digits.cut_groups`` gives
    up), read meanwhile by cuts that ignore that sum (``align.unsummed_readings``): cut again
    where the equations joining the row to the others pin some of its cells (the column balance:
    新收 + 结转 − 结转下年 for 总计's row), keeping only cuts that keep its own sum too; the table is
    then chosen again with them. Taken only where the table so read keeps every equation;
    else ``chosen`` as it was."""
    # Rows read apart from the search (a row of blank cells read as 0) take part as read.
    retried = {key: options.get(key) or [choice.reading] for key, choice in chosen.items()}
    before = dict(retried)
    for key in keys:
        expected = _pinned_cells(key, chosen, bound, n)
        if not any(expected):
            continue
        run = raw[key].values[0]
        cuts = _pinned_cuts(run.value.digits, n, expected, bound.row_check(key))
        if cuts and len(cuts) <= _MAX_TIED:
            where = f"{run.where} (split)"
            retried[key] = [
                Reading(
                    values,
                    (where,) * n,
                    ("",) * n,
                    2,
                    "cells ran together, too many cuts keep the row's sum; cut where the table's other "
                    "equations pin its cells",
                    "单元格粘连，符合本行合计的拆法过多：按表中其他勾稽关系确定的各格拆分",
                )
                for values in cuts
            ]
    if retried == before:
        return chosen
    # Rare (a run no sum of its own could cut), and its table often contradicts itself, where the
    # layered search cannot help: every combination is weighed up to a larger bound.
    again = choose(retried, failures, exhaustive_limit=_RETRY_LIMIT, bound=bound)

    def broken(choices: dict[Hashable, Choice]) -> int:
        return failures({key: choice.reading.values for key, choice in choices.items()})

    return again if broken(again) < broken(chosen) else chosen


_RETRY_LIMIT = 1 << 14  # tables weighed one by one where a row was cut again (``_summed_where_pinned``)
_CUT_STEPS = 20_000  # pieces a cut of one run may try (bounds its time on any run)


def _pinned_cuts(digits: str, n: int, expected: list[set[float]], check: Accept) -> list[tuple[Value, ...]]:
    """The cuts of ``digits`` into ``n`` counts (no leading zero) that ``_summed`` keeps: every
    pinned cell as the table pins it but one at most, and the row's own sum. Empty when the
    search runs past its steps."""
    wanted = [{str(int(v)) for v in cell if float(v).is_integer() and v >= 0} for cell in expected]
    cutting = _Cutting(digits, n, expected, check, wanted, [], [_CUT_STEPS])
    _cut_from(cutting, 0, [], 0)
    return [] if cutting.steps[0] < 0 else cutting.found


@dataclass(frozen=True)
class _Cutting:
    """``_pinned_cuts``' search: its run, what each cell must be, and what it found (a module
    function with its state passed, not a recursive closure: a closure calling itself is a
    reference cycle left for the cyclic collector on every call)."""

    digits: str
    n: int
    expected: list[set[float]]
    check: Accept
    wanted: list[set[str]]
    found: list[tuple[Value, ...]]
    steps: list[int]  # steps left, shared by the whole search


def _cut_from(cutting: _Cutting, at: int, values: list[int], missed: int) -> None:
    """The cuts of ``cutting.digits[at:]`` after ``values``, into ``cutting.found``."""
    digits, n, wanted = cutting.digits, cutting.n, cutting.wanted
    cutting.steps[0] -= 1
    if cutting.steps[0] < 0 or len(cutting.found) > _MAX_TIED:
        return
    column = len(values)
    if column == n - 1:
        piece = digits[at:]
        if piece and (len(piece) == 1 or piece[0] != "0"):
            cut = (*values, int(piece))
            if _summed(cut, cutting.expected, cutting.check):
                cutting.found.append(cut)
        return
    for end in range(at + 1, min(len(digits) - (n - 1 - column), at + 15) + 1):
        piece = digits[at:end]
        if len(piece) > 1 and piece[0] == "0":
            break
        miss = bool(wanted[column]) and piece not in wanted[column]
        if miss and missed:
            continue
        _cut_from(cutting, end, [*values, int(piece)], missed + miss)


def _summed(values: tuple[Value, ...], expected: list[set[float]], check: Accept) -> bool:
    """Whether a cut keeps every cell the table pins and its row's own sum; or misses one pinned
    cell and keeps the sum with that cell as the table pins it (a report whose 总计 contradicts
    its parts, the figure read as printed and the contradiction left for the checks to name)."""
    missed = [i for i, (v, cell) in enumerate(zip(values, expected, strict=True)) if cell and v not in cell]
    if not missed:
        return check(values)
    if len(missed) > 1 or len(expected[missed[0]]) != 1:
        return False
    mended = list(values)
    mended[missed[0]] = next(iter(expected[missed[0]]))
    return check(tuple(mended))


def _pinned_cells(key: str, chosen: dict[Hashable, Choice], bound: Bound, n: int) -> list[set[float]]:
    """For each cell of row ``key``, the values the equations joining it to the rows already
    read allow (empty where no equation holds that cell alone in this row)."""
    table: dict[Hashable, tuple[Value, ...]] = {}
    for other, choice in chosen.items():
        table[other] = tuple(None if i in choice.unknown else v for i, v in enumerate(choice.reading.values))
    expected: list[set[float]] = [set() for _ in range(n)]
    units = [tuple(1 if i == j else 0 for i in range(n)) for j in range(n)]
    own = [bound.terms(key, unit) for unit in units]
    for e, rows in enumerate(bound.parts()):
        if key not in rows or not all(r == key or r in table for r in rows):
            continue
        cells = [j for j in range(n) if own[j].get(e, 0.0)]
        if len(cells) != 1:
            continue  # the row's own sum (or none of its cells): it pins no single cell
        rest = sum(bound.terms(r, table[r]).get(e, 0.0) for r in rows if r != key)
        if math.isfinite(rest):
            expected[cells[0]].add(-rest / own[cells[0]][e])
    return expected


def _pinned_choice(
    key: str, values: list[Token], chosen: dict[Hashable, Choice], bound: Bound, n: int
) -> Choice | None:
    """A row of run-together digits no cut of which keeps its own sum (a report contradicting
    itself), cut where the equations joining it to the rows already read pin its cells
    (``align.pinned_readings``): a cell such an equation holds alone in this row must be what
    the equation's other cells leave. Cells the cuts that miss fewest disagree on stay unknown;
    None where nothing pins the row that far."""
    if not values:
        return None
    expected = _pinned_cells(key, chosen, bound, n)
    if sum(1 for cell in expected if cell) < n - 1:
        return None  # more than one cell left free: the cuts would be guesses
    slots = [Slot(t.value, t.where) for t in values]
    found = pinned_readings(slots, n, [frozenset(cell) for cell in expected])
    if not found:
        return None
    first = found[0]
    unknown = {
        i for reading in found[1:] for i, (a, b) in enumerate(zip(first.values, reading.values, strict=True)) if a != b
    }
    if len(unknown) == n:
        return None
    tied = tuple(dict.fromkeys(r.values for r in found)) if unknown else ()
    return Choice(first, frozenset(unknown), len(found), tied[:_MAX_TIED])


def requests_padding(template: Template, raw: dict[str, RequestRaw]) -> int:
    """The digits table 三 pads its counts under 10 to (``07``, ``00``: ``padded.PAD``), 0 where
    it does not: its runs are then cut by that padding, and so are table 二's on the same page."""
    # table_padding answers 0 where no figure prints a leading zero: most tables, told without
    # building their rows' cells and groups.
    if not any(len(d) > 1 and d[0] == "0" for found in raw.values() for t in found.values if (d := t.value.digits)):
        return 0
    n = len(template.request_columns)
    bound = requests_bound(template.id)
    return table_padding(
        [
            ([Slot(t.value, t.where) for t in found.values], bound.run_groups(key, n))
            for key, found in raw.items()
            if key in template.requests_by_key
        ]
    )


def read_requests(
    template: Template,
    raw: dict[str, RequestRaw],
    report: Report,
    evidence: Evidence,
    orphans: list[Orphan] | None = None,
    tables: Sequence[TableBlock] = (),
    stated: dict[tuple[str, int], int] | None = None,
) -> None:
    """Table 三 of ``raw`` into ``report``; ``tables``: the document's tables (their pipe headers
    anchor the columns of page grids, ``page_grid``); ``stated``: cells the prose states
    (``stated.stated_columns``), which decide between page grids' readings the equations leave
    equal."""
    n = len(template.request_columns)
    bound = requests_bound(template.id)  # the statutory equations of table 三, derived ones too
    if orphans:
        raw = _labels_after_figures(template, raw, orphans, tables)
        raw = dict(raw)
        place_orphans(template, raw, orphans)
    for found in raw.values():
        if found.placed:
            label = template.request_row(found.key).full_label if found.key in template.requests_by_key else found.key
            zh = (
                f"“{label}”行的标签未能识别（{found.label.text or '无标签'}），按其在表中的位置读入"
                if found.placed.startswith("no label")
                else f"“{label}”行的标签印在其数字之后，数字取自标签前的一行（表中勾稽关系据此更少不符）"
                if found.placed == SHIFTED
                else f"“{label}”行的标签印作“{found.label.text}”，按近似匹配读入"
            )
            evidence.doubt(f"requests.{found.key}", None, zh, f"row {label}: {found.placed}", found.label.where)
    options: dict[Hashable, list[Reading]] = {}
    blank_rows: list[str] = []  # rows whose label stood alone in a laid-out table: read as 0 last
    # Tables whose rows end in blank padding (a trailing tab after the last figure): there, a row
    # as long as the template with a blank last cell may be a short row plus that padding.
    padded = {
        found.table
        for found in raw.values()
        if len(found.values) > n
        and all(t.value.kind is CellKind.BLANK for t in found.values[n:])
        and found.values[n - 1].value.kind is not CellKind.BLANK
    }
    merged = _merged_other(template, raw)
    # Each row's printed cells and whether any row is laid out or a pipe table's, once: the
    # readers of flowed text below each ask.
    printed_rows = [[Slot(t.value, t.where) for t in found.values] for found in raw.values()]
    placed_x = any(t.x is not None for found in raw.values() for t in found.values)  # laid-out text
    celled = any(" cell " in t.where for found in raw.values() for t in found.values)  # a pipe table's rows
    flowed = not placed_x and not celled
    vanished = _blanks_vanished(raw.values(), n) or (flowed and figure_a_line_table(printed_rows, n))
    spaced = vanished and not placed_x and spaced_table(printed_rows, n)
    # The same text of a table printing its zeros as ``-``, most of them dropped as hyphens: read as
    # one leaving its zeros blank (a cell a line), without the ``-`` left over.
    hyphenless = (
        [without_hyphens(found.values) for found in raw.values()]
        if not spaced and merged is None and flowed and hyphens_dropped([f.values for f in raw.values()], n)
        else None
    )
    # pdftotext default text of a table leaving zeros blank: the blank cells show as line breaks.
    lined = not spaced and hyphenless is None and merged is None and flowed and lined_table(printed_rows, n)
    # The same text of a table leaving every zero blank, 自然人 and 总计 too: a cell a line, no gap shows.
    one_a_line = (
        not spaced and not lined and merged is None and flowed and cell_a_line_table(hyphenless or printed_rows, n)
    )
    alone_zeros = one_a_line and labels_alone_are_zeros(hyphenless or printed_rows, n)
    one_a_line_cells = dict(zip(raw, hyphenless or printed_rows, strict=True))
    read_rows = [*template.request_rows, *([merged.row] if merged else [])]
    pad = requests_padding(template, raw)
    # Where each laid-out row's table prints its first column (a blank 自然人 cell shows there).
    laid_out = [key for key, found in raw.items() if any(t.x is not None for t in found.values)] if placed_x else []
    cells_of = dict(zip(raw, printed_rows, strict=True))
    laid_rows = [(list(cells_of[key]), [t.x for t in raw[key].values]) for key in laid_out]
    first_columns = dict(zip(laid_out, first_column_places(laid_rows, n), strict=True))
    # Where each laid-out row's table prints its columns, from its fuller rows on the same scale.
    maps = dict(zip(laid_out, column_maps(laid_rows, n), strict=True))
    # Where the header prints each column title, as a share of the table's width (a header in
    # smaller type than the figures prints its titles closer together, in the same proportions).
    fractions = header_fractions(tables, [c.labels for c in template.request_columns]) if laid_out else None
    if fractions is not None and not agrees_with_rows(fractions, laid_rows):
        fractions = None
    placed_rows: dict[Hashable, PlacedRow] = {}  # rows read by where their figures stand
    unfit: list[RequestRow] = []  # rows no reading fits: cut after the others where the table pins them
    unsummed: list[str] = []  # rows of one run no cut of its own sum read (too many, or none)
    stacked_open: list[str] = []  # rows with a stacked cell whose own sum leaves its order open
    for row in read_rows:
        printed_row = raw.get(row.key)
        if printed_row is None:
            if merged is None or row.key not in merged.parts:
                evidence.doubt(
                    f"requests.{row.key}",
                    None,
                    f"表三未找到“{row.full_label}”行",
                    f"table 三 has no row {row.full_label}",
                )
            continue
        found = printed_row
        # The row's own equation; the other template's single row is not in this template's.
        row_bound = requests_bound(merged.template_id) if merged is not None and row is merged.row else bound
        check = row_bound.row_check(row.key)
        slots = list(cells_of[row.key])  # a copy: the row's readers get a list of their own
        xs = [t.x for t in found.values]
        found_options = (
            (padded_readings(slots, n, row_bound.run_groups(row.key, n), pad) if pad else [])
            or (_gap_options(slots, n, row_bound.run_groups(row.key, n)) if spaced else [])
            or (line_gap_readings(slots, n) if lined else [])
            or (cell_a_line_readings(one_a_line_cells[row.key], n, alone_zeros) if one_a_line else [])
        )
        if not found_options and placed_x:
            # (no figure laid out: placed_readings has no place to go by and reads nothing)
            laid = PlacedRow(tuple(slots), tuple(xs), check, first_columns.get(row.key), maps.get(row.key, ()))
            found_options = laid.readings(n, fractions)
            if found_options:
                placed_rows[row.key] = laid
        found_options = found_options or (
            readings(
                slots,
                n,
                check,
                fixed_width=found.table not in padded,
                groups=row_bound.run_groups(row.key, n),
                vanished=vanished,
            )
        )
        if any(t.stacked for t in found.values):
            groups = row_bound.run_groups(row.key, n)
            fixed = found.table not in padded

            def read_order(
                order: list[Token], check: Accept = check, groups: Sequence[int] = groups, fixed: bool = fixed
            ) -> list[Reading]:
                slots = [Slot(t.value, t.where) for t in order]
                return readings(slots, n, check, fixed_width=fixed, groups=groups, vanished=vanished)

            found_options, open_order = with_stacked_orders(found.values, found_options, read_order, check)
            if open_order:
                stacked_open.append(row.key)
        if not any(check(r.values) for r in found_options):
            found_options += stray_figure_readings(slots, n, check) + tail_first_readings(slots, n, check)
        if not found_options and _run_of_row(found.values) and len(found.values) == 1:
            found_options = unsummed_readings(slots, n)
            if found_options:
                unsummed.append(row.key)
        if not found_options and lined and _nothing_printed(found.values):
            # A label alone in a table whose blank cells show as line breaks: a row of blank
            # cells, read as 0 in doubt; it takes part in the sums that place the other rows.
            options[row.key] = [
                zero_reading(
                    n,
                    n,
                    "the row prints its label and not one figure (a table leaving zeros blank); read as 0",
                    "该行只印出标签、未印出任何数字（以空白表示 0 的表格），按 0 计",
                )
            ]
            continue
        if not found_options:
            found_options = _zeros_only(found.values, n)
        if not found_options and (laid_out or celled or vanished) and not found.values:
            # A label on a line of its own in a table laid out a row a line: a row whose cells
            # are all blank (a Word table printing zeros as nothing). Read as 0, in doubt, after
            # the printed rows: a guess takes no part in the arithmetic that places their figures.
            blank_rows.append(row.key)
            continue
        if not found_options:
            unfit.append(row)
            continue
        options[row.key] = found_options
    failures: Callable[[dict[Hashable, tuple[Value, ...]]], int] = bound.broken
    if merged is not None:
        failures = merged.failures(failures, n)
    # The prose's cells weigh page grids' readings (pipe tables, below), and those of flowed
    # text's runs of digits (a crawler's 16131223: 16 or 1 the 自然人 cell), only where the
    # equations leave them tied.
    piped = any(table.piped for table in tables)
    if stated and flowed and not piped:
        options = weighed_by_prose(options, stated)
    grid_stated = stated if piped else None
    chosen = choose(options, failures, bound=bound if merged is None else None)
    if merged is None and placed_rows:
        widened = placed_wide(options, chosen, failures, bound, placed_rows, n, fractions)
        if widened is not None:
            options, chosen = widened
    if merged is None and vanished and blank_rows:
        chosen = with_blank_rows(options, chosen, failures, bound, blank_rows, n)
    if merged is None:
        gridded, own = on_page_grids(
            raw, options, chosen, failures, n, bound, template, tables, blank_rows, grid_stated
        )
        if not own and (gridded is chosen or shared_cells(raw, options)):
            gridded = _label_cell_shift(raw, options, gridded, failures, n, bound)
        # else: the rows were placed under a header naming their columns, in their titles' cells,
        # or each on a grid of its own keeping every equation (``own``); the blank cells before
        # them are the grid's, not a label's.
        chosen = gridded
        chosen = prefer_possible(chosen, equations(template, derived=True), request_cell)
        if unsummed:
            chosen = _summed_where_pinned(unsummed, raw, options, chosen, failures, bound, n)
        if grid_stated:
            # Lone figures whose column the grid leaves open: the prose's cell and the sums place them.
            placed = placed_by_prose(
                {key: found.values for key, found in raw.items()},
                chosen,
                [row.key for row in unfit],
                blank_rows,
                failures,
                bound,
                n,
                grid_stated,
            )
            chosen.update(placed)
            unfit = [row for row in unfit if row.key not in placed]
    for row in unfit:
        found = raw[row.key]
        pinned = _pinned_choice(row.key, found.values, chosen, bound, n) if merged is None else None
        if pinned is not None:
            chosen[row.key] = pinned
            continue
        printed = " ".join(t.text.strip() or "□" for t in found.values)
        evidence.doubt(
            f"requests.{row.key}",
            None,
            f"“{row.full_label}”行印有 {len(found.values)} 个单元格（{printed}），无法对应 {n} 列",
            f"row {row.key} prints {len(found.values)} cells ({printed}); no reading fits {n} columns",
            found.label.where,
        )
    if merged is not None:
        merged.read(chosen.get(merged.row.key), raw, report, evidence)
    for row in template.request_rows:
        choice = chosen.get(row.key)
        if choice is None:
            continue
        found = raw[row.key]
        values = apply_choice(choice, f"requests.{row.key}", row.full_label, found.label.where, evidence)
        report.requests[row.key] = [
            v
            if type(v) is int and v >= 0
            else count_value(v, Kind.COUNT, f"requests.{row.key}[{i}]", evidence, choice.reading.wheres[i])
            for i, v in enumerate(values)
        ]
        paths = _cell_paths(row.key, n)
        for i, where in enumerate(choice.reading.wheres):
            if where:
                evidence.provenance[paths[i]] = where
        note_dashes(found.values, f"requests.{row.key}", evidence)
        if found.beside:
            evidence.doubt_more(
                f"requests.{row.key}",
                f"数值单独成行，印在本行与“{found.beside}”行的标签之间，另一行只印有空白单元格：数值属于哪一行存疑",
                f"the figures stood on a line of their own between this row's label and row {found.beside}'s, "
                "the other printed with blank cells only: which row they belong to is in doubt",
                found.label.where,
            )
        if found.stacked:
            evidence.doubt_more(
                f"requests.{row.key}",
                f"“{row.full_label}”的数值前还印有另一行的标签“{found.stacked}”，数值属于哪一行存疑",
                f"another row's label ({found.stacked}) stands between {row.key}'s label and its "
                "figures: which row they belong to is in doubt",
                found.label.where,
            )
    for key in blank_rows:
        report.requests[key] = [0] * n
        evidence.doubt(
            f"requests.{key}",
            [0] * n,
            "该行只印出标签、未印出任何数字（以空白表示 0 的表格），按 0 计",
            "the row prints its label and not one figure (a table leaving zeros blank); read as 0",
            raw[key].label.where,
        )
    for key in stacked_open:
        evidence.doubt_more(
            f"requests.{key}",
            "转换器把折行的数字与相邻列的数字并入同一单元格，其先后次序本行合计无法确定",
            "a converter set a wrapped figure in one cell with the next column's figure; the row's "
            "own sum cannot tell their order",
            raw[key].label.where,
        )
    read = {key: values for key, values in report.requests.items() if key in chosen}
    for key in _unconfirmed_placements(template, read, raw, chosen):
        evidence.doubt_more(
            f"requests.{key}",
            "本行的数字按空白单元格的位置对应各列，表中勾稽关系无法印证其列位",
            "the row's figures were placed in columns by its blank cells (or cells not "
            "printed), and the table's column sums cannot confirm the placement",
            raw[key].label.where,
        )
    for key, broke in broken_rows(template, read).items():
        shown = "；".join(dict.fromkeys(broke))
        evidence.doubt_more(
            f"requests.{key}",
            f"表三勾稽关系不成立（{shown}）：本行读数或原表有误",
            "table 三 breaks its arithmetic here: the row's figures as read, or the report, are wrong",
            raw[key].label.where,
        )
