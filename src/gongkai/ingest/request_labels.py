"""Table 三's rows named by their printed labels: which row a record's label cells name (numbered,
wrapped, stitched around a group heading, cut short), and the rows printed blank above it."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from gongkai.ingest.line_gaps import lined_row
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.records import Record, Token, cached_bare, cached_key
from gongkai.ingest.row_reading import slots_of
from gongkai.ingest.vocabulary import RequestRowKeys, vocabulary
from gongkai.report.labels import bare_label_key
from gongkai.report.templates import REQUEST_COLUMNS


@lru_cache(maxsize=1)
def printed_rows() -> dict[str, str]:
    """label key of a row label as printed with its numbering (（七）总计, 3.其他) → row key; and bare
    keys of four characters or more. A label of this set names a row on its own."""
    from gongkai.ingest.vocabulary import TEMPLATES_BOTH

    named: dict[str, str] = {}
    for template in TEMPLATES_BOTH:
        for row in template.request_rows:
            for label in row.labels:
                named.setdefault(cached_key(f"{row.number}{label}"), row.key)
                bare = cached_bare(label)
                if len(bare) >= 4:
                    named.setdefault(bare, row.key)
    return named


def other_row_label(record: Record, key: str) -> str:
    """The text of a label in ``record`` that names a row other than ``key`` on its own, if any:
    labels stacked before values (``（七）总计`` / ``3.其他`` / figures, as ``pdftotext`` prints a
    table whose cells it read out of order) leave the figures' row in doubt."""
    if len(record.labels) == 1 and "\n" not in record.labels[0].text:
        return ""  # one line: no label before the figures' own
    return _other_row_label_in(tuple(token.text for token in record.labels), key)


@lru_cache(maxsize=8192)  # a pure function of the labels' texts, asked of every row of table 三
def _other_row_label_in(texts: tuple[str, ...], key: str) -> str:
    named = printed_rows()
    headings = vocabulary().request_headings
    lines = [line for text in texts for line in text.split("\n")]
    for text in lines[:-1]:
        bare = cached_bare(text)
        if bare in headings:
            continue  # a group heading (（三）不予公开) printed beside its rows
        other = named.get(cached_key(text)) or named.get(bare)
        if other is None and _NUMBERED.match(text) and len(bare) >= 4:
            # A numbered label cut short by wrapping (5.要求行政机关确认或重新出具已获)
            starts = {row.key for row in vocabulary().request_rows if any(k.startswith(bare) for k in row.keys)}
            other = next(iter(starts)) if len(starts) == 1 else None
        if other is not None and other != key:
            return text
    return ""


_NUMBERED = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十]+[)）])")


@lru_cache(maxsize=16384)
def row_candidates(bare: str, joined: str) -> tuple[tuple[float, int, RequestRowKeys], ...]:
    """The table 三 rows a label may name: (quality, matched length, row); exact beats suffix
    (a group heading in the same cell), beats containing, beats a prefix (a label cut short). A
    group heading run into an item number (``（六）其他处理1.申请人无正当理由逾期不``) names an item of
    the group, never the row the other template titles with the heading: the item is matched."""
    item = _item_after_heading(bare)
    if item:
        return row_candidates(item, item)
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
    if all(quality < 2 for quality, _, _ in found):
        # Neither the label nor its end names a row: a group heading joined to a short item
        # without numbering (``其他处理-其他``) names the item its rest names exactly.
        rest = _rest_after_heading(bare)
        exact = tuple(found for found in row_candidates(rest, rest) if found[0] == 3.0) if rest else ()
        if exact:
            return exact
    return tuple(found)


def _item_after_heading(bare: str) -> str:
    """The label after a group heading and an item number run into it (``其他处理1申请人…`` →
    ``申请人…``); '' when ``bare`` is not one."""
    for heading in vocabulary().request_headings:
        if bare.startswith(heading) and bare[len(heading) : len(heading) + 1].isdigit():
            return bare[len(heading) :].lstrip("0123456789")
    return ""


def _rest_after_heading(bare: str) -> str:
    """The rest of a label after the group heading it starts with (``其他处理其他`` → ``其他``);
    '' when it starts with none or is the heading alone."""
    for heading in vocabulary().request_headings:
        if bare.startswith(heading) and len(bare) > len(heading):
            return bare[len(heading) :]
    return ""


