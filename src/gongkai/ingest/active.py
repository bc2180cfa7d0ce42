"""Table 二 (主动公开政府信息情况): rows by their labels, columns by the headers of their group.

The rows and their headers are found by ``active_rows``; each row's printed cells are put right
(``active_cells``), read as the template's columns (``align.readings`` and the cuts of
``active_cuts``) and narrowed to the plausible readings (``active_plausible``); here each row's
reading is chosen and written to the report with its doubts."""

from __future__ import annotations

import dataclasses
import re

from gongkai.ingest.active_cells import (
    dash_before_figure,
    prints_dash_cells,
    prints_hyphen_cells,
    under_headers,
    unrepeated,
)
from gongkai.ingest.active_cuts import (
    cuts_not_gaps,
    fen_cuts,
    money_cuts,
    separator_cuts,
    whole_cells,
    zero_free_cuts,
    zero_led_cut,
)
from gongkai.ingest.active_plausible import (
    MAX_ALTERNATIVES,
    Plausible,
    likely_cut,
    signed_run_cuts,
    signs_fit,
    signs_fitting_blanks,
    stated_cut,
    whole_counts,
)
from gongkai.ingest.active_prior import prior_cut, ranked_rivals, repeated_cut
from gongkai.ingest.active_rows import ActiveOrphan, ActiveRaw, place_orphans
from gongkai.ingest.align import readings
from gongkai.ingest.evidence import Evidence, count_value, fmt, note_dashes
from gongkai.ingest.extra_columns import cut_extra
from gongkai.ingest.header_places import header_placed
from gongkai.ingest.numbers import CellKind, header_unit, scale_money
from gongkai.ingest.padded import padded_row_readings
from gongkai.ingest.records import Token
from gongkai.ingest.row_reading import Number, Reading, slots_of
from gongkai.report.model import Report
from gongkai.report.templates import ActiveRow, Kind, Template

# How a row read as 0 from blank cells alone is doubted: a guess a better reading may replace
# (``header_blocks``: its figures printed apart under the column headers).
BLANK_ROW_EN = "prints only blank cells and zeros; read as 0"
_ODD_BLANKS = 2  # blank cells a table printing its zeros may have that each look like a lost figure


