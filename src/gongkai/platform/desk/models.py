"""An application for government information (依申请公开) and the steps of its life.

State changes go through ``services.py`` only. ``due_date`` is stored (recomputed by the services
at every change, and when a holiday schedule is entered) so that the lists of what is due and
overdue are plain indexed queries.
"""

from __future__ import annotations

import secrets
import uuid
from pathlib import PurePath
from typing import ClassVar

from django.conf import settings
from django.db import models

from ...report.templates import TEMPLATE_2021
from ..accounts.models import APPLICANT_TYPE_CHOICES, NATURAL_PERSON
from .fees import FeeMethod
from .identity import IdKind
from .receipt import Channel

# Outcomes are the outcome rows of table 三 of the current template (keys and labels from
# report.templates); the 2019 template's single （六）其他处理 is their sum (annual.compile).
OUTCOME_CHOICES: list[tuple[str, str]] = [(row.key, row.full_label) for row in TEMPLATE_2021.outcome_rows]
OUTCOME_LABELS: dict[str, str] = dict(OUTCOME_CHOICES)
PLAIN_OUTCOME_LABELS: dict[str, str] = {row.key: row.plain_label for row in TEMPLATE_2021.outcome_rows}
NO_CORRECTION = "other_no_correction"
UNPAID_FEE = "other_unpaid_fee"
OTHER = "other_other"
UNCLEAR_AFTER_CLARIFICATION = "unavailable_unclear"
# Outcomes the office chooses in an answer; the other three come from their own service functions.
ANSWER_OUTCOMES = [key for key, _ in OUTCOME_CHOICES if key not in (NO_CORRECTION, UNPAID_FEE, OTHER)]


class Status(models.TextChoices):
    AWAITING_RECEIPT = "awaiting_receipt", "待确认收到"
    REGISTERED = "registered", "办理中"
    CLARIFICATION = "clarification", "待申请人补正"
    CONSULTATION = "consultation", "征求意见中"
    FEE = "fee", "待申请人缴费"
    ANSWERED = "answered", "已答复"
    CLOSED = "closed", "已办结"
    FORWARDED = "forwarded", "已转送其他机关"


OPEN_STATUSES = (Status.AWAITING_RECEIPT, Status.REGISTERED, Status.CLARIFICATION, Status.CONSULTATION, Status.FEE)
PAUSED_STATUSES = (Status.CLARIFICATION, Status.CONSULTATION, Status.FEE)

_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def new_tracking_code() -> str:
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


