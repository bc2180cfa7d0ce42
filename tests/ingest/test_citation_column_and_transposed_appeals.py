"""Two shapes of a city bureau's paginated tables (the sixth hold-out set): table 二 with the
第二十条 citation as its last column (``ingest/trailing_citations.py``; its items' last columns
printed by ``pdftotext`` as one block, ``ingest/stacked_headers.py``), and table 四 with its
groups down the first column (``ingest/appeal_columns.py``, and its dash cells in a crawler's
run-on rows). The lines below are what the tools printed for such pages (other figures)."""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.appeals import read_appeals
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.line_cells import split_line
from gongkai.ingest.read import read_document
from gongkai.ingest.records import read_records, split_tables
from gongkai.ingest.runon import cut_run_on
from gongkai.ingest.stacked_headers import read_stacked_headers
from gongkai.ingest.trailing_citations import trailing_citations_cut
from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATE_2021


def test_citation_after_a_rows_figures_is_cut_from_a_laid_out_line() -> None:
    line = "规章                  2          41              7   第二十条第（一）项"
    assert trailing_citations_cut([line]) == ["规章                  2          41              7 "]
    counted = "行政许可                                         0件    第二十条第（五）项"
    assert trailing_citations_cut([counted])[0].rstrip().endswith("0件")


def test_citation_in_a_pipe_cell_with_the_figure_is_cut() -> None:
    line = "| 行政事业性收费 |     |               |     | 12.5 第二十条第（八）项 |     |"
    assert trailing_citations_cut([line]) == ["| 行政事业性收费 |     |               |     | 12.5  |     |"]


def test_citation_in_the_cell_of_a_figure_lifted_out_of_the_row_is_blanked() -> None:
    line = "|     | 行政事业性收费 |     |     |     | 第二十条第（八）项 |     |"
    assert trailing_citations_cut([line]) == ["|     | 行政事业性收费 |     |     |     | |     |"]
    # in its own column after the row's figure, it is a label of no row: left as printed
    kept = "| 行政事业性收费 |               | 2,577.77 | 第二十条第（八）项 |"
    assert trailing_citations_cut([kept]) == [kept]


def test_citation_in_the_first_column_is_kept() -> None:
    lines = [
        "第二十条第（一）项   规章            2          41              7",
        "第二十条第（一）项",
        "| 第二十条第（五）项 | 行政许可 | 3 |",
        "依据第二十条第（一）项规定公开。",
    ]
    assert trailing_citations_cut(lines) == lines


def _records(tmp_path: Path, text: str) -> dict[str, list]:  # type: ignore[type-arg]
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return split_tables(read_records(read_document(path)))


# pdftotext (default) of table 四 with its groups down the first column: the columns come out as
# blocks, the result labels a column off their figures, the last two columns printed row by row.
_APPEALS_COLUMNS = """四、政府信息公开行政复议、行政诉讼情况
类别
行政诉讼

结果 结果维持
行政复议
未经复议直接起诉
复议后起诉

结果纠正
12
30
5

其他结果
2
1
4

尚未审结
0
6
1

总计
7 21
2 39
3 13
"""


def test_transposed_appeals_read_by_column_blocks(tmp_path: Path) -> None:
    records = _records(tmp_path, _APPEALS_COLUMNS)["appeals"]
    report = Report.empty("某局", 2023, TEMPLATE_2021, fill=None)
    evidence = Evidence()
    read_appeals(TEMPLATE_2021, records, report, evidence)
    assert report.appeals["review"] == {"upheld": 12, "corrected": 2, "other": 0, "pending": 7, "total": 21}
    assert report.appeals["litigation_direct"] == {"upheld": 30, "corrected": 1, "other": 6, "pending": 2, "total": 39}
    assert report.appeals["litigation_after_review"] == {
        "upheld": 5,
        "corrected": 4,
        "other": 1,
        "pending": 3,
        "total": 13,
    }