def read_active(
    template: Template,
    raw: dict[str, ActiveRaw],
    report: Report,
    evidence: Evidence,
    orphans: list[ActiveOrphan] | None = None,
    stated: dict[str, tuple[int, tuple[str, ...]]] | None = None,
    cells_kept: bool = False,
    pad: int = 0,
    em_dashes: bool = False,
    zeros_blank: bool = False,
    hyphens: bool = False,
) -> None:
    """``stated``: figures the prose gives for rows (``stated.stated_active``), preferred where
    they pick out one cut of a row's run. ``cells_kept``: the page prints its zero cells (table
    三's rows of zeros ran together as ``0000000``), so a row of run-on text short of cells ran
    some together (``行政许可73-38``: 73, -3, 8) rather than left one blank. ``pad``: the page
    prints its counts under 10 with a leading zero (``padded``): runs are cut by that padding.
    ``em_dashes``: the page's table 三 prints its blank cells as em dashes (run-on text), so table
    二's do too (``active_cells.em_dash_cells_run_on``). ``zeros_blank``: the page prints a row of
    its tables as its label alone (its zeros left blank): a reading supposing a blank cell in a
    row printed short is then a reading as good as a cut, weighed by the same likelihoods."""
    if orphans:
        raw = dict(raw)
        place_orphans(template, raw, orphans)
    dash_cells = em_dashes or prints_dash_cells(raw)
    hyphen_cells = prints_hyphen_cells(raw)
    cells_kept = cells_kept or hyphen_cells or hyphens  # (table 三's hyphens: the same page style)
    table_cells = [t for found in raw.values() for t in found.values]  # for its printed zeros
    cells_kept = cells_kept or dash_cells
    # the table prints its zeros (a 0 printed, at most two cells blank): a blank cell is then odd
    zeros_printed = any(t.value.kind is CellKind.NUMBER and t.value.number == 0 for t in table_cells) and (
        sum(1 for t in table_cells if t.value.kind is CellKind.BLANK) <= _ODD_BLANKS
    )
    rows = template.active_rows
    blank_by_lines: list[ActiveRow] = []
    for at, row in enumerate(rows):
        found = raw.get(row.key)
        path = f"active.{row.key}"
        if found is None:
            evidence.doubt(path, None, f"表二未找到“{row.label}”行", f"table 二 has no row {row.label}")
            continue
        if found.placed:
            evidence.doubt(
                path,
                None,
                f"“{row.label}”行未印标签，按其在表中的位置读入",
                f"row {row.label}: printed without its label; placed by its position between the rows named around it",
                found.label.where,
            )
        if found.fuzzy:
            evidence.doubt(
                path,
                None,
                f"“{row.label}”行的标签印作“{found.label.text}”，按近似匹配读入",
                f"row {row.label}: label printed as {found.label.text}, read fuzzily ({found.fuzzy:.2f})",
                found.label.where,
            )
        field_keys = [f.key for f in row.fields]
        if found.extra:
            cut = without_extra(found, row.label, path, evidence)
            if cut is None:
                continue
            found = cut
        found = under_headers(unrepeated(found))
        if dash_cells:
            found = dash_before_figure(found, path, evidence)
        if hyphen_cells and all(f.kind is not Kind.CHANGE for f in row.fields):
            # No column of the row may be negative: a hyphen run into its figures (规章-420) is
            # the blank cell the table prints as -, not a minus sign.
            found = dash_before_figure(found, path, evidence, marks="-")
        headed = [key for key, _ in found.header]
        order = headed if sorted(headed) == sorted(field_keys) else field_keys
        if cells_kept and not hyphen_cells and row.field(order[0]).kind is Kind.COUNT:
            # Every cell printed (table 三 prints its blanks as marks or 0), the first under a
            # count, never negative: a hyphen opening the row's run (行政处罚-113) is its blank
            # cell's mark before the figures (- 1 13), not a minus sign.
            found = dash_before_figure(found, path, evidence, marks="-", first_only=True)
        units = {key: header_unit(token.text) for key, token in found.header}
        slots = slots_of(found.values)
        # A laid-out row short of figures: where they stand under the headers says their columns.
        placed = header_placed(found.values, [t for _, t in found.header]) if order == headed else None
        whole = whole_cells(slots, len(order))
        options = [placed] if placed is not None else readings(slots, len(order), fixed_width=whole)
        if cells_kept:
            options = cuts_not_gaps(slots, order, options)
            if dash_cells or hyphen_cells:
                options = zero_free_cuts(table_cells, options)
            options = money_cuts(found.values, [row.field(key).kind for key in order]) or options
        options = separator_cuts(found.values, len(order)) or options
        kinds = [row.field(key).kind for key in order]
        options = fen_cuts(found.values, kinds, [units.get(key, "") for key in order]) or options
        options = zero_led_cut(slots, options)
        if pad and placed is None:
            options = padded_row_readings(slots, len(order), pad) or options
        plausible = Plausible(order)  # a row's readings repeat their values: each weighed once
        # (Not where the page keeps its cells and only cuts were left: those read what it printed.)
        cuts_only = cells_kept and bool(options) and all(r.cost and None not in r.wheres for r in options)
        if placed is None and not cuts_only and not any(plausible(r.values) for r in options):
            # Every cheapest reading sets off a warning (a count read negative: 76 -38844 read
            # as two cells of three): the cuts of the runs are tried too.
            options = readings(slots, len(order), plausible, fixed_width=whole) or options
            options = [*options, *signed_run_cuts(slots, order, options)]  # 0-222: 0 -2 22
            if not any(signs_fit(order, r.values) for r in options[:1]):
                # No reading keeps the warnings quiet (the row is printed short: · -1, items
                # left blank): one that puts the minus sign under 本年增/减 before one that
                # makes a count negative, at whatever cost (a doubt says so).
                options = sorted(options, key=lambda r: not signs_fit(order, r.values))
        best = [r for r in options if r.cost == options[0].cost]
        # A count is a whole number: a reading putting ``21.86`` under 采购项目数量 is no reading.
        best = [r for r in best if whole_counts(row, order, r.values)] or best
        # Table 二 has no equation; the report layer's warnings (本年新公开 ≤ 对外公开总数, items
        # never below zero) only narrow the readings that tie; where none keeps them quiet, a
        # reading of the printed cells alone with no count below zero still goes before one with
        # a count below zero (not one that supposes a cell not printed: that is a guess).
        tied = len({r.values for r in best})
        best = (
            [r for r in best if plausible(r.values)]
            or [r for r in best if signs_fit(order, r.values) and None not in r.wheres]
            or signs_fitting_blanks(order, best, found.values)
            or best
        )
        # Placed by the sign alone (no reading keeps the warnings quiet): a choice the printed
        # positions did not make, so a doubt.
        by_sign = tied > len({r.values for r in best}) and not any(plausible(r.values) for r in best)
        distinct = list(dict.fromkeys(r.values for r in best))
        rivals: list[tuple[Number | None, ...]] = []
        # Only cuts of what was printed: a reading that supposes a cell not printed is no cut.
        cut_values = {r.values for r in best if None not in r.wheres}
        # (each column's factor to the template's unit worked out only where the prose decided nothing)
        liked = (
            stated_cut(stated.get(row.key) if stated else None, order, distinct, cut_values)
            or (repeated_cut(distinct, cut_values) if Kind.MONEY not in kinds else None)  # counts repeat, not 元
            or likely_cut(order, distinct, cut_values, _scales(row, order, units))
            if len(distinct) > 1  # (all decide between readings only: one reading, nothing to weigh)
            else None
        )
        if (
            liked is None
            and len(distinct) > 1
            and not cut_values
            and found.values
            and all(" part " in t.where for t in found.values)
            and (zeros_blank or _blank_row(raw))
        ):
            # Every reading supposes blank cells, in a table whose zeros are blank: the same
            # likelihoods weigh where the blanks stand (规章43 under 制发 · 废止 · 现行有效: 0 4 3,
            # in force >= made), flagged with the others (a likelihood is no proof). Only a run
            # of a crawler's text: in pdftotext's flow a row's figures may stand elsewhere (its
            # cells are left open for the readers of flowed text).
            blanks = {r.values for r in best}
            liked = (
                stated_cut(stated.get(row.key) if stated else None, order, distinct, blanks)
                or (repeated_cut(distinct, blanks) if Kind.MONEY not in kinds else None)
                or likely_cut(order, distinct, blanks, _scales(row, order, units))
            )
        # A row printed as fewer figures than its columns, every reading a cut of them: run together.
        run_on = sum(1 for t in found.values if t.value.kind is not CellKind.BLANK) < len(order)
        if liked is None and run_on:
            # A run of digits nothing else cuts: the likeliest cut, flagged with the others.
            liked = prior_cut(order, distinct, cut_values)
        if liked is not None:
            # One reading only is what such rows usually print: taken, the others kept as
            # alternatives beside a doubt (a likelihood is not the arithmetic).
            rivals, distinct = distinct, [liked[0]]
            best = [r for r in best if r.values == liked[0]]
        unknown = {i for i in range(len(order)) if len({values[i] for values in distinct}) > 1}
        if not options or len(unknown) == len(order) or len(distinct) > MAX_ALTERNATIVES:
            printed = " ".join(t.text for t in found.values) or "无"
            cells, columns = len(found.values), len(order)
            evidence.doubt(
                path,
                None,
                f"“{row.label}”行印有 {cells} 个单元格（{printed}），应为 {columns} 个，无法确定对应关系",
                f"row {row.label} prints {cells} cells ({printed}) for {columns} columns; "
                "nothing decides which is which",
                found.label.where,
            )
            if 1 < len(distinct) <= MAX_ALTERNATIVES:
                evidence.alternatives(distinct)
            continue
        reading = best[0]
        if unknown:
            # Readings that tie agree on some columns: those are read, the others left unknown.
            values = tuple(None if i in unknown else v for i, v in enumerate(reading.values))
            columns_text = ", ".join(str(i) for i in sorted(unknown))
            evidence.doubt(
                path,
                list(values),
                f"“{row.label}”行：{reading.how_zh}；无法确定第 {columns_text} 列（从 0 起），记为未知",
                f"row {row.label}: {reading.how}; column(s) {columns_text} cannot be decided, left unknown",
                found.label.where,
            )
            evidence.alternatives(distinct)
            reading = reading._replace(values=values)
        elif reading.cost:
            evidence.doubt(
                path,
                list(reading.values),
                f"“{row.label}”行：{reading.how_zh}",
                f"row {row.label}: {reading.how}",
                found.label.where,
            )
        elif _placed_by_empty_lines(found.values, len(order)):
            evidence.doubt(
                path,
                list(reading.values),
                f"“{row.label}”行的数字按其前后的空行对应各列，空行也可能只是分隔，列位存疑",
                f"row {row.label}: its figures were put in columns by the empty lines around them; an "
                "empty line may only separate lines, so which columns they fill is in doubt",
                found.label.where,
            )
        if by_sign:
            evidence.doubt_more(
                path,
                "各读法均触发校验提示，取不使任何计数为负的读法（负数只能是“本年增/减”）",
                "no reading keeps the checks quiet; the one that makes no count negative is taken "
                "(only 本年增/减 can be below zero)",
                found.label.where,
            )
        if _borrowed_blank(found.values, reading):
            # A row printed short of figures, filled out with the blank lines after it (pdftotext
            # -layout: ``行政强制   43   1136`` then an empty line): which column is blank, nothing
            # printed on the row says.
            evidence.doubt_more(
                path,
                f"该行印有 {sum(1 for t in found.values if t.value.kind is not CellKind.BLANK)} 个数字，"
                f"应为 {len(order)} 个；空白列取自其后的空行，无法确定哪一列空白",
                f"the row prints fewer figures than its {len(order)} columns; the blank column is taken "
                "from the empty lines after it, and nothing says which column is blank",
                found.label.where,
            )
        if liked is not None:
            evidence.doubt_more(
                path,
                f"可拆为 {len(rivals)} 种读法，依据{liked[1]}选定其一，其余列为备选",
                f"{len(rivals)} cuts fit; the one {liked[2]} picks out is taken, the others listed as alternatives",
                found.label.where,
            )
            evidence.alternatives(
                ranked_rivals(order, rivals, MAX_ALTERNATIVES) if len(rivals) > MAX_ALTERNATIVES else rivals
            )
        elif not any(reading.values) and any(t.value.kind is CellKind.BLANK for t in found.values):
            # Nothing but blank cells and zeros: blank may mean 0, or the figures went elsewhere
            # (pdftotext printing a table's labels apart from its figures, a converter's shifted
            # cells); a row of zeros made of blanks is a guess.
            if _blank_lines(found.values):
                blank_by_lines.append(row)
            evidence.doubt(
                path,
                list(reading.values),
                f"“{row.label}”行只印有空白单元格和 0，按 0 计",
                f"row {row.label} {BLANK_ROW_EN}",
                found.label.where,
            )
        elif zeros_printed and any(t.value.kind is CellKind.BLANK for t in found.values):
            # A blank cell where the table prints its zeros: its 0 would have been printed, so the
            # blank may be a figure lost on the way (a PDF converter dropping a cell's text).
            evidence.doubt_more(
                path,
                "表中的 0 均印出，该行有空白单元格，按 0 计",
                "the table prints its zeros, yet this row has a blank cell; read as 0",
                found.label.where,
            )
        for index, key in enumerate(order):
            f = row.field(key)
            value: Number | None = reading.values[index]
            where = reading.wheres[index]
            cell_path = f"{path}.{key}"
            if f.kind is Kind.MONEY and value is not None:
                unit = reading.units[index] or units.get(key, "")
                target = f.unit or "元"
                if not unit and found.stray_unit:
                    unit = found.stray_unit  # (单位：万 / 元）: no column header took the unit
                    evidence.doubt(
                        cell_path,
                        scale_money(value, unit, target),
                        f"表头的单位“{unit}”未能归入某一列，按该列的单位读入",
                        f"the header prints {unit} where no column header took it; read as this column's unit",
                        where,
                    )
                converted = scale_money(value, unit, target)
                if unit and unit != target:
                    evidence.doubt(
                        cell_path,
                        converted,
                        f"印为 {fmt(value)}{unit}，换算为{target}",
                        f"printed {fmt(value)} {unit}, converted to {target}",
                        where,
                    )
                value = converted
            else:
                value = count_value(value, f.kind, cell_path, evidence, where)
            report.active[row.key][key] = value
            if where:
                evidence.provenance[cell_path] = where
        after = rows[at + 1] if at + 1 < len(rows) else None
        if after is not None and raw.get(after.key) is None and found.values:
            # The next row's label is not printed (or not read): its figures may have run into
            # this row's (行政处罚 51 4 for 行政处罚 51 · 行政强制 4), and nothing tells them apart.
            evidence.doubt_more(
                path,
                f"其后的“{after.label}”行未找到，该行的数字可能含其后一行的数字",
                f"the next row {after.label} is not found; this row's figures may include that row's",
                found.label.where,
            )
        if headed and not set(headed) & set(field_keys) and any(v is not None for v in reading.values):
            # The row's figures came after column headers of another item (pdfminer's flow: the
            # labels of several items, then 本年处理决定数量 and its figures): they are that item's
            # as likely as this row's.
            heads = [t.text for _, t in found.header]
            evidence.doubt(
                path,
                list(reading.values),
                f"“{row.label}”行的数字印在其他栏目（{'、'.join(heads)}）的表头之后，可能属于别的行",
                f"row {row.label}: its figures come after another item's column headers "
                f"({' '.join(heads)}); they may be another row's",
                found.label.where,
            )
        note_dashes(found.values, path, evidence)
    _doubt_item_neighbours(blank_by_lines, rows, report, evidence)


