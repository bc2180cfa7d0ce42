"""The calendar page: which years are known, and the form to enter a year's schedule."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ..accounts.permissions import may_administer
from .calendar import WorkCalendar
from .models import YearSchedule
from .services import ScheduleError, enter_schedule, parse_days
from .signals import announce_schedule_change


class ScheduleForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2200)
    document = forms.CharField(label="依据（国务院办公厅通知文号）", max_length=200, required=False)
    holidays = forms.CharField(
        label="放假日期（每行一个日期或范围，如 2027-10-01..2027-10-07 国庆节）", widget=forms.Textarea
    )
    workdays = forms.CharField(
        label="调休上班日期（每行一个，如 2027-09-26 国庆节）", widget=forms.Textarea, required=False
    )


def calendar_page(request: HttpRequest) -> HttpResponse:
    if not may_administer(request.user):
        raise HttpForbidden
    form = ScheduleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            enter_schedule(
                request.user,
                data["year"],
                holidays=parse_days(data["holidays"]),
                workdays=parse_days(data["workdays"]),
                document=data["document"],
            )
        except ScheduleError as error:
            form.add_error(None, str(error))
        else:
            changed = announce_schedule_change(request.user, data["year"])
            messages.success(request, f"{data['year']} 年放假安排已保存，{changed} 件申请的答复期限已重新计算。")
            return redirect("workdays:page")
    this_year = dt.date.today().year
    calendar = WorkCalendar.from_database()
    years = []
    for year in range(this_year - 1, this_year + 3):
        calendar.is_workday(dt.date(year, 6, 1))
        years.append(
            {
                "year": year,
                "entered": YearSchedule.objects.filter(year=year).first(),
                "missing": year in calendar.missing_years,
            }
        )
    return render(request, "workdays/page.html", {"form": form, "years": years})
