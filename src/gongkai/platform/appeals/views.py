"""Appeals pages: the list (scoped), filing one on a case, recording its result."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from ..accounts.permissions import PermissionDenied, may_change, scope
from ..desk.forms import date_widget
from ..desk.models import Application
from ..desk.services import DeskError
from .models import RESULT_CHOICES, Appeal, AppealKind
from .services import file_appeal, record_result


class AppealForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=AppealKind.choices)
    review = forms.IntegerField(label="此前的行政复议编号（复议后起诉时填写）", required=False)
    body = forms.CharField(label="复议机关或人民法院", max_length=200)
    case_number = forms.CharField(label="案号", max_length=100, required=False)
    filed_on = forms.DateField(label="申请（起诉）日期", initial=dt.date.today,
                               widget=date_widget())


class ResultForm(forms.Form):
    result = forms.ChoiceField(label="结果", choices=RESULT_CHOICES)
    decided_on = forms.DateField(label="审结日期", required=False, widget=date_widget())


@login_required
def appeal_list(request: HttpRequest) -> HttpResponse:
    appeals = scope(request.user, Appeal.objects.select_related("agency", "application"), agency_prefix="agency__")
    return render(request, "appeals/list.html", {"appeals": appeals[:500], "result_form": ResultForm()})


@login_required
def new_appeal(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = get_object_or_404(Application, pk=case_pk)
    if not may_change(request.user, case):
        raise Http404
    form = AppealForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        review = Appeal.objects.filter(pk=d["review"], application=case).first() if d["review"] else None
        try:
            file_appeal(request.user, case, kind=d["kind"], filed_on=d["filed_on"], body=d["body"],
                        case_number=d["case_number"], review=review)
        except DeskError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "已登记")
            return redirect("appeals:list")
    return render(request, "appeals/new.html", {"form": form, "case": case})


@login_required
def set_result(request: HttpRequest, pk: int) -> HttpResponse:
    # Looked up among the appeals this user may see: another office's appeal is "not found", never
    # "forbidden", so its existence is not revealed.
    appeal = get_object_or_404(scope(request.user, Appeal.objects.all(), agency_prefix="agency__"), pk=pk)
    form = ResultForm(request.POST)
    if request.method != "POST" or not form.is_valid():
        messages.error(request, "请填写结果")
        return redirect("appeals:list")
    try:
        record_result(request.user, appeal, **form.cleaned_data)
    except PermissionDenied as error:
        raise HttpForbidden(str(error)) from None
    except DeskError as error:
        messages.error(request, str(error))
    return redirect("appeals:list")
