"""A supervisor's aggregate annual report for a county with its departments and towns, in a browser.

A year of cases is handled through the desk's service functions in 海盐县 (the county government),
秦山街道 (a town) and 海盐县发展和改革局 (a department), plus one in 苍南县 (another city's county) that
must not be counted. Tables 三 and 四 on the page must be the subtree's sums, cell by cell, and the
statutory checks must be shown as passed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from gongkai.platform.accounts.models import Role
from gongkai.platform.appeals.services import file_appeal, record_result
from gongkai.platform.desk import services
from gongkai.platform.desk.receipt import Channel
from gongkai.report.templates import TEMPLATE_2021

from ..conftest import APPLICANT, signed_answer

pytestmark = pytest.mark.browser

D = dt.date
YEAR = 2024
COLUMNS = [c.key for c in TEMPLATE_2021.request_columns]  # natural_person … other, total


def _case(clerk: Any, agency: Any, received: dt.date, kind: str = "natural_person") -> Any:
    return services.register(
        clerk,
        agency,
        channel=Channel.IN_PERSON,
        submitted_on=received,
        applicant={**APPLICANT, "applicant_type": kind},
        description=f"{agency.name}的某文件",
    )


@pytest.fixture
def year_of_cases(office: dict[str, Any], make_user: Callable[..., Any]) -> dict[str, Any]:
    hy, qs, fgj, cn = office["hy"], office["qs"], office["fgj"], office["cn"]
    clerk, qs_clerk, cn_clerk = office["clerk"], office["qs_clerk"], office["cn_clerk"]
    fgj_clerk = make_user("fgj_clerk", Role.CLERK, fgj)
    # 海盐县: one carried over from 2023 (answered in January), one partly disclosed, one still open at the end.
    old = _case(clerk, hy, D(2023, 12, 20))
    signed_answer(clerk, old, outcome="granted", on=D(2024, 1, 10))
    partial = _case(clerk, hy, D(2024, 3, 4), "business")
    signed_answer(
        clerk, partial, outcome="partially_granted", on=D(2024, 3, 20), reply_text="涉及商业秘密的部分不予公开"
    )
    _case(clerk, hy, D(2024, 12, 23))
    # 秦山街道: not held; a clarification never answered (closed as 逾期不补正).
    not_held = _case(qs_clerk, qs, D(2024, 5, 6))
    signed_answer(
        qs_clerk,
        not_held,
        outcome="unavailable_not_held",
        on=D(2024, 5, 20),
        responsible_agency="海盐县自然资源和规划局，电话0573-86000000",
    )
    lapsed = _case(qs_clerk, qs, D(2024, 6, 3))
    services.ask_clarification(qs_clerk, lapsed, D(2024, 6, 5), "请说明所需信息的年份")
    services.close_for_no_clarification(qs_clerk, lapsed, D(2024, 7, 15))
    # 海盐县发展和改革局: a research institute refused (third party), a law firm withdraws.
    refused = _case(fgj_clerk, fgj, D(2024, 8, 5), "research")
    signed_answer(fgj_clerk, refused, outcome="denied_third_party", on=D(2024, 8, 12), reply_text="涉及第三方商业秘密")
    withdrawn = _case(fgj_clerk, fgj, D(2024, 9, 2), "legal_services")
    services.withdraw(fgj_clerk, withdrawn, D(2024, 9, 5), "申请人撤回")
    # Appeals: a review of the county's answer (upheld), a suit against the department's (pending).
    review = file_appeal(clerk, old, kind="review", filed_on=D(2024, 2, 1), body="嘉兴市人民政府")
    record_result(clerk, review, result="upheld", decided_on=D(2024, 3, 1))
    file_appeal(fgj_clerk, refused, kind="litigation", filed_on=D(2024, 9, 1), body="海盐县人民法院")
    # 苍南县, elsewhere in the province: never in 海盐县's figures.
    elsewhere = _case(cn_clerk, cn, D(2024, 4, 1))
    signed_answer(cn_clerk, elsewhere, outcome="granted", on=D(2024, 4, 10))
    file_appeal(cn_clerk, elsewhere, kind="review", filed_on=D(2024, 5, 1), body="温州市人民政府")
    return office


def _row(**cells: int) -> list[int]:
    row = [cells.get(key, 0) for key in COLUMNS[:-1]]
    return [*row, sum(row)]


EXPECTED_REQUESTS = {
    "new_received": _row(natural_person=3, business=1, research=1, legal_services=1),
    "carried_over": _row(natural_person=1),
    "granted": _row(natural_person=1),
    "partially_granted": _row(business=1),
    "denied_third_party": _row(research=1),
    "unavailable_not_held": _row(natural_person=1),
    "other_no_correction": _row(natural_person=1),
    "other_other": _row(legal_services=1),
    "total_processed": _row(natural_person=3, business=1, research=1, legal_services=1),
    "carried_forward": _row(natural_person=1),
}
EXPECTED_APPEALS = {
    "review": {"upheld": 1, "total": 1},
    "litigation_direct": {"pending": 1, "total": 1},
    "litigation_after_review": {"total": 0},
}


def _table(page: Any, selector: str) -> dict[str, list[int]]:
    rows = {}
    for row in page.locator(f"{selector} tr").all()[1:]:
        label = row.locator("th").inner_text().strip()
        rows[label] = [int(cell) for cell in row.locator("td").all_inner_texts()]
    return rows


def test_a_supervisor_sees_the_county_with_everything_under_it(
    year_of_cases: dict[str, Any], login: Callable[[str], Any]
) -> None:
    county = year_of_cases["hy"]
    supervisor = login("jx_sup")  # 嘉兴市's supervisor: 海盐县 is in their subtree
    supervisor.get_by_role("link", name="年度报告").click()
    supervisor.locator("select[name=agency]").select_option(str(county.pk))
    supervisor.locator("select[name=year]").select_option(str(YEAR))
    supervisor.locator("input[name=aggregate]").check()
    with supervisor.expect_navigation():
        supervisor.locator("form.card button[type=submit]").click()
    assert supervisor.url.endswith(f"/annual/{county.pk}/{YEAR}/?aggregate=1")
    assert "海盐县人民政府（含所属机关） 2024 年政府信息公开工作年度报告" in supervisor.locator("h1").inner_text()

    requests = _table(supervisor, "#table-requests")
    for row in TEMPLATE_2021.request_rows:
        assert requests[row.full_label] == EXPECTED_REQUESTS.get(row.key, [0] * 7), row.full_label
    appeals = _table(supervisor, "#table-appeals")
    fields = [f.key for f in TEMPLATE_2021.appeal_fields]
    for group in TEMPLATE_2021.appeal_groups:
        expected = [EXPECTED_APPEALS[group.key].get(f, 0) for f in fields]
        assert appeals[group.full_label] == expected, group.full_label
    checks = supervisor.inner_text("#checks")
    assert "勾稽关系校验通过" in checks and "错误" not in checks

    # The export is the same data (report JSON of the aggregate).
    href = supervisor.get_by_role("link", name="报告数据 JSON").get_attribute("href")
    assert href.endswith("report.json?aggregate=1")
    exported = supervisor.request.get(href).json()
    assert exported["requests"] == {
        key: EXPECTED_REQUESTS.get(key, [0] * 7) for key in (r.key for r in TEMPLATE_2021.request_rows)
    }

    # Only the county itself: fewer cases, so the page above really summed the subtree.
    # _table reads rows without waiting (locator.all()), so wait for the county-only page itself.
    with supervisor.expect_navigation():
        supervisor.get_by_role("link", name="仅本机关").click()
    assert "（含所属机关）" not in supervisor.locator("h1").inner_text()
    own = _table(supervisor, "#table-requests")
    assert own["一、本年新收政府信息公开申请数量"] == _row(natural_person=1, business=1)
    assert own["（七）总计"] == _row(natural_person=1, business=1)


def test_a_supervisor_elsewhere_does_not_get_the_county(
    year_of_cases: dict[str, Any], login: Callable[[str], Any]
) -> None:
    county = year_of_cases["hy"]
    outsider = login("wz_sup")  # 温州市's supervisor
    response = outsider.goto(f"/annual/{county.pk}/{YEAR}/?aggregate=1")
    assert response is not None and response.status == 404
    outsider.goto("/annual/")
    assert county.name not in outsider.locator("select[name=agency]").inner_text()
