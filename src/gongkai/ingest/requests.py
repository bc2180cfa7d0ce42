"""Table 三 (收到和处理政府信息公开申请情况): the cells of its printed rows (``request_rows``) read by the
arithmetic."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from functools import lru_cache

from gongkai.ingest.align import MAX_COST, readings
from gongkai.ingest.blank_gaps import gap_readings, spaced_table
from gongkai.ingest.blank_neighbours import doubt_beside_figureless, figureless_rows
from gongkai.ingest.broken_rows import broken_rows
from gongkai.ingest.cell_a_line import (
    cell_a_line_readings,
    cell_a_line_table,
    hyphens_dropped,
    labels_alone_are_zeros,
    without_hyphens,
)
from gongkai.ingest.column_order import Order
from gongkai.ingest.column_places import column_maps
from gongkai.ingest.document import TableBlock
from gongkai.ingest.evidence import Evidence, apply_choice, count_value, note_dashes
from gongkai.ingest.grid_tables import on_page_grids, shared_cells, weighed_by_prose, with_blank_rows
from gongkai.ingest.header_columns import agrees_with_rows, header_fractions
from gongkai.ingest.line_gaps import figure_a_line_table, line_gap_readings, lined_table
from gongkai.ingest.merged_other import merged_other
from gongkai.ingest.moved_figures import stray_figure_readings, tail_first_readings
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.padded import padded_readings, table_padding
from gongkai.ingest.pinned_cuts import pinned_choice, summed_where_pinned
from gongkai.ingest.placed import first_column_places
from gongkai.ingest.placed_wide import PlacedRow, placed_wide
from gongkai.ingest.placements import label_cell_shift, place_orphans, unconfirmed_placements
from gongkai.ingest.possible_counts import prefer_possible, request_cell
from gongkai.ingest.prose_places import placed_by_prose
from gongkai.ingest.records import Token
from gongkai.ingest.request_rows import Orphan, RequestRaw
from gongkai.ingest.request_zeros import blanks_vanished
from gongkai.ingest.row_reading import Accept, Reading, Slot, Value, slots_of, zero_reading
from gongkai.ingest.row_shapes import dashes_and_runs, nothing_printed, pipe_row, row_of_figures, run_of_row
from gongkai.ingest.run_cuts import unsummed_readings
from gongkai.ingest.stacked_cells import with_stacked_orders
from gongkai.ingest.table_choice import choose
from gongkai.ingest.text_order import order_fits, printed_readings
from gongkai.ingest.vocabulary import vocabulary
from gongkai.ingest.wrapped_row_tails import wrapped_tail_readings
from gongkai.report.equations import equations, requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Kind, RequestRow, Template


def _zeros_only(values: list[Token], n: int) -> list[Reading]:
    """The one reading of a row no reading fits that prints nothing but zeros, at least one for
    each column, some run together (``5.属于三类内部事务信息 00 00 00  0`` then ``0 0 0`` lines:
    pdftotext ran two rows of zeros into each other): every cut of it reads 0 in each column, the
    surplus zeros another row's. In doubt, as the cells were not all this row's; [] otherwise."""
    figures = [t for t in values if t.value.kind is not CellKind.BLANK]
    digits = "".join(t.value.digits for t in figures)
    if not figures or any(t.value.kind is not CellKind.NUMBER or t.value.amount != 0 for t in figures):
        return []
    if len(digits) < n or set(digits) != {"0"}:
        return []
    return [
        zero_reading(
            n,
            MAX_COST,
            f"the row prints nothing but zeros ({len(digits)} in {len(figures)} cells, some run together, "
            f"for {n} columns): read as 0, the surplus zeros another row's",
            f"该行只印有 0（{len(figures)} 个单元格中共 {len(digits)} 个 0，部分粘连，应为 {n} 列），"
            "按 0 计，多出的 0 属于其他行",
        )
    ]


@lru_cache(maxsize=256)
def _cell_paths(row: str, columns: int) -> tuple[str, ...]:
    return tuple(f"requests.{row}[{i}]" for i in range(columns))


def _gap_options(slots: list[Slot], n: int, groups: tuple[int, ...]) -> list[Reading]:
    """A row of a table whose blank cells left only spaces (``blank_gaps``): its readings where
    each space is a blank cell or more; [] where the row is not of that shape."""
    if tuple(groups) != (n,) or not slots or not all(s.value.digits for s in slots):
        return []
    if len(slots) > 1 and len({s.where.split(" part ")[0] for s in slots}) != 1:
        return []
    return gap_readings(slots, n)


_MAX_SHIFT = 3  # named rows a shift may move down
SHIFTED = (
    "label printed after its row's figures: figures taken from the row printed before the label "
    "(the table breaks fewer equations so)"
)


def _labels_after_figures(
    template: Template, raw: dict[str, RequestRaw], orphans: list[Orphan], tables: Sequence[TableBlock]
) -> dict[str, RequestRaw]:
    """``raw`` with the rows after an unnamed row of figures moved down one row, where a
    converter printed each label after its row's figures (markitdown, when a row's figures stand
    a little higher than its label's first line): the unnamed figures are the next named row's,
    each named row's figures the row after it, up to a template row that no label named. Taken
    only where the table then breaks fewer equations; each moved row is noted (``placed``)."""
    merged = {row.key: row for row in vocabulary().request_rows}
    ours = [merged[row.key] for row in template.request_rows]
    index_of = {row.key: i for i, row in enumerate(ours)}
    named = {merged[key].index: key for key in raw if key in merged}

    base: int | None = None  # the equations the table as labelled breaks

    def absent(key: str) -> bool:  # no label named it, or only a sentence did (no row of figures)
        return key not in raw or not row_of_figures(raw[key].values)

    for orphan in orphans:
        start = named.get(orphan.before)
        if start is None or start not in index_of or not pipe_row(orphan.values) or not pipe_row(raw[start].values):
            continue
        chain = [start]
        at = index_of[start] + 1
        while at < len(ours) and not absent(ours[at].key) and len(chain) < _MAX_SHIFT:
            if not pipe_row(raw[ours[at].key].values):
                break
            chain.append(ours[at].key)
            at += 1
        if at >= len(ours) or not absent(ours[at].key):
            continue  # no row the shift ends on
        shifted = dict(raw)
        how = SHIFTED
        values = orphan.values
        for key in [*chain, ours[at].key]:
            before = raw.get(key) if not absent(key) else None
            label = before.label if before is not None else raw[chain[-1]].label
            shifted[key] = RequestRaw(key, label, values, orphan.table, placed=how)
            values = before.values if before is not None else values
        if base is None:
            base = _broken(template, raw, tables)
        if base and _broken(template, shifted, tables) < base:
            return shifted
    return raw


def _broken(template: Template, raw: dict[str, RequestRaw], tables: Sequence[TableBlock]) -> int:
    """How many equations of table 三 the table read from ``raw`` breaks (unknown cells break
    none)."""
    scratch = Report.empty("", template.first_year, template, fill=None)
    read_requests(template, raw, scratch, Evidence(), None, tables)
    table: dict[Hashable, tuple[Value, ...]] = {key: tuple(values) for key, values in scratch.requests.items()}
    return requests_bound(template.id).broken(table)


def requests_padding(template: Template, raw: dict[str, RequestRaw]) -> int:
    """The digits table 三 pads its counts under 10 to (``07``, ``00``: ``padded.PAD``), 0 where
    it does not: its runs are then cut by that padding, and so are table 二's on the same page."""
    # table_padding answers 0 where no figure prints a leading zero: most tables, told without
    # building their rows' cells and groups.
    if not any(True for found in raw.values() for t in found.values if len(d := t.value.digits) > 1 and d[0] == "0"):
        return 0
    n = len(template.request_columns)
    bound = requests_bound(template.id)
    return table_padding(
        [
            (slots_of(found.values), bound.run_groups(key, n))
            for key, found in raw.items()
            if key in template.requests_by_key
        ]
    )