@lru_cache(maxsize=16384)
def _bare_parts(text: str) -> tuple[str, ...]:
    """Bare keys of a label cell's space-separated parts, last first ('' for a one-part cell)."""
    parts = text.split()
    if len(parts) < 2:
        return ()
    return tuple(key for key in (bare_label_key(part) for part in reversed(parts)) if key)


@lru_cache(maxsize=1)
def _row_numbers() -> dict[str, frozenset[str]]:
    """row key → the item numbers (1 … 8) it is printed with, in either template."""
    from gongkai.ingest.vocabulary import TEMPLATES_BOTH

    numbers: dict[str, set[str]] = {}
    for template in TEMPLATES_BOTH:
        for row in template.request_rows:
            digits = "".join(c for c in row.number if c.isdigit())
            numbers.setdefault(row.key, set()).add(digits)
    return {key: frozenset(found) for key, found in numbers.items()}


_ITEM_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.．、]")


def _printed_number(text: str) -> str | None:
    """The item number a label is printed with (``2.其他`` → 2), None when it has none."""
    match = _ITEM_NUMBER.match(text)
    return str(int(match.group(1))) if match else None  # ２ (full width) is 2


def _best_row(
    bare: str,
    joined: str,
    next_index: int,
    min_length: int,
    min_quality: float = 0.0,
    number: str | None = None,
) -> RequestRowKeys | None:
    best: tuple[tuple[float, int, int], RequestRowKeys] | None = None
    for quality, length, row in row_candidates(bare, joined):
        if length < min_length or (quality < 2 and len(bare) < min_length) or quality < min_quality:
            continue
        if number is not None and length < 4 and number not in _row_numbers().get(row.key, frozenset({number})):
            # "2.其他" (2.其他法律行政法规禁止公开 wrapped) is not the row 3.其他: a short label
            # names a row only with its own number; a long one names it whatever its number.
            continue
        distance = row.index - next_index if row.index >= next_index else 1000 + next_index - row.index
        rank = (quality, length, -distance)
        if best is None or rank > best[0]:
            best = (rank, row)
    return best[1] if best is not None else None


def match_request(record: Record, started: bool, next_index: int) -> RequestRowKeys | None:
    """The row a record's labels name. The label nearest the values decides: within a cell, its
    last space-separated part that names a row by at least four characters (a group heading and
    a wrapped row label may share a cell), else the cell as a whole (a label split by spaces);
    其他 and 总计 count only once the rows have started (before, they are column headers)."""
    # A pure function of the labels' texts and whether figures follow them: the same labels are
    # asked by several readers of every report (``request_rows``, ``column_parts_leads``).
    return _match_texts(tuple(t.text for t in record.labels), bool(record.values), bool(started), next_index)


def match_request_label(text: str) -> RequestRowKeys | None:
    """``match_request`` of a record of the one label ``text``, no figures after it, the rows not
    started: asked of every label cell by ``column_parts_leads`` without making a record of each."""
    return _match_texts((text,), False, False, 0)


_NO_VALUE = parse_cell("")


@lru_cache(maxsize=8192)
def _match_texts(texts: tuple[str, ...], figures: bool, started: bool, next_index: int) -> RequestRowKeys | None:
    """``match_request`` of a record of labels ``texts`` (``figures``: whether values follow them);
    the matchers below read the labels' texts alone, and of the values only whether there are any."""
    record = Record([Token(text, "", _NO_VALUE) for text in texts], [Token("", "", _NO_VALUE)] if figures else [])
    return _match_record(record, started, next_index)


