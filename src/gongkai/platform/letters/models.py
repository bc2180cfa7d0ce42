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
    agency = models.ForeignKey("agencies.Agency", verbose_name="机关（空：全平台）", null=True, blank=True,
                               on_delete=models.CASCADE, related_name="letter_templates")
    outcome = models.CharField("办理结果", max_length=40, choices=OUTCOME_CHOICES)
    title = models.CharField("标题", max_length=200)
    body = models.TextField("正文", help_text="Django 模板语法；空行分段")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    objects: ClassVar[models.Manager[LetterTemplate]] = models.Manager()

    class Meta:
        verbose_name = "告知书模板"
        verbose_name_plural = "告知书模板"
        constraints = (
            models.UniqueConstraint(fields=["agency", "outcome"], name="letters_one_template_per_outcome"),
            models.UniqueConstraint(fields=["outcome"], condition=models.Q(agency__isnull=True),
                                    name="letters_one_platform_template_per_outcome"),
        )

    def __str__(self) -> str:
        return f"{self.agency or '全平台'} · {self.get_outcome_display()}"
