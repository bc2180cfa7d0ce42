"""Agency, year and the six sections, from titles and signatures as real reports print them."""

from __future__ import annotations

import pytest

from gongkai.ingest.document import Document, TextBlock
from gongkai.ingest.meta import identify
from gongkai.ingest.read import read_document
from gongkai.ingest.section_headings import match_section_heading
from gongkai.ingest.section_texts import sections

from .holdout3 import FIXTURES as HOLDOUT3
from .holdout4 import FIXTURES as HOLDOUT4
from .holdout11 import FIXTURES as HOLDOUT11
from .holdout13 import FIXTURES as HOLDOUT13
from .holdout15 import FIXTURES as HOLDOUT15


def _doc(*lines: str, title: str | None = None) -> Document:
    return Document("x.txt", "text", [TextBlock(line, f"line {i + 1}") for i, line in enumerate(lines)], title=title)


@pytest.mark.parametrize(
    ("lines", "agency", "year"),
    [
        (["苍南县人民政府办公室2020年度政府信息公开工作年度报告"], "苍南县人民政府办公室", 2020),
        (["2020柯桥区政府信息公开年度报告"], "柯桥区", 2020),
        (["秦山街道 2020 年度政府信息公开工作 年度报告"], "秦山街道", 2020),
        (["# 海盐县人民政府", "## 2020 年度政府信息公开工作年度报告"], "海盐县人民政府", 2020),
        (["某市生态环境局二〇二一年度政府信息公开工作年度报告"], "某市生态环境局", 2021),
        (["2022年度某县人民政府信息公开工作年度报告"], "某县人民政府", 2022),
        (["某县人民政府办公室关于印发2019年政府信息公开工作年度报告的通知"], "某县人民政府办公室", 2019),
        (["标题：沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局"], "沭阳县发展和改革局", 2023),
        # a side column's heading read across into the title (pdftotext -layout, pymupdf4llm)
        (["政府信息公开       石泉县自然资源和规划局2019年政府信息公开工作年度报告"], "石泉县自然资源和规划局", 2019),
        (["- 政府信息公开 宁川县民政局2023年政府信息公开工作年度报告"], "宁川县民政局", 2023),
        (["某县政务公开办公室2020年政府信息公开工作年度报告"], "某县政务公开办公室", 2020),
        (["政务公开办公室2020年政府信息公开工作年度报告"], "政务公开办公室", 2020),
        # a 信息索引 box in pdftotext's flow: a field, the title's label, then the whole title
        (
            [
                "发布机构 某市市场监督管理局",
                "生成日期 2020-01-15",
                "名称",
                "某市市场监督管理局 2019 年政府信息公开工作年度报告",
            ],
            "某市市场监督管理局",
            2019,
        ),
        # pymupdf4llm ran a title set in the body's type into the paragraph after it
        (["某省生态环境厅2023年政府信息公开工作年度报告 根据《条例》规定，特向社会公布。"], "某省生态环境厅", 2023),
    ],
)
def test_agency_and_year_from_the_title(lines: list[str], agency: str, year: int) -> None:
    found = identify(_doc(*lines, "一、总体情况", "正文。"))
    assert (found.agency, found.year) == (agency, year)
    assert found.notes == ()


def test_signature_when_the_title_names_no_agency() -> None:
    lines = ("2021年度政府信息公开工作年度报告", "一、总体情况", "正文。", "某镇人民政府", "2022年1月20日")
    found = identify(_doc(*lines))
    assert (found.agency, found.year, found.agency_where) == ("某镇人民政府", 2021, "line 4")
    assert found.notes  # the fallback is recorded for `uncertain`


def test_no_title_falls_back_on_signature_and_date() -> None:
    found = identify(_doc("一、总体情况", "正文。", "某县司法局", "2021年1月15日"))
    assert (found.agency, found.year) == ("某县司法局", 2020)
    assert len(found.notes) == 2