def read_requests(
    template: Template,
    raw: dict[str, RequestRaw],
    report: Report,
    evidence: Evidence,
    orphans: list[Orphan] | None = None,
    tables: Sequence[TableBlock] = (),
    stated: dict[tuple[str, int], int] | None = None,
    header_order: Order | None = None,
) -> None:
    """Table 三 of ``raw`` into ``report``; ``tables``: the document's tables (their pipe headers
    anchor the columns of page grids, ``page_grid``); ``stated``: cells the prose states
    (``stated.stated_columns``), which decide between page grids' readings the equations leave
    equal; ``header_order``: the order a text's header prints the applicant columns in, where not the
    template's (``text_order``): each row is cut by that order's sums."""
    n = len(template.request_columns)
    bound = requests_bound(template.id)  # the statutory equations of table 三, derived ones too
    if orphans:
        raw = _labels_after_figures(template, raw, orphans, tables)
        raw = dict(raw)
        place_orphans(template, raw, orphans)
    for found in raw.values():
        if found.placed:
            label = template.request_row(found.key).full_label if found.key in template.requests_by_key else found.key
            zh = (
                f"“{label}”行的标签未能识别（{found.label.text or '无标签'}），按其在表中的位置读入"
                if found.placed.startswith("no label")
                else f"“{label}”行的标签印在其数字之后，数字取自标签前的一行（表中勾稽关系据此更少不符）"
                if found.placed == SHIFTED
                else f"“{label}”行的标签印作“{found.label.text}”，按近似匹配读入"
            )
            evidence.doubt(f"requests.{found.key}", None, zh, f"row {label}: {found.placed}", found.label.where)
    options: dict[Hashable, list[Reading]] = {}
    blank_rows: list[str] = []  # rows whose label stood alone in a laid-out table: read as 0 last
    # Tables whose rows end in blank padding (a trailing tab after the last figure): there, a row
    # as long as the template with a blank last cell may be a short row plus that padding.
    padded = {
        found.table
        for found in raw.values()
        if len(found.values) > n
        and all(t.value.kind is CellKind.BLANK for t in found.values[n:])
        and found.values[n - 1].value.kind is not CellKind.BLANK
    }
    merged = merged_other(template, raw)
    # Each row's printed cells and whether any row is laid out or a pipe table's, once: the
    # readers of flowed text below each ask.
    printed_rows = [slots_of(found.values) for found in raw.values()]
    placed_x = any(True for found in raw.values() for t in found.values if t.x is not None)  # laid-out text
    celled = any(" cell " in t.where for found in raw.values() for t in found.values)  # a pipe table's rows
    flowed = not placed_x and not celled
    vanished = blanks_vanished(raw.values(), n) or (flowed and figure_a_line_table(printed_rows, n))
    spaced = vanished and not placed_x and spaced_table(printed_rows, n)
    # The same text of a table printing its zeros as ``-``, most of them dropped as hyphens: read as
    # one leaving its zeros blank (a cell a line), without the ``-`` left over.
    hyphenless = (
        [without_hyphens(found.values) for found in raw.values()]
        if not spaced and merged is None and flowed and hyphens_dropped([f.values for f in raw.values()], n)
        else None
    )
    # pdftotext default text of a table leaving zeros blank: the blank cells show as line breaks.
    lined = not spaced and hyphenless is None and merged is None and flowed and lined_table(printed_rows, n)
    # The same text of a table leaving every zero blank, 自然人 and 总计 too: a cell a line, no gap shows.
    one_a_line = (
        not spaced and not lined and merged is None and flowed and cell_a_line_table(hyphenless or printed_rows, n)
    )
    alone_zeros = one_a_line and labels_alone_are_zeros(hyphenless or printed_rows, n)
    one_a_line_cells = dict(zip(raw, hyphenless or printed_rows, strict=True))
    read_rows = [*template.request_rows, *([merged.row] if merged else [])]
    pad = requests_padding(template, raw)
    # Where each laid-out row's table prints its first column (a blank 自然人 cell shows there).
    laid_out = [key for key, found in raw.items() if any(t.x is not None for t in found.values)] if placed_x else []
    cells_of = dict(zip(raw, printed_rows, strict=True))
    laid_rows = [(list(cells_of[key]), [t.x for t in raw[key].values]) for key in laid_out]
    first_columns = dict(zip(laid_out, first_column_places(laid_rows, n), strict=True))
    # Where each laid-out row's table prints its columns, from its fuller rows on the same scale.
    maps = dict(zip(laid_out, column_maps(laid_rows, n), strict=True))
    # Where the header prints each column title, as a share of the table's width (a header in
    # smaller type than the figures prints its titles closer together, in the same proportions).
    fractions = header_fractions(tables, [c.labels for c in template.request_columns]) if laid_out else None
    if fractions is not None and not agrees_with_rows(fractions, laid_rows):
        fractions = None
    if header_order is not None and not order_fits(printed_rows, header_order, template):
        header_order = None  # the rows keep their sums in the template's order: the header was misread
    placed_rows: dict[Hashable, PlacedRow] = {}  # rows read by where their figures stand
    unfit: list[RequestRow] = []  # rows no reading fits: cut after the others where the table pins them
    unsummed: list[str] = []  # rows of one run no cut of its own sum read (too many, or none)
    stacked_open: list[str] = []  # rows with a stacked cell whose own sum leaves its order open
    for row in read_rows:
        printed_row = raw.get(row.key)
        if printed_row is None:
            if merged is None or row.key not in merged.parts:
                evidence.doubt(
                    f"requests.{row.key}",
                    None,
                    f"表三未找到“{row.full_label}”行",
                    f"table 三 has no row {row.full_label}",
                )
            continue
        found = printed_row
        # The row's own equation; the other template's single row is not in this template's.
        row_bound = requests_bound(merged.template_id) if merged is not None and row is merged.row else bound
        check = row_bound.row_check(row.key)
        slots = list(cells_of[row.key])  # a copy: the row's readers get a list of their own
        if header_order is not None and merged is None:
            # a text header stating another column order: the row is read in that order alone
            found_options = printed_readings(slots, header_order, template)
            if found_options:
                options[row.key] = found_options
            else:
                unfit.append(row)
            continue
        xs = [t.x for t in found.values]
        found_options = (
            (padded_readings(slots, n, row_bound.run_groups(row.key, n), pad) if pad else [])
            or (_gap_options(slots, n, row_bound.run_groups(row.key, n)) if spaced else [])
            or (line_gap_readings(slots, n) if lined else [])
            or (cell_a_line_readings(one_a_line_cells[row.key], n, alone_zeros) if one_a_line else [])
        )
        if not found_options and placed_x:
            # (no figure laid out: placed_readings has no place to go by and reads nothing)
            laid = PlacedRow(tuple(slots), tuple(xs), check, first_columns.get(row.key), maps.get(row.key, ()))
            found_options = laid.readings(n, fractions)
            if found_options:
                placed_rows[row.key] = laid
        found_options = found_options or (
            readings(
                slots,
                n,
                check,
                fixed_width=found.table not in padded,
                groups=row_bound.run_groups(row.key, n),
                vanished=vanished,
            )
        )
        if any(True for t in found.values if t.stacked):
            groups = row_bound.run_groups(row.key, n)
            fixed = found.table not in padded

            def read_order(
                order: list[Token], check: Accept = check, groups: Sequence[int] = groups, fixed: bool = fixed
            ) -> list[Reading]:
                slots = slots_of(order)
                return readings(slots, n, check, fixed_width=fixed, groups=groups, vanished=vanished)

            found_options, open_order = with_stacked_orders(found.values, found_options, read_order, check)
            if open_order:
                stacked_open.append(row.key)
        if not any(check(r.values) for r in found_options):
            found_options += stray_figure_readings(slots, n, check) + tail_first_readings(slots, n, check)
            # a row that keeps its sum as printed and joined (``１`` over ``６``: 1 … 1 or 16 … 16)
            # whose tails' line the record gave it: the joinings beside the drops, the table chooses
            found_options += wrapped_tail_readings(slots, n, check) if found_options else []
            if not celled and not vanished and dashes_and_runs(found.values, n):
                # A report whose row contradicts its own sum, its zeros dashes and its figures run
                # together between them: the cuts filling the row, for the column sums to weigh
                # (else only readings supposing cells not printed, which break more of them).
                found_options += unsummed_readings(slots, n)
        if not found_options:
            found_options = wrapped_tail_readings(slots, n, check)  # pdftotext: digits wrapped in narrow cells
        if not found_options and run_of_row(found.values) and len(found.values) == 1:
            found_options = unsummed_readings(slots, n)
            if found_options:
                unsummed.append(row.key)
        if not found_options and lined and nothing_printed(found.values):
            # A label alone in a table whose blank cells show as line breaks: a row of blank
            # cells, read as 0 in doubt; it takes part in the sums that place the other rows.
            options[row.key] = [
                zero_reading(
                    n,
                    n,
                    "the row prints its label and not one figure (a table leaving zeros blank); read as 0",
                    "该行只印出标签、未印出任何数字（以空白表示 0 的表格），按 0 计",
                )
            ]
            continue
        if not found_options:
            found_options = _zeros_only(found.values, n)
        if not found_options and (laid_out or celled or vanished) and not found.values:
            # A label on a line of its own in a table laid out a row a line: a row whose cells
            # are all blank (a Word table printing zeros as nothing). Read as 0, in doubt, after
            # the printed rows: a guess takes no part in the arithmetic that places their figures.
            blank_rows.append(row.key)
            continue
        if not found_options:
            unfit.append(row)
            continue
        options[row.key] = found_options
    failures: Callable[[dict[Hashable, tuple[Value, ...]]], int] = bound.broken
    if merged is not None:
        failures = merged.failures(failures, n)
    # The prose's cells weigh page grids' readings (pipe tables, below), and those of flowed
    # text's runs of digits (a crawler's 16131223: 16 or 1 the 自然人 cell), only where the
    # equations leave them tied.
    piped = any(table.piped for table in tables)
    if stated and flowed and not piped:
        options = weighed_by_prose(options, stated)
    grid_stated = stated if piped else None
    chosen = choose(options, failures, bound=bound if merged is None else None)
    if merged is None and placed_rows:
        widened = placed_wide(options, chosen, failures, bound, placed_rows, n, fractions)
        if widened is not None:
            options, chosen = widened
    if merged is None and vanished and blank_rows:
        chosen = with_blank_rows(options, chosen, failures, bound, blank_rows, n)
    if merged is None:
        gridded, own = on_page_grids(
            raw, options, chosen, failures, n, bound, template, tables, blank_rows, grid_stated
        )
        if not own and (gridded is chosen or shared_cells(raw, options)):
            gridded = label_cell_shift(raw, options, gridded, failures, n, bound, blank_rows)
        # else: the rows were placed under a header naming their columns, in their titles' cells,
        # or each on a grid of its own keeping every equation (``own``); the blank cells before
        # them are the grid's, not a label's.
        chosen = gridded
        chosen = prefer_possible(chosen, equations(template, derived=True), request_cell)
        if unsummed:
            chosen = summed_where_pinned(unsummed, raw, options, chosen, failures, bound, n)
        if grid_stated:
            # Lone figures whose column the grid leaves open: the prose's cell and the sums place them.
            placed = placed_by_prose(
                {key: found.values for key, found in raw.items()},
                chosen,
                [row.key for row in unfit],
                blank_rows,
                failures,
                bound,
                n,
                grid_stated,
            )
            chosen.update(placed)
            unfit = [row for row in unfit if row.key not in placed]
    for row in unfit:
        found = raw[row.key]
        cut_here = merged is None and header_order is None  # pinned cuts are in the template's order
        pinned = pinned_choice(row.key, found.values, chosen, bound, n) if cut_here else None
        if pinned is not None:
            chosen[row.key] = pinned
            continue
        printed = " ".join(t.text.strip() or "□" for t in found.values)
        evidence.doubt(
            f"requests.{row.key}",
            None,
            f"“{row.full_label}”行印有 {len(found.values)} 个单元格（{printed}），无法对应 {n} 列",
            f"row {row.key} prints {len(found.values)} cells ({printed}); no reading fits {n} columns",
            found.label.where,
        )
    if merged is not None:
        merged.read(chosen.get(merged.row.key), raw, report, evidence)
    for row in template.request_rows:
        choice = chosen.get(row.key)
        if choice is None:
            continue
        found = raw[row.key]
        values = apply_choice(choice, f"requests.{row.key}", row.full_label, found.label.where, evidence)
        report.requests[row.key] = [
            v
            if type(v) is int and v >= 0
            else count_value(v, Kind.COUNT, f"requests.{row.key}[{i}]", evidence, choice.reading.wheres[i])
            for i, v in enumerate(values)
        ]
        paths = _cell_paths(row.key, n)
        for i, where in enumerate(choice.reading.wheres):
            if where:
                evidence.provenance[paths[i]] = where
        note_dashes(found.values, f"requests.{row.key}", evidence)
        if found.beside:
            evidence.doubt_more(
                f"requests.{row.key}",
                f"数值单独成行，印在本行与“{found.beside}”行的标签之间，另一行只印有空白单元格：数值属于哪一行存疑",
                f"the figures stood on a line of their own between this row's label and row {found.beside}'s, "
                "the other printed with blank cells only: which row they belong to is in doubt",
                found.label.where,
            )
        if found.stacked:
            evidence.doubt_more(
                f"requests.{row.key}",
                f"“{row.full_label}”的数值前还印有另一行的标签“{found.stacked}”，数值属于哪一行存疑",
                f"another row's label ({found.stacked}) stands between {row.key}'s label and its "
                "figures: which row they belong to is in doubt",
                found.label.where,
            )
    for key in blank_rows:
        report.requests[key] = [0] * n
        evidence.doubt(
            f"requests.{key}",
            [0] * n,
            "该行只印出标签、未印出任何数字（以空白表示 0 的表格），按 0 计",
            "the row prints its label and not one figure (a table leaving zeros blank); read as 0",
            raw[key].label.where,
        )
    for key in stacked_open:
        evidence.doubt_more(
            f"requests.{key}",
            "转换器把折行的数字与相邻列的数字并入同一单元格，其先后次序本行合计无法确定",
            "a converter set a wrapped figure in one cell with the next column's figure; the row's "
            "own sum cannot tell their order",
            raw[key].label.where,
        )
    # a row read as 0 for want of a figure: its neighbour's figures between their labels may be its
    doubt_beside_figureless(template, raw, figureless_rows(chosen, blank_rows), report, evidence)
    read = {key: values for key, values in report.requests.items() if key in chosen}
    for key in unconfirmed_placements(template, read, raw, chosen):
        evidence.doubt_more(
            f"requests.{key}",
            "本行的数字按空白单元格的位置对应各列，表中勾稽关系无法印证其列位",
            "the row's figures were placed in columns by its blank cells (or cells not "
            "printed), and the table's column sums cannot confirm the placement",
            raw[key].label.where,
        )
    for key, broke in broken_rows(template, read).items():
        shown = "；".join(dict.fromkeys(broke))
        evidence.doubt_more(
            f"requests.{key}",
            f"表三勾稽关系不成立（{shown}）：本行读数或原表有误",
            "table 三 breaks its arithmetic here: the row's figures as read, or the report, are wrong",
            raw[key].label.where,
        )
