"""The store of published reports: batches of files, folders and ZIPs matched to the tree, with
duplicates, failures, the queue of unmatched files, new versions and resumed imports.

The report files are made by the project's renderer from the corpus' gold data (never typed)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from gongkai.platform.agencies.models import Agency
from gongkai.platform.audit.models import AuditEntry
from gongkai.platform.oversight import services
from gongkai.platform.oversight.models import FileStatus, ImportFile, PublishedReport, ReportVersion
from gongkai.platform.oversight.services import OversightError, counts, create_batch, match_file, run_batch
from gongkai.platform.oversight.sources import collect, from_zip, read_mapping
from gongkai.render.batch import render_document
from gongkai.report.model import Report
from tests.environment import GOLD, need_corpus

need_corpus()


def rendered(agency: str, year: int, fmt: str = "html", gold: str = "003_4339039e26702392", **cells: int) -> bytes:
    """A published report of ``agency``, rendered from gold data (``new_received`` … changed)."""
    report = Report.load(GOLD / f"{gold}.json")
    report.agency, report.year = agency, year
    for row, total in cells.items():
        report.requests[row][-1] = total
    return render_document(report, "md" if fmt == "txt" else fmt)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Reports of 海盐县's agencies: HTML, DOCX, text, an unreadable file, a duplicate, an unmatched one, a ZIP."""
    root = tmp_path / "reports"
    root.mkdir()
    (root / "fgj.html").write_bytes(rendered("海盐县发展和改革局", 2020))
    (root / "qs.docx").write_bytes(rendered("秦山街道", 2020, "docx"))
    (root / "hy.txt").write_bytes(rendered("海盐县人民政府", 2020, "txt"))
    (root / "copy-of-fgj.html").write_bytes((root / "fgj.html").read_bytes())
    (root / "broken.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    (root / "unknown.html").write_bytes(rendered("某某市某某局", 2020))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hy-2019.html", rendered("海盐县人民政府", 2019))
    (root / "more.zip").write_bytes(buffer.getvalue())
    return root


def test_folder_import_sorts_every_file(office: dict[str, Any], folder: Path) -> None:
    supervisor = office["jx_supervisor"]
    batch = create_batch(supervisor, office["jx"], collect([folder]))
    tally = run_batch(batch.pk)
    assert tally == {"pending": 0, "imported": 4, "duplicate": 1, "unmatched": 1, "failed": 1}
    stored = {(r.agency.name, r.year) for r in PublishedReport.objects.select_related("agency")}
    assert stored == {
        ("海盐县发展和改革局", 2020),
        ("秦山街道办事处", 2020),
        ("海盐县人民政府", 2020),
        ("海盐县人民政府", 2019),
    }
    duplicate = batch.files.get(status=FileStatus.DUPLICATE)
    assert duplicate.name.endswith("fgj.html") and "已导入" in duplicate.reason_zh
    assert ReportVersion.objects.count() == 4  # the duplicate is the same version
    failed = batch.files.get(status=FileStatus.FAILED)
    assert failed.name.endswith("broken.pdf") and failed.reason_zh and failed.reason_en
    waiting = batch.files.get(status=FileStatus.UNMATCHED)
    assert "某某市某某局" in waiting.reason_zh and waiting.data["agency"] == "某某市某某局"
    assert batch.files.get(name__endswith="hy-2019.html").status == FileStatus.IMPORTED

    match_file(supervisor, waiting, office["fgj"], 2021)
    waiting.refresh_from_db()
    assert waiting.status == FileStatus.IMPORTED
    assert PublishedReport.objects.get(agency=office["fgj"], year=2021).current.file_name == "unknown.html"
    assert AuditEntry.objects.filter(action="oversight.match").count() == 1


