"""A 占比 column or row of percentages inside table 三 (holdout10's city office style): a
percentage is never a count, in tables with cells (``shares``) and in text (``share_text``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.ingest.document import Cell, Document, TableBlock
from gongkai.ingest.read import read_report
from gongkai.ingest.share_text import drop_shares_in_text
from gongkai.ingest.shares import glued_counts, is_percent, is_share_title, without_shares

FIXTURES = Path(__file__).resolve().parent / "holdout10" / "fixtures"


def _requests(path: Path) -> dict[str, list[int | None]]:
    report = read_report(path).report
    assert report is not None
    out: dict[str, list[int | None]] = json.loads(report.to_json())["requests"]
    return out


def _gold(name: str) -> dict[str, list[int]]:
    out: dict[str, list[int]] = json.loads((FIXTURES / "gold" / f"{name}.json").read_text(encoding="utf-8"))["requests"]
    return out


def test_words_and_percentages() -> None:
    assert is_percent("12.5%") and is_percent("100.0％") and is_percent("100.0\n%")
    assert not is_percent("0 0.0%") and not is_percent("12") and not is_percent("占比12.5%")
    assert is_share_title("占比") and is_share_title("其中：占比") and is_share_title("比例（%）")
    assert not is_share_title("总计") and not is_share_title("注：占比为该项数量占本年新收申请数量的百分比")


def test_glued_counts_bound_the_share() -> None:
    assert glued_counts("2918100.0%") == ["291810", "2918"]
    assert glued_counts("3240211006711.2%") == ["324021100671", "32402110067"]
    assert glued_counts("12.5%") == []


def test_a_grid_share_column_is_taken_out() -> None:
    def row(*texts: str) -> list[Cell]:
        return [Cell(t, "t") for t in texts]

    head = row("项目", "自然人", "总计", "占比")
    table = TableBlock([head, row("一、本年新收", "8", "8", "100.0%"), row("二、上年结转", "0", "0", "—")], "t")
    out = without_shares(Document("x.html", "html", [table]))
    assert [[c.text for c in r] for r in out.tables[0].rows] == [
        ["项目", "自然人", "总计"],
        ["一、本年新收", "8", "8"],
        ["二、上年结转", "0", "0"],
    ]


def test_text_rows_lose_their_shares() -> None:
    text = "自然人 商业企业 总计 占比\n351 71 0 620 100.0%\n10 0 0 22 —\n59 14 0 104 17.4%\n其中：占比\n64.2% 0.0%\n"
    assert drop_shares_in_text(text).split("\n") == [
        "自然人 商业企业 总计",
        "351 71 0 620",
        "10 0 0 22",
        "59 14 0 104",
        "",
    ]
    assert drop_shares_in_text("规章 5 4 3\n同比增长 12.5%\n") == "规章 5 4 3\n同比增长\n"


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("html", "o2019-a~office.html"),  # 总计 read 100 from 100.0% before
        ("markitdown", "o2024-a~office.md"),  # 2918100.0%: a count and its share in one cell
        ("pdftotext-layout", "o2021-a~office.txt"),  # the table left unread before
        ("crawler", "o2021-a~office.txt"),  # …0620100.0%: each row's share run on
    ],
)
def test_holdout10_table_three_with_a_share_column(kind: str, name: str) -> None:
    read = _requests(FIXTURES / kind / name)
    gold = _gold(name.split("~")[0])
    for key in ("new_received", "carried_over", "granted", "total_processed"):
        assert read[key] == gold[key], key


def test_a_change_column_is_not_a_share_column() -> None:
    # table 二's 同比 column is all percentages and the rows' last: untitled it looks like a share
    # column, but taking it out would leave last year's figure as the row's last, and table 二 unread
    def row(*texts: str) -> list[Cell]:
        return [Cell(t, "t") for t in texts]

    rows = [row("信息内容", "本年处理决定数量", "上年数", "同比")]
    rows += [row("行政处罚", str(n), str(n - 4), f"{400 / (n - 4):.1f}%") for n in (15, 20, 40)]
    document = Document("x.html", "html", [TableBlock(rows, "t")])
    assert without_shares(document) is document


def test_holdout10_table_two_with_a_change_column() -> None:
    report = read_report(FIXTURES / "html" / "o2022-a~office.html").report
    assert report is not None
    active = json.loads(report.to_json())["active"]
    gold = json.loads((FIXTURES / "gold" / "o2022-a.json").read_text(encoding="utf-8"))["active"]
    assert active == gold
