"""Crawler text whose 总计 row is one run of digits too long for its own sum to cut.

``（七）总 计3586936917504450251446603`` (the hold-out's county report, ``holdout3`` fixtures) is
35869 3691 75 0 4450 2514 46603: so many cuts keep the row's sum that ``digits.cut_groups`` gives
up, and the printed 总计 (46603) contradicts its parts (46599) besides. The table's column
balance (新收 + 结转 − 结转下年) pins 自然人, 商业企业 and 总计; the cut keeping those and the sum
(with the printed 总计 read as printed) is the row, and with it the table's column sums place
the rows whose cuts tied.
"""

from __future__ import annotations

import json

from gongkai.ingest.pinned_cuts import pinned_cuts
from gongkai.report.equations import requests_bound

from .fixture_json import read_json
from .holdout3 import FIXTURES

_REPORT = "c2022-b"


def test_a_total_row_too_long_to_cut_alone_is_cut_where_the_table_pins_it() -> None:
    gold = json.loads((FIXTURES / "gold" / f"{_REPORT}.json").read_text(encoding="utf-8"))
    for variant in ("crawler", "crawler-nospace"):
        data = read_json(FIXTURES / variant / f"{_REPORT}~county.txt")
        for key in ("total_processed", "denied_query_matter", "unavailable_unclear", "not_processed_duplicate"):
            assert data["requests"][key] == gold["requests"][key], (variant, key)


def test_the_cut_keeps_the_pinned_cells_and_the_sum_they_leave() -> None:
    check = requests_bound("2021").row_check("total_processed")
    expected: list[set[float]] = [{35869.0}, {3691.0}, set(), set(), set(), set(), {46599.0}]
    assert pinned_cuts("3586936917504450251446603", 7, expected, check) == [(35869, 3691, 75, 0, 4450, 2514, 46603)]
    # Nothing pinned but the sum: a run this long has more cuts than the search weighs; none is taken.
    assert pinned_cuts("3586936917504450251446603", 7, [set()] * 7, check) == []
