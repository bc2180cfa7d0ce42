"""Table 二 (主动公开政府信息情况): rows by their labels, columns by the headers of their group."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.ingest.align import Number, Slot, readings
from gongkai.ingest.evidence import Evidence, count_value, fmt, note_dashes
from gongkai.ingest.numbers import header_unit, scale_money
from gongkai.ingest.records import Record, Token, cached_bare, cached_key
from gongkai.ingest.vocabulary import ITEM_MARK, field_of, vocabulary
from gongkai.report.model import Report
from gongkai.report.templates import Kind, Template


@dataclass
class ActiveRaw:
    row: str
    label: Token
    values: list[Token]
    header: list[tuple[str, Token]]  # the column headers of its group: (field key, header cell)


def active_records(records: list[Record]) -> tuple[dict[str, ActiveRaw], list[str]]:
    vocab = vocabulary()
    rows: dict[str, ActiveRaw] = {}
    votes: list[str] = []
    header: list[tuple[str, Token]] = []
    pending: ActiveRaw | None = None
    for record in records:
        row_key: str | None = None
        row_token: Token | None = None
        fresh: list[tuple[str, Token]] = []
        loose: list[Token] = []  # labels naming nothing yet: maybe pieces of a wrapped one
        for token in record.labels:
            key = cached_key(token.text)
            if ITEM_MARK in key:
                header, fresh = [], []  # a new 第二十条 group: its own column headers follow
                loose = []
                continue
            found = field_of(key)
            if found is not None:
                fresh.append((found[0], token))
                if found[1]:
                    votes.append(found[1])
                loose = []
                continue
            bare = cached_bare(token.text)
            if bare in vocab.active_rows:
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
        if fresh:
            header = fresh
        known = rows.get(row_key) if row_key is not None else None
        # The first row of that name wins, unless it stood outside the table (no column headers
        # before it, e.g. a summary on the page) and this one is under the table's headers.
        if row_key is not None and row_token is not None and (known is None or (not known.header and header)):
            pending = ActiveRaw(row_key, row_token, list(record.values), list(header))
            rows[row_key] = pending
        elif pending is not None and not pending.values and row_key is None and not fresh:
            pending.values = list(record.values)  # the label's values came on the next line
    return rows, votes


_MAX_ALTERNATIVES = 12


def _plausible(order: list[str], values: tuple[Number | None, ...]) -> bool:
    """Whether a reading of a table 二 row keeps the report layer's warnings quiet."""
    cells = dict(zip(order, values, strict=True))
    new, total = cells.get("new_published"), cells.get("total_published")
    if new is not None and total is not None and new > total:
        return False
    before, change = cells.get("previous_items"), cells.get("change")
    return before is None or change is None or before + change >= 0


def read_active(template: Template, raw: dict[str, ActiveRaw], report: Report, evidence: Evidence) -> None:
    for row in template.active_rows:
        found = raw.get(row.key)
        path = f"active.{row.key}"
        if found is None:
            evidence.doubt(path, None, f"表二未找到“{row.label}”行", f"table 二 has no row {row.label}")
            continue
        field_keys = [f.key for f in row.fields]
        headed = [key for key, _ in found.header]
        order = headed if sorted(headed) == sorted(field_keys) else field_keys
        units = {key: header_unit(token.text) for key, token in found.header}
        options = readings([Slot(t.value, t.where) for t in found.values], len(order))
        best = [r for r in options if r.cost == options[0].cost]
        # Table 二 has no equation; the report layer's warnings (本年新公开 ≤ 对外公开总数, items
        # never below zero) only narrow the readings that tie.
        best = [r for r in best if _plausible(order, r.values)] or best
        distinct = list(dict.fromkeys(r.values for r in best))
        unknown = {i for i in range(len(order)) if len({values[i] for values in distinct}) > 1}
        if not options or len(unknown) == len(order) or len(distinct) > _MAX_ALTERNATIVES:
            printed = " ".join(t.text for t in found.values) or "无"
            cells, columns = len(found.values), len(order)
            evidence.doubt(path, None,
                           f"“{row.label}”行印有 {cells} 个单元格（{printed}），应为 {columns} 个，无法确定对应关系",
                           f"row {row.label} prints {cells} cells ({printed}) for {columns} columns; "
                           "nothing decides which is which", found.label.where)
            if 1 < len(distinct) <= _MAX_ALTERNATIVES:
                evidence.uncertain[-1]["alternatives"] = [list(values) for values in distinct]
            continue
        reading = best[0]
        if unknown:
            # Readings that tie agree on some columns: those are read, the others left unknown.
            values = tuple(None if i in unknown else v for i, v in enumerate(reading.values))
            columns_text = ", ".join(str(i) for i in sorted(unknown))
            evidence.doubt(path, list(values),
                           f"“{row.label}”行：{reading.how_zh}；无法确定第 {columns_text} 列（从 0 起），记为未知",
                           f"row {row.label}: {reading.how}; column(s) {columns_text} cannot be decided, left unknown",
                           found.label.where)
            evidence.uncertain[-1]["alternatives"] = [list(v) for v in distinct]
            reading = reading._replace(values=values)
        elif reading.cost:
            evidence.doubt(path, list(reading.values), f"“{row.label}”行：{reading.how_zh}",
                           f"row {row.label}: {reading.how}", found.label.where)
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
                    evidence.doubt(cell_path, converted, f"印为 {fmt(value)}{unit}，换算为{target}",
                                   f"printed {fmt(value)} {unit}, converted to {target}", where)
                value = converted
            else:
                value = count_value(value, f.kind, cell_path, evidence, where)
            report.active[row.key][key] = value
            if where:
                evidence.provenance[cell_path] = where
        note_dashes(found.values, path, evidence)
