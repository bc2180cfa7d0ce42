"""Issue 9: table 三 rows read one off, on the third hold-out's real converter output.

Where a row's label wraps over two lines and its figures stand level with the row's middle,
``pdftotext`` prints the figures ahead of the label (after a page cut above all): a labelled row
then holds two rows of figures, or an unlabelled row of figures stands before a label, and a few
rows later a label has no figures of its own. Read label-then-figures, each row between takes the
next row's figures. ``displaced`` gives each row the figures printed before its label where the
arithmetic of the whole table decides it, and names the rows in ``uncertain`` where it cannot.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from gongkai.ingest.displaced import AHEAD
from gongkai.ingest.moved_figures import tail_first_readings
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.row_reading import Slot
from gongkai.report.equations import requests_bound

from .fixture_json import read_json
from .holdout import FIXTURES as HOLDOUT
from .holdout3 import FIXTURES
from .wild.scoring import _flagged


def _gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "gold" / f"{path.name.split('~')[0]}.json").read_text("utf-8"))
    return data


def _wrong(data: dict[str, Any], gold: dict[str, Any], rows: tuple[str, ...]) -> list[str]:
    return [key for key in rows if data["requests"][key] != gold["requests"][key]]


# c2022-b: after the page cut (第3页 共5页) rows 5 and 8 of 不予公开 and row 1 of 不予处理 each hold
# their own figures and the next row's; 6, 无法提供 2 and 不予处理 3 print their labels bare.
_AFTER_THE_CUT = (
    "denied_internal_affairs",
    "denied_process_info",
    "denied_enforcement_file",
    "denied_query_matter",
    "unavailable_not_held",
    "unavailable_needs_creation",
    "unavailable_unclear",
    "not_processed_petition",
    "not_processed_duplicate",
    "not_processed_publication",
    "not_processed_excessive",
)


def test_rows_holding_the_next_rows_figures_are_read_in_place() -> None:
    """pdftotext default: each row gets the figures printed before its label, as the column sums
    through （七）总计 confirm; no row keeps the row after it's figures."""
    path = FIXTURES / "pdftotext" / "c2022-b~county.txt"
    data, gold = read_json(path), _gold(path)
    assert _wrong(data, gold, _AFTER_THE_CUT) == []
    # confirmed, not left in doubt as moved rows (the report's own contradiction in （七）总计 still
    # names the rows of its broken column sum)
    reasons = " ".join(u["reason_en"] for u in data["uncertain"] if u["cell"].startswith("requests."))
    assert AHEAD not in reasons and "label printed after its row's figures" not in reasons


def test_two_stacked_labels_over_two_rows_of_figures() -> None:
    """pdftotext -layout: ``6.属于四类过程性信息`` / ``7.属于行政执法案卷`` then both rows' figures:
    the two rows in order, not row 7 holding fourteen cells and row 6 missing."""
    path = FIXTURES / "pdftotext-layout" / "c2022-b~county.txt"
    data, gold = read_json(path), _gold(path)
    assert _wrong(data, gold, _AFTER_THE_CUT) == []


def test_rows_printed_last_cells_first_then_the_shift_they_confirm() -> None:
    """c2020-b: 二、上年结转 and （五）5 print their last two cells on the label's line and the others
    a line each (``3 475件`` / ``291件`` …): put back at the end where the row adds up. Their
    column sums then confirm the figures printed ahead of the single （六）其他处理 row (2019
    style): （六） and （七）总计 each take the figures before their label."""
    path = FIXTURES / "pdftotext" / "c2020-b~county.txt"
    data, gold = read_json(path), _gold(path)
    rows = ("carried_over", "not_processed_confirmation", "other", "total_processed")
    assert _wrong(data, gold, rows) == []
    assert _flagged(("requests", "carried_over", 0), data["uncertain"])  # a figure's place: a judgement


