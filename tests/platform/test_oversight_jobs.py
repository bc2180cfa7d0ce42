"""Imports as background jobs on the task queue, the batch's progress view, resuming a stopped
batch, and the hierarchy rule re-run when a government's or a child's report arrives.

The report files are made by the project's renderer from the corpus' gold data (never typed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from gongkai.platform.oversight import jobs
from gongkai.platform.oversight.models import FileStatus, ImportBatch, ReportFinding
from gongkai.platform.oversight.services import create_batch, run_batch, stalled
from gongkai.platform.oversight.sources import collect
from tests.environment import need_corpus
from tests.platform.test_oversight_store import rendered

need_corpus()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    root.mkdir()
    (root / "fgj.html").write_bytes(rendered("海盐县发展和改革局", 2020))
    (root / "qs.docx").write_bytes(rendered("秦山街道", 2020, "docx"))
    (root / "broken.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    return root


def _post(client: Any, office: dict[str, Any], folder: Path) -> Any:
    uploads = [open(p, "rb") for p in sorted(folder.iterdir())]  # noqa: SIM115
    try:
        return client.post("/oversight/import/", {"root": office["jx"].pk, "files": uploads})
    finally:
        for handle in uploads:
            handle.close()


def test_the_import_page_queues_a_job_and_the_batch_page_follows_it(
    client: Any, office: dict[str, Any], folder: Path, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(office["jx_supervisor"])
    with django_capture_on_commit_callbacks() as queued:  # not run: as if a worker had not taken it yet
        response = _post(client, office, folder)
    assert response.status_code == 302 and len(queued) == 1
    batch = ImportBatch.objects.get()
    assert set(batch.files.values_list("status", flat=True)) == {FileStatus.PENDING}  # nothing read in the request
    page = client.get(response["Location"]).content.decode()
    assert '<meta http-equiv="refresh"' in page and "data-finished" not in page
    assert '<b id="done">0</b> / 共 <b id="total">3</b>' in page and "正在后台导入" in page
    assert "继续导入" not in page  # just queued: not offered to start twice

    queued[0]()  # the worker runs it
    page = client.get(response["Location"]).content.decode()
    assert '<meta http-equiv="refresh"' not in page and "data-finished" in page
    assert '<b id="done">3</b> / 共 <b id="total">3</b>' in page and '失败 <b id="failed">1</b>' in page
    assert "已导入 2" in page


def test_with_a_broker_the_job_goes_to_the_queue_by_name_and_shards(
    office: dict[str, Any], folder: Path, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    sent: list[tuple[Any, ...]] = []
    monkeypatch.setattr(jobs.oversight_job, "delay", lambda *args: sent.append(args))
    monkeypatch.setenv("GONGKAI_IMPORT_SHARDS", "2")
    batch = create_batch(office["jx_supervisor"], office["jx"], collect([folder]))
    with django_capture_on_commit_callbacks(execute=True):
        jobs.start_import(batch.pk)
        assert not sent  # only once the transaction commits: the worker must see the batch
    name = "gongkai.platform.oversight.services.import_job"
    assert sent == [(name, batch.pk, 0, 2), (name, batch.pk, 1, 2)]
    for message in sent:  # what a worker does with each message
        jobs.oversight_job(*message)
    assert batch.files.filter(status=FileStatus.PENDING).count() == 0
    batch.refresh_from_db()
    assert batch.finished_at is not None


def test_only_the_listed_jobs_run(office: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="不是后台任务"):
        jobs.oversight_job("os.system", "true")
    with pytest.raises(ValueError, match="不是后台任务"):
        jobs.run_job(print, 1)
    with pytest.raises(ValueError, match="keyword"):
        jobs.run_job(run_batch, 1, progress=print)  # a callback cannot travel on a queue


def test_a_stopped_batch_resumes_and_a_moving_one_is_not_doubled(
    client: Any, office: dict[str, Any], folder: Path, django_capture_on_commit_callbacks: Any
) -> None:
    batch = create_batch(office["jx_supervisor"], office["jx"], collect([folder]))
    first = batch.files.filter(status=FileStatus.PENDING).order_by("pk").first()
    assert first is not None
    run_batch(batch.pk, worker=first.pk % 3, workers=3)  # a third of it, then the process "died"
    client.force_login(office["jx_supervisor"])
    with django_capture_on_commit_callbacks(execute=True) as queued:
        client.post(f"/oversight/batches/{batch.pk}/resume/")
    assert not queued and not stalled(batch)  # a file was processed just now: the job may be running

    long_ago = timezone.now() - dt.timedelta(minutes=5)
    batch.files.exclude(processed_at=None).update(processed_at=long_ago)
    ImportBatch.objects.filter(pk=batch.pk).update(created_at=long_ago)
    batch.refresh_from_db()
    assert stalled(batch)
    assert "继续导入" in client.get(f"/oversight/batches/{batch.pk}/").content.decode()
    with django_capture_on_commit_callbacks(execute=True) as queued:
        client.post(f"/oversight/batches/{batch.pk}/resume/")
    assert len(queued) == 1
    assert batch.files.filter(status=FileStatus.PENDING).count() == 0
    batch.refresh_from_db()
    assert batch.finished_at is not None and not stalled(batch)


def _import_one(office: dict[str, Any], path: Path) -> None:
    run_batch(create_batch(office["jx_supervisor"], office["jx"], collect([path])).pk)


def test_the_hierarchy_rule_runs_when_a_government_or_a_child_report_arrives(
    office: dict[str, Any], tmp_path: Path
) -> None:
    def write(name: str, agency: str, total: int) -> Path:
        path = tmp_path / name
        path.write_bytes(rendered(agency, 2020, new_received=total, total_processed=total))
        return path

    def region(rule: str) -> list[ReportFinding]:
        found = ReportFinding.objects.filter(agency=office["hy"], year=2020, rule=rule, active=True)
        return list(found.filter(place__contains="new_received") if rule == "region.hierarchy" else found)

    _import_one(office, write("fgj.html", "海盐县发展和改革局", 3))
    assert not ReportFinding.objects.filter(rule__startswith="region.").exists()  # no county report yet

    _import_one(office, write("hy.html", "海盐县人民政府", 5))  # the government's report arrives
    [hierarchy] = region("region.hierarchy")
    assert hierarchy.values["own"] == 5 and hierarchy.values["children_sum"] == 3
    [missing] = region("region.missing_child")
    assert missing.values["child"] == "秦山街道办事处"

    _import_one(office, write("qs.html", "秦山街道办事处", 2))  # a child's: the sum now holds
    assert not region("region.missing_child") and not region("region.hierarchy")
    missing.refresh_from_db()
    assert not missing.active  # kept, with any decision on it, but no longer found

    # A department of a city is a child of the city, whose report is not in the store: nothing to check.
    jx_dept = office["jx"].children.create(name="嘉兴市财政局", kind="department")
    _import_one(office, write("jxcz.html", jx_dept.name, 4))
    assert not ReportFinding.objects.filter(agency=office["jx"], rule__startswith="region.").exists()
