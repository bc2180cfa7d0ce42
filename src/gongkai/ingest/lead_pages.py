"""Table 三's flex rows whose leading cells lost their zeros, page by page (``pdftotext`` default).

A page of flex rows (``lead_tails``) prints each row's label with its first cells — one (the 自然人
cell) on some pages, several on others — and the rows' other cells after the page's last row.
Where zeros are dashes, ``pdftotext`` joins a dash to the next line (``swallowed_dashes``): a row's
leading cells then print only some of its figures, in order, the zeros gone. Read here: the rows
found by their numbering marks (``swallowed_dashes.row_starts``), a page's leading cells as many as
its fullest row prints; a page of one leading cell is ``lead_tails``' page (its zeros put back by
``dash_tails`` where its other cells lost some too); a page of more prints its rows' other cells
row by row, exactly as many as they lack. A row's leading figures stand in its leading columns in
printed order, zeros in the others, every choice adding up to its 总计 (``report.equations``); the
table's equations choose among the choices, and a cell is read where every consistent table agrees
(the others unknown, their values named in ``uncertain``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from gongkai.ingest.blank_zero_rows import least_tables
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.records import Record, Token
from gongkai.ingest.row_reading import Reading
from gongkai.ingest.swallowed_dashes import row_heads, row_starts, zero_at
from gongkai.report.equations import requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_MAX_CHOICES = 64  # choices of one row (a row's leading figures among its leading columns)

PageSolver = Callable[[tuple[list[int], list[Token]], list[list[Token]]], list[tuple[tuple[Any, ...], tuple[int, ...]]]]


def _rows_and_tails(
    template: Template, records: list[Record], figures_of: Callable[[Record], list[Token] | None]
) -> tuple[list[list[Token]], list[tuple[list[int], list[Token]]]] | None:
    """Each row's leading figures (by the rows' numbering marks) and each page's other cells (a
    record of figures beginning no row); None where the records are not of this shape."""
    heads = row_heads(template)
    leads: list[list[Token]] = []
    pages: list[tuple[list[int], list[Token]]] = []
    start = 0
    for record in records:
        figures = figures_of(record)
        if figures is None:
            return None
        starts = row_starts("".join(t.text for t in record.labels).replace(" ", ""), heads)
        leads.extend([] for _ in range(starts))
        if not figures:
            continue
        if starts:
            leads[-1] = figures
        elif not leads or start == len(leads):
            return None  # figures before any row, or two records of other cells in a row
        else:
            pages.append((list(range(start, len(leads))), figures))
            start = len(leads)
    if start < len(leads):  # the last page: its other cells follow its last row's leading ones
        rows = list(range(start, len(leads)))
        m = max(1, *(len(leads[r]) for r in rows[:-1])) if len(rows) > 1 else 1
        last = leads[rows[-1]]
        if len(last) <= m:
            return None
        leads[rows[-1]] = last[:m]
        pages.append((rows, last[m:]))
    if len(leads) != len(template.request_rows):
        return None
    return leads, pages


def _placed(figures: Sequence[int], m: int) -> list[tuple[int, ...]]:
    """Every way a row's ``figures`` (its leading cells printed, zeros lost) stand in ``m`` leading
    columns, in order."""
    out = []
    for columns in itertools.combinations(range(m), len(figures)):
        cells = [0] * m
        for c, v in zip(columns, figures, strict=True):
            cells[c] = v
        out.append(tuple(cells))
    return out


def lead_page_choices(
    template: Template,
    records: list[Record],
    figures_of: Callable[[Record], list[Token] | None],
    solve: PageSolver,
    equations: list[list[int]],
) -> dict[Hashable, list[tuple[int, ...]]] | None:
    """Each row's possible cells, page by page (see the module's doc); None where the records are
    not of this shape or a row adds up in no way."""
    laid = _rows_and_tails(template, records, figures_of)
    if laid is None:
        return None
    leads, pages = laid
    keys = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    choices: dict[Hashable, list[tuple[int, ...]]] = {}
    for rows, tail in pages:
        m = max(len(leads[r]) for r in rows)
        if m <= 1:
            page_leads = [leads[r] or [zero_at(tail[0])] for r in range(len(leads))]
            readings = solve((rows, tail), page_leads)
            if not readings:
                return None
            for r in rows:
                at = sum(width - 1 for q in rows if q < r)
                lead = int(page_leads[r][0].value.amount or 0)
                options = {(lead, *cells[at : at + width - 1]) for cells, _ in readings}
                if any(None in row for row in options):
                    return None
                choices[keys[r]] = sorted(options)
            continue
        # the page's other cells, row by row; or all rows' but the last, printed whole beside its label
        whole = len(tail) == (len(rows) - 1) * (width - m)
        if m >= width or not (whole or len(tail) == len(rows) * (width - m)):
            return None
        for i, r in enumerate(rows):
            printed = [int(t.value.amount or 0) for t in leads[r]]
            if whole and r == rows[-1]:
                found = _placed(printed, width)
            elif len(printed) > m:
                return None
            else:
                rest = tuple(int(t.value.amount or 0) for t in tail[i * (width - m) : (i + 1) * (width - m)])
                found = [cells + rest for cells in _placed(printed, m)]
            found = [
                row for row in found if all(sum(c * x for c, x in zip(eq, row, strict=True)) == 0 for eq in equations)
            ]
            found = sorted(set(found))
            if not found or len(found) > _MAX_CHOICES:
                return None
            choices[keys[r]] = found
    return choices if len(choices) == len(keys) else None


def _seen(tables: list[dict[Hashable, tuple[int | None, ...]]], key: Hashable, c: int) -> list[int]:
    """The values the tables give one cell."""
    return sorted({v for t in tables if (v := t[key][c]) is not None})


def read_lead_pages(
    template: Template,
    choices: dict[Hashable, list[tuple[int, ...]]],
    current: dict[Hashable, tuple[int | None, ...]],
    report: Report,
    evidence: Evidence,
    where: str,
) -> bool:
    """Read table 三 where the consistent tables the rows' choices make agree, where that reads more
    cells than the labels did (``current``) and breaks no more equations; False where not."""
    keys = [row.key for row in template.request_rows]
    width = len(template.request_columns)
    bound = requests_bound(template.id)
    options: dict[Hashable, list[Reading]] = {
        key: [Reading(row, (None,) * width, ("",) * width, 0, "", "") for row in choices[key]] for key in keys
    }
    tables = least_tables(options, keys, bound)
    if not tables:
        return False
    agreed: dict[Hashable, list[int | None]] = {}
    for key in keys:
        cells = [_seen(tables, key, c) for c in range(width)]
        agreed[key] = [seen[0] if len(seen) == 1 else None for seen in cells]

    def known(table: dict[Hashable, Any]) -> int:
        return sum(v is not None for values in table.values() for v in values)

    new = {key: tuple(v) for key, v in agreed.items()}
    if known(new) <= known(current) or bound.broken(new) > bound.broken(current):
        return False
    evidence.forget("requests.")
    for key in keys:
        row: list[int | None] = []
        for c in range(width):
            seen = _seen(tables, key, c)
            if len(seen) == 1:
                row.append(seen[0])
                continue
            row.append(None)
            evidence.undecided(
                f"requests.{key}[{c}]",
                seen,
                zh="本行印出的数字丢了为零的短横，合乎勾稽关系的几种读法在此格不一致（{readings}），记为未知",
                en="the row's printed figures lost their zero dashes and the readings the arithmetic allows differ "
                "here ({readings}); left unknown",
                where=where,
            )
        report.requests[str(key)] = row
    evidence.doubt(
        "requests",
        None,
        "表三各行在标签旁印出前几栏（为零的短横被 pdftotext 并入下一行而消失），"
        "其余各栏在本页末行之后印出：按勾稽关系放置",
        "table 三's rows print their first cells beside their label (pdftotext joined the zero dashes to the "
        "next line, so they vanished) and their other cells after the page's last row: placed by the arithmetic",
        where,
    )
    return True
