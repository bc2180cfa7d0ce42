"""The store's state changes: batches created and run, files matched by hand, versions stored.

Each file of a batch is processed in its own transaction and its state saved at once, so a batch
interrupted (a killed process, a server restart) resumes with ``run_batch``: only the files still
``pending`` are read. The file's bytes are kept content-addressed in the data directory
(``oversight/<sha256>``) until processed, so resuming does not need the original upload.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import Any

from django.db import transaction
from django.db.models import Count, F, Max
from django.utils import timezone

from ...ingest.read import read_report
from ...report.model import Report, ReportDataError
from ...report.narrative import signed_date
from ..accounts.models import Actor, stored_user
from ..accounts.permissions import PermissionDenied, may_administer, may_change_agency_records, supervises
from ..agencies.models import Agency
from ..audit.labels import Action
from ..audit.services import record, snapshot
from ..database import data_dir
from ..errors import RuleError
from ..locking import lock_unchanged
from .checking import check_hierarchy_around, check_published_report
from .indicators import FIGURES, figures
from .matching import Candidate, Matcher
from .models import (
    FileStatus,
    FindingStatus,
    ImportBatch,
    ImportFile,
    PublishedReport,
    ReportFinding,
    ReportVersion,
    VersionSource,
)
from .sources import Entry


class OversightError(RuleError):
    """A step the rules do not allow (bilingual message)."""

    code = "oversight"


def may_oversee(user: Any, agency: Agency) -> bool:
    """The region's supervisors (that agency or one above it) and administrators."""
    return may_administer(user) or supervises(user, agency)


def _require(user: Any, agency: Agency) -> None:
    if not may_oversee(user, agency):
        raise PermissionDenied(f"无权管理 {agency} 的报告 / may not oversee reports of {agency}")


def blob_dir() -> Path:
    path = data_dir() / "oversight"
    path.mkdir(parents=True, exist_ok=True)
    return path


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------------------------------------
# Batches
# ---------------------------------------------------------------------------------------------


def may_import(user: Any, root: Agency) -> bool:
    """Supervisors import for their region; an agency's office re-submits its own corrected report."""
    return may_oversee(user, root) or may_change_agency_records(user, root)


def create_batch(actor: Actor, root: Agency, entries: Iterable[Entry], label: str = "") -> ImportBatch:
    """Record every entry as a pending file (or a failed one, with its reason); read nothing yet."""
    if not may_import(actor, root):
        raise PermissionDenied(f"无权导入 {root} 的报告 / may not import reports of {root}")
    batch = ImportBatch.objects.create(created_by=stored_user(actor), root=root, label=label)
    rows = []
    for entry in entries:
        if entry.data is None:
            rows.append(
                ImportFile(
                    batch=batch,
                    name=entry.name[:500],
                    sha256="",
                    status=FileStatus.FAILED,
                    reason_zh=entry.error_zh,
                    reason_en=entry.error_en,
                    processed_at=timezone.now(),
                )
            )
            continue
        digest = sha256(entry.data)
        blob = blob_dir() / digest
        if not blob.exists():
            blob.write_bytes(entry.data)
        rows.append(
            ImportFile(
                batch=batch,
                name=entry.name[:500],
                sha256=digest,
                size=len(entry.data),
                hint_agency=entry.hint_agency[:200],
                hint_year=entry.hint_year,
            )
        )
        if len(rows) >= 500:
            ImportFile.objects.bulk_create(rows)
            rows = []
    ImportFile.objects.bulk_create(rows)
    record(actor, Action.OVERSIGHT_IMPORT, batch, after={"files": batch.files.count(), "label": label}, agency=root)
    return batch


def matcher_for(root: Agency) -> Matcher:
    rows = Agency.objects.subtree(root).values_list("pk", "name", "short_name", "code")
    return Matcher([Candidate(*row) for row in rows])