def test_same_file_again_is_one_record_and_a_new_version_supersedes(office: dict[str, Any], tmp_path: Path) -> None:
    supervisor = office["jx_supervisor"]
    first = tmp_path / "fgj.html"
    first.write_bytes(rendered("海盐县发展和改革局", 2020, new_received=3))
    run_batch(create_batch(supervisor, office["jx"], collect([first])).pk)
    again = run_batch(create_batch(supervisor, office["jx"], collect([first])).pk)
    assert again["duplicate"] == 1 and ReportVersion.objects.count() == 1
    corrected = tmp_path / "fgj-corrected.html"
    corrected.write_bytes(rendered("海盐县发展和改革局", 2020, new_received=4))
    assert run_batch(create_batch(supervisor, office["jx"], collect([corrected])).pk)["imported"] == 1
    report = PublishedReport.objects.get(agency=office["fgj"], year=2020)
    versions = list(report.versions.order_by("pk"))
    assert [v.file_name for v in versions] == ["fgj.html", "fgj-corrected.html"]
    assert report.current == versions[1] and versions[0].superseded_at is not None
    assert versions[1].data["requests"]["new_received"][-1] == 4


def test_mapping_file_and_csv_list_name_agency_and_year(office: dict[str, Any], tmp_path: Path) -> None:
    # A title the tree does not know, matched by the mapping file; a list names agency and year.
    (tmp_path / "a.html").write_bytes(rendered("县发改", 2020))
    (tmp_path / "b.html").write_bytes(rendered("县里某局", 2020))
    (tmp_path / "list.csv").write_text("path,agency,year\nb.html,秦山街道办事处,2022\n", encoding="utf-8")
    mapping = read_mapping("file,agency,year\na.html,海盐县发展和改革局,2020\n")
    batch = create_batch(
        office["jx_supervisor"], office["jx"], collect([tmp_path / "a.html", tmp_path / "list.csv"], mapping)
    )
    assert run_batch(batch.pk)["imported"] == 2
    assert PublishedReport.objects.filter(agency=office["fgj"], year=2020).exists()
    assert PublishedReport.objects.filter(agency=office["qs"], year=2022).exists()


def test_an_interrupted_import_resumes_with_the_files_left(office: dict[str, Any], folder: Path) -> None:
    batch = create_batch(office["jx_supervisor"], office["jx"], collect([folder]))

    class Stop(Exception):
        pass

    def stop_after_two(file: ImportFile, seen: list[int] = []) -> None:  # noqa: B006
        seen.append(file.pk)
        if len(seen) == 2:
            raise Stop

    with pytest.raises(Stop):
        run_batch(batch.pk, progress=stop_after_two)
    assert counts(batch)["pending"] == 5 and batch.finished_at is None
    processed: list[int] = []
    tally = run_batch(batch.pk, progress=lambda f: processed.append(f.pk))
    assert len(processed) == 5 and tally["pending"] == 0 and tally["imported"] == 4
    batch.refresh_from_db()
    assert batch.finished_at is not None


def test_zip_limits_refuse_what_would_unpack_too_far(monkeypatch: pytest.MonkeyPatch) -> None:
    from gongkai.platform.oversight import sources

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.txt", b"0" * 5000)
        archive.writestr("small.txt", b"ok")
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1000)
    entries = {e.name: e for e in from_zip("x.zip", buffer.getvalue())}
    assert entries["x.zip/big.txt"].data is None and "上限" in entries["x.zip/big.txt"].error_zh
    assert entries["x.zip/small.txt"].data == b"ok"
    assert next(from_zip("bad.zip", b"PK\x03\x04 not a zip")).error_en == "not a valid ZIP archive"


def test_outside_the_region_is_refused(office: dict[str, Any], folder: Path) -> None:
    with pytest.raises(services.PermissionDenied):
        create_batch(office["wz_supervisor"], office["jx"], collect([folder]))
    batch = create_batch(office["jx_supervisor"], office["jx"], collect([folder / "unknown.html"]))
    run_batch(batch.pk)
    waiting = batch.files.get()
    with pytest.raises(services.PermissionDenied):
        match_file(office["jx_supervisor"], waiting, office["cn"], 2020)  # 苍南县 is not under 嘉兴市
    with pytest.raises(OversightError):
        match_file(office["admin"], waiting, office["cn"], 2020)  # nor under the batch's region


