"""Findings of the stored reports as a work list: checked on import, decisions that survive a
re-reading and a new version, sent back to the agency and answered, every step audited."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gongkai.platform.audit.models import AuditEntry
from gongkai.platform.oversight.checking import check_region_hierarchy
from gongkai.platform.oversight.models import FindingStatus, PublishedReport, ReportFinding
from gongkai.platform.oversight.services import (
    OversightError,
    PermissionDenied,
    answer,
    create_batch,
    decide,
    run_batch,
    send_back,
)
from gongkai.platform.oversight.sources import collect
from gongkai.render.batch import render_document
from gongkai.report.model import Report
from tests.environment import GOLD, need_corpus

need_corpus()


def rendered(agency: str, year: int, signed: str = "", **totals: int) -> bytes:
    """Gold data rendered as a web page; ``signed`` adds the 落款 date, ``totals`` change table 三."""
    report = Report.load(GOLD / "003_4339039e26702392.json")
    report.agency, report.year = agency, year
    for row, value in totals.items():
        report.requests[row][-1] = value
    html = render_document(report, "html").decode()
    if signed:
        html = html.replace("</body>", f"<p>{agency}</p><p>{signed}</p></body>")
    return html.encode()


def _import(office: dict[str, Any], path: Path) -> None:
    run_batch(create_batch(office["jx_supervisor"], office["jx"], collect([path])).pk)


def test_findings_on_import_and_a_dismissal_survives_a_new_version(office: dict[str, Any], tmp_path: Path) -> None:
    late = tmp_path / "fgj.html"  # a department signing on 5 March: late; table 三 unbalanced
    late.write_bytes(rendered("海盐县发展和改革局", 2020, "2021年3月5日", new_received=3))
    _import(office, late)
    report = PublishedReport.objects.get(agency=office["fgj"])
    assert str(report.published_on) == "2021-03-05"
    rules = set(report.findings.filter(active=True).values_list("rule", flat=True))
    assert {"report.late", "requests.column_balance"} <= rules
    lateness = report.findings.get(rule="report.late")
    assert lateness.values["days_late"] == 33

    with pytest.raises(OversightError):
        decide(office["jx_supervisor"], lateness, FindingStatus.DISMISSED, "  ")
    decide(office["jx_supervisor"], lateness, FindingStatus.DISMISSED, "网站发布日期为1月28日，落款有误")
    # The corrected version balances table 三 but keeps the date: the dismissal stays, the
    # balance findings are no longer active.
    corrected = tmp_path / "fgj-v2.html"
    corrected.write_bytes(rendered("海盐县发展和改革局", 2020, "2021年3月5日"))
    _import(office, corrected)
    assert report.versions.count() == 2
    lateness.refresh_from_db()
    assert lateness.active and lateness.status == FindingStatus.DISMISSED and "落款" in lateness.reason
    assert not report.findings.filter(rule="requests.column_balance", active=True).exists()
    assert ReportFinding.objects.filter(rule="report.late").count() == 1
    assert AuditEntry.objects.filter(action="oversight.finding.dismissed").count() == 1


def test_sent_back_answered_by_the_agency(office: dict[str, Any], tmp_path: Path, make_user: Any) -> None:
    path = tmp_path / "hy.html"
    path.write_bytes(rendered("海盐县人民政府", 2020, new_received=9))
    _import(office, path)
    finding = ReportFinding.objects.filter(agency=office["hy"], active=True).first()
    assert finding is not None
    with pytest.raises(PermissionDenied):
        send_back(office["wz_supervisor"], [finding], "请核实")
    assert send_back(office["jx_supervisor"], [finding], "请核实并重新发布") == 1
    finding.refresh_from_db()
    with pytest.raises(PermissionDenied):
        answer(office["cn_clerk"], finding, "已核实")
    answer(office["clerk"], finding, "表三第一项填写错误，已更正并重新发布")
    finding.refresh_from_db()
    assert finding.status == FindingStatus.ANSWERED and "更正" in finding.answer
    actions = list(AuditEntry.objects.filter(action__startswith="oversight.finding").values_list("action", flat=True))
    assert sorted(actions) == ["oversight.finding.answered", "oversight.finding.sent_back"]


def test_hierarchy_of_a_county_and_its_missing_children(office: dict[str, Any], tmp_path: Path) -> None:
    for name, total, file in (("海盐县人民政府", 5, "hy"), ("海盐县发展和改革局", 3, "fgj")):
        (tmp_path / f"{file}.html").write_bytes(rendered(name, 2020, new_received=total, total_processed=total))
    _import(office, tmp_path)
    assert check_region_hierarchy(office["jx"], 2020) == 1
    found = {f.rule: f for f in ReportFinding.objects.filter(agency=office["hy"], rule__startswith="region.")}
    assert found["region.missing_child"].place == "region.秦山街道办事处"
    assert found["region.hierarchy"].values["own"] == 5 and found["region.hierarchy"].values["children_sum"] == 3


def test_the_agency_resubmits_a_corrected_report(
    office: dict[str, Any], tmp_path: Path, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    path = tmp_path / "hy.html"
    path.write_bytes(rendered("海盐县人民政府", 2020, new_received=9))  # table 三 unbalanced
    _import(office, path)
    broken = ReportFinding.objects.get(agency=office["hy"], rule="requests.column_balance", active=True)
    send_back(office["jx_supervisor"], [broken], "表三第一列不平衡")
    client.force_login(office["clerk"])
    corrected = tmp_path / "hy-corrected.html"
    corrected.write_bytes(rendered("海盐县人民政府", 2020))
    with corrected.open("rb") as upload, django_capture_on_commit_callbacks(execute=True):
        response = client.post("/oversight/import/", {"root": office["hy"].pk, "files": [upload]})
    assert response["Location"] == "/oversight/answers/"
    report = PublishedReport.objects.get(agency=office["hy"], year=2020)
    assert report.versions.count() == 2 and report.current.file_name == "hy-corrected.html"
    broken.refresh_from_db()
    assert not broken.active and broken.status == FindingStatus.SENT_BACK  # resolved by the new version
    with corrected.open("rb") as upload:  # not for another agency's reports
        assert client.post("/oversight/import/", {"root": office["jx"].pk, "files": [upload]}).status_code == 403
