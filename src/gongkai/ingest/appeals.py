"""Table 四 (政府信息公开行政复议、行政诉讼情况): fifteen cells in one row, or a row per group."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import lru_cache

from gongkai.ingest.align import readings
from gongkai.ingest.appeal_cells import read_by_header_cells, read_whole_by_header_cells
from gongkai.ingest.appeal_columns import column_block_slots
from gongkai.ingest.appeal_prior import cut_run, likeliest, likeliest_taken
from gongkai.ingest.appeal_tables import split_table, stacked_cells, table_by_table
from gongkai.ingest.evidence import Evidence, apply_choice, count_value, note_dashes
from gongkai.ingest.moved_figures import stray_figure_readings
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.padded import padded_readings, table_padding
from gongkai.ingest.possible_counts import appeal_cell, prefer_possible
from gongkai.ingest.records import Record, cached_key
from gongkai.ingest.row_reading import Reading, Slot, Value
from gongkai.ingest.run_cuts import broken_group_readings, runs_before_blanks
from gongkai.ingest.separated_runs import separated_readings
from gongkai.ingest.stated import STATED_TOTALS, agrees
from gongkai.ingest.table_choice import choose
from gongkai.ingest.vocabulary import vocabulary
from gongkai.ingest.wrapped_figures import wrapped_figure_readings
from gongkai.report.equations import appeals_bound, equations
from gongkai.report.model import Report
from gongkai.report.templates import Kind, Template


@lru_cache(maxsize=4096)
def _header_names(key: str) -> tuple[tuple[str, bool], ...]:
    """The groups and fields of table 四 named inside one label (its key), in printed order, a
    longer name first where two start together: (name, whether a group); cached, labels repeat."""
    vocab = vocabulary()
    found = sorted(
        [(key.find(label), len(label), group, True) for label, group in vocab.appeal_groups.items() if label in key]
        + [(key.find(label), len(label), name, False) for label, name in vocab.appeal_fields.items() if label in key],
        key=lambda hit: (hit[0], -hit[1]),
    )
    return tuple((name, is_group) for _, _, name, is_group in found)


def read_appeals(
    template: Template, records: list[Record], report: Report, evidence: Evidence, stated: dict[str, int] | None = None
) -> None:
    """Table 四 into ``report``; ``stated``: totals the prose states (``stated.stated_figures``),
    which break ties the group sums leave open."""
    group_order: list[str] = []
    field_order: list[str] = []
    per_group: dict[str, Record] = {}
    per_field: dict[str, Record] = {}
    field_rows: dict[str, int] = {}  # records led by each result's label (结果维持 …)
    biggest: Record | None = None
    header: Record | None = None  # the record printing table 四's whole header, its figures after it
    for record in records:
        last_group: str | None = None
        last_field: str | None = None
        for token in record.labels:
            # Header cells may run together (行政复议行政诉讼): find every label inside the cell.
            for name, is_group in _header_names(cached_key(token.text)):
                if is_group:
                    last_group, last_field = name, None
                    if name not in group_order:
                        group_order.append(name)
                else:
                    last_group, last_field = None, name
                    if name not in field_order:
                        field_order.append(name)
        # A run of digits counts as the cells it may hold (a crawler's ``1,540 4633084622774``:
        # a group's five cells in two tokens).
        numbers = sum(max(1, len(t.value.digits)) for t in record.values if t.value.kind is not CellKind.BLANK)
        if last_group is not None and numbers >= 3:
            per_group[last_group] = record
        if last_field is not None and record.values:
            per_field.setdefault(last_field, record)
            field_rows[last_field] = field_rows.get(last_field, 0) + 1
        if biggest is None or len(record.values) > len(biggest.values):
            biggest = record
        if header is None and _whole_header(record, len(template.appeal_groups), len(template.appeal_fields)):
            header = record
    groups = [g.key for g in template.appeal_groups]
    fields = [f.key for f in template.appeal_fields]
    if header is not None and biggest is not header and _cells_held(biggest) < len(groups) * len(fields):
        # Run-on text (a crawler's) goes on past table 四 into prose or a table of its own (表5
        # 主要指标与上年对比, rows of two or three figures): those rows hold more tokens than the
        # header's one run of every cell, never every cell.
        biggest = header
    # Groups are read in the template's order even where the headers print in another: text
    # extraction reorders headers (pdftotext printing 复议后起诉 before 未经复议直接起诉 when the
    # second sits higher on the page), the statutory table does not, and swapping whole groups
    # keeps every sum, so nothing in the figures tells. The printed order stays a doubt.
    printed_groups = group_order if sorted(group_order) == sorted(groups) else groups
    if sorted(field_order) == sorted(fields) and not _order_refuted(
        template, groups, field_order, fields, per_group, biggest
    ):
        fields = field_order
    _doubt_order(template, printed_groups, fields, evidence)
    width = len(fields)

    def cells_of(table: dict[Hashable, tuple[Value, ...]]) -> dict[tuple[str, str | int], Value]:
        """Each group's cells as this reading has them, by (group, field)."""
        found: dict[tuple[str, str | int], Value] = {}
        for part, values in table.items():
            names = groups if part == "all" else [str(part)]
            for g, group in enumerate(names):
                if (g + 1) * width <= len(values):
                    found.update({(group, key): values[g * width + i] for i, key in enumerate(fields)})
        return found

    def prose_misses(table: dict[Hashable, tuple[Value, ...]]) -> int:
        """How many totals the prose states this reading contradicts (a tie-breaker only)."""
        if not stated:
            return 0
        got = cells_of(table)
        return sum(
            1
            for place, said in stated.items()
            if place in STATED_TOTALS
            and agrees(STATED_TOTALS[place], said, lambda cell: got.get((cell.row, cell.column))) is False
        )

    # A result's label leading two rows or more: a list of a row per group and result (项目 ·
    # 数量), its group labels set beside other rows, not the table turned over.
    listed = any(count > 1 for count in field_rows.values())
    if len(per_group) < len(groups) and not listed and _transposed(groups, per_field, report, evidence):
        return
    options: dict[Hashable, list[Reading]] = {}
    label_where: dict[Hashable, str] = {}
    # The statutory equations of table 四 (each group adds up to its total), over the table as
    # this reader keeps it: a row per group, or the fifteen cells in one row.
    flat = len(per_group) != len(groups)
    bound = appeals_bound(template.id, tuple(groups), tuple(fields), flat)
    per_group_bound = appeals_bound(template.id, tuple(groups), tuple(fields), False)  # one group at a time
    if not flat:
        rows = {group: _figures_only(per_group[group].slots(), width, bound.row_check(group)) for group in groups}
        # Counts under 10 printed with a leading zero (07): the runs cut by that padding.
        pad = table_padding([(rows[group], bound.run_groups(group, width)) for group in groups])
        for group in groups:
            record = per_group[group]
            options[group] = (
                (padded_readings(rows[group], width, bound.run_groups(group, width), pad) if pad else [])
                or readings(
                    rows[group],
                    width,
                    bound.row_check(group),
                    fixed_width=True,
                    groups=bound.run_groups(group, width),
                )
                # No cut of the group's run adds up (行政复议972524: 9 7 2 5 24, its total a
                # misprint): every cut, for the prose's total or ties to decide, with a doubt.
                or broken_group_readings(rows[group], width, (width,))
            )
            if not any(bound.row_check(group)(r.values) for r in options[group]):
                # A run printing thousands separators whose group does not add up (行政复议
                # 1,5404633084622,774): the separators cut it where the arithmetic cannot.
                options[group] = separated_readings(record.values, width) or options[group]
            label_where[group] = record.labels[-1].where
    elif biggest is not None and biggest.values:
        stacked = stacked_cells(records, groups, width)
        biggest, tables = (stacked, []) if stacked else split_table(records, biggest, width * len(groups), width)
        cells = width * len(groups)
        row = _figures_only(biggest.slots(), cells, bound.row_check("all"))
        row = runs_before_blanks(row, cells, bound.run_groups("all", cells))
        pad = table_padding([(row, bound.run_groups("all", cells))])
        # Fifteen cells for fifteen columns are read as printed, blank cells included.
        options["all"] = (padded_readings(row, cells, bound.run_groups("all", cells), pad) if pad else []) or readings(
            row,
            cells,
            bound.row_check("all"),
            fixed_width=True,
            groups=bound.run_groups("all", cells),
        )
        if tables and not any(bound.row_check("all")(r.values) for r in options["all"]):
            options["all"] = table_by_table(tables, width, per_group_bound.row_check)
        if not any(bound.row_check("all")(r.values) for r in options["all"]):
            options["all"] += _column_block_readings(records, groups, width, per_group_bound.row_check)
        if not any(bound.row_check("all")(r.values) for r in options["all"]):
            options["all"] += stray_figure_readings(biggest.slots(), width * len(groups), bound.row_check("all"))
        if not any(bound.row_check("all")(r.values) for r in options["all"]):
            options["all"] += wrapped_figure_readings(biggest.slots(), width * len(groups), bound.row_check("all"))
        if not options["all"] and bound.run_groups("all", cells):
            # No cut of the one run makes every group add up (a total misprinted, or counting
            # cases carried over: 59 25 16 24 under 125): the cuts where the other groups do, for
            # the prose's totals or ties to decide, with a doubt (as a row per group does).
            options["all"] = broken_group_readings(row, cells, bound.run_groups("all", cells))
        label_where["all"] = biggest.values[0].where
    elif stated and stated.get("appeals.review") == 0 and stated.get("appeals.litigation") == 0:
        # Not one figure of the table in the text (a table leaving its zeros blank under its
        # header, or set as a picture), and the prose says there was no case at all: each group's
        # total is 0, so is every part of it; a reading the table cannot confirm.
        for group in groups:
            for key in fields:
                report.appeals[group][key] = 0
        if sorted(group_order) == sorted(groups):
            zh = "表四只印出表头、未印出任何数字，正文称行政复议、行政诉讼均为 0 件，按 0 计"
            en = "table 四 prints its header and not one figure; the text states no review and no suit: read as 0"
        else:
            zh = "文本中没有表四（或为图片），正文称行政复议、行政诉讼均为 0 件，按 0 计"
            en = "table 四 is not in the text (or is a picture); the text states no review and no suit: read as 0"
        evidence.doubt("appeals", 0, zh, en)
        return
    else:
        evidence.doubt("appeals", None, "未找到表四的数值", "table 四: no values found")
        return
    options = {k: v for k, v in options.items() if v}
    sources = [biggest] if "all" in options else [per_group[str(part)] for part in options]
    note_dashes([t for record in sources if record is not None for t in record.values], "appeals", evidence)

    def failures(table: dict[Hashable, tuple[Value, ...]]) -> int:
        # A broken group sum outweighs any number of disagreements with the prose.
        return 100 * bound.broken(table) + prose_misses(table)

    chosen = choose(options, failures)
    if (
        "all" in chosen
        and bound.broken({"all": chosen["all"].reading.values})
        and read_whole_by_header_cells(template, records, report, evidence, _header_names)
    ):
        return  # half-tables stacked in one grid, spare cells between titles: read by header cells
    chosen = prefer_possible(chosen, equations(template), appeal_cell(groups, fields, "all" in options))
    for part, choice in chosen.items():
        path = "appeals" if part == "all" else f"appeals.{part}"
        values = apply_choice(choice, path, "表四", label_where[part], evidence)
        if cut_run(choice) and (liked := likeliest(choice.alternatives, fields)) is not None:
            # Cuts of a run that all add up: the likeliest taken, the others listed (above).
            values = likeliest_taken(evidence, path, liked)
        part_groups = groups if part == "all" else [str(part)]
        for g, group in enumerate(part_groups):
            for i, key in enumerate(fields):
                index = g * width + i
                path = f"appeals.{group}.{key}"
                where = choice.reading.wheres[index]
                report.appeals[group][key] = count_value(values[index], Kind.COUNT, path, evidence, where)
                if where:
                    evidence.provenance[path] = where
            group_values = tuple(values[g * width : (g + 1) * width])
            blanks = any(not figure for figure in choice.reading.wheres) or any(
                t.value.kind is CellKind.BLANK for record in sources if record is not None for t in record.values
            )
            if blanks and not per_group_bound.row_check(group)(group_values):
                # Blank cells were read as cells and the group does not add up: a blank may be a
                # column of the layout and the figures shifted; the reading is a guess.
                evidence.doubt(
                    f"appeals.{group}",
                    list(group_values),
                    "表四该组各项之和与总计不符，且表中有空白单元格：数值可能错位",
                    "table 四: this group does not add up and the table has blank cells; the figures may be shifted",
                    label_where[part],
                )
    if not chosen:
        # Tables of its own leaving zeros blank: their rows under their header cells (appeal_cells).
        taken = read_by_header_cells(template, records, report, evidence, _header_names)
        for group in groups if taken else ["appeals"]:
            if group not in taken:
                where = "appeals" if group == "appeals" else f"appeals.{group}"
                evidence.doubt(
                    where, None, "表四的单元格数与 15 列不符，无法确定", "table 四: the cells do not fit its 15 columns"
                )


