"""Letters out (the office, the applicant, the tracking code holder) and template editing."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from ...render.to_pdf import PdfConversionError
from ..accounts.permissions import PermissionDenied, may_administer, may_approve, may_change, may_view, role_of
from ..desk.messages import chinese
from ..desk.models import OUTCOME_CHOICES, Application
from .defaults import NOTICES
from .dossier import dossier_pdf
from .models import IssuedLetter
from .placeholders import PLACEHOLDERS
from .render import template_for
from .responses import CONTENT_TYPES, letter_response
from .services import LetterTemplateError, save_template


@login_required
def case_letter(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    case = get_object_or_404(Application.objects.select_related("agency", "agency__parent"), pk=pk)
    if not may_view(request.user, case):
        raise Http404
    return letter_response(case, fmt)


def tracked_letter(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    """The holder of the tracking code gets the reply (it carries the name only, no other personal data)."""
    case = get_object_or_404(Application.objects.select_related("agency", "agency__parent"), tracking_code=code.upper())
    return letter_response(case, fmt)


def _send_notice(case: Application, kind: str) -> HttpResponse:
    if kind not in NOTICES:
        raise Http404
    return letter_response(case, "docx", kind)


@login_required
def case_notice(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    case = get_object_or_404(Application.objects.select_related("agency", "agency__parent"), pk=pk)
    if not may_view(request.user, case):
        raise Http404
    return _send_notice(case, kind)


def tracked_notice(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    case = get_object_or_404(Application.objects.select_related("agency", "agency__parent"), tracking_code=code.upper())
    return _send_notice(case, kind)


class TemplateForm(forms.Form):
    outcome = forms.ChoiceField(label="办理结果", choices=OUTCOME_CHOICES)
    title = forms.CharField(label="标题", max_length=200)
    body = forms.CharField(
        label="正文（用【申请人】这样的占位符，空行分段）", widget=forms.Textarea(attrs={"rows": 16})
    )


@login_required
def edit_templates(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    platform_wide = may_administer(user)
    agency = None if platform_wide else user.agency
    if not platform_wide and not (agency is not None and may_approve(user, agency)):
        raise HttpForbidden
    outcome = request.POST.get("outcome") or request.GET.get("outcome") or OUTCOME_CHOICES[0][0]
    if request.method == "POST":
        form = TemplateForm(request.POST)
        if form.is_valid():
            try:
                save_template(user, agency=agency, **form.cleaned_data)
            except (LetterTemplateError, PermissionDenied) as error:
                form.add_error(None, chinese(str(error)))
            else:
                messages.success(request, "模板已保存")
                return redirect(f"{request.path}?outcome={outcome}")
    else:
        probe = Application(agency=agency or user.agency, outcome=outcome) if (agency or user.agency) else None
        title, body = template_for(probe) if probe is not None else ("", "")
        form = TemplateForm(initial={"outcome": outcome, "title": title, "body": body})
    return render(
        request,
        "letters/edit.html",
        {"form": form, "agency": agency, "role": role_of(user), "placeholders": PLACEHOLDERS},
    )


@login_required
def case_dossier(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole case file as one PDF: the handling office only (it holds the applicant's data)."""
    case = get_object_or_404(Application.objects.select_related("agency", "agency__parent"), pk=pk)
    if not may_change(request.user, case):
        raise Http404
    try:
        data = dossier_pdf(case)
    except PdfConversionError as error:
        return HttpResponse(str(error), status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="dossier-{case.tracking_code}.pdf"'
    return response


@login_required
def issued_letter(request: HttpRequest, pk: int) -> HttpResponse:
    """One issued letter by its id (consultation letters, several per case): the handling office only."""
    letter = get_object_or_404(IssuedLetter.objects.select_related("application__agency"), pk=pk)
    if not may_change(request.user, letter.application):
        raise Http404
    response = HttpResponse(bytes(letter.docx), content_type=CONTENT_TYPES["docx"])
    response["Content-Disposition"] = f'attachment; filename="{letter.kind}-{letter.year}-{letter.sequence}.docx"'
    return response
