"""Table 二 (主动公开政府信息情况): rows by their labels, columns by the headers of their group."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from gongkai.ingest.align import readings
from gongkai.ingest.evidence import Evidence, count_value, fmt, note_dashes
from gongkai.ingest.header_places import header_placed
from gongkai.ingest.numbers import RUN_COMMA, CellKind, header_unit, parse_cell, scale_money
from gongkai.ingest.padded import padded_row_readings
from gongkai.ingest.records import Record, Token, cached_bare, cached_key, part_places, physical_rows
from gongkai.ingest.row_reading import Number, Reading, Slot
from gongkai.ingest.template_align import fuzzy_row
from gongkai.ingest.vocabulary import ITEM_MARK, field_of, vocabulary
from gongkai.report.checks import active_row_warns
from gongkai.report.model import Report
from gongkai.report.templates import ActiveRow, Kind, Template


@dataclass
class ActiveRaw:
    row: str
    label: Token
    values: list[Token]
    header: list[tuple[str, Token]]  # the column headers of its group: (field key, header cell)
    fuzzy: float = 0.0  # the label's similarity when it names the row only approximately
    placed: bool = False  # no label: put here by its position between the rows named around it


@dataclass
class ActiveOrphan:
    """A printed row of table 二 whose label cell is empty (a converter pulled the label out),
    between the rows named before and after it."""

    values: list[Token]
    header: list[tuple[str, Token]]
    after: str | None  # the row named before it
    before: str | None = None  # the row named after it


# How a row read as 0 from blank cells alone is doubted: a guess a better reading may replace
# (``header_blocks``: its figures printed apart under the column headers).
BLANK_ROW_EN = "prints only blank cells and zeros; read as 0"
_GAP = re.compile(r"[ \u3000]{2,}")  # the gap between two cells of a line of laid-out text


def _any_figure(values: list[Token]) -> bool:
    return any(t.value.kind is not CellKind.BLANK for t in values)


def active_records(records: list[Record]) -> tuple[dict[str, ActiveRaw], list[str], list[ActiveOrphan]]:
    vocab = vocabulary()
    rows: dict[str, ActiveRaw] = {}
    votes: list[str] = []
    orphans: list[ActiveOrphan] = []
    header: list[tuple[str, Token]] = []
    pending: ActiveRaw | None = None
    named_last: str | None = None
    fuzzy: dict[str, float] = {}  # rows named by a damaged label: their similarity
    wrapped_top: list[str] | None = None  # a header line of cells naming no column: maybe their heads
    top_places: list[float | None] = []  # where wrapped_top's cells stand on their line
    for record in (part for whole in records for part in physical_rows(whole, _any_figure)):
        if not record.labels:
            if pending is not None and not pending.values:
                pending.values = list(record.values)  # the label's values came on the next line
            elif _any_figure(record.values):
                orphans.append(ActiveOrphan(list(record.values), list(header), named_last))
            continue
        row_key: str | None = None
        row_token: Token | None = None
        fresh: list[tuple[str, Token]] = []
        loose: list[Token] = []  # labels naming nothing yet: maybe pieces of a wrapped one
        for token in record.labels:
            key = cached_key(token.text)
            if ITEM_MARK in key:
                # The item's merged cell centred down onto its first row's line comes after the
                # column headers read on the lines above it: they are its group's own.
                centred = bool(fresh) and row_key is None
                blank = _blank_row(rows, row_key, row_token, header, fuzzy)
                if blank is not None:
                    # A row label the record named before a new 第二十条 group, no figure in it or
                    # after it (a converter pulled out the label of a row of blank cells).
                    rows[blank.row] = blank
                    row_key = row_token = None
                loose, wrapped_top = [], None
                if _GAP.search(token.text.strip()):
                    # The citation's line holds the heads of header cells wrapped beside it
                    # (第二十条第  信息内容  本年制发 … over （一）项  件数 …).
                    wrapped_top = _GAP.split(token.text.strip())
                    top_places = part_places(token.text, wrapped_top, token.x)
                if not centred:
                    header, fresh = [], []  # a new 第二十条 group: its own column headers follow
                continue
            found = field_of(key)
            if found is None and _GAP.search(token.text):
                # A header line of laid-out text whose cells wrapped (采购项 / 目数量) comes as one
                # label: its cells, split at the gaps, may still name their columns (and units).
                parts = _GAP.split(token.text.strip())
                places = part_places(token.text, parts, token.x)
                names = _wrapped_header(wrapped_top, parts)
                placed = None if names else _placed_wrapped_header(wrapped_top, top_places, parts, places)
                if placed is not None:
                    names, places = placed
                    parts = names
                cells = [
                    (field_of(cached_key(name)), part, x)
                    for name, part, x in zip(names or parts, parts, places, strict=True)
                ]
                columns = [(hit[0], Token(part, token.where, token.value, x)) for hit, part, x in cells if hit]
                # cells naming no column may be the heads of cells wrapped onto the next such line
                wrapped_top = None if names or columns else parts
                top_places = places
                if columns:
                    fresh = _by_place(fresh + columns) if names else fresh + columns
                    votes += [hit[1] for hit, _, _ in cells if hit and hit[1]]
                    loose = []
                    continue
            if found is None and _indented(token) and not _GAP.search(token.text.strip()):
                # A lone header cell wrapped over lines with a one-line cell between (上一年项 /
                # 信息内容 本年增/减 / 目数量, -layout setting each piece on a line of its own):
                # indented laid-out text only, where the pieces' places put the joined header in
                # its column (pdftotext's plain text sets every line at the margin).
                completed = _lone_wrapped_header(wrapped_top, token.text)
                if completed is not None:
                    fresh = _by_place([*fresh, (completed[0], token)])
                    votes += [completed[1]] if completed[1] else []
                    wrapped_top, loose = None, []
                    continue
                if _header_head(key):
                    wrapped_top = [token.text.strip()]
            if found is not None:
                fresh.append((found[0], token))
                if found[1]:
                    votes.append(found[1])
                loose = []
                continue
            bare = cached_bare(token.text)
            if bare in vocab.active_rows:
                blank = _blank_row(rows, row_key, row_token, header, fuzzy)
                if blank is not None and blank.row != vocab.active_rows[bare] and fresh:
                    # Two row labels in a row right under their group's column headers, no figure
                    # between: the first row printed its cells blank (-layout sets such a label on
                    # a line of its own). Labels in a record of their own are a column of labels
                    # printed apart from their figures (pdftotext): ``header_blocks`` reads those.
                    rows[blank.row] = blank
                row_key, row_token = vocab.active_rows[bare], token
                loose = []
                continue
            loose.append(token)
            for pieces in (2, 3):  # 其他对外管理服务 / 事项: a row label wrapped onto lines
                joined = "".join(cached_bare(t.text) for t in loose[-pieces:])
                if len(loose) >= pieces and joined in vocab.active_rows:
                    row_key, row_token = vocab.active_rows[joined], token
                    loose = []
                    break
            else:
                named = fuzzy_row(bare, vocab.active_rows)
                if named is not None and named[0] not in rows:
                    row_key, row_token, fuzzy[named[0]] = named[0], token, named[1]
                    loose = []
        if fresh:
            header = fresh
        known = rows.get(row_key) if row_key is not None else None
        # The first row of that name wins, unless it stood outside the table (no column headers
        # before it, e.g. a summary on the page) and this one is under the table's headers.
        if row_key is not None:
            for orphan in orphans:
                if orphan.before is None:
                    orphan.before = row_key
            named_last = row_key
        if row_key is not None and row_token is not None and (known is None or (not known.header and header)):
            pending = ActiveRaw(row_key, row_token, list(record.values), list(header), fuzzy.get(row_key, 0.0))
            rows[row_key] = pending
        elif pending is not None and not pending.values and row_key is None and not fresh:
            pending.values = list(record.values)  # the label's values came on the next line
        elif row_key is None and fresh and _any_figure(record.values):
            # Figures right under the column headers, their row's label pulled out of the table.
            orphans.append(ActiveOrphan(list(record.values), list(header), named_last))
    return rows, votes, orphans


def _by_place(columns: list[tuple[str, Token]]) -> list[tuple[str, Token]]:
    """Column headers in the order they stand on the page: a wrapped header's cells complete
    only on its last line, after a one-line cell between them (上一年项 / 本年增/减 / 目数量)."""
    if any(token.x is None for _, token in columns):
        return columns
    return sorted(columns, key=lambda column: column[1].x or 0.0)


def _wrapped_header(top: list[str] | None, parts: list[str]) -> list[str] | None:
    """The column headers a line of header cells completes when each cell of the line above it
    (``top``, cells naming no column) wrapped onto it (本年制发 / 件数, a Word copy's narrow
    columns): None unless the two lines hold as many cells and every joined cell names a column."""
    if top is None or len(top) != len(parts):
        return None
    joined = [head + tail for head, tail in zip(top, parts, strict=True)]
    return joined if all(field_of(cached_key(name)) for name in joined) else None


_MIN_INDENT = 2  # characters before a laid-out header piece that stands over a column of figures


def _indented(token: Token) -> bool:
    """Whether a label stands indented on its line of laid-out text (its place known)."""
    return token.x is not None and token.x - len(token.text.strip()) / 2 >= _MIN_INDENT


def _lone_wrapped_header(top: list[str] | None, text: str) -> tuple[str, str] | None:
    """The column a lone header piece completes under a lone piece above it (上一年项 / 目数量)."""
    if top is None or len(top) != 1:
        return None
    return field_of(cached_key(top[0] + text.strip()))


@lru_cache(maxsize=4096)
def _header_head(key: str) -> bool:
    """Whether ``key`` is the head of a table 二 column header wrapped over lines (上一年项 of
    上一年项目数量): a piece of at least two characters that starts a header and is none."""
    return (
        len(key) >= 2
        and field_of(key) is None
        and any(label.startswith(key) and label != key for label in vocabulary().active_fields)
    )


_PLACE_SLACK = 1.5  # characters a wrapped header cell's lines may stand apart by


def _placed_wrapped_header(
    top: list[str] | None, top_places: list[float | None], parts: list[str], places: list[float | None]
) -> tuple[list[str], list[float | None]] | None:
    """The header cells two laid-out lines make when cells of the upper line (``top``) wrapped onto
    the lower one and others did not (本年制发 / 件数 beside a one-line 信息内容, the citation
    第二十条第 / （一）项 beside them): each lower piece joins the upper cell standing over it. The
    upper line's cells, joined, and their places; None unless every lower piece stands under an
    upper cell of its own and at least two joined cells name a column."""
    if top is None or len(top) <= len(parts) or len(top_places) != len(top):
        return None
    if any(x is None for x in top_places) or any(x is None for x in places):
        return None
    joined = list(top)
    used: set[int] = set()
    for part, x in zip(parts, places, strict=True):
        near = min(range(len(top)), key=lambda k: abs((top_places[k] or 0.0) - (x or 0.0)))
        if near in used or abs((top_places[near] or 0.0) - (x or 0.0)) > _PLACE_SLACK:
            return None
        used.add(near)
        joined[near] = top[near] + part
    if sum(1 for k in used if field_of(cached_key(joined[k]))) < 2:
        return None
    return joined, list(top_places)


def _blank_row(
    rows: dict[str, ActiveRaw],
    row_key: str | None,
    row_token: Token | None,
    header: list[tuple[str, Token]],
    fuzzy: dict[str, float],
) -> ActiveRaw | None:
    """The row a record named (``row_key``, by ``row_token``) and left with no figure, as a row of
    blank cells: None when there is none, it was read already, or its label holds a figure."""
    if row_key is None or row_token is None or row_key in rows or any(ch.isdigit() for ch in row_token.text):
        return None
    return ActiveRaw(row_key, row_token, [], list(header), fuzzy.get(row_key, 0.0))


def _place_orphans(template: Template, raw: dict[str, ActiveRaw], orphans: list[ActiveOrphan]) -> None:
    """Rows of figures with no label, each put on the template row missing between the rows
    named around it, only where as many rows are missing there as rows have no label."""
    order = [row.key for row in template.active_rows]
    gaps: dict[tuple[str | None, str | None], list[ActiveOrphan]] = {}
    for orphan in orphans:
        gaps.setdefault((orphan.after, orphan.before), []).append(orphan)
    for (after, before), items in gaps.items():
        start = order.index(after) + 1 if after in order else 0
        end = order.index(before) if before in order else len(order)
        free = [key for key in order[start:end] if key not in raw]
        if len(free) != len(items):
            continue
        for key, orphan in zip(free, items, strict=True):
            label = Token("", orphan.values[0].where, orphan.values[0].value)
            raw[key] = ActiveRaw(key, label, orphan.values, orphan.header, placed=True)


_MAX_ALTERNATIVES = 12

# What a row of table 二 usually prints, for cutting a run of its figures that nothing else
# decides: (its fields, the test, the same in Chinese and English). Measured on every gold report
# the project holds (bench/active_priors.py; each decides only where exactly one cut passes; 16
# reports, 6 real): made = published decided 2 real rows right, 0 wrong (synthetic ones, figures
# drawn at random: 2 right, 1 wrong); in force >= made 1 right, 0 wrong; at least 1000 yuan a
# project 1 right, 0 wrong; undecided elsewhere. The row stays in ``uncertain`` with the other
# cuts as alternatives: a likelihood is no proof.
_LIKELY: tuple[tuple[tuple[str, ...], Callable[[tuple[Number, ...]], bool], str, str], ...] = (
    (
        ("new_made", "new_published", "total_published"),
        lambda v: v[0] == v[1],
        "本年新制作数等于本年新公开数",
        "made this year equals published this year",
    ),
    (("made", "repealed", "in_force"), lambda v: v[2] >= v[0], "现行有效数不少于本年制发数", "in force >= made"),
    (
        ("projects", "amount_yuan"),
        lambda v: v[1] >= 1000 * v[0] and (v[0] > 0 or v[1] == 0),
        "每个采购项目金额不少于1000元",
        "at least 1000 yuan a project",
    ),
)


def _stated(
    said: tuple[int, tuple[str, ...]] | None,
    order: list[str],
    distinct: list[tuple[Number | None, ...]],
    cuts: set[tuple[Number | None, ...]],
) -> tuple[tuple[Number | None, ...], str, str] | None:
    """The one cut of a row holding in its cell the figure its prose states (2020 年共发布规范性
    文件 47 条: ``4747272`` is 47 47 272), where several fit; else None."""
    if said is None or len(distinct) < 2:
        return None
    figure, keys = said
    at = next((order.index(key) for key in keys if key in order), None)
    if at is None:
        return None
    holding = [v for v in distinct if v in cuts and v[at] == figure]
    if len(holding) != 1:
        return None
    return holding[0], f"正文所述数字 {figure}", f"the figure the prose states ({figure})"


def _scaled(values: tuple[Number | None, ...], scales: tuple[float, ...]) -> tuple[Number, ...]:
    """``values`` (none unknown) times each column's factor (none given: as they are)."""
    if not scales:
        return values  # type: ignore[return-value]
    return tuple(x * k for x, k in zip(values, scales, strict=True))  # type: ignore[operator]