def test_column_blocks_that_do_not_add_up_are_no_reading(tmp_path: Path) -> None:
    text = _APPEALS_COLUMNS.replace("7 21", "7 25").replace("2 39", "2 44")  # two groups broken
    records = _records(tmp_path, text)["appeals"]
    report = Report.empty("某局", 2023, TEMPLATE_2021, fill=None)
    read_appeals(TEMPLATE_2021, records, report, Evidence())
    assert report.appeals["review"]["upheld"] is None


def test_a_dash_cell_in_a_run_on_table_four_row_is_no_minus_sign() -> None:
    line = (
        "本年度发生政府信息公开行政复议27件，行政诉讼66件。 结果类别结果维持结果纠正其他结果尚未审结总计 "
        "行政复议1415727 行政诉讼未经复议直接起诉2472—33 复议后起诉1974333 五、存在的主要问题及改进情况"
    )
    pieces = cut_run_on(line)
    assert "未经复议直接起诉2472—33" in pieces
    assert split_line("未经复议直接起诉2472—33") == ["未经复议直接起诉", "2472", "—", "33"]


# pdftotext (default) of table 二 printed item by item with the citation column at the right: the
# items' last columns (one place on the page) come out as one block under their stacked headers.
_ACTIVE_STACKED = """二、主动公开政府信息情况
本年度主动公开政府信息情况如下表：
信息内容
规章
行政规范性文件
信息内容
行政许可
信息内容
行政处罚
行政强制
信息内容
行政事业性收费

本年制发件数

3
2

本年废止件数

40
11
本年处理决定数量

现行有效件数

本年处理决定数量
本年收费金额（单位：万元）

5
6

0件
12
4
7.5

条款
第二十条第（一）项
条款
第二十条第（五）项
"""


def test_items_last_columns_stacked_in_one_block(tmp_path: Path) -> None:
    records = _records(tmp_path, _ACTIVE_STACKED)["active"]
    report = Report.empty("某局", 2023, TEMPLATE_2021, fill=None)
    evidence = Evidence()
    read_stacked_headers(TEMPLATE_2021, records, report, evidence)
    assert report.active["regulations"]["in_force"] == 5
    assert report.active["normative_documents"]["in_force"] == 6
    assert report.active["licensing"]["decisions"] == 0
    assert report.active["punishment"]["decisions"] == 12
    assert report.active["coercion"]["decisions"] == 4
    assert report.active["fees"]["amount_10k_yuan"] == 7.5
    assert {u.cell for u in evidence.uncertain} >= {"active.fees.amount_10k_yuan", "active.regulations.in_force"}


# The same table broken by the page after its first two items: each page's part prints its row
# labels, then its blocks; the stacked block of each part holds that part's rows only.
_ACTIVE_PAGED = """二、主动公开政府信息情况
本年度主动公开政府信息情况如下表：
信息内容
规章
行政规范性文件
信息内容
行政许可

本年制发件数

3
2

本年废止件数

40
11
本年处理决定数量

现行有效件数

5
6
9

条款
第二十条第（一）项
\f行政处罚
行政强制
信息内容
行政事业性收费
本年处理决定数量
本年收费金额（单位：万元）

12
4
7.5
"""


def test_stacked_blocks_of_each_pages_part(tmp_path: Path) -> None:
    records = _records(tmp_path, _ACTIVE_PAGED)["active"]
    report = Report.empty("某局", 2023, TEMPLATE_2021, fill=None)
    read_stacked_headers(TEMPLATE_2021, records, report, Evidence())
    assert report.active["regulations"]["in_force"] == 5
    assert report.active["normative_documents"]["in_force"] == 6
    assert report.active["licensing"]["decisions"] == 9
    assert report.active["punishment"]["decisions"] == 12
    assert report.active["coercion"]["decisions"] == 4
    assert report.active["fees"]["amount_10k_yuan"] == 7.5
