"""Rows of table 二 whose labels ``pdftotext``'s flow prints one under the other, then their figures.

A page print of table 二 (a WeChat article's table, no rules between the rows of one item) comes
out of ``pdftotext`` without ``-layout`` as the item's row labels on lines of their own (``规章`` /
``行政规范性文件``, ``行政许可`` / ``行政处罚`` / ``行政强制``) and then all their figures: one
record naming several rows. Read by labels, the figures go to the last row and no row fits.

Where the labels name rows of one shape (the same fields) and the record holds exactly their cells:
rows of one field take the figures in the labels' order; rows of several are printed row by row or
column by column (``119 5 4 14 119 188``: 制发 of both rows, 废止 of both, 现行有效 of both), and
table 二 has no equation between them: the orders in which every row keeps the report layer's
warnings quiet and what such rows usually print (``active_plausible.LIKELY``: 现行有效 ≥ 本年制发)
are kept. One order kept: read, the rows named in ``uncertain`` with the other as alternative (a
likelihood is no proof); several: the cells they disagree on stay unknown with their values as
alternatives. Only rows the labels left wholly unread are filled.
"""

from __future__ import annotations

from gongkai.ingest.active_plausible import LIKELY, is_plausible
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token
from gongkai.ingest.vocabulary import label_key, vocabulary
from gongkai.report.model import Report
from gongkai.report.templates import ActiveRow, Kind, Template

_ZH = "表二多行的标签在文本中依次印出，其后才印出各行的数字"
_EN = "table 二 prints several rows' labels one under the other and only then their figures"


def _rows(template: Template, record: Record) -> list[ActiveRow] | None:
    """The rows of table 二 the record's labels name, in printed order, where they are two or more
    rows of one item, of the same fields, each once and in the template's order; else None."""
    by_key = {row.key: row for row in template.active_rows}
    named = vocabulary().active_rows
    rows: list[ActiveRow] = []
    for token in record.labels:
        key = named.get(label_key(token.text))
        if key is not None and key in by_key:
            rows.append(by_key[key])
    if len(rows) < 2 or len({row.key for row in rows}) != len(rows):
        return None
    order = [row.key for row in template.active_rows]
    at = [order.index(row.key) for row in rows]
    if at != list(range(at[0], at[0] + len(at))):
        return None
    shape = [f.key for f in rows[0].fields]
    if any([f.key for f in row.fields] != shape for row in rows):
        return None
    if any(f.kind is not Kind.COUNT for row in rows for f in row.fields):
        return None  # counts only: a money cell's figure is no count to place by these tests
    return rows


def _likely(fields: list[str], values: tuple[int, ...]) -> bool:
    """Whether a row's values keep the warnings quiet and pass what such rows usually print."""
    if not is_plausible(fields, values):
        return False
    by = dict(zip(fields, values, strict=True))
    return all(test(tuple(by[k] for k in keys)) for keys, test, _, _ in LIKELY if all(k in by for k in keys))


def read_stacked_rows(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Table 二's rows whose labels came one under the other before their figures (see the module);
    ``records``: the records of table 二."""
    for record in records:
        if len(record.labels) < 2:
            continue
        rows = _rows(template, record)
        if rows is None:
            continue
        figures: list[Token] = [t for t in record.values if t.value.kind is not CellKind.BLANK]
        fields = [f.key for f in rows[0].fields]
        width, height = len(fields), len(rows)
        if len(figures) != width * height or any(t.value.kind is not CellKind.NUMBER for t in figures):
            continue
        if any(not isinstance(t.value.amount, int) or t.value.amount < 0 for t in figures):
            continue
        if any(v is not None for row in rows for v in report.active[row.key].values()):
            continue  # the labels read some of these rows: theirs stands
        amounts = [int(t.value.amount or 0) for t in figures]
        orders = [[r * width + c for c in range(width)] for r in range(height)]  # row by row
        readings = [orders]
        if width > 1:  # and column by column
            readings.append([[c * height + r for c in range(width)] for r in range(height)])
        kept = [o for o in readings if width == 1 or all(_likely(fields, tuple(amounts[i] for i in row)) for row in o)]
        if not kept:
            continue
        where = figures[0].where
        for r, row in enumerate(rows):
            evidence.forget(f"active.{row.key}")
            for c, field in enumerate(fields):
                values = sorted({amounts[o[r][c]] for o in kept})
                cell = f"active.{row.key}.{field}"
                if len(values) == 1:
                    report.active[row.key][field] = values[0]
                    sources = {o[r][c] for o in kept}
                    if len(sources) == 1:
                        evidence.provenance[cell] = figures[sources.pop()].where
                else:
                    evidence.undecided(
                        cell,
                        values,
                        zh=_ZH + "：按行或按列读取均可：{readings}",
                        en=_EN + ": read by rows or by columns: {readings}",
                        where=where,
                    )
            if width > 1 and len(kept) == 1:
                other = next(o for o in readings if o is not kept[0])
                evidence.doubt(
                    f"active.{row.key}",
                    None,
                    _ZH + "：取各行合乎常理（现行有效不少于本年制发等）的读取顺序，未经等式证实",
                    _EN + ": read in the order in which every row is plausible (in force >= made …), "
                    "which no equation proves",
                    where,
                )
                evidence.alternatives([[amounts[i] for i in other[r]]])
            elif width == 1:
                evidence.doubt(
                    f"active.{row.key}", None, _ZH + "：按标签顺序读取", _EN + ": read in the labels' order", where
                )
