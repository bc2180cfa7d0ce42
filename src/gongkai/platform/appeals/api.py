"""Appeals over the JSON API."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.responses import Status

from ..accounts.permissions import may_view, scope
from ..desk.models import Application
from ..inputs import Id, Input, Limit, Offset, column
from .models import Appeal
from .services import correct_appeal, file_appeal, record_result, withdraw_appeal

router = Router(tags=["复议诉讼 appeals"])


class AppealOut(Schema):
    id: int
    application_id: int
    agency_id: int
    kind: str
    group: str
    review_id: int | None
    body: str
    case_number: str
    filed_on: dt.date
    result: str
    decided_on: dt.date | None
    withdrawn_on: dt.date | None


class AppealIn(Input):
    application_id: Id
    kind: str
    filed_on: dt.date
    body: str = Field(max_length=column(Appeal, "body"))
    case_number: str = Field("", max_length=column(Appeal, "case_number"))
    review_id: Id | None = None


class ResultIn(Input):
    result: str
    decided_on: dt.date | None = None


def _out(appeal: Appeal) -> dict[str, Any]:
    return {
        "id": appeal.pk,
        "application_id": appeal.application_id,
        "agency_id": appeal.agency_id,
        "kind": appeal.kind,
        "group": appeal.group,
        "review_id": appeal.review_id,
        "body": appeal.body,
        "case_number": appeal.case_number,
        "filed_on": appeal.filed_on,
        "result": appeal.result,
        "decided_on": appeal.decided_on,
        "withdrawn_on": appeal.withdrawn_on,
    }


@router.get("/", response=list[AppealOut], summary="复议诉讼列表（按权限范围）")
def list_appeals(request: HttpRequest, limit: Limit = 100, offset: Offset = 0) -> list[dict[str, Any]]:
    appeals = scope(request.user, Appeal.objects.all(), agency_prefix="agency__").order_by("-filed_on", "-id")
    return [_out(a) for a in appeals[offset : offset + max(1, min(limit, 500))]]


@router.post("/", response={201: AppealOut}, summary="登记复议或诉讼（受理机关）")
def create(request: HttpRequest, body: AppealIn) -> Status[dict[str, Any]]:
    case = get_object_or_404(Application, pk=body.application_id)
    if not may_view(request.user, case):
        raise Http404
    review = get_object_or_404(Appeal, pk=body.review_id) if body.review_id else None
    appeal = file_appeal(
        request.user,
        case,
        kind=body.kind,
        filed_on=body.filed_on,
        body=body.body,
        case_number=body.case_number,
        review=review,
    )
    return Status(201, _out(appeal))


@router.post("/{appeal_id}/result", response=AppealOut, summary="登记结果")
def result(request: HttpRequest, appeal_id: Id, body: ResultIn) -> dict[str, Any]:
    appeal = get_object_or_404(Appeal, pk=appeal_id)
    if not may_view(request.user, appeal):
        raise Http404
    return _out(record_result(request.user, appeal, result=body.result, decided_on=body.decided_on))


class CorrectionIn(Schema):
    kind: str
    filed_on: dt.date
    body: str
    case_number: str = ""
    reason: str


class WithdrawalIn(Schema):
    reason: str


def _appeal(request: HttpRequest, appeal_id: int) -> Appeal:
    appeal = get_object_or_404(Appeal, pk=appeal_id)
    if not may_view(request.user, appeal):
        raise Http404
    return appeal


@router.post("/{appeal_id}/correct", response=AppealOut, summary="更正登记（记入审计）")
def correct(request: HttpRequest, appeal_id: int, body: CorrectionIn) -> dict[str, Any]:
    return _out(
        correct_appeal(
            request.user,
            _appeal(request, appeal_id),
            reason=body.reason,
            kind=body.kind,
            filed_on=body.filed_on,
            body=body.body,
            case_number=body.case_number,
        )
    )


@router.post("/{appeal_id}/withdraw", response=AppealOut, summary="撤销登记（不再计入表四，记入审计）")
def withdraw(request: HttpRequest, appeal_id: int, body: WithdrawalIn) -> dict[str, Any]:
    return _out(withdraw_appeal(request.user, _appeal(request, appeal_id), reason=body.reason))
