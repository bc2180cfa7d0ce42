"""Oversight at scale on PostgreSQL: importing many published reports, and the region's dashboard.

    .venv/bin/python bench/oversight.py [--reports 10000] [--agencies 10000] [--years 5] [--pdf 20]
                                        [--dashboard-runs 30] [--database-url postgresql://…/gongkai_bench_oversight]

1. Builds a database of its own (dropped and made again): a province → 12 cities → 10 counties
   each → departments and towns, ``--agencies`` in all.
2. Renders ``--reports`` report files from the corpus' gold data, varied (each report's figures
   scaled at random, the agency one of the tree's, the year one of the last ``--years``), in HTML,
   DOCX and text by turns, and ``--pdf`` of them as PDF through LibreOffice (slow to make, so few).
3. Imports them as one batch with 1 worker (``run_batch`` in this process), then again — into a
   fresh store — with 2 worker processes sharing the batch: files read, matched to the tree, stored
   as versions, checked, findings saved. Prints reports per second. With ``--queue redis://…`` the
   workers are ``gongkai worker`` processes (Celery over Redis, a queue of the bench's own) and the
   import is queued as the platform queues it (``jobs.start_import``, one shard per worker).
4. Fills the store to ``--agencies`` × ``--years`` published reports with findings (bulk, no
   reading) and times ``dashboard()`` for the province and for one city, and ``region_rows`` (the
   side-by-side table) for one county, ``--dashboard-runs`` times each: p50 / p95.
5. Starts ``gongkai serve`` (gunicorn, one worker process) on ``--port`` and times the province's
   dashboard page over HTTP as a signed-in administrator, ``--dashboard-runs`` requests one after
   another: p50 / p95 of the whole round trip (the server renders the page; nothing is cached).

The machine's two cores are shared with the database server, so the numbers are a floor.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "corpus" / "gold"
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/gongkai_bench_oversight"
CITIES, COUNTIES = 12, 10
SEED = 20261205
QUEUE = "gongkai-bench-oversight"  # the bench's own queue: other users of the Redis server keep theirs


DEPARTMENTS = (
    "发展和改革局",
    "教育局",
    "科学技术局",
    "公安局",
    "民政局",
    "司法局",
    "财政局",
    "人力资源和社会保障局",
    "自然资源和规划局",
    "生态环境分局",
    "住房和城乡建设局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "商务局",
    "文化和旅游局",
    "卫生健康局",
    "应急管理局",
    "审计局",
    "市场监督管理局",
    "统计局",
    "医疗保障局",
    "城市管理局",
    "退役军人事务局",
    "林业局",
)
_CHARACTERS = "安宁平和江山海河湖东西南北清华新城阳泉林松柏桥溪塘浦庄丰乐兴隆永昌盛文武德仁义礼智信"


def _place_names() -> list[str]:
    """Two-character place names, each once (real names carry no digits: the readers expect that)."""
    rng = random.Random(SEED)
    names = [a + b for a in _CHARACTERS for b in _CHARACTERS if a != b]
    rng.shuffle(names)
    return names


def prepare_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(url: str, data_dir: str) -> None:
    os.environ["GONGKAI_DATABASE_URL"] = url
    os.environ["GONGKAI_DATA_DIR"] = data_dir
    os.environ.setdefault("GONGKAI_SECRET_KEY", "bench-only-secret-key")
    os.environ.setdefault("GONGKAI_DB_STATEMENT_TIMEOUT", "0")
    from gongkai.platform import setup

    setup()


def build_tree(total: int) -> list[Any]:
    """Province → cities → counties → departments and towns; returns the agencies (bulk, paths set)."""
    from gongkai.platform.agencies.models import Agency, AgencyKind, path_segment

    def make(name: str, kind: str, parent: Agency | None) -> Agency:
        return Agency.objects.create(name=name, kind=kind, parent=parent)

    places = _place_names()
    names = iter(places[: CITIES * (COUNTIES + 1) + 1])
    towns = places[CITIES * (COUNTIES + 1) + 1 :]  # a county's towns: names unique within the county
    province = make(f"{next(names)}省人民政府", AgencyKind.PROVINCE, None)
    counties = []
    for _ in range(CITIES):
        city = make(f"{next(names)}市人民政府", AgencyKind.CITY, province)
        counties += [make(f"{next(names)}县人民政府", AgencyKind.COUNTY, city) for _ in range(COUNTIES)]
    rest = max(0, total - 1 - CITIES - len(counties))
    start = Agency.objects.order_by("-pk").values_list("pk", flat=True)[0] + 1
    rows = []
    for i in range(rest):
        county = counties[i % len(counties)]
        prefix = county.name.removesuffix("人民政府")
        n = i // len(counties)
        if n < len(DEPARTMENTS):
            name, kind = prefix + DEPARTMENTS[n], AgencyKind.DEPARTMENT
        else:
            name, kind = f"{prefix}{towns[(n - len(DEPARTMENTS)) % len(towns)]}镇人民政府", AgencyKind.TOWN
        pk = start + i
        rows.append(
            Agency(
                pk=pk, name=name, kind=kind, parent=county, path=county.path + path_segment(pk), depth=county.depth + 1
            )
        )
    Agency.objects.bulk_create(rows, batch_size=2000)
    from django.db import connection

    with connection.cursor() as cursor:  # bulk rows came with their ids: move the sequence past them
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('agencies_agency', 'id'), (SELECT max(id) FROM agencies_agency))"
        )
    return list(Agency.objects.only("pk", "name", "kind", "path"))


def varied(rng: random.Random, golds: list[Any], agency: str, year: int) -> Any:
    """A gold report with its figures scaled (every cell by the same factor: the arithmetic holds)."""
    from gongkai.report.model import Report
    from gongkai.report.templates import template_for_year

    base = rng.choice(golds)
    template = template_for_year(year)
    report = Report.from_dict({**base.to_dict(), "template": base.template.id})
    if report.template.id != template.id:
        report = Report.empty(agency, year, template)
        for row in report.requests:
            if row in base.requests:
                report.requests[row] = list(base.requests[row])
        report.appeals = {g: dict(v) for g, v in base.appeals.items()}
    factor = rng.choice((1, 1, 2, 3))
    report.requests = {k: [None if v is None else v * factor for v in row] for k, row in report.requests.items()}
    report.agency, report.year = agency, year
    return report


def render_files(folder: Path, agencies: list[Any], count: int, pdfs: int, years: list[int]) -> float:
    from gongkai.render.batch import render_document, render_pdf
    from gongkai.report.model import Report

    rng = random.Random(SEED)
    golds = [Report.load(p) for p in sorted(GOLD.glob("*.json"))]
    leaves = [a for a in agencies if a.kind in ("department", "town")]
    rng.shuffle(leaves)
    started = time.perf_counter()
    formats = (("html", "html"), ("docx", "docx"), ("md", "txt"))
    for i in range(count):
        agency = leaves[i % len(leaves)]
        year = years[(i // len(leaves)) % len(years)]
        report = varied(rng, golds, agency.name, year)
        if i < pdfs:
            data, suffix = render_pdf(report), "pdf"
        else:
            fmt, suffix = formats[i % 3]
            data = render_document(report, fmt)
        (folder / f"{i:06d}.{suffix}").write_bytes(data)
    return time.perf_counter() - started


def queue_workers(count: int, url: str, data_dir: str, broker: str) -> list[subprocess.Popen[bytes]]:
    """``count`` ``gongkai worker`` processes (one job at a time each) on the bench's own queue."""
    env = {
        **os.environ,
        "GONGKAI_DATABASE_URL": url,
        "GONGKAI_DATA_DIR": data_dir,
        "GONGKAI_BROKER_URL": broker,
        "GONGKAI_QUEUE": QUEUE,
        "PYTHONPATH": str(REPO / "src"),
    }
    command = [sys.executable, "-c", "import sys; from gongkai.cli import main; sys.argv[0] = 'gongkai'; main()"]
    log = open(Path(data_dir) / "workers.log", "ab")  # noqa: SIM115  (the workers' lifetime)
    return [
        subprocess.Popen([*command, "worker", "--concurrency", "1"], env=env, stdout=log, stderr=subprocess.STDOUT)
        for _ in range(count)
    ]