class Application(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="受理机关", on_delete=models.PROTECT, related_name="applications"
    )
    tracking_code = models.CharField("查询码", max_length=20, unique=True, default=new_tracking_code, editable=False)
    # The public form's one-time token: a resubmitted form (refresh, double click) finds its case again.
    submission_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    # -- the applicant (personal data: the handling office and the applicant only) ---------------
    applicant_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="申请人账号",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )
    applicant_type = models.CharField(
        "申请人类型", max_length=20, choices=APPLICANT_TYPE_CHOICES, default=NATURAL_PERSON
    )
    applicant_name = models.CharField("申请人姓名或名称", max_length=200)
    id_kind = models.CharField("身份证明类型", max_length=20, choices=IdKind.choices, blank=True, default="")
    id_number = models.CharField("证件号码", max_length=40, blank=True)
    phone = models.CharField("联系电话", max_length=40, blank=True)
    address = models.CharField("通信地址", max_length=300, blank=True)
    email = models.CharField("电子邮箱", max_length=200, blank=True)
    applicant_key = models.CharField(max_length=64, db_index=True, editable=False, default="")
    # -- what is asked ------------------------------------------------------------------------
    description = models.TextField("所需政府信息的名称、文号或者便于查询的其他特征性描述")
    form_wanted = models.CharField("获取信息的方式", max_length=100, blank=True, default="电子邮件")
    # -- arrival (条例 第三十一条) ----------------------------------------------------------------
    channel = models.CharField("提交方式", max_length=20, choices=Channel.choices)
    submitted_on = models.DateField("提交日期")
    receipt_date = models.DateField("收到申请日期", null=True, blank=True, db_index=True)
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.AWAITING_RECEIPT)
    due_date = models.DateField("答复期限", null=True, blank=True)
    # -- clarification (补正, 第三十条) ----------------------------------------------------------
    clarification_sent_on = models.DateField("补正通知日期", null=True, blank=True)
    clarification_deadline = models.DateField("补正期限", null=True, blank=True)
    clarification_request = models.TextField("补正要求", blank=True)
    clarified_on = models.DateField("收到补正日期", null=True, blank=True)
    clarified_description = models.TextField("补正后的申请内容", blank=True)
    # -- extension (延期, 第三十三条) -----------------------------------------------------------
    extension_days = models.PositiveSmallIntegerField("延长工作日数", default=0)
    extension_approved_on = models.DateField("延期批准日期", null=True, blank=True)
    extension_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    extension_reason = models.TextField("延期理由", blank=True)
    # -- fee (国办函〔2020〕109号) --------------------------------------------------------------
    fee_method = models.CharField("收费方式", max_length=20, choices=FeeMethod.choices, blank=True)
    fee_units = models.PositiveIntegerField("件次或页数", default=0)
    fee_amount = models.PositiveIntegerField("收费金额（元）", default=0)
    fee_notice_on = models.DateField("收费通知日期", null=True, blank=True)
    fee_received_on = models.DateField("申请人收到收费通知日期", null=True, blank=True)
    fee_deadline = models.DateField("缴费期限", null=True, blank=True)
    fee_paid_on = models.DateField("缴费日期", null=True, blank=True)
    # -- the answer (第三十六条) ----------------------------------------------------------------
    outcome = models.CharField("办理结果", max_length=40, choices=OUTCOME_CHOICES, blank=True)
    decided_on = models.DateField("答复日期", null=True, blank=True, db_index=True)
    reply_text = models.TextField("答复内容（获取方式、不予公开的理由等）", blank=True)
    withheld_reason = models.TextField("不予公开部分的理由", blank=True)
    legal_basis = models.CharField("法律依据", max_length=300, blank=True)
    responsible_agency = models.CharField("负有责任的机关及联系方式", max_length=300, blank=True)
    closed_on = models.DateField("办结归档日期", null=True, blank=True)
    # -- routing: a misdirected application forwarded, a repeated one linked ------------------------
    forwarded_to = models.OneToOneField(
        "self",
        verbose_name="转送后的申请",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forwarded_from",
    )
    repeat_of = models.ForeignKey(
        "self",
        verbose_name="重复申请的原申请",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="repeats",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects: ClassVar[models.Manager[Application]] = models.Manager()

    class Meta:
        verbose_name = "政府信息公开申请"
        verbose_name_plural = "政府信息公开申请"
        ordering = ("-submitted_on", "-id")
        indexes = (
            models.Index(fields=["agency", "status", "due_date"], name="desk_app_agency_status_due"),
            models.Index(fields=["status", "due_date"], name="desk_app_status_due"),
            models.Index(fields=["agency", "receipt_date"], name="desk_app_agency_receipt"),
            models.Index(fields=["agency", "decided_on"], name="desk_app_agency_decided"),
            models.Index(fields=["agency", "-submitted_on", "-id"], name="desk_app_agency_list"),
            # The open cases by due date (the desk's first list): a supervisor high in the tree reads
            # the first page straight off this index and counts the open cases from it alone.
            models.Index(
                fields=["due_date", "id", "agency"],
                name="desk_app_open_due",
                condition=models.Q(status__in=[status.value for status in OPEN_STATUSES]),
            ),
            # Fees paid in a year (the annual report's 六): few rows, so a partial index keeps the
            # province's report from scanning every case for them.
            models.Index(
                fields=["fee_paid_on"], name="desk_app_fee_paid", condition=models.Q(fee_paid_on__isnull=False)
            ),
            models.Index(fields=["-submitted_on", "-id"], name="desk_app_list"),  # wide scopes, newest first
        )

    def __str__(self) -> str:
        return f"{self.tracking_code} {self.description[:30]}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_paused(self) -> bool:
        return self.status in PAUSED_STATUSES

    @property
    def outcome_label(self) -> str:
        return OUTCOME_LABELS.get(self.outcome, "")

    @property
    def public_outcome_label(self) -> str:
        """What the applicant and the public read (D21): no statistical counting note."""
        return PLAIN_OUTCOME_LABELS.get(self.outcome, "")


class ConsultationKind(models.TextChoices):
    THIRD_PARTY = "third_party", "征求第三方意见"
    OTHER_AGENCY = "other_agency", "征求其他机关意见"


class Consultation(models.Model):
    """A third party (第三十二条) or other agencies (第三十四条) asked for their opinion: not counted."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="consultations")
    kind = models.CharField("类别", max_length=20, choices=ConsultationKind.choices)
    party = models.CharField("征求对象", max_length=200)
    started_on = models.DateField("发出征求意见日期")
    deadline = models.DateField("答复期限")
    answered_on = models.DateField("收到意见日期", null=True, blank=True)
    opinion = models.TextField("意见", blank=True)

    objects: ClassVar[models.Manager[Consultation]] = models.Manager()

    class Meta:
        verbose_name = "征求意见"
        verbose_name_plural = "征求意见"
        ordering = ("started_on", "id")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.party}"

    @property
    def agency(self) -> object:
        return self.application.agency


class ApprovalKind(models.TextChoices):
    ANSWER = "answer", "答复拟办"
    EXTENSION = "extension", "延期申请"


class ApprovalStatus(models.TextChoices):
    PENDING = "pending", "待负责人审核"
    RETURNED = "returned", "已退回"
    SIGNED = "signed", "已签发"


class Approval(models.Model):
    """拟办 → 审核 → 签发: what the clerk proposes (an answer, an extension) and the head's decision.

    The answer or extension itself is made by the desk's services when the head signs, with the
    proposed content; returning keeps the proposal and the head's comment for the record.
    """

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="approvals")
    kind = models.CharField("类别", max_length=20, choices=ApprovalKind.choices)
    status = models.CharField("状态", max_length=20, choices=ApprovalStatus.choices, default=ApprovalStatus.PENDING)
    proposal = models.JSONField("拟办内容", default=dict)  # the answer's or the extension's fields
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="拟办人", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    drafted_at = models.DateTimeField("拟办时间", auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField("审核时间", null=True, blank=True)
    comment = models.TextField("审核意见", blank=True)

    objects: ClassVar[models.Manager[Approval]] = models.Manager()

    class Meta:
        verbose_name = "拟办审核"
        verbose_name_plural = "拟办审核"
        ordering = ("drafted_at", "id")
        constraints = (
            models.UniqueConstraint(
                fields=["application", "kind"],
                condition=models.Q(status="pending"),
                name="desk_one_pending_approval_per_kind",
            ),
        )

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.get_status_display()}"

    @property
    def agency(self) -> object:
        return self.application.agency


class AttachmentKind(models.TextChoices):
    APPLICATION_SCAN = "application_scan", "申请书扫描件"
    ID_COPY = "id_copy", "身份证明复印件"
    RELEASED = "released", "公开的政府信息"
    CONSULTATION_REPLY = "consultation_reply", "征求意见的回复"
    OTHER = "other", "其他材料"


def _case_file_path(instance: CaseAttachment, filename: str) -> str:
    # A random name: the stored path never reveals the applicant or the title.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"desk/{instance.application.agency_id}/{uuid.uuid4().hex}{suffix}"


class CaseAttachment(models.Model):
    """A file of the case file (案卷): office staff only; its type is checked against its content."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField("类别", max_length=30, choices=AttachmentKind.choices)
    file = models.FileField("文件", upload_to=_case_file_path)
    name = models.CharField("文件名", max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[CaseAttachment]] = models.Manager()

    class Meta:
        verbose_name = "案卷材料"
        verbose_name_plural = "案卷材料"
        ordering = ("uploaded_at", "id")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.name}"

    @property
    def agency(self) -> object:
        return self.application.agency


class DeliveryMethod(models.TextChoices):
    POST = "post", "邮寄（EMS 等）"
    EMAIL = "email", "电子邮件"
    IN_PERSON = "in_person", "当场领取"
    ONLINE = "online", "网上送达"
    FAX = "fax", "传真"


class Delivery(models.Model):
    """送达: how and when a letter reached the applicant (the 送达回证 of the case file)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="deliveries")
    letter = models.CharField("送达的文书", max_length=200)
    method = models.CharField("送达方式", max_length=20, choices=DeliveryMethod.choices)
    sent_on = models.DateField("发出日期")
    received_on = models.DateField("签收日期", null=True, blank=True)
    reference = models.CharField("邮件号码或签收人", max_length=100, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    objects: ClassVar[models.Manager[Delivery]] = models.Manager()

    class Meta:
        verbose_name = "送达记录"
        verbose_name_plural = "送达记录"
        ordering = ("sent_on", "id")

    def __str__(self) -> str:
        return f"{self.letter} {self.get_method_display()}"
