"""The events someone must hear of: an audit entry's action → the messages it makes.

To the applicant: received, receipt date confirmed, 补正 requested (with its deadline), extension,
fee notice, consultation pause, answer given (with the letter), appeal recorded. To staff: a new
online application, a head's review wanted (registry items; the desk's 拟办 of answers and
extensions), and the drafting clerk told when the head signs or returns. The daily digest and the
annual report's deadline are periodic (``periodic.py``). Another event is one more entry in ``EVENTS``.
"""

from __future__ import annotations

from collections.abc import Callable

from ..accounts.models import Role
from ..audit.models import AuditEntry
from ..desk.models import Application, Approval, ApprovalKind
from .drafts import Draft, for_applicant, for_staff, office_staff, url


def _d(day: object) -> str:
    return f"{day:%Y年%-m月%-d日}" if day else "（待定）"


def _case(entry: AuditEntry) -> Application | None:
    if entry.object_type != "desk.application":
        return None
    return Application.objects.select_related("agency", "applicant_user").filter(pk=entry.object_id).first()


def submitted(entry: AuditEntry) -> list[Draft]:
    case = _case(entry)
    if case is None:
        return []
    key = f"audit{entry.pk}"
    name = case.agency.display_name
    drafts = for_applicant(
        key,
        entry.action,
        case,
        f"{name}已收到您的政府信息公开申请",
        f"您于{_d(case.submitted_on)}在线提交的政府信息公开申请已收到，待{name}确认收到日期后起算答复期限。",
        sms="您的政府信息公开申请已收到，待确认收到日期。",
    )
    drafts += for_staff(
        key,
        entry.action,
        office_staff(case.agency),
        f"新的政府信息公开申请 {case.tracking_code}",
        f"{name}收到一件在线申请（查询码 {case.tracking_code}），请确认收到日期并登记办理。",
        link=url(f"/desk/{case.pk}/"),
        case=case,
        agency=case.agency,
    )
    return drafts


def registered(entry: AuditEntry) -> list[Draft]:
    case = _case(entry)
    if case is None or case.receipt_date is None:
        return []
    text = (
        f"{case.agency.display_name}收到您政府信息公开申请的日期为{_d(case.receipt_date)}，"
        f"答复期限为{_d(case.due_date)}（20个工作日，依《政府信息公开条例》第三十三条）。"
    )
    return for_applicant(
        f"audit{entry.pk}",
        entry.action,
        case,
        "收到申请日期已确认",
        text,
        sms=f"收到申请日期{_d(case.receipt_date)}，答复期限{_d(case.due_date)}。",
    )


def clarification(entry: AuditEntry) -> list[Draft]:
    case = _case(entry)
    if case is None:
        return []
    text = (
        f"{case.agency.display_name}请您补正申请内容（《政府信息公开条例》第三十条）：\n"
        f"{case.clarification_request}\n补正期限：{_d(case.clarification_deadline)}。"
        "逾期无正当理由不补正的，视为放弃申请。"
    )
    return for_applicant(
        f"audit{entry.pk}",
        entry.action,
        case,
        "请补正政府信息公开申请",
        text,
        sms=f"请于{_d(case.clarification_deadline)}前补正您的政府信息公开申请。",
    )


def extension(entry: AuditEntry) -> list[Draft]:
    case = _case(entry)
    if case is None:
        return []
    text = (
        f"经{case.agency.display_name}政府信息公开工作机构负责人同意，答复期限延长{case.extension_days}个工作日，"
        f"延长后的答复期限为{_d(case.due_date)}。理由：{case.extension_reason}"
    )
    return for_applicant(
        f"audit{entry.pk}",
        entry.action,
        case,
        "答复期限延长告知",
        text,
        sms=f"您的申请答复期限延长至{_d(case.due_date)}。",
    )


def fee(entry: AuditEntry) -> list[Draft]:
    case = _case(entry)
    if case is None:
        return []
    text = (
        f"您的申请需缴纳信息处理费 {case.fee_amount} 元（{case.get_fee_method_display()}，{case.fee_units}）。"
        f"请于{_d(case.fee_deadline)}前缴纳；缴费期间不计算在答复期限内，逾期未缴纳的视为放弃申请。"
    )
    return for_applicant(
        f"audit{entry.pk}",
        entry.action,
        case,
        "信息处理费缴纳通知",
        text,
        sms=f"您的申请需缴纳信息处理费{case.fee_amount}元，缴费期限{_d(case.fee_deadline)}。",
    )


def consultation(entry: AuditEntry) -> list[Draft]:
    case = _case(entry)
    if case is None:
        return []
    text = (
        "您申请的信息需要征求第三方或者其他机关的意见，所需时间不计算在答复期限内"
        "（《政府信息公开条例》第三十二条、第三十四条）。"
    )
    return for_applicant(
        f"audit{entry.pk}",
        entry.action,
        case,
        "征求意见期间答复期限中止",
        text,
        sms="您的申请正在征求意见，期间不计入答复期限。",
    )


def answered(entry: AuditEntry) -> list[Draft]:
    case = _case(entry)
    if case is None:
        return []
    letter = url(f"/letters/track/{case.tracking_code}.pdf")
    text = (
        f"{case.agency.display_name}已于{_d(case.decided_on)}答复您的政府信息公开申请：{case.outcome_label}。\n"
        f"答复告知书：{letter}（电子邮件附有告知书）"
    )
    return for_applicant(
        f"audit{entry.pk}",
        entry.action,
        case,
        "政府信息公开申请答复",
        text,
        sms="您的政府信息公开申请已答复，请凭查询码查看答复告知书。",
        attach_letter=True,
    )


