"""A crawler's run-on text of a searchable scan (``ingest/ocr_runs.py``): the OCR's look-alike
letters, rule marks and blanks inside the digit runs put back, its misread row labels read as the
template's (``ocr_labels.mend_label`` folding look-alike characters)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.ingest.ocr_labels import mend_label
from gongkai.ingest.ocr_runs import mend_ocr_runs, mend_run
from gongkai.ingest.read import read_report

HOLDOUT15 = Path(__file__).resolve().parent / "holdout15" / "fixtures"


@pytest.mark.parametrize(
    ("run", "digits"),
    [
        ("49 |0Z96O［ 488", "4902960488"),  # a rule's | a blank from 49, ［ a blank from 4
        ("66811|006101", "668111006101"),  # | between digits: a misread 1
        ("I 3000O丨 03 l", "3000003"),  # marks at both ends, 丨 always a rule
        ("1 lO00 I0Ol l", "1000001"),  # 0Ol l: the first l a 1, the last the rule
        ("|［ 00OO01", "1000001"),  # | beside the next cell's ［: the first cell's 1
        ("29 8070475 4406", "2980704754406"),  # blanks inside figures closed
        # the blanks dropped (crawler-nospace): | and l read both ways, the one reading that adds up
        ("49|0Z96O［488", "4902960488"),
        ("160l4402［36", "1601440236"),
    ],
)
def test_mend_run(run: str, digits: str) -> None:
    assert mend_run(run) == digits


def test_plain_crawler_text_left_alone() -> None:
    """No OCR's hand (no look-alike letter among the figures, no misread label): a crawler's blank
    between two cells stays a blank."""
    line = "表2 " + " ".join(f"{n}.属于国家秘密0 {n}00001" for n in range(1, 9)) * 3
    assert mend_ocr_runs([line]) == ([line], False, False)


def test_folded_label() -> None:
    """Four look-alike characters (甲, 入, 末, 甲) and a doubled one (要要) in one label."""
    label = "2.甲请入逾期末按收费通知要要求缴纳费用、行政机关不再处理其政府信息公开甲请"
    assert mend_label(label) == "申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请"


@pytest.mark.parametrize(
    ("crawler", "report"), [("crawler", "s2021-a"), ("crawler", "s2022-a"), ("crawler-nospace", "s2025-a")]
)
def test_crawler_scan_read(crawler: str, report: str) -> None:
    """The rows of table 三 come back from the runs (s2021-a: blanks inside figures and misread
    labels only; s2022-a: letters and marks in the runs; s2025-a without blanks, the label's item
    number glued to the run before it; s2021-a without blanks: only its labels show the OCR's
    hand); every cell not read right is flagged."""
    gold = json.loads((HOLDOUT15 / "gold" / f"{report}.json").read_text())["requests"]
    read = read_report(HOLDOUT15 / crawler / f"{report}~ocr.txt").report
    assert read is not None
    right = [row for row in gold if read.requests[row] == gold[row]]
    assert len(right) >= 23
    doubted = {doubt.cell.split("[")[0] for doubt in read.uncertain}
    assert all(row in doubted for row in gold if read.requests[row] != gold[row])
    assert read.requests["new_received"] == gold["new_received"]


def test_pdftotext_lines_of_figures() -> None:
    """pdftotext's lines of a scan's figures (``ocr_figures.mend_ocr_text``): a line of nothing but
    figures reads its letters-only words (``SZ`` 52, ``|B`` 18), and a lone ``|`` is a 1 where the
    line then holds as many cells as the table's rows (s2023-a's ``0 0 0 1 O 0 |``)."""
    from gongkai.ingest.ocr_figures import mend_ocr_text

    for report, printed, mended in (
        ("s2023-a", "0 0 0 1 O 0 |", "0 0 0 1 0 0 1"),
        ("s2023-a", "|B", "18"),
        ("s2025-a", "SZ 7", "52 7"),
    ):
        text = (HOLDOUT15 / "pdftotext" / f"{report}~ocr.txt").read_text()
        lines = text.split("\n")
        at = lines.index(printed)
        out, doubtful = mend_ocr_text(text, markdown=False)
        assert out.split("\n")[at] == mended
        assert f"line {at + 1}" in doubtful


def test_pdftotext_label_rows_by_width() -> None:
    """A label's line of figures with lone bars: a 1 where the row then holds a row's seven cells
    (s2024-a's ``3.补正后甲请内容仍不明确 0 l o l 0 0 0 0 o``: nine words, two bars, a rule's
    marks; its label's 甲请 read back by ``ocr_label_runs`` too); two rows merged digit by digit
    (s2023-a's ``00 00 00 00 01 00 01``) keep no figures."""
    from gongkai.ingest.ocr_figures import mend_ocr_text

    for cls, report, start, mended in (
        ("pdftotext", "s2024-a", "3.补正后甲请内容仍不明确 0 l o l", "3.补正后申请内容仍不明确 0   0   0 0 0 0 0"),
        (
            "pdftotext-layout",
            "s2023-a",
            "      予处理 4.无正当理由大量反复申请 00",
            "      予处理 4.无正当理由大量反复申请",
        ),
    ):
        text = (HOLDOUT15 / cls / f"{report}~ocr.txt").read_text()
        at = next(n for n, line in enumerate(text.split("\n")) if line.startswith(start))
        out, doubtful = mend_ocr_text(text, markdown=False)
        assert out.split("\n")[at] == mended
        assert f"line {at + 1}" in doubtful


def test_label_glyphs() -> None:
    """Look-alike characters in the tables' labels read back where a label prints the pair they
    make (甲请 法入 逾期末按 属千 等千), not where a label prints them as they are (理由) nor in
    words no label holds (自己, 收入); a text with one such slip only is left as printed."""
    from gongkai.ingest.ocr_glyphs import mend_glyphs

    text = "2.甲请入逾期末按收费通知 等千第三项 法入或其他组织 属千三类 无正当理由 自己 收入"
    assert mend_glyphs(text) == (
        "2.申请人逾期未按收费通知 等于第三项 法人或其他组织 属于三类 无正当理由 自己 收入",
        True,
    )
    assert mend_glyphs("法入或其他组织 自己") == ("法入或其他组织 自己", False)


def test_pymupdf4llm_scan_labels() -> None:
    """pymupdf4llm's Markdown of s2021-a's scan: its rows whose labels the OCR misread (甲请人,
    甲请入逾期末按) are read."""
    gold = json.loads((HOLDOUT15 / "gold" / "s2021-a.json").read_text())["requests"]
    read = read_report(next((HOLDOUT15 / "pymupdf4llm").glob("s2021-a~ocr.*"))).report
    assert read is not None
    assert read.requests["other_unpaid_fee"] == gold["other_unpaid_fee"]


def test_a_contradicting_total_the_prose_states_is_read_as_printed() -> None:
    """s2023-b's scan prints （七）总计 826 while its parts add up to 817 (the report contradicts
    itself), and its text states 办结 826 件: the OCR's 826 is what was printed, not a misreading
    the arithmetic mends to 817; it stays in doubt, the broken sum reported."""
    read = read_report(HOLDOUT15 / "crawler" / "s2023-b~ocr.txt").report
    assert read is not None
    assert read.requests["total_processed"][6] == 826
    assert any(u.cell == "requests.total_processed[6]" and u.value == 826 for u in read.uncertain)
