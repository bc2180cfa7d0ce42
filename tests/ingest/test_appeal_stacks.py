"""Table 四 printed cell by cell under labels stacked a character a line (``ingest/appeal_stacks.py``),
read on the real generated fixtures (holdout8's 微信公众号 pages printed at phone width, and their
Word copy: labels first, then their figures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.ingest.appeal_stacks import _spelled
from gongkai.report.labels import label_key
from gongkai.report.templates import TEMPLATES

from .fixture_json import gold_json, read_json

FIXTURES = Path(__file__).resolve().parent / "holdout8" / "fixtures"


@pytest.mark.parametrize(
    "name",
    [
        "w2019-a~wechat",  # 其 尚 / 他 未 … side by side; 结 其 尚 果 他 未 … taking turns down one column
        "w2020-a~wechat",  # table 三's columns printed among table 四's cells (skipped)
        "w2024-a~wechat",  # 表5's figures in between; 行政复议's 总计 counts cases carried over (the prose's)
        "w2024-a~wechat-word",  # a run of labels, then their figures
    ],
)
def test_stacked_labels_read_with_their_figures(name: str) -> None:
    gold = gold_json(FIXTURES, name.split("~")[0])
    data = read_json(FIXTURES / "pdftotext" / f"{name}.txt")
    assert data["appeals"] == gold["appeals"]


def test_a_total_taken_from_another_table_is_put_right_by_the_prose() -> None:
    gold = gold_json(FIXTURES, "w2022-a")
    data = read_json(FIXTURES / "pdftotext" / "w2022-a~wechat.txt")
    assert data["appeals"] == gold["appeals"]  # 复议后起诉's 总计: 2084 (表5) printed after it, 21 by the prose
    assert any(u["cell"] == "appeals.litigation_after_review.total" for u in data["uncertain"])


def test_stacked_characters_spell_whole_labels_only() -> None:
    template = TEMPLATES["2021"]
    known = {label_key(label): f.key for f in template.appeal_fields for label in f.labels}
    assert _spelled("结其尚果他未纠结审正果结", known) == ["corrected", "other", "pending"]
    assert _spelled("结果维持结果纠正", known) == ["upheld", "corrected"]
    assert _spelled("总计", known) == ["total"]
    assert _spelled("结果维", known) is None  # a label cut short is no label
