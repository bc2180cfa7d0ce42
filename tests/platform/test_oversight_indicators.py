"""Indicators with their definitions, agencies side by side and over the years, rankings that
leave small samples out, and every table as CSV and XLSX."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from gongkai.platform.oversight.indicators import INDICATORS, figures, ranked, region_rows
from gongkai.platform.oversight.services import create_batch, run_batch
from gongkai.platform.oversight.sources import collect
from gongkai.render.batch import render_document
from gongkai.report.model import Report
from tests.environment import GOLD, need_corpus

need_corpus()


def _report(agency: str, year: int, gold: str) -> bytes:
    report = Report.load(GOLD / f"{gold}.json")
    report.agency, report.year = agency, year
    return render_document(report, "html")


def _import(office: dict[str, Any], tmp_path: Path) -> None:
    (tmp_path / "hy.html").write_bytes(_report("海盐县人民政府", 2020, "000_21925bfca89cb37b"))  # 179 processed
    (tmp_path / "hy19.html").write_bytes(_report("海盐县人民政府", 2019, "001_cf5ac85f95ca13ec"))
    (tmp_path / "qs.html").write_bytes(_report("秦山街道办事处", 2020, "003_4339039e26702392"))  # none
    (tmp_path / "fgj.html").write_bytes(_report("海盐县发展和改革局", 2020, "001_cf5ac85f95ca13ec"))  # 44
    run_batch(create_batch(office["jx_supervisor"], office["jx"], collect([tmp_path])).pk)


def test_figures_of_a_gold_report() -> None:
    data = Report.load(GOLD / "002_7c7920e851bb8139.json").to_dict()
    found = figures(data)
    assert found["processed"] == data["requests"]["total_processed"][-1]
    appeals = data["appeals"]
    assert found["appeals_corrected"] == sum(g["corrected"] for g in appeals.values())
    assert found["appeals_decided"] == sum(g["total"] - g["pending"] for g in appeals.values())
    assert all(i.definition for i in INDICATORS)


def test_side_by_side_and_ranking_with_a_minimum_sample(office: dict[str, Any], tmp_path: Path) -> None:
    _import(office, tmp_path)
    rows = region_rows(office["jx"], 2020)
    assert sorted(r["agency__name"] for r in rows) == sorted(["海盐县人民政府", "秦山街道办事处", "海盐县发展和改革局"])
    by_name = {r["agency__name"]: r for r in rows}
    hy = by_name["海盐县人民政府"]
    assert hy["share_granted"] == hy["granted"] / hy["processed"]
    assert by_name["秦山街道办事处"]["share_granted"] is None  # nothing processed: no share
    top, left_out = ranked(rows, "share_granted")
    assert [r["agency__name"] for r in top] == sorted(
        (r["agency__name"] for r in top), key=lambda n: -by_name[n]["share_granted"]
    )
    assert "秦山街道办事处" in [r["agency__name"] for r in left_out]
    top, left_out = ranked(rows, "share_granted", minimum=100)  # only 海盐县 has 100+ processed
    assert [r["agency__name"] for r in top] == ["海盐县人民政府"] and top[0]["rank"] == 1


def test_pages_and_exports(office: dict[str, Any], tmp_path: Path, client: Any) -> None:
    _import(office, tmp_path)
    client.force_login(office["jx_supervisor"])
    page = client.get(f"/oversight/compare/{office['jx'].pk}/2020/?rank=share_granted").content.decode()
    assert "样本不足" in page and "纠错率" in page and "结果纠正" in page  # the definitions are shown
    assert 'id="chart"' in page and "width:100.0%" in page  # the first of the ranking is the longest bar
    csv = client.get(f"/oversight/compare/{office['jx'].pk}/2020/?rank=share_granted&format=csv")
    text = csv.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("名次,机关,发布日期,收到申请数") and "海盐县人民政府" in text
    xlsx = client.get(f"/oversight/agency/{office['hy'].pk}/years/?format=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["年度", "发布日期", "收到申请数"] and [v[0] for v in values[1:]] == [2019, 2020]
    client.force_login(office["wz_supervisor"])
    assert client.get(f"/oversight/agency/{office['hy'].pk}/years/").status_code == 404
