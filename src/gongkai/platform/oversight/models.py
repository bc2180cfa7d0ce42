"""The store of published reports: one record per agency and year, its versions, and the imports.

A version is identified by the SHA-256 of its file (or of the platform's report data), so the same
file imported twice is one version; a different file for the same agency and year becomes the new
current version and the old one stays, marked superseded. Each imported file keeps its own state
(``ImportFile.status``) so that an interrupted batch resumes where it stopped, and a file that
failed or could not be matched keeps its reason.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models


class ImportBatch(models.Model):
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    root = models.ForeignKey("agencies.Agency", verbose_name="所辖范围", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    label = models.CharField("说明", max_length=300, blank=True)

    objects: ClassVar[models.Manager[ImportBatch]] = models.Manager()

    class Meta:
        verbose_name = "导入批次"
        verbose_name_plural = "导入批次"
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"导入批次 {self.pk}"


class FileStatus(models.TextChoices):
    PENDING = "pending", "待处理"
    IMPORTED = "imported", "已导入"
    DUPLICATE = "duplicate", "重复文件"
    UNMATCHED = "unmatched", "待匹配"
    FAILED = "failed", "读取失败"


class ImportFile(models.Model):
    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="files")
    name = models.CharField("文件", max_length=500)
    sha256 = models.CharField(max_length=64, db_index=True)
    size = models.PositiveBigIntegerField(default=0)
    status = models.CharField(
        "状态", max_length=20, choices=FileStatus.choices, default=FileStatus.PENDING, db_index=True
    )
    reason_zh = models.TextField(blank=True)
    reason_en = models.TextField(blank=True)
    # What the mapping file or the list said about the file, before reading it.
    hint_agency = models.CharField(max_length=200, blank=True)
    hint_year = models.PositiveSmallIntegerField(null=True, blank=True)
    format = models.CharField(max_length=20, blank=True)
    data = models.JSONField(null=True, blank=True)  # the report as read, kept for matching by hand
    agency = models.ForeignKey("agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    version = models.ForeignKey("ReportVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="files")
    processed_at = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[models.Manager[ImportFile]] = models.Manager()

    class Meta:
        verbose_name = "导入文件"
        verbose_name_plural = "导入文件"
        ordering = ("batch", "pk")

    def __str__(self) -> str:
        return self.name


class PublishedReport(models.Model):
    """An agency's published report of one year: the current version and its history."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="published_reports")
    year = models.PositiveSmallIntegerField("年度", db_index=True)
    current = models.ForeignKey("ReportVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    published_on = models.DateField("发布日期", null=True, blank=True)
    # The current version's figures the indicators need, as columns so that a region's comparison
    # and rankings are aggregate queries (``indicators.figures`` fills them; null: unknown).
    received = models.IntegerField("本年新收申请", null=True, blank=True)
    processed = models.IntegerField("办理结果总计", null=True, blank=True)
    granted = models.IntegerField("予以公开", null=True, blank=True)
    partly = models.IntegerField("部分公开", null=True, blank=True)
    refused = models.IntegerField("不予公开", null=True, blank=True)
    appeals_decided = models.IntegerField("复议诉讼已审结", null=True, blank=True)
    appeals_corrected = models.IntegerField("复议诉讼被纠错", null=True, blank=True)

    objects: ClassVar[models.Manager[PublishedReport]] = models.Manager()

    class Meta:
        verbose_name = "已发布的年度报告"
        verbose_name_plural = "已发布的年度报告"
        ordering = ("agency__path", "-year")
        constraints = (models.UniqueConstraint(fields=["agency", "year"], name="oversight_one_report_per_year"),)
        indexes = (models.Index(fields=["year", "agency"]),)

    def __str__(self) -> str:
        return f"{self.agency} {self.year}"


class VersionSource(models.TextChoices):
    FILE = "file", "导入的文件"
    PLATFORM = "platform", "平台生成的报告"


class ReportVersion(models.Model):
    report = models.ForeignKey(PublishedReport, on_delete=models.CASCADE, related_name="versions")
    sha256 = models.CharField(max_length=64, unique=True)
    source = models.CharField(max_length=20, choices=VersionSource.choices, default=VersionSource.FILE)
    file_name = models.CharField(max_length=500, blank=True)
    format = models.CharField(max_length=20, blank=True)
    data = models.JSONField()
    published_on = models.DateField("发布日期", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    superseded_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects: ClassVar[models.Manager[ReportVersion]] = models.Manager()

    class Meta:
        verbose_name = "报告版本"
        verbose_name_plural = "报告版本"
        ordering = ("report", "created_at", "pk")

    def __str__(self) -> str:
        return f"{self.report} ({self.file_name or self.source})"


class FindingStatus(models.TextChoices):
    OPEN = "open", "待处理"
    CONFIRMED = "confirmed", "已确认"
    DISMISSED = "dismissed", "已排除"
    SENT_BACK = "sent_back", "已退回机关"
    ANSWERED = "answered", "机关已答复"
    RECTIFIED = "rectified", "已整改"


class ReportFinding(models.Model):
    """One finding of the checks on a published report, and what the supervisor decided about it.

    Keyed by ``fingerprint`` (rule + agency + year + place + numbers): a re-reading or a new
    version that finds the same thing finds this row again, so the decision stays; what the newest
    version no longer shows is kept with ``active`` off (a corrected report resolves it)."""

    report = models.ForeignKey(PublishedReport, on_delete=models.CASCADE, related_name="findings")
    version = models.ForeignKey(ReportVersion, null=True, on_delete=models.SET_NULL, related_name="+")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(db_index=True)
    fingerprint = models.CharField(max_length=64, unique=True)
    rule = models.CharField(max_length=60, db_index=True)
    severity = models.CharField(max_length=10)
    place = models.CharField(max_length=120)
    values = models.JSONField(default=dict)
    message_zh = models.TextField()
    message_en = models.TextField()
    active = models.BooleanField(default=True, db_index=True)
    first_seen = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=20, choices=FindingStatus.choices, default=FindingStatus.OPEN, db_index=True)
    reason = models.TextField("理由", blank=True)
    answer = models.TextField("机关答复", blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[models.Manager[ReportFinding]] = models.Manager()

    class Meta:
        verbose_name = "检查发现"
        verbose_name_plural = "检查发现"
        ordering = ("agency__path", "-year", "rule", "place")
        indexes = (models.Index(fields=["year", "active", "rule"]),)

    def __str__(self) -> str:
        return f"{self.agency} {self.year} {self.rule} {self.place}"


class FilingStatus(models.TextChoices):
    SUBMITTED = "submitted", "已报送"
    RETURNED = "returned", "已退回"
    ACCEPTED = "accepted", "已审核通过"
    PUBLISHED = "published", "已发布"


class Filing(models.Model):
    """报送: an agency's computed annual report submitted to its 主管部门 (the parent agency).

    The report is kept as it was submitted (``data``); while submitted, the agency's entries of
    that year are locked; the supervisor accepts it or returns it with comments; the agency
    publishes an accepted report, which then enters the store of published reports."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="filings")
    year = models.PositiveSmallIntegerField("年度")
    status = models.CharField("状态", max_length=20, choices=FilingStatus.choices, default=FilingStatus.SUBMITTED)
    data = models.JSONField("报送的报告")
    comments = models.TextField("审核意见", blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects: ClassVar[models.Manager[Filing]] = models.Manager()

    class Meta:
        verbose_name = "报送"
        verbose_name_plural = "报送"
        ordering = ("agency__path", "-year")
        constraints = (models.UniqueConstraint(fields=["agency", "year"], name="oversight_one_filing_per_year"),)

    def __str__(self) -> str:
        return f"{self.agency} {self.year} 年度报告报送"
