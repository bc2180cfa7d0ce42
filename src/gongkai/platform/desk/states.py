"""The life of a case in one table: which steps each state allows, who takes them, their labels.

Services check a step against this table before doing it (``require``); the case page offers the
steps ``offered`` returns and titles them by ``label``; the API lists them per case. A step's
``ready`` is what makes it sensible now beyond the state (补正 only once, 逾期不补正 only after the
deadline): pages offer a step only when it is ready; services give the precise refusal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from .models import Application, Status


class Who:
    OFFICE = "office"  # the handling office's clerks and head
    HEAD = "head"  # the head of the office only
    CLERK = "clerk"  # the office's clerks: what they propose, the head signs (拟办 → 审核 → 签发)
    OFFICE_OR_APPLICANT = "office_or_applicant"


WHO_LABELS = {
    Who.OFFICE: "公开办经办人或负责人",
    Who.HEAD: "公开办负责人",
    Who.CLERK: "公开办经办人",
    Who.OFFICE_OR_APPLICANT: "公开办或申请人本人",
}


def _no_pending(kind: str) -> Ready:
    def ready(case: Application, today: dt.date) -> bool:
        return not case.approvals.filter(kind=kind, status="pending").exists()

    return ready


Ready = Callable[[Application, dt.date], bool]


def _always(case: Application, today: dt.date) -> bool:
    return True


@dataclass(frozen=True)
class Step:
    name: str
    label: str
    states: tuple[str, ...]
    who: str = Who.OFFICE
    ready: Ready = _always
    ends_in: str = ""  # the state after the step, where it is fixed (shown in the table's documentation)
    proposed_by: str = ""  # a head's step: the clerk's step that proposes it (拟办 → 审核 → 签发)

    @property
    def action(self) -> str:
        """The button's words: the label without its parenthesised note."""
        return self.label.split("（", 1)[0]

    @property
    def state_labels(self) -> str:
        return "、".join(Status(s).label for s in self.states)


RUNNING = (Status.REGISTERED, Status.CONSULTATION)
OPEN_AFTER_RECEIPT = (Status.REGISTERED, Status.CLARIFICATION, Status.CONSULTATION, Status.FEE)

STEPS: tuple[Step, ...] = (
    Step("confirm", "确认收到申请", (Status.AWAITING_RECEIPT,), ends_in=Status.REGISTERED),
    Step(
        "forward",
        "转送负责公开的机关（本机关不负责、尚未确认收到）",
        (Status.AWAITING_RECEIPT,),
        ends_in=Status.FORWARDED,
    ),
    Step(
        "clarify",
        "要求补正（仅一次，收到后 7 个工作日内）",
        (Status.REGISTERED,),
        ready=lambda c, t: c.clarification_sent_on is None,
        ends_in=Status.CLARIFICATION,
    ),
    Step("clarified", "收到补正后的申请", (Status.CLARIFICATION,), ends_in=Status.REGISTERED),
    Step(
        "no_clarification",
        "逾期不补正，不再处理",
        (Status.CLARIFICATION,),
        ready=lambda c, t: c.clarification_deadline is not None and t > c.clarification_deadline,
        ends_in=Status.CLOSED,
    ),
    Step("consult", "征求第三方或其他机关意见", RUNNING, ends_in=Status.CONSULTATION),
    Step("consulted", "登记收到意见", (Status.CONSULTATION,)),
    Step(
        "request_extension",
        "申请延长答复期限（提交负责人审核）",
        RUNNING,
        who=Who.CLERK,
        ready=lambda c, t: not c.extension_days and _no_pending("extension")(c, t),
    ),
    Step(
        "extend",
        "延长答复期限（负责人批准）",
        RUNNING,
        who=Who.HEAD,
        ready=lambda c, t: not c.extension_days,
        proposed_by="request_extension",
    ),
    Step("fee", "收取信息处理费", (Status.REGISTERED,), ready=lambda c, t: not c.fee_method, ends_in=Status.FEE),
    Step("paid", "登记缴费", (Status.FEE,), ends_in=Status.REGISTERED),
    Step(
        "unpaid",
        "逾期未缴费，不再处理",
        (Status.FEE,),
        ready=lambda c, t: c.fee_deadline is not None and t > c.fee_deadline,
        ends_in=Status.CLOSED,
    ),
    Step("draft", "拟办答复（提交负责人签发）", RUNNING, who=Who.CLERK, ready=_no_pending("answer")),
    Step("answer", "答复（负责人签发）", RUNNING, who=Who.HEAD, ends_in=Status.ANSWERED, proposed_by="draft"),
    Step("withdraw", "申请人撤回", OPEN_AFTER_RECEIPT, who=Who.OFFICE_OR_APPLICANT, ends_in=Status.CLOSED),
    Step("close", "办结归档", (Status.ANSWERED,), ends_in=Status.CLOSED),
)
STEP: dict[str, Step] = {step.name: step for step in STEPS}


def allows(case: Application, name: str) -> bool:
    return case.status in STEP[name].states


def offered(case: Application, today: dt.date, *, office: bool, head: bool) -> list[Step]:
    """The steps a person may take on ``case`` now (a page shows exactly these)."""
    steps = []
    for step in STEPS:
        if case.status not in step.states or not step.ready(case, today):
            continue
        if step.who == Who.HEAD and not head:
            continue
        if step.who == Who.CLERK and (head or not office):
            continue
        if step.who in (Who.OFFICE, Who.OFFICE_OR_APPLICANT) and not office:
            continue
        steps.append(step)
    return steps
