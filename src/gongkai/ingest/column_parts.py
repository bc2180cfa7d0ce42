"""Table 三 cut by columns into consecutive parts, each with its header and the row labels repeated.

A page too narrow for seven applicant columns (a WeChat article) prints table 三 as two tables:
自然人 · 商业企业 · 科研机构 first, then 社会公益组织 · 法律服务机构 · 其他 · 总计, each under a header
naming its own columns and with every row label printed again. A reader of cells on a grid meets
them in turn and reads them as columns printed block by block (``column_blocks``); in text and in
a converter's Markdown the two parts' rows come as two printings of the same rows, and the first
printing of a row wins (``request_rows``): the second part's columns are lost, or read as the
first's.

The general rule: a table 三 whose header names only some of the template's columns, the first
ones in template order, followed by a printing of the same rows whose header names none of those
and whose rows hold the rest, is one table. Its rows are joined by label (the first part's figures,
then the second's), where

* the first part's rows mostly hold fewer figures than the template has columns, and the second
  part's mostly the rest (the two widths add up to the template's);
* the headers name at least one applicant column (a converter may cut the others' titles into
  pieces), the first only among the first part's columns, the second none of those
  (``report/templates`` titles);
* most joined rows holding a figure for every column keep their own equations (``equations``).

On laid-out text the second part's figures are moved right of the first part's, so that each row
reads as one line of the whole table. A 总计 wrapped in the second part's narrow column (``260`` over
``0``) is put back whole where the joined row then adds up, and said in ``uncertain``. Rows printed
in one part only keep that part's figures, and rows beside a row of figures no label names are left
in doubt, both said in ``uncertain``.

Not the same join as ``run_column_parts``: that one runs earlier, on a crawler's records, where each
part's header record names its columns by title and each row's figures ran together into runs (the
row's arithmetic cuts them later); this one joins rows already found, by their counts of figures
and positions, and checks the joined rows' equations.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from operator import itemgetter

from gongkai.ingest.column_order import TITLES
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.records import Record, Token, cached_bare
from gongkai.ingest.request_labels import match_request
from gongkai.ingest.request_rows import Orphan, RequestRaw, request_records
from gongkai.ingest.vocabulary import vocabulary
from gongkai.report.equations import requests_bound
from gongkai.report.templates import Template

# printed column title → the template column's index
_TITLES = {cached_bare(title): index for title, index in TITLES.items() if index is not None}
_MIN_SHARED = 2 / 3  # of the first part's rows, printed again in the second
_MIN_HOLDING = 2 / 3  # of the joined full rows, keeping their own equations
_MIN_FULL = 3  # joined rows holding every column's figure, at least (else nothing to check by)


def _figures(values: list[Token]) -> list[Token]:
    return [t for t in values if t.value.kind is not CellKind.BLANK and t.value.is_value]


_SECOND = itemgetter(1)


def _width(raw: dict[str, RequestRaw]) -> int:
    """The part's width: most of its rows' count of printed figures."""
    counts: dict[int, int] = {}  # (Counter.most_common(1) in one pass, no list per row: asked of every report)
    blank, text = CellKind.BLANK, CellKind.TEXT  # (CellValue.is_value: a kind not TEXT)
    for found in raw.values():
        printed = sum(1 for t in found.values if (kind := t.value.kind) is not blank and kind is not text)
        counts[printed] = counts.get(printed, 0) + 1
    return max(counts.items(), key=_SECOND)[0] if counts else 0  # the first of the most, as most_common


def _named(labels: list[Token]) -> set[int]:
    """The applicant columns a header's labels name (each cell, or each space-separated piece)."""
    named: set[int] = set()
    for token in labels:
        for piece in (token.text, *token.text.split()):
            index = _TITLES.get(cached_bare(piece))
            if index is not None:
                named.add(index)
    return named


def _first_row_records(records: list[Record], first_key: str) -> list[int]:
    """The records naming table 三's first row (bounded: a table printed twice or in parts)."""
    found = []
    for i, record in enumerate(records):
        if record.values and record.labels:
            match = match_request(Record(record.labels[-1:], record.values, record.table), False, 0)
            if match is not None and match.key == first_key:
                found.append(i)
    return found


def _header_labels(records: list[Record], raw: dict[str, RequestRaw]) -> list[Token]:
    """The labels printed before the part's first named row (its header, and the rows' label)."""
    first = next(iter(raw.values())).label if raw else None
    labels: list[Token] = []
    for record in records:
        for token in record.labels:
            if token is first:
                return labels
            labels.append(token)
    return labels