def wait_for_workers(count: int, limit: float = 180) -> None:
    """Until ``count`` workers answer a ping (Celery's remote control over the broker)."""
    from gongkai.platform.taskqueue import app

    deadline = time.monotonic() + limit
    while len(app.control.ping(timeout=1.0) or []) < count:
        if time.monotonic() > deadline:
            raise SystemExit(f"{count} gongkai worker processes did not answer within {limit:.0f} s")


def import_queued(batch_id: int, workers: int) -> None:
    """Queue the batch as the import page does and wait until no file is pending."""
    from gongkai.platform.oversight.jobs import start_import
    from gongkai.platform.oversight.models import FileStatus, ImportFile

    os.environ["GONGKAI_IMPORT_SHARDS"] = str(workers)
    start_import(batch_id)
    while ImportFile.objects.filter(batch_id=batch_id, status=FileStatus.PENDING).exists():
        time.sleep(1)


def import_once(folder: Path, workers: int, url: str, data_dir: str, broker: str = "") -> tuple[float, dict[str, int]]:
    from gongkai.platform.accounts.models import Role, User
    from gongkai.platform.agencies.models import Agency
    from gongkai.platform.oversight.models import ImportBatch, PublishedReport, ReportVersion
    from gongkai.platform.oversight.services import counts, create_batch, run_batch
    from gongkai.platform.oversight.sources import collect

    ReportVersion.objects.all().delete()
    PublishedReport.objects.all().delete()
    ImportBatch.objects.all().delete()
    admin = User.objects.filter(role=Role.ADMIN).first() or User.objects.create(
        username="bench", role=Role.ADMIN, is_superuser=True
    )
    root = Agency.objects.get(parent__isnull=True)
    pool = queue_workers(workers, url, data_dir, broker) if broker else []
    if pool:
        wait_for_workers(len(pool))  # the workers start (Django, Celery) before the clock does
    started = time.perf_counter()
    batch = create_batch(admin, root, collect([folder]))
    if pool:
        try:
            import_queued(batch.pk, workers)
        finally:
            for process in pool:
                process.terminate()
            for process in pool:
                process.wait(timeout=60)
    elif workers == 1:
        run_batch(batch.pk)
    else:
        children = [
            subprocess.Popen(
                [
                    sys.executable,
                    __file__,
                    "--worker",
                    str(batch.pk),
                    str(w),
                    str(workers),
                    "--database-url",
                    url,
                    "--data-dir",
                    data_dir,
                ]
            )
            for w in range(workers)
        ]
        for child in children:
            if child.wait() != 0:
                raise SystemExit(f"worker failed: {child.args}")
    return time.perf_counter() - started, counts(batch)


