"""The caches the speed work added answer as the functions they stand in for, and never from a
document read before (issue 9: read_report's speed).

- ``stated``: the prose joined once per report for its four readers, remembered by the
  paragraphs' texts — a document whose paragraphs change is joined again.
- ``equations.printed_row_sums``: remembered by template id and printed order — any sequence of
  the same order (a list, a range) gives the same sums.
- ``records.line_number``: remembered by a token's ``where``.
"""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.document import TextBlock
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.read import read_document
from gongkai.ingest.records import Token, line_number
from gongkai.ingest.stated import stated_figures
from gongkai.report.equations import printed_row_sums
from gongkai.report.templates import TEMPLATES

FIXTURE = Path(__file__).parent / "holdout" / "fixtures" / "crawler" / "h2019-a~province.txt"


def test_stated_prose_follows_the_paragraphs_not_the_document() -> None:
    document = read_document(FIXTURE)
    first = stated_figures(document)
    assert first["requests.new_received"] == 682
    # The same Document object with the statement of the received applications printed otherwise:
    # a cache keyed by the document (not its texts) would answer 682 again.
    for k, block in enumerate(document.blocks):
        if isinstance(block, TextBlock) and "682" in block.text:
            document.blocks[k] = TextBlock(block.text.replace("682", "683"), block.where)
    assert stated_figures(document)["requests.new_received"] == 683
    assert {k: v for k, v in stated_figures(document).items() if k != "requests.new_received"} == {
        k: v for k, v in first.items() if k != "requests.new_received"
    }


def test_printed_row_sums_the_same_for_any_sequence_of_an_order() -> None:
    for template in TEMPLATES.values():
        width = len(template.request_columns)
        natural = [c.index for c in template.request_columns]
        assert printed_row_sums(template, range(width)) == printed_row_sums(template, tuple(range(width)))
        assert printed_row_sums(template, natural) == printed_row_sums(template, tuple(natural))
        assert printed_row_sums(template, natural)  # the template's order keeps its row sum
        with_subtotal = [*natural[:1], None, *natural[1:]]
        assert len(printed_row_sums(template, with_subtotal)) == 3  # the 小计's own sum and the row's through it
        assert printed_row_sums(template, natural[:-1]) == ()  # no 总计: no sum


def test_line_number_by_where() -> None:
    value = parse_cell("12")
    assert line_number(Token("12", "line 7 cell 2", value)) == 7
    assert line_number(Token("12", "line 70 cell 2", value)) == 70
    assert line_number(Token("12", "table 1 row 2 cell 3", value)) is None