def without_extra(found: ActiveRaw, label: str, path: str, evidence: Evidence) -> ActiveRaw | None:
    """A row of a group printing comparison columns (上年数 · 增减) with their cells cut off; None
    (the row left unread, a doubt saying why) where its change does not say where to cut."""
    cut = cut_extra(found.values)
    if cut is not None:
        return dataclasses.replace(found, values=cut.values)
    printed = " ".join(t.text for t in found.values) or "无"
    heads = "、".join(found.extra)
    evidence.doubt(
        path,
        None,
        f"“{label}”行另印有非法定的{heads}列（{printed}），无法确定本年数字",
        f"row {label} also prints the non-statutory columns {heads} ({printed}); nothing decides "
        "which figures are this year's",
        found.label.where,
    )
    return None


def _empty_line(token: Token) -> bool:
    """A blank cell that is an empty line of text (``line 12``), not a cell a table delimits
    (``line 12 cell 3``)."""
    return token.value.kind is CellKind.BLANK and " " not in token.where.removeprefix("line ")


def _blank_lines(values: list[Token]) -> bool:
    """Whether a row's blank cells are all empty lines of text."""
    return all(_empty_line(t) for t in values if t.value.kind is CellKind.BLANK)


def _doubt_item_neighbours(
    blank: list[ActiveRow], rows: tuple[ActiveRow, ...], report: Report, evidence: Evidence
) -> None:
    """A row of a 第二十条 item read blank from empty lines leaves the figures printed near it in
    doubt: ``pdftotext`` sets a vertically centred cell beside the label above its own
    (``行政处罚 4 行政强制`` where 行政处罚 is blank and 4 is 行政强制's), so a figure of the same
    item may be the blank row's."""
    for empty in blank:
        for row in rows:
            if row.item != empty.item or row is empty or row in blank:
                continue
            if any(report.active[row.key].get(f.key) for f in row.fields):
                evidence.doubt_more(
                    f"active.{row.key}",
                    f"同项的“{empty.label}”行未印数字，本行的数字可能属于该行",
                    f"row {empty.label} of the same item prints no figure; this row's figures may be its",
                )


