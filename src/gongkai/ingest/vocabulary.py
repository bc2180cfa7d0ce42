"""The labels of the three statutory tables as lookup keys, built once from ``report/templates.py``.

Nothing here spells a label: every key is ``label_key``/``bare_label_key`` of a label or variant
the templates declare. Both templates are merged, so that a table can be read before its
template is known (the headers and the 三（六） rows decide it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from gongkai.report.labels import bare_label_key, label_key
from gongkai.report.templates import (
    ACCEPTED,
    ACTIVE_CORNER,
    DENIED,
    LITIGATION,
    NOT_PROCESSED,
    ORGANISATION_GROUP,
    OTHER_HANDLING,
    REQUEST_COLUMNS,
    REQUESTS_CORNER,
    REQUESTS_NOTE,
    TEMPLATE_2019,
    TEMPLATE_2021,
    UNAVAILABLE,
    Field,
    Template,
)

TEMPLATES_BOTH: tuple[Template, ...] = (TEMPLATE_2019, TEMPLATE_2021)
ITEM_MARK = label_key("第二十条")  # the 第二十条第（X）项 group rows of table 二


@dataclass(frozen=True)
class RequestRowKeys:
    key: str
    index: int  # position in the merged printed order
    keys: frozenset[str]  # bare label keys
    templates: frozenset[str]


@dataclass(frozen=True)
class Vocabulary:
    active_rows: dict[str, str]  # label key → row key
    active_fields: dict[str, tuple[Field, str]]  # label key → (field, template id or "" for both)
    request_rows: tuple[RequestRowKeys, ...]
    request_headings: frozenset[str]  # 三、本年度办理结果, （三）不予公开 … (bare keys)
    request_header: frozenset[str]  # note, corner, column labels, 法人或其他组织
    note_key: str
    appeal_groups: dict[str, str]  # label key → group key
    appeal_parent: str
    appeal_fields: dict[str, str]  # label key → field key
    active_corner: str


@lru_cache(maxsize=32768)
def is_table_label(text: str) -> bool:
    """Whether a line is a label of one of the statutory tables (a row, a column header)."""
    vocab = vocabulary()
    key = label_key(text)
    if not key:
        return False
    bare = bare_label_key(text)
    return (
        ITEM_MARK in key
        or key == vocab.active_corner
        or key in vocab.active_fields
        or bare in vocab.active_rows
        or key in vocab.request_header
        or bare in vocab.request_headings
        or any(bare in row.keys for row in vocab.request_rows)
        or key in vocab.appeal_groups
        or key == vocab.appeal_parent
        or key in vocab.appeal_fields
    )


# A 第二十条 item's citation at the start of a cell (第二十条第（一）项), or a piece of one a narrow
# cell wrapped (第二十条第 above, （一）项 below), with more text after it on the same line.
_ARTICLE = r"第\s*二\s*十\s*条"
_ITEM = r"[（(]\s*[一二三四五六七八九十]{1,2}\s*[)）]\s*项"
# A whole citation as printed: 第二十条第（一）项, or 第（一）项 alone under the article's heading.
CITATION = rf"(?:{_ARTICLE}\s*)?第\s*{_ITEM}"
_CITATION_HEAD = re.compile(rf"^\s*(?:{_ARTICLE}(?:\s*第\s*(?:{_ITEM})?)?|{_ITEM})(?=\s)")


def split_citation(text: str) -> tuple[str, str] | None:
    """(citation, rest) of a cell whose 第二十条 citation shares its line with what follows it
    (``第二十条第（一）项   规章``: the item's merged cell centred down onto its first row's
    line, or onto its header's); None when the text is no such cell."""
    match = _CITATION_HEAD.match(text)
    if match is None or not text[match.end() :].strip():
        return None
    return match.group().strip(), text[match.end() :].strip()


def is_active_row(text: str) -> bool:
    """Whether ``text`` is the whole label of a row of table 二 (行政许可, 行政事业性收费)."""
    return bare_label_key(text) in vocabulary().active_rows


_NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[)）]|\d{1,2}\s*[.．、])")


def is_numbered_request_row(text: str) -> bool:
    """Whether ``text`` is the whole label of a row of table 三 with its printed number
    (四、结转下年度继续办理, （七）总计): a bare 其他 or 总计 is a column's header as well."""
    bare = bare_label_key(text)
    return bool(_NUMBERED.match(text)) and any(bare in row.keys for row in vocabulary().request_rows)


