"""A searchable scan's text layer as a PDF-to-Markdown converter sets it (the fifteenth hold-out's
pymupdf4llm files, ``holdout15/generate.py``): figures a blank apart in one pipe cell
(``ingest/spaced_joins.py``) and row labels with misread characters (``ingest/ocr_label_runs.py``)."""

from __future__ import annotations

import json
from typing import Any

from gongkai.ingest.ocr_label_runs import mend_run
from gongkai.ingest.read import read_report

from .holdout15 import FIXTURES


def _read(name: str) -> dict[str, Any]:
    result = read_report(FIXTURES / "pymupdf4llm" / f"{name}.md")
    assert result.report is not None, result.error
    data: dict[str, Any] = json.loads(result.report.to_json())
    return data


def _gold(report: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "gold" / f"{report}.json").read_text("utf-8"))
    return data


def _named(read: dict[str, Any], row: str) -> bool:
    return any(u["cell"].startswith(f"requests.{row}") for u in read["uncertain"])


def test_a_cells_two_figures_a_blank_apart_are_one_where_the_row_adds_up() -> None:
    # ``|10|0|0|0|1|0|1 1|``, ``|19|0|0|0|6|5|3 0|``, ``|29 8|0|7|0|47|5 4|406|``: one figure each
    # (the row's sum), the choice named; a two-figure reading of the same cells breaks the sums.
    read, gold = _read("s2021-a~ocr"), _gold("s2021-a")
    for row in ("denied_internal_affairs", "not_processed_petition", "total_processed", "carried_forward"):
        assert read["requests"][row] == gold["requests"][row], row
        assert _named(read, row), row


def test_a_label_with_misread_characters_names_its_row() -> None:
    # ``1.甲请人无正当理由逾期不补<br>正、…`` (申 read 甲) and ``2.申请入逾期末按收费通知要`` (人, 未)
    read, gold = _read("s2024-a~ocr"), _gold("s2024-a")
    for row in ("other_no_correction", "other_unpaid_fee"):
        assert read["requests"][row] == gold["requests"][row], row


def test_a_run_is_mended_only_to_one_labels_stretch() -> None:
    assert mend_run("甲请人无正当理由逾期不补") == "申请人无正当理由逾期不补"
    assert mend_run("申请入逾期末按收费通知要") == "申请人逾期未按收费通知要"
    assert mend_run("申请人无正当理由逾期不补") == "申请人无正当理由逾期不补"  # a label's own
    assert mend_run("全面推进决策执行管理服务") == "全面推进决策执行管理服务"  # prose: no label near


def test_a_rules_mark_on_a_line_of_its_own_in_a_figures_cell() -> None:
    # ``|1320<br>I|``: the rule under 1320 read as ``I`` (1320, or 13201 wrapped: the row's sum says 1320)
    read, gold = _read("s2024-a~ocr"), _gold("s2024-a")
    assert read["requests"]["new_received"] == gold["requests"]["new_received"]  # the sums confirm it


def test_a_spaced_figure_beside_a_rules_mark_is_offered_both_ways() -> None:
    # ``|113|I 13|2 0［|14|0|I<br>l3|173|``: the mark dropped, ``2 0`` one figure or two, the sums choose
    read, gold = _read("s2020-a~ocr"), _gold("s2020-a")
    assert read["requests"]["total_processed"] == gold["requests"]["total_processed"]


def test_markitdowns_cell_over_columns_with_a_spaced_figure() -> None:
    # markitdown's page grid: ``| 0 1 1 |`` (0 and 11 in two columns), ``| 5 3 0 |`` (5 and 30)
    result = read_report(FIXTURES / "markitdown" / "s2021-a~ocr-word.md")
    assert result.report is not None, result.error
    read, gold = json.loads(result.report.to_json()), _gold("s2021-a")
    for row in ("denied_internal_affairs", "not_processed_petition"):
        assert read["requests"][row] == gold["requests"][row], row
        assert _named(read, row), row
