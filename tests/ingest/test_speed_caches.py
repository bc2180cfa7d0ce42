"""The caches the speed work added answer as the functions they stand in for, and never from a
document read before (issue 9: read_report's speed).

- ``stated``: the prose joined once per report for its four readers, remembered by the
  paragraphs' texts — a document whose paragraphs change is joined again.
- ``equations.printed_row_sums``: remembered by template id and printed order — any sequence of
  the same order (a list, a range) gives the same sums.
- ``records.line_number``: remembered by a token's ``where``.
- ``requests_now``: table 三 as read so far, remembered by the template and a copy of its rows
  (in order) — a row changed in place, rows in another order or another template ask afresh.
"""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.document import TextBlock
from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.read import read_document, read_report
from gongkai.ingest.records import Token, line_number
from gongkai.ingest.requests_now import requests_now
from gongkai.ingest.stated import stated_figures
from gongkai.report.equations import printed_row_sums, requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATES, Template

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


def _fresh(template: Template, report: Report) -> tuple[dict[object, tuple[int | None, ...]], bool, int]:
    """What each fallback reader's first gate asked before ``requests_now``."""
    current = {key: tuple(v) for key, v in report.requests.items()}
    complete = all(None not in values for values in current.values())
    return current, complete, requests_bound(template.id).broken(current)


def _answer(template: Template, report: Report) -> tuple[dict[object, tuple[int | None, ...]], bool, int]:
    now = requests_now(template, report)
    table = now.table()
    assert list(table) == list(report.requests)  # the rows in the report's order
    return table, now.complete, now.broken()


def test_requests_now_follows_the_rows_in_place() -> None:
    read = read_report(FIXTURE)
    assert read.ok and read.report is not None
    report, template = read.report, read.report.template
    assert _answer(template, report) == _fresh(template, report)
    assert _fresh(template, report)[1:] == (True, 0)  # read whole, adding up
    # a copy handed out is the reader's own: changing it leaves the next answer whole
    requests_now(template, report).table().clear()
    assert _answer(template, report) == _fresh(template, report)
    # one cell changed in place (the same dict, the same list): a cache keyed by the report or
    # its dict would answer "adds up" again
    row = next(iter(report.requests.values()))
    row[0] = (row[0] or 0) + 1
    assert _answer(template, report) == _fresh(template, report)
    assert _fresh(template, report)[2] > 0
    row[1] = None
    assert _answer(template, report) == _fresh(template, report)
    assert _fresh(template, report)[1] is False
    # the same rows in another order: equal as dicts, handed out in the report's own order
    report.requests = dict(reversed(report.requests.items()))
    assert _answer(template, report) == _fresh(template, report)
    # another template with rows of equal contents: scored by its own equations
    for other in TEMPLATES.values():
        if other.id != template.id and [r.key for r in other.request_rows] == list(report.requests)[::-1]:
            twin = Report.empty(report.agency, report.year, other)
            twin.requests = {k: list(v) for k, v in report.requests.items()}
            assert _answer(other, twin) == _fresh(other, twin)
