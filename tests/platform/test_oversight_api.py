"""Oversight over the JSON API: the region's dashboard, the findings list with its filters and the
decisions, the store with each report's cells and where each was printed, the indicators — and a
supervisor refused outside their own subtree (404, as the pages). The reports are rendered from the
corpus' gold data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from gongkai.platform.audit.models import AuditEntry
from gongkai.platform.oversight.models import FindingStatus, PublishedReport, ReportFinding
from gongkai.platform.oversight.services import create_batch, run_batch
from gongkai.platform.oversight.sources import collect
from tests.environment import need_corpus
from tests.platform.test_oversight_findings import rendered

need_corpus()


@pytest.fixture
def imported(office: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    (tmp_path / "hy.html").write_bytes(
        rendered("海盐县人民政府", 2020, "2021年3月20日", granted=4, total_processed=10)
    )  # on time
    (tmp_path / "fgj.html").write_bytes(rendered("海盐县发展和改革局", 2020, "2021年2月20日"))  # a department: late
    run_batch(create_batch(office["jx_supervisor"], office["jx"], collect([tmp_path])).pk)
    return office


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _post(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


def test_dashboard_of_a_region_and_year(imported: dict[str, Any]) -> None:
    client = _client(imported["jx_supervisor"])
    board = client.get(f"/api/oversight/regions/{imported['jx'].pk}/2020/dashboard").json()
    assert (board["agencies"], board["published"], board["on_time"], board["late"], board["missing"]) == (4, 2, 1, 1, 2)
    assert {a["name"] for a in board["missing_list"]} == {"嘉兴市人民政府", "秦山街道办事处"}
    assert [r["agency"]["name"] for r in board["late_list"]] == ["海盐县发展和改革局"]
    [branch] = board["branches"]
    assert branch["agency"]["id"] == imported["hy"].pk and (branch["published"], branch["late"]) == (2, 1)
    late = next(r for r in board["by_rule"] if r["rule"] == "report.late")
    assert late["count"] == 1 and late["open"] == 1 and late["title"]


def test_findings_filters_and_decisions(imported: dict[str, Any]) -> None:
    client = _client(imported["jx_supervisor"])
    base = f"/api/oversight/regions/{imported['jx'].pk}/2020/findings"
    everything = client.get(base).json()
    assert len(everything) == ReportFinding.objects.filter(active=True, year=2020).count() > 1
    [late] = client.get(base + "?rule=report.late").json()
    assert late["agency"]["name"] == "海盐县发展和改革局" and late["status"] == "open"
    only_fgj = client.get(base + f"?agency_id={imported['fgj'].pk}").json()
    assert only_fgj and {f["agency"]["id"] for f in only_fgj} == {imported["fgj"].pk}

    url = f"/api/oversight/findings/{late['id']}/decision"
    refused = _post(client, url, {"status": "dismissed"})  # a dismissal needs its reason
    assert refused.status_code == 400 and "理由" in refused.json()["detail"]
    assert _post(client, url, {"status": "maybe"}).status_code == 400
    dismissed = _post(client, url, {"status": "dismissed", "reason": "网站发布日期为1月30日"})
    assert dismissed.status_code == 200 and dismissed.json()["status"] == "dismissed"
    assert dismissed.json()["reason"] == "网站发布日期为1月30日"
    assert client.get(base + "?status=dismissed").json()[0]["id"] == late["id"]
    assert client.get(base + "?rule=report.late&status=open").json() == []
    for status in ("confirmed", "rectified", "sent_back"):
        assert _post(client, url, {"status": status, "reason": "核实"}).json()["status"] == status
    actions = list(AuditEntry.objects.filter(action__startswith="oversight.finding").values_list("action", flat=True))
    assert "oversight.finding.dismissed" in actions and "oversight.finding.sent_back" in actions


def test_the_store_with_cells_provenance_and_history(imported: dict[str, Any]) -> None:
    client = _client(imported["jx_supervisor"])
    rows = client.get(f"/api/oversight/regions/{imported['jx'].pk}/2020/reports").json()
    assert [r["agency"]["name"] for r in rows] == ["海盐县人民政府", "海盐县发展和改革局"]
    fgj = next(r for r in rows if r["agency"]["id"] == imported["fgj"].pk)
    assert fgj["versions"] == 1 and fgj["current"]["file_name"] == "fgj.html" and fgj["open_findings"] >= 1
    report = client.get(f"/api/oversight/reports/{fgj['id']}").json()
    cells = {c["key"]: c for c in report["cells"]}
    stored = PublishedReport.objects.get(pk=fgj["id"])
    assert stored.current is not None
    assert cells["requests.new_received[6]"]["value"] == stored.current.data["requests"]["new_received"][6]
    where = stored.current.data["provenance"]["requests.new_received[6]"]
    assert cells["requests.new_received[6]"]["where"] == where and where.startswith("table ")
    assert [v["file_name"] for v in report["history"]] == ["fgj.html"]
    assert any(f["rule"] == "report.late" for f in report["findings"])


def test_indicators_side_by_side_ranked_and_over_the_years(imported: dict[str, Any]) -> None:
    client = _client(imported["jx_supervisor"])
    data = client.get(f"/api/oversight/regions/{imported['jx'].pk}/2020/indicators").json()
    assert {d["key"] for d in data["definitions"]} >= {"share_granted", "correction_rate"}
    assert all(d["definition"] for d in data["definitions"])
    assert len(data["rows"]) == 2 and data["totals"]["reports"] == 2
    row = data["rows"][0]
    assert row["agency"]["name"] == "海盐县人民政府" and row["figures"]["processed"] == 10
    assert row["indicators"]["share_granted"] == pytest.approx(4 / 10)
    ranked = client.get(f"/api/oversight/regions/{imported['jx'].pk}/2020/indicators?rank=share_granted").json()
    assert len(ranked["rows"]) + len(ranked["left_out"]) == 2
    assert all(r["rank"] for r in ranked["rows"]) and all(r["rank"] is None for r in ranked["left_out"])
    assert client.get(f"/api/oversight/regions/{imported['jx'].pk}/2020/indicators?rank=nonsense").status_code == 400
    years = client.get(f"/api/oversight/agencies/{imported['fgj'].pk}/indicators").json()
    assert [r["year"] for r in years["rows"]] == [2020]


def test_a_supervisor_is_refused_outside_their_subtree(imported: dict[str, Any]) -> None:
    wz = _client(imported["wz_supervisor"])  # 温州市: a sibling of 嘉兴市
    late = ReportFinding.objects.get(rule="report.late")
    report = PublishedReport.objects.get(agency=imported["fgj"])
    jx = imported["jx"].pk
    for url in (
        f"/api/oversight/regions/{jx}/2020/dashboard",
        f"/api/oversight/regions/{jx}/2020/findings",
        f"/api/oversight/regions/{jx}/2020/reports",
        f"/api/oversight/regions/{jx}/2020/indicators",
        f"/api/oversight/regions/{imported['zj'].pk}/2020/dashboard",  # nor above their own agency
        f"/api/oversight/reports/{report.pk}",
        f"/api/oversight/agencies/{imported['fgj'].pk}/indicators",
    ):
        assert wz.get(url).status_code == 404, url  # as the pages: not theirs to see, nor whether it exists
    refused = _post(wz, f"/api/oversight/findings/{late.pk}/decision", {"status": "dismissed", "reason": "x"})
    assert refused.status_code == 404
    late.refresh_from_db()
    assert late.status == FindingStatus.OPEN
    assert wz.get(f"/api/oversight/regions/{imported['wz'].pk}/2020/dashboard").status_code == 200  # their own
    clerk = _client(imported["clerk"])  # an agency's office is no supervisor, even of its own agency
    assert clerk.get(f"/api/oversight/regions/{imported['hy'].pk}/2020/findings").status_code == 404
    assert Client().get(f"/api/oversight/regions/{jx}/2020/dashboard").status_code == 401


def test_the_endpoints_are_in_the_openapi_description(db: Any) -> None:
    paths = Client().get("/api/openapi.json").json()["paths"]
    for path in (
        "/api/oversight/regions/{root_id}/{year}/dashboard",
        "/api/oversight/regions/{root_id}/{year}/findings",
        "/api/oversight/regions/{root_id}/{year}/reports",
        "/api/oversight/regions/{root_id}/{year}/indicators",
        "/api/oversight/reports/{report_id}",
        "/api/oversight/findings/{finding_id}/decision",
        "/api/oversight/agencies/{agency_id}/indicators",
    ):
        assert path in paths, path
    decision = paths["/api/oversight/findings/{finding_id}/decision"]["post"]
    assert "监督 oversight" in decision["tags"] and decision["summary"]
