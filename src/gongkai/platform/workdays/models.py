"""A year's holiday schedule as the State Council publishes it, entered by an administrator.

chinese-calendar carries the schedules it knew when it was released (2004–2026 for 1.11.0) and
raises for later years; the schedule of the next year is published around November. An entered
schedule takes precedence over the package, so a correction can also be made for a known year.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models


class YearSchedule(models.Model):
    year = models.PositiveSmallIntegerField("年度", unique=True)
    document = models.CharField("依据", max_length=200, blank=True, help_text="如 国办发明电〔2026〕X号")
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now=True)

    objects: ClassVar[models.Manager[YearSchedule]] = models.Manager()

    class Meta:
        verbose_name = "年度放假安排"
        verbose_name_plural = "年度放假安排"
        ordering = ("-year",)

    def __str__(self) -> str:
        return f"{self.year} 年放假安排"


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", "放假（法定节假日）"
    WORKDAY = "workday", "调休上班"


class ScheduleDay(models.Model):
    schedule = models.ForeignKey(YearSchedule, on_delete=models.CASCADE, related_name="days")
    date = models.DateField("日期", unique=True)
    kind = models.CharField("类别", max_length=10, choices=DayKind.choices)
    name = models.CharField("节日", max_length=40, blank=True)

    objects: ClassVar[models.Manager[ScheduleDay]] = models.Manager()

    class Meta:
        verbose_name = "放假安排日期"
        verbose_name_plural = "放假安排日期"
        ordering = ("date",)

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()} {self.name}"
