"""``Evidence.undecided``: the one way a reader leaves a cell unknown because the readings that fit
disagree on it — the cell doubted with value null, the reason in both languages listing the
readings, and each reading one alternative for a person to choose."""

from __future__ import annotations

import ast
from pathlib import Path

from gongkai.ingest.evidence import DIFFER_EN, DIFFER_ZH, Evidence

INGEST = Path(__file__).resolve().parents[2] / "src" / "gongkai" / "ingest"


def test_the_cell_is_null_with_each_reading_an_alternative() -> None:
    evidence = Evidence()
    evidence.undecided("requests.granted[1]", [0, 3, 12], where="line 40 part 2")
    (doubt,) = evidence.uncertain
    assert doubt.cell == "requests.granted[1]"
    assert doubt.value is None
    assert doubt.where == "line 40 part 2"
    assert doubt.alternatives == [[0], [3], [12]]
    assert doubt.reason_zh == "合乎勾稽关系的几种读法在此格不一致（0、3、12），记为未知"
    assert doubt.reason_en == "readings the arithmetic cannot tell apart differ here (0, 3, 12); left unknown"
    assert doubt.to_dict()["value"] is None


def test_a_reader_keeps_its_own_wording() -> None:
    evidence = Evidence()
    evidence.undecided(
        "requests.total[2]",
        [4, 7],
        zh="合乎勾稽关系的几种分块读法在此格不一致（{readings}），记为未知",
        en="readings of the blocks that the arithmetic cannot tell apart differ here ({readings}); left unknown",
    )
    (doubt,) = evidence.uncertain
    assert doubt.reason_zh == "合乎勾稽关系的几种分块读法在此格不一致（4、7），记为未知"
    assert doubt.reason_en.endswith("differ here (4, 7); left unknown")
    assert doubt.where is None


def test_a_reason_naming_other_figures_is_kept_as_written() -> None:
    # A reason may name what the row prints rather than the readings (a Word table's blank cells).
    evidence = Evidence()
    evidence.undecided(
        "requests.total[3]", [0, 5, 9], zh="记为未知（本行印出的数字：5 9 14）", en="left unknown (5 9 14)"
    )
    (doubt,) = evidence.uncertain
    assert (doubt.reason_zh, doubt.reason_en) == ("记为未知（本行印出的数字：5 9 14）", "left unknown (5 9 14)")
    assert doubt.alternatives == [[0], [5], [9]]


def test_no_reading_known_lists_no_alternatives() -> None:
    evidence = Evidence()
    evidence.undecided("requests.total[1]", [], zh="记为未知", en="left unknown")
    (doubt,) = evidence.uncertain
    assert doubt.value is None
    assert doubt.alternatives is None
    assert "{readings}" in DIFFER_ZH and "{readings}" in DIFFER_EN


def test_no_reader_spells_out_the_per_cell_alternatives_itself() -> None:
    """Every reader leaving a cell to its disagreeing readings goes through ``undecided``: no
    module but ``evidence`` builds the one-value alternatives (``[[v] for v in …]``)."""
    spelled: list[str] = []
    for path in sorted(INGEST.glob("*.py")):
        if path.name == "evidence.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "alternatives"
                and node.args
                and isinstance(node.args[0], ast.ListComp)
                and isinstance(node.args[0].elt, ast.List)
                and len(node.args[0].elt.elts) == 1
            ):
                spelled.append(f"{path.name}:{node.lineno}")
    assert spelled == []