def _likely(
    order: list[str],
    distinct: list[tuple[Number | None, ...]],
    cuts: set[tuple[Number | None, ...]],
    scales: tuple[float, ...] = (),
) -> tuple[tuple[Number | None, ...], str, str] | None:
    """The one reading of a row that passes its row's test of ``_LIKELY``, when several fit and
    exactly one of the ``cuts`` among them passes; else None (nothing to decide, or the test does
    not tell them apart). ``scales``: each column's factor to the template's unit (an amount
    printed in 万元 is tested in 元)."""
    if len(distinct) < 2:
        return None
    for keys, test, zh, en in _LIKELY:
        if sorted(order) != sorted(keys):
            continue
        # The page may print the row's columns in its own order (对外公开总数量 first): the test
        # reads each reading in the template's order of the fields.
        at = [order.index(key) for key in keys]

        def fits(v: tuple[Number | None, ...], at: list[int] = at, test: Callable[..., bool] = test) -> bool:
            scaled = _scaled(v, scales)
            return test(tuple(scaled[i] for i in at))

        passing = [v for v in distinct if v in cuts and None not in v and fits(v)]
        if len(passing) == 1:
            return passing[0], f"常见情形（{zh}）", f"the usual relation ({en})"
    return None


def _plausible(order: list[str], values: tuple[Number | None, ...]) -> bool:
    """Whether a reading of a table 二 row keeps the report layer's warnings quiet, and prints no
    count but 本年增/减 below zero."""
    if not _signs_fit(order, values):
        return False
    return not active_row_warns(dict(zip(order, values, strict=True)))