def doubt_after_unknown(rows: tuple[ActiveRow, ...], report: Report, evidence: Evidence) -> None:
    """A row with a cell left unknown (its label not found, or no figure beside it) leaves every
    later row's figures in doubt: its figures were not beside its label, so the reading order set
    them elsewhere (``pdftotext`` reading a table across a page in column blocks), and a later row
    may have taken them (``行政强制``'s 4 read as the next row's 收费金额); table 二 has no
    equation to tell. Asked once every reader of table 二 has run (the pdftotext passes after
    ``read_active`` rewrite rows)."""
    after: ActiveRow | None = None
    for row in rows:
        values = report.active[row.key]
        if after is not None and any(values.get(f.key) is not None for f in row.fields):
            evidence.doubt_more(
                f"active.{row.key}",
                f"其前的“{after.label}”行有未知单元格，其数字可能被读入本行",
                f"row {after.label} before it has a cell left unknown; its figures may have been read into this row",
            )
        elif after is None and any(values.get(f.key) is None for f in row.fields):
            after = row


def _blank_row(raw: dict[str, ActiveRaw]) -> bool:
    """Whether a row of table 二 prints its label and no figure (a table leaving its zeros blank)."""
    return any(all(t.value.kind is CellKind.BLANK for t in found.values) for found in raw.values())


