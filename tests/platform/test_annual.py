"""The annual report compiled from cases: every statutory check passes, the series continues."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client

from gongkai.platform.accounts.permissions import PermissionDenied
from gongkai.platform.annual.compile import compile_report
from gongkai.platform.annual.services import AnnualError, import_report, save_entries
from gongkai.platform.appeals.services import file_appeal, record_result
from gongkai.platform.desk import services
from gongkai.platform.desk.models import Application
from gongkai.platform.desk.receipt import Channel
from gongkai.report.checks import check_report, check_series
from gongkai.report.model import Report
from tests.environment import GOLD, RAW, need_corpus

from .conftest import APPLICANT, signed_answer

D = dt.date
pytestmark = pytest.mark.django_db


def case(
    office: dict[str, Any], received: dt.date, kind: str = "natural_person", agency: str = "hy", clerk: str = "clerk"
) -> Application:
    return services.register(
        office[clerk],
        office[agency],
        channel=Channel.IN_PERSON,
        submitted_on=received,
        applicant={**APPLICANT, "applicant_type": kind},
        description="某文件",
    )


@pytest.fixture
def year_of_cases(office: dict[str, Any]) -> dict[str, Any]:
    clerk = office["clerk"]
    carried = case(office, D(2020, 12, 28), "business")  # received 2020, answered 2021
    granted = case(office, D(2021, 3, 1))
    partly = case(office, D(2021, 3, 2), "legal_services")
    refused = case(office, D(2021, 4, 6), "research")
    lapsed = case(office, D(2021, 5, 6))
    still_open = case(office, D(2021, 12, 27), "other")
    town = case(office, D(2021, 6, 1), agency="qs", clerk="qs_clerk")
    signed_answer(clerk, carried, outcome="not_processed_duplicate", on=D(2021, 1, 8))
    signed_answer(clerk, granted, outcome="granted", on=D(2021, 3, 15), reply_text="见政府网站")
    signed_answer(clerk, partly, outcome="partially_granted", on=D(2021, 3, 20), reply_text="涉及个人信息部分不予公开")
    signed_answer(clerk, refused, outcome="denied_process_info", on=D(2021, 4, 20), reply_text="属于过程性信息")
    services.ask_clarification(clerk, lapsed, D(2021, 5, 7), "请说明文号", deadline=D(2021, 5, 21))
    services.close_for_no_clarification(clerk, lapsed, D(2021, 5, 24))
    signed_answer(
        office["qs_clerk"],
        town,
        outcome="unavailable_not_held",
        on=D(2021, 6, 8),
        responsible_agency="海盐县自然资源和规划局，电话 0573-0000",
    )
    review = file_appeal(clerk, refused, kind="review", filed_on=D(2021, 5, 10), body="嘉兴市人民政府")
    record_result(clerk, review, result="upheld", decided_on=D(2021, 7, 1))
    suit = file_appeal(clerk, refused, kind="litigation", filed_on=D(2021, 7, 20), body="海盐县人民法院", review=review)
    record_result(clerk, suit, result="corrected", decided_on=D(2022, 3, 1))  # decided after the year
    file_appeal(clerk, partly, kind="litigation", filed_on=D(2021, 4, 1), body="海盐县人民法院")
    return {"open": still_open}


def test_tables_three_and_four_are_counted_from_the_cases(office: dict[str, Any], year_of_cases: Any) -> None:
    compiled = compile_report(office["hy"], 2021)
    r = compiled.report
    assert r.template.id == "2021"
    assert r.requests["new_received"] == [2, 0, 1, 0, 1, 1, 5]
    assert r.requests["carried_over"] == [0, 1, 0, 0, 0, 0, 1]
    assert r.requests["granted"][6] == 1 and r.requests["partially_granted"] == [0, 0, 0, 0, 1, 0, 1]
    assert r.requests["denied_process_info"][2] == 1 and r.requests["not_processed_duplicate"][1] == 1
    assert r.requests["other_no_correction"][0] == 1
    assert r.requests["total_processed"] == [2, 1, 1, 0, 1, 0, 5]
    assert r.requests["carried_forward"] == [0, 0, 0, 0, 0, 1, 1]
    assert r.appeals["review"] == {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1}
    assert r.appeals["litigation_after_review"]["pending"] == 1  # decided only in 2022
    assert r.appeals["litigation_direct"] == {"upheld": 0, "corrected": 0, "other": 0, "pending": 1, "total": 1}
    assert compiled.findings == [] and check_report(r) == []
    following = compile_report(office["hy"], 2022)
    assert following.report.requests["carried_over"] == r.requests["carried_forward"]
    assert following.findings == []


def test_template_2019_counts_the_three_other_rows_as_one(office: dict[str, Any]) -> None:
    lapsed = case(office, D(2020, 5, 6))
    services.ask_clarification(office["clerk"], lapsed, D(2020, 5, 7), "请说明", deadline=D(2020, 5, 21))
    services.close_for_no_clarification(office["clerk"], lapsed, D(2020, 5, 25))
    withdrawn = case(office, D(2020, 6, 1))
    services.withdraw(office["clerk"], withdrawn, D(2020, 6, 2))
    report = compile_report(office["hy"], 2020).report
    assert report.template.id == "2019" and report.requests["other"][6] == 2
    assert check_report(report) == []


def test_the_aggregate_report_adds_everything_under_an_agency(office: dict[str, Any], year_of_cases: Any) -> None:
    county = compile_report(office["hy"], 2021).report
    town = compile_report(office["qs"], 2021).report
    everything = compile_report(office["hy"], 2021, aggregate=True)
    for key, values in everything.report.requests.items():
        assert values == [a + b for a, b in zip(county.requests[key], town.requests[key], strict=True)], key  # type: ignore[operator]
    assert everything.findings == []
    province = compile_report(office["zj"], 2021, aggregate=True).report
    assert province.requests == everything.report.requests  # 苍南 has no cases


def test_the_office_writes_the_narrative(office: dict[str, Any], year_of_cases: Any) -> None:
    written = {"一": "2021年，本县政务公开工作……", "五": "存在的问题……"}
    save_entries(office["clerk"], office["hy"], 2021, sections=written)
    report = compile_report(office["hy"], 2021).report
    sections = {s.number: s.text for s in report.sections or []}
    assert sections["一"].startswith("2021年") and sections["三"] is None
    assert sections["六"] == "本年度未收取政府信息公开信息处理费。"  # from the records, as 六 requires
    with pytest.raises(AnnualError):
        save_entries(office["clerk"], office["hy"], 2021, sections={"七": "x"})
    with pytest.raises(PermissionDenied):
        save_entries(office["cn_clerk"], office["hy"], 2021, sections={"一": "x"})


def test_table_two_sent_to_the_entries_api_is_refused_not_ignored(office: dict[str, Any], client: Any) -> None:
    """Table 二 has one home, the registry: the annual API names where it goes instead of dropping it."""
    client.force_login(office["clerk"])
    answer = client.put(
        f"/api/reports/{office['hy'].pk}/2021/entries",
        {"active": {"licensing": {"decisions": 120}}, "sections": {"一": "x"}},
        content_type="application/json",
    )
    assert answer.status_code == 422 and "active" in answer.content.decode()
    sections = {s.number: s.text for s in compile_report(office["hy"], 2021).report.sections or []}
    assert sections["一"] != "x"  # nothing of the refused request was stored


def test_an_imported_earlier_year_continues_into_the_compiled_one(office: dict[str, Any]) -> None:
    need_corpus()
    gold = Report.load(GOLD / "000_21925bfca89cb37b.json")  # 海盐县人民政府 2020, as published
    import_report(office["clerk"], office["hy"], gold, source="000_21925bfca89cb37b.json")
    compiled = compile_report(office["hy"], 2021)
    assert compiled.report.requests["carried_over"] == gold.requests["carried_forward"]
    assert check_series([gold, compiled.report]) == []
    assert compiled.findings == [] and compiled.notes  # the note asks to register the legacy cases
    # Registering the carried-forward case on the desk moves it from the legacy balance to the records.
    legacy = [v for v in gold.requests["carried_forward"]]
    if legacy[6]:
        kind = next(
            k
            for k, n in zip(
                ("natural_person", "business", "research", "public_interest", "legal_services", "other"),
                legacy,
                strict=False,
            )
            if n
        )
        old = case(office, D(2020, 12, 30), kind)
        services.answer(office["head"], old, outcome="granted", on=D(2021, 1, 6), reply_text="已提供")
        again = compile_report(office["hy"], 2021)
        assert again.report.requests["carried_over"] == gold.requests["carried_forward"]
        assert again.report.requests["granted"][6] == 1 and again.findings == []


def test_reports_over_the_api_and_as_documents(office: dict[str, Any], year_of_cases: Any) -> None:
    client = Client()
    client.force_login(office["clerk"])
    data = client.get(f"/api/reports/{office['hy'].pk}/2021").json()
    assert data["errors"] == 0 and Report.from_dict(data["report"]).requests["new_received"][6] == 5
    exported = client.get(f"/annual/{office['hy'].pk}/2021/report.json")
    assert Report.from_dict(json.loads(exported.content)).year == 2021
    page = client.get(f"/annual/{office['hy'].pk}/2021/").content.decode()
    assert "勾稽关系校验通过" in page and "本年新收政府信息公开申请数量" in page
    docx = client.get(f"/annual/{office['hy'].pk}/2021/report.docx")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    html = client.get(f"/annual/{office['hy'].pk}/2021/report.html").content.decode()
    assert "海盐县人民政府" in html and "收到和处理政府信息公开申请情况" in html
    assert client.get(f"/annual/{office['cn'].pk}/2021/").status_code == 404
    imported = client.post(
        f"/api/reports/import/{office['hy'].pk}",
        json.dumps(Report.empty("海盐县人民政府", 2019, compile_report(office["hy"], 2019).report.template).to_dict()),
        content_type="application/json",
    )
    assert imported.status_code == 200 and imported.json()["report"]["year"] == 2019


def test_a_published_report_is_imported_through_the_reader(office: dict[str, Any]) -> None:
    client = Client()
    client.force_login(office["clerk"])
    need_corpus()
    with (RAW / "000_21925bfca89cb37b.txt").open("rb") as published:
        response = client.post(f"/annual/{office['hy'].pk}/import/", {"file": published})
    assert response.status_code == 302 and response["Location"].endswith("/2020/")
    gold = Report.load(GOLD / "000_21925bfca89cb37b.json")
    stored = compile_report(office["hy"], 2020).report
    assert stored.requests == gold.requests and stored.appeals == gold.appeals
    following = compile_report(office["hy"], 2021)
    assert following.report.requests["carried_over"] == gold.requests["carried_forward"] and not following.errors
    with (RAW / "000_21925bfca89cb37b.txt").open("rb") as published:
        refused = Client()
        refused.force_login(office["cn_clerk"])
        assert refused.post(f"/annual/{office['hy'].pk}/import/", {"file": published}).status_code == 403


@pytest.mark.django_db
def test_reminders_list_overdue_cases(office: dict[str, Any]) -> None:
    from io import StringIO

    from django.core.management import call_command

    overdue = case(office, D(2021, 3, 1))
    out = StringIO()
    call_command("desk_reminders", "--date", "2021-04-01", stdout=out)
    assert overdue.tracking_code in out.getvalue() and "海盐县人民政府: 1" in out.getvalue()


def test_fees_collected_are_reported_under_section_six(office: dict[str, Any]) -> None:
    paid = case(office, D(2021, 3, 1))
    services.issue_fee_notice(office["clerk"], paid, method="per_page", pages=150, on=D(2021, 3, 2))
    services.record_payment(office["clerk"], paid, D(2021, 3, 5))
    sections = {s.number: s.text for s in compile_report(office["hy"], 2021).report.sections or []}
    assert sections["六"] == "本年度收取政府信息公开信息处理费 1700 元（1 件申请）。"
    save_entries(office["clerk"], office["hy"], 2021, sections={"六": "本机关自行填写的其他事项。"})
    sections = {s.number: s.text for s in compile_report(office["hy"], 2021).report.sections or []}
    assert sections["六"] == "本机关自行填写的其他事项。"
