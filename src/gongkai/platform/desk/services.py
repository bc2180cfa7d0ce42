"""Every change to an application: check permission, check the rule, change, recompute the clock,
write the audit entry — in one transaction. Pages and the API call these functions and nothing else.

Dates (``on``) are the days things happened: an office may record an event late (补录), never in the
future.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from ...report.templates import DENIED, TEMPLATE_2021
from ..accounts.models import APPLICANT_TYPE_INDEX, Actor, Role, stored_user
from ..accounts.permissions import (
    PermissionDenied,
    is_applicant_of,
    may_approve,
    may_change,
    may_change_agency_records,
    role_of,
)
from ..agencies.models import Agency
from ..audit.labels import Action
from ..audit.services import record, snapshot
from ..errors import RuleError
from ..locking import Conflict, lock_unchanged
from ..workdays.calendar import WorkCalendar
from . import clock, states
from .fees import FeeMethod, fee
from .identity import IdKind, applicant_problems, normalized_id
from .models import (
    ANSWER_OUTCOMES,
    NO_CORRECTION,
    OPEN_STATUSES,
    OTHER,
    OUTCOME_LABELS,
    UNCLEAR_AFTER_CLARIFICATION,
    UNPAID_FEE,
    Application,
    Consultation,
    ConsultationKind,
    Status,
)
from .receipt import RULES, Channel, receipt_date
from .signals import case_changed

TRACKED = (
    "status",
    "receipt_date",
    "due_date",
    "clarification_sent_on",
    "clarification_deadline",
    "clarified_on",
    "extension_days",
    "extension_approved_on",
    "fee_method",
    "fee_units",
    "fee_amount",
    "fee_notice_on",
    "fee_deadline",
    "fee_paid_on",
    "outcome",
    "decided_on",
    "closed_on",
    "forwarded_to_id",
    "repeat_of_id",
)


class DeskError(RuleError):
    """A step the rules do not allow now (message in Chinese and English)."""

    code = "desk"


class DeskConflict(Conflict, DeskError):
    """The case is not, or no longer, in a state that allows the step (HTTP 409)."""


class ApprovalRequired(DeskError):
    """A step the state table reserves to the head (签发) was tried by someone else (HTTP 403).

    The one door of the approval chain 拟办 → 审核 → 签发: pages, the API, imports and scripts all
    reach the answer through ``answer``, so a clerk's answer is refused here, not only hidden on a page.
    """

    code = "approval_required"
    status = 403


def today() -> dt.date:
    return timezone.localdate()


def work_calendar() -> WorkCalendar:
    return WorkCalendar.from_database()


# ---------------------------------------------------------------------------------------------
# The clock of one case
# ---------------------------------------------------------------------------------------------


def timeline(case: Application, consultations: list[Consultation] | None = None) -> clock.Timeline:
    if consultations is None:
        consultations = list(case.consultations.all()) if case.pk else []
    pauses = [clock.Pause(c.get_kind_display(), c.started_on, c.answered_on, c.deadline) for c in consultations]
    if case.fee_notice_on is not None:
        pauses.append(clock.Pause("等待申请人缴纳信息处理费", case.fee_notice_on, case.fee_paid_on))
    return clock.Timeline(
        receipt=case.receipt_date,
        channel_rule=RULES.get(case.channel, ""),
        clarification_sent_on=case.clarification_sent_on,
        clarification_deadline=case.clarification_deadline,
        clarified_on=case.clarified_on,
        pauses=tuple(pauses),
        extension_days=case.extension_days,
        extension_approved_on=case.extension_approved_on,
        decided_on=case.decided_on,
    )


def due_of(case: Application, calendar: WorkCalendar | None = None, on: dt.date | None = None) -> clock.Due:
    """The due date with its steps (what the case page shows)."""
    return clock.compute(timeline(case), calendar or work_calendar(), on or today())


def _refresh_due(case: Application, calendar: WorkCalendar) -> None:
    if case.status in OPEN_STATUSES:
        case.due_date = clock.compute(timeline(case), calendar).due
    # A decided case keeps the due date it had, to show whether it was answered in time.


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def _require_office(actor: Actor, case: Application) -> None:
    if not may_change(actor, case):
        raise PermissionDenied("只有受理机关的政府信息公开工作机构可以办理 / only the handling office may do this")


def _require_step(case: Application, name: str, actor: Actor | None = None, *, check_who: bool = False) -> None:
    """The state allows the step (``states.STEPS``, the one table of what each state allows).

    With ``check_who`` the table's ``who`` is enforced too: a step reserved to the head (签发) is
    refused to anyone else with the way through the chain (拟办, then the head signs).
    """
    step = states.STEP[name]
    if check_who and step.who == states.Who.HEAD and not may_approve(actor, case.agency):
        draft = states.STEP[step.proposed_by].action if step.proposed_by else "拟办"
        raise ApprovalRequired(
            f"“{step.action}”须由{states.WHO_LABELS[step.who]}签发：经办人请先“{draft}”，由负责人审核签发 / "
            f"{name!r} is signed by the head of the office: a clerk drafts it (拟办) and the head signs it (签发)"
        )
    if case.status not in step.states:
        raise DeskConflict(
            f"申请当前为“{case.get_status_display()}”，“{step.action}”只适用于：{step.state_labels} / "
            f"not allowed while the application is {case.status}"
        )


def _check_date(on: dt.date, not_before: dt.date | None, what: str) -> None:
    if on > today():
        raise DeskError(f"{what}不能晚于今天 / {what}: {on} is in the future")
    if not_before is not None and on < not_before:
        raise DeskError(f"{what}不能早于 {not_before} / {what}: {on} is before {not_before}")


def _apply(
    actor: Actor,
    case: Application,
    action: Action,
    change: Callable[[], None],
    note: str = "",
    calendar: WorkCalendar | None = None,
) -> Application:
    with transaction.atomic():
        if case.pk:  # what the caller checked must still be so, and stays so until the commit
            lock_unchanged(case, TRACKED, DeskConflict)
        before = snapshot(case, TRACKED) if case.pk else None
        change()
        _refresh_due(case, calendar or work_calendar())
        case.save()
        record(actor, action, case, before=before, after=snapshot(case, TRACKED), note=note)
        case_changed.send(sender=Application, case=case, action=action, actor=actor)
    return case


def applicant_key(user_id: int | None, id_number: str, name: str, phone: str) -> str:
    """One applicant across applications (the per-month count of fees): account, ID, or name + phone."""
    basis = (
        f"user:{user_id}"
        if user_id
        else (f"id:{id_number.strip().upper()}" if id_number.strip() else f"name:{name.strip()}|{phone.strip()}")
    )
    return hashlib.sha256(basis.encode()).hexdigest()


# ---------------------------------------------------------------------------------------------
# Arrival
# ---------------------------------------------------------------------------------------------


def _new_case(
    agency: Agency,
    applicant: dict[str, Any],
    description: str,
    form_wanted: str,
    channel: str,
    submitted_on: dt.date,
    applicant_user: Any = None,
    *,
    public: bool = False,
) -> Application:
    if not description.strip():
        raise DeskError("请描述所需的政府信息 / describe the information wanted")
    if not str(applicant.get("applicant_name", "")).strip():
        raise DeskError("请填写申请人姓名或名称 / the applicant's name is required")
    kind = applicant.get("applicant_type") or "natural_person"
    if kind not in APPLICANT_TYPE_INDEX or kind == "total":
        raise DeskError(f"未知的申请人类型 / unknown applicant type {kind!r}")
    if channel not in Channel.values:
        raise DeskError(f"未知的提交方式 / unknown channel {channel!r}")
    id_kind = str(applicant.get("id_kind") or IdKind.RESIDENT_ID)
    id_number = normalized_id(id_kind, str(applicant.get("id_number", "")))
    # 第二十九条: 身份证明 and 联系方式. On the public form they are required; an application the
    # office registers without them is the office's to complete by 补正, but what is given must be
    # well formed.
    problems = applicant_problems(
        id_kind,
        id_number,
        str(applicant.get("phone", "")),
        str(applicant.get("email", "")),
        str(applicant.get("address", "")),
        require_id=public,
    )
    if problems:
        raise DeskError("；".join(problems.values()))
    case = Application(
        agency=agency,
        applicant_user=applicant_user,
        applicant_type=kind,
        applicant_name=str(applicant["applicant_name"]).strip(),
        id_kind=id_kind if id_number else "",
        id_number=id_number,
        phone=str(applicant.get("phone", "")).strip(),
        address=str(applicant.get("address", "")).strip(),
        email=str(applicant.get("email", "")).strip(),
        description=description.strip(),
        form_wanted=form_wanted,
        channel=channel,
        submitted_on=submitted_on,
    )
    case.applicant_key = applicant_key(
        applicant_user.pk if applicant_user else None, case.id_number, case.applicant_name, case.phone
    )
    return case


def register(
    actor: Actor,
    agency: Agency,
    *,
    channel: str,
    submitted_on: dt.date,
    applicant: dict[str, Any],
    description: str,
    form_wanted: str = "",
    signed_on: dt.date | None = None,
    confirmed_on: dt.date | None = None,
    applicant_user: Any = None,
) -> Application:
    """The office registers an application that arrived in person, by post or by fax (登记)."""
    if not may_change_agency_records(actor, agency):
        raise PermissionDenied("只有本机关的政府信息公开工作机构可以登记申请 / only the agency's office registers")
    _check_date(submitted_on, None, "提交日期")
    received = receipt_date(channel, submitted_on=submitted_on, signed_on=signed_on, confirmed_on=confirmed_on)
    if received is not None:
        _check_date(received, submitted_on, "收到申请日期")
    case = _new_case(agency, applicant, description, form_wanted, channel, submitted_on, applicant_user)

    def change() -> None:
        case.receipt_date = received
        case.status = Status.REGISTERED if received else Status.AWAITING_RECEIPT

    return _apply(actor, case, Action.DESK_REGISTER, change, note=RULES[channel])


def submit_online(
    actor: Actor,
    agency: Agency,
    *,
    applicant: dict[str, Any],
    description: str,
    form_wanted: str = "电子邮件",
    token: str = "",
) -> Application:
    """The public form: anyone, signed in or not. Received once the office confirms (第三十一条第四项).

    ``token`` is the form's one-time token: the same form sent twice (a refresh, a double click, a
    retried request) returns the case the first sending created instead of filing a second one.
    """
    if token and (earlier := Application.objects.filter(submission_token=token).first()) is not None:
        return earlier
    user = stored_user(actor) if role_of(actor) == Role.APPLICANT else None
    if user is not None:
        applicant = {
            "applicant_name": user.display_name or user.username,
            "applicant_type": user.applicant_type,
            "id_number": user.id_number,
            "phone": user.phone,
            "address": user.address,
            "email": user.email,
            **{k: v for k, v in applicant.items() if v},
        }
    case = _new_case(agency, applicant, description, form_wanted, Channel.ONLINE, today(), user, public=True)
    case.status = Status.AWAITING_RECEIPT
    case.submission_token = token or None
    try:
        return _apply(actor, case, Action.DESK_SUBMIT, lambda: None, note=RULES[Channel.ONLINE])
    except IntegrityError:  # the same token sent twice at once: the other request filed it
        if token and (earlier := Application.objects.filter(submission_token=token).first()) is not None:
            return earlier
        raise


def confirm_receipt(actor: Actor, case: Application, on: dt.date) -> Application:
    """The office and the applicant confirm receipt (ordinary post, online, fax): the clock starts."""
    _require_office(actor, case)
    _require_step(case, "confirm")
    _check_date(on, case.submitted_on, "确认收到日期")

    def change() -> None:
        case.receipt_date = on
        case.status = Status.REGISTERED

    return _apply(actor, case, Action.DESK_CONFIRM_RECEIPT, change, note=RULES.get(case.channel, ""))


def forward(actor: Actor, case: Application, to: Agency, on: dt.date, note: str = "") -> Application:
    """An online application sent to the wrong agency, not yet received: it goes to ``to`` as a new
    application awaiting that agency's confirmation (its clock starts there); here it ends as
    forwarded, never received, never counted. The applicant sees the new code on the tracking page."""
    _require_office(actor, case)
    _require_step(case, "forward")
    if to.pk == case.agency_id:
        raise DeskError("请选择其他机关 / choose another agency")
    _check_date(on, case.submitted_on, "转送日期")
    with transaction.atomic():
        moved = Application(
            agency=to,
            applicant_user=case.applicant_user,
            applicant_type=case.applicant_type,
            applicant_name=case.applicant_name,
            id_kind=case.id_kind,
            id_number=case.id_number,
            phone=case.phone,
            address=case.address,
            email=case.email,
            applicant_key=case.applicant_key,
            description=case.description,
            form_wanted=case.form_wanted,
            channel=case.channel,
            submitted_on=on,
            status=Status.AWAITING_RECEIPT,
        )
        _apply(
            actor, moved, Action.DESK_FORWARDED_IN, lambda: None, note=f"由{case.agency.name}转送：{note}".rstrip("：")
        )

        def change() -> None:
            case.status = Status.FORWARDED
            case.forwarded_to = moved
            case.closed_on = on

        _apply(actor, case, Action.DESK_FORWARD, change, note=f"转送{to.name}" + (f"：{note}" if note else ""))
    return moved


def link_repeat(actor: Actor, case: Application, earlier: Application) -> Application:
    """Mark ``case`` as repeating ``earlier`` (the same applicant's same request at this agency)."""
    _require_office(actor, case)
    if earlier.pk == case.pk or earlier.agency_id != case.agency_id:
        raise DeskError("只能关联本机关的另一件申请 / link another application of this agency")
    return _apply(
        actor,
        case,
        Action.DESK_LINK_REPEAT,
        lambda: setattr(case, "repeat_of", earlier),
        note=f"与 {earlier.tracking_code} 重复",
    )


def applicant_history(case: Application) -> list[Application]:
    """The same applicant's other applications at this agency, newest first (重复申请, 按件计收)."""
    return list(
        Application.objects.filter(agency_id=case.agency_id, applicant_key=case.applicant_key)
        .exclude(pk=case.pk)
        .order_by("-submitted_on", "-id")[:50]
    )


# ---------------------------------------------------------------------------------------------
# Clarification (补正, 第三十条)
# ---------------------------------------------------------------------------------------------


def ask_clarification(
    actor: Actor, case: Application, on: dt.date, request: str, deadline: dt.date | None = None
) -> Application:
    _require_office(actor, case)
    _require_step(case, "clarify")
    if case.clarification_sent_on is not None:
        raise DeskError("补正只能要求一次 / a clarification may be asked for once only")
    assert case.receipt_date is not None
    calendar = work_calendar()
    _check_date(on, case.receipt_date, "补正通知日期")
    limit = clock.clarification_notice_limit(case.receipt_date, calendar)
    if on > limit:
        raise DeskError(
            f"补正通知应在收到申请之日起 7 个工作日内（{limit} 前）发出 / "
            f"a clarification must be asked for within 7 working days of receipt (by {limit})"
        )
    deadline = deadline or calendar.add_workdays(on, 10)
    if deadline <= on:
        raise DeskError("补正期限应晚于通知日期 / the deadline must follow the notice")
    if not request.strip():
        raise DeskError("请写明需要补正的事项 / say what must be clarified")

    def change() -> None:
        case.clarification_sent_on = on
        case.clarification_deadline = deadline
        case.clarification_request = request.strip()
        case.status = Status.CLARIFICATION

    return _apply(actor, case, Action.DESK_ASK_CLARIFICATION, change, calendar=calendar)


def receive_clarification(actor: Actor, case: Application, on: dt.date, content: str) -> Application:
    """The clarified application arrives: the 20 working days start again from this day.

    ``content`` is what the applicant now asks for (the clarified description): the answer is given
    to it, so it is kept on the case beside the original description.
    """
    _require_office(actor, case)
    _require_step(case, "clarified")
    _check_date(on, case.clarification_sent_on, "收到补正日期")
    if not content.strip():
        raise DeskError("请录入补正后的申请内容 / record the clarified application's content")

    def change() -> None:
        case.clarified_on = on
        case.clarified_description = content.strip()
        case.status = Status.REGISTERED

    return _apply(actor, case, Action.DESK_RECEIVE_CLARIFICATION, change, note=content.strip()[:500])


def close_for_no_clarification(actor: Actor, case: Application, on: dt.date) -> Application:
    """No clarification in the set time: 申请人无正当理由逾期不补正, no further processing."""
    if actor is not None:
        _require_office(actor, case)
    _require_step(case, "no_clarification")
    assert case.clarification_deadline is not None
    if on <= case.clarification_deadline:
        raise DeskError(f"补正期限 {case.clarification_deadline} 尚未届满 / the clarification deadline has not passed")
    return _decide(actor, case, NO_CORRECTION, on, Status.CLOSED, Action.DESK_CLOSE_NO_CLARIFICATION)


# ---------------------------------------------------------------------------------------------
# Consultation (第三十二条 third parties, 第三十四条 other agencies): time not counted
# ---------------------------------------------------------------------------------------------


def start_consultation(actor: Actor, case: Application, *, kind: str, party: str, on: dt.date) -> Consultation:
    _require_office(actor, case)
    _require_step(case, "consult")
    if kind not in ConsultationKind.values:
        raise DeskError(f"未知的征求意见类别 / unknown consultation kind {kind!r}")
    _check_date(on, case.clarified_on or case.receipt_date, "征求意见日期")
    calendar = work_calendar()
    consultation = Consultation(
        application=case,
        kind=kind,
        party=party.strip() or "（未填写）",
        started_on=on,
        deadline=calendar.add_workdays(on, clock.CONSULTATION_DAYS),
    )

    def change() -> None:
        consultation.save()
        case.status = Status.CONSULTATION

    _apply(
        actor,
        case,
        Action.DESK_START_CONSULTATION,
        change,
        note=f"{consultation.get_kind_display()}：{party}",
        calendar=calendar,
    )
    return consultation


def end_consultation(actor: Actor, consultation: Consultation, on: dt.date, opinion: str = "") -> Application:
    case = consultation.application
    _require_office(actor, case)
    _require_step(case, "consulted")
    if consultation.answered_on is not None:
        raise DeskError("该征求意见已结束 / this consultation has ended")
    _check_date(on, consultation.started_on, "收到意见日期")

    def change() -> None:
        consultation.answered_on = on
        consultation.opinion = opinion
        consultation.save()
        if not case.consultations.filter(answered_on__isnull=True).exists():
            case.status = Status.REGISTERED

    return _apply(actor, case, Action.DESK_END_CONSULTATION, change, note=f"{consultation.party}：{opinion}"[:500])


# ---------------------------------------------------------------------------------------------
# Extension (第三十三条第二款): the head approves, at most 20 working days, the applicant is told
# ---------------------------------------------------------------------------------------------


def extend(actor: Actor, case: Application, *, days: int, reason: str, on: dt.date) -> Application:
    _require_office(actor, case)
    # 须经政府信息公开工作机构负责人同意: a clerk asks (approval.request_extension), the head signs.
    _require_step(case, "extend", actor, check_who=True)
    if case.extension_days:
        raise DeskError("答复期限已经延长过 / the deadline has already been extended")
    if not 1 <= days <= clock.MAX_EXTENSION_DAYS:
        raise DeskError("延长的期限最长不得超过 20 个工作日 / an extension is 1 to 20 working days")
    if not reason.strip():
        raise DeskError("请写明延期理由 / give the reason")
    _check_date(on, case.receipt_date, "批准日期")
    if case.due_date is not None and on > case.due_date:
        raise DeskError(f"答复期限 {case.due_date} 已过，不能再延长 / the deadline {case.due_date} has passed")

    def change() -> None:
        case.extension_days = days
        case.extension_reason = reason.strip()
        case.extension_approved_on = on
        case.extension_approved_by = stored_user(actor)

    return _apply(actor, case, Action.DESK_EXTEND, change, note=reason)


# ---------------------------------------------------------------------------------------------
# Fees (国办函〔2020〕109号)
# ---------------------------------------------------------------------------------------------


def nth_in_month(case: Application) -> int:
    """This application's number among the applicant's applications to this agency this month."""
    assert case.receipt_date is not None
    first = case.receipt_date.replace(day=1)
    return (
        Application.objects.filter(
            agency_id=case.agency_id,
            applicant_key=case.applicant_key,
            receipt_date__gte=first,
        )
        .filter(Q(receipt_date__lt=case.receipt_date) | Q(receipt_date=case.receipt_date, pk__lte=case.pk))
        .count()
    )


def issue_fee_notice(
    actor: Actor,
    case: Application,
    *,
    method: str,
    on: dt.date,
    pages: int | None = None,
    received_on: dt.date | None = None,
) -> Application:
    _require_office(actor, case)
    _require_step(case, "fee")
    if case.fee_method:
        raise DeskError("已发出过收费通知；按件与按量不得同时计收 / a fee was already charged (never both methods)")
    if method == FeeMethod.PER_PAGE:
        if pages is None or pages < 1:
            raise DeskError("按量计收须填写页数 / per-page fees need the page count")
        units = pages
    elif method == FeeMethod.PER_REQUEST:
        units = nth_in_month(case)
    else:
        raise DeskError(f"未知的收费方式 / unknown fee method {method!r}")
    amount = fee(method, units)
    if amount == 0:
        raise DeskError("在免费范围内，不收费 / within the free allowance: no fee is due")
    _check_date(on, case.clarified_on or case.receipt_date, "收费通知日期")
    received_on = received_on or on
    _check_date(received_on, on, "收到收费通知日期")
    calendar = work_calendar()

    def change() -> None:
        case.fee_method, case.fee_units, case.fee_amount = method, units, amount
        case.fee_notice_on, case.fee_received_on = on, received_on
        case.fee_deadline = calendar.add_workdays(received_on, clock.FEE_PAYMENT_DAYS)
        case.status = Status.FEE

    return _apply(actor, case, Action.DESK_FEE_NOTICE, change, calendar=calendar)


def record_payment(actor: Actor, case: Application, on: dt.date) -> Application:
    _require_office(actor, case)
    _require_step(case, "paid")
    _check_date(on, case.fee_notice_on, "缴费日期")
    assert case.fee_deadline is not None
    if on > case.fee_deadline:
        raise DeskError(f"缴费期限 {case.fee_deadline} 已过 / paid after the deadline {case.fee_deadline}")

    def change() -> None:
        case.fee_paid_on = on
        case.status = Status.REGISTERED

    return _apply(actor, case, Action.DESK_FEE_PAID, change)


def close_for_unpaid_fee(actor: Actor, case: Application, on: dt.date) -> Application:
    if actor is not None:
        _require_office(actor, case)
    _require_step(case, "unpaid")
    assert case.fee_deadline is not None
    if on <= case.fee_deadline:
        raise DeskError(f"缴费期限 {case.fee_deadline} 尚未届满 / the payment deadline has not passed")
    return _decide(actor, case, UNPAID_FEE, on, Status.CLOSED, Action.DESK_CLOSE_UNPAID_FEE)


# ---------------------------------------------------------------------------------------------
# The answer (第三十六条) and the end
# ---------------------------------------------------------------------------------------------


def _decide(
    actor: Actor, case: Application, outcome: str, on: dt.date, status: str, action: Action, **fields: str
) -> Application:
    _check_date(on, case.clarified_on or case.receipt_date, "答复日期")

    def change() -> None:
        case.outcome = outcome
        case.decided_on = on
        case.status = status
        if status == Status.CLOSED:
            case.closed_on = on
        for key, value in fields.items():
            setattr(case, key, value)
        case.consultations.filter(answered_on__isnull=True).update(answered_on=on)

    return _apply(actor, case, action, change, note=OUTCOME_LABELS[outcome])


def answer(
    actor: Actor,
    case: Application,
    *,
    outcome: str,
    on: dt.date,
    reply_text: str = "",
    legal_basis: str = "",
    responsible_agency: str = "",
    withheld_reason: str = "",
) -> Application:
    """Answer with one statutory outcome; a partly disclosed answer is 部分公开 only.

    Only the head signs an answer (the state table's ``answer`` step): a clerk drafts it
    (``approval.draft_answer``) and the head signs the draft (``approval.sign``), which calls this.
    """
    _require_office(actor, case)
    _require_step(case, "answer", actor, check_who=True)
    if outcome not in ANSWER_OUTCOMES:
        raise DeskError(f"不是可选的办理结果 / not an outcome an answer may give: {outcome!r}")
    if outcome == UNCLEAR_AFTER_CLARIFICATION and case.clarified_on is None:
        label = TEMPLATE_2021.request_row(UNCLEAR_AFTER_CLARIFICATION).label
        raise DeskError(f"“{label}”须先经过补正 / needs a clarification first")
    if TEMPLATE_2021.request_row(outcome).group == DENIED and not (reply_text.strip() or withheld_reason.strip()):
        raise DeskError("不予公开须说明理由 / a refusal must give its reasons (第三十六条)")
    if outcome == "unavailable_not_held" and not responsible_agency.strip() and not reply_text.strip():
        raise DeskError(
            "请说明理由，能够确定负责公开的机关的，告知其名称和联系方式 / name the responsible agency "
            "where known, or say why"
        )
    if outcome == "partially_granted" and not (reply_text.strip() or withheld_reason.strip()):
        raise DeskError("部分公开须说明不予公开部分的理由 / a partial answer gives the reasons for what it withholds")
    return _decide(
        actor,
        case,
        outcome,
        on,
        Status.ANSWERED,
        Action.DESK_ANSWER,
        reply_text=reply_text.strip(),
        legal_basis=legal_basis.strip(),
        responsible_agency=responsible_agency.strip(),
        withheld_reason=withheld_reason.strip(),
    )


def withdraw(actor: Actor, case: Application, on: dt.date, note: str = "") -> Application:
    """The applicant withdraws (撤回): counted as （六）其他处理."""
    if not (is_applicant_of(actor, case) or may_change(actor, case)):
        raise PermissionDenied("只有申请人本人或受理机关可以撤回 / only the applicant or the office withdraws")
    _require_step(case, "withdraw")
    return _decide(actor, case, OTHER, on, Status.CLOSED, Action.DESK_WITHDRAW, reply_text=note or "申请人撤回申请")


def close(actor: Actor, case: Application, on: dt.date) -> Application:
    """Archive an answered case (第四十五条: 登记、审核、办理、答复、归档)."""
    _require_office(actor, case)
    _require_step(case, "close")
    _check_date(on, case.decided_on, "归档日期")

    def change() -> None:
        case.status = Status.CLOSED
        case.closed_on = on

    return _apply(actor, case, Action.DESK_CLOSE, change)


# ---------------------------------------------------------------------------------------------
# The whole desk
# ---------------------------------------------------------------------------------------------


def recompute_due_dates(actor: Actor = None) -> int:
    """After a holiday schedule is entered: every open case's due date again. Returns how many changed."""
    calendar = work_calendar()
    changed = 0
    for case in Application.objects.filter(status__in=OPEN_STATUSES).prefetch_related("consultations"):
        due = clock.compute(timeline(case, list(case.consultations.all())), calendar).due
        if due != case.due_date:
            with transaction.atomic():
                record(
                    actor,
                    Action.DESK_RECOMPUTE_DUE,
                    case,
                    before={"due_date": case.due_date},
                    after={"due_date": due},
                    note="放假安排变更 / holiday schedule changed",
                )
                Application.objects.filter(pk=case.pk).update(due_date=due)
            changed += 1
    return changed


def sweep(on: dt.date | None = None) -> list[Application]:
    """Close what the applicant let lapse: clarifications and fees past their deadline (the system acts)."""
    on = on or today()
    closed = []
    for case in Application.objects.filter(status=Status.CLARIFICATION, clarification_deadline__lt=on):
        closed.append(close_for_no_clarification(None, case, on))
    for case in Application.objects.filter(status=Status.FEE, fee_deadline__lt=on):
        closed.append(close_for_unpaid_fee(None, case, on))
    return closed