class _Plausible:
    """``_plausible`` of one row's ``order``, remembered per reading's values (a row's readings
    are weighed several times over, and many share their values)."""

    __slots__ = ("order", "seen")

    def __init__(self, order: list[str]) -> None:
        self.order = order
        self.seen: dict[tuple[Number | None, ...], bool] = {}

    def __call__(self, values: tuple[Number | None, ...]) -> bool:
        found = self.seen.get(values)
        if found is None:
            found = self.seen[values] = _plausible(self.order, values)
        return found


def _whole_counts(row: ActiveRow, order: list[str], values: tuple[Number | None, ...]) -> bool:
    """Whether a reading of a table 二 row puts no fraction under a count (only money has cents)."""
    return not any(
        isinstance(v, float) and not v.is_integer() and row.field(key).kind is Kind.COUNT
        for key, v in zip(order, values, strict=True)
    )


def _signs_fit(order: list[str], values: tuple[Number | None, ...]) -> bool:
    """Whether a reading of a table 二 row puts a figure below zero only under 本年增/减: a count
    is never negative, while a report may well print items that do not add up."""
    return not any(v is not None and v < 0 and key != "change" for key, v in zip(order, values, strict=True))


def _signs_fitting_blanks(order: list[str], best: list[Reading], values: list[Token]) -> list[Reading]:
    """Where the row prints fewer digits than it has columns (``行政事业性收费-1``: one figure for
    two), so a cell must be blank and every reading supposes one, those that put a minus sign only
    under 本年增/减: a count is never negative, so the others are no readings at all. Else none:
    with digits enough, a cut of what was printed (``3 -410``: 3 -4 10) may be the reading."""
    if not best or not all(None in r.wheres for r in best):
        return []
    if sum(ch.isdigit() for t in values for ch in t.text) >= len(order):  # (a signed cell keeps no digits)
        return []
    return [r for r in best if _signs_fit(order, r.values)]


