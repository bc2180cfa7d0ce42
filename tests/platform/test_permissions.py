"""Who sees what, on pages and through the API: the brief's security rules, tried from outside."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.test import Client
from docx import Document

from gongkai.platform.accounts.models import ApiToken
from gongkai.platform.desk import services
from gongkai.platform.desk.models import Application
from gongkai.platform.desk.receipt import Channel

from .conftest import APPLICANT, PERSONAL_VALUES

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(office: dict[str, Any]) -> dict[str, Application]:
    def make(agency: str, clerk: str, user: Any = None) -> Application:
        return services.register(
            office[clerk],
            office[agency],
            channel=Channel.IN_PERSON,
            submitted_on=D(2021, 5, 6),
            applicant=APPLICANT,
            description=f"{agency} 的某文件",
            applicant_user=user,
        )

    alice_case = make("hy", "clerk", office["alice"])
    services.answer(office["head"], alice_case, outcome="granted", on=D(2021, 5, 10), reply_text="见附件")
    return {
        "hy": alice_case,
        "qs": make("qs", "qs_clerk"),
        "cn": make("cn", "cn_clerk"),
        "bob": make("hy", "clerk", office["bob"]),
    }


def client_for(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def visible_in_api(user: Any) -> set[int]:
    return {row["id"] for row in client_for(user).get("/api/cases/?limit=500").json()}


def test_an_applicant_sees_only_their_own(office: dict[str, Any], cases: dict[str, Application]) -> None:
    alice = client_for(office["alice"])
    assert alice.get(f"/desk/{cases['hy'].pk}/").status_code == 200
    assert alice.get(f"/desk/{cases['bob'].pk}/").status_code == 404
    assert alice.get(f"/api/cases/{cases['bob'].pk}").status_code == 404
    assert visible_in_api(office["alice"]) == {cases["hy"].pk}
    assert alice.get(f"/letters/case/{cases['bob'].pk}.docx").status_code == 404
    assert alice.get("/desk/mine/").content.decode().count("/desk/") >= 1
    assert cases["bob"].tracking_code not in alice.get("/desk/mine/").content.decode()


def test_a_clerk_sees_only_their_agency(office: dict[str, Any], cases: dict[str, Application]) -> None:
    assert visible_in_api(office["clerk"]) == {cases["hy"].pk, cases["bob"].pk}
    assert visible_in_api(office["cn_clerk"]) == {cases["cn"].pk}
    cn = client_for(office["cn_clerk"])
    assert cn.get(f"/desk/{cases['hy'].pk}/").status_code == 404
    assert (
        cn.post(
            f"/api/cases/{cases['bob'].pk}/answer",
            {"on": "2021-05-10", "outcome": "granted"},
            content_type="application/json",
        ).status_code
        == 404
    )
    page = cn.get("/desk/?tab=all").content.decode()
    assert cases["cn"].tracking_code in page and cases["hy"].tracking_code not in page


def test_a_supervisor_sees_their_subtree_only_and_changes_nothing(
    office: dict[str, Any], cases: dict[str, Application]
) -> None:
    assert visible_in_api(office["jx_supervisor"]) == {cases["hy"].pk, cases["qs"].pk, cases["bob"].pk}
    assert visible_in_api(office["wz_supervisor"]) == {cases["cn"].pk}
    supervisor = client_for(office["jx_supervisor"])
    assert supervisor.get(f"/desk/{cases['cn'].pk}/").status_code == 404
    detail = supervisor.get(f"/api/cases/{cases['qs'].pk}").json()
    assert detail["personal"] is None  # the handling office only
    response = supervisor.post(
        f"/api/cases/{cases['qs'].pk}/answer",
        {"on": "2021-05-10", "outcome": "granted"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert supervisor.get(f"/annual/{office['hy'].pk}/2021/?aggregate=1").status_code == 200
    assert supervisor.get(f"/annual/{office['cn'].pk}/2021/").status_code == 404
    assert supervisor.get(f"/api/reports/{office['zj'].pk}/2021?aggregate=true").status_code == 404


def test_personal_data_reaches_the_office_and_the_applicant_only(
    office: dict[str, Any], cases: dict[str, Application]
) -> None:
    case = cases["hy"]
    office_page = client_for(office["clerk"]).get(f"/desk/{case.pk}/").content.decode()
    assert all(value in office_page for value in PERSONAL_VALUES)
    assert (
        client_for(office["clerk"]).get(f"/api/cases/{case.pk}").json()["personal"]["id_number"]
        == APPLICANT["id_number"]
    )
    own = client_for(office["alice"]).get(f"/api/cases/{case.pk}").json()
    assert own["personal"]["phone"] == APPLICANT["phone"]
    for user in (office["jx_supervisor"], office["admin"]):
        page = client_for(user).get(f"/desk/{case.pk}/").content.decode()
        assert not any(value in page for value in PERSONAL_VALUES)
        assert client_for(user).get(f"/api/cases/{case.pk}").json()["personal"] is None


def test_anonymous_visitors_see_no_personal_data_anywhere(
    office: dict[str, Any], cases: dict[str, Application]
) -> None:
    anonymous = Client()
    case = cases["hy"]
    pages = [
        anonymous.get("/"),
        anonymous.get("/apply/"),
        anonymous.get(f"/track/?code={case.tracking_code}"),
        anonymous.get(f"/api/public/track/{case.tracking_code}"),
        anonymous.get("/api/agencies/"),
        anonymous.get(f"/agencies/{office['hy'].pk}/"),
        anonymous.get("/api/openapi.json"),
    ]
    for response in pages:
        assert response.status_code == 200
        body = response.content.decode()
        assert not any(value in body for value in PERSONAL_VALUES)
    letter = anonymous.get(f"/letters/track/{case.tracking_code}.docx")
    assert letter.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(letter.content)).paragraphs)
    assert APPLICANT["applicant_name"] in text and not any(value in text for value in PERSONAL_VALUES)
    # Internal pages and API: nothing without signing in.
    assert anonymous.get(f"/desk/{case.pk}/").status_code == 302
    assert anonymous.get(f"/api/cases/{case.pk}").status_code == 401
    assert anonymous.get("/api/cases/").status_code == 401
    assert anonymous.get(f"/letters/case/{case.pk}.docx").status_code == 302
    assert anonymous.get("/api/public/track/XXXX-XXXX-XXXX").status_code == 404


def test_the_public_api_accepts_an_application_and_returns_no_personal_data(office: dict[str, Any]) -> None:
    response = Client().post(
        "/api/public/applications",
        {**APPLICANT, "agency_id": office["hy"].pk, "description": "某镇2020年惠农补贴发放名单"},
        content_type="application/json",
    )
    assert response.status_code == 201
    body = response.content.decode()
    assert not any(value in body for value in PERSONAL_VALUES)
    data = response.json()
    assert data["status"] == "awaiting_receipt" and data["due_date"] is None
    stored = Application.objects.get(tracking_code=data["tracking_code"])
    assert stored.id_number == APPLICANT["id_number"] and stored.applicant_user is None


def test_tokens_authenticate_scripts_with_the_same_permissions(
    office: dict[str, Any], cases: dict[str, Application]
) -> None:
    _, token = ApiToken.issue(office["cn_clerk"], "script")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert {row["id"] for row in client.get("/api/cases/").json()} == {cases["cn"].pk}
    assert client.get(f"/api/cases/{cases['hy'].pk}").status_code == 404
    assert Client(HTTP_AUTHORIZATION="Bearer wrong").get("/api/cases/").status_code == 401
