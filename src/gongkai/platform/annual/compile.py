"""Tables 三 and 四 of an agency's year, counted from the cases and appeals — right by construction.

Counting rules (each one the statutory meaning of a row):

* 一、本年新收 — applications whose receipt date (条例 第三十一条) falls in the year;
* 二、上年结转 — received before the year and not decided before it;
* 三、办理结果 — decided in the year, by outcome (a partly disclosed answer is only 部分公开); the 2019
  template's single （六）其他处理 is the sum of the 2021 template's three;
* 四、结转下年度继续办理 — received by the end of the year and not decided by then;
* columns — the applicant type of the case.

Applications never received (awaiting confirmation) are not counted. So each column balances
(new + carried over = processed + carried forward), rows add up to 总计, outcomes to （七）总计.

When an earlier year was imported (from its published report), the open applications it carried
forward may not all be on the desk: their number minus those that are (the *legacy* balance) is
added to both 上年结转 and 结转下年, so the series continues and every equation still holds; the
report says so in a note until the office registers those cases.

Table 四 counts appeals filed in the year, with the result known at its end (尚未审结 otherwise).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, Sum

from ...report.checks import Finding, check_report, check_series
from ...report.envelope import PLATFORM, SectionText
from ...report.model import Report
from ...report.templates import OTHER_HANDLING, REQUEST_COLUMNS, SECTIONS, TEMPLATE_2021, Template, template_for_year
from ..accounts.models import APPLICANT_TYPE_INDEX
from ..agencies.models import Agency
from ..appeals.models import Appeal
from ..desk.models import Application
from ..registry.tables import active_table
from .models import AnnualReport, Source

COLUMNS = len(REQUEST_COLUMNS)  # table 三's applicant columns, 总计 last
TOTAL = TEMPLATE_2021.total_column


@dataclass
class Compiled:
    report: Report
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    legacy: list[int] = field(default_factory=lambda: [0] * COLUMNS)
    previous: Report | None = None
    stored: AnnualReport | None = None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]


MAX_LISTED_IDS = 20_000  # beyond this many agencies a subquery replaces the list of ids


def _scope(agency: Agency, aggregate: bool, prefix: str = "agency__") -> Q:
    """The records of ``agency`` and, aggregated, of its subtree.

    Counting over a subtree groups many rows: the ids are listed (one indexed query) so the records'
    own ``agency`` indexes are used, and a root that holds every agency needs no filter at all.
    """
    if not aggregate:
        return Q(**{f"{prefix}id": agency.pk})
    subtree = Agency.objects.filter(path__startswith=agency.path)
    ids = list(subtree.values_list("id", flat=True)[: MAX_LISTED_IDS + 1])
    if len(ids) > MAX_LISTED_IDS:
        return Q(**{f"{prefix}id__in": subtree.values("id")})
    if agency.parent_id is None and len(ids) == Agency.objects.count():
        return Q()
    return Q(**{f"{prefix}id__in": ids})


def _row(counts: dict[str, int]) -> list[int]:
    row = [0] * COLUMNS
    for kind, n in counts.items():
        row[APPLICANT_TYPE_INDEX[kind]] += n
    row[TOTAL] = sum(row[:TOTAL])
    return row


def _by_type(queryset: Any) -> dict[str, int]:
    return {r["applicant_type"]: r["n"] for r in queryset.values("applicant_type").annotate(n=Count("id")).order_by()}


def outcome_row_key(template: Template, outcome: str) -> str:
    """The row of ``template`` an outcome counts in (2019: the three 其他处理 rows are one)."""
    if outcome in template.requests_by_key:
        return outcome
    row = TEMPLATE_2021.requests_by_key.get(outcome)  # the desk's outcomes are 2021's rows
    if row is not None and row.group == OTHER_HANDLING and "other" in template.requests_by_key:
        return "other"
    raise KeyError(f"outcome {outcome!r} has no row in template {template.id}")


def open_at_end(scope: Q, year: int) -> Any:
    end = dt.date(year, 12, 31)
    return Application.objects.filter(scope, receipt_date__lte=end).filter(
        Q(decided_on__isnull=True) | Q(decided_on__gt=end)
    )


def count_requests(scope: Q, year: int, template: Template) -> dict[str, list[int]]:
    """Table 三 of ``year`` over the cases matching ``scope``: one grouped query, one pass over the rows.

    Every case that touches the year (received by its end, not decided before its start) is grouped
    by applicant type and outcome; conditional counts give the four quantities of each group.
    """
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    undecided_at_start = Q(decided_on__isnull=True) | Q(decided_on__gte=start)
    undecided_at_end = Q(decided_on__isnull=True) | Q(decided_on__gt=end)
    groups = (
        Application.objects.filter(scope, receipt_date__lte=end)
        .filter(undecided_at_start)
        .values("applicant_type", "outcome")
        .annotate(
            new=Count("id", filter=Q(receipt_date__gte=start)),
            old=Count("id", filter=Q(receipt_date__lt=start)),
            decided=Count("id", filter=Q(decided_on__gte=start, decided_on__lte=end)),
            carried=Count("id", filter=undecided_at_end),
        )
        .order_by()
    )
    table = {row.key: [0] * COLUMNS for row in template.request_rows}
    for group in groups:
        column = APPLICANT_TYPE_INDEX[group["applicant_type"]]
        table["new_received"][column] += group["new"]
        table["carried_over"][column] += group["old"]
        table["carried_forward"][column] += group["carried"]
        if group["decided"]:
            table[outcome_row_key(template, group["outcome"])][column] += group["decided"]
    for row in template.request_rows:
        if row.key != "total_processed":
            table[row.key][TOTAL] = sum(table[row.key][:TOTAL])
    table["total_processed"] = [sum(table[row.key][c] for row in template.outcome_rows) for c in range(COLUMNS)]
    return table


def count_appeals(scope: Q, year: int, template: Template) -> dict[str, dict[str, int]]:
    """Table 四 of ``year``: one grouped query by kind and result, with conditional counts."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    table = {g.key: {f.key: 0 for f in template.appeal_fields} for g in template.appeal_groups}
    items = (
        Appeal.active.filter(scope, filed_on__gte=start, filed_on__lte=end)
        .values("kind", "result")
        .annotate(
            n=Count("id"),
            after=Count("id", filter=Q(review__isnull=False)),
            late=Count("id", filter=Q(decided_on__gt=end)),  # decided after the year: still pending then
            late_after=Count("id", filter=Q(decided_on__gt=end, review__isnull=False)),
        )
        .order_by()
    )
    for item in items:
        if item["kind"] == "review":
            parts = [("review", item["n"], item["late"])]
        else:
            parts = [
                ("litigation_direct", item["n"] - item["after"], item["late"] - item["late_after"]),
                ("litigation_after_review", item["after"], item["late_after"]),
            ]
        for group, total, late in parts:
            table[group][item["result"]] += total - late
            table[group]["pending"] += late
    for cells in table.values():
        cells["total"] = sum(v for k, v in cells.items() if k != "total")
    return table


