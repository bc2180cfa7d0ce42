"""Find the three statutory tables in a ``Document`` and read them into a ``Report``.

Every format reader hands over the same thing: tables as rows of cells. The recogniser reads all
cells of all tables as one stream, in order, and cuts it into *records*: a run of label cells
(words) followed by the value cells after it. Which table a record belongs to, which row and
which column, is decided by the labels alone (``report/templates.py`` via ``vocabulary``), so a
row split over lines, a table split over pages or a table copied one cell per line reads the same.

Where a row holds more or fewer values than the template has columns, ``align`` lists the ways to
read it and the statutory arithmetic of the whole table chooses; every such decision, and every
value that stays unknown, is written to ``uncertain``. Printed figures are never changed: a report
that contradicts itself is read as printed, and ``findings`` (the report layer's checks) says so.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

from gongkai.ingest.align import Choice, Number, Reading, Slot, choose, readings
from gongkai.ingest.document import Document, UnreadableFile
from gongkai.ingest.meta import identify, sections
from gongkai.ingest.numbers import CellKind, CellValue, header_unit, parse_cell, scale_money, several_numbers, tidy
from gongkai.ingest.vocabulary import ITEM_MARK, RequestRowKeys, is_table_label, vocabulary
from gongkai.report.checks import Finding, check_report
from gongkai.report.labels import bare_label_key, label_key
from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATES, Kind, Template, template_for_year

ACTIVE, REQUESTS, APPEALS = "active", "requests", "appeals"
_ORDER = (ACTIVE, REQUESTS, APPEALS)


# ---------------------------------------------------------------------------------------------
# Cells into records
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Token:
    text: str
    where: str
    value: CellValue


@dataclass(slots=True)
class Record:
    labels: list[Token]
    values: list[Token] = field(default_factory=list)

    def slots(self) -> list[Slot]:
        return [Slot(t.value, t.where) for t in self.values]


@lru_cache(maxsize=32768)
def _cell_info(text: str) -> tuple[CellValue, tuple[CellValue, ...] | None, tuple[str, ...] | None]:
    """(value, several numbers in one cell or None, label parts or None when not a label); cached."""
    value = parse_cell(text)
    if value.kind is not CellKind.TEXT:
        return value, None, None
    spread = several_numbers(text)
    if spread is not None:
        return value, spread, None
    return value, None, _label_parts(text)


def _records(document: Document) -> list[Record]:
    records: list[Record] = []
    blank = CellKind.BLANK
    for table in document.tables:
        for row in table.rows:
            infos = [_cell_info(cell.text) for cell in row]
            last_label = -1
            for i, info in enumerate(infos):
                if info[2] is not None:
                    last_label = i
            for i, cell in enumerate(row):
                value, spread, parts = infos[i]
                if parts is not None:
                    tokens = [Token(part, cell.where, value) for part in parts]
                    if records and not records[-1].values:
                        records[-1].labels.extend(tokens)
                    else:
                        records.append(Record(tokens))
                elif not records:
                    continue  # values before any label belong to nothing
                elif spread is not None:
                    records[-1].values.extend(
                        Token(str(v.number if v.number is not None else ""), f"{cell.where} number {k + 1}", v)
                        for k, v in enumerate(spread)
                    )
                elif i < last_label and value.kind is blank:
                    continue  # blank cells in the label area of a row: merged-cell padding
                else:
                    records[-1].values.append(Token(cell.text, cell.where, value))
    return records


@lru_cache(maxsize=16384)
def _label_parts(text: str) -> tuple[str, ...]:
    """A cell holding several labels split by spaces (``信息内容 本年新制作数量 …``) as its labels.

    Spaces inside one label (``三、 本年 度办 理结 果``) stay: the cell is only split when at
    least two of its parts are labels of the tables on their own.
    """
    parts = text.split()
    if len(parts) < 2 or is_table_label(text):
        return (text,)
    if sum(1 for part in parts if is_table_label(part)) >= 2:
        return tuple(parts)
    return (text,)


# ---------------------------------------------------------------------------------------------
# Which table a record belongs to
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=16384)
def _label_hits(text: str) -> tuple[int, int, int]:
    """Which tables one label belongs to (active, requests, appeals); cached, labels repeat."""
    vocab = vocabulary()
    key = label_key(text)
    bare = bare_label_key(text)
    active = requests = appeals = 0
    if ITEM_MARK in key or key == vocab.active_corner or bare in vocab.active_rows or _field_of(key) is not None:
        active = 1
    if (
        key in vocab.request_header
        or (len(key) >= 8 and key in vocab.note_key)
        or bare in vocab.request_headings
        or (len(bare) >= 4 and any(bare in row.keys or _fuzzy(bare, row) for row in vocab.request_rows))
    ):
        requests = 1
    if key in vocab.appeal_groups or key == vocab.appeal_parent or key in vocab.appeal_fields:
        appeals = 1
    elif len(key) > 4 and sum(label in key for label in (*vocab.appeal_groups, *vocab.appeal_fields)) >= 2:
        appeals = 2  # header cells run together: 行政复议行政诉讼, 结果维持结果纠正…
    return active, requests, appeals


def _tables_hit(record: Record) -> dict[str, int]:
    """How many of the record's labels belong to each table."""
    hit = {ACTIVE: 0, REQUESTS: 0, APPEALS: 0}
    for token in record.labels:
        active, requests, appeals = _label_hits(token.text)
        hit[ACTIVE] += active
        hit[REQUESTS] += requests
        hit[APPEALS] += appeals
    return hit


