"""What the document says: given section texts, defaults built from the figures, unknown figures."""

from __future__ import annotations

import lxml.html
import pytest

from gongkai.render.batch import render_document
from gongkai.render.compose import compose
from gongkai.report.model import Report, ReportDataError
from gongkai.report.templates import SECTIONS, UNKNOWN_MARK

from .grids import check_statutory_tables, docx_grids, html_grids


def _with(report: Report, **extra: object) -> Report:
    data = report.to_dict()
    data.update(extra)
    return Report.from_dict(data)


def _section_texts(report: Report) -> dict[str, list[str]]:
    return {p.heading: p.paragraphs for p in compose(report).parts}


@pytest.fixture
def report(gold_reports: dict[str, Report]) -> Report:
    return gold_reports["000_21925bfca89cb37b"]


def test_sections_as_the_ingest_layer_writes_them(report: Report) -> None:
    sections = [
        {"number": "一", "title": "总体情况", "printed": "一、总体情况", "where": "line 9", "text": "甲段。\n乙段。"},
        {
            "number": "五",
            "title": "存在的主要问题及改进情况",
            "printed": "五、存在的主要问题及整改措施",
            "where": "line 80",
            "text": "问题与改进。",
        },
        {"number": "六", "title": "其他需要报告的事项", "printed": None, "where": None, "text": None},
    ]
    texts = _section_texts(_with(report, sections=sections))
    assert texts[SECTIONS[0].heading] == ["甲段。", "乙段。"]
    assert texts[SECTIONS[4].heading] == ["问题与改进。"]
    # a part the source did not print gets the written default, not an empty section
    assert texts[SECTIONS[5].heading] and texts[SECTIONS[5].heading] != [""]


def test_sections_placed_by_title_and_variant_titles(report: Report) -> None:
    sections = [{"title": "存在的主要问题及整改措施", "text": "整改。"}, {"title": "概述", "text": "概述段。"}]
    texts = _section_texts(_with(report, sections=sections))
    assert texts[SECTIONS[4].heading] == ["整改。"]
    assert texts[SECTIONS[0].heading] == ["概述段。"]


def test_sections_placed_by_number(report: Report) -> None:
    sections = [{"number": "二", "text": "主动公开。"}, {"number": "六、", "text": "其他。"}]
    texts = _section_texts(_with(report, sections=sections))
    assert texts[SECTIONS[1].heading] == ["主动公开。"]
    assert texts[SECTIONS[5].heading] == ["其他。"]


def test_sections_come_in_one_shape(report: Report) -> None:
    """A dict of titles is not the envelope's shape: refused where the data is read, naming the key."""
    with pytest.raises(ReportDataError) as refused:
        _with(report, sections={"二": "主动公开。"})
    assert [p.path for p in refused.value.problems] == ["sections"]


def test_an_unnamed_section_is_kept_under_six(report: Report) -> None:
    texts = _section_texts(_with(report, sections=[{"title": "政务公开工作要点落实情况", "text": "落实。"}]))
    assert texts[SECTIONS[5].heading][-2:] == ["政务公开工作要点落实情况", "落实。"]


def test_default_texts_are_built_from_the_figures(report: Report) -> None:
    texts = _section_texts(report)
    total = report.request_total("new_received")
    assert f"新收政府信息公开申请{total}件" in texts[SECTIONS[0].heading][0]
    assert f"结转下年度继续办理{report.request_total('carried_forward')}件" in texts[SECTIONS[2].heading][0]


def test_unknown_figures_print_as_a_mark_with_a_note_never_as_zero(report: Report, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = report.to_dict()
    data["requests"]["granted"][0] = None
    data["appeals"]["review"]["upheld"] = None
    data["active"]["procurement"]["amount_yuan"] = None
    unknown = Report.from_dict(data)
    page = render_document(unknown, "html").decode("utf-8")
    tree = lxml.html.fromstring(page)
    cell = tree.xpath("//td[@data-place='requests.granted[0]']")[0]
    assert cell.text_content() == UNKNOWN_MARK and "unknown" in cell.get("class")
    assert tree.xpath("//td[@data-place='appeals.review.upheld']")[0].text_content() == UNKNOWN_MARK
    assert tree.xpath("//td[@data-place='active.procurement.amount_yuan']")[0].text_content() == UNKNOWN_MARK
    notes = tree.xpath("//p[@class='table-note']")
    assert len(notes) == 3 and all(UNKNOWN_MARK in n.text_content() for n in notes)
    check_statutory_tables(html_grids(page), unknown)  # every other figure still in place
    docx = tmp_path / "u.docx"
    docx.write_bytes(render_document(unknown, "docx"))
    check_statutory_tables(docx_grids(docx), unknown)
    markdown = render_document(unknown, "md").decode("utf-8")
    assert f"| {UNKNOWN_MARK} |" in markdown


def test_money_keeps_its_decimals_and_unit(gold_reports: dict[str, Report]) -> None:
    report = gold_reports["002_7c7920e851bb8139"]  # 采购总金额 132767.89 万元 → 1327678900 元
    page = render_document(report, "html").decode("utf-8")
    tree = lxml.html.fromstring(page)
    assert tree.xpath("//td[@data-place='active.procurement.amount_yuan']")[0].text_content() == "1327678900"
    field = report.template.active_row("procurement").field("amount_yuan")
    assert f"{field.label}（单位：{field.unit}）" in page
    data = report.to_dict()
    data["active"]["procurement"]["amount_yuan"] = 1234.5
    odd = render_document(Report.from_dict(data), "html").decode("utf-8")
    assert ">1234.5<" in odd


def test_2021_fees_are_in_ten_thousand_yuan(gold_reports: dict[str, Report]) -> None:
    report = gold_reports["shuyang-fgj-2023"]
    data = report.to_dict()
    data["active"]["fees"]["amount_10k_yuan"] = 12.35
    page = render_document(Report.from_dict(data), "html").decode("utf-8")
    assert "本年收费金额（单位：万元）" in page and ">12.35<" in page