def read_active(
    template: Template,
    raw: dict[str, ActiveRaw],
    report: Report,
    evidence: Evidence,
    orphans: list[ActiveOrphan] | None = None,
    stated: dict[str, tuple[int, tuple[str, ...]]] | None = None,
    cells_kept: bool = False,
    pad: int = 0,
) -> None:
    """``stated``: figures the prose gives for rows (``stated.stated_active``), preferred where
    they pick out one cut of a row's run. ``cells_kept``: the page prints its zero cells (table
    三's rows of zeros ran together as ``0000000``), so a row of run-on text short of cells ran
    some together (``行政许可73-38``: 73, -3, 8) rather than left one blank. ``pad``: the page
    prints its counts under 10 with a leading zero (``padded``): runs are cut by that padding."""
    if orphans:
        raw = dict(raw)
        _place_orphans(template, raw, orphans)
    dash_cells = prints_dash_cells(raw)
    cells_kept = cells_kept or dash_cells
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
        found = _under_headers(_unrepeated(found))
        if dash_cells:
            found = _dash_before_figure(found, path, evidence)
        headed = [key for key, _ in found.header]
        order = headed if sorted(headed) == sorted(field_keys) else field_keys
        units = {key: header_unit(token.text) for key, token in found.header}
        slots = [Slot(t.value, t.where) for t in found.values]
        # A laid-out row short of figures: where they stand under the headers says their columns.
        placed = header_placed(found.values, [t for _, t in found.header]) if order == headed else None
        whole = _whole_cells(slots, len(order))
        options = [placed] if placed is not None else readings(slots, len(order), fixed_width=whole)
        if cells_kept:
            options = _cuts_not_gaps(slots, order, options)
            options = _money_cuts(found.values, [row.field(key).kind for key in order]) or options
        options = _separator_cuts(found.values, len(order)) or options
        kinds = [row.field(key).kind for key in order]
        options = _fen_cuts(found.values, kinds, [units.get(key, "") for key in order]) or options
        options = _zero_led_cut(slots, options)
        if pad and placed is None:
            options = padded_row_readings(slots, len(order), pad) or options
        plausible = _Plausible(order)  # a row's readings repeat their values: each weighed once
        # (Not where the page keeps its cells and only cuts were left: those read what it printed.)
        cuts_only = cells_kept and bool(options) and all(r.cost and None not in r.wheres for r in options)
        if placed is None and not cuts_only and not any(plausible(r.values) for r in options):
            # Every cheapest reading sets off a warning (a count read negative: 76 -38844 read
            # as two cells of three): the cuts of the runs are tried too.
            options = readings(slots, len(order), plausible, fixed_width=whole) or options
            if not any(_signs_fit(order, r.values) for r in options[:1]):
                # No reading keeps the warnings quiet (the row is printed short: · -1, items
                # left blank): one that puts the minus sign under 本年增/减 before one that
                # makes a count negative, at whatever cost (a doubt says so).
                options = sorted(options, key=lambda r: not _signs_fit(order, r.values))
        best = [r for r in options if r.cost == options[0].cost]
        # A count is a whole number: a reading putting ``21.86`` under 采购项目数量 is no reading.
        best = [r for r in best if _whole_counts(row, order, r.values)] or best
        # Table 二 has no equation; the report layer's warnings (本年新公开 ≤ 对外公开总数, items
        # never below zero) only narrow the readings that tie; where none keeps them quiet, a
        # reading of the printed cells alone with no count below zero still goes before one with
        # a count below zero (not one that supposes a cell not printed: that is a guess).
        tied = len({r.values for r in best})
        best = (
            [r for r in best if plausible(r.values)]
            or [r for r in best if _signs_fit(order, r.values) and None not in r.wheres]
            or _signs_fitting_blanks(order, best, found.values)
            or best
        )
        # Placed by the sign alone (no reading keeps the warnings quiet): a choice the printed
        # positions did not make, so a doubt.
        by_sign = tied > len({r.values for r in best}) and not any(plausible(r.values) for r in best)
        distinct = list(dict.fromkeys(r.values for r in best))
        rivals: list[tuple[Number | None, ...]] = []
        # Only cuts of what was printed: a reading that supposes a cell not printed is no cut.
        cut_values = {r.values for r in best if None not in r.wheres}
        scales = tuple(
            float(scale_money(1, units.get(key, ""), row.field(key).unit or "元"))
            if row.field(key).kind is Kind.MONEY
            else 1.0
            for key in order
        )
        liked = _stated(stated.get(row.key) if stated else None, order, distinct, cut_values) or _likely(
            order, distinct, cut_values, scales
        )
        if liked is not None:
            # One reading only is what such rows usually print: taken, the others kept as
            # alternatives beside a doubt (a likelihood is not the arithmetic).
            rivals, distinct = distinct, [liked[0]]
            best = [r for r in best if r.values == liked[0]]
        unknown = {i for i in range(len(order)) if len({values[i] for values in distinct}) > 1}
        if not options or len(unknown) == len(order) or len(distinct) > _MAX_ALTERNATIVES:
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
            if 1 < len(distinct) <= _MAX_ALTERNATIVES:
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
            evidence.alternatives(rivals)
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
        for index, key in enumerate(order):
            f = row.field(key)
            value: Number | None = reading.values[index]
            where = reading.wheres[index]
            cell_path = f"{path}.{key}"
            if f.kind is Kind.MONEY and value is not None:
                unit = reading.units[index] or units.get(key, "")
                target = f.unit or "元"
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
        note_dashes(found.values, path, evidence)
    _doubt_item_neighbours(blank_by_lines, rows, report, evidence)


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


