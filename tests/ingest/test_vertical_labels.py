"""``pdftotext`` default text of a Word original setting table 三's group cells vertically, a
character a line (``（`` / ``六`` / ``）`` / ``其`` …, two cells side by side as ``本 供``): the
runs spelling the template's group labels are blanked (``ingest/vertical_labels.py``), so the
cells stay blank-separated and every figure stays in its column."""

from __future__ import annotations

import json

from gongkai.ingest.read import read_report
from gongkai.ingest.vertical_labels import vertical_labels_blanked

from .fixture_json import gold_json
from .holdout8 import FIXTURES

_WORD = FIXTURES / "pdftotext" / "w2022-a~wechat-word.txt"


def test_vertical_group_labels_are_blanked_and_nothing_else() -> None:
    lines = _WORD.read_text(encoding="utf-8").splitlines()
    out = vertical_labels_blanked(lines)
    assert len(out) == len(lines)  # line numbers (provenance) kept
    changed = [i for i, (a, b) in enumerate(zip(lines, out, strict=True)) if a != b]
    assert changed and all(out[i] == "\u3000" for i in changed)
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
