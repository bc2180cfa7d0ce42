"""Issue 9: a piece of table 三 that pymupdf4llm set as one paragraph between two pieces of the
pipe table (its grid lost on one page), on the real converter output of the 公文 hold-out set
(``holdout11/fixtures``): each run of a row's figures is a row, placed by the named rows around it."""

from __future__ import annotations

from gongkai.ingest.document import TableBlock
from gongkai.ingest.pipe_paragraphs import figure_runs
from gongkai.ingest.text import read_text

from .fixture_json import gold_json
from .holdout11 import FIXTURES
from .wild.scoring import read_fixture

PATH = FIXTURES / "pymupdf4llm" / "c2023-a~gongwen-word.md"


def _paragraph() -> str:
    return next(line for line in PATH.read_text(encoding="utf-8").split("\n") if line.startswith("政府信 息公开"))


def test_the_runs_of_a_flattened_piece_are_its_rows() -> None:
    """Interleaved label pieces of two label columns, two runs of seven figures: two rows."""
    assert figure_runs(_paragraph(), 7) == [["12", "0", "8", "0", "0", "4", "24"], ["0", "0", "0", "0", "0", "2", "2"]]
    assert figure_runs(_paragraph(), 8) is None  # not the width of the table around it
    assert figure_runs("本年度共收到政府信息公开申请 64 件，办结 65 件", 7) is None  # prose


def test_a_flattened_piece_of_table_three_is_read() -> None:
    """The paragraph's two rows are 予以公开 and 部分公开: the rows between 二、上年结转 above it and
    1.属于国家秘密 below it. Lost, every later row was read one row up (by the printed order)."""
    document = read_text(PATH, PATH.read_bytes())
    rows = [[c.text for c in row] for b in document.blocks if isinstance(b, TableBlock) for row in b.rows]
    assert ["12", "0", "8", "0", "0", "4", "24"] in rows
    requests = read_fixture(PATH)["requests"]
    gold = gold_json(FIXTURES, "c2023-a")["requests"]
    assert isinstance(gold, dict)
    assert requests == gold
