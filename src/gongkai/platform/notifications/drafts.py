"""What a message says and to whom, before it is stored (``Draft``), and who the recipients are.

Personal data: a message to the applicant goes to the applicant's own address and may speak of the
application; a message to staff names the case by its tracking code only — never the applicant's
name, ID number, phone or address (those stay on the case page, behind the office's permission).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings

from ..accounts.models import Role, User
from ..desk.models import Application
from .models import Channel


@dataclass(frozen=True)
class Draft:
    key: str  # the dedupe key's recipient part and channel are added by ``for_applicant`` / ``for_staff``
    event: str
    channel: str
    subject: str
    body: str
    recipient_label: str
    recipient_user: Any = None
    recipient_address: str = ""
    link: str = ""
    case: Application | None = None
    agency: Any = None
    attach_letter: bool = False


def url(path: str) -> str:
    return settings.SITE_URL + path


def applicant_link(case: Application) -> str:
    """Where the applicant follows the case: their case page if they have an account, else the tracker."""
    return url(f"/desk/{case.pk}/") if case.applicant_user_id else url("/track/")


def for_applicant(
    key: str, event: str, case: Application, subject: str, body: str, *, sms: str = "", attach_letter: bool = False
) -> list[Draft]:
    """The applicant's inbox (with an account), e-mail and SMS (with an address / number given)."""
    body = f"{body}\n\n查询码：{case.tracking_code}（凭查询码在 {url('/track/')} 查看办理进度）"

    def draft(channel: str, who: str, text: str, **extra: Any) -> Draft:
        return Draft(
            key=f"{key}:{channel}:{who}",
            event=event,
            channel=channel,
            subject=subject,
            body=text,
            recipient_label="申请人",
            link=applicant_link(case),
            case=case,
            agency=case.agency,
            **extra,
        )

    drafts = []
    if case.applicant_user_id:
        drafts.append(draft(Channel.INBOX, f"user{case.applicant_user_id}", body, recipient_user=case.applicant_user))
    if case.email:
        drafts.append(
            draft(Channel.EMAIL, "applicant", body, recipient_address=case.email, attach_letter=attach_letter)
        )
    if case.phone and sms:
        text = f"【{case.agency.display_name}】{sms} 查询码 {case.tracking_code}"
        drafts.append(draft(Channel.SMS, "applicant", text, recipient_address=case.phone))
    return drafts


def office_staff(agency: Any, heads_only: bool = False) -> list[User]:
    roles = (Role.HEAD,) if heads_only else (Role.CLERK, Role.HEAD)
    return list(User.objects.filter(agency=agency, role__in=roles, is_active=True).order_by("id"))


def for_staff(
    key: str,
    event: str,
    users: list[User],
    subject: str,
    body: str,
    link: str = "",
    case: Application | None = None,
    agency: Any = None,
) -> list[Draft]:
    """Each user's inbox, and e-mail where the user has an address."""
    drafts = []
    for user in users:
        label = f"{user.get_role_display()} {user}"
        drafts.append(
            Draft(
                key=f"{key}:inbox:user{user.pk}",
                event=event,
                channel=Channel.INBOX,
                subject=subject,
                body=body,
                recipient_label=label,
                recipient_user=user,
                link=link,
                case=case,
                agency=agency,
            )
        )
        if user.email:
            drafts.append(
                Draft(
                    key=f"{key}:email:user{user.pk}",
                    event=event,
                    channel=Channel.EMAIL,
                    subject=subject,
                    body=body,
                    recipient_label=label,
                    recipient_user=user,
                    recipient_address=user.email,
                    link=link,
                    case=case,
                    agency=agency,
                )
            )
    return drafts