_EM_DASHES = ("—", "——", "―")


_BLANK_MARKS = (*_EM_DASHES, "/", "／")


def dash_cells_run_on(rows: Iterable[list[Token]]) -> bool:
    """Whether a table of run-on text (a crawler's) prints its blank cells as marks of their own
    (table 三's ``11///13``, ``11/11/114``): then the page prints every cell, and a row of table 二
    short of cells ran some together rather than left one blank."""
    return any(
        t.value.kind is CellKind.DASH and t.text.strip() in _BLANK_MARKS and " part " in t.where
        for values in rows
        for t in values
    )


def prints_dash_cells(raw: dict[str, ActiveRaw]) -> bool:
    """Whether table 二 prints a blank cell as a dash of its own (``规章———``, ``——14``,
    ``12—``): then every cell of the table prints something, and a dash run into a figure
    (``—1762``) is such a cell before it rather than a minus sign (a page printing its blanks
    as — writes a negative otherwise: ``270-104``)."""
    return any(
        t.value.kind is CellKind.DASH and t.text.strip() in _EM_DASHES for found in raw.values() for t in found.values
    )


def _dash_before_figure(found: ActiveRaw, path: str, evidence: Evidence) -> ActiveRaw:
    """``found`` with each figure of run-on text printed after an em dash (``—1762``, read as
    −1762) cut into the dash cell and the figure (— 1762), on a page whose table 二 prints its
    blank cells as dashes (``prints_dash_cells``); noted, as the dash might still have been a
    minus sign. A cell of its own (a table's) holding ``—3`` is left a minus sign."""
    values: list[Token] = []
    cut: list[str] = []
    for token in found.values:
        text = token.text.strip()
        if token.value.kind is CellKind.NUMBER and text[:1] in "—―" and text[1:2].isdigit() and " part " in token.where:
            rest = text[1:]
            value = parse_cell(rest)
            if value.kind is CellKind.NUMBER and value.number is not None and value.number >= 0:
                values += [Token(text[0], token.where, parse_cell(text[0])), Token(rest, token.where, value, token.x)]
                cut.append(text)
                continue
        values.append(token)
    if not cut:
        return found
    shown = "、".join(cut)
    evidence.doubt(
        path,
        None,
        f"{shown} 读作空白单元格“—”与其后的数字（本表以“—”表示空白单元格），而非负数",
        f"{shown} read as a blank cell “—” and the figure after it (the table prints blank cells as —), "
        "not as a negative figure",
        found.values[0].where,
    )
    return ActiveRaw(found.row, found.label, values, found.header, found.fuzzy, found.placed)


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


