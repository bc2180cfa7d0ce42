"""Property: whatever happens to the cases, the year's tables pass every statutory check, and next
year's 上年结转 equals this year's 结转下年度继续办理.

Hypothesis draws applications (type, channel, receipt) and sequences of events (clarification, its
answer or lapse, consultations, extension, fees, payment or lapse, answer with any outcome,
withdrawal, archiving, appeals) at random intervals. Events the rules refuse (a clarification after
7 working days, a second extension …) are refused by the desk and the sequence goes on.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.platform.accounts.models import APPLICANT_TYPE_CHOICES
from gongkai.platform.accounts.permissions import PermissionDenied
from gongkai.platform.annual.compile import compile_report
from gongkai.platform.appeals.services import file_appeal, record_result
from gongkai.platform.desk import services
from gongkai.platform.desk.models import ANSWER_OUTCOMES, Application, Status
from gongkai.platform.desk.receipt import Channel
from gongkai.report.checks import check_report, check_series

from .conftest import APPLICANT

D = dt.date
FIRST, LAST = D(2020, 1, 1), D(2022, 6, 30)
YEAR_END = -1  # a gap that jumps to 31 December of the current year
EVENTS = (
    "clarify",
    "clarified",
    "lapse",
    "consult",
    "consulted",
    "extend",
    "fee",
    "pay",
    "unpaid",
    "answer",
    "withdraw",
    "close",
    "appeal",
    "confirm",
)

case_plans = st.fixed_dictionaries(
    {
        # Year ends are where counting goes wrong: draw them often.
        "received": st.one_of(
            st.dates(FIRST, D(2021, 12, 31)),
            st.sampled_from([D(2020, 12, 31), D(2021, 1, 1), D(2021, 12, 31), D(2020, 12, 30)]),
        ),
        "kind": st.sampled_from([key for key, _ in APPLICANT_TYPE_CHOICES]),
        "office": st.sampled_from([("hy", "clerk"), ("qs", "qs_clerk")]),  # the county and its town
        "channel": st.sampled_from(list(Channel.values)),
        "delay": st.integers(0, 6),
        "events": st.lists(
            st.tuples(st.sampled_from(EVENTS), st.one_of(st.integers(0, 45), st.just(YEAR_END))), max_size=7
        ),
        "outcome": st.sampled_from(ANSWER_OUTCOMES),
        "appeal_result": st.sampled_from(["upheld", "corrected", "other", "pending"]),
    }
)


def _step(office: dict[str, Any], case: Application, event: str, on: dt.date, plan: dict[str, Any]) -> None:
    clerk, head = office[plan["office"][1]], office["head"]  # the county's head: the town's extensions are refused
    signer = office["head"] if plan["office"][0] == "hy" else office["qs_head"]  # each office's head signs
    case.refresh_from_db()
    if event == "confirm":
        services.confirm_receipt(clerk, case, on)
    elif event == "clarify":
        services.ask_clarification(clerk, case, on, "请明确所需信息")
    elif event == "clarified":
        services.receive_clarification(clerk, case, on, "补正后的申请内容")
    elif event == "lapse":
        services.close_for_no_clarification(clerk, case, on)
    elif event == "consult":
        services.start_consultation(clerk, case, kind="third_party", party="第三方", on=on)
    elif event == "consulted":
        open_one = case.consultations.filter(answered_on__isnull=True).first()
        if open_one is not None:
            services.end_consultation(clerk, open_one, on, "意见")
    elif event == "extend":
        services.extend(head, case, days=20, reason="需要检索大量档案", on=on)
    elif event == "fee":
        services.issue_fee_notice(clerk, case, method="per_page", pages=120, on=on)
    elif event == "pay":
        services.record_payment(clerk, case, on)
    elif event == "unpaid":
        services.close_for_unpaid_fee(clerk, case, on)
    elif event == "answer":
        services.answer(signer, case, outcome=plan["outcome"], on=on, reply_text="理由", responsible_agency="某局")
    elif event == "withdraw":
        services.withdraw(clerk, case, on)
    elif event == "close":
        services.close(clerk, case, on)
    elif event == "appeal":
        appeal = file_appeal(clerk, case, kind="review", filed_on=on, body="上级政府")
        if plan["appeal_result"] != "pending":
            record_result(clerk, appeal, result=plan["appeal_result"], decided_on=min(on + dt.timedelta(days=40), LAST))


def _play(office: dict[str, Any], plan: dict[str, Any]) -> None:
    received = plan["received"]
    later = received + dt.timedelta(days=plan["delay"])
    agency, clerk = plan["office"]
    case = services.register(
        office[clerk],
        office[agency],
        channel=plan["channel"],
        submitted_on=received,
        signed_on=later,
        confirmed_on=later if plan["delay"] % 3 else None,
        applicant={**APPLICANT, "applicant_type": plan["kind"]},
        description="某信息",
    )
    on = later
    for event, gap in plan["events"]:
        on = max(on, D(on.year, 12, 31)) if gap == YEAR_END else min(on + dt.timedelta(days=gap), LAST)
        try:
            _step(office, case, event, on, plan)
        except (services.DeskError, PermissionDenied, AssertionError):
            continue  # the rules refused this step; the case is unchanged


@pytest.mark.django_db
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(plans=st.lists(case_plans, min_size=1, max_size=8))
def test_any_sequence_of_events_yields_tables_that_pass_every_check(
    office: dict[str, Any], plans: list[dict[str, Any]]
) -> None:
    with transaction.atomic():
        for plan in plans:
            _play(office, plan)
        years = (2020, 2021, 2022)
        for agency, aggregate in (("hy", False), ("qs", False), ("jx", True)):
            reports = [
                compile_report(office[agency], year, aggregate=aggregate, with_previous=False).report for year in years
            ]
            for report in reports:
                assert [f for f in check_report(report) if f.is_error] == [], report.to_dict()["requests"]
            for earlier, later in itertools.pairwise(reports):
                assert later.requests["carried_over"] == earlier.requests["carried_forward"]
            assert [f for f in check_series(reports) if f.is_error] == []
        # The aggregate is the sum of its parts, cell by cell.
        for year in years:
            parts = [compile_report(office[a], year, with_previous=False).report for a in ("hy", "qs")]
            whole = compile_report(office["jx"], year, aggregate=True, with_previous=False).report
            for key, values in whole.requests.items():
                assert values == [sum(p.requests[key][c] or 0 for p in parts) for c in range(7)]
        # Nothing decided is left open, nothing open has an outcome.
        assert not Application.objects.filter(status__in=(Status.ANSWERED, Status.CLOSED), decided_on__isnull=True)
        assert not Application.objects.exclude(status__in=(Status.ANSWERED, Status.CLOSED)).exclude(outcome="")
        transaction.set_rollback(True)  # each example starts from an empty desk
