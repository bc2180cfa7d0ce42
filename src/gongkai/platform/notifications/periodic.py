"""The periodic work, one ``tick`` every few minutes; each part idempotent, so a tick run twice (two
schedulers, a retried job) changes nothing more:

- messages waiting (quiet hours over, a retry's time come) are sent; stale claims become unconfirmed;
- lapsed cases are closed (补正 or fee deadline passed: ``desk.services.sweep`` closes only open ones);
- on a working day from 08:00, the office's digest of due-soon (≤ 5 working days) and overdue cases,
  keyed by user and day;
- the annual report's statutory deadline (条例 第四十九条: departments by 1月31日, governments by
  3月31日), 15 and 5 days before, keyed by agency, year and stage.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Count
from django.utils import timezone

from ..agencies.models import Agency, AgencyKind
from ..annual.models import AnnualReport, Source
from ..desk.models import Application
from ..desk.queries import due_soon, overdue
from ..desk.services import sweep, work_calendar
from .drafts import Draft, for_staff, office_staff, url
from .services import deliver, deliver_waiting, store, sweep_stale

DIGEST_HOUR = 8
DUE_SOON_WORKDAYS = 5
REMIND_DAYS_BEFORE = (15, 5)
GOVERNMENT_KINDS = (AgencyKind.PROVINCE, AgencyKind.CITY, AgencyKind.COUNTY, AgencyKind.TOWN)


def tick(now: dt.datetime | None = None) -> str:
    now = now or timezone.now()
    on = timezone.localtime(now).date()
    done = [f"sent {deliver_waiting(now)}", f"unconfirmed {sweep_stale(now)}", f"closed {len(sweep(on))}"]
    if timezone.localtime(now).hour >= DIGEST_HOUR:
        done.append(f"digest {send(digest_drafts(on))}")
        done.append(f"annual {send(annual_drafts(on))}")
    return ", ".join(done)


def send(drafts: list[Draft]) -> int:
    return sum(deliver(message) == "sent" for message in store(drafts) if message.status == "pending")


def digest_drafts(on: dt.date) -> list[Draft]:
    """Each office's due-soon and overdue cases on ``on``, to its clerks and head — on working days only."""
    calendar = work_calendar()
    if not calendar.is_workday(on):
        return []
    cases = Application.objects.all()
    groups = {"overdue": overdue(cases, on), "soon": due_soon(cases, on, calendar, DUE_SOON_WORKDAYS)}
    listed: dict[int, dict[str, list[tuple[str, dt.date]]]] = defaultdict(lambda: {"overdue": [], "soon": []})
    counts: dict[int, dict[str, int]] = defaultdict(lambda: {"overdue": 0, "soon": 0})
    for name, queryset in groups.items():
        for row in queryset.values("agency").annotate(n=Count("id")):
            counts[row["agency"]][name] = row["n"]
    for name, queryset in groups.items():  # the first 30 of each list by due date, per agency
        for agency_id in list(counts):
            for code, due in (
                queryset.filter(agency_id=agency_id)
                .order_by("due_date", "id")
                .values_list("tracking_code", "due_date")[:30]
            ):
                if due is not None:
                    listed[agency_id][name].append((code, due))
    drafts: list[Draft] = []
    for agency in Agency.objects.filter(pk__in=list(counts)).order_by("id"):
        n = counts[agency.pk]
        lines = [
            f"{on:%Y年%-m月%-d日}，{agency.display_name}：逾期未答复 {n['overdue']} 件，"
            f"{DUE_SOON_WORKDAYS} 个工作日内到期 {n['soon']} 件。"
        ]
        for name, title in (("overdue", "逾期未答复"), ("soon", "即将到期")):
            if listed[agency.pk][name]:
                lines.append(f"{title}：")
                lines += [f"  {code}  答复期限 {due:%Y-%m-%d}" for code, due in listed[agency.pk][name]]
        drafts += for_staff(
            f"digest:{on.isoformat()}:agency{agency.pk}",
            "digest",
            office_staff(agency),
            f"答复期限提醒（{on:%-m月%-d日}）：逾期 {n['overdue']} 件，即将到期 {n['soon']} 件",
            "\n".join(lines),
            link=url("/desk/?tab=soon"),
            agency=agency,
        )
    return drafts


def annual_deadline(agency_kind: str, year: int) -> dt.date:
    """When the annual report on ``year - 1`` must be published (第四十九条)."""
    return dt.date(year, 3, 31) if agency_kind in GOVERNMENT_KINDS else dt.date(year, 1, 31)


def annual_drafts(on: dt.date) -> list[Draft]:
    drafts: list[Draft] = []
    departments = tuple(kind for kind in AgencyKind.values if kind not in GOVERNMENT_KINDS)
    for kinds, deadline in ((GOVERNMENT_KINDS, dt.date(on.year, 3, 31)), (departments, dt.date(on.year, 1, 31))):
        days_left = (deadline - on).days
        if not 0 <= days_left <= max(REMIND_DAYS_BEFORE):
            continue
        stage = min(days for days in REMIND_DAYS_BEFORE if days_left <= days)
        published = AnnualReport.objects.filter(year=on.year - 1, source=Source.IMPORTED).values("agency")
        agencies = Agency.objects.filter(kind__in=kinds, staff__isnull=False).exclude(pk__in=published).distinct()
        for agency in agencies.order_by("id"):
            drafts += for_staff(
                f"annual:{on.year - 1}:agency{agency.pk}:{stage}",
                "annual.deadline",
                office_staff(agency),
                f"{on.year - 1}年度政府信息公开工作年度报告应于{deadline:%-m月%-d日}前公布",
                f"依《政府信息公开条例》第四十九条，{agency.display_name}应于{deadline:%Y年%-m月%-d日}前公布"
                f"{on.year - 1}年度政府信息公开工作年度报告（还有 {(deadline - on).days} 天）。",
                link=url("/annual/"),
                agency=agency,
            )
    return drafts