def _cuts_not_gaps(slots: list[Slot], order: list[str], options: list[Reading]) -> list[Reading]:
    """Where a row of run-on text (a crawler's) is short of cells on a page that prints its zero
    cells, the plausible cuts of its runs instead of readings that suppose a cell not printed;
    ``options`` when there are none, or the row is no run-on text."""
    if not slots or not all(" part " in s.where for s in slots) or all(None not in r.wheres for r in options):
        return options
    cuts = [r for r in readings(slots, len(order), vanished=True) if None not in r.wheres and r.cost]
    kept = [r for r in cuts if _plausible(order, r.values)]
    if not kept and not any(_plausible(order, r.values) for r in options):
        # Every reading sets off a warning (行政强制0-20: 0 items then −2, or −20): the page's
        # printed report contradicts itself either way, and only a cut reads every cell it
        # printed (0, −2, 0) where a gap supposes one it did not. Minus signs under 本年增/减 only.
        kept = [r for r in cuts if _signs_fit(order, r.values)]
    return sorted(kept, key=lambda r: r.rank) or options


def _whole_cells(slots: list[Slot], columns: int) -> bool:
    """Whether a row is a table's delimited cells, one per column (an HTML, Word or PDF table
    leaving its zeros blank: ``规范性文件 | | | 427``): its blank cells are cells, and a figure in
    a cell of its own never ran into its neighbours (427 is not 4 2 7)."""
    return len(slots) == columns and all(" cell " in s.where and " part " not in s.where for s in slots)


def _zero_led_cut(slots: list[Slot], options: list[Reading]) -> list[Reading]:
    """The readings of a row of run-on text that cut each run printed with a leading zero (``02``:
    a 0 run into the next cell, never the figure 2); ``options`` when none does or no run has one."""
    glued = {s.where for s in slots if s.value.digits[:1] == "0" and len(s.value.digits) > 1 and " part " in s.where}
    if not glued:
        return options
    return [r for r in options if not glued & set(r.wheres)] or options


_GROUPED = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
# A cell cut from a run whose thousands separators were printed: a figure below 1000 or one with
# its separators (a sign only on the run's first cell, a fraction only on its last).
_SEPARATED_CELL = re.compile(r"-?(?:0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)(?:\.\d+)?")


