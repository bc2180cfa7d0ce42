"""What the office keeps per agency and year: table 二 as entered, the narrative, or an imported report,
and the reports it has published on the portal.

Tables 三 and 四 of a compiled report are never stored as typed figures: they are counted from the
cases and appeals whenever the report is shown or exported (``compile.py``). An imported report (an
earlier year read from its published document or report JSON) is kept whole in ``imported`` so that
the carried-over figures of the next year continue from it.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models


class Source(models.TextChoices):
    COMPILED = "compiled", "由办理记录生成"
    IMPORTED = "imported", "导入已发布的报告"


class AnnualReport(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="annual_reports"
    )
    year = models.PositiveSmallIntegerField("年度")
    source = models.CharField("来源", max_length=20, choices=Source.choices, default=Source.COMPILED)
    sections = models.JSONField("正文各部分", default=dict, blank=True)  # {"一": "…", "五": "…"}
    imported = models.JSONField("导入的报告数据", null=True, blank=True)
    imported_from = models.CharField("导入文件", max_length=300, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects: ClassVar[models.Manager[AnnualReport]] = models.Manager()

    class Meta:
        verbose_name = "年度报告"
        verbose_name_plural = "年度报告"
        ordering = ("agency", "-year")
        constraints = (models.UniqueConstraint(fields=["agency", "year"], name="annual_one_report_per_year"),)

    def __str__(self) -> str:
        return f"{self.agency} {self.year} 年度报告"


class ReportPublication(models.Model):
    """An annual report published on the portal: the checked report data and its HTML, as published.

    Never changed once published: publishing again, or withdrawing it, marks it ``withdrawn`` and the
    record stays (``publishing.py``)."""

    agency = models.ForeignKey("agencies.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    data = models.JSONField("报告数据")
    html = models.TextField("报告正文")
    published_at = models.DateTimeField("发布时间")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn = models.BooleanField("已撤回", default=False)

    objects: ClassVar[models.Manager[ReportPublication]] = models.Manager()

    class Meta:
        # The table keeps the name it had when the registry published reports: moving the model
        # into this app moved no data (migration annual 0002 is state-only).
        db_table = "registry_reportpublication"
        verbose_name = "已发布年度报告"
        verbose_name_plural = "已发布年度报告"
        ordering = ("agency", "-year", "-published_at")

    def __str__(self) -> str:
        return f"{self.agency} {self.year} 年度报告（已发布）"


class RenderedReport(models.Model):
    """A report's document as rendered by a job (``tasks.render_report_document``), kept under the
    digest of what was rendered (``documents.digest``: the report's canonical JSON, the format and the
    renderer's version). The same figures are never rendered twice; changed records give a new digest,
    and a file rendered from the old ones is never served for them. ``data`` is the report the job
    renders — exactly what was digested, whatever the records say by the time the job runs."""

    digest = models.CharField("摘要", max_length=64, unique=True)
    fmt = models.CharField("格式", max_length=10)
    agency = models.ForeignKey("agencies.Agency", verbose_name="机关", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    aggregate = models.BooleanField("含下级机关", default=False)
    data = models.JSONField("报告数据")
    file = models.BinaryField("文件", null=True, blank=True)
    error = models.TextField("生成失败原因", blank=True, default="")  # the job's failure, shown at download
    created_at = models.DateTimeField(auto_now_add=True)
    rendered_at = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[models.Manager[RenderedReport]] = models.Manager()

    class Meta:
        verbose_name = "年度报告文件"
        verbose_name_plural = "年度报告文件"
        indexes = (models.Index(fields=["agency", "year", "aggregate", "fmt"], name="annual_rendered_report"),)

    def __str__(self) -> str:
        return f"{self.agency} {self.year} 年度报告 {self.fmt.upper()}"