def fill_store(agencies: list[Any], years: list[int]) -> int:
    """Every agency × year a published report with figures, dates and a few findings (bulk)."""
    from gongkai.platform.oversight.models import PublishedReport, ReportFinding

    rng = random.Random(SEED + 1)
    PublishedReport.objects.all().delete()
    rows = []
    for agency in agencies:
        for year in years:
            if rng.random() < 0.05:
                continue  # 5 % never published
            late = rng.random() < 0.1
            day = dt.date(year + 1, 4 if late else 1, rng.randint(1, 25))
            received = rng.randint(0, 300)
            rows.append(
                PublishedReport(
                    agency_id=agency.pk,
                    year=year,
                    published_on=day,
                    received=received,
                    processed=received,
                    granted=received // 2,
                    partly=received // 10,
                    refused=received // 20,
                    appeals_decided=received // 30,
                    appeals_corrected=received // 90,
                )
            )
    PublishedReport.objects.bulk_create(rows, batch_size=5000)
    reports = list(PublishedReport.objects.values_list("pk", "agency_id", "year"))
    rules = ("report.late", "text.figure_vs_table", "sections.empty", "series.repeated_text", "requests.row_sum")
    findings = []
    for n, (pk, agency_id, year) in enumerate(reports):
        for r in range(n % 3):
            findings.append(
                ReportFinding(
                    report_id=pk,
                    agency_id=agency_id,
                    year=year,
                    fingerprint=f"{pk}-{r}",
                    rule=rules[(n + r) % len(rules)],
                    severity="warning",
                    place="report",
                    message_zh="…",
                    message_en="…",
                    status="open" if r else "dismissed",
                )
            )
    ReportFinding.objects.bulk_create(findings, batch_size=5000)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return len(rows)