def _shifted(first: list[Token], second: list[Token], step: float) -> list[Token]:
    """``second``'s tokens moved right of ``first``'s on laid-out text (no place kept: None)."""
    right = max((t.x for t in first if t.x is not None), default=None)
    left = min((t.x for t in second if t.x is not None), default=None)
    if right is None or left is None:
        return second
    shift = right + step - left
    return [replace(t, x=None if t.x is None else t.x + shift) for t in second]


def _step(raw: dict[str, RequestRaw]) -> float:
    """A column's width in the first part of laid-out text (its widest row's span per gap)."""
    return _step_of([found.values for found in raw.values()])


def _step_of(rows: list[list[Token]]) -> float:
    spans = []
    for values in rows:
        xs = [t.x for t in _figures(values) if t.x is not None]
        if len(xs) > 1:
            spans.append((max(xs) - min(xs)) / (len(xs) - 1))
    return max(spans, default=8.0)


def _joined(first: list[Token], second: list[Token], k1: int, k2: int, step: float) -> list[Token]:
    """One row's figures from both parts. Where each part prints a figure in every one of its
    columns, its blank cells are a converter's padding (label columns spanned): left out, so that
    none stands between the parts' figures."""
    if len(_figures(first)) == k1 and len(_figures(second)) == k2:
        first, second = _figures(first), _figures(second)
    return [*first, *_shifted(first, second, step)]


def _unwrapped(template: Template, key: str, first: list[Token], second: list[Token], k1: int) -> list[Token] | None:
    """The joined row with the second part's last figure put back whole where its narrow column
    wrapped it (``260`` over ``0``: one figure too many, the last two whole integers), if the row
    then keeps its own equations (and so says which figure it was); else None."""
    figures = _figures(second)
    if len(_figures(first)) != k1 or len(figures) != len(template.request_columns) - k1 + 1:
        return None
    head, tail = figures[-2], figures[-1]
    if not (head.value.digits and tail.value.digits):
        return None
    whole = replace(head, text=head.text + tail.text, value=parse_cell(head.value.digits + tail.value.digits))
    row = [*_figures(first), *figures[:-2], whole]
    return row if _holds(template, key, row) else None


def _spread(template: Template, raw: dict[str, RequestRaw], k: int) -> tuple[dict[str, RequestRaw], list[str]]:
    """A part's rows where a row holds the figures of ``m`` rows (``m × k``, the part's width ``k``)
    and the ``m − 1`` rows after it in the template hold none (a Word cell's figures printed before
    the labels of the rows under it): the figures given to those rows in turn; and the keys of the
    rows given figures so."""
    keys = [row.key for row in template.request_rows]
    out = dict(raw)
    spread: list[str] = []
    for i, key in enumerate(keys):
        found = out.get(key)
        figures = _figures(found.values) if found is not None else []
        m = len(figures) // k if k else 0
        if found is None or m < 2 or len(figures) != m * k or i + m > len(keys):
            continue
        after = keys[i + 1 : i + m]
        if any(out.get(other) is not None and _figures(out[other].values) for other in after):
            continue
        out[key] = replace(found, values=figures[:k])
        for j, other in enumerate(after, 1):
            out[other] = replace(out.get(other) or found, key=other, values=figures[j * k : (j + 1) * k])
            spread.append(other)
        spread.append(key)
    return out, spread


def _joined_orphans(first: list[Orphan], second: list[Orphan]) -> list[Orphan]:
    """The parts' rows of figures no label named, joined one to one where both parts print one
    between the same named rows; the others as printed (a part's rows of its own)."""
    gaps = Counter((o.after, o.before) for o in [*first, *second])
    step = _step_of([o.values for o in first])
    joined = [o for o in [*first, *second] if gaps[(o.after, o.before)] != 2]
    for a in first:
        b = next((o for o in second if (o.after, o.before) == (a.after, a.before)), None)
        if b is not None and gaps[(a.after, a.before)] == 2:
            joined.append(replace(a, values=[*a.values, *_shifted(a.values, b.values, step)]))
    return joined


def _around_orphans(orphans: list[Orphan]) -> set[int]:
    """The merged indices of the named rows each orphan stands between: which of them its
    figures (or theirs) belong to is not told by the labels."""
    return {i for o in orphans for i in (o.after, o.before)}


