"""Crawler text of a township's 红头 document whose tables stand in annexes (附表1-3) after the
signature (issue 9): the caption of the next annex runs into the last row of the table before it."""

from __future__ import annotations

from gongkai.ingest.runon import cut_run_on

_TABLE_THREE_TAIL = (
    "（五）不予处理1.信访举报投诉类申请——————— 2.重复申请1—————1 （六）其他处理——————— （七）总计6———219 "
)


def test_an_annex_caption_after_blank_cells_starts_its_own_piece() -> None:
    # ``四、结转下年度继续办理/////// 附表3…``: the row's cells are all blank, so no figure ends it;
    # the caption's number (3) must not be read as the row's only cell.
    for spacer in (" ", ""):
        for blanks in ("///////", "———————"):
            caption = f"{spacer}附表3政府信息公开行政复议、行政诉讼情况 单位：件"
            line = f"{_TABLE_THREE_TAIL}四、结转下年度继续办理{blanks}{caption}"
            pieces = cut_run_on(line)
            assert f"四、结转下年度继续办理{blanks}" in pieces, pieces
            assert any(piece.startswith("附表3") for piece in pieces), pieces


def test_an_annex_caption_straight_after_an_empty_row_label_is_cut_there() -> None:
    # A page that leaves blank cells empty: the label runs straight into the caption.
    line = f"{_TABLE_THREE_TAIL}四、结转下年度继续办理附表3政府信息公开行政复议、行政诉讼情况单位：件"
    pieces = cut_run_on(line)
    assert "四、结转下年度继续办理" in pieces, pieces
    assert any(piece.startswith("附表3") for piece in pieces), pieces


def test_an_annex_named_inside_a_sentence_is_no_caption() -> None:
    line = f"本年度共收到政府信息公开申请9件，具体情况如下（详见附表2）。{_TABLE_THREE_TAIL}"
    pieces = cut_run_on(line)
    assert "本年度共收到政府信息公开申请9件，具体情况如下（详见附表2）。" in pieces, pieces
