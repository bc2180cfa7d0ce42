"""Footnote markers on row labels (``行政许可注1``, ``行政许可①``, ``（七）总计*``) taken off the
figures a text reading ran them into. The label keeps its marker (``report.labels`` folds it
away); the figures become the row's values again.

* ``注`` + a digit: the digit is read as the row's first figure (``（七）总计注 3 2529 …``) or
  the head of its run (``行政许可注12300``: 注1, 2300). Taken off only where the page explains
  that note (``注1：…`` under a table), and one digit only.
* a circled digit or asterisks run into the figures (``行政许可①0-41684``): the figures after
  the marker are cut out of the label into the row's values.
* in a crawler's run-on text (``申请数量注26850032933601350100.0%``) an explained note's marker
  glued to the row's digits is set apart from them before the text is cut (``notes_apart``), so
  that a share run on after the digits or the row's own sum can cut the run."""

from __future__ import annotations

import re
from functools import lru_cache

from gongkai.ingest.document import Document, TextBlock
from gongkai.ingest.numbers import CellKind, parse_cell
from gongkai.ingest.records import Record, Token

_NOTE_EXPLAINED = re.compile(r"注\s*(\d)\s*[：:]")
_NOTE_TWO_DIGITS = re.compile(r"注\s*(\d\d)\s*[：:]")
_NOTE_GLUED = re.compile(r"(?<=[\u4e00-\u9fff])注(\d)(?=\d)")
_MARKED_RUN = re.compile(
    r"^(?P<label>.*[^\d\s*])(?P<mark>[\u2460-\u2473]|\*{1,3})(?P<run>[-+]?\d[\d.]*(?:[-+]\d[\d.]*){0,30})$"
)
_FIGURE = re.compile(r"[-+]?\d+(?:\.\d+)?")
_MAX_BLOCKS = 5000  # blocks searched for the notes' explanations
_MAX_LABEL = 80  # a row label with its run: longer text is prose


def explained_notes(document: Document) -> set[str]:
    """The digits of the notes the page explains (``注1：…``), in its text or its tables' cells."""
    notes: set[str] = set()
    for block in document.blocks[:_MAX_BLOCKS]:
        texts = [block.text] if isinstance(block, TextBlock) else [c.text for row in block.rows for c in row]
        if "注" not in "".join(texts):
            continue  # no note in the block (most): its texts need no search
        for text in texts:
            if "注" in text:
                notes.update(m.group(1) for m in _NOTE_EXPLAINED.finditer(text))
    return notes


def notes_apart(text: str) -> str:
    """``text`` with a space after each explained note's marker run into a row's digits
    (``行政许可注12300``: ``行政许可注1 2300``); where the page explains a two-digit note that
    starts with the digit (注12), the marker is left as printed."""
    if "注" not in text:
        return text
    notes = set(_NOTE_EXPLAINED.findall(text))
    notes -= {two[0] for two in _NOTE_TWO_DIGITS.findall(text)}
    if not notes:
        return text
    return _NOTE_GLUED.sub(lambda m: m[0] + " " if m[1] in notes else m[0], text)


def marks_off(records: list[Record], notes: set[str]) -> list[Record]:
    """``records`` with the footnote markers of their labels taken off their figures; ``notes``:
    the digits of the notes the page explains (``explained_notes``)."""
    out: list[Record] = []
    for record in records:
        out += _run_split(_note_digit(record, notes))
    return out


def _note_digit(record: Record, notes: set[str]) -> Record:
    """A row whose label ends in 注 and whose first figure starts with an explained note's digit."""
    if not notes or not record.labels or not record.values:
        return record
    label, first = record.labels[-1], record.values[0]
    text = first.text.strip()
    if not "".join(label.text.split()).endswith("注") or text[:1] not in notes:
        return record
    if first.value.kind is not CellKind.NUMBER or not (first.value.digits or "." in text):
        return record
    marked = Token(label.text.rstrip() + text[0], label.where, label.value, label.x)
    rest = text[1:]
    labels = [*record.labels[:-1], marked]
    if not rest:
        breaks = [b - 1 for b in record.breaks if b > 1]
        return Record(labels, record.values[1:], record.table, breaks)
    if rest[0] == "0" and rest[1:2].isdigit():
        return record  # 注1 then 05: no figure starts with 0
    value = parse_cell(rest)
    if value.kind is not CellKind.NUMBER:
        return record
    return Record(labels, [Token(rest, first.where, value, first.x), *record.values[1:]], record.table, record.breaks)


def _run_split(record: Record) -> list[Record]:
    """A record whose label holds a marker and the row's figures run into it: the label's record
    ends there with those figures; the labels after it keep the record's own values."""
    out: list[Record] = []
    labels: list[Token] = []
    for token in record.labels:
        found = _marked_run(token.text)
        figures = [Token(f, token.where, parse_cell(f), token.x) for f in found[1]] if found else []
        if found is None or not figures or any(f.value.kind is not CellKind.NUMBER for f in figures):
            labels.append(token)
            continue
        out.append(Record([*labels, Token(found[0], token.where, token.value, token.x)], figures))
        out[-1].table = record.table
        labels = []
    if not out:
        return [record]
    if labels:
        out.append(Record(labels, record.values, record.table, record.breaks))
    else:  # the marked label was the last: the record's own values follow its figures
        last = out[-1]
        shift = len(last.values)
        out[-1] = Record(last.labels, last.values + record.values, record.table, [b + shift for b in record.breaks])
    return out


@lru_cache(maxsize=1 << 14)
def _marked_run(text: str) -> tuple[str, tuple[str, ...]] | None:
    """(the label with its marker, the figures run into it) of a label cell's ``text``; None where
    it holds no such run. Pure, and the same label texts come in every report: cached."""
    text = "".join(text.split())
    found = _MARKED_RUN.match(text) if len(text) <= _MAX_LABEL and any(c.isdigit() for c in text) else None
    if found is None:
        return None
    return found["label"] + found["mark"], tuple(_FIGURE.findall(found["run"]))
