"""Table 四 leaving its zeros blank, set as pipe tables of its own by a PDF converter (markitdown).

A converter that rebuilds the table from a PDF page may give each part a table of its own
(行政复议's five columns, then 行政诉讼's ten) whose cells are not the statutory columns: spare
blank cells between titles, two titles in one cell (``总计 结果维持``), and blank cells for the
zeros. No row then holds fifteen cells, and the readers by cell count find nothing. Under one
header row, a data row of as many cells is the same grid: each figure stands under its title's
cell, a cell under titles holding no figure is their 0s (the table leaves zeros blank), and a
cell holding as many figures as it names titles holds them in order. A group is taken only
where every cell of it is placed so and it adds up to its 总计; a header and a row of other
widths (two tables, their grids unrelated) decide nothing.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Callable, Sequence

from gongkai.ingest.evidence import Evidence
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.records import Record, Token, cached_key
from gongkai.ingest.vocabulary import vocabulary
from gongkai.report.equations import appeals_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

_CELL = re.compile(r"line (\d+) cell (\d+)(?: number \d+)?$")

# The names a header cell prints (``appeals._header_names``: (name, whether a group)).
Names = Callable[[str], Sequence[tuple[str, bool]]]


def _place(token: Token) -> tuple[int, int] | None:
    """The pipe line and cell a token stands in."""
    match = _CELL.match(token.where)
    return (int(match.group(1)), int(match.group(2))) if match else None


def _titles(pieces: list[tuple[int, int, str]], labels: dict[str, str]) -> list[str] | None:
    """The fields one header cell names, in printed order (``pieces``: (line, index, text) of its
    words): a title wrapped over lines (结果维 / 持) joined back, a word that is a title alone (总计
    set between a wrapped title's lines) kept apart; None where words are left that name nothing.
    ``labels``: title key → field."""
    open_: list[tuple[tuple[int, int], str]] = []  # titles begun, not finished: where, text so far
    done: list[tuple[tuple[int, int], str]] = []
    for line, index, text in pieces:
        key = cached_key(text)
        for i, (start, begun) in enumerate(open_):
            if any(label.startswith(begun + key) for label in labels):
                open_[i] = (start, begun + key)
                break
        else:
            open_.append(((line, index), key))
        for i, (start, begun) in enumerate(open_):
            if begun in labels and not any(label.startswith(begun) and label != begun for label in labels):
                done.append((start, labels[begun]))
                del open_[i]
                break
    if any(begun not in labels for _, begun in open_):
        return None
    done += [(start, labels[begun]) for start, begun in open_]
    return [field for _, field in sorted(done)]


def _header(record: Record, labels: dict[str, str]) -> tuple[dict[int, tuple[list[str], bool]], int] | None:
    """Each cell of the header rows of ``record`` (consecutive pipe lines): the fields it names
    in printed order and whether they stand on more than one line (stacked: their order in the
    cell not told); and the last line of the header. None where a label is no pipe cell's."""
    places = [_place(t) for t in record.labels]
    if not places or any(p is None for p in places):
        return None
    words: dict[int, list[tuple[int, int, str]]] = {}
    for token, place in zip(record.labels, places, strict=True):
        if place is not None:
            got = words.setdefault(place[1], [])
            got += [(place[0], len(got) + i, word) for i, word in enumerate(token.text.split())]
    lines = sorted({p[0] for p in places if p})
    if lines[-1] - lines[0] >= 2 * len(lines):
        return None  # header lines far apart: not one header
    cells: dict[int, tuple[list[str], bool]] = {}
    for cell, pieces in words.items():
        titles = _titles(sorted(pieces), labels)
        if titles is None:
            return None
        cells[cell] = (titles, len({line for line, _, _ in pieces}) > 1 and len(titles) > 1)
    return cells, lines[-1]


def _width(tokens: Sequence[Token], line: int) -> int:
    """How many cells the pipe line prints (its last cell among ``tokens``)."""
    return max((p[1] for t in tokens if (p := _place(t)) and p[0] == line), default=0)


# A cell's reading: the value of each of its titles, in order.
_Placing = tuple[int, ...]


def _placings(count: int, figures: list[int], stacked: bool) -> list[_Placing]:
    """The ways ``figures`` fill a cell of ``count`` titles, the others blank (0): in printed
    order, or in any order where the titles are stacked."""
    if len(figures) > count:
        return []
    slots = (
        itertools.permutations(range(count), len(figures))
        if stacked
        else itertools.combinations(range(count), len(figures))
    )
    out = []
    for chosen in slots:
        values = [0] * count
        for slot, figure in zip(chosen, figures, strict=True):
            values[slot] = figure
        out.append(tuple(values))
    return list(dict.fromkeys(out))


def _read_row(record: Record, labels: dict[str, str]) -> tuple[list[str], list[list[_Placing]], str] | None:
    """The titles of the header rows of ``record`` in printed order, each cell's placings of the
    data row under them, and where that row is; None where the row is not on the header's grid."""
    header = _header(record, labels)
    if header is None or not record.values:
        return None
    cells, last = header
    data_places = [_place(t) for t in record.values]
    if any(p is None for p in data_places):
        return None
    data_lines = {p[0] for p in data_places if p and p[0] > last}
    # A line of blank cells only after a row of figures (a spacer row of the grid between two
    # half-tables stacked in one table, pymupdf4llm) is no second row; a row all blank alone is
    # the row (a group of zeros left blank).
    filled = {
        p[0]
        for t, p in zip(record.values, data_places, strict=True)
        if p and p[0] > last and t.value.kind is not CellKind.BLANK
    }
    if len(filled) == 1 and min(data_lines) in filled:
        data_lines = filled
    if len(data_lines) != 1:
        return None
    data = data_lines.pop()
    width = _width(record.values, data)
    header_width = max([*cells, *(p[1] for p in data_places if p and p[0] <= last)])
    if width != header_width:
        return None  # a header and a row of other widths: two grids
    figures: dict[int, list[int]] = {}
    for token, place in zip(record.values, data_places, strict=True):
        if place and place[0] == data:
            amount = token.value.amount
            if token.value.kind is CellKind.NUMBER and isinstance(amount, int):
                figures.setdefault(place[1], []).append(amount)
            elif token.value.kind is not CellKind.BLANK:
                return None
    titles: list[str] = []
    placings: list[list[_Placing]] = []
    for cell in range(1, width + 1):
        names, stacked = cells.get(cell, ([], False))
        found = _placings(len(names), figures.get(cell, []), stacked)
        if not found:
            return None  # a figure under no title, or more figures than titles
        if names:
            titles += names
            placings.append(found)
    return titles, placings, f"line {data}"


def read_by_header_cells(
    template: Template, records: list[Record], report: Report, evidence: Evidence, names: Names
) -> list[str]:
    """Table 四's groups read by header cells (above) into ``report``; the groups taken."""
    groups = [g.key for g in template.appeal_groups]
    fields = [f.key for f in template.appeal_fields]
    width = len(fields)
    labels = vocabulary().appeal_fields
    # Where the 行政诉讼 groups are named (未经复议直接起诉, 复议后起诉): the rows after are theirs.
    named = [
        (i, name)
        for i, record in enumerate(records)
        for token in record.labels
        for name, is_group in names(cached_key(token.text))
        if is_group and name in groups[1:]
    ]
    if [name for _, name in named][:2] not in ([], groups[1:]):
        return []  # printed in another order than the statute's: nothing tells which is which
    suits = min((i for i, _ in named), default=None)
    taken: list[str] = []
    bound = appeals_bound(template.id, tuple(groups), tuple(fields), False)
    for i, record in enumerate(records):
        row = _read_row(record, labels)
        if row is None:
            continue
        titles, placings, where = row
        if len(titles) == 2 * width:
            order = groups[1:]  # ten titles: 行政诉讼's two groups, in the statute's order
        elif len(titles) == width and suits is not None and i < suits:
            order = groups[:1]  # five titles before 行政诉讼: 行政复议
        else:
            continue
        # The n-th title of a name is the n-th group's (a cell may hold one group's 总计 and the
        # next group's 结果维持, stacked).
        seen: dict[str, int] = {}
        slots: list[tuple[str, str]] = []
        for title in titles:
            slots.append((order[min(seen.get(title, 0), len(order) - 1)], title))
            seen[title] = seen.get(title, 0) + 1
        if any(count != len(order) for count in seen.values()) or len(seen) != width:
            continue
        tables = _tables(placings)
        if tables is None:
            continue
        for group in order:
            if _take(group, fields, slots, tables, bound.row_check(group), report, evidence, where):
                taken.append(group)
    return taken


_MAX_TABLES = 256  # readings of a row tried (cells holding lone figures under several titles)


def _tables(placings: list[list[_Placing]]) -> list[tuple[int, ...]] | None:
    """Every reading of the row: the cells' placings one after another; None where too many."""
    count = 1
    for found in placings:
        count *= len(found)
    if count > _MAX_TABLES:
        return None
    return [tuple(v for placing in combo for v in placing) for combo in itertools.product(*placings)]


def _take(
    group: str,
    fields: list[str],
    slots: list[tuple[str, str]],
    tables: list[tuple[int, ...]],
    check: Callable[[Sequence[int | None]], bool],
    report: Report,
    evidence: Evidence,
    where: str,
) -> bool:
    """``group`` read from the row's readings (``tables``, values in ``slots`` order) that add up:
    the cells they agree on, the others unknown with the readings as alternatives; False where
    none adds up."""
    index = {field: slots.index((group, field)) for field in fields}
    rows = list(dict.fromkeys(tuple(table[index[key]] for key in fields) for table in tables))
    whole = [row for row in rows if check(row)]
    if not whole:
        return False
    values: list[int | None] = [
        row_values[0] if len(set(row_values)) == 1 else None for row_values in zip(*whole, strict=True)
    ]
    for key, value in zip(fields, values, strict=True):
        report.appeals[group][key] = value
        evidence.provenance[f"appeals.{group}.{key}"] = where
    zh = "表四分成几个表格、以空白表示 0：各数字按其上方表头单元格对应各列，空白单元格按 0 计"
    en = (
        "table 四 set as tables of its own, leaving zeros blank: each figure read under the header cell "
        "above it, blank cells as 0"
    )
    if None in values:
        zh += "；一个单元格跨几列而数字少于列数，勾稽关系无法确定其所在列，记为未知"
        en += (
            "; a cell spanning columns holds fewer figures than it has columns, and the sums cannot "
            "tell which: left unknown"
        )
    evidence.doubt(f"appeals.{group}", values, zh, en, where)
    if None in values:
        evidence.alternatives(whole)
    return True


def read_whole_by_header_cells(
    template: Template, records: list[Record], report: Report, evidence: Evidence, names: Names
) -> bool:
    """Every group of table 四 read by header cells (above) into ``report``, or nothing: for a
    grid whose half-tables stand stacked in one table with spare blank cells between titles (the
    cells no column of fifteen), where the reading by cell count breaks the group sums."""
    scratch_report = copy.copy(report)
    scratch_report.appeals = {group: dict(cells) for group, cells in report.appeals.items()}
    scratch = Evidence()
    taken = read_by_header_cells(template, records, scratch_report, scratch, names)
    if sorted(taken) != sorted(g.key for g in template.appeal_groups):
        return False
    report.appeals = scratch_report.appeals
    evidence.provenance.update(scratch.provenance)
    evidence.uncertain.extend(scratch.uncertain)
    return True
