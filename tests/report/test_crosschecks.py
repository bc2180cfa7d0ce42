"""The supervisor's rules on real corpus reports (as read) and on made-up ones: each fires where
it should and stays silent where the report holds together."""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import cache

import pytest

from gongkai.ingest.read import read_report
from gongkai.report.checks import RULES
from gongkai.report.crosschecks import (
    check_against_computed,
    check_completeness,
    check_fees_against_desk,
    check_hierarchy,
    check_published,
    check_repetition,
    check_text_figures,
    check_timeliness,
    deadline,
    similarity,
)
from gongkai.report.envelope import SectionText
from gongkai.report.model import Report
from gongkai.report.narrative import chinese_number, signed_date
from gongkai.report.templates import SECTIONS, TEMPLATE_2021
from tests.environment import GOLD, RAW, need_corpus

need_corpus()
CORPUS = sorted(p.name for p in RAW.iterdir() if p.suffix in (".txt", ".html"))


@cache
def _read(name: str) -> Report:
    result = read_report(RAW / name)
    assert result.report is not None, result.error
    return result.report


def corpus(name: str) -> Report:
    """A fresh copy of a corpus report as the reader reads it (tests change it)."""
    return Report.from_dict(_read(name).to_dict())


def made_up(sections: dict[str, str], year: int = 2021, agency: str = "某县某局", **totals: int) -> Report:
    report = Report.empty(agency, year, TEMPLATE_2021)
    for row, value in totals.items():
        report.requests[row][-1] = value
    report.sections = [
        SectionText(s.number, s.title, sections.get(s.number, "内容" * 10), where=f"line {i * 10}")
        for i, s in enumerate(SECTIONS)
    ]
    return report


def test_the_new_rules_are_named_rules() -> None:
    for name in (
        "text.figure_vs_table",
        "sections.missing",
        "sections.empty",
        "sections.order",
        "text.fees_vs_desk",
        "series.repeated_text",
        "region.hierarchy",
        "region.missing_child",
        "report.late",
        "computed.cell",
    ):
        assert name in RULES and RULES[name].title_zh and RULES[name].title_en


@pytest.mark.parametrize("name", CORPUS)
def test_corpus_reports_hold_together(name: str) -> None:
    """The corpus' narratives agree with their tables (000 says 受理 185 = new 184 + carried over 1),
    every part is there, in order, and each is signed on time or says no date."""
    report = corpus(name)
    assert check_published(report) == []
    assert check_timeliness(report, "department", signed_date(report)) == []


def test_a_table_that_disagrees_with_the_text_is_found() -> None:
    report = corpus("001_cf5ac85f95ca13ec.txt")  # “共受理依申请公开办件46件”
    report.requests["new_received"][-1] = 40
    report.requests["carried_over"][-1] = 0
    [finding] = check_text_figures(report)
    assert finding.rule == "text.figure_vs_table" and finding.values["stated"] == 46
    assert finding.values["tables"] == {"new_received": 40, "new_received+carried_over": 40}
    assert "46件" in finding.values["quote"] and finding.place == "requests.new_received[6]"
    assert "46" in finding.message_zh and "46" in finding.message_en


def test_made_up_narratives_in_chinese_numerals_and_appeals() -> None:
    text = {"一": "本年度共收到政府信息公开申请二十件，办结十八件。发生行政复议3件，行政诉讼1件。"}
    report = made_up(text, new_received=20)
    report.appeals["review"]["total"] = 3
    report.appeals["litigation_direct"]["total"] = 1
    assert check_text_figures(report) == []
    report.appeals["review"]["total"] = 2
    [finding] = check_text_figures(report)
    assert finding.place == "appeals.review.total" and finding.values == {
        **finding.values,
        "stated": 3,
        "tables": {"review.total": 2},
    }
    none = made_up({"一": "2021年我局未收到政府信息公开申请。"}, new_received=2)
    assert [f.values["stated"] for f in check_text_figures(none)] == [0]
    assert chinese_number("一百零五") == 105 and chinese_number("十二") == 12


def test_fees_stated_against_the_desk() -> None:
    report = corpus("shuyang-fgj-2023.html")  # “政府信息公开未发生收费情况”
    assert check_fees_against_desk(report, 0) == []
    [finding] = check_fees_against_desk(report, 150)
    assert finding.values["desk_yuan"] == 150 and finding.values["stated_yuan"] == 0


