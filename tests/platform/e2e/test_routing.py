"""Routing in a browser: a misdirected online application forwarded (the applicant told on the
tracking page), a repeated one linked, the applicant's history at this agency."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from gongkai.platform.desk import services
from gongkai.platform.desk.models import Application, Status

from ..conftest import APPLICANT
from .conftest import fill_form

pytestmark = pytest.mark.browser


def test_forward_link_and_history(
    office: dict[str, Any], open_page: Callable[[], Any], login: Callable[[str], Any]
) -> None:
    wrong = services.submit_online(None, office["hy"], applicant=APPLICANT, description="苍南县某工程的规划许可")
    first = services.submit_online(None, office["hy"], applicant=APPLICANT, description="海盐县2024年部门预算")
    again = services.submit_online(None, office["hy"], applicant=APPLICANT, description="海盐县2024年部门预算")
    clerk = login("hy_clerk")
    clerk.goto(f"/desk/{wrong.pk}/")
    fill_form(clerk, "#action-forward", {"to": str(office["cn"].pk), "note": "属苍南县负责公开"})
    assert "已转送" in clerk.inner_text(".messages")
    wrong.refresh_from_db()
    moved = wrong.forwarded_to
    assert wrong.status == Status.FORWARDED and moved is not None and moved.agency_id == office["cn"].pk
    assert moved.status == Status.AWAITING_RECEIPT and moved.description == wrong.description
    assert "转送负责公开的机关" in clerk.inner_text("table >> nth=-1")
    applicant = open_page()
    applicant.goto(f"/track/?code={wrong.tracking_code}")
    told = applicant.inner_text("#forwarded")
    assert office["cn"].name in told and moved.tracking_code in told
    with applicant.expect_navigation():
        applicant.get_by_role("link", name=moved.tracking_code).click()
    assert office["cn"].name in applicant.inner_text("main") and "待确认收到" in applicant.inner_text("main")
    cn = login("cn_clerk")
    cn.goto("/desk/?tab=awaiting")
    assert moved.tracking_code in cn.inner_text("table")

    clerk.goto(f"/desk/{again.pk}/")
    history = clerk.inner_text("#applicant-history")
    assert first.tracking_code in history and wrong.tracking_code in history and "3 件" not in history
    fill_form(clerk, "#action-repeat", {"code": first.tracking_code.replace("-", "")})
    assert "已关联重复申请" in clerk.inner_text(".messages")
    assert Application.objects.get(pk=again.pk).repeat_of_id == first.pk
    assert first.tracking_code in clerk.inner_text("#repeat")
