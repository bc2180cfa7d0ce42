"""Published against computed: the published cells of an agency whose cases are on the platform
against the platform's count, each difference with the cases behind it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gongkai.platform.annual.compile import compile_report
from gongkai.platform.oversight.computed import cases_behind, compare_with_platform
from gongkai.platform.oversight.models import ReportFinding
from gongkai.platform.oversight.services import create_batch, run_batch
from gongkai.platform.oversight.sources import collect
from gongkai.render.batch import render_document
from gongkai.report.model import Report

from .test_annual import year_of_cases  # noqa: F401  (the fixture: a year of 海盐县's cases)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("year_of_cases")]


def test_cases_behind_count_as_the_compiled_tables(office: dict[str, Any]) -> None:
    compiled = compile_report(office["hy"], 2021).report
    behind = cases_behind(office["hy"], 2021, compiled.template)
    for table, row, column, value in compiled.cells():
        if table == "active":
            continue
        key = f"{table}.{row}[{column}]" if isinstance(column, int) else f"{table}.{row}.{column}"
        assert len(behind.get(key, [])) == value, key


def test_a_published_report_that_differs_from_the_cases(office: dict[str, Any], tmp_path: Path) -> None:
    computed = compile_report(office["hy"], 2021).report
    assert compare_with_platform(office["hy"], 2021, computed) == []  # published as computed: silent
    printed = Report.from_dict(computed.to_dict())
    printed.requests["granted"][0] += 1
    printed.requests["granted"][6] += 1
    printed.sections = None
    path = tmp_path / "hy-2021.html"
    path.write_bytes(render_document(printed, "html"))
    run_batch(create_batch(office["jx_supervisor"], office["jx"], collect([path])).pk)
    found = {f.place: f for f in ReportFinding.objects.filter(agency=office["hy"], rule="computed.cell")}
    assert set(found) == {"requests.granted[0]", "requests.granted[6]"}
    cell = found["requests.granted[0]"]
    assert cell.values["published"] == 2 and cell.values["computed"] == 1 and len(cell.values["cases"]) == 1
    assert cell.values["cases"][0] in cell.message_zh
    assert compare_with_platform(office["cn"], 2021, printed) is None  # no cases of 苍南县 on the platform


def test_fees_the_text_states_against_the_desk(office: dict[str, Any]) -> None:
    from gongkai.platform.desk.models import Application
    from gongkai.report.envelope import SectionText

    computed = compile_report(office["hy"], 2021).report
    printed = Report.from_dict(computed.to_dict())
    printed.sections = [SectionText("六", "其他需要报告的事项", "2021年度本机关未收取信息处理费。")]
    assert [f.rule for f in compare_with_platform(office["hy"], 2021, printed) or []] == []
    case = Application.objects.filter(agency=office["hy"]).first()
    assert case is not None
    Application.objects.filter(pk=case.pk).update(fee_amount=100, fee_paid_on="2021-06-01")
    found = compare_with_platform(office["hy"], 2021, printed) or []
    assert [(f.rule, f.values["desk_yuan"]) for f in found] == [("text.fees_vs_desk", 100.0)]
