"""A document's tables as one stream of records: label cells, then the value cells after them.

Every format reader hands over tables as rows of cells. Read in order, all cells of all tables
make one stream, cut into *records* (a run of labels followed by the values after it), and each
record is given to the table (二, 三, 四) its labels belong to. A row split over lines, a table
split over pages or copied one cell per line gives the same records.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from gongkai.ingest.appeal_pieces import names_appeal_header
from gongkai.ingest.document import Document
from gongkai.ingest.numbers import CellKind, CellValue, parse_cell, several_numbers
from gongkai.ingest.pipe_wraps import STACKED
from gongkai.ingest.row_reading import Slot, slots_of
from gongkai.ingest.table_captions import captioned_table
from gongkai.ingest.template_align import MIN_SIMILARITY, similarity
from gongkai.ingest.vocabulary import (
    ITEM_MARK,
    RequestRowKeys,
    field_of,
    is_numbered_request_row,
    is_table_label,
    split_citation,
    vocabulary,
)
from gongkai.report.labels import bare_label_key, label_key
from gongkai.report.templates import TABLES

ACTIVE, REQUESTS, APPEALS = "active", "requests", "appeals"
_ORDER = (ACTIVE, REQUESTS, APPEALS)

cached_key = lru_cache(maxsize=16384)(label_key)
cached_bare = lru_cache(maxsize=16384)(bare_label_key)


@dataclass(slots=True)
class Token:
    text: str
    where: str
    value: CellValue
    x: float | None = None  # where the figure stands on its line of laid-out text (``Cell.x``)
    lead: int = 0  # blanks before the figure in its pipe cell (``Cell.lead``)
    # A figure of a cell holding a wrapped figure put back beside others (``units.STACKED``):
    # their order in the cell is not the page's (``stacked_cells``).
    stacked: bool = False


@dataclass(slots=True)
class Record:
    labels: list[Token]
    values: list[Token] = field(default_factory=list)
    table: int = 0  # which table block of the document it starts in
    # Where a later row of the table with no label of its own began adding values (indices into
    # ``values``): a row whose label a converter pulled out, or the rest of a wrapped row.
    breaks: list[int] = field(default_factory=list)

    def slots(self) -> list[Slot]:
        return slots_of(self.values)


_LINE_NUMBER = re.compile(r"line (\d+)")


def line_number(token: Token) -> int | None:
    """The number of the line a token was printed on (from its ``where``); None where it names none."""
    return _line_of(token.where)


@lru_cache(maxsize=4096)  # asked of the same tokens by many passes (a pure function of a str)
def _line_of(where: str) -> int | None:
    found = _LINE_NUMBER.match(where)
    return int(found.group(1)) if found else None


def printed_counts(records: Iterable[Record]) -> list[Token] | None:
    """The records' printed cells in order, blank ones dropped, where every one is a plain count
    (a dash too: a printed 0); None where one is a word, a fraction, a negative or unknown — the
    figures are then no grid of counts for the readers that place them by the sums alone."""
    printed: list[Token] = []
    blank, text = CellKind.BLANK, CellKind.TEXT
    for record in records:  # one pass: asked by many readers of table 三 of the same records
        for token in record.values:
            value = token.value
            if value.kind is blank:
                continue
            amount = value.amount
            if value.kind is text or not isinstance(amount, int) or amount < 0:
                return None
            printed.append(token)
    return printed


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


def physical_rows(record: Record, whole: Callable[[list[Token]], bool]) -> list[Record]:
    """A record whose values run over several rows of the printed table, the later rows with no
    label of their own (a converter pulled the labels out of the table), as one record per row,
    when every such row is ``whole`` (a full row of its table); the rows after the first have no
    labels. Otherwise (a row wrapped over two lines) the record as it is."""
    if not record.breaks:
        return [record]
    edges = [0, *record.breaks, len(record.values)]
    parts = [record.values[a:b] for a, b in pairwise(edges) if b > a]
    if len(parts) < 2 or not all(whole(part) for part in parts):
        return [record]
    return [Record(record.labels, parts[0], record.table), *(Record([], part, record.table) for part in parts[1:])]


def _row_ending_table(record: Record, table: int) -> bool:
    """Whether ``record`` (labels only) is a whole row of table 三 that ended the table before
    ``table``, printing no figure (四、结转下年度继续办理 with its zeros left blank): a row of its own,
    not the start of a label the next table's cells go on with."""
    return record.table != table and is_numbered_request_row(record.labels[-1].text.strip())


