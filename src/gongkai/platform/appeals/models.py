"""Administrative reviews (行政复议) and lawsuits (行政诉讼) about an answer: table 四.

Counting rule (documented choice): an appeal counts in the year it was filed; its result is the one
known at the end of that year — 尚未审结 if it was not decided by 31 December.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models

from ...report.templates import APPEAL_FIELDS, APPEAL_GROUPS

GROUP_LABELS = {g.key: g.full_label for g in APPEAL_GROUPS}
RESULT_CHOICES = [(f.key, f.label) for f in APPEAL_FIELDS if f.key != "total"]
PENDING = "pending"


class AppealKind(models.TextChoices):
    REVIEW = "review", GROUP_LABELS["review"]
    LITIGATION = "litigation", "行政诉讼"


class ActiveAppeals(models.Manager["Appeal"]):
    def get_queryset(self) -> models.QuerySet[Appeal]:
        return super().get_queryset().filter(withdrawn_on__isnull=True)


class Appeal(models.Model):
    application = models.ForeignKey(
        "desk.Application", verbose_name="申请", on_delete=models.PROTECT, related_name="appeals"
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name="被申请（被诉）机关",
        on_delete=models.PROTECT,
        related_name="appeals",
        editable=False,
    )
    kind = models.CharField("类别", max_length=20, choices=AppealKind.choices)
    review = models.ForeignKey(
        "self",
        verbose_name="此前的行政复议",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="lawsuits",
        help_text="复议后起诉时填写",
    )
    body = models.CharField("复议机关或人民法院", max_length=200)
    case_number = models.CharField("案号", max_length=100, blank=True)
    filed_on = models.DateField("申请（起诉）日期", db_index=True)
    result = models.CharField("结果", max_length=20, choices=RESULT_CHOICES, default=PENDING)
    decided_on = models.DateField("审结日期", null=True, blank=True)
    note = models.TextField("说明", blank=True)
    # Withdrawn (registered in error, or the appellant withdrew): kept for the audit trail, not counted.
    withdrawn_on = models.DateField("撤销登记日期", null=True, blank=True)
    withdrawal_reason = models.TextField("撤销登记原因", blank=True)

    objects: ClassVar[models.Manager[Appeal]] = models.Manager()
    active: ClassVar[ActiveAppeals] = ActiveAppeals()  # what table 四 counts

    class Meta:
        verbose_name = "行政复议、行政诉讼"
        verbose_name_plural = "行政复议、行政诉讼"
        ordering = ("-filed_on", "-id")
        indexes = (models.Index(fields=["agency", "filed_on"], name="appeals_agency_filed"),)

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.case_number or self.pk}"

    @property
    def group(self) -> str:
        """The group of table 四 this appeal counts in."""
        if self.kind == AppealKind.REVIEW:
            return "review"
        return "litigation_after_review" if self.review_id else "litigation_direct"