def _match_record(record: Record, started: bool, next_index: int) -> RequestRowKeys | None:
    """``match_request`` worked out (``_match_texts`` hands it a record of the labels' texts)."""
    own = (_numbered_label(record) or _group_row_label(record)) if started else None
    if own is not None:
        return own
    stitched = _stitched(record)
    if stitched:
        row = _best_row(stitched, stitched, next_index, 8, 1.0)
        if row is not None:
            return row
    wholes = [cached_bare(t.text) for t in record.labels]
    for position in range(len(wholes) - 1, -1, -1):
        if _heading_beside_piece(record, wholes, position):
            break
        before = "".join(wholes[:position])
        pieces = record.labels[position].text.split()
        number = _printed_number(pieces[-1]) if len(pieces) > 1 else None
        if number is not None and started:
            # The cell's last line a short numbered label of its own (a wrapped row above it
            # ends in the same cell: ``…政府信息公开申请`` / ``3.其他``): that row, by its number.
            last = cached_bare(pieces[-1])
            row = _best_row(last, last, next_index, 1, 3.0, number=number) if last else None
            if row is not None:
                return row
        for index, part in enumerate(_bare_parts(record.labels[position].text)):
            # Only the last part may be a label cut short (wrapped); a middle part that starts
            # like some label (无正当理…) is a piece of a label split by spaces.
            row = _best_row(part, before + part, next_index, 4, 1.0 if index == 0 else 1.5)
            if row is not None:
                return row
        row = _best_row(
            wholes[position],
            before + wholes[position],
            next_index,
            1 if started else 4,
            number=_printed_number(record.labels[position].text),
        )
        if row is not None:
            return row
    return _wrapped_numbered(record, next_index)


def _numbered_label(record: Record) -> RequestRowKeys | None:
    """The row the record's last label cell names whole, with its item number (``2. 重复申请``,
    ``3. 其他``, as run-on text cut before each number prints it): that row, though group headings
    stand among the labels before it (those are not a wrapped label's pieces, ``_stitched``)."""
    text = record.labels[-1].text if record.labels else ""
    number = _printed_number(text)
    bare = cached_bare(text) if number is not None else ""
    return _best_row(bare, bare, 0, 1, 3.0, number=number) if bare else None


_GROUP_NUMBER = re.compile(r"^\s*[（(][一二三四五六七][)）]")


def _group_row_label(record: Record) -> RequestRowKeys | None:
    """The row the record's last label cell names whole with its group number (``（七）总 计``,
    2019's ``（六）其他处理``) when the record has figures: the label on the figures' line, though
    the labels of rows printed blank above it (a table leaving zeros blank) run before it and,
    joined, end like a longer row's label."""
    if not record.values or len(record.labels) < 2:
        return None
    text = record.labels[-1].text
    if not _GROUP_NUMBER.match(text):
        return None
    bare = cached_bare(text)
    return _best_row(bare, bare, 0, 1, 3.0) if bare else None


_MAX_PIECES = 5  # pieces of a wrapped label after its item number, a few characters each


def _wrapped_numbered(record: Record, next_index: int) -> RequestRowKeys | None:
    """A numbered row label wrapped a few characters a line, the figures beside its middle line
    (``4.保护第`` / ``三方合   1   1`` / ``法权益``, as ``pdftotext -layout`` prints a narrow Word
    column): the pieces from the last item number on, joined, are the start of the row's label.
    The pieces of the group heading wrapped beside them (``（四）无`` / ``法提供``) are skipped:
    every way of leaving pieces out is tried, and the longest start of a label wins."""
    parts = [part for t in record.labels for part in t.text.split()]
    start = next((i for i in range(len(parts) - 1, -1, -1) if _ITEM_NUMBER.match(parts[i])), None)
    if start is None or len(parts) - start > _MAX_PIECES:
        return None
    number = _printed_number(parts[start])
    head = cached_bare(parts[start])
    rest = [cached_bare(p) for p in parts[start + 1 :]]
    best: tuple[int, RequestRowKeys] | None = None
    for keep in itertools.product((True, False), repeat=len(rest)):
        bare = head + "".join(p for p, k in zip(rest, keep, strict=True) if k)
        if len(bare) < 3:
            continue
        row = _best_row(bare, bare, next_index, 4, number=number) if len(bare) >= 4 else _numbered_start(bare, number)
        if row is not None and (best is None or len(bare) > best[0]):
            best = (len(bare), row)
    return best[1] if best is not None else None


