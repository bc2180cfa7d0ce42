"""The tree of agencies: province → city → county → departments and towns, any depth.

Each agency stores its materialized path (``path``: the ids of its ancestors and itself, fixed width,
``/`` after each), so "this agency and everything under it" is one indexed prefix query
(``path__startswith``) however deep the tree and however many agencies there are.
"""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr

PATH_STEP = 10  # digits per level: ids up to 9,999,999,999


def path_segment(pk: int) -> str:
    return f"{pk:0{PATH_STEP}d}/"


class AgencyKind(models.TextChoices):
    PROVINCE = "province", "省级人民政府"
    CITY = "city", "市级人民政府"
    COUNTY = "county", "县级人民政府"
    DEPARTMENT = "department", "政府部门"
    TOWN = "town", "乡镇（街道）"
    OFFICE = "office", "办公室"
    OTHER = "other", "其他机关"


class AgencyQuerySet(models.QuerySet["Agency"]):
    def subtree(self, root: Agency) -> AgencyQuerySet:
        """``root`` and every agency under it."""
        return self.filter(path__startswith=root.path)


class Agency(models.Model):
    name = models.CharField("名称", max_length=200)
    short_name = models.CharField("简称", max_length=100, blank=True)
    code = models.CharField(
        "机关代码", max_length=40, blank=True, db_index=True, help_text="索引号的前缀，如 002541000"
    )
    kind = models.CharField("类别", max_length=20, choices=AgencyKind.choices, default=AgencyKind.OTHER)
    parent = models.ForeignKey(
        "self", verbose_name="上级机关", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    depth = models.PositiveSmallIntegerField(editable=False, default=0)
    # What a reply letter (第三十六条) and the public guide print about the office.
    office_name = models.CharField("政府信息公开工作机构", max_length=200, blank=True)
    address = models.CharField("办公地址", max_length=300, blank=True)
    phone = models.CharField("咨询电话", max_length=60, blank=True)
    postcode = models.CharField("邮政编码", max_length=10, blank=True)
    website = models.URLField("网站", blank=True)
    # Where an applicant appeals (行政复议机关 / 人民法院), printed in the letter's remedies.
    review_body = models.CharField("行政复议机关", max_length=200, blank=True)
    court = models.CharField("管辖法院", max_length=200, blank=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = "机关"
        verbose_name_plural = "机关"
        ordering = ("path",)

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        with transaction.atomic():
            creating = self.pk is None
            if creating:
                super().save(*args, **kwargs)  # the id is part of the path
            old_path = self.path
            parent_path = self.parent.path if self.parent is not None else ""
            if not creating and parent_path.startswith(old_path):
                raise ValueError(f"机关不能隶属于自己的下级 / {self} cannot sit under its own subtree")
            self.path = parent_path + path_segment(self.pk)
            self.depth = self.path.count("/") - 1
            if creating:
                super().save(update_fields=["path", "depth"])
                return
            super().save(*args, **kwargs)
            if old_path != self.path:
                self._move_descendants(old_path)

    def _move_descendants(self, old_path: str) -> None:
        # A moved agency takes its subtree with it: one UPDATE rewrites every descendant's prefix.
        Agency.objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
            path=Concat(Value(self.path), Substr("path", len(old_path) + 1)),
            depth=F("depth") + (self.depth - (old_path.count("/") - 1)),
        )

    # -- the tree ---------------------------------------------------------------------------

    def ancestor_ids(self) -> list[int]:
        """Ids from the root down to this agency's parent."""
        return [int(part) for part in self.path.strip("/").split("/")[:-1] if part]

    def ancestors(self) -> models.QuerySet[Agency]:
        return Agency.objects.filter(pk__in=self.ancestor_ids()).order_by("depth")

    def subtree(self) -> AgencyQuerySet:
        return Agency.objects.subtree(self)

    def is_within(self, root: Agency) -> bool:
        """True when this agency is ``root`` or under it."""
        return bool(root.path) and self.path.startswith(root.path)

    @property
    def display_name(self) -> str:
        return self.short_name or self.name
