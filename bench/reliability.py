"""Nothing lost, nothing frozen: the platform under concurrent writes and a server kill, on SQLite and
on PostgreSQL.

    .venv/bin/python bench/reliability.py [--databases sqlite,postgresql] [--burst 50] [--mixed 200]
                                          [--clients 20] [--kill-after 3]

For each database: ``gongkai serve`` on a free 127.0.0.1 port over a database of its own (SQLite in a
temporary data directory; a fresh PostgreSQL database on the test server, dropped afterwards), filled
with the demo data, then

1. **burst**: ``--burst`` public applications sent at the same moment (the public API);
2. **mixed**: ``--mixed`` operations from ``--clients`` threads: public applications (API and page
   form), drafts with their 索引号, cases registered and answered by signed-in clerks (some answers
   race for one case: a 409 there is the right answer, counted apart), and page reads (portal, the
   desk's list and case pages, tracking);
3. **kill**: applications and drafts from 6 threads for ``--kill-after`` seconds, then SIGKILL to the
   server in the middle of that load, and a restart;
4. **verify**: every acknowledged tracking code, 索引号 and answer is in the database; integrity
   (SQLite integrity_check; no duplicate codes; every case with its audit entry; at most one answer
   entry per case; counters never behind their highest 索引号); and new applications succeed.

Prints per database: requests, errors (5xx, a dropped connection or an unexpected refusal outside the
kill; goal 0), conflicts (409, expected), acknowledged writes, lost (goal 0), integrity problems, and
the server errors in errors.log. Bounded: a fixed number of operations, 60 s per request; traffic
only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import random
import signal
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the live-server helper of the tests
from tests.platform.live import Browser, Server, fresh_postgres_database, postgres_reachable

TODAY = dt.date.today().isoformat()
OUTCOMES = [
    "granted",
    "partially_granted",
    "unavailable_not_held",
    "unavailable_needs_creation",
    "not_processed_petition",
    "denied_third_party",
]
CLERKS = {"海盐县人民政府": ("haiyan_clerk", "haiyan_head"), "秦山街道办事处": ("qinshan_clerk", None)}


@dataclass
class Tally:
    """What the clients saw, and what the server acknowledged (to be found again after the kill)."""

    requests: int = 0
    errors: int = 0
    conflicts: int = 0
    cut_by_kill: int = 0
    samples: list[str] = field(default_factory=list)
    codes: set[str] = field(default_factory=set)  # tracking codes of acknowledged applications
    index_numbers: set[str] = field(default_factory=set)  # 索引号 of acknowledged drafts
    answers: dict[int, str] = field(default_factory=dict)  # case id → acknowledged outcome
    lock: threading.Lock = field(default_factory=threading.Lock)
    kill_sent: threading.Event = field(default_factory=threading.Event)

    def seen(self, status: int | None, what: str, expected: tuple[int, ...], detail: Any = "") -> bool:
        with self.lock:
            self.requests += 1
            if status in expected:
                return True
            if status == 409:
                self.conflicts += 1
            elif status is None and self.kill_sent.is_set():  # in flight or sent after the kill
                self.cut_by_kill += 1
            else:
                self.errors += 1
                if len(self.samples) < 5:
                    self.samples.append(f"{what}: {status} {str(detail)[:200]}")
            return False

    @property
    def acknowledged(self) -> int:
        return len(self.codes) + len(self.index_numbers) + len(self.answers)


class Clients:
    """Each worker thread signs in once per user, as a browser would."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.local = threading.local()

    def of(self, username: str | None) -> Browser:
        sessions = self.local.__dict__.setdefault("sessions", {})
        if username not in sessions:
            browser = Browser(self.server.url)
            if username:
                browser.login(username)
            sessions[username] = browser
        return sessions[username]


def _call(tally: Tally, what: str, expected: tuple[int, ...], run: Any) -> Any:
    try:
        status, body = run()
    except (OSError, RuntimeError) as error:  # refused or dropped connection; a failed sign-in
        tally.seen(None, what, expected, repr(error))
        return None
    return body if tally.seen(status, what, expected, body) else None


