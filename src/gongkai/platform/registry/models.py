"""The registry: every item an agency publishes (or records in its catalogue without publishing).

An item goes draft → submitted → (returned → submitted …) → approved → published (→ withdrawn);
the changes are made by ``services.py`` only, each with its audit entry. Only an approved item whose
disclosure attribute is 主动公开 can be published; a withdrawn item keeps its record.

规章 and 规范性文件 carry their life in dates (made, published, amended, repealed, expires) so that
table 二 is counted from them (``tables.py``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import PurePath
from typing import Any, ClassVar

from django.conf import settings
from django.db import models

from .categories import CATEGORY_CHOICES, DOCUMENT_CATEGORIES


class Attribute(models.TextChoices):
    """公开属性: what the drafter proposes and the reviewer confirms."""

    PROACTIVE = "proactive", "主动公开"
    ON_REQUEST = "on_request", "依申请公开"
    NOT_PUBLIC = "not_public", "不予公开"


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "待审核"
    RETURNED = "returned", "退回修改"
    APPROVED = "approved", "审核通过"
    PUBLISHED = "published", "已发布"
    WITHDRAWN = "withdrawn", "已撤回"


EDITABLE_STATUSES = (Status.DRAFT, Status.RETURNED)


class Item(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="发布机关", on_delete=models.PROTECT, related_name="registry_items"
    )
    index_number = models.CharField("索引号", max_length=80, unique=True, editable=False)
    index_year = models.PositiveSmallIntegerField(editable=False)
    index_serial = models.PositiveIntegerField(editable=False)
    category = models.CharField("分类", max_length=30, choices=CATEGORY_CHOICES, db_index=True)
    title = models.CharField("名称", max_length=300)
    doc_number = models.CharField("文号", max_length=120, blank=True)
    issuer = models.CharField("发文机关", max_length=200, blank=True)
    summary = models.TextField("内容概述", blank=True)
    body = models.TextField("正文", blank=True)
    # -- its life ---------------------------------------------------------------------------
    made_on = models.DateField("成文日期")
    published_on = models.DateField("发布日期", null=True, blank=True, db_index=True)
    amended_on = models.DateField("最近修订日期", null=True, blank=True)
    repealed_on = models.DateField("废止日期", null=True, blank=True)
    expires_on = models.DateField("有效期至", null=True, blank=True)
    interprets = models.ForeignKey(
        "self",
        verbose_name="解读的文件",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="interpretations",
    )
    # -- review (条例 第十七条) -----------------------------------------------------------------
    attribute = models.CharField("公开属性", max_length=20, choices=Attribute.choices, default=Attribute.PROACTIVE)
    attribute_reason = models.TextField("不公开或依申请公开的理由", blank=True)
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    scan_findings = models.JSONField("保密审查自动扫描结果", default=list, blank=True)
    review_comment = models.TextField("审核意见", blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="拟稿人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    withdrawn_reason = models.TextField("撤回理由", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects: ClassVar[models.Manager[Item]] = models.Manager()

    class Meta:
        verbose_name = "公开事项"
        verbose_name_plural = "公开事项"
        ordering = ("-published_on", "-id")
        constraints = (
            models.UniqueConstraint(fields=["agency", "index_year", "index_serial"], name="registry_one_serial"),
        )
        # The catalogue's pages: one agency's public items (published and proactive: both in the index,
        # or PostgreSQL walks the date index instead and filters five rows for each it keeps), newest
        # first, all or of one category; a deep page reads its ids from the index alone.
        indexes = (
            models.Index(fields=["agency", "status", "attribute", "published_on", "id"], name="registry_catalogue"),
            models.Index(
                fields=["agency", "status", "attribute", "category", "published_on", "id"],
                name="registry_catalogue_category",
            ),
        )

    def __str__(self) -> str:
        return f"{self.index_number} {self.title}"

    @property
    def is_public(self) -> bool:
        return self.status == Status.PUBLISHED and self.attribute == Attribute.PROACTIVE

    @property
    def is_document(self) -> bool:
        """规章 or 规范性文件: counted in table 二 by its life."""
        return self.category in DOCUMENT_CATEGORIES

    @property
    def serial_key(self) -> str:
        """The part of the 索引号 after the agency code: ``2021-29025`` (used in addresses)."""
        return f"{self.index_year}-{self.index_serial}"

    @property
    def validity_mark(self) -> str:
        """已废止 / 已失效 for a document no longer in force today (search results and lists show it)."""
        today = dt.date.today()
        if self.repealed_on is not None and self.repealed_on <= today:
            return "已废止"
        if self.expires_on is not None and self.expires_on < today:
            return "已失效"
        return ""

    def in_force_on(self, day: dt.date) -> bool:
        if self.published_on is None or self.published_on > day:
            return False
        if self.repealed_on is not None and self.repealed_on <= day:
            return False
        return not (self.expires_on is not None and self.expires_on < day)


class IndexCounter(models.Model):
    """The last serial used per agency and year: the 索引号 counter (incremented under a row lock)."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    objects: ClassVar[models.Manager[IndexCounter]] = models.Manager()

    class Meta:
        constraints = (models.UniqueConstraint(fields=["agency", "year"], name="registry_one_counter"),)


def _attachment_path(instance: Attachment, filename: str) -> str:
    # A random name: the stored path never reveals the title, and never collides.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"registry/{instance.item.agency_id}/{uuid.uuid4().hex}{suffix}"


class Attachment(models.Model):
    item = models.ForeignKey(Item, verbose_name="公开事项", on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField("文件", upload_to=_attachment_path)
    name = models.CharField("文件名", max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(default=0)
    text = models.TextField("提取的文字", blank=True)  # for the scan and the search
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[Attachment]] = models.Manager()

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"
        ordering = ("id",)

    def __str__(self) -> str:
        return self.name

    @property
    def agency(self) -> Any:
        return self.item.agency


class ActiveFigures(models.Model):
    """Table 二 figures the registry cannot count (行政许可/处罚/强制 decisions, fees, procurement),
    entered by the office per year, each row with where the figure comes from."""

    agency = models.ForeignKey("agencies.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    values = models.JSONField("数值", default=dict, blank=True)  # {row key: {field key: number}}
    sources = models.JSONField("数据来源", default=dict, blank=True)  # {row key: "来源说明"}
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects: ClassVar[models.Manager[ActiveFigures]] = models.Manager()

    class Meta:
        verbose_name = "表二填报数据"
        verbose_name_plural = "表二填报数据"
        constraints = (models.UniqueConstraint(fields=["agency", "year"], name="registry_one_figures_per_year"),)

    def __str__(self) -> str:
        return f"{self.agency} {self.year} 表二填报"
