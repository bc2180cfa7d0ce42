"""The platform at scale on PostgreSQL: 10,000 agencies, one million cases.

(Not ``bench/platform.py``: a script's folder leads sys.path, and that name hid the standard
library's ``platform`` module from every other script in bench/.)

    .venv/bin/python bench/platform_scale.py [--agencies 10000] [--cases 1000000] [--clients 50] [--seconds 20]
                                             [--database-url postgresql://postgres@127.0.0.1:5432/gongkai_bench]
                                             [--reuse]

1. Builds a database of its own (dropped and made again unless ``--reuse`` finds one of the same
   size): a province → cities → counties → departments and towns, and ``--cases`` applications
   spread over them and over the last two years (COPY, with a progress bar). Most are answered
   with an outcome, the rest open in every state; due dates come from the real working-day
   calendar; 1 % of the answers are appealed, 0.3 % paid a fee.
2. Compiles the annual report (tables 三 and 四 counted from the cases, with the statutory checks
   and last year's for the carried-over series, as the report page does) for one county with
   everything under it, and for the whole province: seconds, best and median of three.
3. Starts the platform with ``gongkai serve`` (gunicorn, ``--workers`` processes) on loopback and
   drives the case list with ``--clients`` concurrent clients (wrk, or a bounded thread pool; each
   signed in) for ``--seconds`` each: the province supervisor's list page (every case in the
   province), a county clerk's, and the JSON API's list. Prints p50/p95/p99 and requests/s.

The load tool runs in this process on the same 2-core machine as the server, so the numbers are
a floor of what the platform does on a machine of its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import http.client
import itertools
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

import wrkload  # bench/wrkload.py (a script's folder leads sys.path)

console = Console(width=None if sys.stdout.isatty() else 140)  # logs keep the tables whole
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/gongkai_bench"
CITIES = 12
COUNTIES_PER_CITY = 10
SEED = 20261123

SUBJECTS = [
    "城乡居民最低生活保障资金使用情况",
    "某地块国有土地使用权出让合同及规划条件",
    "某村集体土地征收补偿安置方案",
    "某道路改造工程的环境影响评价批复",
    "某小区旧改项目的立项批复文件",
    "本单位部门预算和三公经费",
    "某企业排污许可证及监督性监测数据",
    "某河道整治工程招标文件及中标结果",
    "某学校新建工程的规划许可证",
    "惠农补贴发放名单",
    "某行政处罚决定书",
    "某拆迁项目的房屋征收决定及补偿方案",
]
# Outcomes and how often they occur (roughly the corpus reports' proportions).
OUTCOMES = [
    ("granted", 40),
    ("partially_granted", 12),
    ("denied_third_party", 3),
    ("denied_process_info", 3),
    ("denied_enforcement_file", 1),
    ("denied_state_secret", 1),
    ("unavailable_not_held", 20),
    ("unavailable_needs_creation", 3),
    ("not_processed_petition", 4),
    ("not_processed_duplicate", 3),
    ("not_processed_publication", 1),
    ("other_no_correction", 3),
    ("other_other", 6),
]
TYPES = [
    ("natural_person", 88),
    ("business", 6),
    ("research", 1),
    ("public_interest", 1),
    ("legal_services", 2),
    ("other", 2),
]
CHANNELS = [("online", 60), ("in_person", 20), ("registered_post", 15), ("ordinary_post", 3), ("fax", 2)]
OPEN = [("registered", 80), ("clarification", 8), ("consultation", 6), ("fee", 2), ("awaiting_receipt", 4)]


def weighted(pairs: list[tuple[Any, float]]) -> Callable[[random.Random], Any]:
    """A chooser by weight; cumulative weights once, so that each choice is a bisection."""
    values = [v for v, _ in pairs]
    cumulative = list(itertools.accumulate(w for _, w in pairs))
    return lambda rng: rng.choices(values, cum_weights=cumulative)[0]


# ---------------------------------------------------------------------------------------------
# The database
# ---------------------------------------------------------------------------------------------


def prepare_database(url: str, reuse: bool) -> bool:
    """Create the benchmark's database (drop it first unless reusing). True when it already existed."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None
        if exists and reuse:
            return True
        if exists:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return False


