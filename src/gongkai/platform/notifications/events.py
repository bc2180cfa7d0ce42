"""The events someone must hear of: an audit entry's action → the messages it makes.

To the applicant: received, receipt date confirmed, 补正 requested (with its deadline), extension,
fee notice, consultation pause, answer given (with the letter), appeal recorded. To staff: a new
online application, a head's review wanted. The daily digest and the annual report's deadline are
periodic (``periodic.py``). Another event is one more entry in ``EVENTS``.
"""

from __future__ import annotations

from collections.abc import Callable

from ..audit.models import AuditEntry
from ..desk.models import Application
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
    """Something waits for the head's approval (registry items; later the desk's approval chain)."""
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
}