def _fuzzy(bare: str, row: RequestRowKeys) -> bool:
    return any(len(k) >= 4 and (bare.endswith(k) or (len(bare) >= 5 and k.startswith(bare))) for k in row.keys)


def _split_tables(records: list[Record]) -> dict[str, list[Record]]:
    parts: dict[str, list[Record]] = {name: [] for name in _ORDER}
    state: str | None = None
    for record in records:
        hit = _tables_hit(record)
        most = max(hit.values())
        if most:
            leaders = [name for name in _ORDER if hit[name] == most]
            if state not in leaders:
                later = [name for name in leaders if state is None or _ORDER.index(name) > _ORDER.index(state)]
                state = later[0] if later else leaders[-1]
        if state is not None:
            parts[state].append(record)
    return parts


# ---------------------------------------------------------------------------------------------
# The result being built
# ---------------------------------------------------------------------------------------------


@dataclass
class Reader:
    provenance: dict[str, str] = field(default_factory=dict)
    uncertain: list[dict[str, Any]] = field(default_factory=list)

    def doubt(self, cell: str, value: Any, zh: str, en: str, where: str | None = None) -> None:
        entry: dict[str, Any] = {"cell": cell, "value": value, "reason_zh": zh, "reason_en": en}
        if where:
            entry["where"] = where
        self.uncertain.append(entry)


# ---------------------------------------------------------------------------------------------
# Table 二
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _field_of(key: str) -> tuple[str, str] | None:
    """(field key, template id or "") of a table 二 column header, tolerant of a unit suffix."""
    fields = vocabulary().active_fields
    if key in fields:
        f, template = fields[key]
        return f.key, template
    for label, (f, template) in fields.items():
        if len(label) >= 4 and key.startswith(label) and len(key) - len(label) <= 8:
            return f.key, template
    return None


@dataclass
class ActiveRaw:
    row: str
    label: Token
    values: list[Token]
    header: list[tuple[str, Token]]  # the column headers of its group: (field key, header cell)


def _active_records(records: list[Record]) -> tuple[dict[str, ActiveRaw], list[str]]:
    vocab = vocabulary()
    rows: dict[str, ActiveRaw] = {}
    votes: list[str] = []
    header: list[tuple[str, Token]] = []
    pending: ActiveRaw | None = None
    for record in records:
        row_key: str | None = None
        row_token: Token | None = None
        fresh: list[tuple[str, Token]] = []
        for token in record.labels:
            key = _key(token.text)
            if ITEM_MARK in key:
                header, fresh = [], []  # a new 第二十条 group: its own column headers follow
                continue
            found = _field_of(key)
            if found is not None:
                fresh.append((found[0], token))
                if found[1]:
                    votes.append(found[1])
                continue
            bare = _bare(token.text)
            if bare in vocab.active_rows:
                row_key, row_token = vocab.active_rows[bare], token
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