def setup_django(url: str) -> None:
    os.environ["GONGKAI_DATABASE_URL"] = url
    os.environ.setdefault("GONGKAI_DATA_DIR", tempfile.mkdtemp(prefix="gongkai-bench-"))
    os.environ.setdefault("GONGKAI_SECRET_KEY", "bench-only-secret-key")
    os.environ.setdefault("GONGKAI_DB_STATEMENT_TIMEOUT", "0")  # one COPY of a million cases outlasts 30 s
    from gongkai.platform import setup

    setup()


@dataclass
class Tree:
    province: int
    counties: list[int]
    weights: list[tuple[int, float]]  # (agency id, share of the cases)


def build_agencies(total: int) -> Tree:
    """A province, CITIES cities, COUNTIES_PER_CITY counties each, the rest departments and towns."""
    from django.db import connection

    from gongkai.platform.agencies.models import Agency, path_segment

    counties_total = CITIES * COUNTIES_PER_CITY
    leaves = max(total - 1 - CITIES - counties_total, 0)
    rows: list[tuple[Any, ...]] = []
    weights: list[tuple[int, float]] = []
    next_id = iter(range(1, total + counties_total + CITIES + 10))

    def add(name: str, kind: str, parent: tuple[int, str] | None, weight: float) -> tuple[int, str]:
        pk = next(next_id)
        path = (parent[1] if parent else "") + path_segment(pk)
        rows.append((pk, name, kind, parent[0] if parent else None, path, path.count("/") - 1))
        weights.append((pk, weight))
        return pk, path

    province = add("某省人民政府", "province", None, 30)
    counties = []
    for c in range(CITIES):
        city = add(f"第{c + 1}市人民政府", "city", province, 15)
        for k in range(COUNTIES_PER_CITY):
            county = add(f"第{c + 1}市第{k + 1}县人民政府", "county", city, 8)
            counties.append(county)
    for n in range(leaves):  # departments and towns, spread evenly over the counties
        county = counties[n % len(counties)]
        index = n // len(counties) + 1
        if index % 5 < 3:
            add(f"{county[0]}号县第{index}部门", "department", county, 1)
        else:
            add(f"{county[0]}号县第{index}乡镇", "town", county, 1)
    columns = (
        "id, name, short_name, code, kind, parent_id, path, depth, office_name, address, phone, postcode, "
        "website, review_body, court"
    )
    with connection.cursor() as cursor, cursor.copy(f"COPY {Agency._meta.db_table} ({columns}) FROM STDIN") as copy:
        for pk, name, kind, parent, path, depth in rows:
            copy.write_row((pk, name, "", "", kind, parent, path, depth, "", "", "", "", "", "", ""))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT setval(pg_get_serial_sequence('{Agency._meta.db_table}', 'id'), %s)", [len(rows)])
    total_weight = sum(w for _, w in weights)
    return Tree(province[0], [c[0] for c in counties], [(pk, w / total_weight) for pk, w in weights])


def tree_from_database() -> Tree:
    from gongkai.platform.agencies.models import Agency

    province = Agency.objects.get(depth=0).pk
    counties = list(Agency.objects.filter(kind="county").order_by("pk").values_list("pk", flat=True))
    return Tree(province, counties, [])


