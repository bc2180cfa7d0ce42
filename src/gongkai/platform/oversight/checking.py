"""The checks over the store: each published report's findings kept as a work list.

A report is checked when a version is stored: its own arithmetic (``report.checks``), its text
against its tables and its completeness (``report.crosschecks``), its date against the deadline of
its agency's kind, and its text against the agency's report of the year before. A government's
report against its children's is checked again whenever its report or one of its children's is
stored (``check_hierarchy_around``), and for a whole region and year on request. Findings are
upserted by fingerprint, so decisions stay.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from ...report.checks import Finding, check_report
from ...report.crosschecks import check_hierarchy, check_published, check_repetition, check_timeliness
from ...report.model import Report, ReportDataError
from ..agencies.models import Agency, AgencyKind
from .models import PublishedReport, ReportFinding

HIERARCHY_RULES = ("region.hierarchy", "region.missing_child")


def fingerprint(finding: Finding, agency_id: int, year: int) -> str:
    """Rule + agency + year + place + numbers: the same thing found again has the same print."""
    numbers = {k: v for k, v in finding.values.items() if k != "quote"}
    text = json.dumps(
        [finding.rule, agency_id, year, finding.place, numbers], sort_keys=True, ensure_ascii=False, default=str
    )
    return hashlib.sha256(text.encode()).hexdigest()


def report_of(published: PublishedReport | None) -> Report | None:
    """The current version's report data, or None (no version, or data that no longer validates)."""
    if published is None or published.current is None:
        return None
    try:
        return Report.from_dict(published.current.data)
    except ReportDataError:
        return None


def findings_for(published: PublishedReport) -> list[Finding]:
    """Every rule that needs this report, its agency and the year before."""
    report = report_of(published)
    if report is None:
        return []
    found = check_report(report) + check_published(report)
    found += check_timeliness(report, published.agency.kind, published.published_on)
    earlier = (
        PublishedReport.objects.filter(agency_id=published.agency_id, year=published.year - 1)
        .select_related("current")
        .first()
    )
    previous = report_of(earlier)
    if previous is not None:
        found += check_repetition(previous, report)
    if published.current is not None and published.current.source != "platform":
        from .computed import compare_with_platform

        found += compare_with_platform(published.agency, published.year, report) or []
    return found


def _save(published: PublishedReport, found: Iterable[Finding], rules: tuple[str, ...] | None = None) -> None:
    """Upsert ``found``; the report's other findings (of ``rules``, or of every rule but the
    region's) are no longer active."""
    prints: dict[str, Finding] = {}
    for finding in found:
        prints.setdefault(fingerprint(finding, published.agency_id, published.year), finding)
    with transaction.atomic():
        stale = ReportFinding.objects.filter(report=published, active=True)
        stale = stale.filter(rule__in=rules) if rules else stale.exclude(rule__in=HIERARCHY_RULES)
        stale.exclude(fingerprint__in=list(prints)).update(active=False)
        existing = set(ReportFinding.objects.filter(fingerprint__in=list(prints)).values_list("fingerprint", flat=True))
        ReportFinding.objects.filter(fingerprint__in=existing).update(active=True, version=published.current)
        ReportFinding.objects.bulk_create(
            [
                ReportFinding(
                    report=published,
                    version=published.current,
                    agency_id=published.agency_id,
                    year=published.year,
                    fingerprint=key,
                    rule=f.rule,
                    severity=f.severity.value,
                    place=f.place[:120],
                    values=_plain(f.values),
                    message_zh=f.message_zh,
                    message_en=f.message_en,
                )
                for key, f in prints.items()
                if key not in existing
            ]
        )


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(values, ensure_ascii=False, default=str))


def check_published_report(published: PublishedReport) -> None:
    """Check one report and the next year's (whose repetition rule compares with it)."""
    published = PublishedReport.objects.select_related("agency", "current").get(pk=published.pk)
    _save(published, findings_for(published))
    later = (
        PublishedReport.objects.filter(agency_id=published.agency_id, year=published.year + 1)
        .select_related("agency", "current")
        .first()
    )
    if later is not None:
        _save(later, findings_for(later))


HIERARCHY_KINDS = (AgencyKind.PROVINCE, AgencyKind.CITY, AgencyKind.COUNTY)


def check_region_hierarchy(root: Agency, year: int) -> int:
    """Each government of the subtree with a report, against its direct children's reports."""
    governments = Agency.objects.subtree(root).filter(kind__in=HIERARCHY_KINDS)
    reports = {
        p.agency_id: p
        for p in PublishedReport.objects.filter(agency__path__startswith=root.path, year=year).select_related(
            "current", "agency"
        )
    }
    children: dict[int, list[Agency]] = {}
    for child in Agency.objects.subtree(root).filter(parent__in=governments).only("pk", "name", "parent_id"):
        children.setdefault(child.parent_id or 0, []).append(child)
    return sum(_check_government(g.pk, reports, children.get(g.pk, [])) for g in governments)


def _check_government(government_id: int, reports: dict[int, PublishedReport], children: list[Agency]) -> int:
    """One government's report against the sum of its children's: 1 if checked, 0 if it cannot be
    (no report of its own, or no children)."""
    own = reports.get(government_id)
    parent = report_of(own)
    if own is None or parent is None or not children:
        return 0
    present = [r for c in children if (r := report_of(reports.get(c.pk))) is not None]
    missing = [c.name for c in children if c.pk not in reports]
    _save(own, check_hierarchy(parent, present, missing), rules=HIERARCHY_RULES)
    return 1


def check_hierarchy_around(published: PublishedReport) -> int:
    """On import: a new report of a government, or of one of a government's children, changes that
    government's sum — re-check it (the agency itself and its parent, where each is a government
    with a report of that year). Returns how many governments were checked."""
    agency = published.agency
    candidates = [a for a in (agency, agency.parent) if a is not None and a.kind in HIERARCHY_KINDS]
    checked = 0
    for government in candidates:
        own = PublishedReport.objects.filter(agency=government, year=published.year).select_related("current").first()
        if own is None or own.current is None:
            continue  # nothing to check the children against: cheap, and the common case of a leaf's import
        children = list(Agency.objects.filter(parent=government).only("pk", "name", "parent_id"))
        reports = {
            p.agency_id: p
            for p in PublishedReport.objects.filter(
                agency__in=[government, *children], year=published.year
            ).select_related("current", "agency")
        }
        checked += _check_government(government.pk, reports, children)
    return checked


def hierarchy_job(root_id: int, year: int) -> int:
    """``check_region_hierarchy`` by ids, as a background job takes it."""
    return check_region_hierarchy(Agency.objects.get(pk=root_id), year)