def _cells_held(record: Record | None) -> int:
    """How many cells a record's figures may hold: a run of digits a cell per digit at most."""
    if record is None:
        return 0
    return sum(max(1, len(t.value.digits)) for t in record.values if t.value.kind is not CellKind.BLANK)


def _whole_header(record: Record, groups: int, width: int) -> bool:
    """Whether ``record`` prints table 四's whole header (every group and a field label per cell)
    followed by figures enough for every cell: run-on text's table, header and row on one line."""
    if not record.values or _cells_held(record) < groups * width:
        return False
    names = [name for token in record.labels for name in _header_names(cached_key(token.text))]
    named_groups = {name for name, is_group in names if is_group}
    return len(named_groups) == groups and sum(not is_group for _, is_group in names) >= groups * width


def _order_refuted(
    template: Template,
    groups: list[str],
    printed: list[str],
    statutory: list[str],
    per_group: dict[str, Record],
    biggest: Record | None,
) -> bool:
    """Whether the printed figures refute the column order the header seems to print: every group
    adds up to its 总计 in the template's order and some group does not in the header's (a header
    whose cells wrapped over two rows, 总计 read from the upper row before 维持 from the lower)."""
    if printed == statutory:
        return False
    width = len(statutory)
    records = [per_group[g] for g in groups if g in per_group]
    rows = [[t.value.amount for t in r.values if t.value.kind is CellKind.NUMBER] for r in records]
    if not rows or any(len(row) != width for row in rows):
        figures = [t.value.amount for t in biggest.values if t.value.kind is CellKind.NUMBER] if biggest else []
        if not figures or len(figures) != width * len(groups):
            return False
        rows = [figures[i : i + width] for i in range(0, len(figures), width)]
    if len(rows) != len(groups):
        return False
    flat = tuple(v for row in rows for v in row)

    def adds_up(order: list[str]) -> bool:
        return appeals_bound(template.id, tuple(groups), tuple(order), True).row_check("all")(flat)

    return adds_up(statutory) and not adds_up(printed)


