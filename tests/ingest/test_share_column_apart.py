"""Table 三 with a 占比 column printed by ``pdftotext`` (default mode): its labels in a block, then
its rows one cell a line with the last cells (``0 21 —``) on one, a 续表 caption between its parts,
a part's shares printed apart under a bare ``占比`` (``ingest/share_text.py``,
``ingest/continued_captions.py``); read in printed order (``ingest/inorder.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.ingest.continued_captions import continued_captions_blanked, is_continued_caption
from gongkai.ingest.read import read_report
from gongkai.ingest.share_text import drop_shares_in_text

FIXTURES = Path(__file__).parent / "holdout10" / "fixtures"


def _text(stem: str) -> str:
    return (FIXTURES / "pdftotext" / f"{stem}.txt").read_text(encoding="utf-8")


def _gold(stem: str) -> dict[str, list[int]]:
    requests: dict[str, list[int]] = json.loads((FIXTURES / "gold" / f"{stem}.json").read_text())["requests"]
    return requests


def test_a_dash_ending_a_row_printed_a_cell_a_line_goes() -> None:
    """``0 21 —`` (上年结转: no share) six lines after ``0 1350 100.0%``, the lines between lone
    figures: the dash is the share's, not a cell."""
    lines = drop_shares_in_text(_text("o2025-b~office")).split("\n")
    assert "0 21" in lines and "0 21 —" not in lines


def test_a_share_column_printed_apart_under_its_title_goes() -> None:
    """``占比`` / ``1.9%`` / ``1.7%`` / ``0.9%``: a part's shares after its rows, no table's own."""
    text = _text("o2024-a~office")
    assert "\n1.9%\n" in text
    assert "\n1.9%\n" not in drop_shares_in_text(text)


def test_a_share_ending_a_row_printed_a_cell_a_line_goes() -> None:
    """A Word table through pdftotext: ``351`` / ``71`` / ``0`` / ``141`` / ``57`` / ``0`` / ``620``
    / ``100.0%``, blank lines between: the seven figures add up as a row of 三, the share is its 占比."""
    text = _text("o2021-a~office-word")
    assert "\n620\n\n100.0%\n" in text
    kept = drop_shares_in_text(text)
    assert "100.0%" not in kept and "17.4%" not in kept and "\n620\n" in kept


def test_a_share_wrapped_before_its_sign_and_a_dash_a_line_go() -> None:
    """``48`` / ``100.0`` / ``%`` (the share wrapped in its narrow cell) and ``0`` / ``—`` (上年结转's
    share, none): both after seven figures adding up as a row of 三, both the 占比 column's."""
    text = _text("o2019-a~office-word")
    dash_row = "\n0\n\n—\n\n（一）予以公开"
    assert "\n48\n\n100.0\n%\n" in text and dash_row in text
    kept = drop_shares_in_text(text)
    assert "100.0" not in kept and dash_row not in kept and "\n0\n\n\n\n（一）予以公开" in kept


def test_a_share_row_one_share_a_line_goes() -> None:
    """``其中：占比`` / ``85.2%`` / ``0.0%`` … ``7.6`` / ``%`` / ``100.0`` / ``%``: a share row's cells."""
    kept = drop_shares_in_text(_text("o2023-a~office-word"))
    assert "85.2%" not in kept and "7.6" not in kept


def test_a_table_of_shares_own_column_stays() -> None:
    """A channel table's 数量 / 占比 one a line (holdout8 w2023-a): no row of 三 before a share."""
    text = (Path(__file__).parent / "holdout8" / "fixtures" / "pdftotext" / "w2023-a~wechat.txt").read_text()
    assert "14.3%" in text and "14.3%" in drop_shares_in_text(text)


@pytest.mark.parametrize("line", ["续表", "续表2", "续表 2", "表2（续）", "表 2（续）", "续表二", "表 3", "\f表3"])
def test_continued_captions(line: str) -> None:
    assert continued_captions_blanked([line]) == ["\f" if line.startswith("\f") else ""]


@pytest.mark.parametrize(
    "line", ["续表2 收到和处理政府信息公开申请情况", "四、结转下年度继续办理", "2", "表", "附表1 说明"]
)
def test_not_continued_captions(line: str) -> None:
    assert not is_continued_caption(line)


@pytest.mark.parametrize(
    "name", ["o2019-a~office", "o2023-a~office", "o2024-a~office", "o2025-b~office", "o2023-a~office-word"]
)
def test_table_three_read_in_printed_order(name: str) -> None:
    """Every cell of table 三 read, and the reading in printed order said in uncertain."""
    result = read_report(FIXTURES / "pdftotext" / f"{name}.txt")
    assert result.report is not None
    assert result.report.requests == _gold(name.split("~")[0])
    assert any("in printed order" in u.reason_en for u in result.report.uncertain)


def _laid_out(stem: str) -> list[str]:
    return (FIXTURES / "pdftotext-layout" / f"{stem}.txt").read_text(encoding="utf-8").split("\n")


def test_a_laid_out_share_wrapped_around_its_row_goes() -> None:
    """``-layout``: ``100.0`` over a row of 三, its ``%`` under it; the row's share goes, and the
    next row's dash with it (a row with no share)."""
    lines = _laid_out("o2019-a~office-word")
    at = next(i for i, line in enumerate(lines) if line.strip() == "100.0")
    assert lines[at + 2].strip() == "%" and lines[at + 3].rstrip().endswith("0        —")
    kept = drop_shares_in_text("\n".join(lines))
    assert "100.0" not in kept and "注 2                   43        1       1" in kept
    assert not any(line.rstrip().endswith("—") for line in kept.split("\n") if "上年结转" in line)


def test_a_laid_out_share_row_wrapped_around_its_label_goes() -> None:
    """``7.6   100.0`` / ``其中：占比  85.2% …`` / ``%      %``: the 占比 row of 三 whole, no figure of it left."""
    lines = _laid_out("o2023-a~office-word")
    at = next(i for i, line in enumerate(lines) if "其中：占比" in line)
    assert lines[at - 1].split() == ["7.6", "100.0"] and lines[at + 1].split() == ["%", "%"]
    kept = drop_shares_in_text("\n".join(lines))
    assert "7.6" not in kept and "100.0" not in kept


def test_a_laid_out_table_three_with_wrapped_shares_reads_whole() -> None:
    for stem in ("o2019-a~office-word", "o2023-a~office-word"):
        result = read_report(FIXTURES / "pdftotext-layout" / f"{stem}.txt")
        assert result.report is not None
        assert result.report.requests == _gold(stem.split("~")[0])
