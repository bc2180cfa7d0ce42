"""Derived indicators of published reports, each with its written definition, and rankings that
leave out agencies with too few cases to say anything.

The figures an indicator needs are kept as columns of ``PublishedReport`` (filled from the current
version by ``figures``), so a region's side-by-side table is one query and never a loop over
report data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, QuerySet, Sum

from ...report.model import Report
from ...report.templates import TEMPLATE_2021
from ..agencies.models import Agency
from ..desk.models import Application
from .models import PublishedReport

MIN_SAMPLE = 10  # fewer cases than this: the agency is shown but not ranked
_DENIED = TEMPLATE_2021.request_row("denied_state_secret").group
FIGURES = ("received", "processed", "granted", "partly", "refused", "appeals_decided", "appeals_corrected")


def figures(data: dict[str, Any]) -> dict[str, int | None]:
    """The indicator figures of one report's data (None where a cell is unknown)."""
    try:
        report = Report.from_dict(data)
    except ValueError:
        return dict.fromkeys(FIGURES)
    total = report.template.total_column
    row = report.requests

    def cell(key: str) -> int | None:
        return row[key][total] if key in row else None

    denied = [row[r.key][total] for r in report.template.request_rows if r.group == _DENIED]
    groups = report.appeals.values()
    decided = [None if g["total"] is None or g["pending"] is None else g["total"] - g["pending"] for g in groups]
    corrected = [g["corrected"] for g in groups]
    return {
        "received": cell("new_received"),
        "processed": cell("total_processed"),
        "granted": cell("granted"),
        "partly": cell("partially_granted"),
        "refused": None if any(v is None for v in denied) else sum(v for v in denied if v is not None),
        "appeals_decided": None if any(v is None for v in decided) else sum(v for v in decided if v is not None),
        "appeals_corrected": None if any(v is None for v in corrected) else sum(v for v in corrected if v is not None),
    }


@dataclass(frozen=True)
class Indicator:
    key: str
    title: str
    definition: str
    sample: str  # the figure that must reach MIN_SAMPLE for a ranking


# The definitions quote the statutory labels from the templates (the one place they are spelled).
_ROW = {key: TEMPLATE_2021.request_row(key) for key in ("new_received", "granted", "total_processed")}
_PROCESSED = f"“{_ROW['total_processed'].printed}”（总计列）"
_GROUPS = "、".join(g.label for g in TEMPLATE_2021.appeal_groups)
_FIELD = {f.key: f.label for f in TEMPLATE_2021.appeal_fields}

INDICATORS: tuple[Indicator, ...] = (
    Indicator("received", "收到申请数", f"表三“{_ROW['new_received'].label}”的总计列。", "received"),
    Indicator("share_granted", "予以公开比例", f"表三“{_ROW['granted'].label}”÷{_PROCESSED}。", "processed"),
    Indicator("share_partly", "部分公开比例", f"表三“部分公开”行÷{_PROCESSED}。", "processed"),
    Indicator("share_refused", "不予公开比例", f"表三“{_DENIED}”各行之和÷{_PROCESSED}。", "processed"),
    Indicator(
        "correction_rate",
        "纠错率",
        f"表四{_GROUPS}三组“{_FIELD['corrected']}”之和÷三组已审结数（{_FIELD['total']}减{_FIELD['pending']}）之和。",
        "appeals_decided",
    ),
    Indicator(
        "on_time_rate",
        "按时答复率",
        "仅限办理记录在本平台的机关：本年作出答复的申请中，答复日期不晚于答复期限的比例（期限按条例第三十三条"
        "计算，含依法延期、补正与征求意见的扣除）。",
        "answered",
    ),
)
INDICATORS_BY_KEY = {i.key: i for i in INDICATORS}


def _share(part: int | None, whole: int | None) -> float | None:
    return None if part is None or not whole else part / whole


def region_rows(root: Agency, year: int) -> list[dict[str, Any]]:
    """Each published report of the region and year with its indicators: two grouped queries."""
    reports: QuerySet[PublishedReport] = PublishedReport.objects.filter(agency__path__startswith=root.path, year=year)
    rows = list(
        reports.values("pk", "agency_id", "agency__name", "agency__path", "published_on", *FIGURES).order_by(
            "agency__path"
        )
    )
    desk = on_time_by_agency(root, year)
    for row in rows:
        row.update(_indicators(row, desk.get(row["agency_id"])))
    return rows


def agency_rows(agency: Agency) -> list[dict[str, Any]]:
    """One agency's published reports over the years, with the same indicators."""
    rows = list(
        PublishedReport.objects.filter(agency=agency)
        .values("pk", "agency_id", "agency__name", "year", "published_on", *FIGURES)
        .order_by("year")
    )
    for row in rows:
        desk = on_time_by_agency(agency, row["year"], subtree=False).get(agency.pk)
        row.update(_indicators(row, desk))
    return rows


def _indicators(row: dict[str, Any], desk: tuple[int, int] | None) -> dict[str, Any]:
    answered, on_time = desk or (0, 0)
    return {
        "share_granted": _share(row["granted"], row["processed"]),
        "share_partly": _share(row["partly"], row["processed"]),
        "share_refused": _share(row["refused"], row["processed"]),
        "correction_rate": _share(row["appeals_corrected"], row["appeals_decided"]),
        "answered": answered if desk else None,
        "on_time_rate": _share(on_time, answered) if desk else None,
    }


def on_time_by_agency(root: Agency, year: int, subtree: bool = True) -> dict[int, tuple[int, int]]:
    """Agency id → (answered in the year, answered by the due date), from the desk: one grouped query."""
    where = Q(agency__path__startswith=root.path) if subtree else Q(agency=root)
    grouped = (
        Application.objects.filter(where, decided_on__year=year)
        .values("agency_id")
        .annotate(answered=Count("pk"), on_time=Count("pk", filter=Q(decided_on__lte=F("due_date"))))
        .order_by()
    )
    return {g["agency_id"]: (g["answered"], g["on_time"]) for g in grouped}


def region_totals(root: Agency, year: int) -> dict[str, Any]:
    """Applications per agency and the region's shares, summed in the database."""
    sums = PublishedReport.objects.filter(agency__path__startswith=root.path, year=year).aggregate(
        reports=Count("pk"), **{f: Sum(f) for f in FIGURES}
    )
    return {
        "reports": sums["reports"],
        "per_agency": _share(sums["received"], sums["reports"]),
        **{k: v for k, v in sums.items() if k != "reports"},
    }


def ranked(
    rows: list[dict[str, Any]], key: str, minimum: int = MIN_SAMPLE
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(ranked rows, highest first, each with ``rank``; rows left out for a small sample or no value)."""
    indicator = INDICATORS_BY_KEY[key]
    eligible = [r for r in rows if r.get(key) is not None and (r.get(indicator.sample) or 0) >= minimum]
    left_out = [r for r in rows if r not in eligible]
    eligible.sort(key=lambda r: r[key], reverse=True)
    for position, row in enumerate(eligible, 1):
        row["rank"] = position
    return eligible, left_out