def _token_cuts(text: str, most: int) -> list[tuple[str, ...]]:
    """The ways to cut one printed run (separators ``,``) into at most ``most`` cells: never next to
    a separator (a separator sits inside its figure, three digits after it), no cell with a
    leading zero, the sign on the first cell, the fraction on the last."""
    found: list[tuple[str, ...]] = []
    _token_cuts_from(text, most, found, 0, ())
    return found


def _token_cuts_from(text: str, most: int, found: list[tuple[str, ...]], start: int, cells: tuple[str, ...]) -> None:
    """``_token_cuts``' cuts of ``text[start:]`` after ``cells``, into ``found`` (a module
    function, not a closure calling itself: that is a reference cycle left for the cyclic
    collector on every call)."""
    if len(cells) >= most:
        return
    for end in range(start + 1, len(text) + 1):
        cell = text[start:end]
        if end < len(text) and ("," in text[end - 1 : end + 1] or text[end] == "."):
            continue  # no cut beside a separator or before the fraction
        if (start and cell[:1] == "-") or ("." in cell and end < len(text)):
            continue
        if not _SEPARATED_CELL.fullmatch(cell):
            continue
        if end == len(text):
            found.append((*cells, cell))
        else:
            _token_cuts_from(text, most, found, end, (*cells, cell))


def _separator_cuts(values: list[Token], columns: int) -> list[Reading]:
    """The cuts of a row of run-on text short of cells whose runs kept their thousands separators
    (``8,478`` ``57‚026`` for 上一年项目数量 / 本年增/减 / 处理决定数量 → 8478 5 7026: 57,026 whole
    would leave a cell short, and 570 / 26 would part a separator from its three digits). Table 二
    has no arithmetic: the separators are what cut its runs. Empty where no run kept one."""
    if (
        not values
        or len(values) >= columns
        or not any(RUN_COMMA in t.text for t in values)
        or any(t.value.kind is not CellKind.NUMBER or t.value.unit or "." in t.text for t in values)
    ):
        # An amount with a fraction (政府集中采购 89574‚706.80 万元) is ``_money_cuts``' to cut, on a
        # page known to print every cell; elsewhere its cut stays open.
        return []
    per_token = [_token_cuts(t.text.strip().replace(RUN_COMMA, ",").replace("，", ","), columns) for t in values]
    found: list[Reading] = []
    for combo in itertools.product(*per_token):
        cells = [(cell, t.where) for cut, t in zip(combo, values, strict=True) for cell in cut]
        if len(cells) != columns:
            continue
        parsed = [parse_cell(cell).number for cell, _ in cells]
        if any(v is None for v in parsed):
            continue
        found.append(
            Reading(
                tuple(parsed),
                tuple(f"{where} (split)" for _, where in cells),
                ("",) * columns,
                1,
                "cells ran together; cut where the thousands separators printed allow",
                "单元格粘连，按印出的千位分隔符拆分",
            )
        )
        if len(found) > _MAX_ALTERNATIVES:
            return []
    return found


def _money_cuts(values: list[Token], kinds: list[Kind]) -> list[Reading]:
    """The cuts of a run of a count and an amount of money (政府集中采购 ``2464796.43`` for 24
    projects and 64796.43 yuan; ``75,777.8`` for 7 and 5,777.8) in run-on text on a page that
    prints every cell: the amount holds the fraction and the thousands separators, and its first
    group of digits is one to three long; the count is the digits before it, without a leading
    zero. Empty where the row is not such a run (a plain run of digits is ``readings``' job)."""
    printed = [t for t in values if t.value.kind is not CellKind.BLANK]
    if kinds != [Kind.COUNT, Kind.MONEY] or len(printed) != 1 or " part " not in printed[0].where:
        return []
    token = printed[0]
    text = token.text.strip().replace(RUN_COMMA, ",")
    if token.value.kind is not CellKind.NUMBER or token.value.unit or not _GROUPED.fullmatch(text):
        return []
    whole, dot, fraction = text.partition(".")
    heads: list[tuple[str, str]] = []  # (the count, the amount)
    if "," in whole:
        comma = whole.index(",")
        heads = [(whole[: comma - k], whole[comma - k :] + dot + fraction) for k in range(1, 4) if k < comma]
    elif dot:
        heads = [(whole[:i], whole[i:] + dot + fraction) for i in range(1, len(whole))]
    found: list[Reading] = []
    for head, amount in heads:
        if head[:1] == "0" and head != "0":
            continue
        if amount[:1] == "0" and not amount.startswith("0."):
            continue
        value = parse_cell(amount)
        if value.kind is not CellKind.NUMBER or value.number is None:
            continue
        found.append(
            Reading(
                (int(head), value.number),
                (f"{token.where} (split)",) * 2,
                ("", ""),
                1,
                "a count and an amount ran together; cut before the amount's first digits",
                "项目数量与金额粘连，在金额的首位数字前拆分",
            )
        )
    return found


