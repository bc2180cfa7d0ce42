"""The case file (案卷): attachments (content-type checked) and delivery records (送达), audited."""

from __future__ import annotations

import datetime as dt

from django.core.files.base import ContentFile
from django.db import transaction

from ..accounts.models import Actor, stored_user
from ..accounts.permissions import PermissionDenied, may_change
from ..audit.labels import Action
from ..audit.services import record
from ..registry.files import AttachmentError, check
from . import services
from .models import Application, AttachmentKind, CaseAttachment, Delivery, DeliveryMethod


def add_attachment(actor: Actor, case: Application, *, kind: str, name: str, data: bytes) -> CaseAttachment:
    if not may_change(actor, case):
        raise PermissionDenied("只有受理机关可以上传案卷材料 / only the handling office files documents")
    if kind not in AttachmentKind.values:
        raise services.DeskError("请选择材料类别 / choose the kind")
    try:
        content_type = check(name, data)  # PDF, DOCX, images: the content must match the extension
    except AttachmentError as error:
        raise services.DeskError(str(error)) from None
    with transaction.atomic():
        attachment = CaseAttachment(
            application=case,
            kind=kind,
            name=name[:200],
            content_type=content_type,
            size=len(data),
            uploaded_by=stored_user(actor),
        )
        attachment.file.save(name, ContentFile(data), save=False)
        attachment.save()
        record(actor, Action.DESK_ATTACH, case, note=f"{attachment.get_kind_display()}：{attachment.name}")
    return attachment


def record_delivery(
    actor: Actor,
    case: Application,
    *,
    letter: str,
    method: str,
    sent_on: dt.date,
    received_on: dt.date | None = None,
    reference: str = "",
) -> Delivery:
    if not may_change(actor, case):
        raise PermissionDenied("只有受理机关可以登记送达 / only the handling office records delivery")
    if method not in DeliveryMethod.values:
        raise services.DeskError("请选择送达方式 / choose the method")
    if not letter.strip():
        raise services.DeskError("请写明送达的文书 / name the document delivered")
    if sent_on > services.today() or (
        received_on is not None and (received_on < sent_on or received_on > services.today())
    ):
        raise services.DeskError("送达日期不合理 / implausible dates")
    if case.receipt_date is not None and sent_on < case.receipt_date:
        raise services.DeskError("发出日期不能早于收到申请之日 / sent before the application arrived")
    with transaction.atomic():
        delivery = Delivery.objects.create(
            application=case,
            letter=letter.strip(),
            method=method,
            sent_on=sent_on,
            received_on=received_on,
            reference=reference.strip(),
            recorded_by=stored_user(actor),
        )
        record(
            actor,
            Action.DESK_DELIVERY,
            case,
            note=f"{delivery.letter}：{delivery.get_method_display()}，{sent_on} 发出"
            + (f"，{received_on} 签收" if received_on else ""),
        )
    return delivery