def test_completeness_missing_empty_and_order() -> None:
    report = corpus("003_4339039e26702392.txt")
    sections = list(report.sections or [])
    five = next(i for i, s in enumerate(sections) if s.number == "五")
    sections[five] = dataclasses.replace(sections[five], text="无。")
    three = next(i for i, s in enumerate(sections) if s.number == "三")
    sections[three] = dataclasses.replace(sections[three], text=None)
    report.sections = sections
    found = {(f.rule, f.row) for f in check_completeness(report)}
    assert found == {("sections.empty", "五"), ("sections.missing", "三")}
    swapped = made_up({})
    parts = list(swapped.sections or [])
    parts[0], parts[4] = (
        dataclasses.replace(parts[0], where=parts[4].where),
        dataclasses.replace(parts[4], where=parts[0].where),
    )
    swapped.sections = parts
    [order] = check_completeness(swapped)
    assert order.rule == "sections.order" and order.values["printed"][0] == "五"
    assert check_completeness(Report.load(GOLD / "000_21925bfca89cb37b.json")) == []  # no text: nothing to say


def test_repetition_against_last_year() -> None:
    this_year = corpus("001_cf5ac85f95ca13ec.txt")
    last_year = corpus("001_cf5ac85f95ca13ec.txt")
    last_year.year = 2019  # the same text with other years and figures is still the same text
    last_year.sections = [
        dataclasses.replace(s, text=(s.text or "").replace("2020", "2019").replace("46", "39"))
        for s in last_year.sections or []
    ]
    repeated = {f.row for f in check_repetition(last_year, this_year)}
    assert {"一", "五"} <= repeated
    other = corpus("000_21925bfca89cb37b.txt")
    other.year = 2019
    assert check_repetition(other, this_year) == []
    assert similarity("政务公开工作" * 3, "完全不同的一段文字内容") == 0.0


def test_hierarchy_against_the_children() -> None:
    child_a, child_b = Report.load(GOLD / "000_21925bfca89cb37b.json"), Report.load(GOLD / "003_4339039e26702392.json")
    parent = Report.empty("某县人民政府", child_a.year, child_a.template)
    for row in ("new_received", "total_processed", "carried_forward"):
        parent.requests[row][-1] = (child_a.requests[row][-1] or 0) + (child_b.requests[row][-1] or 0)
    for group in ("review", "litigation_direct", "litigation_after_review"):
        parent.appeals[group]["total"] = (child_a.appeals[group]["total"] or 0) + (child_b.appeals[group]["total"] or 0)
    assert check_hierarchy(parent, [child_a, child_b]) == []
    parent.requests["new_received"][-1] += 7
    findings = check_hierarchy(parent, [child_a, child_b], missing=["某某镇人民政府"])
    assert [f.rule for f in findings] == ["region.missing_child", "region.hierarchy"]
    assert findings[1].values["own"] - findings[1].values["children_sum"] == 7
    assert findings[0].row == "某某镇人民政府"


def test_timeliness_by_kind() -> None:
    report = corpus("shuyang-fgj-2023.html")
    assert signed_date(report) == dt.date(2024, 1, 17)
    assert check_timeliness(report, "department", dt.date(2024, 1, 31)) == []
    [late] = check_timeliness(report, "department", dt.date(2024, 2, 5))
    assert late.values["days_late"] == 5 and late.values["deadline"] == "2024-01-31"
    assert check_timeliness(report, "county", dt.date(2024, 2, 5)) == []
    assert deadline(2023, "town") == dt.date(2024, 3, 31)
    assert check_timeliness(report, "department", None) == []


def test_published_against_computed() -> None:
    computed = Report.load(GOLD / "000_21925bfca89cb37b.json")
    published = Report.from_dict(computed.to_dict())
    assert check_against_computed(published, computed) == []
    published.requests["new_received"][0] += 2
    cases = {"requests.new_received[0]": ["2020-0001", "2020-0002"]}
    [finding] = check_against_computed(published, computed, cases)
    assert finding.values["difference"] == 2 and finding.values["cases"] == ["2020-0001", "2020-0002"]
    assert "2020-0001" in finding.message_zh and finding.place == "requests.new_received[0]"
