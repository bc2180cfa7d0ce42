"""Reminders: per agency, what is overdue, due within five working days, and lapsed.

``--close`` also closes what the applicant let lapse (clarification or fee past its deadline).
Run it daily (cron / systemd timer).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db.models import Count

from ...models import Application
from ...queries import due_soon, lapsed, overdue
from ...services import sweep, today, work_calendar


class Command(BaseCommand):
    help = "答复期限提醒：逾期、即将到期（5 个工作日内）、申请人逾期未补正或未缴费"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="按哪一天计算（默认今天） / the day to compute for (YYYY-MM-DD)")
        parser.add_argument(
            "--close", action="store_true", help="关闭申请人逾期未补正、未缴费的申请 / close lapsed cases"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        on = dt.date.fromisoformat(options["date"]) if options["date"] else today()
        calendar = work_calendar()
        cases = Application.objects.all()
        groups = {
            "逾期未答复 / overdue": overdue(cases, on),
            "5 个工作日内到期 / due soon": due_soon(cases, on, calendar),
            "申请人逾期未补正或未缴费 / lapsed": lapsed(cases, on),
        }
        for title, queryset in groups.items():
            rows = queryset.values("agency__name").annotate(n=Count("id")).order_by("agency__name")
            self.stdout.write(f"== {title}")
            for row in rows:
                self.stdout.write(f"  {row['agency__name']}: {row['n']}")
            for case in queryset.select_related("agency").order_by("due_date")[:50]:
                self.stdout.write(
                    f"    {case.tracking_code} {case.agency.display_name} 期限 {case.due_date} {case.description[:30]}"
                )
        if options["close"]:
            closed = sweep(on)
            self.stdout.write(f"已关闭 {len(closed)} 件 / closed {len(closed)} lapsed cases")
        if warning := calendar.warning():
            self.stderr.write(warning)
