"""Table 四 read in printed order, one group's 总计 printed among its first figures (a 总 / 计 header
on two lines), put back last where the prose states that total and the group then adds up
(``ingest/appeal_blocks._total_put_back``), read on the real generated fixture (holdout3's county
print of 2020: 行政复议 ``03`` ``05`` ``01`` ``00`` ``01``, the prose 行政复议5件)."""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.appeal_blocks import _total_put_back
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.records import Token
from gongkai.report.equations import appeals_bound

from .fixture_json import gold_json, read_json

FIXTURES = Path(__file__).resolve().parent / "holdout3" / "fixtures"
GROUPS = ("review", "litigation_direct", "litigation_after_review")
FIELDS = ("upheld", "corrected", "other", "pending", "total")


def test_total_printed_second_put_back_by_the_prose() -> None:
    data = read_json(FIXTURES / "pdftotext" / "c2020-c~county.txt")
    assert data["appeals"] == gold_json(FIXTURES, "c2020-c")["appeals"]
    assert data["appeals"]["review"] == {"upheld": 3, "corrected": 1, "other": 0, "pending": 1, "total": 5}
    assert any(u["cell"] == "appeals.review" and "总计 among its first" in u["reason_en"] for u in data["uncertain"])


def _put_back(values: tuple[int, ...], stated: dict[str, int]) -> tuple[int, ...] | None:
    tokens = [Token(str(v), f"line {i}", parse_cell(str(v))) for i, v in enumerate(values)]
    bound = appeals_bound("2021", GROUPS, FIELDS, True)
    found = _total_put_back(values, tokens, GROUPS, 5, bound, stated)
    return None if found is None else found[0]


def test_only_the_stated_total_moves() -> None:
    rest = (6, 1, 0, 0, 7, 4, 1, 0, 1, 6)
    assert _put_back((3, 5, 1, 0, 1, *rest), {"appeals.review": 5}) == (3, 1, 0, 1, 5, *rest)
    # no statement, or one the group does not hold: the contradiction is read as printed
    assert _put_back((3, 5, 1, 0, 1, *rest), {}) is None
    assert _put_back((3, 5, 1, 0, 1, *rest), {"appeals.review": 4}) is None
    # the stated figure put last still leaves the group broken (a typo, not a move): left alone
    assert _put_back((3, 5, 2, 0, 1, *rest), {"appeals.review": 5}) is None
