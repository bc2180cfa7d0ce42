"""The issue's browser test: a city supervisor (嘉兴市) imports the reports of its county's agencies
— HTML, DOCX, PDF and text, one unreadable, one duplicate, one whose agency is unknown — matches
the unknown one, sees the dashboard with on-time and late agencies and the findings, dismisses one
finding with a reason, re-imports a corrected version, and the dismissal and the history survive.

Every report file is made by the project's renderer from the corpus' gold data (the PDF through
LibreOffice, as ``gongkai render --to pdf``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gongkai.platform.oversight.models import FindingStatus, PublishedReport, ReportFinding
from gongkai.render.batch import render_document, render_pdf
from gongkai.report.envelope import SectionText
from gongkai.report.model import Report
from gongkai.report.templates import SECTIONS
from tests.environment import GOLD, need_corpus, need_tool

from .conftest import fill_form

pytestmark = pytest.mark.browser
need_corpus()


def _report(agency: str, signed: str, gold: str = "003_4339039e26702392", received: int | None = None) -> Report:
    report = Report.load(GOLD / f"{gold}.json")
    report.agency, report.year = agency, 2020
    if received is not None:
        report.requests["new_received"][-1] = received
    # The narrative, with the 落款 (agency and date) closing part 六 as published reports do.
    texts = {
        "一": f"2020年，{agency}认真贯彻落实政府信息公开条例，持续推进政务公开工作。",
        "五": "存在的主要问题是政策解读形式较为单一。下一步将丰富解读形式，提升公开质量。",
        "六": f"无。\n{agency}\n{signed}" if signed else "无。",
    }
    report.sections = [SectionText(s.number, s.title, texts.get(s.number, "")) for s in SECTIONS]
    return report


def _html(report: Report) -> bytes:
    return render_document(report, "html")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    need_tool("soffice", "libreoffice")
    root = tmp_path / "嘉兴市报告"
    root.mkdir()
    (root / "海盐县发改局2020.html").write_bytes(_html(_report("海盐县发展和改革局", "2021年2月20日")))  # late
    (root / "海盐县2020.docx").write_bytes(  # a county: on time until 31 March
        render_document(_report("海盐县人民政府", "2021年3月20日", "000_21925bfca89cb37b"), "docx")
    )
    (root / "秦山街道2020.pdf").write_bytes(render_pdf(_report("秦山街道办事处", "2021年1月20日")))
    (root / "苍南县2020.txt").write_bytes(render_document(_report("县政府办公室", "", "001_cf5ac85f95ca13ec"), "md"))
    (root / "损坏的文件.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    (root / "副本-海盐县发改局2020.html").write_bytes((root / "海盐县发改局2020.html").read_bytes())
    return root


def test_supervisor_imports_a_folder_matches_dismisses_and_reimports(
    office: dict[str, Any], folder: Path, login: Callable[[str], Any], tmp_path: Path
) -> None:
    page = login("jx_sup")
    page.goto("/oversight/")
    page.set_input_files("#import-form input[name=files]", sorted(str(p) for p in folder.iterdir()))
    with page.expect_navigation():
        page.click("#import-form button[type=submit]")
    # The import is a job on the task queue; embedded it has run by the time the batch page shows.
    page.wait_for_selector("#progress[data-finished]")
    tally = page.inner_text("#tally")
    for expected in ("已导入 3", "重复文件 1", "待匹配 1", "读取失败 1"):
        assert expected in tally, tally
    assert "损坏的文件.pdf" in page.inner_text("tr.file-failed")
    waiting = page.inner_text("tr.file-unmatched")
    assert "苍南县2020.txt" in waiting and "县政府办公室" in waiting

    # No agency of the region is called 县政府办公室: the supervisor says whose report it is.
    fill_form(page, "tr.file-unmatched form.match-form", {"agency": str(office["qs"].pk), "year": "2019"})
    assert "已匹配到 秦山街道办事处 2019 年度" in page.inner_text("main")
    assert PublishedReport.objects.filter(agency=office["qs"], year=2019).exists()

    page.goto(f"/oversight/dashboard/{office['jx'].pk}/2020/")
    assert page.inner_text("#published") == "3" and page.inner_text("#late") == "1"
    assert page.inner_text("#on-time") == "2" and page.inner_text("#missing") == "1"
    assert "海盐县发展和改革局" in page.inner_text("#late-list")
    assert "嘉兴市人民政府" in page.inner_text("#missing-list")
    assert "report.late" in page.inner_text("#by-rule")

    page.click("#by-rule a:has-text('report.late')")
    row = "#findings tr.finding-open"
    fill_form(page, f"{row} form.decide-form", {"status": "dismissed", "reason": "网站发布日期为1月28日，落款笔误"})
    late = ReportFinding.objects.get(rule="report.late", agency=office["fgj"])
    assert late.status == FindingStatus.DISMISSED

    corrected = tmp_path / "海盐县发改局2020-更正.html"
    corrected.write_bytes(
        _html(_report("海盐县发展和改革局", "2021年2月20日", received=0)).replace(
            b"</body>", "<p>（更正版）</p></body>".encode()
        )
    )  # other content, the same date
    page.goto("/oversight/")
    page.set_input_files("#import-form input[name=files]", [str(corrected)])
    with page.expect_navigation():
        page.click("#import-form button[type=submit]")
    assert "已导入 1" in page.inner_text("#tally")
    page.click("tr.file-imported a")
    assert "当前版本" in page.inner_text("#versions") and "已被替代" in page.inner_text("#versions")
    assert page.locator("#versions tr").count() == 3  # the header, the corrected and the first version
    findings = page.inner_text("#report-findings")
    assert "已排除" in findings and "网站发布日期为1月28日，落款笔误" in findings
    late.refresh_from_db()
    assert late.status == FindingStatus.DISMISSED and late.active