def apply_api(clients: Clients, tally: Tally, agency: int, n: int) -> None:
    body = _call(
        tally,
        "application (API)",
        (201,),
        lambda: clients.of(None).api(
            "POST",
            "/api/public/applications",
            {
                "agency_id": agency,
                "applicant_name": f"可靠性测试{n}",
                "phone": "13700007777",
                "id_number": "33042419770202333X",
                "description": f"某信息 {n}",
            },
        ),
    )
    if isinstance(body, dict):
        with tally.lock:
            tally.codes.add(body["tracking_code"])


def apply_page(clients: Clients, tally: Tally, agency: int, n: int) -> None:
    import re

    def run() -> tuple[int, str]:
        visitor = Browser(clients.server.url)
        token = visitor.form_token("/apply/")
        status, page = visitor.request(
            "POST",
            "/apply/",
            form={
                "csrfmiddlewaretoken": token,
                "agency": str(agency),
                "applicant_type": "natural_person",
                "applicant_name": f"网页申请人{n}",
                "phone": "13700007777",
                "description": f"某文件 {n}",
                "id_number": "33042419770202333X",
                "form_wanted": "电子邮件",
            },
        )
        if status == 302:  # POST/redirect/GET: the receipt is the next page
            status, page = visitor.request("GET", "/apply/done/")
        found = re.search(r'id="tracking-code"[^>]*>([0-9A-Z-]{14})<', page.decode(errors="replace"))
        return (status if found else -status), found.group(1) if found else page[:200].decode(errors="replace")

    code = _call(tally, "application (page)", (200,), run)
    if code:
        with tally.lock:
            tally.codes.add(code)


def draft(clients: Clients, tally: Tally, username: str, n: int) -> None:
    body = _call(
        tally,
        "draft",
        (200,),
        lambda: clients.of(username).api(
            "POST",
            "/api/registry/items",
            {"category": "work", "title": f"可靠性测试事项{n}", "made_on": TODAY, "body": "推进政务公开。"},
        ),
    )
    if isinstance(body, dict):
        with tally.lock:
            tally.index_numbers.add(body["index_number"])


def register_and_answer(
    clients: Clients, tally: Tally, agency: int, username: str, open_cases: list[int], rng: random.Random
) -> None:
    case = _call(
        tally,
        "register",
        (201,),
        lambda: clients.of(username).api(
            "POST",
            "/api/cases/",
            {
                "agency_id": agency,
                "channel": "in_person",
                "submitted_on": TODAY,
                "applicant_name": "登记申请人",
                "description": "某批复文件",
            },
        ),
    )
    if not isinstance(case, dict):
        return
    with tally.lock:
        tally.codes.add(case["tracking_code"])
        open_cases.append(case["id"])
        # Answer this case or another open one of the agency: two clients may race for one case.
        target = rng.choice(open_cases[-5:])
    outcome = rng.choice(OUTCOMES)
    answered = _call(
        tally,
        "answer",
        (200,),
        lambda: clients.of(username).api(
            "POST",
            f"/api/cases/{target}/answer",
            {"on": TODAY, "outcome": outcome, "reply_text": "经审查，答复如下。", "responsible_agency": "某局"},
        ),
    )
    if isinstance(answered, dict):
        with tally.lock:
            tally.answers[target] = outcome


def read_pages(clients: Clients, tally: Tally, username: str, open_cases: list[int], rng: random.Random) -> None:
    with tally.lock:
        case = rng.choice(open_cases) if open_cases else None
        code = rng.choice(sorted(tally.codes)) if tally.codes else "NONE-NONE-NONE"
    path = rng.choice(
        [
            "/",
            "/portal/",
            "/desk/",
            "/portal/search/?q=%E5%85%AC%E5%BC%80",
            f"/track/?code={code}",
            f"/desk/{case}/" if case else "/desk/",
        ]
    )
    who = None if path.startswith(("/portal", "/track")) or path == "/" else username
    _call(tally, f"GET {path}", (200,), lambda: clients.of(who).request("GET", path))


# ---------------------------------------------------------------------------------------------