def read_records(document: Document) -> list[Record]:
    """The records of every table of ``document``, in order."""
    records: list[Record] = []
    blank = CellKind.BLANK
    for number, table in enumerate(document.tables):
        labelled = False  # a label seen in this table yet
        for row in table.rows:
            infos = [_cell_info(cell.text) for cell in row]
            last_label = -1
            for i, info in enumerate(infos):
                if info[2] is not None:
                    last_label = i
            if last_label < 0 and records and records[-1].values:
                records[-1].breaks.append(len(records[-1].values))
            for i, cell in enumerate(row):
                value, spread, parts = infos[i]
                if parts is not None:
                    labelled = True
                    tokens = [
                        Token(part, cell.where, value, x)
                        for part, x in zip(parts, part_places(cell.text, parts, cell.x), strict=True)
                    ]
                    if records and not records[-1].values and not _row_ending_table(records[-1], number):
                        records[-1].labels.extend(tokens)
                    else:
                        records.append(Record(tokens, [], number))
                elif not records:
                    continue  # values before any label belong to nothing
                elif spread is not None:
                    records[-1].values.extend(
                        Token(
                            str(v.number if v.number is not None else ""),
                            f"{cell.where} number {k + 1}",
                            v,
                            lead=0 if k else cell.lead,
                            stacked=STACKED in cell.text,
                        )
                        for k, v in enumerate(spread)
                    )
                elif (i < last_label or not labelled) and value.kind is blank:
                    # Blank cells in the label area of a row (merged-cell padding), or at the top of
                    # a table before its first label: they belong to no row before them.
                    continue
                else:
                    records[-1].values.append(Token(cell.text, cell.where, value, cell.x, cell.lead))
    return records


def part_places(text: str, parts: Sequence[str], centre: float | None) -> list[float | None]:
    """Where each of ``parts`` (pieces of ``text``, in order) stands on its line of laid-out text,
    given the centre of ``text`` there (``Cell.x``); all None when ``centre`` is None or a part is
    not found in ``text``."""
    if centre is None:
        return [None] * len(parts)
    start = centre - (len(text) - 1) / 2
    places: list[float | None] = []
    cursor = 0
    for part in parts:
        at = text.find(part, cursor)
        if at < 0:
            return [None] * len(parts)
        places.append(start + at + (len(part) - 1) / 2)
        cursor = at + len(part)
    return places


@lru_cache(maxsize=16384)
def _label_parts(text: str) -> tuple[str, ...]:
    """A cell holding several labels split by spaces (``信息内容 本年新制作数量 …``) as its labels.

    Spaces inside one label (``三、 本年 度办 理结 果``) stay: the cell is only split when at
    least two of its parts are labels of the tables on their own.
    """
    cited = split_citation(text)
    if cited is not None:
        rest = _label_parts(cited[1])
        if any(is_table_label(part) for part in rest):
            # The item's merged cell printed on the line of its first row or of its header
            # (``第二十条第（一）项   规章``): the citation, then that row's or header's labels.
            return (cited[0], *rest)
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
    captioned = captioned_table(text)
    if captioned is not None and TABLES[captioned].key == APPEALS:  # 附表3 + table 四's title: names it outright
        return 0, 0, 2
    vocab = vocabulary()
    key = label_key(text)
    bare = bare_label_key(text)
    active = requests = appeals = 0
    if ITEM_MARK in key or key == vocab.active_corner or bare in vocab.active_rows or field_of(key) is not None:
        active = 1
    if (
        key in vocab.request_header
        or (len(key) >= 8 and key in vocab.note_key)
        or bare in vocab.request_headings
        or (len(bare) >= 4 and any(bare in row.keys or _fuzzy(bare, row) for row in vocab.request_rows))
        or _damaged_request_label(bare)
    ):
        requests = 1
    if key in vocab.appeal_groups or key == vocab.appeal_parent or key in vocab.appeal_fields:
        appeals = 1
    elif len(key) > 4 and sum(label in key for label in (*vocab.appeal_groups, *vocab.appeal_fields)) >= 2:
        appeals = 2  # header cells run together: 行政复议行政诉讼, 结果维持结果纠正…
    elif names_appeal_header(text):
        appeals = 2  # group headers broken over lines: 复议 / 诉讼, 未经复议 / 直接起诉
    return active, requests, appeals


