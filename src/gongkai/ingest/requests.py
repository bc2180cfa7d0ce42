"""Table 三 (收到和处理政府信息公开申请情况): rows found by their labels, cells by the arithmetic."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import lru_cache

from gongkai.ingest.align import Reading, Slot, Value, choose, readings
from gongkai.ingest.evidence import Evidence, apply_choice, count_value, note_dashes
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, cached_bare, cached_key
from gongkai.ingest.vocabulary import RequestRowKeys, vocabulary
from gongkai.report.labels import bare_label_key
from gongkai.report.model import Report
from gongkai.report.templates import Kind, Template


@dataclass
class RequestRaw:
    key: str
    label: Token
    values: list[Token]
    table: int = 0
    stacked: str = ""  # another row's label printed between this row's label and its values


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
        pending = RequestRaw(match.key, record.labels[-1], list(record.values), record.table,
                             _other_row_label(record, match.key) if record.values else "")
        rows[match.key] = pending
    return rows, votes


def _request_failures(template: Template) -> Callable[[dict[Hashable, tuple[Value, ...]]], int]:
    """How many statutory equations a reading of table 三 breaks; an equation with an unknown
    (未知) figure in it is not counted either way."""
    keys = [row.key for row in template.request_rows]
    outcomes = [row.key for row in template.outcome_rows]
    total = template.total_column

    def unequal(left: list[Value], right: list[Value]) -> bool:
        if None in left or None in right:
            return False
        return sum(v for v in left if v is not None) != sum(v for v in right if v is not None)

    def failures(table: dict[Hashable, tuple[Value, ...]]) -> int:
        broken = 0
        for key in keys:
            values = table.get(key)
            if values is not None and unequal(list(values[:total]), [values[total]]):
                broken += 1
        done = table.get("total_processed")
        new, old, carry = table.get("new_received"), table.get("carried_over"), table.get("carried_forward")
        for c in range(total + 1):
            parts = [table[k][c] for k in outcomes if k in table]
            complete = len(parts) == len(outcomes)
            if done is not None and complete and unequal(parts, [done[c]]):
                broken += 1
            if new is not None and old is not None and carry is not None:
                if done is not None and unequal([new[c], old[c]], [done[c], carry[c]]):
                    broken += 1
                # The same balance through the outcome rows (they add up to 总计): what was
                # received either got an outcome or is carried forward.
                if complete and unequal([new[c], old[c]], [*parts, carry[c]]):
                    broken += 1
        return broken

    return failures


def _all_hold(template: Template, table: dict[str, list[int | None]], outcomes: list[str]) -> bool:
    """Every row present and known, and every equation holds."""
    keys = [row.key for row in template.request_rows]
    if any(key not in table for key in keys):
        return False
    rows = [table[key] for key in keys]
    if any(None in values for values in rows):
        return False
    total = template.total_column
    if any(sum(values[:total]) != values[total] for values in rows):  # type: ignore[arg-type]
        return False
    done = table["total_processed"]
    sums = [sum(column) for column in zip(*(table[k] for k in outcomes), strict=True)]
    if sums != done:
        return False
    new, old, carry = table["new_received"], table["carried_over"], table["carried_forward"]
    return all(a + b == c + d for a, b, c, d in zip(new, old, done, carry, strict=True))  # type: ignore[operator]


def broken_rows(template: Template, table: dict[str, list[int | None]]) -> dict[str, list[str]]:
    """The rows of a read table 三 that take part in a broken statutory equation, each with what
    broke (in Chinese). The reading keeps the printed figures; this says they are in doubt.

    Kept small and on its own so that it can be switched to the report layer's shared equations.
    """
    total = template.total_column
    outcomes = [row.key for row in template.outcome_rows]
    broken: dict[str, list[str]] = {}
    if _all_hold(template, table, outcomes):
        return broken  # the usual case, checked at C speed

    def known(*rows: str) -> bool:
        return all(row in table for row in rows)

    def note(rows: list[str], what: str) -> None:
        for row in rows:
            broken.setdefault(row, []).append(what)

    for row in template.request_rows:
        values = table.get(row.key)
        if values is None or None in values:
            continue
        if sum(v or 0 for v in values[:total]) != values[total]:
            note([row.key], "各类申请人之和不等于总计")
    for c in range(total + 1):
        column = template.request_columns[c].label
        done = table["total_processed"][c] if "total_processed" in table else None
        if done is not None:
            read = [k for k in outcomes if k in table and table[k][c] is not None]
            parts_sum = sum(table[k][c] or 0 for k in read)
            if len(read) == len(outcomes) and parts_sum != done:
                note([*read, "total_processed"], f"“{column}”列各办理结果之和不等于（七）总计")
            elif parts_sum > done:
                # Rows not read cannot make the sum smaller: counts are never negative.
                note([*(k for k in read if table[k][c]), "total_processed"],
                     f"“{column}”列已读出的办理结果之和已超过（七）总计")
        if known("new_received", "carried_over", "total_processed", "carried_forward"):
            cells = [table[k][c] for k in ("new_received", "carried_over", "total_processed", "carried_forward")]
            if None not in cells and (cells[0] or 0) + (cells[1] or 0) != (cells[2] or 0) + (cells[3] or 0):
                note(["new_received", "carried_over", "total_processed", "carried_forward"],
                     f"“{column}”列第一项加第二项不等于第三项加第四项")
    return broken


def _row_sum(total: int) -> Callable[[tuple[Value, ...]], bool]:
    """The row's own equation; a row with an unknown figure cannot break it."""

    def accept(values: tuple[Value, ...]) -> bool:
        if None in values:
            return True
        return sum(v for v in values[:total] if v is not None) == values[total]

    return accept


