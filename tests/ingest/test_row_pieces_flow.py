"""A row's figures in pieces in ``pdftotext``'s default flow of a WPS print (holdout14): a row cut
where a column gap is wide (``2 0 0 0`` / ``0 0 2``: no wrapped digits, a 0 heads no figure), its
tail piece printed first (``tail_first``), a narrow cell's figure wrapped over three lines with
its head above the row's label (``heads_above``), and a row's figures printed just before a label
that prints none, no labelled row between, or a row printed twice before one (``displaced``), on
the real fixtures."""

from __future__ import annotations

from gongkai.ingest.heads_above import rows_with_heads_above
from gongkai.ingest.read import read_report
from gongkai.ingest.tail_first import rows_with_tail_first
from gongkai.ingest.wrapped_digits import joinings, rows_with_wrapped_digits

from .fixture_json import gold_json
from .holdout7 import FIXTURES as HOLDOUT7
from .holdout14 import FIXTURES

_HALF = str.maketrans("０１２３４５６７８９", "0123456789")


def _lines(name: str) -> list[str]:
    return (FIXTURES / "pdftotext" / name).read_text(encoding="utf-8").translate(_HALF).split("\n")


def test_a_zero_heads_no_wrapped_figure() -> None:
    # 2 0 0 0 over 0 0 2 is the row 2 0 0 0 0 0 2 in two lines, not 2 00 00 02
    assert joinings(["2", "0", "0", "0"], ["0", "0", "2"]) == []
    lines = _lines("t2019-a~wps.txt")
    at = lines.index("2 0 0 0")
    assert lines[at + 1] == "0 0 2"
    assert rows_with_wrapped_digits(lines)[at : at + 2] == ["2 0 0 0", "0 0 2"]


def test_a_rows_tail_piece_printed_first_is_set_back() -> None:
    lines = _lines("t2019-a~wps.txt")
    at = lines.index("0 0 4")
    assert lines[at + 1].endswith(" 4 0 0 0")
    out = rows_with_tail_first(lines)
    assert out[at] == "" and out[at + 1].endswith("） 4 0 0 0 0 0 4")
    # holdout7's 总计-first rows in three pieces (1 0 0 1 / 0 / 0 0): 0 1 0 0 1 adds up as a
    # group of table 四 would, but a third piece follows; no row of table 三 in two pieces
    z2025 = (HOLDOUT7 / "pdftotext" / "z2025-a~platform.txt").read_text(encoding="utf-8").split("\n")
    assert rows_with_tail_first(z2025) == z2025
    # a row of zeros reads alike either way: left as printed
    assert rows_with_tail_first(["（一）予以公开", "0 0 0", "0 0 0 0"]) == ["（一）予以公开", "0 0 0", "0 0 0 0"]


def test_heads_above_the_label_join_the_rows_figures() -> None:
    lines = _lines("t2020-a~wps.txt")
    at = lines.index("6 3 25 0 13 9 1")
    out = rows_with_heads_above(lines)
    assert out[at] == "160 3 25 0 13 9 210"
    assert [line for line in out[at - 5 : at + 3] if line.strip().isdigit()] == []
    # heads without a line of words above them are another row's tails: left as printed
    kept = ["30 0 3 1 4 4 40", "1", "label", "6 3 25 0 13 9 1"]
    assert rows_with_heads_above(kept) == kept


def test_the_rows_read_from_the_fixtures() -> None:
    gold = gold_json(FIXTURES, "t2019-a")["requests"]
    report = read_report(FIXTURES / "pdftotext" / "t2019-a~wps.txt").report
    assert report is not None
    for key in ("carried_over", "partially_granted", "denied_prohibited_by_law", "denied_third_party"):
        assert report.requests[key] == gold[key], key
    gold = gold_json(FIXTURES, "t2020-a")["requests"]
    report = read_report(FIXTURES / "pdftotext" / "t2020-a~wps.txt").report
    assert report is not None
    # 5 0 9 0 6 3 7 (tails 7 / 5 below) printed between 三、本年度 and （一）予以公开, which prints none
    assert report.requests["granted"] == gold["granted"]
    assert any(d.cell == "requests.granted" for d in report.uncertain)
    assert report.requests["new_received"] == gold["new_received"]
    gold = gold_json(FIXTURES, "t2023-a")["requests"]
    report = read_report(FIXTURES / "pdftotext" / "t2023-a~wps.txt").report
    assert report is not None
    # a row of zeros printed twice after 3.危及…, then 4.保护第三方合法权益 printing none
    assert report.requests["denied_third_party"] == gold["denied_third_party"]
    assert any(d.cell == "requests.denied_third_party" for d in report.uncertain)
