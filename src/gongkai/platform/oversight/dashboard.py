"""The region's year at a glance, in a handful of aggregate queries whatever the region's size.

Nothing here loops over agencies: counts are grouped in the database — by the first level under
the region (a prefix of the materialized ``path``), by rule, by on-time/late — and the lists
(missing agencies, late ones) are cut to a page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Substr

from ...report.crosschecks import GOVERNMENT_KINDS, deadline
from ..agencies.models import PATH_STEP, Agency
from .models import PublishedReport, ReportFinding

LISTED = 200  # rows of the missing and late lists on one page


def late_filter(year: int, prefix: str = "") -> Q:
    """Published after the deadline of the agency's kind (条例 第四十九条), as one SQL condition."""
    government = Q(**{f"{prefix}agency__kind__in": sorted(GOVERNMENT_KINDS)})
    return (government & Q(**{f"{prefix}published_on__gt": deadline(year, "county")})) | (
        ~government & Q(**{f"{prefix}published_on__gt": deadline(year, "department")})
    )


@dataclass
class Dashboard:
    root: Agency
    year: int
    agencies: int = 0
    published: int = 0
    on_time: int = 0
    late: int = 0
    undated: int = 0
    missing: int = 0
    by_rule: list[dict[str, Any]] = field(default_factory=list)
    branches: list[dict[str, Any]] = field(default_factory=list)
    missing_list: list[Agency] = field(default_factory=list)
    late_list: list[PublishedReport] = field(default_factory=list)


def dashboard(root: Agency, year: int) -> Dashboard:
    """Six queries whatever the region's size: agencies, reports (published / late / undated) and
    active findings (by rule, open) each grouped once by branch — the path prefix of the level under
    the region — and summed here for the region; then the two lists, cut to a page."""
    board = Dashboard(root, year)
    width = len(root.path) + PATH_STEP + 1
    agencies = dict(
        Agency.objects.subtree(root)
        .annotate(branch=Substr("path", 1, width))
        .values("branch")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("branch", "n")
    )
    late = late_filter(year)
    reports = {
        row["branch"]: row
        for row in PublishedReport.objects.filter(agency__path__startswith=root.path, year=year)
        .annotate(branch=Substr("agency__path", 1, width))
        .values("branch")
        .annotate(
            published=Count("pk"),
            late=Count("pk", filter=late),
            undated=Count("pk", filter=Q(published_on__isnull=True)),
        )
        .order_by()
    }
    findings = list(
        ReportFinding.objects.filter(agency__path__startswith=root.path, year=year, active=True)
        .annotate(branch=Substr("agency__path", 1, width))
        .values("branch", "rule", "severity")
        .annotate(count=Count("pk"), open=Count("pk", filter=Q(status="open")))
        .order_by()
    )
    board.agencies = sum(agencies.values())
    board.published = sum(r["published"] for r in reports.values())
    board.late = sum(r["late"] for r in reports.values())
    board.undated = sum(r["undated"] for r in reports.values())
    board.on_time = board.published - board.late - board.undated
    board.missing = board.agencies - board.published
    by_rule: dict[tuple[str, str], dict[str, Any]] = {}
    open_by_branch: dict[str, int] = {}
    for row in findings:
        entry = by_rule.setdefault(
            (row["rule"], row["severity"]), {"rule": row["rule"], "severity": row["severity"], "count": 0, "open": 0}
        )
        entry["count"] += row["count"]
        entry["open"] += row["open"]
        open_by_branch[row["branch"]] = open_by_branch.get(row["branch"], 0) + row["open"]
    board.by_rule = sorted(by_rule.values(), key=lambda r: (-r["count"], r["rule"]))
    board.branches = _branches(root, agencies, reports, open_by_branch)
    has_report = PublishedReport.objects.filter(agency=OuterRef("pk"), year=year)
    board.missing_list = list(
        Agency.objects.subtree(root).filter(~Exists(has_report)).only("pk", "name", "kind", "path")[:LISTED]
    )
    board.late_list = list(
        PublishedReport.objects.filter(agency__path__startswith=root.path, year=year)
        .filter(late)
        .select_related("agency")
        .order_by("published_on")[:LISTED]
    )
    return board


def _branches(
    root: Agency, agencies: dict[str, int], reports: dict[str, dict[str, Any]], open_findings: dict[str, int]
) -> list[dict[str, Any]]:
    """Per agency directly under the region: its subtree's agencies, reports, late reports and open
    findings, from the groups ``dashboard`` counted (keyed by the path prefix of that level)."""
    children = {c.path: c for c in Agency.objects.filter(parent=root).only("pk", "name", "path")}
    rows = []
    for path, child in sorted(children.items()):
        published = reports.get(path, {}).get("published", 0)
        rows.append(
            {
                "agency": child,
                "agencies": agencies.get(path, 0),
                "published": published,
                "late": reports.get(path, {}).get("late", 0),
                "open_findings": open_findings.get(path, 0),
                "missing": agencies.get(path, 0) - published,
            }
        )
    return rows


def today_year() -> int:
    """The report year a supervisor looks at by default: the year just ended."""
    return dt.date.today().year - 1
