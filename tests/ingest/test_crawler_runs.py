"""Crawler text of a page style the reader was not built on (the hold-out's provincial portal).

The runs here are the hold-out fixtures' own (``tests/ingest/holdout/fixtures/crawler*``): a space
kept where a cell ended, 其它 for 其他, a heading run into an item number, a row label printed
short, a printed total that contradicts its parts, and table 四 printed as two tables whose
cells ran together.
"""

from __future__ import annotations

import re
import time
from typing import Any

import pytest

from gongkai.ingest.digits import cut_groups
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.request_labels import row_candidates
from gongkai.ingest.row_reading import Slot
from gongkai.ingest.run_cuts import broken_group_readings
from gongkai.ingest.runon import cut_run_on
from gongkai.report.labels import bare_label_key, label_key

from .fixture_json import gold_json, read_json
from .holdout import FIXTURES
from .holdout5 import FIXTURES as HOLDOUT5


def _named(data: dict[str, Any], path: str) -> bool:
    return any(path == str(u.get("cell")) or path.startswith(f"{u.get('cell')}.") for u in data["uncertain"])


def test_a_space_where_a_cell_ended_cuts_the_figures_from_the_next_label() -> None:
    line = (
        "（二）部分公开（区分处理的，只计这一情形，不计其它情形）95006223001008 （三）公开"
        "1.属于国家秘密392046120414 （三）公开2.其它法律行政法规禁止公开27602490291 （三）公开"
        "3.危及“三安全一稳定”24703470261 总计 172663245315 （二）行政诉讼情况"
    )
    pieces = cut_run_on(line)
    assert "（二）部分公开（区分处理的，只计这一情形，不计其它情形）95006223001008" in pieces
    assert "1.属于国家秘密392046120414" in pieces
    assert "总计 172663245315" in pieces  # table 四's run no longer inside a label
    assert not any(re.search(r"\d\s+[\u4e00-\u9fff（]", p) for p in pieces)  # no figures before a label


def test_a_figure_and_its_unit_after_a_space_stay_a_phrase() -> None:
    line = "全年共收到政府信息公开申请682 件，上年结转61 件。" + "规章129129582规范性文件66574" * 3
    assert "全年共收到政府信息公开申请682 件，上年结转61 件。" in cut_run_on(line)


def test_qita_spelled_either_way_is_one_label() -> None:
    assert label_key("（六）其它处理") == label_key("（六）其他处理")
    assert bare_label_key("2.其它法律行政法规禁止公开") == bare_label_key("2.其他法律行政法规禁止公开")
    assert label_key("法人或其它组织") == label_key("法人或其他组织")


@pytest.mark.parametrize(
    ("printed", "row"),
    [
        ("（六）其它处理1.申请人无正当理由逾期不", "other_no_correction"),
        ("（六）其他处理2.申请人逾期未按收费通知", "other_unpaid_fee"),
        ("（六）其它处理3.其它", "other_other"),
        ("（六）其它处理", "other"),
    ],
)
def test_a_heading_run_into_an_item_number_names_the_item(printed: str, row: str) -> None:
    bare = bare_label_key(printed)
    best = max(row_candidates(bare, bare), key=lambda found: (found[0], found[1]))
    assert best[2].key == row


def test_a_row_label_printed_short_is_placed_with_its_run() -> None:
    # "一、本年新收公开申请数量140310220": 政府信息 lost from the label
    for name in ("crawler", "crawler-nospace"):
        data = read_json(FIXTURES / name / "h2019-b~province.txt")
        gold = gold_json(FIXTURES, "h2019-b")
        assert data["requests"]["new_received"] == gold["requests"]["new_received"]
        assert data["requests"]["carried_over"] == gold["requests"]["carried_over"]
        assert _named(data, "requests.new_received")  # placed by position: said so


def test_a_total_contradicting_its_parts_is_cut_by_the_column_sums_and_named() -> None:
    # "（七）总计140310229": 14 0 3 1 0 2 and a printed 29; no cut adds up to the row's total
    data = read_json(FIXTURES / "crawler" / "h2019-b~province.txt")
    assert data["requests"]["total_processed"] == gold_json(FIXTURES, "h2019-b")["requests"]["total_processed"]
    assert _named(data, "requests.total_processed")
    assert any(f["rule"] == "requests.row_sum" for f in data["findings"])