def test_section_headings() -> None:
    assert match_section_heading("### 三、收到和处理政府信息公开申请情况") is not None
    assert match_section_heading("## **六、其他需要报告的事项**") is not None
    assert match_section_heading("五、存在的主要问题及整改措施") is not None
    assert match_section_heading("三、本年度办理结果") is None  # a row of table 三, not a section
    assert match_section_heading("四、结转下年度继续办理") is None
    parts = sections(_doc("一、总体情况", "甲。", "乙。", "五、存在的主要问题及改进情况", "丙。"))
    assert [p.number for p in parts] == list("一二三四五六")
    assert parts[0].text == "甲。\n乙。" and parts[4].text == "丙。"
    assert parts[1].printed is None and parts[1].text is None


def test_a_navigation_line_above_the_title_is_not_an_agency() -> None:
    lines = ("政府信息公开", "2023年度政府信息公开工作年度报告", "一、总体情况", "正文。", "某县水利局", "2024年1月5日")
    found = identify(_doc(*lines))
    assert (found.agency, found.year) == ("某县水利局", 2023)  # from the signature


@pytest.mark.parametrize(
    ("converted", "agency"),
    [
        ("pymupdf4llm/c2019-a~county.md", "石泉县自然资源和规划局"),
        ("pdftotext-layout/c2021-a~county.txt", "安平县应急管理局"),
        ("pdftotext-layout/c2023-c~county.txt", "白塔镇人民政府"),
        ("pymupdf4llm/c2023-e~county.md", "宁川县民政局"),
    ],
)
def test_a_side_columns_heading_is_not_part_of_the_agency(converted: str, agency: str) -> None:
    """Real converter output of a county page whose side column is headed 政府信息公开: the
    converter reads across the page and glues the heading before the title; the agency is the
    title's own words, with no doubt needed (no agency's name begins with 政府信息公开)."""
    found = identify(read_document(HOLDOUT3 / converted))
    assert found.agency == agency
    assert found.trimmed_from is None and found.notes == ()


@pytest.mark.parametrize(
    ("crawled", "agency", "year", "trimmed"),
    [
        # an index box run into one line: its 发文日期 (the year after) stands before the title
        ("b2019-a~bureau.txt", "临江市财政局", 2019, False),
        ("b2023-d~bureau.txt", "华阳省生态环境厅", 2023, False),
        # a printed page's running header (portal, column, agency) run into the title
        ("b2021-a~bureau.txt", "华阳省商务厅", 2021, True),
        ("b2024-e~bureau.txt", "东川市退役军人事务局", 2024, True),
    ],
)
def test_page_furniture_is_not_the_agency_or_the_year(crawled: str, agency: str, year: int, trimmed: bool) -> None:
    """Crawler text of department pages: the year is the title's, not a date of publication, and
    the agency drops the running header's portal name and its own repetition (a doubt then)."""
    found = identify(read_document(HOLDOUT4 / "crawler" / crawled))
    assert (found.agency, found.year) == (agency, year)
    assert (found.trimmed_from is not None) == trimmed and found.period_year is None


@pytest.mark.parametrize(
    ("crawled", "agency", "year"),
    [
        ("p2020-a~pre.txt", "青石县教育局", 2020),
        ("p2022-a~pre.txt", "白河市人力资源和社会保障局", 2022),  # a long name: the line's chrome over 80 characters
    ],
)
def test_a_title_run_into_the_breadcrumb_without_blanks(crawled: str, agency: str, year: int) -> None:
    """Crawler text stripped of every space: the title runs into the breadcrumb before it and the
    发布时间 after it (``…>>年度报告青石县教育局2020年政府信息公开工作年度报告发布时间：…``); the
    agency and the year are still the title's, the breadcrumb trimmed off (a doubt)."""
    found = identify(read_document(HOLDOUT13 / "crawler-nospace" / crawled))
    assert (found.agency, found.year) == (agency, year)
    assert found.trimmed_from is not None