def burst(server: Server, tally: Tally, agency: int, count: int) -> None:
    clients = Clients(server)
    barrier = threading.Barrier(count)

    def one(n: int) -> None:
        barrier.wait(timeout=60)
        apply_api(clients, tally, agency, n)

    with ThreadPoolExecutor(max_workers=count) as pool:
        list(pool.map(one, range(count)))


def mixed(server: Server, tally: Tally, agencies: dict[str, int], count: int, workers: int, seed: int) -> None:
    clients = Clients(server)
    open_cases: dict[str, list[int]] = {name: [] for name in agencies}
    plan = random.Random(seed)
    kinds = plan.choices(["api", "page", "draft", "case", "read"], weights=[25, 10, 20, 15, 30], k=count)

    def one(n: int) -> None:
        rng = random.Random(seed * 1000 + n)
        name = rng.choice(list(agencies))
        clerk = CLERKS[name][0]
        kind = kinds[n]
        if kind == "api":
            apply_api(clients, tally, agencies[name], n)
        elif kind == "page":
            apply_page(clients, tally, agencies[name], n)
        elif kind == "draft":
            draft(clients, tally, clerk, n)
        elif kind == "case":
            register_and_answer(clients, tally, agencies[name], clerk, open_cases[name], rng)
        else:
            read_pages(clients, tally, clerk, open_cases[name], rng)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, range(count)))


def kill_mid_load(server: Server, tally: Tally, agency: int, seconds: float) -> int:
    """Writes from 6 threads until the server is killed (SIGKILL) after ``seconds``; then restart.
    Returns how many writes were acknowledged before the kill."""
    clients = Clients(server)
    before = tally.acknowledged

    def writer(n: int) -> None:
        i = 0
        while not tally.kill_sent.is_set():  # what is in flight at the kill is cut; nothing new is sent
            i += 1
            if n % 2:
                apply_api(clients, tally, agency, 10_000 * n + i)
            else:
                draft(clients, tally, "haiyan_clerk", 10_000 * n + i)

    with ThreadPoolExecutor(max_workers=6) as pool:
        futures = [pool.submit(writer, n) for n in range(6)]
        time.sleep(seconds)
        tally.kill_sent.set()
        server.stop(signal.SIGKILL)
        for future in futures:
            future.result()
    acknowledged = tally.acknowledged - before
    server.start()
    return acknowledged


def verify(server: Server, tally: Tally) -> tuple[int, list[str]]:
    """(acknowledged writes not found, integrity problems)."""
    codes = {c for (c,) in server.query("SELECT tracking_code FROM desk_application")}
    numbers = {n for (n,) in server.query("SELECT index_number FROM registry_item")}
    outcomes = dict(server.query("SELECT id, outcome FROM desk_application WHERE status = 'answered'"))
    lost = len(tally.codes - codes) + len(tally.index_numbers - numbers)
    lost += sum(1 for case, outcome in tally.answers.items() if outcomes.get(case) != outcome)
    problems = []
    if not server.database_url:
        check = server.query("PRAGMA integrity_check")
        if check != [("ok",)]:
            problems.append(f"integrity_check: {check[:3]}")
    for label, sql in [
        (
            "duplicate tracking codes",
            "SELECT tracking_code FROM desk_application GROUP BY tracking_code HAVING COUNT(*) > 1",
        ),
        ("duplicate 索引号", "SELECT index_number FROM registry_item GROUP BY index_number HAVING COUNT(*) > 1"),
        (
            "cases without an audit entry",
            "SELECT a.id FROM desk_application a WHERE NOT EXISTS (SELECT 1 FROM "
            "audit_auditentry e WHERE e.object_type = 'desk.application' AND "
            "e.object_id = CAST(a.id AS TEXT))",
        ),
        (
            "cases answered more than once",
            "SELECT object_id FROM audit_auditentry WHERE action = 'desk.answer' "
            "GROUP BY object_id HAVING COUNT(*) > 1",
        ),
        (
            "counters behind their 索引号",
            "SELECT c.id FROM registry_indexcounter c JOIN registry_item i ON "
            "i.agency_id = c.agency_id AND i.index_year = c.year GROUP BY c.id, c.last "
            "HAVING MAX(i.index_serial) > c.last",
        ),
    ]:
        rows = server.query(sql)
        if rows:
            problems.append(f"{label}: {len(rows)}")
    return lost, problems