def _scales(row: ActiveRow, order: list[str], units: dict[str, str]) -> tuple[float, ...]:
    """Each column's factor from the unit its header prints to the template's (1 for a count)."""
    return tuple(
        float(scale_money(1, units.get(key, ""), row.field(key).unit or "元"))
        if row.field(key).kind is Kind.MONEY
        else 1.0
        for key in order
    )


def _placed_by_empty_lines(values: list[Token], columns: int) -> bool:
    """Whether a row of fewer figures than columns has blank cells that are empty lines of text
    (``pdftotext`` sets paragraphs apart with them), which placed its figures."""
    figures = sum(1 for t in values if t.value.kind is not CellKind.BLANK)
    return 0 < figures < columns and any(_empty_line(t) for t in values)


_LINE = re.compile(r"line (\d+)")


def _borrowed_blank(values: list[Token], reading: Reading) -> bool:
    """Whether ``reading`` fills a column of a row short of figures with a blank cell from a line
    no figure of the row stands on (the empty lines under a laid-out row)."""
    blanks = {t.where for t in values if t.value.kind is CellKind.BLANK}
    if not blanks:
        return False  # no blank cell to borrow (most rows)
    lines = {m.group(1) for t in values if t.value.kind is not CellKind.BLANK if (m := _LINE.search(t.where))}
    if not lines or len(lines) > 1:
        return False
    for where in reading.wheres:
        if where in blanks:
            m = _LINE.search(where)
            if m is not None and m.group(1) not in lines:
                return True
    return False