def load_cases(tree: Tree, total: int, today: dt.date) -> None:
    """``total`` applications by COPY: two years of arrivals, most answered, due dates from the calendar."""
    from django.db import connection
    from django.utils import timezone

    from gongkai.platform.appeals.models import Appeal
    from gongkai.platform.desk.models import Application
    from gongkai.platform.workdays.calendar import WorkCalendar

    rng = random.Random(SEED)
    calendar = WorkCalendar.from_database()
    due_cache: dict[dt.date, dt.date] = {}
    clarify_cache: dict[dt.date, dt.date] = {}
    outcome, kind, channel, open_status = weighted(OUTCOMES), weighted(TYPES), weighted(CHANNELS), weighted(OPEN)
    agencies = [pk for pk, _ in tree.weights]
    agency = weighted(tree.weights)
    fields = [f for f in Application._meta.concrete_fields if not f.primary_key]
    columns = [f.column for f in fields]
    defaults = {f.attname: f.get_default() for f in fields}
    now = timezone.now()
    appeals: list[tuple[int, int, str, dt.date, str]] = []
    batch = 10_000
    columns_sql = ", ".join(columns)
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
    )
    started = time.perf_counter()
    with progress, connection.cursor() as cursor:
        task = progress.add_task("申请 cases (COPY)", total=total, rate="")
        with cursor.copy(f"COPY {Application._meta.db_table} ({columns_sql}) FROM STDIN") as copy:
            for n in range(total):
                received = today - dt.timedelta(days=rng.randint(1, 730))
                due = due_cache.get(received)
                if due is None:
                    due = due_cache[received] = calendar.add_workdays(received, 20)
                answered = rng.random() < (0.97 if (today - received).days > 30 else 0.5)
                row = dict(defaults)
                row.update(
                    agency_id=agency(rng) if n % 64 else agencies[n % len(agencies)],  # every agency has some
                    tracking_code=f"{n // 10**8:04d}-{n // 10**4 % 10**4:04d}-{n % 10**4:04d}",
                    applicant_type=kind(rng),
                    applicant_name=f"申请人{n % 200_000}",
                    applicant_key=hashlib.sha256(str(n % 200_000).encode()).hexdigest(),
                    description=rng.choice(SUBJECTS),
                    channel=channel(rng),
                    form_wanted="电子邮件",
                    submitted_on=received,
                    receipt_date=received,
                    due_date=due,
                    created_at=now,
                    updated_at=now,
                )
                if answered:
                    decided = min(received + dt.timedelta(days=rng.randint(1, 40)), today)
                    row.update(
                        status="answered" if decided > today - dt.timedelta(days=60) else "closed",
                        outcome=outcome(rng),
                        decided_on=decided,
                    )
                    if rng.random() < 0.003:  # a fee for an excessive volume (国办函〔2020〕109号), paid
                        paid = max(decided - dt.timedelta(days=3), received)
                        row.update(
                            fee_method="per_request",
                            fee_units=11,
                            fee_amount=100,
                            fee_notice_on=received,
                            fee_received_on=received,
                            fee_deadline=due,
                            fee_paid_on=paid,
                        )
                    if rng.random() < 0.01:
                        appeals.append(
                            (
                                n,
                                row["agency_id"],
                                rng.choice(["review", "litigation"]),
                                min(decided + dt.timedelta(days=rng.randint(5, 50)), today),
                                rng.choice(["upheld", "upheld", "corrected", "other", "pending"]),
                            )
                        )
                else:
                    status = open_status(rng)
                    row["status"] = status
                    if status == "awaiting_receipt":
                        row.update(receipt_date=None, due_date=None)
                    elif status in ("clarification", "consultation", "fee"):
                        row["due_date"] = None  # the clock is stopped
                        if status == "clarification":
                            deadline = clarify_cache.get(received)
                            if deadline is None:
                                deadline = clarify_cache[received] = calendar.add_workdays(received, 10)
                            row.update(
                                clarification_sent_on=received,
                                clarification_request="请补正",
                                clarification_deadline=deadline,
                            )
                copy.write_row([row[f.attname] for f in fields])
                if n % batch == batch - 1 or n == total - 1:
                    rate = (n + 1) / (time.perf_counter() - started)
                    progress.update(task, completed=n + 1, rate=f"{rate:,.0f}/s")
        # Appeals of 1 % of the answers: the application ids are the COPY order (a fresh table).
        first_id = cursor.execute(f"SELECT min(id) FROM {Application._meta.db_table}").fetchone()[0]
        with cursor.copy(
            f"COPY {Appeal._meta.db_table} (application_id, agency_id, kind, body, case_number, "
            "filed_on, result, decided_on, note, withdrawal_reason) FROM STDIN"
        ) as copy:
            for n, agency, appeal_kind, filed, result in appeals:
                decided = None if result == "pending" else min(filed + dt.timedelta(days=60), today)
                copy.write_row((first_id + n, agency, appeal_kind, "某复议机关", "", filed, result, decided, "", ""))
    console.print(f"{total:,} 件申请、{len(appeals):,} 件复议诉讼，用时 {time.perf_counter() - started:.1f} 秒")


def analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE") if connection.get_autocommit() else cursor.execute("ANALYZE")


def make_users(tree: Tree) -> dict[str, Any]:
    from gongkai.platform.accounts.models import Role, User
    from gongkai.platform.agencies.models import Agency

    county = Agency.objects.get(pk=tree.counties[0])
    wanted = {
        "bench_province": (Role.SUPERVISOR, Agency.objects.get(pk=tree.province)),
        "bench_county_clerk": (Role.CLERK, county),
    }
    users = {}
    for username, (role, agency) in wanted.items():
        user, _ = User.objects.get_or_create(username=username, defaults={"role": role, "agency": agency})
        users[username] = user
    return users


def session_cookie(user: Any) -> str:
    """A signed-in session for ``user``, made the way django.contrib.auth's login() makes it."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"sessionid={session.session_key}"


# ---------------------------------------------------------------------------------------------
# Measurements
# ---------------------------------------------------------------------------------------------


def time_compile(agency_id: int, year: int, repeat: int = 3) -> tuple[float, float, int]:
    """(best, median) seconds of compiling the aggregate report as the page does, and its case count."""
    from gongkai.platform.agencies.models import Agency
    from gongkai.platform.annual.compile import compile_report

    agency = Agency.objects.get(pk=agency_id)
    times = []
    compiled = None
    for _ in range(repeat):
        start = time.perf_counter()
        compiled = compile_report(agency, year, aggregate=True)
        times.append(time.perf_counter() - start)
    assert compiled is not None
    if compiled.errors:
        console.print(f"[red]校验错误 / check errors in {agency.name}: {[f.message_zh for f in compiled.errors]}")
    processed = compiled.report.requests["total_processed"][-1] or 0
    return min(times), statistics.median(times), int(processed)


@contextmanager
def platform_server(url: str, port: int, workers: int = 1, threads: int = 4) -> Iterator[int]:
    """``gongkai serve`` (gunicorn, ``workers`` processes) on loopback, on the benchmark's database.
    Yields its process group (gunicorn's master and workers), whose CPU time ``wrkload.group_cpu`` reads."""
    env = {**os.environ, "GONGKAI_DATABASE_URL": url}
    gongkai = str(Path(sys.executable).with_name("gongkai"))
    log = tempfile.NamedTemporaryFile(prefix="gongkai-bench-serve-", suffix=".log", delete=False)  # noqa: SIM115
    server = subprocess.Popen(
        [
            gongkai,
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-input",
            "--admin-password",
            "bench-admin",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--no-scheduler",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"gongkai serve stopped (exit {server.returncode}); see {log.name}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"gongkai serve did not answer on port {port}; see {log.name}") from None
                time.sleep(0.3)
        # gunicorn binds before its workers are ready: wait for an answer (any) from a worker
        while time.monotonic() < deadline:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("GET", "/")
                conn.getresponse().read()
                conn.close()
                break
            except (OSError, http.client.HTTPException):
                time.sleep(0.5)
        yield server.pid
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


@dataclass
class Load:
    latencies: list[float]
    errors: int
    seconds: float
    rows_seen: int


def drive(port: int, path: str, cookie: str, clients: int, seconds: float) -> Load:
    """``clients`` threads, each with its own keep-alive connection, asking for ``path`` until time is up."""
    stop_at = time.monotonic() + seconds
    lock = threading.Lock()
    latencies: list[float] = []
    errors = 0
    sizes: list[int] = []

    kinds: dict[str, int] = {}
    samples: list[str] = []  # the first failed answer, to say why

    def client(_: int) -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine: list[float] = []
        failed: list[str] = []
        size = 0
        while time.monotonic() < stop_at:
            start = time.perf_counter()
            for attempt in (1, 2):  # a kept-alive connection the server has closed: once more, afresh
                try:
                    conn.request("GET", path, headers={"Cookie": cookie})
                    response = conn.getresponse()
                    body = response.read()
                    outcome = "ok" if response.status == 200 else f"HTTP {response.status}"
                    if response.status != 200 and not samples:
                        text = body.decode(errors="replace")
                        found = re.search(r'exception_value">(.*?)</pre>', text, re.S)  # Django's debug page
                        samples.append(html.unescape(found.group(1)) if found else text[:300])
                    size = len(body)
                    break
                except (OSError, http.client.HTTPException) as error:
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                    outcome = type(error).__name__
                    if attempt == 1 and isinstance(error, http.client.RemoteDisconnected | ConnectionResetError):
                        start = time.perf_counter()
                        continue
                    break
            elapsed = time.perf_counter() - start
            if outcome == "ok":
                mine.append(elapsed)
            else:
                failed.append(outcome)
        conn.close()
        with lock:
            latencies.extend(mine)
            errors += len(failed)
            for kind in failed:
                kinds[kind] = kinds.get(kind, 0) + 1
            sizes.append(size)

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(client, range(clients)))
    if kinds:
        console.print(f"  errors: {kinds}; the first: {samples[0][:500] if samples else ''}")
    return Load(sorted(latencies), errors, time.monotonic() - started, max(sizes, default=0))


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


# ---------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--agencies", type=int, default=10_000)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0, help="per load scenario")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--reuse", action="store_true", help="keep a database loaded by an earlier run")
    parser.add_argument("--skip-load-test", action="store_true")
    parser.add_argument("--skip-compile", action="store_true", help="only the load test")
    parser.add_argument("--workers", default="1,2", help="worker process counts to measure, e.g. 1,2")
    parser.add_argument("--only", help="scenarios to run, by number: 1 province page, 2 county page, 3 API")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker process (gongkai serve --threads)")
    parser.add_argument(
        "--load-tool",
        choices=("wrk", "threads"),
        default="wrk" if wrkload.available() else "threads",
        help="wrk (C, a few per cent of a core; default when installed) or the Python thread pool",
    )
    args = parser.parse_args()
    if not 1 <= args.clients <= 200 or not 1 <= args.seconds <= 600:
        parser.error("--clients 1..200, --seconds 1..600")
    minimum = 1 + CITIES + CITIES * COUNTIES_PER_CITY
    if args.agencies < minimum:
        parser.error(f"--agencies must be at least {minimum}")

    existed = prepare_database(args.database_url, args.reuse)
    setup_django(args.database_url)
    from django.core.management import call_command

    from gongkai.platform.agencies.models import Agency
    from gongkai.platform.desk.models import Application
    from gongkai.platform.desk.services import today

    call_command("migrate", interactive=False, verbosity=0)
    on = today()
    loaded = existed and Agency.objects.count() == args.agencies and Application.objects.count() == args.cases
    if loaded:
        console.print(f"沿用已有数据库 / reusing {args.database_url}")
        tree = tree_from_database()
    else:
        if existed:
            from django.db import connection

            connection.close()  # DROP … WITH (FORCE) would end this process's own connection under it
            existed = prepare_database(args.database_url, reuse=False)
            call_command("migrate", interactive=False, verbosity=0)
        start = time.perf_counter()
        tree = build_agencies(args.agencies)
        console.print(f"{Agency.objects.count():,} 个机关 agencies，用时 {time.perf_counter() - start:.1f} 秒")
        load_cases(tree, args.cases, on)
        start = time.perf_counter()
        analyze()
        console.print(f"ANALYZE 用时 {time.perf_counter() - start:.1f} 秒")

    results = Table(title=f"gongkai platform · {args.agencies:,} agencies · {args.cases:,} cases · PostgreSQL")
    results.add_column("measure")
    results.add_column("value", justify="right")
    year = on.year - 1  # the last full year
    county = (
        max(
            tree.counties,
            key=lambda pk: Application.objects.filter(agency__path__startswith=Agency.objects.get(pk=pk).path).count(),
        )
        if len(tree.counties) < 200
        else tree.counties[0]
    )
    for label, agency_id in () if args.skip_compile else (("county", county), ("province", tree.province)):
        best, median, processed = time_compile(agency_id, year)
        results.add_row(
            f"annual report {year}, {label} with everything under it ({processed:,} answered that year)",
            f"best {best:.2f} s · median {median:.2f} s",
        )
    console.print(results)

    if not args.skip_load_test:
        users = make_users(tree)
        from gongkai.platform.accounts.models import User

        users["bench_county_clerk"].agency_id = county
        User.objects.filter(pk=users["bench_county_clerk"].pk).update(agency_id=county)
        cookies = {name: session_cookie(user) for name, user in users.items()}
        scenarios = [
            ("case list page, province supervisor", "/desk/?tab=open", cookies["bench_province"]),
            ("case list page, county clerk", "/desk/?tab=open", cookies["bench_county_clerk"]),
            ("case list API, province supervisor", "/api/cases/?tab=open", cookies["bench_province"]),
        ]
        if args.only:
            wanted = {int(n) for n in args.only.split(",")}
            scenarios = [s for n, s in enumerate(scenarios, 1) if n in wanted]
        load_table = Table(
            title=f"case list under {args.clients} concurrent clients, {args.seconds:.0f} s each "
            "(gongkai serve, loopback)"
        )
        columns = (
            "scenario",
            "workers",
            "requests",
            "errors",
            "req/s",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "1 client p50 ms",
            "load avg",
            "server CPU ms/req",
        )
        for column in columns:
            load_table.add_column(column, justify="left" if column == "scenario" else "right")
        for workers in (int(n) for n in args.workers.split(",")):
            with platform_server(args.database_url, args.port, workers, args.threads) as group:
                for label, path, cookie in scenarios:
                    if args.load_tool == "wrk":
                        base = f"http://127.0.0.1:{args.port}"
                        wrkload.run(base, [path], cookie=cookie, clients=5, seconds=5)  # warm every worker
                        alone_w = wrkload.run(base, [path], cookie=cookie, clients=1, seconds=min(args.seconds, 5))
                        cpu = wrkload.group_cpu(group)
                        load_w = wrkload.run(base, [path], cookie=cookie, clients=args.clients, seconds=args.seconds)
                        cpu_ms = (wrkload.group_cpu(group) - cpu) * 1000 / max(1, load_w.requests)
                        load_table.add_row(
                            label,
                            str(workers),
                            f"{load_w.requests:,}",
                            str(load_w.errors + alone_w.errors),
                            f"{load_w.rate:.1f}",
                            f"{load_w.p50_ms:.0f}",
                            f"{load_w.p95_ms:.0f}",
                            f"{load_w.p99_ms:.0f}",
                            f"{alone_w.p50_ms:.1f}",
                            f"{os.getloadavg()[0]:.1f}",
                            f"{cpu_ms:.1f}",
                        )
                        console.print(
                            f"  {label}, {workers} workers: {load_w.requests:,} requests, {load_w.rate:.1f}/s, "
                            f"p50 {load_w.p50_ms:.0f} ms, p95 {load_w.p95_ms:.0f} ms, alone p50 "
                            f"{alone_w.p50_ms:.1f} ms, errors {load_w.errors}, server CPU {cpu_ms:.1f} ms/request, "
                            f"load average {os.getloadavg()}"
                        )
                        continue
                    drive(args.port, path, cookie, min(args.clients, 5), 2)  # warm the server and the caches
                    # One client alone: the time a request takes when nothing queues (the server is one
                    # Python process; under load, latency ≈ clients / throughput).
                    alone = drive(args.port, path, cookie, 1, min(args.seconds, 5))
                    load = drive(args.port, path, cookie, args.clients, args.seconds)
                    load_table.add_row(
                        label,
                        str(workers),
                        f"{len(load.latencies):,}",
                        str(load.errors),
                        f"{len(load.latencies) / load.seconds:.1f}",
                        f"{percentile(load.latencies, 50) * 1000:.0f}",
                        f"{percentile(load.latencies, 95) * 1000:.0f}",
                        f"{percentile(load.latencies, 99) * 1000:.0f}",
                        f"{percentile(alone.latencies, 50) * 1000:.0f}",
                        f"{os.getloadavg()[0]:.1f}",
                        "",
                    )
                    console.print(
                        f"  {label}, {workers} workers: {len(load.latencies):,} requests, p50 "
                        f"{percentile(load.latencies, 50) * 1000:.0f} ms"
                    )
        console.print(load_table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
