"""Table 三 (收到和处理政府信息公开申请情况): rows found by their labels, cells by the arithmetic."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from functools import lru_cache

from gongkai.ingest.align import Reading, Slot, choose, readings
from gongkai.ingest.evidence import Evidence, apply_choice, count_value, note_dashes
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, cached_bare, cached_key
from gongkai.ingest.vocabulary import RequestRowKeys, vocabulary
from gongkai.report.equations import requests_bound
from gongkai.report.labels import bare_label_key
from gongkai.report.model import Report
from gongkai.report.templates import Kind, Template


@dataclass
class RequestRaw:
    key: str
    label: Token
    values: list[Token]
    table: int = 0


@lru_cache(maxsize=16384)
def _row_candidates(bare: str, joined: str) -> tuple[tuple[float, int, RequestRowKeys], ...]:
    """The table 三 rows a label may name: (quality, matched length, row); exact beats suffix
    (a group heading in the same cell), beats containing, beats a prefix (a label cut short)."""
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


@lru_cache(maxsize=16384)
def _bare_parts(text: str) -> tuple[str, ...]:
    """Bare keys of a label cell's space-separated parts, last first ('' for a one-part cell)."""
    parts = text.split()
    if len(parts) < 2:
        return ()
    return tuple(key for key in (bare_label_key(part) for part in reversed(parts)) if key)


def _best_row(
    bare: str, joined: str, next_index: int, min_length: int, min_quality: float = 0.0
) -> RequestRowKeys | None:
    best: tuple[tuple[float, int, int], RequestRowKeys] | None = None
    for quality, length, row in _row_candidates(bare, joined):
        if length < min_length or (quality < 2 and len(bare) < min_length) or quality < min_quality:
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
    stitched = _stitched(record)
    if stitched:
        row = _best_row(stitched, stitched, next_index, 8, 1.0)
        if row is not None:
            return row
    wholes = [cached_bare(t.text) for t in record.labels]
    for position in range(len(wholes) - 1, -1, -1):
        before = "".join(wholes[:position])
        for index, part in enumerate(_bare_parts(record.labels[position].text)):
            # Only the last part may be a label cut short (wrapped); a middle part that starts
            # like some label (无正当理…) is a piece of a label split by spaces.
            row = _best_row(part, before + part, next_index, 4, 1.0 if index == 0 else 1.5)
            if row is not None:
                return row
        row = _best_row(wholes[position], before + wholes[position], next_index, 1 if started else 4)
        if row is not None:
            return row
    return None


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
    if not inside:
        return ""
    return "".join(b for i, b in enumerate(bares) if i not in inside and b not in headings)


def request_records(records: list[Record]) -> tuple[dict[str, RequestRaw], list[str]]:
    rows: dict[str, RequestRaw] = {}
    votes: list[str] = []
    started = False
    next_index = 0
    pending: RequestRaw | None = None
    header = vocabulary().request_header
    for record in records:
        # A header repeated on a new page (申请人情况 自然人 … 其他) names no row, though 其他 and
        # 总计 are row labels too: in a header run only a long label counts.
        in_header = sum(1 for t in record.labels if cached_key(t.text) in header) >= 2
        match = _match_request(record, started and not in_header, next_index)
        if match is None:
            if pending is not None and not pending.values and record.values:
                pending.values = list(record.values)  # values printed on the label's next line
                pending = None
            continue
        started = True
        next_index = match.index + 1
        if len(match.templates) == 1 and record.values:
            votes.extend(match.templates)
        if match.key in rows and rows[match.key].values:
            continue  # the first printing of a row wins (a page may repeat a table)
        pending = RequestRaw(match.key, record.labels[-1], list(record.values), record.table)
        rows[match.key] = pending
    return rows, votes


@lru_cache(maxsize=256)
def _cell_paths(row: str, columns: int) -> tuple[str, ...]:
    return tuple(f"requests.{row}[{i}]" for i in range(columns))


def read_requests(template: Template, raw: dict[str, RequestRaw], report: Report, evidence: Evidence) -> None:
    n = len(template.request_columns)
    bound = requests_bound(template.id)  # the statutory equations of table 三, derived ones too
    options: dict[Hashable, list[Reading]] = {}
    # Tables whose rows end in blank padding (a trailing tab after the last figure): there, a row
    # as long as the template with a blank last cell may be a short row plus that padding.
    padded = {
        found.table
        for found in raw.values()
        if len(found.values) > n and all(t.value.kind is CellKind.BLANK for t in found.values[n:])
        and found.values[n - 1].value.kind is not CellKind.BLANK
    }
    for row in template.request_rows:
        found = raw.get(row.key)
        if found is None:
            evidence.doubt(f"requests.{row.key}", None, f"表三未找到“{row.full_label}”行",
                           f"table 三 has no row {row.full_label}")
            continue
        found_options = readings(
            [Slot(t.value, t.where) for t in found.values], n, bound.row_check(row.key),
            fixed_width=found.table not in padded
        )
        if not found_options:
            printed = " ".join(t.text.strip() or "□" for t in found.values)
            evidence.doubt(f"requests.{row.key}", None,
                           f"“{row.full_label}”行印有 {len(found.values)} 个单元格（{printed}），无法对应 {n} 列",
                           f"row {row.key} prints {len(found.values)} cells ({printed}); no reading fits {n} columns",
                           found.label.where)
            continue
        options[row.key] = found_options
    chosen = choose(options, bound.broken)
    for row in template.request_rows:
        choice = chosen.get(row.key)
        if choice is None:
            continue
        found = raw[row.key]
        values = apply_choice(choice, f"requests.{row.key}", row.full_label, found.label.where, evidence)
        report.requests[row.key] = [
            v if type(v) is int and v >= 0 else count_value(v, Kind.COUNT, f"requests.{row.key}[{i}]", evidence,
                                                       choice.reading.wheres[i])
            for i, v in enumerate(values)
        ]
        paths = _cell_paths(row.key, n)
        for i, where in enumerate(choice.reading.wheres):
            if where:
                evidence.provenance[paths[i]] = where
        note_dashes(found.values, f"requests.{row.key}", evidence)