def _read_active(template: Template, raw: dict[str, ActiveRaw], report: Report, reader: Reader) -> None:
    for row in template.active_rows:
        found = raw.get(row.key)
        path = f"active.{row.key}"
        if found is None:
            reader.doubt(path, None, f"表二未找到“{row.label}”行", f"table 二 has no row {row.label}")
            continue
        field_keys = [f.key for f in row.fields]
        headed = [key for key, _ in found.header]
        order = headed if sorted(headed) == sorted(field_keys) else field_keys
        units = {key: header_unit(token.text) for key, token in found.header}
        options = readings([Slot(t.value, t.where) for t in found.values], len(order))
        distinct = {r.values for r in options if r.cost == options[0].cost} if options else set()
        if not options or len(distinct) > 1:
            printed = " ".join(t.text for t in found.values) or "无"
            cells, columns = len(found.values), len(order)
            reader.doubt(path, None,
                         f"“{row.label}”行印有 {cells} 个单元格（{printed}），应为 {columns} 个，无法确定对应关系",
                         f"row {row.label} prints {cells} cells ({printed}) for {columns} columns; "
                         "nothing decides which is which", found.label.where)
            continue
        reading = options[0]
        if reading.cost:
            reader.doubt(path, list(reading.values), f"“{row.label}”行：{reading.how_zh}",
                         f"row {row.label}: {reading.how}", found.label.where)
        for index, key in enumerate(order):
            f = row.field(key)
            value: Number | None = reading.values[index]
            where = reading.wheres[index]
            cell_path = f"{path}.{key}"
            if f.kind is Kind.MONEY:
                unit = reading.units[index] or units.get(key, "")
                target = f.unit or "元"
                assert value is not None
                converted = scale_money(value, unit, target)
                if unit and unit != target:
                    reader.doubt(cell_path, converted, f"印为 {_fmt(value)}{unit}，换算为{target}",
                                 f"printed {_fmt(value)} {unit}, converted to {target}", where)
                value = converted
            else:
                value = _count(value, f.kind, cell_path, reader, where)
            report.active[row.key][key] = value
            if where:
                reader.provenance[cell_path] = where
        _note_dashes(found.values, path, reader)


def _count(value: Number | None, kind: Kind, path: str, reader: Reader, where: str | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, float) and not value.is_integer():
        reader.doubt(path, None, f"计数印为小数 {value}", f"a count printed as a fraction {value}", where)
        return None
    number = int(value)
    if kind is Kind.COUNT and number < 0:
        reader.doubt(path, None, f"计数印为负数 {number}", f"a count printed negative ({number})", where)
        return None
    return number


def _fmt(value: Number) -> str:
    return str(tidy(value))


def _note_dashes(tokens: Iterable[Token], path: str, reader: Reader) -> None:
    dashes = [t for t in tokens if t.value.kind is CellKind.DASH]
    if dashes:
        shown = "、".join(f"“{t.text.strip()}”" for t in dashes)
        reader.doubt(path, None, f"单元格印为 {shown}，按 0 计", f"cells printed as {shown} are read as 0",
                     dashes[0].where)


# ---------------------------------------------------------------------------------------------
# Table 三
# ---------------------------------------------------------------------------------------------


@dataclass
class RequestRaw:
    key: str
    label: Token
    values: list[Token]


@lru_cache(maxsize=16384)
def _row_candidates(bare: str, joined: str) -> tuple[tuple[float, int, RequestRowKeys], ...]:
    """The table 三 rows a label may name: (quality, matched length, row); exact beats suffix
    (a group heading in the same cell), beats containing, beats a prefix (a label cut short)."""
    found = []
    for row in vocabulary().request_rows:
        quality = 0.0
        length = 0
        for k in row.keys:
            if not k:
                continue
            if bare == k:
                q = 3.0
            elif len(k) >= 4 and joined.endswith(k):
                q = 2.0
            elif len(k) >= 4 and k in bare:
                q = 1.5
            elif len(bare) >= 4 and k.startswith(bare):
                q = 1.0
            else:
                continue
            if (q, len(k)) > (quality, length):
                quality, length = q, len(k)
        if quality:
            found.append((quality, length, row))
    return tuple(found)


@lru_cache(maxsize=16384)
def _bare_parts(text: str) -> tuple[str, ...]:
    """Bare keys of a label cell's space-separated parts, last first ('' for a one-part cell)."""
    parts = text.split()
    if len(parts) < 2:
        return ()
    return tuple(key for key in (bare_label_key(part) for part in reversed(parts)) if key)