def server_errors(server: Server) -> int:
    log = server.data_dir / "errors.log"
    if not log.exists():
        return 0
    return sum(1 for line in log.read_text(encoding="utf-8", errors="replace").splitlines() if " ERROR " in line)


def run_one(database: str, args: argparse.Namespace) -> dict[str, Any]:
    with contextlib.ExitStack() as stack:
        data_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=f"gongkai-rel-{database}-")))
        url = stack.enter_context(fresh_postgres_database("gongkai_reliability")) if database == "postgresql" else None
        server = Server(data_dir, url)
        started = time.monotonic()
        server.fill_demo()
        server.start()
        stack.callback(server.stop)
        agencies = {
            name: int(server.query("SELECT id FROM agencies_agency WHERE name = %s", (name,))[0][0]) for name in CLERKS
        }
        tally = Tally()
        phases: dict[str, float] = {}
        t = time.monotonic()
        burst(server, tally, agencies["海盐县人民政府"], args.burst)
        phases["burst"] = time.monotonic() - t
        burst_errors = tally.errors
        t = time.monotonic()
        mixed(server, tally, agencies, args.mixed, args.clients, seed=7)
        phases["mixed"] = time.monotonic() - t
        t = time.monotonic()
        in_kill = kill_mid_load(server, tally, agencies["海盐县人民政府"], args.kill_after)
        phases["kill+restart"] = time.monotonic() - t
        after = Tally()
        burst(server, after, agencies["海盐县人民政府"], 10)  # the restarted server takes applications again
        tally.requests += after.requests
        tally.errors += after.errors
        tally.samples += after.samples
        tally.codes |= after.codes
        lost, problems = verify(server, tally)
        return {
            "database": database,
            "requests": tally.requests,
            "errors": tally.errors,
            "burst_errors": burst_errors,
            "conflicts": tally.conflicts,
            "cut_by_kill": tally.cut_by_kill,
            "acknowledged": tally.acknowledged,
            "acknowledged_in_kill": in_kill,
            "lost": lost,
            "problems": problems,
            "server_errors": server_errors(server),
            "samples": tally.samples,
            "phases": phases,
            "seconds": time.monotonic() - started,
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--burst", type=int, default=50, choices=range(1, 201), metavar="1-200")
    parser.add_argument("--mixed", type=int, default=200, choices=range(1, 2001), metavar="1-2000")
    parser.add_argument("--clients", type=int, default=20, choices=range(1, 101), metavar="1-100")
    parser.add_argument("--kill-after", type=float, default=3.0)
    args = parser.parse_args()
    args.kill_after = min(max(args.kill_after, 0.5), 30.0)
    results = []
    for database in [d.strip() for d in args.databases.split(",") if d.strip()]:
        if database == "postgresql" and (why := postgres_reachable()):
            print(f"postgresql: skipped, the server does not answer ({why})")
            continue
        print(f"{database}: running …", flush=True)
        results.append(run_one(database, args))
    print()
    print(
        f"{'database':<11}{'requests':>9}{'errors':>7}{'409s':>6}{'cut by kill':>12}{'acked writes':>13}"
        f"{'acked in kill':>14}{'lost':>6}{'integrity':>10}{'logged 500s':>12}{'seconds':>8}"
    )
    for r in results:
        print(
            f"{r['database']:<11}{r['requests']:>9}{r['errors']:>7}{r['conflicts']:>6}{r['cut_by_kill']:>12}"
            f"{r['acknowledged']:>13}{r['acknowledged_in_kill']:>14}{r['lost']:>6}"
            f"{'ok' if not r['problems'] else len(r['problems']):>10}{r['server_errors']:>12}{r['seconds']:>8.1f}"
        )
    for r in results:
        phases = ", ".join(f"{k} {v:.1f} s" for k, v in r["phases"].items())
        print(f"{r['database']}: burst of {args.burst}: {r['burst_errors']} errors; phases: {phases}")
        for line in r["problems"] + r["samples"]:
            print(f"  {line}")
    failed = any(r["errors"] or r["lost"] or r["problems"] for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