def run_batch(
    batch_id: int, progress: Callable[[ImportFile], None] | None = None, *, worker: int = 0, workers: int = 1
) -> dict[str, int]:
    """Process the batch's pending files (a resumed batch picks up where it stopped). With
    ``workers`` > 1, this worker takes the files whose id modulo ``workers`` is ``worker``, so
    several processes share a batch without claiming the same file."""
    batch = ImportBatch.objects.select_related("root", "created_by").get(pk=batch_id)
    matcher = matcher_for(batch.root)
    pending_files = batch.files.filter(status=FileStatus.PENDING)
    if workers > 1:
        pending_files = pending_files.alias(slot=F("pk") % workers).filter(slot=worker)
    with tempfile.TemporaryDirectory(prefix="gongkai-import-") as workdir:
        for pending in pending_files.order_by("pk").iterator(chunk_size=200):
            process_file(pending, matcher, batch.created_by, Path(workdir))
            if progress is not None:
                progress(pending)
    if not batch.files.filter(status=FileStatus.PENDING).exists():
        ImportBatch.objects.filter(pk=batch.pk).update(finished_at=timezone.now())
    return counts(batch)


def import_job(batch_id: int, worker: int = 0, workers: int = 1) -> dict[str, int]:
    """``run_batch`` as the task queue takes it: plain arguments only (one shard of the batch)."""
    return run_batch(batch_id, worker=worker, workers=workers)


def import_shards() -> int:
    """How many queue jobs share one import (``GONGKAI_IMPORT_SHARDS``): with a broker, by default
    two, so two ``gongkai worker`` processes read a batch at once; embedded, one."""
    from django.conf import settings

    default = "2" if getattr(settings, "BROKER_URL", "") else "1"
    try:
        return max(1, min(16, int(os.environ.get("GONGKAI_IMPORT_SHARDS", default))))
    except ValueError:
        return int(default)


STALLED_AFTER = dt.timedelta(seconds=90)


def stalled(batch: ImportBatch) -> bool:
    """Unfinished, and no file of it processed for ``STALLED_AFTER``: its job died (or never ran), so
    resuming it is safe — a running job is not doubled."""
    if batch.finished_at is not None:
        return False
    last = batch.files.aggregate(last=Max("processed_at"))["last"] or batch.created_at
    return timezone.now() - last >= STALLED_AFTER


def progress_of(batch: ImportBatch) -> dict[str, int]:
    """Files done / total and failures, for the progress view (one grouped query)."""
    tally = counts(batch)
    total = sum(tally.values())
    return {
        "total": total,
        "done": total - tally[FileStatus.PENDING],
        "failed": tally[FileStatus.FAILED],
        "percent": round(100 * (total - tally[FileStatus.PENDING]) / total) if total else 100,
    }