def _best_row(
    bare: str, joined: str, next_index: int, min_length: int, min_quality: float = 0.0
) -> RequestRowKeys | None:
    best: tuple[tuple[float, int, int], RequestRowKeys] | None = None
    for quality, length, row in _row_candidates(bare, joined):
        if length < min_length or (quality < 2 and len(bare) < min_length) or quality < min_quality:
            continue
        distance = row.index - next_index if row.index >= next_index else 1000 + next_index - row.index
        rank = (quality, length, -distance)
        if best is None or rank > best[0]:
            best = (rank, row)
    return best[1] if best is not None else None


def _match_request(record: Record, started: bool, next_index: int) -> RequestRowKeys | None:
    """The row a record's labels name. The label nearest the values decides: within a cell, its
    last space-separated part that names a row by at least four characters (a group heading and
    a wrapped row label may share a cell), else the cell as a whole (a label split by spaces);
    其他 and 总计 count only once the rows have started (before, they are column headers)."""
    wholes = [_bare(t.text) for t in record.labels]
    for position in range(len(wholes) - 1, -1, -1):
        before = "".join(wholes[:position])
        for index, part in enumerate(_bare_parts(record.labels[position].text)):
            # Only the last part may be a label cut short (wrapped); a middle part that starts
            # like some label (无正当理…) is a piece of a label split by spaces.
            row = _best_row(part, before + part, next_index, 4, 1.0 if index == 0 else 1.5)
            if row is not None:
                return row
        row = _best_row(wholes[position], before + wholes[position], next_index, 1 if started else 4)
        if row is not None:
            return row
    return None


_bare = lru_cache(maxsize=16384)(bare_label_key)
_key = lru_cache(maxsize=16384)(label_key)


def _request_records(records: list[Record]) -> tuple[dict[str, RequestRaw], list[str]]:
    rows: dict[str, RequestRaw] = {}
    votes: list[str] = []
    started = False
    next_index = 0
    pending: RequestRaw | None = None
    header = vocabulary().request_header
    for record in records:
        # A header repeated on a new page (申请人情况 自然人 … 其他) names no row, though 其他 and
        # 总计 are row labels too: in a header run only a long label counts.
        in_header = sum(1 for t in record.labels if _key(t.text) in header) >= 2
        match = _match_request(record, started and not in_header, next_index)
        if match is None:
            if pending is not None and not pending.values and record.values:
                pending.values = list(record.values)  # values printed on the label's next line
                pending = None
            continue
        started = True
        next_index = match.index + 1
        if len(match.templates) == 1 and record.values:
            votes.extend(match.templates)
        if match.key in rows and rows[match.key].values:
            continue  # the first printing of a row wins (a page may repeat a table)
        pending = RequestRaw(match.key, record.labels[-1], list(record.values))
        rows[match.key] = pending
    return rows, votes


def _request_failures(template: Template) -> Any:
    keys = [row.key for row in template.request_rows]
    outcomes = [row.key for row in template.outcome_rows]
    total = template.total_column

    def failures(table: dict[Hashable, tuple[Number, ...]]) -> int:
        broken = 0
        for key in keys:
            values = table.get(key)
            if values is not None and sum(values[:total]) != values[total]:
                broken += 1
        done = table.get("total_processed")
        new, old, carry = table.get("new_received"), table.get("carried_over"), table.get("carried_forward")
        for c in range(total + 1):
            parts = [table[k][c] for k in outcomes if k in table]
            if done is not None and len(parts) == len(outcomes) and sum(parts) != done[c]:
                broken += 1
            if new is not None and old is not None and carry is not None:
                if done is not None and new[c] + old[c] != done[c] + carry[c]:
                    broken += 1
                # The same balance through the outcome rows (they add up to 总计): what was
                # received either got an outcome or is carried forward.
                if len(parts) == len(outcomes) and new[c] + old[c] != sum(parts) + carry[c]:
                    broken += 1
        return broken

    return failures


def _row_sum(total: int) -> Any:
    return lambda values: sum(values[:total]) == values[total]


