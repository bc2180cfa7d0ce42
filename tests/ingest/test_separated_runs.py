"""A crawler's run of table 四's figures printed with thousands separators, its group's total
contradicting its parts (1,540 + 463 + 308 + 462 ≠ 2,774): the separators cut it, the prose's
total picks among the cuts they allow, and the contradiction stays as printed."""

from __future__ import annotations

import json
from pathlib import Path

from gongkai.ingest.numbers import RUN_COMMA, parse_cell
from gongkai.ingest.read import read_report
from gongkai.ingest.records import Token
from gongkai.ingest.separated_runs import separated_readings

_TABLE = (
    "四、政府信息公开行政复议、行政诉讼情况 本年度发生政府信息公开行政复议{said}件，行政诉讼5233件。 单位：件 "
    "（一）行政复议情况 结果维持结果纠正其他结果尚未审结小计 行政复议1,5404633084622,774 "
    "（二）行政诉讼情况 结果维持结果纠正其他结果尚未审结小计 未经复议直接起诉1,3974192794182,513 "
    "复议后起诉1,5114533024542,720 五、存在的主要问题及改进情况"
)


def _token(text: str) -> Token:
    return Token(text, "line 1", parse_cell(text))


def test_pieces_without_a_separator_are_under_a_thousand() -> None:
    found = separated_readings([_token("1,540"), _token(f"4633084622{RUN_COMMA}774")], 5)
    cuts = {r.values for r in found}
    assert (1540, 463, 308, 462, 2774) in cuts
    assert all(v < 1000 or v in (1540, 2774, 22774, 622774) for cut in cuts for v in cut)
    assert len(cuts) > 1  # 2,774 / 22,774 / 622,774: the run alone leaves its total open


def test_no_cut_without_a_separator_in_the_row() -> None:
    assert separated_readings([_token("46330846"), _token("2774")], 5) == []


def _review(tmp_path: Path, said: int) -> tuple[dict[str, int | None], str]:
    source = Path(__file__).parent / "holdout4" / "fixtures" / "crawler" / "b2022-b~bureau.txt"
    text = source.read_text(encoding="utf-8")
    start, end = text.index("四、政府信息公开行政复议"), text.index("五、存在的主要问题")
    path = tmp_path / source.name
    path.write_text(text[:start] + _TABLE.format(said=said) + text[end + len("五、存在的主要问题及改进情况") :])
    report = json.loads(read_report(path).report.to_json())
    notes = " ".join(u["reason_en"] for u in report["uncertain"] if u["cell"] == "appeals.review")
    return report["appeals"]["review"], notes


def test_the_prose_total_picks_the_cut_the_separators_allow(tmp_path: Path) -> None:
    review, notes = _review(tmp_path, 2774)
    assert list(review.values()) == [1540, 463, 308, 462, 2774]  # as printed, though 1540+463+308+462 = 2773
    assert "thousands separators" in notes


def test_without_the_prose_the_cuts_stay_open(tmp_path: Path) -> None:
    review, notes = _review(tmp_path, 9)  # the prose names no total the cuts share
    # the cuts stay open: the likeliest (``appeal_prior``) may be read, never without a doubt
    assert review["upheld"] == 1540 and review["total"] in (None, 2774, 22774, 622774)
    assert notes
