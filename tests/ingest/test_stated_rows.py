"""Table 三 of a Word print whose blank cells vanished from pdftotext's flow: the cells the prose's
balanced totals and the table's equations decide (``stated_rows``), counts never negative."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.read import read_report
from gongkai.report.equations import Cell, Equation

HOLDOUT3 = Path(__file__).parent / "holdout3" / "fixtures"
HOLDOUT5 = Path(__file__).parent / "holdout5" / "fixtures"


def _read(path: Path) -> dict:
    result = read_report(path)
    assert result.report is not None
    data: dict = json.loads(result.report.to_json())
    return data


def _named(data: dict, row: str) -> bool:
    return any(u["cell"] in ("requests", f"requests.{row}") for u in data["uncertain"])


def test_a_side_already_adding_up_forces_its_unknown_cells_to_zero() -> None:
    cells = [Cell("t", "r", c) for c in range(4)]
    equation = Equation("rule", "t", "r", 3, tuple(cells[:3]), (cells[3],))
    known = {cells[0]: 5, cells[3]: 5}
    assert equation.forced(known.get) == {cells[1]: 0, cells[2]: 0}
    assert equation.forced({cells[0]: 2, cells[1]: 1, cells[3]: 5}.get) == {cells[2]: 2}
    assert equation.forced({cells[0]: 2, cells[3]: 5}.get) == {}  # two cells share 3: not forced
    assert equation.forced({cells[0]: 6, cells[3]: 5}.get) == {}  # broken already


def test_a_sparse_word_table_read_from_the_prose_totals_and_equations() -> None:
    # LibreOffice's print: 5 requests, all from 自然人 (其中自然人 5 件), none carried over or
    # forward; the text prints no figure of the organisation columns, so by the column balance
    # and the outcome sums every organisation cell of the table is 0
    data = _read(HOLDOUT3 / "pdftotext" / "c2019-a~county-word.txt")
    requests = data["requests"]
    assert requests["new_received"] == [5, 0, 0, 0, 0, 0, 5]
    assert requests["total_processed"] == [5, 0, 0, 0, 0, 0, 5]
    assert requests["carried_over"] == [0] * 7
    assert requests["carried_forward"] == [0] * 7
    for key in ("granted", "denied_state_secret", "unavailable_not_held", "other"):
        assert requests[key][1:6] == [0] * 5, key
    assert requests["unavailable_not_held"][0] is None  # which rows hold the 5: not in the text
    for key in ("new_received", "total_processed", "carried_over", "carried_forward", "granted"):
        assert _named(data, key), key


def test_a_total_the_prose_states_and_the_table_prints() -> None:
    # 6 requests in, 0 carried, 其中予以公开 0 件: 新收's 总计 is the printed 6 (its row's figures
    # 6 4 2 in no column order), 上年结转 and 予以公开 all 0
    data = _read(HOLDOUT5 / "pdftotext" / "t2025-a~township-word.txt")
    requests = data["requests"]
    assert requests["new_received"][6] == 6
    assert requests["total_processed"][6] == 6
    assert requests["carried_over"] == [0] * 7
    assert requests["granted"] == [0] * 7
    assert _named(data, "new_received") and _named(data, "carried_over") and _named(data, "granted")
