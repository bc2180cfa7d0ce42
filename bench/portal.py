"""Benchmark: the portal with many published items — search p50/p95 and the catalogue page under load.

    .venv/bin/python bench/portal.py [--items 1000000] [--backend sqlite|postgresql|both]
                                     [--queries 300] [--clients 50] [--requests 3000] [--seconds 120]

For each database: a fresh database (SQLite file in a temporary folder, or the PostgreSQL database
``gongkai_portal_bench`` on 127.0.0.1, dropped afterwards), migrations applied, 120 agencies, ``--items``
published items bulk-inserted (titles and bodies made of sentences of the corpus reports, so the
text is real Chinese), the search index filled the way ``services.publish`` fills it (bigram
tokens; on PostgreSQL by COPY with the GIN index built after the load, as one does for bulk loads).

Then: ``--queries`` searches through ``portal.queries.run_search`` (the portal's own code path:
search + filters + fetching the page of items) — common words, rare words, absent words, two-word
queries, one character, with and without agency/year filters — and their p50/p95; and the
catalogue page of the largest agency (``/portal/<code>/catalogue/?page=…``, with category/year
filters) served by gunicorn as ``gongkai serve`` runs it, with each of ``--workers`` (1,2) process counts, under
``--clients`` concurrent clients (a thread pool), bounded by ``--requests`` and ``--seconds``.
"""

from __future__ import annotations

import sys

# A script's folder comes first on sys.path, and bench/platform.py would hide the standard library's
# ``platform`` (which uuid, psycopg … import): this script does without its folder.
sys.path[:] = [p for p in sys.path if p not in ("", __file__.rsplit("/", 1)[0]) and not p.endswith("/bench")]

import argparse  # noqa: E402
import gc  # noqa: E402
import itertools  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import urllib.request  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from concurrent.futures import ThreadPoolExecutor  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "raw"
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
PG_NAME = os.environ.get("GONGKAI_PORTAL_BENCH_DB", "gongkai_portal_bench")  # its own: platform_scale has gongkai_bench
PG_BENCH = f"postgresql://postgres@127.0.0.1:5432/{PG_NAME}"
BATCH = 10_000
AGENCIES = 120
BIG_SHARE = 0.2  # the largest agency holds this share of the items: its catalogue is the one loaded
CATEGORIES = [
    "normative",
    "other_document",
    "work",
    "plan",
    "budget",
    "personnel",
    "licensing",
    "enforcement",
    "livelihood",
    "inspection",
    "interpretation",
    "regulation",
]
COMMON = ["政务公开", "信息公开", "最多跑一次", "行政复议", "营商环境", "依申请公开", "规范性文件"]
ABSENT = ["量子计算", "火星探测器", "区块链挖矿"]
TITLE_FORMS = [
    "关于{}的通知",
    "关于印发{}的通知",
    "{}实施方案",
    "关于{}的意见",
    "{}工作情况",
    "关于{}的公告",
    "{}的批复",
]


