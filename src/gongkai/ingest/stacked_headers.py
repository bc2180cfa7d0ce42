"""Table 二's items' columns at one place on the page printed as ONE block (``pdftotext`` default).

Where table 二's items are printed as small tables one under the other (each with its own header
row), the columns standing at the same place on the page (each item's last column: 现行有效件数,
本年处理决定数量, 本年收费金额) come out of ``pdftotext`` as one column: their headers stacked,
then every figure of them, one per row, the items in their printed order. No header stands
right above its figures, so ``header_blocks`` (a run of headers, then exactly their figures) reads
none of them. The headers still say which columns the block holds, and the row labels printed
before it (a page's part of the table prints its labels first) which rows: when the block's
figures are exactly one per cell of those columns in those rows (template order), they are read so,
only into cells the reading by labels left unknown (or read as 0 from no figure), and said in ``uncertain``.
"""

from __future__ import annotations

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.header_blocks import blank_places, open_cell, take_block_cell
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, cached_bare, cached_key
from gongkai.ingest.vocabulary import field_of, vocabulary
from gongkai.report.model import Report
from gongkai.report.templates import Template

_MIN_HEADERS = 2  # one header over its figures is ``header_blocks``'s reading


def _stacks(template: Template, records: list[Record]) -> list[tuple[list[str], list[str], list[Token]]]:
    """The blocks of figures printed after the headers of two columns or more: the rows whose
    labels were printed before it and no block before it had columns of (a page's part of the
    table: its row labels come first, all together, then the blocks of its items' columns), the
    headers printed since the last figures, and the figures."""
    vocab = vocabulary()
    fields = {row.key: {f.key for f in row.fields} for row in template.active_rows}
    found: list[tuple[list[str], list[str], list[Token]]] = []
    rows: list[str] = []
    headers: list[str] = []
    for record in records:
        for token in record.labels:
            bare = cached_bare(token.text)
            hit = field_of(cached_key(token.text))
            if bare in vocab.active_rows:
                rows.append(vocab.active_rows[bare])
            elif hit is not None:
                headers.append(hit[0])
        figures = [t for t in record.values if t.value.kind is not CellKind.BLANK]
        if not figures:
            continue
        if len(set(headers)) >= _MIN_HEADERS:
            found.append((rows, headers, figures))
            # rows with none of the block's columns wait for a later block (their item's last column)
            rows = [row for row in rows if not fields.get(row, set()) & set(headers)]
        headers = []
    return found


def read_stacked_headers(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Fill the cells of table 二 left unknown from blocks under stacked headers of several items'
    columns whose figures are exactly one per cell of those columns."""
    blanks = blank_places(records)
    if not any(
        open_cell(report, evidence, blanks, row, name) for row, cells in report.active.items() for name in cells
    ):
        return
    for rows, headers, figures in _stacks(template, records):
        names = set(headers)
        if any(t.value.kind not in (CellKind.NUMBER, CellKind.DASH) for t in figures):
            continue
        cells = [(row, f) for row in template.active_rows if row.key in rows for f in row.fields if f.key in names]
        if len(cells) != len(figures) or len({row.item for row, _ in cells}) < _MIN_HEADERS:
            continue
        for (row, f), token in zip(cells, figures, strict=True):
            if not open_cell(report, evidence, blanks, row.key, f.key):
                continue
            take_block_cell(
                report,
                evidence,
                row.key,
                f,
                token,
                "表二各项同一位置的栏目被印成一块（表头叠在一起，其后逐行的数字）：按模板的行序逐格读取",
                "table 二 prints the columns its items have at one place as one block (their headers "
                "stacked, then a figure per row): read in the template's row order",
            )
