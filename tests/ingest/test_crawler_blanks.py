"""Crawler text of Word tables that leave zero cells blank (issue 9): the blank cells vanish from
the text, and the reader must say which columns it cannot place rather than guess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.ingest.active_plausible import likely_cut
from tests.ingest.fixture_json import read_json

FIXTURES = Path(__file__).resolve().parent / "publishers" / "fixtures"
REPORT = "000_21925bfca89cb37b"


@pytest.fixture(scope="module")
def gold() -> dict[str, list[int]]:
    data: dict[str, list[int]] = json.loads((FIXTURES / "gold" / f"{REPORT}.json").read_text(encoding="utf-8"))[
        "requests"
    ]
    return data


def test_no_whitespace_left_first_and_total_read_the_rest_unknown(gold: dict[str, list[int]]) -> None:
    # 一、本年新收…数量18013184: 180 | 1 | · | · | · | 3 | 184 with blanks and spaces gone
    data = read_json(FIXTURES / "crawler-nospace" / f"{REPORT}~wordgov.txt")
    requests = data["requests"]
    assert isinstance(requests, dict)
    for key, row in requests.items():
        expected = gold[key]
        assert row[0] == expected[0] and row[6] == expected[6], key
        assert all(v is None or v == e for v, e in zip(row, expected, strict=True)), key
    assert requests["new_received"] == [180, None, None, None, None, None, 184]
    uncertain = data["uncertain"]
    assert isinstance(uncertain, list)
    entry = next(u for u in uncertain if u["cell"] == "requests.new_received")
    assert gold["new_received"] in entry["alternatives"]


def test_collapsed_spaces_place_the_figures(gold: dict[str, list[int]]) -> None:
    # 一、本年新收…数量1801 3184: the space is where the blank cells were
    data = read_json(FIXTURES / "crawler" / f"{REPORT}~wordgov.txt")
    assert data["requests"] == gold


def test_a_likelihood_decides_only_when_one_cut_alone_passes() -> None:
    order = ["new_made", "new_published", "total_published"]
    cuts = [(4, 7, 47272), (47, 47, 272), (474, 7, 272)]
    liked = likely_cut(order, cuts, set(cuts))
    assert liked is not None and liked[0] == (47, 47, 272)
    two = [(2, 2, 22), (22, 22, 2)]
    assert likely_cut(order, two, set(two)) is None  # both pass: undecided
    assert likely_cut(order, cuts, {cuts[0], cuts[2]}) is None  # the one passing is no cut of the print


def test_a_figure_the_prose_states_picks_the_cut_holding_it(tmp_path: Path) -> None:
    # The corpus report's own sentence (2020 年共发布规范性文件 47 条) set into its crawler page.
    page = (Path(__file__).resolve().parent / "wild" / "fixtures" / "crawler" / f"{REPORT}.txt").read_text(
        encoding="utf-8"
    )
    sentence = "2020 年共发布规范性文件 47 条、解读信息 47 条。"
    assert "一、总体情况" in page
    path = tmp_path / "page.txt"
    path.write_text(page.replace("一、总体情况", "一、总体情况" + sentence, 1), encoding="utf-8")
    data = read_json(path)
    assert data["active"]["normative_documents"] == {
        "new_made": 47,
        "new_published": 47,
        "total_published": 272,
    }
    uncertain = data["uncertain"]
    assert isinstance(uncertain, list)
    entry = next(u for u in uncertain if u["cell"] == "active.normative_documents")
    assert "47" in entry["reason_en"] and [4, 7, 47272] in entry["alternatives"]


def test_stated_figures_of_table_two() -> None:
    from gongkai.ingest.active_plausible import stated_cut
    from gongkai.ingest.document import Document, TextBlock
    from gongkai.ingest.stated import stated_active

    said = "全年主动公开县政府规范性文件28件,县政府其他文件43件。"
    document = Document("page.txt", "text", [TextBlock(said, "line 3")])
    assert stated_active(document) == {"normative_documents": (28, ("new_published", "made"))}
    order = ["new_made", "new_published", "total_published"]
    cuts = [(2, 8, 28226), (28, 28, 226), (282, 8, 226), (28, 2, 8226)]
    stated = stated_cut((28, ("new_published", "made")), order, cuts, set(cuts))
    assert stated is not None and stated[0] == (28, 28, 226)  # 28 where it counts: published
    assert stated_cut((8, ("new_published", "made")), order, cuts, set(cuts)) is None  # two hold 8: undecided