def _wrkload() -> Any:
    """bench/wrkload.py, loaded by its path (this script keeps its folder off sys.path)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("wrkload", Path(__file__).with_name("wrkload.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["wrkload"] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


wrkload = _wrkload()


# -- text from the corpus ------------------------------------------------------------------------


def corpus_sentences() -> list[str]:
    text = []
    for path in sorted(CORPUS.iterdir()):
        raw = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            raw = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", raw, flags=re.S)
            raw = re.sub(r"<[^>]+>", " ", raw)
        text.append(raw)
    sentences = [s.strip() for s in re.split(r"[。！？\n]", "\n".join(text))]
    return [s for s in sentences if len(re.findall(r"[\u4e00-\u9fff]", s)) >= 8]


def phrases(sentences: list[str]) -> list[str]:
    runs = [r for s in sentences for r in re.findall(r"[\u4e00-\u9fff]{4,14}", s)]
    return sorted(set(runs))


class TextMaker:
    def __init__(self, seed: int, body_chars: int) -> None:
        self.rng = random.Random(seed)
        self.sentences = corpus_sentences()
        self.phrases = phrases(self.sentences)
        self.body_chars = body_chars

    def title(self) -> str:
        return self.rng.choice(TITLE_FORMS).format(self.rng.choice(self.phrases))

    def body(self) -> str:
        parts: list[str] = []
        size = 0
        while size < self.body_chars:
            sentence = self.rng.choice(self.sentences)
            parts.append(sentence)
            size += len(sentence) + 1
        return "。".join(parts)[: self.body_chars * 2] + "。"


# -- one database ------------------------------------------------------------------------------------


def _percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    p = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return statistics.median(ordered), p(0.95), ordered[-1]


def _progress(total: int, label: str) -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    return progress


def make_agencies() -> list[Any]:
    from gongkai.platform.agencies.models import Agency, AgencyKind

    province = Agency.objects.create(name="浙江省人民政府", kind=AgencyKind.PROVINCE, code="002482")
    agencies = [province]
    for c in range(10):
        city = Agency.objects.create(
            name=f"第{c + 1}市人民政府", kind=AgencyKind.CITY, parent=province, code=f"0024820{c:02d}"
        )
        agencies.append(city)
        for d in range(AGENCIES // 10 - 1):
            agencies.append(
                Agency.objects.create(
                    name=f"第{c + 1}市第{d + 1}县人民政府",
                    kind=AgencyKind.COUNTY,
                    parent=city,
                    code=f"0024820{c:02d}{d:03d}",
                )
            )
    return agencies


def item_rows(count: int, agencies: list[Any], maker: TextMaker) -> Iterator[tuple[Any, ...]]:
    """Rows for registry_item, published between 2015 and 2026, 20% in the largest agency."""
    import datetime as dt

    rng = random.Random(7)
    big = agencies[-1]
    serials: dict[tuple[int, int], int] = {}
    start = dt.date(2015, 1, 1).toordinal()
    span = dt.date(2026, 10, 31).toordinal() - start
    # Published dates rise with the id, as they do when items are published one after another.
    for n in range(count):
        agency = big if rng.random() < BIG_SHARE else rng.choice(agencies)
        published = dt.date.fromordinal(start + int(span * n / max(1, count)))
        made = published - dt.timedelta(days=rng.randrange(0, 15))
        year = made.year
        serial = serials[(agency.pk, year)] = serials.get((agency.pk, year), 0) + 1
        category = rng.choice(CATEGORIES)
        doc_number = f"{agency.name[:2]}政发〔{year}〕{serial}号" if category in ("normative", "regulation") else ""
        repealed = None
        if category in ("normative", "regulation") and rng.random() < 0.1:
            repealed = published + dt.timedelta(days=rng.randrange(30, 900))
            if repealed > dt.date(2026, 10, 31):
                repealed = None
        yield (
            agency.pk,
            f"{agency.code}/{year}-{serial}",
            year,
            serial,
            category,
            maker.title(),
            doc_number,
            agency.name,
            "",
            maker.body(),
            made,
            published,
            None,
            repealed,
            None,
            None,
            "proactive",
            "",
            "published",
            "[]",
            "",
            None,
            None,
            None,
            "",
        )


ITEM_COLUMNS = (
    "agency_id",
    "index_number",
    "index_year",
    "index_serial",
    "category",
    "title",
    "doc_number",
    "issuer",
    "summary",
    "body",
    "made_on",
    "published_on",
    "amended_on",
    "repealed_on",
    "expires_on",
    "interprets_id",
    "attribute",
    "attribute_reason",
    "status",
    "scan_findings",
    "review_comment",
    "drafted_by_id",
    "reviewed_by_id",
    "reviewed_at",
    "withdrawn_reason",
)


def load(count: int, agencies: list[Any], maker: TextMaker) -> float:
    """Bulk insert ``count`` published items and their search index; seconds taken."""
    from django.db import connection, transaction
    from django.utils import timezone
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from gongkai.platform.registry import search

    now = timezone.now()
    columns = (*ITEM_COLUMNS, "created_at", "updated_at")
    started = time.perf_counter()
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgres:
            cursor.execute("DROP INDEX IF EXISTS registry_search_tokens")
        else:
            cursor.execute("PRAGMA synchronous = OFF")
    rows = item_rows(count, agencies, maker)
    with Progress(
        TextColumn(f"{connection.vendor}: items + index"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()
    ) as progress:
        task = progress.add_task("load", total=count)
        done = 0
        while done < count:
            batch = [(*row, now, now) for _, row in zip(range(BATCH), rows, strict=False)]
            if not batch:
                break
            with transaction.atomic(), connection.cursor() as cursor:
                if postgres:
                    raw = cursor.cursor
                    with raw.copy(f"COPY registry_item ({', '.join(columns)}) FROM STDIN") as copy:
                        for row in batch:
                            copy.write_row(row)
                    raw.execute(
                        "SELECT id, index_number, doc_number, title, body FROM registry_item WHERE id > %s ORDER BY id",
                        [_last_indexed(cursor)],
                    )
                    fresh = raw.fetchall()
                    # The same tokens and to_tsvector as services.publish, through a staging table
                    # because COPY cannot call a function.
                    raw.execute("CREATE TEMP TABLE IF NOT EXISTS bench_tokens (item_id bigint, part int, words text)")
                    with raw.copy("COPY bench_tokens (item_id, part, words) FROM STDIN") as copy:
                        for item_id, *texts in fresh:
                            for n, part in enumerate(search.parts_of(search.tokens("\n".join(texts)))):
                                copy.write_row((item_id, n, " ".join(part)))
                    raw.execute(
                        "INSERT INTO registry_search (item_id, part, tokens) SELECT item_id, part, "
                        "to_tsvector('simple', words) FROM bench_tokens"
                    )
                    raw.execute("TRUNCATE bench_tokens")
                else:
                    placeholders = ", ".join(["%s"] * len(columns))
                    cursor.executemany(
                        f"INSERT INTO registry_item ({', '.join(columns)}) VALUES ({placeholders})", batch
                    )
                    cursor.execute(
                        "SELECT id, index_number, doc_number, title, body FROM registry_item WHERE id > %s ORDER BY id",
                        [_last_indexed(cursor)],
                    )
                    fresh = cursor.fetchall()
                    search.SqliteBackend().index((row[0], "\n".join(row[1:])) for row in fresh)
            done += len(batch)
            progress.update(task, completed=done)
    with connection.cursor() as cursor:
        if postgres:
            print("building the GIN index …", flush=True)
            cursor.execute("CREATE INDEX registry_search_tokens ON registry_search USING gin (tokens)")
            # VACUUM as autovacuum would after a bulk insert: it marks the pages all-visible, so a deep
            # catalogue page reads its ids from the index alone (measured straight after a load without
            # it, PostgreSQL walks the date index instead).
            cursor.execute("VACUUM ANALYZE registry_item" if connection.get_autocommit() else "ANALYZE registry_item")
            cursor.execute("ANALYZE registry_search")
        else:
            print("optimizing the FTS5 index …", flush=True)
            cursor.execute("INSERT INTO registry_search(registry_search) VALUES ('optimize')")
            cursor.execute("ANALYZE")
    return time.perf_counter() - started


def _last_indexed(cursor: Any) -> int:
    from django.db import connection

    if connection.vendor == "postgresql":
        cursor.execute("SELECT coalesce(max(item_id), 0) FROM registry_search")
    else:
        cursor.execute("SELECT coalesce(max(rowid), 0) FROM registry_search")
    return int(cursor.fetchone()[0])


def search_queries(maker: TextMaker, agencies: list[Any], n: int) -> list[tuple[str, str, Any, int | None]]:
    """(kind, query, agency filter, year filter) — a mix of what visitors type."""
    rng = random.Random(11)
    big = agencies[-1]
    kinds: list[tuple[str, str, Any, int | None]] = []
    for i in range(n):
        pick = i % 8
        if pick == 0:
            kinds.append(("common word", rng.choice(COMMON), None, None))
        elif pick == 1:
            kinds.append(("common + agency", rng.choice(COMMON), big, None))
        elif pick == 2:
            kinds.append(
                ("common + county + year", rng.choice(COMMON), rng.choice(agencies[2:]), rng.randrange(2016, 2026))
            )
        elif pick == 3:
            kinds.append(("rare phrase", rng.choice(maker.phrases), None, None))
        elif pick == 4:
            kinds.append(("two words", f"{rng.choice(COMMON)} {rng.choice(maker.phrases)[:4]}", None, None))
        elif pick == 5:
            kinds.append(("absent word", rng.choice(ABSENT), None, None))
        elif pick == 6:
            kinds.append(("one character", rng.choice("税医学农林水"), None, None))
        else:
            kinds.append(
                ("document number", f"政发〔{rng.randrange(2015, 2026)}〕{rng.randrange(1, 300)}号", None, None)
            )
    return kinds


def measure_search(maker: TextMaker, agencies: list[Any], n: int) -> dict[str, Any]:
    from gongkai.platform.portal import queries

    plan = search_queries(maker, agencies, n)
    for _kind, query, agency, year in plan[:16]:  # warm the caches once, as a running portal has them warm
        queries.run_search(query, agency, None, year, 1)
    by_kind: dict[str, list[float]] = {}
    hits: dict[str, list[int]] = {}
    for kind, query, agency, year in plan:
        started = time.perf_counter()
        results = queries.run_search(query, agency, None, year, 1)
        by_kind.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
        hits.setdefault(kind, []).append(results.count)
    every = [t for times in by_kind.values() for t in times]
    out: dict[str, Any] = {"all": _percentiles(every), "kinds": {}}
    for kind, times in by_kind.items():
        out["kinds"][kind] = (*_percentiles(times), statistics.median(hits[kind]))
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# The server of ``gongkai serve``: gunicorn with ``workers`` processes (gthread, 4 threads each).
SERVER = """
import sys
from gongkai.platform import setup
setup()
from gongkai.platform import server
server.run("127.0.0.1", int(sys.argv[1]), workers=int(sys.argv[2]))
"""


def measure_catalogue(
    key: str, env: dict[str, str], clients: int, requests: int, seconds: float, workers: int = 1
) -> dict[str, Any]:
    port = _free_port()
    log = Path(env["GONGKAI_DATA_DIR"]) / "server.log"
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(port), str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
        start_new_session=True,  # its own process group: the CPU the server spends is read from it
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/portal/{key}/catalogue/", timeout=30).read()
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.3)
        rng = random.Random(5)
        paths = []
        for i in range(requests):
            page = rng.randrange(1, 50)
            if i % 3 == 0:
                paths.append(f"/portal/{key}/catalogue/?page={page}")
            elif i % 3 == 1:
                paths.append(f"/portal/{key}/catalogue/?category={rng.choice(CATEGORIES)}&page={page}")
            else:
                paths.append(f"/portal/{key}/catalogue/?year={rng.randrange(2015, 2027)}&page={rng.randrange(1, 5)}")
        if wrkload.available():  # the load tool in C: the Python pool below took half the cores itself
            wrkload.run(base, paths[:200], clients=5, seconds=2)  # warm
            alone_w = wrkload.run(base, paths, clients=1, seconds=5)
            load_w, cpu = wrkload.measure_cpu(
                server.pid, lambda: wrkload.run(base, paths, clients=clients, seconds=seconds)
            )
            return {
                "requests": load_w.requests,
                "errors": load_w.errors + alone_w.errors,
                "wall": load_w.seconds,
                "rate": load_w.rate,
                "latency": (load_w.p50_ms, load_w.p95_ms, load_w.max_ms),
                "reasons": {k: v for k, v in load_w.detail.items() if k.startswith("first_bad") and v},
                "workers": workers,
                "single_p50": alone_w.p50_ms,
                "tool": "wrk",
                "load_average": os.getloadavg()[0],
                "cpu": cpu.line(),
            }
        alone = [time.perf_counter()]  # one client alone: the time a request takes when nothing queues
        for path in paths[:60]:
            urllib.request.urlopen(base + path, timeout=60).read()
            alone.append(time.perf_counter())
        single = statistics.median(b - a for a, b in itertools.pairwise(alone)) * 1000
        stop_at = time.time() + seconds
        latencies: list[float] = []
        errors = 0
        reasons: dict[str, int] = {}

        def fetch(path: str) -> tuple[float, bool]:
            if time.time() > stop_at:
                return -1.0, True
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(base + path, timeout=60) as response:
                    ok = response.status == 200 and b"</html>" in response.read()
            except OSError as error:
                reason = f"{type(error).__name__}: {getattr(error, 'code', '') or getattr(error, 'reason', '')}"
                reasons[reason] = reasons.get(reason, 0) + 1
                ok = False
            return (time.perf_counter() - started) * 1000, ok

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=clients) as pool:
            for latency, ok in pool.map(fetch, paths):
                if latency < 0:
                    continue
                latencies.append(latency)
                errors += 0 if ok else 1
        wall = time.perf_counter() - started
        if errors:
            lines = [line for line in log.read_text(errors="replace").splitlines() if "Error" in line]
            reasons.update({f"server: {line[:160]}": 1 for line in lines[-3:]})
        return {
            "requests": len(latencies),
            "errors": errors,
            "wall": wall,
            "rate": len(latencies) / wall,
            "latency": _percentiles(latencies),
            "reasons": reasons,
            "workers": workers,
            "single_p50": single,
        }
    finally:
        server.terminate()
        server.wait(timeout=30)


def run_one(backend: str, args: argparse.Namespace) -> dict[str, Any]:
    """In this process: configure Django for ``backend``, load, measure; return the numbers."""
    data_dir = (args.reuse if backend == "sqlite" else None) or tempfile.mkdtemp(prefix=f"gongkai-bench-{backend}-")
    os.environ["GONGKAI_DATA_DIR"] = data_dir
    os.environ["GONGKAI_SECRET_KEY"] = "bench-only"
    os.environ.setdefault("GONGKAI_DB_STATEMENT_TIMEOUT", "0")  # one COPY of the whole load outlasts a request's 30 s
    print(f"{backend}: data folder {data_dir}", flush=True)
    if backend == "postgresql":
        import psycopg

        if not args.reuse:
            with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{PG_NAME}" WITH (FORCE)')
                admin.execute(f'CREATE DATABASE "{PG_NAME}"')
        os.environ["GONGKAI_DATABASE_URL"] = PG_BENCH
    else:
        os.environ.pop("GONGKAI_DATABASE_URL", None)
    from gongkai.platform import setup

    setup()
    from django.core.management import call_command
    from django.db import connection

    maker = TextMaker(seed=1, body_chars=args.body_chars)
    if args.reuse:  # measure an earlier run's database again, without loading it
        from gongkai.platform.agencies.models import Agency

        agencies = list(Agency.objects.order_by("id"))
        count = __import__("gongkai.platform.registry.models", fromlist=["Item"]).Item.objects.count()
        result = {"backend": backend, "items": count, "load_seconds": 0.0, "size_mb": _size(backend, data_dir)}
        result["search"] = measure_search(maker, agencies, args.queries)
        connection.close()
        result["catalogue"] = [
            measure_catalogue(agencies[-1].code, dict(os.environ), args.clients, args.requests, args.seconds, int(n))
            for n in args.workers.split(",")
        ]
        return result  # the database stays: it was an earlier run's
    call_command("migrate", verbosity=0)
    agencies = make_agencies()
    gc.freeze()  # the load makes hundreds of millions of short-lived strings; the cycle collector only slows it
    gc.disable()
    seconds = load(args.items, agencies, maker)
    gc.enable()
    print(
        f"{backend}: {args.items:,} items loaded and indexed in {seconds:.0f} s ({args.items / seconds:,.0f} items/s)",
        flush=True,
    )
    size = _size(backend, data_dir)
    result: dict[str, Any] = {"backend": backend, "items": args.items, "load_seconds": seconds, "size_mb": size}
    result["search"] = measure_search(maker, agencies, args.queries)
    connection.close()
    result["catalogue"] = [
        measure_catalogue(agencies[-1].code, dict(os.environ), args.clients, args.requests, args.seconds, int(n))
        for n in args.workers.split(",")
    ]
    if backend == "postgresql" and not args.keep:
        connection.close()
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{PG_NAME}" WITH (FORCE)')
    return result


def _size(backend: str, data_dir: str) -> float:
    if backend == "sqlite":
        return sum(p.stat().st_size for p in Path(data_dir).glob("gongkai.sqlite3*")) / 1e6
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        return int(cursor.fetchone()[0]) / 1e6


def report(result: dict[str, Any]) -> None:
    b = result["backend"]
    print(
        f"\n== {b}: {result['items']:,} published items · load {result['load_seconds']:.0f} s · "
        f"database {result['size_mb']:,.0f} MB"
    )
    p50, p95, worst = result["search"]["all"]
    print(f"search (portal code path, page of 20)   p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   max {worst:7.1f} ms")
    for kind, (k50, k95, kmax, hits) in result["search"]["kinds"].items():
        print(f"   {kind:<24} p50 {k50:7.1f} ms   p95 {k95:7.1f} ms   max {kmax:7.1f} ms   median hits {hits:,.0f}")
    for c in result["catalogue"]:
        c50, c95, cmax = c["latency"]
        print(
            f"catalogue page, {c['workers']} worker process(es): {c['requests']} requests over {c['wall']:.1f} s "
            f"({c['rate']:.1f} req/s), errors {c['errors']}:   p50 {c50:7.1f} ms   p95 {c95:7.1f} ms   "
            f"max {cmax:7.1f} ms   one client alone p50 {c['single_p50']:.1f} ms"
            + (f"   ({c['tool']}; load average {c['load_average']:.1f})" if "tool" in c else "")
        )
        if "cpu" in c:
            print(f"   {c['cpu']}")
        for reason, n in c.get("reasons", {}).items():
            print(f"   {n} × {reason}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--body-chars", type=int, default=300, help="characters of body text per item")
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=3000, help="catalogue requests in all (bounded)")
    parser.add_argument("--seconds", type=float, default=120, help="stop the load after this long")
    parser.add_argument("--workers", default="1,2", help="gunicorn worker process counts to measure")
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database gongkai_portal_bench")
    parser.add_argument(
        "--reuse",
        metavar="DATA_DIR",
        help="measure an earlier run again without loading: "
        "SQLite: its data folder (printed at the start); PostgreSQL: any value (the kept database)",
    )
    parser.add_argument("--run-one", choices=("sqlite", "postgresql"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run_one:  # a child process: Django is configured once per process, so one backend each
        result = run_one(args.run_one, args)
        # Also kept in a file: a long run's numbers survive whatever happens to the terminal.
        (Path(tempfile.gettempdir()) / f"gongkai-portal-bench-{args.run_one}.json").write_text(json.dumps(result))
        print("RESULT " + json.dumps(result), flush=True)
        return
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    if args.reuse and len(backends) != 1:
        parser.error("--reuse measures one earlier run again: name its --backend")
    for backend in backends:
        argv = [sys.executable, __file__, "--run-one", backend, *sys.argv[1:]]
        child = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        result = None
        for line in child.stdout:
            if line.startswith("RESULT "):
                result = json.loads(line[7:])
            else:
                print(line, end="", flush=True)
        if child.wait() != 0 or result is None:
            print(f"{backend}: the run failed", file=sys.stderr)
            continue
        report(result)


if __name__ == "__main__":
    main()
