"""``gongkai read`` on the six real reports of the corpus: every cell right, every judgement shown."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from gongkai.cli import app
from gongkai.ingest.read import read_report
from gongkai.report.checks import check_report
from gongkai.report.model import Report

from .corpus import GOLD, RAW, SCORER, gold, need_corpus, raw


@pytest.fixture(scope="module")
def read_all(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_corpus()
    out = tmp_path_factory.mktemp("read")
    result = CliRunner().invoke(app, ["read", *(str(p) for p in sorted(RAW.iterdir())), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _data(out: Path, prefix: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(next(out.glob(f"{prefix}*.json")).read_text(encoding="utf-8"))
    return data


def test_scorer_finds_every_cell_right(read_all: Path) -> None:
    scored = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(GOLD), "--pred", str(read_all)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert scored.returncode == 0, scored.stdout
    assert "(accuracy 100.00%)" in scored.stdout
    assert "non-zero cells: 168 of 168 (100.00%)" in scored.stdout


def test_output_is_valid_report_data_with_the_extra_keys(read_all: Path) -> None:
    for path in sorted(read_all.glob("*.json")):
        report = Report.load(path)  # the spec's format, validated
        for key in ("source", "sections", "provenance", "uncertain", "findings"):
            assert getattr(report, key) is not None, (path.name, key)  # read back, one shape each
        assert report.source is not None and report.source.file is not None
        assert report.source.file.startswith(path.stem)
        assert report.sections is not None
        assert [s.number for s in report.sections] == list("一二三四五六")
        assert all(s.printed for s in report.sections), path.name
        assert report.to_dict() == json.loads(path.read_text(encoding="utf-8"))  # nothing lost


def test_000_rows_with_eight_numbers_for_seven_columns(read_all: Path) -> None:
    data = _data(read_all, "000")
    assert data["requests"]["other"] == [1, 0, 0, 0, 0, 0, 1]
    assert data["requests"]["total_processed"] == [175, 1, 0, 0, 0, 3, 179]
    doubts = {u["cell"]: u for u in data["uncertain"]}
    assert set(doubts) == {"requests.other", "requests.total_processed"}
    # Only a printed 0 may be a surplus cell, and every 0 dropped gives the same row.
    assert "surplus cell dropped: 0" in doubts["requests.total_processed"]["reason_en"]
    assert doubts["requests.total_processed"]["value"] == [175, 1, 0, 0, 0, 3, 179]
    # Provenance points back into the dump: the printed 179 is the 9th cell of line 117.
    assert data["provenance"]["requests.total_processed[6]"] == "line 117 cell 9"
    assert data["provenance"]["requests.total_processed[0]"] == "line 117 cell 2"
    # Read that way, the report keeps the statutory arithmetic.
    assert not [f for f in data["findings"] if f["severity"] == "error"]
    assert data["active"]["procurement"]["amount_yuan"] == 309486424  # printed "309486424 元"


def test_001_short_rows_read_as_printed_and_the_contradiction_reported(read_all: Path) -> None:
    data = _data(read_all, "001")
    assert data["requests"]["denied_internal_affairs"] == [0, 0, 0, 0, 0, 0, 1]
    assert data["requests"]["carried_forward"] == [0, 0, 0, 0, 0, 0, 6]
    doubts = {u["cell"] for u in data["uncertain"]}
    assert {"requests.denied_internal_affairs", "requests.carried_forward"} <= doubts
    assert "active.procurement.amount_yuan" in doubts  # 271.53万元 converted
    assert data["active"]["procurement"]["amount_yuan"] == 2715300
    places = {(f["rule"], f["row"], f["column"]) for f in data["findings"]}
    assert ("requests.row_sum", "denied_internal_affairs", 6) in places
    assert ("requests.row_sum", "carried_forward", 6) in places
    assert ("requests.column_balance", None, 0) in places
    assert ("requests.outcome_sum", "total_processed", 0) in places
    # The blank-line-separated layout: values come from single lines.
    assert data["provenance"]["requests.carried_forward[6]"] == "line 418"


def test_002_misnumbered_row_and_blank_cells(read_all: Path) -> None:
    data = _data(read_all, "002")
    assert data["requests"]["carried_over"] == [1, 0, 0, 0, 0, 0, 1]
    assert data["provenance"]["requests.carried_over[0]"] == "line 143"  # printed 一、上年结转…
    assert data["active"]["regulations"] == {"new_made": 0, "new_published": 0, "total_published": 0}
    assert data["active"]["procurement"]["amount_yuan"] == 1327678900  # 132767.89 万元 in the header
    assert data["agency"] == "柯桥区"


def test_004_short_rows_decided_by_the_arithmetic(read_all: Path) -> None:
    data = _data(read_all, "004")
    assert data["requests"]["granted"] == [3, 0, 0, 0, 0, 0, 3]
    assert data["requests"]["unavailable_not_held"] == [2, 0, 0, 0, 0, 0, 2]
    doubts = {u["cell"]: u for u in data["uncertain"]}
    assert "requests.granted" in doubts and "requests.unavailable_not_held" in doubts
    assert "3 readings" in doubts["requests.granted"]["reason_en"]
    # 三（七）总计 printed all 0: read as printed, and the contradiction shows.
    assert data["requests"]["total_processed"] == [0] * 7
    rules = {(f["rule"], f["column"]) for f in data["findings"]}
    assert ("requests.outcome_sum", 0) in rules and ("requests.column_balance", 0) in rules


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004", "shuyang"])
def test_findings_are_those_of_the_gold_data(read_all: Path, prefix: str) -> None:
    """What is read breaks exactly the rules the hand-checked reading breaks, at the same places."""
    data = _data(read_all, prefix)
    expected = {(f.rule, f.row, str(f.column)) for f in check_report(Report.load(gold(prefix)))}
    found = {(f["rule"], f["row"], str(f["column"])) for f in data["findings"]}
    assert found == expected


def test_agency_year_and_template_with_provenance(read_all: Path) -> None:
    data = _data(read_all, "000")
    assert (data["agency"], data["year"], data["template"]) == ("海盐县人民政府", 2020, "2019")
    assert data["provenance"]["agency"] == "line 3"  # the line above "2020 年度…年度报告"
    html = _data(read_all, "shuyang")
    assert (html["agency"], html["year"], html["template"]) == ("沭阳县发展和改革局", 2023, "2021")
    assert html["source"] == {"file": "shuyang-fgj-2023.html", "format": "html", "encoding": "utf-8"}


def test_read_report_never_raises_on_the_corpus() -> None:
    result = read_report(raw("003"))
    assert result.ok and result.report is not None
    assert result.report.uncertain == []
