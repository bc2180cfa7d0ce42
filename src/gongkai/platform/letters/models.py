"""Editable templates of reply letters (告知书), one per outcome, per agency or for the platform.

A letter is looked up: the agency's own template for the outcome, else the platform's, else the
built-in default of ``defaults.py``. Bodies use Django template syntax over the context of
``render.letter_context`` (never personal data beyond the applicant's name).
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models

from ..desk.models import OUTCOME_CHOICES


class LetterTemplate(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name="机关（空：全平台）",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="letter_templates",
    )
    outcome = models.CharField("办理结果", max_length=40, choices=OUTCOME_CHOICES)
    title = models.CharField("标题", max_length=200)
    body = models.TextField("正文", help_text="Django 模板语法；空行分段")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects: ClassVar[models.Manager[LetterTemplate]] = models.Manager()

    class Meta:
        verbose_name = "告知书模板"
        verbose_name_plural = "告知书模板"
        constraints = (
            models.UniqueConstraint(fields=["agency", "outcome"], name="letters_one_template_per_outcome"),
            models.UniqueConstraint(
                fields=["outcome"],
                condition=models.Q(agency__isnull=True),
                name="letters_one_platform_template_per_outcome",
            ),
        )

    def __str__(self) -> str:
        return f"{self.agency or '全平台'} · {self.get_outcome_display()}"


class LetterKind(models.TextChoices):
    REPLY = "reply", "答复告知书"
    CLARIFICATION = "clarification", "补正告知书"
    EXTENSION = "extension", "延期答复告知书"
    FEE = "fee", "收费通知书"
    CONSULTATION = "consultation", "征求意见函"


class IssuedLetter(models.Model):
    """A letter as it was issued: its number, its text and its file, never rebuilt afterwards."""

    application = models.ForeignKey(
        "desk.Application", verbose_name="申请", on_delete=models.PROTECT, related_name="letters"
    )
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="出具机关", on_delete=models.PROTECT, related_name="issued_letters"
    )
    kind = models.CharField("类别", max_length=20, choices=LetterKind.choices)
    year = models.PositiveSmallIntegerField("年度")
    sequence = models.PositiveIntegerField("序号")
    number = models.CharField("文号", max_length=100)
    title = models.CharField("标题", max_length=200)
    paragraphs = models.JSONField("正文")
    signature = models.CharField("落款", max_length=200)
    date_text = models.CharField("成文日期", max_length=40)
    docx = models.BinaryField("DOCX 文件")
    pdf = models.BinaryField("PDF 文件", null=True, blank=True)  # converted once, from the DOCX above
    pdf_error = models.TextField("PDF 生成失败原因", blank=True, default="")  # the job's failure, shown at download
    issued_at = models.DateTimeField("出具时间", auto_now_add=True)

    objects: ClassVar[models.Manager[IssuedLetter]] = models.Manager()

    class Meta:
        verbose_name = "已出具的告知书"
        verbose_name_plural = "已出具的告知书"
        ordering = ("application", "issued_at", "id")
        constraints = (
            models.UniqueConstraint(fields=["agency", "year", "sequence"], name="letters_one_number_per_agency_year"),
        )

    def __str__(self) -> str:
        return f"{self.number} {self.title}"