def _tables_hit(record: Record) -> tuple[int, int, int]:
    """How many of the record's labels belong to each table (active, requests, appeals)."""
    labels = record.labels
    if len(labels) == 1:
        token = labels[0]
        return _token_hits(token.text, _laid_out(token))
    return _labels_hits(tuple((token.text, _laid_out(token)) for token in labels))


@lru_cache(maxsize=8192)  # a pure function of the labels' texts (and whether each stands indented)
def _labels_hits(labels: tuple[tuple[str, bool], ...]) -> tuple[int, int, int]:
    active = requests = appeals = 0
    for text, laid_out in labels:
        a, r, p = _token_hits(text, laid_out)
        active += a
        requests += r
        appeals += p
    return active, requests, appeals


@lru_cache(maxsize=16384)  # a pure function of a label's text (and whether it stands indented)
def _token_hits(text: str, laid_out: bool) -> tuple[int, int, int]:
    hits = _label_hits(text)
    return hits if any(hits) else _gapped_hits(text, laid_out)


_HEADER_GAP = re.compile(r"\s{3,}")
_MAX_PARTS = 12  # cells of one header line (table 三's are at most ten)
_SHORT_CELL = 5  # characters of a header cell wrapped in a narrow column (商业企 / 业)


def _laid_out(token: Token) -> bool:
    """Whether a label stands indented on a line of laid-out text (pdftotext's plain text and
    Markdown set every line at the margin)."""
    return token.x is not None and token.x - len(token.text.strip()) / 2 >= 2


def _gapped_hits(text: str, laid_out: bool) -> tuple[int, int, int]:
    """The hits of a laid-out header line that came as one label, none named by the whole: its
    cells wide apart (``自然人         其他组     总 计`` of a 三线表 whose header cells wrapped), or
    short cells a space apart on an indented line (``自然人 业商业企 构科研机``; never prose):
    each cell's, summed."""
    single = text.split()
    splits = [_HEADER_GAP.split(text.strip())]
    if laid_out and max(map(len, single), default=_SHORT_CELL + 1) <= _SHORT_CELL:
        splits.append(single)
    for parts in splits:
        if not 1 < len(parts) <= _MAX_PARTS:
            continue
        hits = [_label_hits(part) for part in parts]
        total = (sum(h[0] for h in hits), sum(h[1] for h in hits), sum(h[2] for h in hits))
        if any(total):
            return total
    return (0, 0, 0)


def names_a_table(record: Record) -> bool:
    """Whether any label of ``record`` belongs to one of the tables (not prose, a unit line)."""
    return any(_tables_hit(record))


def _fuzzy(bare: str, row: RequestRowKeys) -> bool:
    return any(len(k) >= 4 and (bare.endswith(k) or (len(bare) >= 5 and k.startswith(bare))) for k in row.keys)


def _damaged_request_label(bare: str) -> bool:
    """A long row label of table 三 printed with characters dropped or misread (本年新收公开申请
    数量): similar enough to one (``template_align.similarity``) to belong to table 三; which
    row it is, ``template_align`` decides later and notes as uncertain. Labels sharing too few
    characters with a row label are ruled out before any edit distance is computed."""
    if len(bare) < 6:
        return False
    chars = set(bare)
    for row in vocabulary().request_rows:
        for key in row.keys:
            if (
                len(key) >= 8
                and len(chars & set(key)) * 10 >= len(set(key)) * 7
                and similarity(bare, key) >= MIN_SIMILARITY
            ):
                return True
    return False