def _numbered_start(bare: str, number: str | None) -> RequestRowKeys | None:
    """The one row whose label starts with three characters ``bare`` and is printed with item
    number ``number`` (``1.属于国`` is 1.属于国家秘密); None when none or several."""
    if number is None:
        return None
    found = {
        row.key: row
        for row in vocabulary().request_rows
        if number in _row_numbers().get(row.key, frozenset()) and any(k.startswith(bare) for k in row.keys if k)
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _heading_beside_piece(record: Record, wholes: list[str], position: int) -> bool:
    """Whether label ``position`` is a group heading centred beside the middle piece of a row label
    wrapped over lines (``（六）其他处理`` | ``补正、行政机关不再处理其`` with the figures, the label
    begun on the lines above: a Markdown converter's row a line): a heading, not 2019's row of
    that name, since a label after it continues a row and starts none."""
    rest = record.labels[position + 1 :]
    return (
        bool(rest)
        and wholes[position] in vocabulary().request_headings
        and not any(_ROW_START.match(t.text) for t in rest)
    )


def _stitched(record: Record) -> str:
    """A wrapped row label with its group heading printed among its pieces, as ``pdftotext
    -layout`` leaves a cell centred beside a taller one (``1.申请人无正当理由逾期`` /
    ``（六）其他处理   不补正、行政机关不再处理``): the pieces joined without the heading; '' if
    no heading sits between pieces."""
    parts = [part for t in record.labels for part in (t.text.split() or [t.text])]
    if len(parts) < 3:
        return ""
    headings = vocabulary().request_headings
    bares = [cached_bare(part) for part in parts]
    inside = {i for i in range(1, len(parts) - 1) if bares[i] in headings}
    if not inside or any(_ROW_START.match(part) for part in parts[min(inside) + 1 :]):
        # No heading among the pieces, or a numbered row starts after it (``（六）其他处理`` /
        # ``（七）总计`` of a table leaving its zero rows blank): rows of their own, not one wrapped.
        return ""
    return "".join(b for i, b in enumerate(bares) if i not in inside and b not in headings)


_ROW_START = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七][)）]|[一二三四]、)")


def _row_starts(record: Record) -> int:
    """How many pieces of the record's labels start a row by their number (``blank_rows_before``'s gate)."""
    return _row_starts_in(tuple(t.text for t in record.labels))


@lru_cache(maxsize=8192)  # a pure function of the labels' texts, asked of every record of table 三
def _row_starts_in(texts: tuple[str, ...]) -> int:
    return sum(1 for text in texts for part in text.split() if _ROW_START.match(part))


def blank_rows_before(record: Record, next_index: int, named: int) -> list[RequestRowKeys]:
    """The rows a laid-out table printed with no figure at all, their labels on lines of their
    own above the row the record's figures belong to (a Word table leaving zeros blank, as
    ``pdftotext -layout`` prints it: ``1. 属于国家秘密`` / ``2. 其他法律行政法`` / ``规禁止公开`` /
    ``3. 危及… 1  1``): each numbered piece of the label lines starts a row (a group heading's
    pieces, ``(五)`` / ``不予``, name none), and the rows named so, in order between the last row
    read and this one, are rows of blank cells."""
    if len(record.labels) < 2:
        return []
    if _row_starts(record) < 2:
        return []  # one numbered piece or none: only the figures' own row is named (the usual case)
    if (
        record.values
        and not any(t.x is not None or " cell " in t.where or " part " in t.where for t in record.values)
        and not lined_row(slots_of(record.values), len(REQUEST_COLUMNS))
    ):
        # A laid-out table, one whose blank cells show as line breaks (line_gaps), or labels with
        # no figure at all after them (a converter's pulled-out labels of rows printing none).
        return []
    parts = [Token(part, t.where, t.value) for t in record.labels for part in t.text.split()]
    starts = [i for i, t in enumerate(parts) if _ROW_START.match(t.text)]
    found: list[RequestRowKeys] = []
    low = next_index
    for a, b in itertools.pairwise([*starts, len(parts)]):
        if b == len(parts):
            break  # the last label: the row of the figures
        chunk = Record(parts[a:b], [], record.table)
        # A short label with its number (3.其他) names its row whole; longer ones may be wrapped.
        row = _numbered_label(chunk) or _wrapped_numbered(chunk, low) or match_request(chunk, False, low)
        if row is not None and low <= row.index < named:
            found.append(row)
            low = row.index + 1
    return found
