"""Table 三's rows beside a row left with unknown cells: their figures in doubt.

A row of table 三 whose cells stay unknown had its figures somewhere the readers could not place
them (pdftotext's ``-layout`` of a print whose labels wrapped sets two rows' figures stacked
digit by digit under one label, and the next row's figures under the label before it). A row
beside it may have taken its neighbour's figures: they add up along the row (every row of the
table does) and the column totals that would tell are the ones the unknown cells leave
unchecked. So the rows right before and after such a row are named in ``uncertain``, their
readings kept (never nulled: most of them are right).
"""

from __future__ import annotations

from gongkai.ingest.evidence import Evidence
from gongkai.report.model import Report
from gongkai.report.templates import Template


def doubt_beside_unknown(template: Template, report: Report, evidence: Evidence) -> None:
    """Name in ``uncertain`` each whole row of table 三 next to a row with an unknown cell."""
    rows = template.request_rows
    unknown = [any(v is None for v in (report.requests.get(row.key) or (None,))) for row in rows]
    if not any(unknown):  # the usual case: nothing to ask
        return
    for i, row in enumerate(rows):
        if unknown[i]:
            continue
        beside = [rows[j] for j in (i - 1, i + 1) if 0 <= j < len(rows) and unknown[j]]
        cell = f"requests.{row.key}"
        if not beside:
            continue
        label = f"{beside[0].number}{beside[0].label}"
        evidence.doubt_more(
            cell,
            f"相邻的“{label}”行有未知单元格，其数字可能被读入本行（列合计无法核对）",
            f"the row beside it ({label}) has cells left unknown; its figures may have been read into "
            "this row (the column totals cannot check it)",
        )
