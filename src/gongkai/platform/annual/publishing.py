"""Publishing the annual report on the portal (条例 第四十九条/第五十条): only a report whose statutory
checks pass, by the office's head; and withdrawing it again, with a reason.

The report is compiled by ``compile.py`` (tables 三 and 四 from the cases, table 二 from the registry),
rendered by ``gongkai.render`` and kept as published: later changes to the records do not alter a
published report. Publishing again replaces it; withdrawing takes it off the portal (a report found
wrong, or carrying what it must not, comes down while it is corrected). Either way the earlier
publication is kept, marked withdrawn, and the audit trail says who, when and why.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from ...render.batch import render_document
from ..accounts.models import Actor, stored_user
from ..accounts.permissions import PermissionDenied, may_approve
from ..agencies.models import Agency
from ..audit.labels import Action
from ..audit.services import record
from ..locking import Conflict, lock_unchanged, locked
from . import documents
from .compile import compile_report
from .models import ReportPublication
from .services import AnnualError


class AnnualConflict(Conflict, AnnualError):
    pass


class NeedsConfirmation(AnnualError):
    """Publishing is allowed but the head must confirm, having read why (``concerns``)."""

    def __init__(self, concerns: list[str]) -> None:
        super().__init__("发布前请确认：" + "；".join(concerns) + " / confirm before publishing")
        self.concerns = concerns


def statutory_deadline(year: int) -> dt.date:
    """条例 第四十九条: the report on ``year`` is published by 31 January of the next year."""
    return dt.date(year + 1, 1, 31)


def publication_concerns(report: Any, year: int, on: dt.date) -> list[str]:
    """What a head should know before publishing: empty narrative parts, a missed deadline."""
    concerns = []
    empty = [f"{s.title or s.number}" for s in report.sections if s.number and not (s.text or "").strip()]
    if empty:
        concerns.append(
            f"正文有 {len(empty)} 部分没有文字说明（{'、'.join(empty)}），门户网站将显示“本报告数据未附此部分文字说明”"
        )
    deadline = statutory_deadline(year)
    if on > deadline:
        late = (on - deadline).days
        concerns.append(
            f"法定发布期限 {deadline.year}年{deadline.month}月{deadline.day}日 已过 {late} 天，发布后将按逾期发布记录"
        )
    return concerns


def publish_report(actor: Actor, agency: Agency, year: int, *, confirmed: bool = False) -> ReportPublication:
    """The head publishes ``agency``'s report on ``year``; refused while any check finds an error, and
    held for confirmation (``NeedsConfirmation``) while narrative parts are empty or it is late."""
    if not may_approve(actor, agency):
        raise PermissionDenied(
            "只有本机关政府信息公开工作机构负责人可以发布年度报告 / only the office's head publishes"
        )
    compiled = compile_report(agency, year)
    if compiled.errors:
        listed = "；".join(f.message_zh for f in compiled.errors[:5])
        raise AnnualError(
            f"年度报告有 {len(compiled.errors)} 处错误，不能发布：{listed} / "
            f"the report has {len(compiled.errors)} errors and cannot be published"
        )
    concerns = publication_concerns(compiled.report, year, timezone.localdate())
    if concerns and not confirmed:
        raise NeedsConfirmation(concerns)
    html = render_document(compiled.report, "html").decode("utf-8")
    with transaction.atomic():
        locked(Agency, agency.pk)  # one publication at a time per agency: never two current reports of a year
        earlier = list(ReportPublication.objects.filter(agency=agency, year=year, withdrawn=False))
        ReportPublication.objects.filter(pk__in=[p.pk for p in earlier]).update(withdrawn=True)
        publication = ReportPublication.objects.create(
            agency=agency,
            year=year,
            data=compiled.report.to_dict(),
            html=html,
            published_at=timezone.now(),
            published_by=stored_user(actor),
        )
        record(
            actor,
            Action.ANNUAL_PUBLISH_REPORT,
            publication,
            agency=agency,
            before={"replaced": [p.pk for p in earlier]} if earlier else None,
            after={"year": year, "active": compiled.report.active},
            note=("经确认发布：" + "；".join(concerns)) if concerns else "",
        )
        # The portal's PDF of the report as published, rendered by a job once this commits.
        documents.queue(documents.rendering_for(agency, year, publication.data))
    return publication


def withdraw_report(actor: Actor, publication: ReportPublication, reason: str) -> ReportPublication:
    """The head takes a published report off the portal, saying why; the record stays (withdrawn)."""
    if not may_approve(actor, publication.agency):
        raise PermissionDenied("只有本机关政府信息公开工作机构负责人可以撤回 / only the office's head withdraws")
    if not reason.strip():
        raise AnnualError("撤回须说明理由 / a reason is required")
    with transaction.atomic():
        publication = lock_unchanged(publication, ("withdrawn",), AnnualConflict)
        if publication.withdrawn:
            raise AnnualConflict("该年度报告已撤回 / the report is already withdrawn")
        publication.withdrawn = True
        publication.save(update_fields=["withdrawn"])
        record(
            actor,
            Action.ANNUAL_WITHDRAW_REPORT,
            publication,
            agency=publication.agency,
            before={"withdrawn": False},
            after={"withdrawn": True},
            note=reason.strip(),
        )
    return publication


def current_publication(agency: Agency, year: int) -> ReportPublication | None:
    """The report on ``year`` the portal shows now, if any."""
    return ReportPublication.objects.filter(agency=agency, year=year, withdrawn=False).order_by("-published_at").first()


def publications(agency: Agency, year: int) -> list[ReportPublication]:
    """Every publication of ``year``, newest first: the current one and those withdrawn or replaced."""
    return list(ReportPublication.objects.filter(agency=agency, year=year).order_by("-published_at", "-pk"))