def _doubt_order(template: Template, printed: list[str], fields: list[str], evidence: Evidence) -> None:
    """Group headers printed in another order than the template's: the groups are read in the
    template's order (text extraction may have reordered the headers: ``pdftotext`` printing 复议后
    起诉 before 未经复议直接起诉 when the second sits higher on the page), but which figures are
    whose is then a judgement, said in ``uncertain`` for every group out of place."""
    statutory = [g.key for g in template.appeal_groups]
    labels = {g.key: g.label for g in template.appeal_groups}
    for i, group in enumerate(printed):
        if group != statutory[i]:
            evidence.doubt(
                f"appeals.{group}",
                None,
                f"表四表头的“{labels[group]}”印在第 {i + 1} 组（模板为第 {statutory.index(group) + 1} 组）："
                "表头可能被文本提取打乱，按模板的组序读入",
                f"table 四 prints the header {group} as group {i + 1} (template: {statutory.index(group) + 1}); "
                "text extraction may have moved the header: read in the template's order",
            )
    statutory_fields = [f.key for f in template.appeal_fields]
    if fields != statutory_fields:
        evidence.doubt(
            "appeals",
            None,
            "表四各组的栏目顺序与模板不同，按印出的顺序读入",
            f"table 四's columns are printed in another order ({', '.join(fields)}) than the "
            "template's; read in the printed order",
        )