def _fen_cuts(values: list[Token], kinds: list[Kind], units: list[str]) -> list[Reading]:
    """The one cut of a run of an amount in 元 and the count after it (政府集中采购 printed
    amount first: ``667.6035`` for 667.60 yuan and 35 projects). An amount in 元 has at most two
    decimals (分), so a run with more ran into the next cell: the amount ends one or two digits
    after its point, the count is the rest, without a leading zero. Empty where the row is not
    such a run or the cut is not one (``667.635``: 667.63 5 or 667.6 35)."""
    printed = [t for t in values if t.value.kind is not CellKind.BLANK]
    if kinds != [Kind.MONEY, Kind.COUNT] or units[0] != "元" or len(printed) != 1:
        return []
    token = printed[0]
    # (Plain string tests, not a pattern: ``\d*\.\d{3,}`` backtracks quadratically on a run of digits.)
    whole, dot, fraction = unicodedata.normalize("NFKC", token.text).strip().partition(".")
    digits = whole + fraction
    if token.value.unit or not dot or not (digits.isascii() and digits.isdigit()) or len(fraction) < 3:
        return []
    if not whole or (whole[0] == "0" and whole != "0"):
        return []
    cuts = [(whole + "." + fraction[:k], fraction[k:]) for k in (1, 2)]
    cuts = [(amount, count) for amount, count in cuts if count == "0" or count[:1] != "0"]
    if len(cuts) != 1:
        return []
    amount, count = cuts[0]
    return [
        Reading(
            (float(amount), int(count)),
            (f"{token.where} (split)",) * 2,
            ("", ""),
            1,
            "an amount in yuan and a count ran together; cut two decimals (fen) after the point",
            "金额（元）与项目数量粘连，在小数点后第二位（分）后拆分",
        )
    ]


def _unrepeated(found: ActiveRaw) -> ActiveRaw:
    """A merged header cell a converter repeated in every column it spans (``本年增/减 |
    本年增/减``), its figure repeated under it alike (``-104 | -104``): one column. Only where the
    row prints one cell per header cell and every repeated figure equals the one before it."""
    keys = [key for key, _ in found.header]
    repeats = [i for i in range(1, len(keys)) if keys[i] == keys[i - 1]]
    if not repeats or len(found.values) != len(keys):
        return found
    if any(found.values[i].text.strip() != found.values[i - 1].text.strip() for i in repeats):
        return found
    keep = [i for i in range(len(keys)) if i not in repeats]
    return ActiveRaw(
        found.row,
        found.label,
        [found.values[i] for i in keep],
        [found.header[i] for i in keep],
        found.fuzzy,
        found.placed,
    )


_CELL = re.compile(r"cell (\d+)$")
_LINE_OF = re.compile(r"^line (\d+) cell \d+$")


def _own_line_cells(found: ActiveRaw) -> list[Token] | None:
    """The cells printed on the label's own line, when every cell of another line is blank."""
    label_line = _LINE_OF.match(found.label.where)
    if label_line is None:
        return None
    own = [t for t in found.values if (m := _LINE_OF.match(t.where)) and m.group(1) == label_line.group(1)]
    mine = {id(t) for t in own}
    others = [t for t in found.values if id(t) not in mine]
    if not own or not others or any(t.value.kind is not CellKind.BLANK for t in others):
        return None
    return own


def _under_headers(found: ActiveRaw) -> ActiveRaw:
    """The figures printed under the column headers, by cell position, where a converter left
    empty columns between them (``| 行政处罚 | | 0 | 73 | | 72 |`` under ``| | 信息内容 |
    上一年项目数量 | 本年增/减 | | 处理决定数量 |``): taken only when every header has a cell
    under it and every other cell of the row is blank."""
    if not found.header or len(found.values) == len(found.header):
        return found
    columns = [_CELL.search(token.where) for _, token in found.header]
    cells = [_CELL.search(token.where) for token in found.values]
    if not all(columns) or not all(cells):
        return found
    by_cell = {int(m.group(1)): token for m, token in zip(cells, found.values, strict=True) if m}
    own = _own_line_cells(found)
    if len(by_cell) != len(found.values) and own is not None:
        # Blank cells of a pipe row after the label's (the next table's empty first row): no
        # figure of theirs to place; the label's row alone stands under the headers.
        by_cell = {int(m.group(1)): token for token in own if (m := _CELL.search(token.where))}
        if len(by_cell) != len(own):
            return found
    elif len(by_cell) != len(found.values):
        return found  # cells of several printed rows: positions do not say which is which
    wanted = [int(m.group(1)) for m in columns if m]
    if len(set(wanted)) != len(wanted) or any(c not in by_cell for c in wanted):
        return found
    if any(token.value.kind is not CellKind.BLANK for c, token in by_cell.items() if c not in wanted):
        return found
    return ActiveRaw(found.row, found.label, [by_cell[c] for c in wanted], found.header, found.fuzzy, found.placed)
