"""Table 三 of a 2021-template report that prints the 2019 template's single （六）其他处理 row,
read from its figures printed in blocks (``pdftotext`` without ``-layout``).

``column_blocks.read_blocks`` finds the order of a table's figures from the statutory arithmetic,
for a table holding exactly the template's rows. A 2021 report printing 2019's one 其他处理 row
for 2021's three holds two rows fewer, so its figures never number the template's cells and that
reader passes it by. Read against the template whose rows it prints (the other one), the same
search places its figures; the reading then comes back to this template: every common row as read,
the single row into the three sub-rows when it is all zero (then each is zero), else the sub-rows
left unknown with the printed sum in ``uncertain`` (``requests._MergedOther``'s rule). It is taken,
as ``read_blocks`` takes its own, only where the reading by labels left cells unread or broke more
of the arithmetic.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from gongkai.ingest.column_blocks import read_blocks
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record
from gongkai.ingest.requests_now import requests_now
from gongkai.ingest.row_reading import Value
from gongkai.report.equations import requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATES, RequestRow, Template


def _single_row(template: Template, other: Template) -> tuple[RequestRow, tuple[str, ...]] | None:
    """The row of ``other`` that ``template`` splits into several (its parts' keys), when that is
    the only difference between their rows of table 三."""
    ours = {row.key for row in template.request_rows}
    theirs = {row.key for row in other.request_rows}
    singles = [row for row in other.request_rows if row.key not in ours]
    if len(singles) != 1:
        return None
    single = singles[0]
    parts = tuple(row.key for row in template.request_rows if row.group == single.printed)
    if len(parts) < 2 or ours - set(parts) != theirs - {single.key}:
        return None
    return single, parts


Reader = Callable[[Template, list[Record], Report, Evidence], None]


def read_merged_blocks(
    template: Template, records: list[Record], report: Report, evidence: Evidence, reader: Reader = read_blocks
) -> None:
    """Replace the reading of table 三 by labels with the one from its figures in blocks read on
    the template whose single 其他处理 row the report prints (see the module); ``records``: the
    records of table 三, in order; ``reader``: the reader of figures to read them with on that
    template (``column_blocks``' blocks, or another order of the figures such as ``split_rows``')."""
    now = requests_now(template, report)
    labelled: dict[Hashable, tuple[Value, ...]] = now.values_table()
    bound = requests_bound(template.id)
    complete = now.complete
    if complete and now.broken() == 0:
        return  # the usual case: the labels named every figure and the arithmetic holds
    width = len(template.request_columns)
    figures = sum(1 for r in records for t in r.values if t.value.kind is not CellKind.BLANK)
    for other in TEMPLATES.values():
        found = _single_row(template, other) if other.id != template.id else None
        if found is None or figures != len(other.request_rows) * width:
            continue
        single, parts = found
        scratch = Report.empty(report.agency, report.year, other, fill=None)
        scratch_evidence = Evidence()
        reader(other, records, scratch, scratch_evidence)
        printed = scratch.requests.get(single.key)
        if printed is None or all(v is None for values in scratch.requests.values() for v in values):
            continue  # no order of the blocks fits the other template either
        zero = all(v == 0 for v in printed)
        fill: list[int | None] = [0 if zero else None] * width  # the sub-rows of the single row
        rows: dict[str, list[int | None]] = {key: scratch.requests.get(key, fill) for key in report.requests}
        table: dict[Hashable, tuple[Value, ...]] = {key: tuple(values) for key, values in rows.items()}
        before = bound.score(labelled)
        after = bound.score(table)
        if after[0] - after[1] <= before[0] - before[1]:
            return  # the labels' reading fits the arithmetic as well
        _take(rows, single, parts, printed, zero, report, evidence, scratch_evidence)
        return


def _take(
    rows: dict[str, list[int | None]],
    single: RequestRow,
    parts: tuple[str, ...],
    printed: list[int | None],
    zero: bool,
    report: Report,
    evidence: Evidence,
    scratch: Evidence,
) -> None:
    evidence.forget("requests.")
    for key, values in rows.items():
        report.requests[key] = list(values)
    for path, where in scratch.provenance.items():
        if path.startswith(f"requests.{single.key}["):
            if zero:
                for part in parts:
                    evidence.provenance[path.replace(single.key, part, 1)] = where
        elif path.startswith("requests."):
            evidence.provenance[path] = where
    own = f"requests.{single.key}"
    evidence.uncertain.extend(
        u
        for u in scratch.uncertain
        if u.cell.startswith("requests") and u.cell != own and not u.cell.startswith(f"{own}[")
    )
    shown = " ".join("未知" if v is None else str(v) for v in printed)
    label = single.full_label
    if zero:
        for part in parts:
            evidence.doubt(
                f"requests.{part}",
                [0] * len(printed),
                f"报告按 2019 模板印出“{label}”一行（均为 0），其子项均按 0 读入",
                f"the report prints the other template's single row {label} (all zero); its sub-rows are read as 0",
            )
        return
    for part in parts:
        evidence.doubt(
            f"requests.{part}",
            None,
            f"报告印出“{label}”一行（{shown}），无法分到本模板的各子项，记为未知",
            f"the report prints the other template's single row {label} ({shown}); the sub-rows cannot be "
            "told apart, left unknown",
        )
