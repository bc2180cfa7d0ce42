"""Table 三 of a LibreOffice print of a Word table that prints its zeros (``0 件``), read from
pdftotext's default flow where tall rows' 总计 come out later and the last rows come out mixed
(``deferred_totals``)."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.deferred_totals import _Cut
from gongkai.ingest.read import read_report

HOLDOUT3 = Path(__file__).parent / "holdout3" / "fixtures"


def _read(path: Path) -> dict:
    result = read_report(path)
    assert result.report is not None
    data: dict = json.loads(result.report.to_json())
    return data


def test_tall_rows_totals_later_and_the_mixed_last_rows() -> None:
    # 新收's 总计 1200 and 部分公开's 312 come out after 8.属于行政查询事项's row, 3.危及's
    # last 0 with them; 1、本机关不掌握's first cell 269 and 2、没有现成信息's 7 on their labels'
    # lines; （六）3.其他, （七）总计 and 四、结转 come out column by column, mixed
    path = HOLDOUT3 / "pdftotext" / "c2023-c~county-word.txt"
    gold = json.loads((HOLDOUT3 / "gold" / "c2023-c.json").read_text(encoding="utf-8"))["requests"]
    data = _read(path)
    requests = data["requests"]
    assert requests == gold
    named = {u["cell"] for u in data["uncertain"]}
    for key in ("new_received", "partially_granted", "unavailable_needs_creation", "total_processed"):
        assert f"requests.{key}" in named, key  # a model of the flow: named, not silent


def test_a_cut_the_sums_do_not_decide_is_not_one_way() -> None:
    # two rows of two cells and a total (width 3), the last two rows mixed after them: 1 2 3 then
    # 2 1 3 cut one way; a run of zeros cut either way reads the same cells
    cut = _Cut([1, 2, 3, 2, 1, 3, 0, 0, 0], 2, 3)
    ways = cut.ways(0, 0, (), ())
    assert {head for head, _ in ways} == {((1, 2, 3), (2, 1, 3))}
    assert {rest for _, rest in ways} == {(0, 0, 0)}
    # 1 2 and a deferred 3: the 3 may come between rows only
    deferred = _Cut([1, 2, 5, 0, 5, 3], 2, 3).ways(0, 0, (), ())
    assert {head for head, _ in deferred} == {((1, 2, 3), (5, 0, 5))}


def test_a_lone_figure_is_not_placed_by_the_flow_alone() -> None:
    # every cell printed (0 too), one figure a row besides its 总计: the 自然人 26 comes out after
    # its row's zeros, and a cut in the rows' order would read it as 其他 (every column swap keeps
    # the equations); the pass reads nothing there
    wild = Path(__file__).parent / "wild" / "fixtures" / "pdftotext" / "shuyang-fgj-2023.txt"
    requests = _read(wild)["requests"]
    for key in ("new_received", "granted", "total_processed"):
        assert requests[key][5] != 26, key
