"""The oversight pages: the region's dashboard (on time, late, missing, findings by rule, the
tree's branches), the findings work list, a report with its cells and where each was printed,
the agency's answers, and 报送 on both sides."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.platform.agencies.models import Agency, AgencyKind
from gongkai.platform.oversight.dashboard import dashboard
from gongkai.platform.oversight.models import Filing, FilingStatus, PublishedReport, ReportFinding
from gongkai.platform.oversight.services import create_batch, run_batch
from gongkai.platform.oversight.sources import collect
from tests.platform.test_oversight_findings import rendered


def _import(office: dict[str, Any], tmp_path: Path) -> None:
    (tmp_path / "hy.html").write_bytes(rendered("海盐县人民政府", 2020, "2021年3月20日"))  # a county: on time
    (tmp_path / "fgj.html").write_bytes(rendered("海盐县发展和改革局", 2020, "2021年2月20日"))  # a department: late
    run_batch(create_batch(office["jx_supervisor"], office["jx"], collect([tmp_path])).pk)


def test_dashboard_counts_and_lists(office: dict[str, Any], tmp_path: Path, client: Any) -> None:
    _import(office, tmp_path)
    board = dashboard(office["jx"], 2020)
    assert (board.agencies, board.published, board.on_time, board.late, board.missing) == (4, 2, 1, 1, 2)
    assert {a.name for a in board.missing_list} == {"嘉兴市人民政府", "秦山街道办事处"}
    assert [r.agency.name for r in board.late_list] == ["海盐县发展和改革局"]
    [branch] = board.branches
    assert branch["agency"] == office["hy"] and (branch["agencies"], branch["published"], branch["late"]) == (3, 2, 1)
    assert any(r["rule"] == "report.late" and r["count"] == 1 for r in board.by_rule)

    client.force_login(office["jx_supervisor"])
    page = client.get(f"/oversight/dashboard/{office['jx'].pk}/2020/").content.decode()
    assert '逾期 <strong id="late">1</strong>' in page and "秦山街道办事处" in page and "report.late" in page
    # The drawn map of the branch: 3 agencies, 1 on time, 1 late, 1 missing — a third of the bar each.
    for key, label in (("on-time", "按时或日期不明 1"), ("late", "逾期 1"), ("missing", "未发布 1")):
        assert f'class="bar-{key}" title="{label}" style="width:33.3%' in page
    client.force_login(office["wz_supervisor"])
    assert client.get(f"/oversight/dashboard/{office['jx'].pk}/2020/").status_code == 404


def test_dashboard_queries_do_not_grow_with_the_region(office: dict[str, Any], tmp_path: Path) -> None:
    _import(office, tmp_path)
    with CaptureQueriesContext(connection) as small:
        dashboard(office["jx"], 2020)
    for i in range(30):
        Agency.objects.create(name=f"海盐县第{i}局", kind=AgencyKind.DEPARTMENT, parent=office["hy"])
        Agency.objects.create(name=f"嘉兴市第{i}局", kind=AgencyKind.DEPARTMENT, parent=office["jx"])
    with CaptureQueriesContext(connection) as large:
        dashboard(office["jx"], 2020)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_findings_page_decision_and_report_cells(office: dict[str, Any], tmp_path: Path, client: Any) -> None:
    _import(office, tmp_path)
    client.force_login(office["jx_supervisor"])
    late = ReportFinding.objects.get(rule="report.late")
    page = client.get(f"/oversight/findings/{office['jx'].pk}/2020/?rule=report.late").content.decode()
    assert "海盐县发展和改革局" in page and "逾期 20 天" in page
    client.post(f"/oversight/findings/{late.pk}/decide/", {"status": "dismissed", "reason": "网站发布日期为1月30日"})
    late.refresh_from_db()
    assert late.status == "dismissed" and late.reason == "网站发布日期为1月30日"
    report = PublishedReport.objects.get(agency=office["fgj"])
    page = client.get(f"/oversight/reports/{report.pk}/").content.decode()
    assert "requests.new_received[6]" in page and "网站发布日期为1月30日" in page
    where = report.current.data["provenance"]["requests.new_received[6]"]
    assert where.startswith("table ") and f'<td class="muted">{where}</td>' in page  # where it was printed


def test_sent_back_findings_are_answered_on_the_agencys_page(
    office: dict[str, Any], tmp_path: Path, client: Any
) -> None:
    _import(office, tmp_path)
    late = ReportFinding.objects.get(rule="report.late")
    client.force_login(office["jx_supervisor"])
    client.post(f"/oversight/findings/{late.pk}/decide/", {"status": "sent_back", "reason": "请说明发布日期"})
    fgj_clerk = office["clerk"].__class__.objects.create(username="fgj_clerk", role="clerk", agency=office["fgj"])
    client.force_login(fgj_clerk)
    assert "请说明发布日期" in client.get("/oversight/answers/").content.decode()
    client.post(f"/oversight/answers/{late.pk}/", {"answer": "系落款笔误，网站1月28日发布"})
    late.refresh_from_db()
    assert late.status == "answered" and "笔误" in late.answer


def test_filing_pages_on_both_sides(office: dict[str, Any], client: Any) -> None:
    client.force_login(office["clerk"])
    client.post("/oversight/filings/submit/", {"year": "2024"})
    filing = Filing.objects.get(agency=office["hy"], year=2024)
    assert filing.status == FilingStatus.SUBMITTED
    client.force_login(office["jx_supervisor"])
    page = client.get("/oversight/filings/").content.decode()
    assert "海盐县人民政府" in page and "oversight.filing.submitted" in page
    client.post(f"/oversight/filings/{filing.pk}/return/", {"comments": "第五部分太简略"})
    client.force_login(office["clerk"])
    page = client.get("/oversight/filings/").content.decode()
    assert "已退回" in page and "第五部分太简略" in page


def test_hierarchy_from_the_dashboard(
    office: dict[str, Any], tmp_path: Path, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _import(office, tmp_path)
    ReportFinding.objects.filter(rule__startswith="region.").delete()  # the import checked it already
    client.force_login(office["jx_supervisor"])
    with django_capture_on_commit_callbacks(execute=True):  # the button queues the check as a job
        response = client.post(f"/oversight/hierarchy/{office['jx'].pk}/2020/")
    assert response.status_code == 302
    missing = ReportFinding.objects.get(rule="region.missing_child")
    assert missing.agency == office["hy"] and missing.values["child"] == "秦山街道办事处"


def test_over_the_years_page_draws_the_renderers_trend_chart(
    office: dict[str, Any], tmp_path: Path, client: Any
) -> None:
    import base64

    (tmp_path / "fgj.html").write_bytes(rendered("海盐县发展和改革局", 2020, "2021年1月20日", new_received=7))
    run_batch(create_batch(office["jx_supervisor"], office["jx"], collect([tmp_path / "fgj.html"])).pk)
    client.force_login(office["jx_supervisor"])
    url = f"/oversight/agency/{office['fgj'].pk}/years/"
    assert 'id="trend"' not in client.get(url).content.decode()  # one year is no trend
    (tmp_path / "fgj2021.html").write_bytes(rendered("海盐县发展和改革局", 2021, "2022年1月20日", new_received=11))
    run_batch(create_batch(office["jx_supervisor"], office["jx"], collect([tmp_path / "fgj2021.html"])).pk)
    page = client.get(url).content.decode()
    assert '<section id="trend">' in page and 'data-chart="trend"' in page
    svg = base64.b64decode(page.split("data:image/svg+xml;base64,", 1)[1].split('"', 1)[0]).decode()
    assert svg.startswith("<?xml") and "<svg" in svg
    alt = page.split('alt="', 1)[1].split('"', 1)[0]
    assert "2020—2021" in alt and "2020年 7" in alt and "2021年 11" in alt  # the figures drawn, in the caption
