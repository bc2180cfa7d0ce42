"""Property tests: the text reader and the recogniser on mangled layouts.

Whatever the bytes, reading never crashes (a file is read, or refused with a reason); where the
mangling leaves the layout intact — labels split by spaces, brackets and digits switched between
full and half width, a row misnumbered, stray whitespace, CRLF — the same numbers come back.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.ingest.document import UnreadableFile
from gongkai.ingest.read import read_report
from gongkai.ingest.recognise import recognise
from gongkai.ingest.text import read_text
from gongkai.report.model import Report

from .corpus import GOLD
from .layouts import LAYOUTS, Row, document_text, table_rows

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_REPORTS = {p.stem: Report.load(p) for p in sorted(GOLD.glob("*.json"))} if GOLD.is_dir() else {}
_NAMES = sorted(_REPORTS) or ["none"]
_WIDE = str.maketrans("()1234567890.", "（）１２３４５６７８９０．")


def _read(text: str | bytes) -> Report | None:
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        return recognise(read_text(Path("mangled.txt"), data))
    except UnreadableFile:
        return None


@SETTINGS
@given(data=st.binary(max_size=3000))
def test_random_bytes_never_crash(data: bytes) -> None:
    _read(data)


@SETTINGS
@given(name=st.sampled_from(_NAMES), layout=st.sampled_from(sorted(LAYOUTS)), data=st.data())
def test_dropped_and_junk_lines_never_crash(name: str, layout: str, data: st.DataObject) -> None:
    if name not in _REPORTS:
        return
    lines = LAYOUTS[layout](_REPORTS[name]).split("\n")
    for _ in range(data.draw(st.integers(0, 12))):
        action = data.draw(st.sampled_from(["drop", "junk", "swap", "spaces"]))
        at = data.draw(st.integers(0, len(lines) - 1))
        if action == "drop" and len(lines) > 1:
            del lines[at]
        elif action == "junk":
            lines.insert(at, data.draw(st.text(alphabet="0123456789 \t|一二三、（）().规章总计其他\xa0", max_size=40)))
        elif action == "swap" and at + 1 < len(lines):
            lines[at], lines[at + 1] = lines[at + 1], lines[at]
        elif action == "spaces":
            lines[at] = data.draw(st.sampled_from([" ", "\t", "  ", "\xa0"])).join(lines[at].split())
    report = _read("\n".join(lines))
    if report is not None:
        Report.from_dict(report.to_dict())  # whatever is read is valid report data


def _mangle_label(label: str, data: st.DataObject) -> str:
    if data.draw(st.booleans()):
        label = label.translate(_WIDE)
    cuts = sorted(set(data.draw(st.lists(st.integers(1, max(1, len(label) - 1)), max_size=3))))
    pieces, last = [], 0
    for cut in cuts:
        pieces.append(label[last:cut])
        last = cut
    pieces.append(label[last:])
    return data.draw(st.sampled_from([" ", "  ", "\u3000"])).join(p for p in pieces if p)


@SETTINGS
@given(name=st.sampled_from(_NAMES), data=st.data())
def test_split_labels_and_widths_read_the_same_numbers(name: str, data: st.DataObject) -> None:
    if name not in _REPORTS:
        return
    report = _REPORTS[name]
    tables = []
    for rows in table_rows(report):
        mangled = [Row([_mangle_label(label, data) for label in row.labels], row.values) for row in rows]
        end = data.draw(st.sampled_from(["", " ", "\t"]))
        tables.append("\n".join("\t".join(r.labels + r.values) + end for r in mangled))
    text = document_text(report, tables)
    if data.draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    got = _read(text)
    assert got is not None
    assert list(got.cells()) == list(report.cells())


_NUMBERS = st.sampled_from(["一、", "二、", "(三)", "1.", "7."])


@SETTINGS
@given(name=st.sampled_from(_NAMES), row=st.integers(0, 30), number=_NUMBERS)
def test_a_misnumbered_row_reads_the_same(name: str, row: int, number: str) -> None:
    if name not in _REPORTS:
        return
    report = _REPORTS[name]
    target = report.template.request_rows[row % len(report.template.request_rows)]
    rows = table_rows(report)
    for r in rows[1]:
        if r.labels and r.labels[-1] == target.printed:
            r.labels[-1] = number + target.label
    text = document_text(report, ["\n".join("\t".join(r.labels + r.values) for r in rows_) for rows_ in rows])
    got = _read(text)
    assert got is not None
    assert got.requests == report.requests


def test_read_report_turns_any_failure_into_a_message(tmp_path: Path) -> None:
    broken = {"a.txt": b"", "b.pdf": b"%PDF-1.4 broken", "c.docx": b"PK\x03\x04 broken", "d.bin": bytes(range(256))}
    for name, data in broken.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = read_report(path)
        assert not result.ok
        assert result.error_zh and result.error_en and name in result.error
