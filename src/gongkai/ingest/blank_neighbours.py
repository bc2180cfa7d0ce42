"""The row beside a table 三 row read as 0 for want of a figure, where the figures it was given
may be that row's.

In laid-out text (``pdftotext -layout`` of a Word table leaving its zeros blank) a row that prints
no figure leaves only its label, wrapped over lines; its neighbour's figures stand on a line of
their own between the two labels (``1.申请人无正当`` / ``理由逾期不补`` / ``正、行政机关不  1 0 0 0 0
0 1`` / ``（六）…`` / ``2.申请人逾期未``). Which of the two rows they belong to the page does not say,
and where the two rows take part in the same equations (two outcome rows of one group) the
arithmetic cannot either: the reading that gave them to one row is kept, in doubt, naming the
other. Figures printed on their own row's label line are that row's: no doubt.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import line_number
from gongkai.ingest.request_rows import RequestRaw
from gongkai.ingest.table_choice import Choice
from gongkai.report.equations import requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template


def figureless_rows(chosen: Mapping[Hashable, Choice], blank_rows: Sequence[str]) -> list[str]:
    """The rows read as 0 because their label printed no figure: the label-only rows of a laid-out
    table, and the rows whose reading supposes every cell (zeros, nothing printed)."""
    found = list(blank_rows)
    for key, choice in chosen.items():
        reading = choice.reading
        if isinstance(key, str) and all(w is None for w in reading.wheres) and not any(reading.values):
            found.append(key)
    return found


def doubt_beside_figureless(
    template: Template,
    raw: Mapping[str, RequestRaw],
    figureless: Sequence[str],
    report: Report,
    evidence: Evidence,
) -> None:
    """Doubt each row next to a figureless one (``figureless_rows``) whose figures stand on a line
    between the two rows' labels, where giving them to the other row breaks no more equations."""
    if not figureless:
        return
    keys = [row.key for row in template.request_rows]
    bound = requests_bound(template.id)
    table: dict[Hashable, tuple[int | None, ...]] = {k: tuple(v) for k, v in report.requests.items()}
    broken = bound.broken(table)
    for key in figureless:
        if key not in keys or key not in raw:
            continue
        at = keys.index(key)
        for other in keys[max(0, at - 1) : at] + keys[at + 1 : at + 2]:
            if other in figureless or other not in raw or other not in table or not any(table[other]):
                continue
            if not _between_labels(raw[key], raw[other]):
                continue
            swapped = {**table, key: table[other], other: table[key]}
            if bound.broken(swapped) != broken:
                continue  # the arithmetic tells whose they are
            label = template.request_row(key).full_label
            evidence.doubt_more(
                f"requests.{other}",
                f"本行的数字印在本行与未印数字的“{label}”行的标签之间，也可能属于该行，表中勾稽关系无法区分",
                f"the row's figures stand between its label and that of the row {key}, which prints no "
                "figure: they may be that row's, and the table's sums cannot tell",
                raw[other].label.where,
            )


def _between_labels(figureless: RequestRaw, other: RequestRaw) -> bool:
    """Whether ``other``'s figures stand on lines between the two rows' label lines (not on its
    own label's line); False where the text gives no line numbers (a page's or a file's grid)."""
    own = line_number(other.label)
    beside = line_number(figureless.label)
    lines = {line_number(t) for t in other.values if t.value.kind is not CellKind.BLANK}
    if own is None or beside is None or not lines or None in lines or lines == {own}:
        return False
    low, high = sorted((own, beside))
    return all(low <= line <= high for line in lines if line is not None)