def ends_with_request_row(head: str) -> bool:
    """Whether ``head`` (the text before a row's figures) ends with the label of a row of table 三,
    whose figures are all counts ≥ 0: a dash run into them is a blank cell, never a minus sign."""
    bare = bare_label_key(head)
    if len(bare) >= 4 and any(
        bare.endswith(key) for row in vocabulary().request_rows for key in row.keys if len(key) >= 4
    ):
        return True
    # A short label (总计) names a row of table 三 only with its numbering: （七）总计.
    return label_key(head).endswith(_numbered_short_rows())


@cache
def _numbered_short_rows() -> tuple[str, ...]:
    """The keys of table 三's short row labels printed with their section numbering (（七）总计 → 七总计)."""
    return tuple(
        sorted(
            {
                label_key(row.number + label)
                for template in TEMPLATES_BOTH
                for row in template.request_rows
                if row.number.strip("（）()")
                for label in row.labels
                if len(bare_label_key(label)) < 4
            }
        )
    )


def ends_with_appeal_group(head: str) -> bool:
    """Whether ``head`` (the text before a row's figures) ends with a group label of table 四 set
    as a row (行政复议, 复议后起诉: the groups down the first column), whose figures are all counts
    ≥ 0: a dash run into them is a blank cell, never a minus sign."""
    key = label_key(head)
    return any(key.endswith(label) for label in vocabulary().appeal_groups)


@lru_cache(maxsize=32768)
def label_weight(text: str) -> int:
    """How many table labels a line holds: one label, labels split by spaces, or header cells run
    together (行政复议行政诉讼). Used to tell a table printed without numbers from prose."""
    if is_table_label(text):
        return 1
    parts = text.split()
    if len(parts) > 1:
        count = sum(1 for part in parts if is_table_label(part))
        if count >= 2:
            return count
    vocab = vocabulary()
    key = label_key(text)
    inside = sum(1 for label in (*vocab.appeal_groups, *vocab.appeal_fields) if label in key)
    return inside if inside >= 2 else 0


@cache
def vocabulary() -> Vocabulary:
    active_rows: dict[str, str] = {}
    fields: dict[str, tuple[Field, str]] = {}
    for template in TEMPLATES_BOTH:
        for row in template.active_rows:
            for label in row.labels:
                active_rows.setdefault(label_key(label), row.key)
            for f in row.fields:
                for label in f.labels:
                    key = label_key(label)
                    if key in fields and fields[key][1] != template.id:
                        fields[key] = (f, "")  # printed by both templates (处理决定数量)
                    else:
                        fields.setdefault(key, (f, template.id))
    # Merged printed order of table 三: the 2019 rows, with 2021's three （六） rows after （六）其他处理.
    merged: list[tuple[str, frozenset[str], set[str]]] = []
    seen: dict[str, int] = {}
    for template in TEMPLATES_BOTH:
        previous = -1
        for request_row in template.request_rows:
            keys = frozenset(bare_label_key(label) for label in request_row.labels)
            if request_row.key in seen:
                previous = seen[request_row.key]
                merged[previous][2].add(template.id)
                continue
            merged.insert(previous + 1, (request_row.key, keys, {template.id}))
            seen = {key: i for i, (key, _, _) in enumerate(merged)}
            previous = seen[request_row.key]
    request_rows = tuple(RequestRowKeys(key, i, keys, frozenset(ids)) for i, (key, keys, ids) in enumerate(merged))
    headings = frozenset(
        bare_label_key(text) for text in (ACCEPTED, DENIED, UNAVAILABLE, NOT_PROCESSED, OTHER_HANDLING)
    )
    header = frozenset(
        {label_key(REQUESTS_CORNER), label_key(ORGANISATION_GROUP), label_key(REQUESTS_NOTE)}
        | {label_key(label) for column in REQUEST_COLUMNS for label in column.labels}
    )
    groups = {label_key(g.label): g.key for g in TEMPLATE_2019.appeal_groups}
    appeal_fields = {label_key(label): f.key for f in TEMPLATE_2019.appeal_fields for label in f.labels}
    return Vocabulary(
        active_rows=active_rows,
        active_fields=fields,
        request_rows=request_rows,
        request_headings=headings,
        request_header=header,
        note_key=label_key(REQUESTS_NOTE),
        appeal_groups=groups,
        appeal_parent=label_key(LITIGATION),
        appeal_fields=appeal_fields,
        active_corner=label_key(ACTIVE_CORNER),
    )


@lru_cache(maxsize=4096)
def field_of(key: str) -> tuple[str, str] | None:
    """(field key, template id or "") of a table 二 column header, tolerant of a unit suffix."""
    fields = vocabulary().active_fields
    if key in fields:
        f, template = fields[key]
        return f.key, template
    for label, (f, template) in fields.items():
        if len(label) >= 4 and key.startswith(label) and len(key) - len(label) <= 8:
            return f.key, template
    return None
