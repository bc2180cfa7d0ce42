"""Editing letter templates: an agency's head for the agency, an administrator for the platform."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ..accounts.models import Actor, stored_user
from ..accounts.permissions import PermissionDenied, may_administer, may_approve
from ..audit.labels import Action
from ..audit.services import record
from ..desk.models import OUTCOME_LABELS
from ..errors import RuleError
from .models import LetterTemplate
from .placeholders import PlaceholderError, check


class LetterTemplateError(RuleError):
    code = "letter_template"


def check_template(outcome: str, body: str) -> None:
    """LetterTemplateError unless ``body`` is a valid template for a known outcome (pages, API, admin):
    Chinese placeholders only (``placeholders.check``), no template syntax."""
    if outcome not in OUTCOME_LABELS:
        raise LetterTemplateError(f"未知的办理结果 / unknown outcome {outcome!r}")
    try:
        check(body)
    except PlaceholderError as error:
        raise LetterTemplateError(str(error)) from None


def save_template(actor: Actor, *, outcome: str, title: str, body: str, agency: Any = None) -> LetterTemplate:
    if agency is None and not may_administer(actor):
        raise PermissionDenied("只有平台管理员可以修改全平台模板 / only administrators edit platform templates")
    if agency is not None and not may_approve(actor, agency):
        raise PermissionDenied("只有本机关公开办负责人可以修改模板 / only the office's head edits its templates")
    check_template(outcome, body)
    with transaction.atomic():
        existing = LetterTemplate.objects.filter(agency=agency, outcome=outcome).first()
        before = {"title": existing.title, "body": existing.body} if existing else None
        template = existing or LetterTemplate(agency=agency, outcome=outcome)
        template.title, template.body, template.updated_by = title, body, stored_user(actor)
        template.save()
        record(
            actor, Action.LETTERS_TEMPLATE, template, before=before, after={"title": title, "body": body}, agency=agency
        )
    return template