def _read_requests(template: Template, raw: dict[str, RequestRaw], report: Report, reader: Reader) -> None:
    n = len(template.request_columns)
    total = template.total_column
    options: dict[Hashable, list[Reading]] = {}
    for row in template.request_rows:
        found = raw.get(row.key)
        if found is None:
            reader.doubt(f"requests.{row.key}", None, f"表三未找到“{row.full_label}”行",
                         f"table 三 has no row {row.full_label}")
            continue
        found_options = readings([Slot(t.value, t.where) for t in found.values], n, _row_sum(total))
        if not found_options:
            printed = " ".join(t.text.strip() or "□" for t in found.values)
            reader.doubt(f"requests.{row.key}", None,
                         f"“{row.full_label}”行印有 {len(found.values)} 个单元格（{printed}），无法对应 {n} 列",
                         f"row {row.key} prints {len(found.values)} cells ({printed}); no reading fits {n} columns",
                         found.label.where)
            continue
        options[row.key] = found_options
    chosen = choose(options, _request_failures(template))
    for row in template.request_rows:
        choice = chosen.get(row.key)
        if choice is None:
            continue
        found = raw[row.key]
        values = _apply(choice, f"requests.{row.key}", row.full_label, found.label.where, reader)
        report.requests[row.key] = [
            v if type(v) is int and v >= 0 else _count(v, Kind.COUNT, f"requests.{row.key}[{i}]", reader,
                                                       choice.reading.wheres[i])
            for i, v in enumerate(values)
        ]
        for i, where in enumerate(choice.reading.wheres):
            if where:
                reader.provenance[f"requests.{row.key}[{i}]"] = where
        _note_dashes(found.values, f"requests.{row.key}", reader)


def _apply(choice: Choice, path: str, label: str, where: str, reader: Reader) -> list[Number | None]:
    reading = choice.reading
    values: list[Number | None] = list(reading.values)
    for column in choice.unknown:
        values[column] = None
    if choice.unknown:
        columns = ", ".join(str(c) for c in sorted(choice.unknown))
        reader.doubt(path, values,
                     f"“{label}”：{reading.how_zh}；勾稽关系无法确定第 {columns} 列（从 0 起），记为未知",
                     f"{label}: {reading.how}; the arithmetic cannot decide column(s) {columns}, left unknown", where)
    elif reading.cost or choice.rivals > 1:
        reader.doubt(path, values,
                     f"“{label}”：{reading.how_zh or '按原样读取'}（在 {choice.rivals} 种读法中按勾稽关系选定）",
                     f"{label}: {reading.how or 'read as printed'} (chosen by the statutory arithmetic among "
                     f"{choice.rivals} readings)", where)
    return values


# ---------------------------------------------------------------------------------------------
# Table 四
# ---------------------------------------------------------------------------------------------