def test_table_four_as_two_tables_of_runs_is_cut_table_by_table() -> None:
    # "总计 631212" then "…总计 15132211444527": review's five cells, then litigation's ten
    for report in ("h2019-a", "h2021-b"):
        data = read_json(FIXTURES / "crawler" / f"{report}~province.txt")
        gold = gold_json(FIXTURES, report)["appeals"]
        for group, cells in data["appeals"].items():
            for key, value in cells.items():
                assert value is None or value == gold[group][key] or _named(data, f"appeals.{group}.{key}")
        assert data["appeals"]["review"] == gold["review"]
        assert data["appeals"]["litigation_after_review"] == gold["litigation_after_review"]


def test_a_group_contradicting_its_total_leaves_only_its_cells_unknown() -> None:
    # h2021-c prints 80 19 16 26 and a total of 142 (they make 141): that group cannot be cut;
    # the review table and the 复议后起诉 group still are.
    data = read_json(FIXTURES / "crawler" / "h2021-c~province.txt")
    gold = gold_json(FIXTURES, "h2021-c")["appeals"]
    assert data["appeals"]["review"] == gold["review"]
    assert data["appeals"]["litigation_after_review"] == gold["litigation_after_review"]
    direct = data["appeals"]["litigation_direct"]
    assert all(v is None or v == gold["litigation_direct"][k] for k, v in direct.items())
    assert _named(data, "appeals.litigation_direct.upheld")


def test_cuts_with_one_group_free_keep_the_other_groups_sums() -> None:
    cuts = cut_groups("80191626142461791183", (5, 5), free=0, most=4096)
    assert cuts is not None
    assert (80, 19, 16, 26, 142, 46, 17, 9, 11, 83) in cuts
    assert all(sum(cut[5:9]) == cut[9] for cut in cuts)
    assert cut_groups("80191626142461791183", (5, 5)) == []  # without the free group: no cut at all


def test_broken_group_readings_are_bounded() -> None:
    started = time.process_time()
    run = Slot(parse_cell("9" * 40), "line 1 part 1")
    assert broken_group_readings([run], 15, (5, 5, 5)) == []  # far too many: nothing decides
    assert time.process_time() - started < 5.0


def test_header_cells_spelled_qita_are_cut_as_their_labels() -> None:
    line = (
        "单位：件项目申请人情况自然人法人或其它组织总计商业企业科研机构社会公益组织法律服务机构其它"
        "一、本年新收政府信息公开申请数量136320143213461014449二、上年结转政府信息公开申请数量128502141801319"
        "（六）其它处理3.其它446037140470（七）总计139880134225445014792"
    )
    pieces = cut_run_on(line)
    assert {"法人或其它组织", "法律服务机构", "其它", "3.其它446037140470"} <= set(pieces)


@pytest.mark.parametrize("kind", ["crawler", "crawler-nospace"])
def test_a_signed_run_is_cut_on_a_zero_printing_page_even_where_every_reading_warns(kind: str) -> None:
    # holdout5's 其他对外管理服务事项0-50 and 行政强制0-20 (table 三 prints 0000000): 0 items then
    # −5 is a contradiction the page printed, but so is every other reading (−50); only the cut
    # reads every cell printed (0, −5, 0), the gap supposes one it did not. 行政处罚0-215 cuts two
    # ways (−2 15, −21 5): the likelier (a short change, ``active_prior``) read as a flagged guess.
    data = read_json(HOLDOUT5 / kind / "t2019-a~township.txt")
    gold = gold_json(HOLDOUT5, "t2019-a")["active"]
    for row in ("other_services", "coercion"):
        assert data["active"][row] == gold[row], row
        assert _named(data, f"active.{row}")
    assert data["active"]["other_services"] == {"previous_items": 0, "change": -5, "decisions": 0}
    assert data["active"]["punishment"] == gold["punishment"] == {"previous_items": 0, "change": -2, "decisions": 15}
    assert _named(data, "active.punishment")


def test_a_signed_change_run_into_the_next_cell_is_cut_where_zero_cells_are_printed() -> None:
    # "行政许可73-38" (73, -3, 8) and "行政强制51-14" (51, -1, 4): table 三 prints 0000000, so
    # this page leaves no cell blank; the run is cut rather than a cell supposed missing.
    for report, rows in (("h2019-a", ("licensing",)), ("h2019-b", ("coercion", "other_services"))):
        data = read_json(FIXTURES / "crawler-nospace" / f"{report}~province.txt")
        gold = gold_json(FIXTURES, report)["active"]
        for row in rows:
            assert data["active"][row] == gold[row], row
            assert _named(data, f"active.{row}")  # a cut is a judgement: said so
