"""Table 三's zero cells printed as dashes that ``pdftotext`` (default mode) swallowed.

``pdftotext`` without ``-layout`` joins a line ending in a hyphen to the next line of its block
(hyphenation: ``exam-`` + ``ple``): a zero printed as ``-`` at the end of a line, or on a line of
its own, vanishes into the next line's first word. In a page of flex rows (``lead_tails``: each
row's label printed with its 自然人 cell, the row's other cells after the page's last row) a row
whose 自然人 cell is such a dash prints its label and no figure (``1.属于国家 公开`` / ``秘密``: the
dash gone into ``公开``), and the first row's leading cells (printed before its label) may lose one
dash (``540`` / ``-`` / ``143``: the dash gone into ``143``).

Where so (the table prints its zeros as dashes: some dash survives), the rows whose labels began in
a record without a figure of their own are given back their 0 as a figure of their own, by the
rows' numbering marks (``1.`` … ``8.`` always a row; ``一、`` / ``（一）`` … a row where the template's
row of no group begins there); a swallowed dash among the first row's leading cells is tried at
each place. Each candidate is only a candidate: ``lead_tails`` takes one only where the counts fit
its layout and every row adds up (``report.equations``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.records import Record, Token
from gongkai.report.templates import Template

_NUMBERED = re.compile(r"(?<![0-9０-９.．])[0-9０-９]{1,2}[.．](?![0-9０-９])")
_HEADED = re.compile(r"[一二三四五六七八九十]、|[（(][一二三四五六七八九十][)）]")
_MAX_FIRST = 8  # the first row's leading cells a swallowed dash is tried among (a row of table 三)
_DASH = parse_cell("-")


def row_heads(template: Template) -> frozenset[str]:
    """The first four characters of the labels of table 三's rows that belong to no group (new,
    carried over, granted, …, total): a 一、 / （一） mark before them begins a row, before a group's
    name (（三）不予公开, 三、本年度办理结果) it does not."""
    out: set[str] = set()
    for row in template.request_rows:
        if not getattr(row, "group", ""):
            out.update(label.replace(" ", "")[:4] for label in row.labels if label)
    return frozenset(out)


def row_starts(text: str, heads: frozenset[str]) -> int:
    """How many rows of table 三 begin in a record's label text (spaces taken out)."""
    numbered = len(_NUMBERED.findall(text))
    headed = sum(1 for found in _HEADED.finditer(text) if text.startswith(tuple(heads), found.end()))
    return numbered + headed


def prints_dashes(records: list[Record]) -> bool:
    """Whether the table prints its zeros as dashes (a dash survives among its figures)."""
    return any(t.value.kind is CellKind.DASH for record in records for t in record.values)


def zero_at(near: Token) -> Token:
    """A 0 printed as a dash that ``pdftotext`` swallowed, placed where the figure after it stands."""
    return replace(near, text="-", value=_DASH, x=None)


def restored_groups(
    template: Template, records: list[Record], figures_of: Callable[[Record], list[Token] | None]
) -> list[list[Token]] | None:
    """The records' groups of figures (``figures_of`` a record's counts, None where one is no
    count) with a 0 given back, as a group of its own, to each row whose label began without a
    figure; None where a record holds no counts or nothing was restored."""
    heads = row_heads(template)
    groups: list[list[Token]] = []
    pending = 0
    restored = False
    leading = False  # the first row's leading cells came before its label
    for record in records:
        figures = figures_of(record)
        if figures is None:
            return None
        text = "".join(t.text for t in record.labels).replace(" ", "")
        starts = row_starts(text, heads)
        if leading and starts:
            starts -= 1  # the row whose cells came first
            leading = False
        pending += starts
        if not figures:
            continue
        if not groups and pending == 0 and len(figures) > 1:
            leading = True
        if pending > 1:
            groups.extend([zero_at(figures[0])] for _ in range(pending - 1))
            restored = True
        pending = 0
        groups.append(figures)
    return groups if restored else None


def first_row_dashes(groups: list[list[Token]], width: int) -> list[list[list[Token]]]:
    """The groups again with a 0 put back at each place among the first row's leading cells (a dash
    swallowed by the figure after it), where those cells are fewer than the row's."""
    first = groups[0] if groups else []
    if not 1 < len(first) < width - 1 or len(first) > _MAX_FIRST:
        return []
    out = []
    for at in range(len(first)):
        out.append([[*first[:at], zero_at(first[at]), *first[at:]], *groups[1:]])
    return out