def _read_appeals(template: Template, records: list[Record], report: Report, reader: Reader) -> None:
    vocab = vocabulary()
    group_order: list[str] = []
    field_order: list[str] = []
    per_group: dict[str, Record] = {}
    biggest: Record | None = None
    for record in records:
        last_group: str | None = None
        for token in record.labels:
            # Header cells may run together (行政复议行政诉讼): find every label inside the cell.
            key = _key(token.text)
            found = sorted(
                [(key.find(label), len(label), group, True) for label, group in vocab.appeal_groups.items()
                 if label in key]
                + [(key.find(label), len(label), name, False) for label, name in vocab.appeal_fields.items()
                   if label in key],
                key=lambda hit: (hit[0], -hit[1]),
            )
            for _, _, name, is_group in found:
                if is_group:
                    last_group = name
                    if name not in group_order:
                        group_order.append(name)
                else:
                    last_group = None
                    if name not in field_order:
                        field_order.append(name)
        numbers = sum(1 for t in record.values if t.value.kind is not CellKind.BLANK)
        if last_group is not None and numbers >= 3:
            per_group[last_group] = record
        if biggest is None or len(record.values) > len(biggest.values):
            biggest = record
    groups = [g.key for g in template.appeal_groups]
    fields = [f.key for f in template.appeal_fields]
    if sorted(group_order) == sorted(groups):
        groups = group_order
    if sorted(field_order) == sorted(fields):
        fields = field_order
    width = len(fields)
    total_at = fields.index("total")

    def group_sums(values: tuple[Number, ...]) -> bool:
        return all(
            sum(v for i, v in enumerate(values[g * width:(g + 1) * width]) if i != total_at)
            == values[g * width + total_at]
            for g in range(len(values) // width)
        )

    def failures(table: dict[Hashable, tuple[Number, ...]]) -> int:
        return sum(0 if group_sums(values) else 1 for values in table.values())

    options: dict[Hashable, list[Reading]] = {}
    label_where: dict[Hashable, str] = {}
    if len(per_group) == len(groups):
        for group in groups:
            record = per_group[group]
            options[group] = readings(record.slots(), width, group_sums)
            label_where[group] = record.labels[-1].where
    elif biggest is not None and biggest.values:
        options["all"] = readings(biggest.slots(), width * len(groups), group_sums)
        label_where["all"] = biggest.values[0].where
    else:
        reader.doubt("appeals", None, "未找到表四的数值", "table 四: no values found")
        return
    options = {k: v for k, v in options.items() if v}
    chosen = choose(options, failures)
    for part, choice in chosen.items():
        values = _apply(choice, "appeals" if part == "all" else f"appeals.{part}", "表四", label_where[part], reader)
        part_groups = groups if part == "all" else [str(part)]
        for g, group in enumerate(part_groups):
            for i, key in enumerate(fields):
                index = g * width + i
                path = f"appeals.{group}.{key}"
                where = choice.reading.wheres[index]
                report.appeals[group][key] = _count(values[index], Kind.COUNT, path, reader, where)
                if where:
                    reader.provenance[path] = where
    if not chosen:
        reader.doubt("appeals", None, "表四的单元格数与 15 列不符，无法确定",
                     "table 四: the cells do not fit its 15 columns")


# ---------------------------------------------------------------------------------------------
# The whole report
# ---------------------------------------------------------------------------------------------


_FINDING_FIELDS = tuple(f.name for f in fields(Finding))


def _finding_dict(finding: Finding) -> dict[str, Any]:
    """``Finding.to_dict`` without its deep copy (the values are fresh per finding): same keys."""
    data = {name: getattr(finding, name) for name in _FINDING_FIELDS}
    data["severity"] = finding.severity.value
    if finding.source is None:
        data.pop("source")
    return data


def _decide_template(votes: list[str], year: int | None, reader: Reader) -> Template:
    counted = {tid: votes.count(tid) for tid in TEMPLATES}
    if any(counted.values()):
        best = max(counted, key=lambda tid: counted[tid])
        if all(counted[tid] < counted[best] for tid in counted if tid != best):
            return TEMPLATES[best]
    if year is not None:
        return template_for_year(year)
    reader.doubt("template", None, "表头与年度均无法确定模板，按 2021 模板读取",
                 "neither the headers nor the year decide the template; read as 2021")
    return TEMPLATES["2021"]


def recognise(document: Document) -> Report:
    """The report data of ``document``, with ``sections``, ``provenance``, ``uncertain``, ``findings``."""
    records = _records(document)
    parts = _split_tables(records)
    active_raw, active_votes = _active_records(parts[ACTIVE])
    request_raw, request_votes = _request_records(parts[REQUESTS])
    if not active_raw and not request_raw:
        raise UnreadableFile(
            document.source,
            "未找到年度报告的统计表格（表二、表三）",
            "no statutory tables (tables 二 and 三 of an annual report) found",
        )
    reader = Reader()
    identity = identify(document)
    year = identity.year
    template = _decide_template(active_votes + request_votes, year, reader)
    if year is None:
        year = template.first_year
        reader.doubt("year", year, "标题与正文均未写明年度，按模板的首个年度记",
                     "no year found; the template's first year is used")
    agency = identity.agency or ""
    if not identity.agency:
        reader.doubt("agency", None, "标题与落款均未写明发布机关", "neither the title nor a signature names the agency")
    for note in identity.notes:
        reader.doubt(note.split(":")[0], None, "标题未写明，取自落款或正文", note)
    if identity.agency_where:
        reader.provenance["agency"] = identity.agency_where
    if identity.year_where:
        reader.provenance["year"] = identity.year_where

    report = Report.empty(agency, year, template, fill=None)
    _read_active(template, active_raw, report, reader)
    _read_requests(template, request_raw, report, reader)
    _read_appeals(template, parts[APPEALS], report, reader)
    report.extra["sections"] = sections(document)
    report.extra["provenance"] = reader.provenance
    report.extra["uncertain"] = reader.uncertain
    report.extra["findings"] = [_finding_dict(f) for f in check_report(report)]
    return report