def appeal(entry: AuditEntry) -> list[Draft]:
    from ..appeals.models import Appeal

    found = (
        Appeal.objects.select_related("application__agency", "application__applicant_user")
        .filter(pk=entry.object_id)
        .first()
    )
    if found is None or found.application is None:
        return []
    case = found.application
    text = f"您就本申请提起的{found.get_kind_display()}已由{case.agency.display_name}记录。"
    return for_applicant(f"audit{entry.pk}", entry.action, case, f"{found.get_kind_display()}已记录", text)


def head_review(entry: AuditEntry) -> list[Draft]:
    """A registry item waits for the head's approval (the desk's approval chain: ``review_wanted``)."""
    if entry.agency is None:
        return []
    what = {"registry.submit": "主动公开事项待审核"}.get(entry.action, "待审批事项")
    link = url(f"/registry/{entry.object_id}/") if entry.object_type.startswith("registry.") else url("/desk/")
    return for_staff(
        f"audit{entry.pk}",
        entry.action,
        office_staff(entry.agency, heads_only=True),
        f"{what}：{entry.object_label[:60]}",
        f"{entry.actor_label}提交了{what}，请审核。",
        link=link,
        agency=entry.agency,
    )


def _approval(entry: AuditEntry) -> Approval | None:
    """The 拟办 an approval-chain entry is about (its id is in the entry's ``after``)."""
    approval_id = (entry.after or {}).get("approval") if isinstance(entry.after, dict) else None
    if entry.object_type != "desk.application" or not isinstance(approval_id, int):
        return None
    return (
        Approval.objects.select_related("application__agency", "drafted_by")
        .filter(pk=approval_id, application_id=entry.object_id)
        .first()
    )


_WHAT: dict[str, str] = {ApprovalKind.ANSWER: "答复", ApprovalKind.EXTENSION: "延长答复期限"}


def review_wanted(entry: AuditEntry) -> list[Draft]:
    """拟办 → 审核: the office's heads hear that an answer or an extension waits for their signature.

    The message names the case by its tracking code, the proposed outcome or the days asked, and the
    due date — never the request's text, the applicant, or the clerk's reasons (they may quote the
    applicant): those are on the case page.
    """
    approval = _approval(entry)
    if approval is None:
        return []
    case = approval.application
    what = _WHAT.get(approval.kind, "拟办")
    if approval.kind == ApprovalKind.EXTENSION:
        detail = f"拟延长 {approval.proposal.get('days', '')} 个工作日"
    else:
        detail = f"拟办结果：{approval.proposal.get('outcome_label', '')}"
    heads = [user for user in office_staff(case.agency, heads_only=True) if user.pk != entry.actor_id]
    return for_staff(
        f"audit{entry.pk}",
        entry.action,
        heads,
        f"待审核：{what} {case.tracking_code}",
        f"{entry.actor_label}就申请 {case.tracking_code} 拟办{what}（{detail}；答复期限 {_d(case.due_date)}），"
        "请审核后签发或退回。",
        link=url(f"/desk/{case.pk}/"),
        case=case,
        agency=case.agency,
    )


def review_decided(entry: AuditEntry) -> list[Draft]:
    """审核 → 签发 or 退回: the clerk who drafted hears the head's decision.

    The head's comment is not in the message: it is free text and may quote the applicant; the message
    says there is one, and the link leads to the case page that shows it.
    """
    approval = _approval(entry)
    if approval is None:
        return []
    case = approval.application
    drafter = approval.drafted_by
    if drafter is not None and drafter.is_active:
        clerks = [drafter]
    else:  # the drafter left the office: whoever handles its cases now
        clerks = [user for user in office_staff(case.agency) if user.role == Role.CLERK]
    clerks = [user for user in clerks if user.pk != entry.actor_id]  # a head who drafted and signed alone
    what = _WHAT.get(approval.kind, "拟办")
    signed = entry.action == "desk.sign"
    if signed:
        subject = f"已签发：{what} {case.tracking_code}"
        done = (
            "答复已作出，告知书已生成。"
            if approval.kind == ApprovalKind.ANSWER
            else f"答复期限已延至{_d(case.due_date)}。"
        )
        body = f"{entry.actor_label}已签发您就申请 {case.tracking_code} 拟办的{what}。{done}"
    else:
        subject = f"已退回：{what} {case.tracking_code}"
        body = f"{entry.actor_label}退回了您就申请 {case.tracking_code} 拟办的{what}，请按审核意见修改后重新拟办。"
    if approval.comment.strip():
        body += "\n审核意见请在案件页查看。"
    return for_staff(
        f"audit{entry.pk}",
        entry.action,
        clerks,
        subject,
        body,
        link=url(f"/desk/{case.pk}/"),
        case=case,
        agency=case.agency,
    )


EVENTS: dict[str, Callable[[AuditEntry], list[Draft]]] = {
    "desk.submit": submitted,
    "desk.register": registered,
    "desk.confirm_receipt": registered,
    "desk.ask_clarification": clarification,
    "desk.extend": extension,
    "desk.fee_notice": fee,
    "desk.start_consultation": consultation,
    "desk.answer": answered,
    "appeals.file": appeal,
    "registry.submit": head_review,
    "desk.draft_answer": review_wanted,
    "desk.request_extension": review_wanted,
    "desk.sign": review_decided,
    "desk.return": review_decided,
}
