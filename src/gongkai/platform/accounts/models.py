"""Users and their roles.

One role per user: an applicant (with the applicant type that decides the column of table 三), the
clerk or head of one agency's disclosure office, a supervisor of an agency and everything under it,
or a platform administrator. What each role may see and change is decided in ``permissions.py``.
"""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.db import models

from ...report.templates import REQUEST_COLUMNS

# The six applicant columns of table 三 (the seventh, 总计, is their sum): keys and labels come
# from the statutory template, never spelled here.
APPLICANT_TYPE_CHOICES: list[tuple[str, str]] = [
    (column.key, column.full_label) for column in REQUEST_COLUMNS if column.key != "total"
]
APPLICANT_TYPE_INDEX: dict[str, int] = {column.key: column.index for column in REQUEST_COLUMNS}
NATURAL_PERSON = REQUEST_COLUMNS[0].key


class Role(models.TextChoices):
    APPLICANT = "applicant", "申请人"
    CLERK = "clerk", "公开办经办人"
    HEAD = "head", "公开办负责人"
    SUPERVISOR = "supervisor", "监督人员"
    ADMIN = "admin", "平台管理员"


# Roles tied to one agency (clerk, head) or to an agency and its subtree (supervisor).
AGENCY_ROLES = (Role.CLERK, Role.HEAD, Role.SUPERVISOR)


class User(AbstractUser):
    role = models.CharField("角色", max_length=20, choices=Role.choices, default=Role.APPLICANT, db_index=True)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name="所属机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
    )
    display_name = models.CharField("姓名或名称", max_length=200, blank=True)
    applicant_type = models.CharField(
        "申请人类型", max_length=20, choices=APPLICANT_TYPE_CHOICES, default=NATURAL_PERSON
    )
    # Personal data of an applicant: shown to the applicant and to the office handling a case only.
    id_number = models.CharField("证件号码", max_length=40, blank=True)
    phone = models.CharField("联系电话", max_length=40, blank=True)
    address = models.CharField("通信地址", max_length=300, blank=True)

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"

    def __str__(self) -> str:
        return self.display_name or self.username

    def clean(self) -> None:
        """What every way of changing a user enforces, the admin's form included (it calls this)."""
        super().clean()
        if self.role in AGENCY_ROLES and self.agency_id is None:
            raise ValidationError(
                {"agency": f"{Role(self.role).label}必须属于一个机关 / a {self.role} belongs to an agency"}
            )

    @property
    def is_platform_admin(self) -> bool:
        return self.is_active and (self.is_superuser or self.role == Role.ADMIN)


class ApiToken(models.Model):
    """A token for scripts calling the JSON API (``Authorization: Bearer <token>``).

    Only a hash is stored; the token itself is shown once, when it is made.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    label = models.CharField("用途", max_length=100, blank=True)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "接口令牌"
        verbose_name_plural = "接口令牌"

    def __str__(self) -> str:
        return f"{self.label or '接口令牌'}（{self.user}）"

    @staticmethod
    def hash(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def issue(cls, user: User, label: str = "") -> tuple[ApiToken, str]:
        token = "gk_" + secrets.token_urlsafe(32)
        return cls.objects.create(user=user, label=label, digest=cls.hash(token)), token


# Who does something on the platform: a signed-in user, the public (anonymous), or the system itself
# (None: scheduled work). Service functions take this, never ``Any``.
Actor = User | AnonymousUser | None


def stored_user(actor: Actor) -> User | None:
    """The actor as a user row a record can point at (``drafted_by`` …): None for the public and the system."""
    return actor if isinstance(actor, User) else None