def _legacy(agency: Agency, aggregate: bool, year: int) -> tuple[list[int], list[str]]:
    """The carried-forward applications of imported earlier years that are not on the desk."""
    imports = AnnualReport.objects.filter(_scope(agency, aggregate), source=Source.IMPORTED, year__lt=year)
    latest: dict[int, AnnualReport] = {}
    for stored in imports.order_by("year"):
        latest[stored.agency_id] = stored
    legacy = [0] * COLUMNS
    notes = []
    for stored in latest.values():
        carried = (stored.imported or {}).get("requests", {}).get("carried_forward") or [0] * COLUMNS
        on_desk = _row(_by_type(open_at_end(Q(agency_id=stored.agency_id), stored.year)))
        for c in range(COLUMNS):
            legacy[c] += (carried[c] or 0) - on_desk[c]
        if any((carried[c] or 0) != on_desk[c] for c in range(COLUMNS)):
            notes.append(
                f"{stored.agency} {stored.year} 年度报告（导入）结转下年 {carried[TOTAL]} 件，平台登记的其中 "
                f"{on_desk[TOTAL]} 件；差额计入上年结转和结转下年，请在平台补录这些申请。"
            )
    return legacy, notes


def stored_report(agency: Agency, year: int) -> AnnualReport | None:
    return AnnualReport.objects.filter(agency=agency, year=year).first()