def _column_block_readings(
    records: list[Record],
    groups: list[str],
    width: int,
    group_check: Callable[[Hashable], Callable[[tuple[Value, ...]], bool]],
) -> list[Reading]:
    """Table 四 with its groups down the first column, its columns printed as blocks one after
    the other (``appeal_columns``): the reading of those blocks, when the group totals confirm it
    (every group's, or all but one's in a table of three groups or more: a report printing a
    contradiction, the reading then a judgement noted as such)."""
    slots = column_block_slots(records, len(groups), width)
    if slots is None:
        return []
    found: list[Reading] = []
    for r in readings(slots, len(groups) * width, fixed_width=True):
        broken = sum(not group_check(g)(r.values[i * width : (i + 1) * width]) for i, g in enumerate(groups))
        if broken == 0 or (broken == 1 and len(groups) >= 3):
            how = "table 四's groups down its first column, its columns printed one block after another"
            how_zh = "表四各组竖排，各栏的数字逐栏成块印出，按栏读取"
            if broken:
                how += "; one group does not add up"
                how_zh += "；其中一组各项之和与总计不符"
            found.append(
                r._replace(
                    cost=r.cost + broken,
                    how="; ".join(filter(None, (r.how, how))),
                    how_zh="；".join(filter(None, (r.how_zh, how_zh))),
                )
            )
    return found