@pytest.mark.parametrize(
    ("name", "dropped", "gone"),
    [
        ("c2020-b~county.txt", ("773 211件",), ("carried_forward",)),
        ("c2022-b~county.txt", ("35869 3691 75", "1207 286 2"), ("total_processed", "carried_forward")),
    ],
)
def test_a_shift_the_arithmetic_cannot_confirm_is_named_in_uncertain(
    tmp_path: Path, name: str, dropped: tuple[str, ...], gone: tuple[str, ...]
) -> None:
    """Each report without its total rows' figures (四、结转下年度; in c2022-b （七）总计 too):
    nothing joins the rows read one off to the rest of the table any more, so the arithmetic
    cannot place the figures printed ahead of their labels; every cell read wrong is named in
    ``uncertain`` (a row may hold the next row's figures, or two rows' figures stay unread)."""
    path = FIXTURES / "pdftotext" / name
    lines = [line for line in path.read_text("utf-8").split("\n") if not line.startswith(dropped)]
    variant = tmp_path / path.name
    variant.write_text("\n".join(lines), "utf-8")
    data, gold = read_json(variant), _gold(path)
    for key, printed in gold["requests"].items():
        if key in gone:
            continue  # its figures are gone from the variant
        for column, value in enumerate(data["requests"][key]):
            if value != printed[column]:
                assert _flagged(("requests", key, column), data["uncertain"]), (key, column, value)


_ROW_LINE = re.compile(r"^(?P<label>\s*\S.*?[^\d\s])(?P<gap>\s{2,})(?P<figures>\d+(?:\s+\d+){6})\s*$")


@pytest.mark.parametrize(
    "path",
    [
        HOLDOUT / "pdftotext-layout" / "h2021-a~province.txt",
        HOLDOUT / "pdftotext-layout" / "h2019-b~province.txt",
    ],
    ids=lambda p: p.name,
)
def test_one_row_printed_ahead_of_its_label(tmp_path: Path, path: Path) -> None:
    """Each row of table 三 in turn printed with its figures on the line above its label (as a
    converter sets figures standing level with a wrapped label's middle): every cell is read
    right or named in ``uncertain``."""
    lines = path.read_text("utf-8").split("\n")
    gold = json.loads((HOLDOUT / "gold" / f"{path.name.split('~')[0]}.json").read_text("utf-8"))
    start = next(i for i, line in enumerate(lines) if line.startswith("三、收到和处理"))
    moved = 0
    for i in range(start, len(lines)):
        match = _ROW_LINE.match(lines[i])
        if match is None:
            continue
        if lines[i].startswith("四、政府信息公开行政"):
            break
        figures = " " * len(match["label"] + match["gap"]) + match["figures"]
        variant = tmp_path / f"{moved}~{path.name}"
        variant.write_text("\n".join([*lines[:i], figures, match["label"], *lines[i + 1 :]]), "utf-8")
        data = read_json(variant)
        for key, printed in gold["requests"].items():
            for column, value in enumerate(data["requests"][key]):
                if value != printed[column]:
                    assert _flagged(("requests", key, column), data["uncertain"]), (i, key, column, value)
        moved += 1
    assert moved >= 20


def test_tail_first_readings_put_the_first_lines_cells_back_at_the_end() -> None:
    def slot(amount: int, line: int) -> Slot:
        return Slot(parse_cell(str(amount)), f"line {line}")

    printed = (3, 475, 291, 76, 0, 78, 27)
    row = [slot(amount, max(1, i)) for i, amount in enumerate(printed)]  # 3 475 on line 1, then one a line
    check = requests_bound("2021").row_check("granted")
    (found,) = tail_first_readings(row, 7, check)
    assert found.values == (291, 76, 0, 78, 27, 3, 475) and found.cost == 1
    # one line of figures (nothing printed apart) or a row that does not add up so: no reading
    assert tail_first_readings([slot(amount, 1) for amount in printed], 7, check) == []
    assert tail_first_readings([slot(4, 1), *row[1:]], 7, check) == []