def _active(agency: Agency, aggregate: bool, year: int, template: Template) -> dict[str, dict[str, Any]]:
    """Table 二 from the publication registry: documents counted, other figures as the office entered them."""
    return active_table(agency, year, template, aggregate=aggregate)


def fees_collected(scope: Q, year: int) -> tuple[int, int]:
    """(yuan, applications): information-processing fees paid in ``year`` (reported under 六)."""
    paid = Application.objects.filter(
        scope, fee_paid_on__gte=dt.date(year, 1, 1), fee_paid_on__lte=dt.date(year, 12, 31)
    )
    totals = paid.aggregate(yuan=Sum("fee_amount"), n=Count("id"))
    return int(totals["yuan"] or 0), int(totals["n"] or 0)


def _sections(stored: AnnualReport | None, fees: tuple[int, int]) -> list[SectionText]:
    given = dict((stored.sections if stored else None) or {})
    if not given.get("六"):  # what the statute asks under 六 and the records know: the fees collected
        yuan, count = fees
        given["六"] = (
            f"本年度收取政府信息公开信息处理费 {yuan} 元（{count} 件申请）。"
            if count
            else "本年度未收取政府信息公开信息处理费。"
        )
    return [SectionText(s.number, s.title, given.get(s.number)) for s in SECTIONS]


def compile_report(agency: Agency, year: int, *, aggregate: bool = False, with_previous: bool = True) -> Compiled:
    """The report of ``agency`` (with everything under it when ``aggregate``) on ``year``, checked."""
    template = template_for_year(year)
    stored = None if aggregate else stored_report(agency, year)
    if stored is not None and stored.source == Source.IMPORTED and stored.imported:
        report = Report.from_dict(stored.imported, source=stored.imported_from or None)
        compiled = Compiled(report, stored=stored, notes=["导入的已发布报告，数据按原文 / imported as published"])
    else:
        scope = _scope(agency, aggregate)
        requests: dict[str, list[int | None]] = {k: list(v) for k, v in count_requests(scope, year, template).items()}
        legacy, notes = _legacy(agency, aggregate, year)
        if any(legacy):
            for c in range(COLUMNS):
                for key in ("carried_over", "carried_forward"):
                    value = requests[key][c]
                    requests[key][c] = (value or 0) + legacy[c]
        name = agency.name + ("（含所属机关）" if aggregate else "")
        report = Report(
            agency=name,
            year=year,
            template=template,
            active=_active(agency, aggregate, year, template),
            requests=requests,
            appeals={k: dict(v) for k, v in count_appeals(scope, year, template).items()},
            sections=_sections(stored, fees_collected(scope, year)),
            source=PLATFORM,
            extra={"aggregate": aggregate},
        )
        compiled = Compiled(report, notes=notes, legacy=legacy, stored=stored)
    compiled.findings = check_report(compiled.report)
    if with_previous:
        previous = compile_report(agency, year - 1, aggregate=aggregate, with_previous=False)
        if _has_data(previous.report) or (previous.stored is not None):
            compiled.previous = previous.report
            previous.report.agency = compiled.report.agency  # one series, whatever the printed name
            compiled.findings += check_series([previous.report, compiled.report])
    return compiled


def _has_data(report: Report) -> bool:
    return any(v for values in report.requests.values() for v in values if v)
