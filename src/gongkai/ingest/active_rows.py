"""Table 二's rows in the records: each row by its label (exact, wrapped over lines, or damaged),
the column headers of its 第二十条 group (wrapped header cells joined again), and the rows of
figures whose label is gone (``ActiveOrphan``), placed by the rows named around them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from gongkai.ingest.extra_columns import extra_tail, is_extra_word
from gongkai.ingest.header_units import stray_unit, unit_completed
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.records import Record, Token, cached_bare, cached_key, part_places, physical_rows
from gongkai.ingest.template_align import fuzzy_row
from gongkai.ingest.vocabulary import ITEM_MARK, field_of, vocabulary
from gongkai.report.templates import Template


@dataclass
class ActiveRaw:
    row: str
    label: Token
    values: list[Token]
    header: list[tuple[str, Token]]  # the column headers of its group: (field key, header cell)
    fuzzy: float = 0.0  # the label's similarity when it names the row only approximately
    placed: bool = False  # no label: put here by its position between the rows named around it
    extra: tuple[str, ...] = ()  # comparison columns its group prints after the template's (上年数 · 增减)
    stray_unit: str = ""  # a money unit its group's header printed where no column header took it


@dataclass
class ActiveOrphan:
    """A printed row of table 二 whose label cell is empty (a converter pulled the label out),
    between the rows named before and after it."""

    values: list[Token]
    header: list[tuple[str, Token]]
    after: str | None  # the row named before it
    before: str | None = None  # the row named after it


_GAP = re.compile(r"[ \u3000]{2,}")  # the gap between two cells of a line of laid-out text


@lru_cache(maxsize=16384)  # a pure function of a bare label: the fixed rows of table 二 compared
def _fuzzy_active(bare: str) -> tuple[str, float] | None:
    return fuzzy_row(bare, vocabulary().active_rows)


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
    extra: tuple[str, ...] = ()  # the comparison columns of the group's header
    stray = ""  # a money unit printed in the group's header lines that no column header took
    for record in (part for whole in records for part in physical_rows(whole, _any_figure)):
        if pending is not None and pending.extra and _signed_piece(record):
            # ``行政处罚442344+98``: the change's sign read as a label of its own line
            sign, figure = record.labels[0], record.values[0]
            text = "+" + figure.text.strip()
            pending.values.append(Token(text, figure.where, parse_cell(text), sign.x))
            continue
        if not record.labels:
            if pending is not None and not pending.values:
                pending.values = list(record.values)  # the label's values came on the next line
            elif _any_figure(record.values):
                orphans.append(ActiveOrphan(list(record.values), list(header), named_last))
            continue
        row_key: str | None = None
        row_token: Token | None = None
        fresh: list[tuple[str, Token]] = []
        fresh_extra: list[str] = []
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
                    extra, fresh_extra, stray = (), [], ""
                continue
            completed_unit = unit_completed(fresh or header, token.text)
            if completed_unit is not None:  # 采购总金额（单位： / 万元）: the unit wrapped
                fresh, header = (completed_unit, header) if fresh else (fresh, completed_unit)
                continue
            found = field_of(key)
            stray = stray or (stray_unit(token.text) if found is None else "")
            if found is None and fresh and is_extra_word(token.text) and len(fresh_extra) < 3:
                fresh_extra.append(token.text.strip())  # 上年数 · 增减 after the template's headers
                continue
            if found is not None:
                fresh_extra += extra_tail(token.text)[1]  # ``本年处理决定数量上年数增减``
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
                named = _fuzzy_active(bare)
                if named is not None and named[0] not in rows:
                    row_key, row_token, fuzzy[named[0]] = named[0], token, named[1]
                    loose = []
        if fresh:
            # by place: a two-line header cell's first line stands above a one-line cell's line
            placed_all = all(_indented(token) for _, token in fresh)
            header, extra = _by_place(fresh) if placed_all else fresh, tuple(fresh_extra)
        known = rows.get(row_key) if row_key is not None else None
        # The first row of that name wins, unless it stood outside the table (no column headers
        # before it, e.g. a summary on the page) and this one is under the table's headers.
        if row_key is not None:
            for orphan in orphans:
                if orphan.before is None:
                    orphan.before = row_key
            named_last = row_key
        if row_key is not None and row_token is not None and (known is None or (not known.header and header)):
            pending = ActiveRaw(
                row_key,
                row_token,
                list(record.values),
                list(header),
                fuzzy.get(row_key, 0.0),
                extra=extra,
                stray_unit=stray,
            )
            rows[row_key] = pending
        elif pending is not None and not pending.values and row_key is None and not fresh:
            pending.values = list(record.values)  # the label's values came on the next line
        elif row_key is None and fresh and _any_figure(record.values):
            # Figures right under the column headers, their row's label pulled out of the table.
            orphans.append(ActiveOrphan(list(record.values), list(header), named_last))
    return rows, votes, orphans


def _signed_piece(record: Record) -> bool:
    """A line of run-on text holding only ``+`` and a figure: a change's sign split off its figure."""
    return (
        len(record.labels) == 1
        and record.labels[0].text.strip() in ("+", "＋")
        and len(record.values) == 1
        and record.values[0].value.kind is CellKind.NUMBER
        and record.values[0].text.strip()[:1].isdigit()
    )


def _by_place(columns: list[tuple[str, Token]]) -> list[tuple[str, Token]]:
    """Column headers in the order they stand on the page: a wrapped header's cells complete
    only on its last line, after a one-line cell between them (上一年项 / 本年增/减 / 目数量)."""
    if any(token.x is None for _, token in columns):
        return columns
    # One header cell a line, every line at one margin (lynx's or w3m's flow of a table, a cell a
    # line): no cell stands beside another, so the lines' order is the columns' (sorting by centre
    # would put the shorter headers first).
    lefts = [(token.x or 0.0) - (len(token.text.strip()) - 1) / 2 for _, token in columns]
    if len({token.where for _, token in columns}) == len(columns) > 1 and max(lefts) - min(lefts) <= 0.5:
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


def place_orphans(template: Template, raw: dict[str, ActiveRaw], orphans: list[ActiveOrphan]) -> None:
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
