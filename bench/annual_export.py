"""The annual report's PDF download: the request before (rendered in it) and after (a job renders it).

    .venv/bin/python bench/annual_export.py [--cases 200] [--runs 10]

Builds a SQLite database of its own (a temporary data directory): one county with ``--cases`` answered
applications in 2021, its clerk signed in. Then times, ``--runs`` times each (p50 / max, ms):

- before: what ``/annual/<id>/2021/report.pdf`` did in the request until issue 11 — compile the
  report from the cases and convert it through LibreOffice (``render_pdf``);
- after, not ready: the same download with a worker to take the job (the job is collected, not run):
  the request compiles, digests and answers 202 正在生成;
- after, stored: the download once the job has stored the file: 200 with the PDF;
- the job itself (run by a worker, not by any request), and DOCX / HTML, which stay in the request.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def timed(runs: int, call: Callable[[], Any]) -> tuple[float, float, Any]:
    took, last = [], None
    for _ in range(runs):
        start = time.perf_counter()
        last = call()
        took.append((time.perf_counter() - start) * 1000)
    return statistics.median(took), max(took), last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "src"))
    os.environ["GONGKAI_DATA_DIR"] = tempfile.mkdtemp(prefix="gongkai-bench-annual-")
    os.environ.pop("GONGKAI_DATABASE_URL", None)
    os.environ.pop("GONGKAI_BROKER_URL", None)
    from gongkai.platform import setup

    setup()
    from django.core.management import call_command
    from django.test import Client

    from gongkai.platform.accounts.models import Role, User
    from gongkai.platform.agencies.models import Agency, AgencyKind
    from gongkai.platform.annual import documents
    from gongkai.platform.annual.compile import compile_report
    from gongkai.platform.annual.models import RenderedReport
    from gongkai.platform.desk import approval, services
    from gongkai.platform.desk.receipt import Channel
    from gongkai.render.batch import render_pdf

    call_command("migrate", verbosity=0)
    agency = Agency.objects.create(name="海盐县人民政府", kind=AgencyKind.COUNTY, code="002541000")
    clerk = User.objects.create_user("clerk", role=Role.CLERK, agency=agency)
    head = User.objects.create_user("head", role=Role.HEAD, agency=agency)
    applicant = {"applicant_type": "natural_person", "applicant_name": "赵六", "phone": "13700007777"}
    from gongkai.platform import taskqueue

    logging.disable(logging.INFO)  # the SMS log of every case
    enqueue = taskqueue.enqueue
    taskqueue.enqueue = lambda task, *args: None  # letters' PDFs and notices: not what is measured here
    start = time.perf_counter()
    for n in range(args.cases):
        day = dt.date(2021, 1, 4) + dt.timedelta(days=n % 300)
        case = services.register(
            clerk, agency, channel=Channel.IN_PERSON, submitted_on=day, applicant=applicant, description=f"文件{n}"
        )
        draft = approval.draft_answer(clerk, case, outcome="granted", reply_text="见政府网站")
        approval.sign(head, draft, on=day + dt.timedelta(days=3))
    taskqueue.enqueue = enqueue
    print(f"{args.cases} cases answered in {time.perf_counter() - start:.1f} s")
    client = Client(HTTP_HOST="localhost")
    client.force_login(clerk)
    address = f"/annual/{agency.pk}/2021/report.pdf"

    def report(label: str, median: float, worst: float) -> None:
        print(f"{label:<44} p50 {median:8.1f} ms   max {worst:8.1f} ms")

    median, worst, _ = timed(max(2, args.runs // 3), lambda: render_pdf(compile_report(agency, 2021).report))
    report("before: compile + LibreOffice in the request", median, worst)
    queued: list[str] = []
    worker_queue = documents.queue
    documents.queue = lambda rendering: queued.append(rendering.digest)
    median, worst, answer = timed(args.runs, lambda: client.get(address))
    assert answer.status_code == 202, answer.status_code
    report("after: not ready yet (202 正在生成)", median, worst)
    documents.queue = worker_queue
    from gongkai.platform.annual.tasks import render_report_document

    median, worst, _ = timed(1, lambda: render_report_document(queued[0]))
    report("the job (a worker, once per digest)", median, worst)
    median, worst, answer = timed(args.runs, lambda: client.get(address))
    assert answer.status_code == 200 and answer.content.startswith(b"%PDF"), answer.status_code
    report("after: stored (200, the PDF)", median, worst)
    assert RenderedReport.objects.count() == 1
    median, worst, _ = timed(args.runs, lambda: compile_report(agency, 2021))
    report("of which: compile_report", median, worst)
    for fmt in ("docx", "html"):
        other = f"/annual/{agency.pk}/2021/report.{fmt}"
        median, worst, answer = timed(args.runs, lambda other=other: client.get(other))  # type: ignore[misc]
        assert answer.status_code == 200
        report(f"{fmt.upper()} in the request (unchanged)", median, worst)


if __name__ == "__main__":
    main()
