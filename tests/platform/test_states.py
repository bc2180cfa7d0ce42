"""The states table (desk.states): services, pages and the API read one table of what each state allows."""

from __future__ import annotations

import datetime as dt
import inspect
import re
from typing import Any

import pytest
from django.test import Client

from gongkai.platform.desk import approval, services, states
from gongkai.platform.desk.models import Status
from gongkai.platform.desk.receipt import Channel

from .conftest import APPLICANT

pytestmark = pytest.mark.django_db
D = dt.date


def test_every_service_step_is_guarded_by_the_table() -> None:
    source = inspect.getsource(services)
    guarded = set(re.findall(r'_require_step\(\s*case,\s*"(\w+)"', source))
    # The proposals (拟办) are guarded by the step they propose: a draft answer by "answer" …
    proposals = set(
        re.findall(r'_propose\(\s*actor,\s*case,\s*ApprovalKind\.\w+,\s*"(\w+)"', inspect.getsource(approval))
    )
    assert guarded | {"draft", "request_extension"} == set(states.STEP) and proposals == {"answer", "extend"}
    assert "_require_status" not in source
    # … and every step the table reserves to the head is refused to anyone else in the service itself.
    signed = set(re.findall(r'_require_step\(\s*case,\s*"(\w+)",\s*actor,\s*check_who=True\s*\)', source))
    assert signed == {s.name for s in states.STEPS if s.who == states.Who.HEAD} == {"answer", "extend"}


def test_close_buttons_are_offered_only_after_the_deadline(office: dict[str, Any]) -> None:
    case = services.register(
        office["clerk"],
        office["hy"],
        channel=Channel.IN_PERSON,
        submitted_on=D(2021, 3, 1),
        applicant=APPLICANT,
        description="某文件",
    )
    services.ask_clarification(office["clerk"], case, D(2021, 3, 2), "请写明年份", deadline=D(2021, 3, 16))
    names = {s.name for s in states.offered(case, D(2021, 3, 10), office=True, head=False)}
    assert names == {"clarified", "withdraw"}  # D20: 逾期不补正 not before the deadline
    names = {s.name for s in states.offered(case, D(2021, 3, 17), office=True, head=False)}
    assert "no_clarification" in names
    assert states.offered(case, D(2021, 3, 17), office=False, head=False) == []


def test_the_page_and_the_api_offer_what_the_table_offers(office: dict[str, Any]) -> None:
    case = services.register(
        office["clerk"],
        office["hy"],
        channel=Channel.IN_PERSON,
        submitted_on=services.today(),
        applicant=APPLICANT,
        description="某文件",
    )
    for user, extend in ((office["clerk"], False), (office["head"], True)):
        client = Client()
        client.force_login(user)
        page = client.get(f"/desk/{case.pk}/").content.decode()
        offered = set(re.findall(r'id="action-(\w+)"', page))
        expected = {s.name for s in states.offered(case, services.today(), office=True, head=extend)}
        assert offered == expected and ("extend" in offered) == extend
        api = {s["name"] for s in client.get(f"/api/cases/{case.pk}").json()["steps"]}
        assert api == expected
    assert case.status == Status.REGISTERED
    services.answer(office["head"], case, outcome="granted", on=services.today(), reply_text="见附件")
    with pytest.raises(services.DeskConflict, match="“答复”只适用于：办理中、征求意见中"):
        services.answer(office["head"], case, outcome="granted", on=services.today())
