"""A one-row item of table 二 whose figures follow its 第二十条 mark, its row label printed apart
(``pdftotext`` default mode, a Word print broken across pages).

A Word table 二 broken by a page inside 第二十条第（八）项's header comes out of ``pdftotext``'s
default mode with the header's first line before the item marks (``上一年项目数``), the mark, then
on the next page the header's last character and the row's figures (``量`` / ``9`` / ``-16``), and
the row's label (行政事业性收费) only after the next item's rows. The reading by labels finds no
figure beside that label and reads the row 0.

Gated: the record right after the item's mark names nothing (a fragment of at most
``_FRAGMENT`` characters, no row and no column title) and holds exactly as many figures as the
item's one row has columns, all plain numbers; the row read 0 from no figure printed
(``header_blocks.open_cell``). The figures are read in the template's column order (the order the
header prints them), each named in ``uncertain``.
"""

from __future__ import annotations

from itertools import pairwise

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.header_blocks import blank_places, open_cell, take_block_cell
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, cached_bare, cached_key
from gongkai.ingest.vocabulary import ITEM_MARK, field_of, vocabulary
from gongkai.report.labels import label_key
from gongkai.report.model import Report
from gongkai.report.templates import Template

_FRAGMENT = 2  # characters of a wrapped header's tail (量, 数量)


def read_item_figures(template: Template, records: list[Record], report: Report, evidence: Evidence) -> None:
    """Fill a one-row item's row, read 0 from no figure, from the figures right after its mark;
    ``records``: the records of table 二, in order."""
    items = {label_key(item): item for item in template.active_items}
    rows_named = vocabulary().active_rows
    for before, record in pairwise(records):
        if not before.labels:
            continue
        mark = cached_key(before.labels[0].text)
        item = next(
            (it for k, it in items.items() if ITEM_MARK in mark and (k in mark or mark in k)),
            None,
        )
        rows = [row for row in template.active_rows if row.item == item]
        if item is None or len(rows) != 1:
            continue
        row = rows[0]
        texts = [cached_bare(t.text) for t in record.labels]
        if not texts or any(
            len(t) > _FRAGMENT or t in rows_named or field_of(cached_key(t)) is not None for t in texts
        ):
            continue
        figures = [t for t in record.values if t.value.kind is not CellKind.BLANK]
        if len(figures) != len(row.fields) or any(t.value.kind is not CellKind.NUMBER for t in figures):
            continue
        cell = f"active.{row.key}"
        blanks = blank_places(records)
        if any(v != 0 for v in report.active[row.key].values()) or not all(
            open_cell(report, evidence, blanks, row.key, f.key) for f in row.fields
        ):
            continue  # read from a printed figure: not this case
        # the notes on the reading as zeros (no figure beside the label) go with it
        zeros = [0] * len(row.fields)
        evidence.uncertain[:] = [u for u in evidence.uncertain if not (u.cell == cell and u.value == zeros)]
        for f, token in zip(row.fields, figures, strict=True):
            take_block_cell(
                report,
                evidence,
                row.key,
                f,
                token,
                f"“{row.label}”行的标签另印别处，其数字紧随本项标题（{before.labels[0].text}）之后：按栏目顺序读入",
                f"row {row.label}'s label is printed apart; its figures follow its item's mark "
                f"({before.labels[0].text}): read in its columns' order",
            )