def timed(func: Any, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def http_timings(url: str, port: int, path: str, runs: int) -> tuple[float, float]:
    """p50 / p95 (ms) of GET ``path`` from ``gongkai serve`` on loopback, signed in as the administrator."""
    import importlib.util
    import urllib.request

    from gongkai.platform.accounts.models import Role, User

    spec = importlib.util.spec_from_file_location("bench_platform_scale", REPO / "bench" / "platform_scale.py")
    assert spec is not None and spec.loader is not None
    scale = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = scale  # its dataclasses look their module up
    spec.loader.exec_module(scale)
    admin = User.objects.filter(role=Role.ADMIN).first()
    assert admin is not None
    cookie = scale.session_cookie(admin)
    with scale.platform_server(url, port, workers=1) as base:

        def fetch() -> None:
            request = urllib.request.Request(base + path, headers={"Cookie": cookie})
            with urllib.request.urlopen(request, timeout=60) as response:
                if response.status != 200:
                    raise RuntimeError(f"{path}: HTTP {response.status}")
                response.read()

        fetch()  # the worker's first request loads the application
        return timed(fetch, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--agencies", type=int, default=10_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--pdf", type=int, default=20)
    parser.add_argument("--dashboard-runs", type=int, default=30)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--data-dir", default="")
    parser.add_argument("--port", type=int, default=8107, help="gongkai serve for the HTTP timings")
    parser.add_argument("--queue", default="", help="redis://… : import through gongkai worker processes")
    parser.add_argument("--import-only", action="store_true", help="stop after the imports")
    parser.add_argument("--worker", nargs=3, type=int, metavar=("BATCH", "WORKER", "WORKERS"))
    args = parser.parse_args()
    if args.worker:  # a child process of the 2-worker import
        setup_django(args.database_url, args.data_dir)
        from gongkai.platform.oversight.services import run_batch

        batch, worker, workers = args.worker
        run_batch(batch, worker=worker, workers=workers)
        return

    prepare_database(args.database_url)
    data_dir = tempfile.mkdtemp(prefix="gongkai-bench-oversight-")
    if args.queue:  # this process queues the jobs (set before Django reads its settings)
        os.environ["GONGKAI_BROKER_URL"] = args.queue
        os.environ["GONGKAI_QUEUE"] = QUEUE
    setup_django(args.database_url, data_dir)
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    started = time.perf_counter()
    agencies = build_tree(args.agencies)
    print(f"tree: {len(agencies)} agencies in {time.perf_counter() - started:.1f} s")
    this_year = dt.date.today().year
    years = list(range(this_year - args.years, this_year))
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-reports-") as tmp:
        folder = Path(tmp)
        seconds = render_files(folder, agencies, args.reports, min(args.pdf, args.reports), years)
        print(f"rendered {args.reports} reports ({min(args.pdf, args.reports)} PDF) in {seconds:.1f} s")
        for workers in (1, 2):
            seconds, tally = import_once(folder, workers, args.database_url, data_dir, args.queue)
            print(f"load average: {os.getloadavg()}")
            kind = f"worker{'s' if workers > 1 else ''}" + (" (gongkai worker over Redis)" if args.queue else "")
            print(
                f"import, {workers} {kind}: {args.reports} files in {seconds:.1f} s = "
                f"{args.reports / seconds:.1f} reports/s  {tally}"
            )
    if args.import_only:
        return
    stored = fill_store(agencies, years)
    print(f"store: {stored} published reports ({len(agencies)} agencies × {len(years)} years, 5 % missing)")
    from gongkai.platform.agencies.models import Agency
    from gongkai.platform.oversight.dashboard import dashboard
    from gongkai.platform.oversight.indicators import region_rows

    province = Agency.objects.get(parent__isnull=True)
    city = Agency.objects.filter(parent=province).first()
    county = Agency.objects.filter(parent=city).first()
    assert city is not None and county is not None
    year = years[-1]
    for label, func in (
        ("dashboard, province", lambda: dashboard(province, year)),
        ("dashboard, city", lambda: dashboard(city, year)),
        ("indicators side by side, county", lambda: region_rows(county, year)),
        ("indicators side by side, province", lambda: region_rows(province, year)),
    ):
        p50, p95 = timed(func, args.dashboard_runs)
        print(f"{label}: p50 {p50:.0f} ms, p95 {p95:.0f} ms ({args.dashboard_runs} runs)")
    page = f"/oversight/dashboard/{province.pk}/{year}/"
    p50, p95 = http_timings(args.database_url, args.port, page, args.dashboard_runs)
    print(f"dashboard, province, over HTTP ({page}): p50 {p50:.0f} ms, p95 {p95:.0f} ms ({args.dashboard_runs} runs)")
    print(f"load average: {os.getloadavg()}")


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    main()