@lru_cache(maxsize=256)
def _cell_paths(row: str, columns: int) -> tuple[str, ...]:
    return tuple(f"requests.{row}[{i}]" for i in range(columns))


def read_requests(template: Template, raw: dict[str, RequestRaw], report: Report, evidence: Evidence) -> None:
    _read_by_labels(template, raw, report, evidence)


def request_failures(template: Template) -> Callable[[dict[Hashable, tuple[Value, ...]]], int]:
    """How many statutory equations a reading of table 三 breaks (for readers of other layouts)."""
    return _request_failures(template)


def _read_by_labels(template: Template, raw: dict[str, RequestRaw], report: Report, evidence: Evidence) -> None:
    n = len(template.request_columns)
    total = template.total_column
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
            [Slot(t.value, t.where) for t in found.values], n, _row_sum(total), fixed_width=found.table not in padded,
            groups=(n,) if total == n - 1 else (),
        )
        if not found_options:
            printed = " ".join(t.text.strip() or "□" for t in found.values)
            evidence.doubt(f"requests.{row.key}", None,
                           f"“{row.full_label}”行印有 {len(found.values)} 个单元格（{printed}），无法对应 {n} 列",
                           f"row {row.key} prints {len(found.values)} cells ({printed}); no reading fits {n} columns",
                           found.label.where)
            continue
        options[row.key] = found_options
    chosen = choose(options, _request_failures(template))
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
        if found.stacked:
            evidence.doubt_more(f"requests.{row.key}",
                           f"“{row.full_label}”的数值前还印有另一行的标签“{found.stacked}”，数值属于哪一行存疑",
                           f"another row's label ({found.stacked}) stands between {row.key}'s label and its "
                           "figures: which row they belong to is in doubt", found.label.where)
    read = {key: values for key, values in report.requests.items() if key in chosen}
    for key, broke in broken_rows(template, read).items():
        shown = "；".join(dict.fromkeys(broke))
        evidence.doubt_more(f"requests.{key}", f"表三勾稽关系不成立（{shown}）：本行读数或原表有误",
                       "table 三 breaks its arithmetic here: the row's figures as read, or the report, are wrong",
                       raw[key].label.where)