@pytest.mark.parametrize(
    ("line", "agency", "year"),
    [
        # a crawler's line: the font-size links, the 红头 title block (office, 文号), then the title
        (
            "【字体：大 中 小】 某县青石镇人民政府青政发〔2021〕13号 某县青石镇人民政府2020年政府信息公开工作年度报告",
            "某县青石镇人民政府",
            2020,
        ),
        (
            "【打印】【关闭】 某区东关街道办事处东办发[2022]7号 某区东关街道办事处2021年度政府信息公开工作年度报告",
            "某区东关街道办事处",
            2021,
        ),
        # a title naming no agency after the 文号: the office's name before its issuer code
        ("某县龙潭乡人民政府龙政发〔2023〕2号关于印发2022年政府信息公开工作年度报告的通知", "某县龙潭乡人民政府", 2022),
        # the whole page in one line: navigation, title block, title, then the body's first sentence
        (
            "某县人民政府 乡镇（街道）信息公开 当前位置：首页 > 政务公开 > 乡镇街道 > 柳河乡人民政府 > "
            "政府信息公开年报 "
            "发布时间：2021-01-19 来源：柳河乡人民政府 浏览次数：100 【字体：大 中 小】 "
            "某县柳河乡人民政府2020年政府信息公开工作年度报告 本报告依据《条例》编制，全文包括总体情况。",
            "某县柳河乡人民政府",
            2020,
        ),
    ],
)
def test_a_red_head_documents_number_is_not_the_agency_or_the_year(line: str, agency: str, year: int) -> None:
    """A 红头 document's 文号 (〔2021〕13号: the year it was issued) between the office's name and
    the title: the year is the title's 年度报告 year, the agency stops before the 文号 and drops the
    page furniture (【字体：大 中 小】) a crawler runs in front of it."""
    found = identify(_doc(line, "一、总体情况", "正文。"))
    assert (found.agency, found.year) == (agency, year)


def test_a_title_year_unlike_the_statistics_period_is_a_doubt() -> None:
    lines = ("某县水利局2021年政府信息公开工作年度报告", "本报告所列数据统计期限自2020年1月1日起。", "一、总体情况")
    found = identify(_doc(*lines))
    assert (found.agency, found.year, found.period_year) == ("某县水利局", 2021, 2020)


def test_a_signature_and_its_date_run_onto_one_line_name_the_agency_and_the_year() -> None:
    """pymupdf4llm joins the right-aligned signature and date of a page whose title is a picture
    (``⽩河市⾃然资源和规划局 2022年3⽉25⽇``, in Kangxi radicals): the agency before the blank,
    the year the one before the date's; a name run into a date without a blank is not taken."""
    found = identify(read_document(HOLDOUT13 / "pymupdf4llm" / "p2023-b~pre.md"))
    assert (found.agency, found.year) == ("云岭县住房和城乡建设局", 2023)
    assert identify(_doc("正文。", "某县人民政府办公室 2021年3月2日", "【打印本页】")).agency == "某县人民政府办公室"
    assert identify(_doc("正文。", "某县人民政府办公室2021年3月2日")).agency is None


@pytest.mark.parametrize(
    ("converted", "agency", "year"),
    [
        ("c2022-a~gongwen-word.md", "石门县市场监督管理局", 2022),
        ("c2024-b~gongwen-word.md", "清河县财政局", 2024),
    ],
)
def test_a_title_set_in_a_table_row_and_wrapped_onto_the_next_line(converted: str, agency: str, year: int) -> None:
    """markitdown of a 公文's Word print whose justified title line became a pipe row (``| 某局 |
    | 2022 | 年政府信息 |``) and whose wrap (``公开工作年度报告``) the reader folds into the table
    as a one-cell row: the two rows run together are the title."""
    found = identify(read_document(HOLDOUT11 / "markitdown" / converted))
    assert (found.agency, found.year) == (agency, year)


def test_an_ocr_title_in_a_table_row_names_the_body_the_report_prints() -> None:
    """markitdown of a scan's Word export: the title's row (``| 宁远县民政后 | | 2o19 | 年…年度报 |``,
    ``告`` wrapped) misreads the agency; the body prints the name one character apart, the title's
    nowhere: the body's is taken (a slipped title)."""
    found = identify(read_document(HOLDOUT15 / "markitdown" / "s2019-a~ocr-word.md"))
    assert (found.agency, found.year, found.slipped) == ("宁远县民政局", 2019, True)
