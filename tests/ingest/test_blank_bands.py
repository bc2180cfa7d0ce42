"""Table 三 of a page print leaving its zero cells blank, its figures in two bands of columns
(``ingest/blank_bands.py``), read on the real generated fixture (holdout4's bureau print of 2022):
the row cut (wrapped tails joined, rows of zeros placed by the labels) gives every row's 自然人 and
总计 and the rows of zeros; which organisation columns the other figures stand in is not in the
text (a whole column moves into a blank one keeping every sum), so those cells stay unknown."""

from __future__ import annotations

from pathlib import Path

from .fixture_json import gold_json, read_json

FIXTURES = Path(__file__).resolve().parent / "holdout4" / "fixtures"


def test_two_bands_with_blank_zeros() -> None:
    gold = gold_json(FIXTURES, "b2022-c")["requests"]
    data = read_json(FIXTURES / "pdftotext" / "b2022-c~bureau.txt")
    read = data["requests"]
    for key, row in gold.items():
        assert read[key][0] == row[0], key  # 806 printed 80 / … / 6, 157 printed 15 9 5 / 7
        assert read[key][6] == row[6], key  # 880, 172, 201, 908: wrapped totals joined back
        if row[6] == 0:
            assert read[key] == [0] * 7, key  # a row printing nothing
    assert read["denied_state_secret"][1:6] == [None, None, None, None, 0]  # 1 in columns 1-4: unknown
    assert any(u["cell"] == "requests" and "two bands" in u["reason_en"] for u in data["uncertain"])
    flagged = {u["cell"] for u in data["uncertain"]}
    assert "requests.denied_state_secret[1]" in flagged


def test_a_figure_not_a_count_leaves_the_bands_unread(tmp_path: Path) -> None:
    """A table 三 figure printed as a decimal (a misprint, a share) in a blank-zero print: the bands
    are not cut (a count's tail cannot join it), and the file is read, not refused with a crash."""
    text = (FIXTURES / "pdftotext" / "b2022-c~bureau.txt").read_text(encoding="utf-8")
    assert "５７ ２ １" in text
    misprinted = tmp_path / "b2022-c~bureau.txt"
    misprinted.write_text(text.replace("５７ ２ １", "５７ ２.５ １", 1), encoding="utf-8")
    data = read_json(misprinted)
    assert not any("two bands" in u["reason_en"] for u in data["uncertain"])
    assert data["active"] == read_json(FIXTURES / "pdftotext" / "b2022-c~bureau.txt")["active"]