def counts(batch: ImportBatch) -> dict[str, int]:
    """Files per status, one grouped query."""
    found = dict(batch.files.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    return {status: found.get(status, 0) for status in FileStatus.values}


def _read(file: ImportFile, workdir: Path) -> tuple[Report | None, str, str, str]:
    """The report in the stored bytes, read under the original file name's suffix (it tells formats)
    through a link in ``workdir`` (one folder per batch run: making one per file costs more than reading)."""
    blob = blob_dir() / file.sha256
    suffix = PurePosixPath(file.name.replace("\\", "/")).suffix[:10]
    target = workdir / f"{file.pk}{suffix}"
    try:
        target.symlink_to(blob)
    except OSError:
        target.write_bytes(blob.read_bytes())
    try:
        result = read_report(target)
    finally:
        target.unlink(missing_ok=True)
    if result.report is None:
        return None, result.format or "", result.error_zh or "", result.error_en or ""
    return result.report, result.format or "", "", ""


def process_file(file: ImportFile, matcher: Matcher, actor: Actor, workdir: Path) -> None:
    """Read one pending file and store it, or keep why not. Its state is saved either way."""
    if not ImportFile.objects.filter(pk=file.pk, status=FileStatus.PENDING).exists():
        return  # another job of the batch (a resumed one) got to it first
    existing = ReportVersion.objects.filter(sha256=file.sha256).select_related("report").first()
    if existing is not None:
        _finish(
            file,
            FileStatus.DUPLICATE,
            version=existing,
            agency_id=existing.report.agency_id,
            year=existing.report.year,
            zh=f"与已导入的“{existing.file_name}”内容相同",
            en=f"same content as '{existing.file_name}', already imported",
        )
        return
    report, fmt, zh, en = _read(file, workdir)
    file.format = fmt
    if report is None:
        _finish(file, FileStatus.FAILED, zh=zh, en=en)
        return
    name = PurePosixPath(file.name.replace("\\", "/")).name
    if report.source is not None:
        report.source = replace(report.source, file=name)  # read under a temporary name
    file.data = report.to_dict()
    found = matcher.match(file.hint_agency, file.hint_year, report.agency, report.year, name)
    if found.agency is None or found.year is None:
        _finish(
            file, FileStatus.UNMATCHED, agency_id=found.agency, year=found.year, zh=found.reason_zh, en=found.reason_en
        )
        return
    with transaction.atomic():
        version = store_version(actor, found.agency, found.year, file.data, file.sha256, name, fmt)
        _finish(file, FileStatus.IMPORTED, version=version, agency_id=found.agency, year=found.year)


def _finish(
    file: ImportFile,
    status: str,
    *,
    version: ReportVersion | None = None,
    agency_id: int | None = None,
    year: int | None = None,
    zh: str = "",
    en: str = "",
) -> None:
    file.status, file.version, file.agency_id, file.year = status, version, agency_id, year
    file.reason_zh, file.reason_en, file.processed_at = zh, en, timezone.now()
    file.save()
    if status in (FileStatus.IMPORTED, FileStatus.DUPLICATE):
        (blob_dir() / file.sha256).unlink(missing_ok=True)  # kept as data now; the bytes were for resuming


def match_file(actor: Actor, file: ImportFile, agency: Agency, year: int) -> ReportVersion:
    """A person's answer for a file waiting in the queue: its agency and year."""
    _require(actor, agency)
    if file.status != FileStatus.UNMATCHED or file.data is None:
        raise OversightError("该文件不在待匹配队列中 / this file is not waiting to be matched")
    if not agency.is_within(file.batch.root):
        raise OversightError("机关不在本批次的所辖范围内 / the agency is outside the batch's region")
    with transaction.atomic():
        name = PurePosixPath(file.name.replace("\\", "/")).name
        version = store_version(actor, agency.pk, year, file.data, file.sha256, name, file.format)
        before = {"status": file.status}
        _finish(file, FileStatus.IMPORTED, version=version, agency_id=agency.pk, year=year)
        record(
            actor,
            Action.OVERSIGHT_MATCH,
            file,
            before=before,
            after={"status": file.status, "agency": agency.pk, "year": year},
            agency=agency,
        )
    return version


# ---------------------------------------------------------------------------------------------
# Versions
# ---------------------------------------------------------------------------------------------


def _published_on(data: dict[str, Any]) -> dt.date | None:
    try:
        return signed_date(Report.from_dict(data))
    except ValueError:
        return None


def store_version(
    actor: Actor,
    agency_id: int,
    year: int,
    data: dict[str, Any],
    digest: str,
    file_name: str,
    fmt: str,
    source: str = VersionSource.FILE,
    published_on: dt.date | None = None,
) -> ReportVersion:
    """Keep ``data`` as the current version of the agency's report of ``year``; the same content
    again is the version already kept; other content supersedes the current one (kept as history)."""
    existing = ReportVersion.objects.filter(sha256=digest).first()
    if existing is not None:
        return existing
    published, _ = PublishedReport.objects.select_for_update().get_or_create(agency_id=agency_id, year=year)
    now = timezone.now()
    previous = published.current
    version = ReportVersion.objects.create(
        report=published,
        sha256=digest,
        source=source,
        file_name=file_name[:500],
        format=fmt,
        data=data,
        published_on=published_on or _published_on(data),
        created_by=stored_user(actor),
    )
    if previous is not None:
        ReportVersion.objects.filter(pk=previous.pk).update(superseded_at=now)
    published.current = version
    published.published_on = version.published_on
    for name, value in figures(data).items():
        setattr(published, name, value)
    published.save(update_fields=["current", "published_on", *FIGURES])
    check_published_report(published)
    check_hierarchy_around(published)
    record(
        actor,
        Action.OVERSIGHT_VERSION,
        version,
        before={"current": previous.pk if previous else None},
        after={"current": version.pk, "file": file_name, "sha256": digest},
        agency=published.agency,
    )
    return version


def report_cells(published: PublishedReport) -> list[dict[str, Any]]:
    """The current version's cells: key (``requests.granted[6]``), value, and where it was printed
    (the reader's provenance: page, table, row); empty when there is no readable current version."""
    if published.current is None:
        return []
    try:
        data = Report.from_dict(published.current.data)
    except ReportDataError:
        return []
    where = data.provenance or {}
    cells = []
    for table, row, column, value in data.cells():
        key = f"{table}.{row}[{column}]" if isinstance(column, int) else f"{table}.{row}.{column}"
        cells.append({"key": key, "value": value, "where": where.get(key, "")})
    return cells


def store_platform_report(actor: Actor, agency: Agency, year: int, report: Report) -> ReportVersion:
    """A report the agency compiled and published on the platform, in the same store."""
    data = report.to_dict()
    canonical = Report.from_dict(data).to_json(indent=None).encode()
    with transaction.atomic():
        return store_version(
            actor,
            agency.pk,
            year,
            data,
            sha256(canonical),
            f"{agency.name} {year}（平台）",
            "platform",
            VersionSource.PLATFORM,
            published_on=timezone.localdate(),
        )


# ---------------------------------------------------------------------------------------------
# The work list: decisions on findings, sent back to the agency and answered
# ---------------------------------------------------------------------------------------------

# A supervisor's decisions on a finding, each with the kind of audit entry it writes.
DECISIONS: dict[FindingStatus, Action] = {
    FindingStatus.CONFIRMED: Action.OVERSIGHT_FINDING_CONFIRMED,
    FindingStatus.DISMISSED: Action.OVERSIGHT_FINDING_DISMISSED,
    FindingStatus.RECTIFIED: Action.OVERSIGHT_FINDING_RECTIFIED,
    FindingStatus.OPEN: Action.OVERSIGHT_FINDING_OPEN,
}
_TRACKED = ("status", "reason", "answer")


def decide(actor: Actor, finding: ReportFinding, status: str, reason: str = "") -> ReportFinding:
    """A supervisor's decision: confirmed, dismissed (a reason is required), rectified, or reopened."""
    _require(actor, finding.agency)
    if status not in DECISIONS:
        raise OversightError(f"未知的处理结果 {status} / unknown decision {status}")
    if status == FindingStatus.DISMISSED and not reason.strip():
        raise OversightError("排除一项发现须说明理由 / dismissing a finding needs a reason")
    with transaction.atomic():
        finding = lock_unchanged(finding, ("status",))
        before = snapshot(finding, _TRACKED)
        finding.status, finding.reason = status, reason.strip()
        finding.decided_by, finding.decided_at = stored_user(actor), timezone.now()
        finding.save(update_fields=["status", "reason", "decided_by", "decided_at"])
        record(
            actor,
            DECISIONS[FindingStatus(status)],
            finding,
            before=before,
            after=snapshot(finding, _TRACKED),
            agency=finding.agency,
            note=reason.strip(),
        )
    return finding


def send_back(actor: Actor, findings: Iterable[ReportFinding], note: str = "") -> int:
    """Send findings to their agency for an answer (and a corrected report)."""
    count = 0
    with transaction.atomic():
        for finding in findings:
            _require(actor, finding.agency)
            finding = lock_unchanged(finding, ("status",))
            before = snapshot(finding, _TRACKED)
            finding.status, finding.reason = FindingStatus.SENT_BACK, note.strip()
            finding.decided_by, finding.decided_at = stored_user(actor), timezone.now()
            finding.save(update_fields=["status", "reason", "decided_by", "decided_at"])
            record(
                actor,
                Action.OVERSIGHT_FINDING_SENT_BACK,
                finding,
                before=before,
                after=snapshot(finding, _TRACKED),
                agency=finding.agency,
                note=note.strip(),
            )
            count += 1
    return count


def answer(actor: Actor, finding: ReportFinding, text: str) -> ReportFinding:
    """The agency's office answers a finding sent back to it."""
    if not may_change_agency_records(actor, finding.agency):
        raise PermissionDenied("只有该机关的经办人员可以答复 / only the agency's office may answer")
    if finding.status != FindingStatus.SENT_BACK:
        raise OversightError("只能答复退回的发现 / only a finding sent back can be answered")
    if not text.strip():
        raise OversightError("答复不能为空 / the answer is empty")
    with transaction.atomic():
        finding = lock_unchanged(finding, ("status",))
        before = snapshot(finding, _TRACKED)
        finding.status, finding.answer = FindingStatus.ANSWERED, text.strip()
        finding.save(update_fields=["status", "answer"])
        record(
            actor,
            Action.OVERSIGHT_FINDING_ANSWERED,
            finding,
            before=before,
            after=snapshot(finding, _TRACKED),
            agency=finding.agency,
        )
    return finding
