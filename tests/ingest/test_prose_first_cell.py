"""The prose's 自然人 figure (本年度新收申请23件，其中自然人提出16件) decides the first cell of a
crawler's run of table 三's digits where the blanks vanished and the cuts tie (16 1 3 1 2 | 23 or
1 6 1 3 12 | 23): the cell the prose states, the others left open."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.read import read_report

FIXTURE = Path(__file__).parent / "holdout2" / "fixtures" / "crawler" / "g2022-c~gazette.txt"


def _received(path: Path) -> tuple[list[int | None], list[str]]:
    report = json.loads(read_report(path).report.to_json())
    notes = [u["reason_en"] for u in report["uncertain"] if u["cell"] == "requests.new_received"]
    return report["requests"]["new_received"], notes


def test_the_prose_states_the_first_cell_of_a_run(tmp_path: Path) -> None:
    row, notes = _received(FIXTURE)
    assert row[0] == 16 and row[-1] == 23
    assert row[1:-1] == [None] * 5  # which middle column was blank no text says
    assert any("as the prose states (16)" in note for note in notes)  # a judgement, in uncertain


def test_without_the_prose_the_first_cell_stays_open(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8").replace("其中自然人提出16件；", "")
    path = tmp_path / FIXTURE.name
    path.write_text(text, encoding="utf-8")
    row, _ = _received(path)
    assert row[0] is None and row[-1] == 23
