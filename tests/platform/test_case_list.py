"""The case list as an office works it (issue 12): search, filters, sort, counts on the tabs, Excel, batch receipt."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from gongkai.platform.desk import services
from gongkai.platform.desk.models import Application, Status
from gongkai.platform.desk.receipt import Channel

from .conftest import APPLICANT, signed_answer

pytestmark = pytest.mark.django_db
D = dt.date


def login(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def cases(office: dict[str, Any]) -> dict[str, Application]:
    def reg(name: str, description: str, on: D) -> Application:
        return services.register(
            office["clerk"],
            office["hy"],
            channel=Channel.IN_PERSON,
            submitted_on=on,
            applicant={**APPLICANT, "applicant_name": name},
            description=description,
        )

    return {
        "land": reg("钱七", "2020年某地块土地出让合同", D(2020, 9, 1)),
        "budget": reg("孙八", "海盐县2021年部门预算", D(2021, 3, 1)),
        "online1": services.submit_online(None, office["hy"], applicant=APPLICANT, description="网上申请一"),
        "online2": services.submit_online(None, office["hy"], applicant=APPLICANT, description="网上申请二"),
    }


def codes(page: str) -> set[str]:
    return set(re.findall(r">([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</a>", page))


def test_search_filter_sort_and_counts(office: dict[str, Any], cases: dict[str, Application]) -> None:
    clerk = login(office["clerk"])
    land, budget = cases["land"], cases["budget"]
    assert codes(clerk.get("/desk/?tab=all&q=出让合同").content.decode()) == {land.tracking_code}
    assert codes(clerk.get("/desk/?tab=all&q=孙八").content.decode()) == {budget.tracking_code}
    bare = budget.tracking_code.replace("-", "").lower()
    assert codes(clerk.get(f"/desk/?tab=all&q={bare}").content.decode()) == {budget.tracking_code}
    dated = clerk.get("/desk/?tab=all&from=2021-01-01&to=2021-12-31").content.decode()
    assert codes(dated) == {budget.tracking_code}
    assert codes(clerk.get("/desk/?tab=all&status=awaiting_receipt").content.decode()) == {
        cases["online1"].tracking_code,
        cases["online2"].tracking_code,
    }
    page = clerk.get("/desk/?tab=all&sort=oldest&status=registered").content.decode()
    assert page.index(land.tracking_code) < page.index(budget.tracking_code)
    assert "待确认收到（0）" in page and "办理中（2）" in page  # counts follow the search
    unfiltered = clerk.get("/desk/").content.decode()
    assert "待确认收到（2）" in unfiltered and "办理中（4）" in unfiltered and "已答复（0）" in unfiltered
    # A supervisor cannot search by the applicant's name (personal data) and sees no name column.
    supervisor = login(office["jx_supervisor"])
    assert codes(supervisor.get("/desk/?tab=all&q=孙八").content.decode()) == set()
    assert codes(supervisor.get("/desk/?tab=all&q=部门预算").content.decode()) == {budget.tracking_code}
    assert "孙八" not in supervisor.get("/desk/?tab=all").content.decode()


def test_export_to_excel_follows_the_filters(office: dict[str, Any], cases: dict[str, Application]) -> None:
    clerk = login(office["clerk"])
    response = clerk.get("/desk/export.xlsx?tab=all&q=部门预算")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("查询码", "受理机关", "申请人") and len(rows) == 2
    assert rows[1][0] == cases["budget"].tracking_code and rows[1][2] == "孙八" and rows[1][8] == "办理中"


def test_batch_confirm_receipt(office: dict[str, Any], cases: dict[str, Application]) -> None:
    clerk = login(office["clerk"])
    page = clerk.get("/desk/?tab=awaiting").content.decode()
    assert 'name="case"' in page and "批量确认收到" in page
    ids = [cases["online1"].pk, cases["online2"].pk, cases["land"].pk]  # the third is not awaiting receipt
    done = clerk.post("/desk/batch-confirm/", {"case": ids, "on": services.today().isoformat()}, follow=True)
    text = done.content.decode()
    assert "已确认收到 2 件申请" in text and cases["land"].tracking_code in text  # its refusal is named
    for key in ("online1", "online2"):
        cases[key].refresh_from_db()
        assert cases[key].status == Status.REGISTERED and cases[key].receipt_date == services.today()
    fresh = services.submit_online(None, office["hy"], applicant=APPLICANT, description="第三件")
    login(office["cn_clerk"]).post("/desk/batch-confirm/", {"case": [fresh.pk], "on": services.today().isoformat()})
    fresh.refresh_from_db()
    assert fresh.status == Status.AWAITING_RECEIPT  # another agency's clerk cannot confirm it


def test_tab_counts_are_kept_while_nothing_changes_and_follow_every_change(
    office: dict[str, Any], cases: dict[str, Application]
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    clerk = login(office["clerk"])
    first = clerk.get("/desk/").content.decode()
    assert "待确认收到（2）" in first and "办理中（4）" in first and "已答复（0）" in first
    with CaptureQueriesContext(connection) as again:
        assert clerk.get("/desk/").content.decode().count("（") == first.count("（")
    assert not any("COUNT(*) FROM (SELECT" in q["sql"] for q in again.captured_queries)  # the kept counts
    # another member of the office sees the same counts; a change (an answer, audited) is seen at once
    head = login(office["head"])
    signed_answer(office["clerk"], cases["land"], outcome="granted", on=D(2020, 9, 10), reply_text="见附件")
    after = head.get("/desk/").content.decode()
    assert "办理中（3）" in after and "已答复（1）" in after
    # the counts follow the filters and the viewer's scope, not one another's
    assert "办理中（0）" in clerk.get("/desk/?q=不存在的内容").content.decode()
    assert "办理中（0）" in login(office["cn_clerk"]).get("/desk/").content.decode()


def test_the_rows_escape_what_applicants_wrote(office: dict[str, Any]) -> None:
    case = services.submit_online(
        None, office["hy"], applicant={**APPLICANT, "applicant_name": "<b>赵</b>"}, description="<script>x</script>"
    )
    page = login(office["clerk"]).get("/desk/?tab=awaiting").content.decode()
    assert "<script>x" not in page and "&lt;script&gt;x&lt;/script&gt;" in page and "&lt;b&gt;赵" in page
    assert f'<a href="/desk/{case.pk}/">{case.tracking_code}</a>' in page
    assert f'name="case" value="{case.pk}"' in page  # the batch's checkbox on the awaiting tab


def test_a_row_links_the_case_and_shortens_its_request(office: dict[str, Any]) -> None:
    """The rows are made from plain values: each links its own case, a long request is cut at 40
    characters with "…", an office sees the applicant and a supervisor the agency's short name."""
    long = "申请公开" + "某某事项" * 15
    case = services.register(
        office["clerk"],
        office["hy"],
        channel=Channel.IN_PERSON,
        submitted_on=D(2021, 3, 1),
        applicant={**APPLICANT, "applicant_name": "周九"},
        description=long,
    )
    row = re.search(
        rf"<tr>.*?{case.tracking_code}.*?</tr>", login(office["clerk"]).get("/desk/?tab=all").content.decode(), re.S
    )
    assert row is not None
    assert f'href="/desk/{case.pk}/"' in row[0] and "周九" in row[0]
    assert f"<td>{long[:39]}…</td>" in row[0] and long[:41] not in row[0]
    supervised = login(office["jx_supervisor"]).get("/desk/?tab=all").content.decode()
    row = re.search(rf"<tr>.*?{case.tracking_code}.*?</tr>", supervised, re.S)
    assert row is not None and "周九" not in row[0]
    assert f"<td>{office['hy'].display_name}</td>" in row[0]
