"""Table 四 printed with non-statutory comparison material: a 年度 column holding the year
(``2024年``) before the fifteen figures, and a row of last year's figures (``2023年``) or of
percentages (同比) under them. Only this year's row is the report's: the year cells and the
comparison row are taken out of the records before table 四 is read.

Gated by the table printing a 年度 header cell or a 同比 / 上年 row label; the year cells are
4-digit years only, and the comparison row starts only after a first year was seen."""

from __future__ import annotations

import re

from gongkai.ingest.extra_columns import is_extra_word
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.records import Record, Token

_YEAR = re.compile(r"^(?:19|20)\d\d年?$")
_YEAR_END = re.compile(r"^(?P<head>.*?)(?:19|20)\d\d年$")  # a year cell, or one ending a label
_SHARE_ROW = "同比"
_ROW_WORDS = (_SHARE_ROW, "上年", "上年数")
_YEAR_HEADER = "年度"
# A crawler's run: ``…总计2024年105152114326251110416 2023年`` (this year's figures inside a label).
_RUN_IN_LABEL = re.compile(r"^(?P<head>.*?)(?P<year>(?:19|20)\d\d)年(?P<run>\d{1,90})\s*(?P<next>(?:19|20)\d\d)年$")
_MAX_RECORDS = 200


def _compact(text: str) -> str:
    return "".join(text.split())


def _gated(records: list[Record]) -> bool:
    for record in records[:_MAX_RECORDS]:
        for token in record.labels:
            text = _compact(token.text)
            if (
                text.endswith(_YEAR_HEADER)
                or _YEAR_HEADER in token.text.split()
                or (is_extra_word(text) and text in _ROW_WORDS)
            ):
                return True
    return False


def _whole(token: Token) -> bool:
    """A printed whole number (no sign, unit or decimals): a count, not a percentage."""
    return token.value.kind is CellKind.NUMBER and token.text.strip().isdigit()


def without_comparison(records: list[Record]) -> list[Record]:
    """``records`` without table 四's year cells and the comparison row after this year's."""
    if not records or not _gated(records):
        return records
    out: list[Record] = []
    years = 0  # year cells seen: the second starts the comparison row
    share_before = False  # the record before was the 同比 row (or its wrapped percentages)
    for record in records:
        labels: list[Token] = []
        values: list[Token] = []
        dropping = False  # the record is the comparison row: its figures are not the report's
        shares = False
        for token in record.labels:
            text = _compact(token.text)
            run = _RUN_IN_LABEL.match(text)
            if run is not None and years == 0 and int(run["next"]) == int(run["year"]) - 1:
                digits = run["run"]
                labels.append(Token(run["head"], token.where, token.value, token.x))
                values.append(Token(digits, token.where, parse_cell(digits), token.x))
                years, dropping = 2, True  # the values after it are last year's
                continue
            ending = _YEAR_END.match(text)
            if text in _ROW_WORDS or (ending is not None and years >= 1):
                dropping = True
                shares = text == _SHARE_ROW  # percentages: whole numbers in it are displaced ones
                years += 1
                continue
            if ending is not None:
                years += 1
                if ending["head"]:
                    labels.append(Token(ending["head"], token.where, token.value, token.x))
                continue
            if not dropping:
                labels.append(token)
        if share_before and record.labels and all(_compact(t.text) == "%" for t in record.labels):
            labels, dropping, shares = [], True, True  # the 同比 row's percentages, wrapped on
        share_before = shares
        kept: list[int] = []  # indices of the record's values kept
        if shares and not any(" cell " in t.where for t in record.values):
            # A 同比 row of plain text: pdftotext sets this year's figures of a column it read
            # late among the percentages (``— — 100.0 … 5 1 2 1 9 … 28.6``): whole numbers stay.
            kept = [at for at, t in enumerate(record.values) if _whole(t)]
        for at, token in enumerate([] if dropping else record.values):
            if token.value.kind is CellKind.NUMBER and _YEAR.match(_compact(token.text)):
                years += 1
                if years >= 2:
                    break  # last year's row starts here
                continue
            if token.value.kind is CellKind.NUMBER and token.value.unit == "%":
                continue
            kept.append(at)
        values += [record.values[at] for at in kept]
        breaks = [sum(1 for at in kept if at < b) for b in record.breaks] if not dropping else []
        if labels or values:
            out.append(Record(labels, values, record.table, [b for b in breaks if 0 < b < len(values)]))
    return out