def _figures_only(slots: list[Slot], n: int, accept: Callable[[tuple[Value, ...]], bool]) -> list[Slot]:
    """Exactly as many figures as the table has cells, with blank cells among them: the blanks
    are columns a converter laid out (table 四 has no other cells), so the figures alone are the
    row, if they add up. Otherwise the cells as printed, for ``readings`` to weigh."""
    figures = [s for s in slots if s.value.kind is not CellKind.BLANK]
    if len(figures) != n or len(figures) == len(slots):
        return slots
    return figures if accept(tuple(s.value.amount for s in figures)) else slots


def _transposed(groups: list[str], per_field: dict[str, Record], report: Report, evidence: Evidence) -> bool:
    """Table 四 printed turned over: a row per result (结果维持 …), a column per group. Read only
    when every result row holds one cell per group; each group's sum is then checked as usual."""
    fields = list(report.appeals[groups[0]])
    if set(per_field) != set(fields):
        return False
    table: dict[str, list[Reading]] = {}
    for name in fields:
        options = readings(per_field[name].slots(), len(groups), fixed_width=True)
        if len(options) != 1 or options[0].cost:
            return False
        table[name] = options
    for name in fields:
        reading = table[name][0]
        for g, group in enumerate(groups):
            path = f"appeals.{group}.{name}"
            where = reading.wheres[g]
            report.appeals[group][name] = count_value(reading.values[g], Kind.COUNT, path, evidence, where)
            if where:
                evidence.provenance[path] = where
    evidence.doubt(
        "appeals",
        None,
        "表四按行列互换的版式印出（每行一种结果，每列一类案件），按此读取",
        "table 四 is printed turned over (a row per result, a column per group); read that way",
    )
    return True