def _names_only(record: Record, table: int) -> bool:
    """Whether a label of ``record`` of four characters or more belongs to ``table`` and no other."""
    for token in record.labels:
        hits = _label_hits(token.text)
        if hits[table] and sum(1 for h in hits if h) == 1 and len(cached_bare(token.text)) >= 4:
            return True
    return False


def split_tables(records: list[Record]) -> dict[str, list[Record]]:
    """Each record to the table most of its labels belong to; a record whose labels belong to no
    table (a fragment, a unit line) stays with the table before it. Ties go to the current table,
    else to the next one in printed order (二 → 三 → 四)."""
    parts: dict[str, list[Record]] = {name: [] for name in _ORDER}
    state = -1
    for record in (part for whole in records for part in _later_table_cut(whole)):
        hit = _tables_hit(record)
        most = max(hit)
        if most and (state < 0 or hit[state] != most):
            leaders = [i for i in range(3) if hit[i] == most]
            later = [i for i in leaders if i > state]
            if later:
                state = later[0]
            elif _names_only(record, leaders[-1]):
                # Back to an earlier table only on a label that is that table's alone: short
                # labels several tables print (其他, 总计) in table 四's header are not.
                state = leaders[-1]
        if state >= 0:
            parts[_ORDER[state]].append(record)
    parts[REQUESTS] = _without_foreign_head(parts[REQUESTS])
    return parts


def _without_foreign_head(records: list[Record]) -> list[Record]:
    """Table 三's records without those ahead of its first row of its own that stand in another
    table and name it by a label every table may print only (合计, 总计): a non-statutory table
    before it (applications by channel, its 合计 row) is not its first rows. Table 三 is found by
    its own labels, not by coming after the table before it."""
    first = next((i for i, r in enumerate(records) if _names_only(r, 1)), 0)
    head = records[:first]
    if not head or not all(r.values and r.labels and all(_row_word(t.text) for t in r.labels) for r in head):
        return records
    # Only rows of figures under such a label are left out: a header's cells ahead of the first
    # row (自然人, 项目, the sentence introducing the table) stay table 三's.
    return records[first:]


def _row_word(text: str) -> bool:
    """Whether a label is a row label of table 三 too short to name it alone (合计, 总计)."""
    bare = cached_bare(text)
    return any(bare in row.keys for row in vocabulary().request_rows)


def _later_table_cut(record: Record) -> list[Record]:
    """A record whose labels run from one table's into the next table's header (pdftotext printing
    a row label of table 三 right before table 四's 行政复议 行政诉讼 …) as two records: the first
    label that belongs to a later table alone (four characters or more) and to none of the labels
    before it starts the second, which keeps the values. Otherwise the record as it is."""
    if len(record.labels) < 2:
        return [record]
    i = _later_table_at(tuple(token.text for token in record.labels))
    if i is None:
        return [record]
    head = Record(record.labels[:i], [], record.table)
    return [head, Record(record.labels[i:], record.values, record.table, record.breaks)]


@lru_cache(maxsize=8192)  # a pure function of the labels' texts
def _later_table_at(texts: tuple[str, ...]) -> int | None:
    """Where ``_later_table_cut`` cuts labels of these texts (None: nowhere)."""
    before = [0, 0, 0]
    # Labels of one table alone before, and of those the ones of four characters or more: a short
    # label several tables print (总计 of table 三's header and of table 四's) does not make the
    # later table begun where a long label of an earlier table's own stands before it (table 三
    # printing its header and no row after table 二's last item, table 四's header running on from
    # it); short labels alone (其他, 总计 of table 四's header itself) name no earlier table.
    alone = [0, 0, 0]
    named = [0, 0, 0]
    for i, text in enumerate(texts):
        hits = _label_hits(text)
        owner = [t for t in range(3) if hits[t]]
        long = len(cached_bare(text)) >= 4
        if i and len(owner) == 1 and long:
            t = owner[0]
            if (not before[t] and any(before[:t])) or (not alone[t] and any(named[:t])):
                return i
        for t in range(3):
            before[t] += hits[t]
        if len(owner) == 1:
            alone[owner[0]] += 1
            named[owner[0]] += long
    return None