def _holds(template: Template, key: str, values: list[Token]) -> bool | None:
    figures = _figures(values)
    if len(figures) != len(template.request_columns):
        return None
    amounts = [t.value.amount for t in figures]
    inside = requests_bound(template.id).inside(key)
    if not inside or any(a is None for a in amounts):
        return None
    return all(sum(amounts[i] or 0 for i in left) == sum(amounts[i] or 0 for i in right) for left, right in inside)


def join_column_parts(
    template: Template,
    records: list[Record],
    raw: dict[str, RequestRaw],
    orphans: list[Orphan],
    evidence: Evidence,
) -> tuple[dict[str, RequestRaw], list[Orphan]]:
    """``raw`` (table 三's rows by label) with a second part's columns joined to its rows, where
    table 三 was printed as consecutive column parts (see the module); else ``raw`` as read."""
    n = len(template.request_columns)
    k1 = _width(raw)
    if not template.request_rows or not 0 < k1 < n - 1:  # the cheap gate: rows as wide as the table
        return raw, orphans
    starts = _first_row_records(records, template.request_rows[0].key)
    for cut in starts[1:3]:  # a part follows a part (a third printing is no part of this)
        first, _votes, first_orphans = request_records(records[:cut])
        second, _votes, second_orphans = request_records(records[cut:])
        if k1 + _width(second) != n or _width(first) != k1:
            continue
        first, spread = _spread(template, first, k1)
        second, spread_second = _spread(template, second, n - k1)
        spread += spread_second
        shared = [key for key in first if key in second]
        if len(shared) < _MIN_SHARED * len(first):
            continue
        named_first = _named(_header_labels(records[:cut], first))
        named_second = _named(_header_labels(records[cut:], second))
        if not (named_first | named_second) or not named_first <= set(range(k1)) or named_second & set(range(k1)):
            continue  # no header names a column, or one names a column of the other part
        orphans_joined = _joined_orphans(first_orphans, second_orphans)
        step = _step(first)
        joined = {
            key: replace(found, values=_joined(found.values, second[key].values, k1, n - k1, step))
            if key in second
            else found
            for key, found in first.items()
        }
        wrapped = []
        for key in shared:
            row = _unwrapped(template, key, first[key].values, second[key].values, k1)
            if row is not None:
                joined[key] = replace(joined[key], values=[*row[:k1], *_shifted(row[:k1], row[k1:], step)])
                wrapped.append(key)
        checks = [_holds(template, key, joined[key].values) for key in shared]
        full = [c for c in checks if c is not None]
        if len(full) < _MIN_FULL or sum(full) < _MIN_HOLDING * len(full):
            continue
        alone = [*(k for k in first if k not in second), *(k for k in second if k not in first)]
        around = _around_orphans([*first_orphans, *second_orphans])
        merged = {row.key: row.index for row in vocabulary().request_rows}
        for key in [*alone, *(k for k in joined if k not in alone and merged.get(k) in around)]:
            label = template.request_row(key).full_label if key in template.requests_by_key else key
            why = "只印在其中一部分" if key in alone else "旁有无标签的一行数字，数字属哪一行未定"
            evidence.doubt(
                f"requests.{key}",
                None,
                f"表三分两部分印出（按列拆开），“{label}”行{why}",
                f"table 三 printed in two parts cut by columns: row {label} "
                + ("is printed in one part only" if key in alone else "stands next to a row of figures no label names"),
            )
        for key in wrapped:
            label = template.request_row(key).full_label if key in template.requests_by_key else key
            evidence.doubt(
                f"requests.{key}",
                None,
                f"表三分两部分印出（按列拆开），“{label}”行的总计在窄栏中折行，两段数字按本行勾稽关系合为一个",
                f"table 三 printed in two parts cut by columns: row {label}'s last figure wrapped in its narrow "
                "column, its two pieces read as one figure where the row then adds up",
            )
        for key in dict.fromkeys(spread):
            if key in joined and not _holds(template, key, joined[key].values):
                label = template.request_row(key).full_label
                evidence.doubt(
                    f"requests.{key}",
                    None,
                    f"表三分两部分印出（按列拆开），“{label}”行的数字印在上一行的标签旁，按行宽分给本行，本行不合乎勾稽关系",
                    f"table 三 printed in two parts cut by columns: row {label}'s figures printed beside the label "
                    "of a row above, given to it by the part's width; the row does not add up",
                )
        for key, found in second.items():
            if key not in joined:
                joined[key] = found
        return joined, orphans_joined
    return raw, orphans
