"""``pdftotext`` default text of pages setting table 三's group cells vertically, a character a
line (``（`` / ``六`` / ``）`` / ``其`` …, two cells side by side as ``本 供``): the runs spelling
the template's group labels are blanked (``ingest/vertical_labels.py``), so the cells stay
blank-separated and every figure stays in its column; table 四's result headers set so
(``结 其 尚`` / ``果 他 未`` …) are read down their columns into one line of headers."""

from __future__ import annotations

import json

from gongkai.ingest.read import read_report
from gongkai.ingest.vertical_labels import vertical_labels_blanked

from .fixture_json import gold_json
from .holdout8 import FIXTURES

_WORD = FIXTURES / "pdftotext" / "w2022-a~wechat-word.txt"
_RESULT_HEADERS = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}


def test_vertical_group_labels_are_blanked_and_nothing_else() -> None:
    lines = _WORD.read_text(encoding="utf-8").splitlines()
    out = vertical_labels_blanked(lines)
    assert len(out) == len(lines)  # line numbers (provenance) kept
    # table 三's group labels blanked; table 四's result headers made one line of headers
    changed = [i for i, (a, b) in enumerate(zip(lines, out, strict=True)) if a != b and b != "\u3000"]
    assert changed and all(set(out[i].split()) <= _RESULT_HEADERS for i in changed)
    changed = [i for i, (a, b) in enumerate(zip(lines, out, strict=True)) if b == "\u3000" and a != b]
    assert {lines[i].strip() for i in changed} >= {"（", "六", "）", "本 供", "年 （"}
    assert all(len(lines[i].split()) <= 2 and all(len(p) == 1 for p in lines[i].split()) for i in changed)


def test_lone_characters_that_spell_no_group_label_stay() -> None:
    lines = ["社会公益组", "织", "", "其", "他", "", "自", "然", "人", "", "12"]
    assert vertical_labels_blanked(lines) == lines


def test_word_original_with_vertical_cells_reads_table_three() -> None:
    result = read_report(_WORD)
    assert result.report is not None, result.error
    read = json.loads(result.report.to_json())
    gold = gold_json(FIXTURES, "w2022-a")
    assert read["requests"] == gold["requests"]


_PHONE = FIXTURES / "pdftotext" / "w2020-a~wechat.txt"


def test_table_four_headers_set_vertically_are_read_down_their_columns() -> None:
    lines = _PHONE.read_text(encoding="utf-8").splitlines()
    out = vertical_labels_blanked(lines)
    assert len(out) == len(lines)
    side = next(i for i, line in enumerate(lines) if line.strip() == "结 其 尚")
    assert lines[side + 1 : side + 4] == ["果 他 未", "纠 结 审", "正 果 结"]
    assert out[side] == "结果纠正 其他结果 尚未审结"  # three cells side by side, a character a line
    assert out[side + 1 : side + 4] == ["\u3000"] * 3
    alone = [i for i, line in enumerate(lines) if line.strip() == "维"]
    assert alone and all(out[i - 2] == "结果维持" for i in alone)  # 结 / 果 / 维 / 持
    assert {out[i] for i, line in enumerate(lines) if line.strip() == "总"} == {"总计"}


def test_headers_that_spell_no_result_column_stay() -> None:
    lines = ["结 其", "果 他", "维 人", "持 员", "", "总", "数"]
    assert vertical_labels_blanked(lines) == lines


def test_phone_page_with_a_share_column_before_table_three_is_read() -> None:
    # the applications-by-channel table's shares (5.3%) before table 三 once raised in blank_bands
    result = read_report(_PHONE)
    assert result.report is not None and result.error_zh is None, result.error