def test_platform_reports_join_the_store(office: dict[str, Any]) -> None:
    report = Report.load(GOLD / "003_4339039e26702392.json")
    version = services.store_platform_report(office["head"], office["hy"], 2020, report)
    assert version.source == "platform" and version.report.agency == office["hy"]
    assert services.store_platform_report(office["head"], office["hy"], 2020, report) == version


def test_import_page_and_matching_page(
    client: Any, office: dict[str, Any], folder: Path, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(office["jx_supervisor"])
    uploads = [open(p, "rb") for p in sorted(folder.iterdir())]  # noqa: SIM115
    try:
        with django_capture_on_commit_callbacks(execute=True):  # the import job, run after the commit
            response = client.post("/oversight/import/", {"root": office["jx"].pk, "files": uploads})
    finally:
        for handle in uploads:
            handle.close()
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "已导入 4" in page and "重复文件 1" in page and "待匹配 1" in page and "读取失败 1" in page
    waiting = ImportFile.objects.get(status=FileStatus.UNMATCHED)
    client.post(f"/oversight/files/{waiting.pk}/match/", {"agency": office["qs"].pk, "year": "2021"})
    assert PublishedReport.objects.filter(agency=office["qs"], year=2021).exists()
    client.force_login(office["wz_supervisor"])
    assert client.get(response["Location"]).status_code == 404


def test_cli_imports_a_folder(office: dict[str, Any], folder: Path, make_user: Callable[..., Any]) -> None:
    from gongkai.cli.app import app

    result = CliRunner().invoke(
        app,
        ["reports", "import", str(folder), "--region", "嘉兴市人民政府", "--user", office["jx_supervisor"].username],
    )
    assert result.exit_code == 1, result.output  # one failed, one waiting: listed, exit 1
    assert "已导入 4" in result.output and "broken.pdf" in result.output
    assert Agency.objects.get(name="海盐县人民政府").published_reports.count() == 2


def test_two_workers_share_a_batch_without_overlap(office: dict[str, Any], folder: Path) -> None:
    batch = create_batch(office["jx_supervisor"], office["jx"], collect([folder]))
    seen: list[list[int]] = [[], []]
    for worker in (0, 1):
        run_batch(batch.pk, progress=lambda f, w=worker: seen[w].append(f.pk), worker=worker, workers=2)
    assert seen[0] and seen[1] and not set(seen[0]) & set(seen[1])
    assert counts(batch)["pending"] == 0 and len(seen[0]) + len(seen[1]) == 7


def test_a_word_file_named_otherwise_is_not_opened_as_an_archive() -> None:
    from gongkai.platform.oversight.sources import from_bytes

    docx = rendered("秦山街道", 2020, "docx")
    [entry] = from_bytes("report-without-suffix", docx)
    assert entry.data == docx
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.docx", docx)
        archive.writestr("b.html", b"<html><body>x</body></html>")
    names = [e.name for e in from_bytes("reports.bin", buffer.getvalue())]
    assert names == ["reports.bin/a.docx", "reports.bin/b.html"]


def test_the_queue_across_batches(client: Any, office: dict[str, Any], folder: Path) -> None:
    run_batch(create_batch(office["jx_supervisor"], office["jx"], collect([folder / "unknown.html"])).pk)
    client.force_login(office["jx_supervisor"])
    assert 'id="waiting">1</strong> 个文件待人工匹配' in client.get("/oversight/").content.decode()
    page = client.get("/oversight/queue/").content.decode()
    assert "unknown.html" in page and "某某市某某局" in page and "苍南县人民政府" not in page  # outside 嘉兴市
    client.force_login(office["clerk"])
    assert client.get("/oversight/queue/").status_code == 403
