"""Jobs on a real Redis: ``gongkai worker`` processes of their own take them; a worker killed mid-job
loses no job (acks late: Redis hands it out again) and nothing is sent twice (the dedupe keys)."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.environment import REPO, missing

from ..live import SOURCE

pytestmark = [pytest.mark.slow, pytest.mark.own_servers]  # SQLite files of their own: once is enough
REDIS_URL = os.environ.get("GONGKAI_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")

PRODUCE = """
import datetime as dt
from gongkai.platform import setup
setup()
from gongkai.platform.accounts.models import Role, User
from gongkai.platform.agencies.models import Agency, AgencyKind
from gongkai.platform.desk import services
agency = Agency.objects.create(name="海盐县人民政府", kind=AgencyKind.COUNTY)
User.objects.create(username="clerk", role=Role.CLERK, agency=agency, email="clerk@haiyan.gov.cn")
case = services.submit_online(None, agency, description="海盐县2020年财政预算执行情况", applicant={
    "applicant_name": "赵六", "phone": "13700007777", "email": "zhao@example.cn", "id_number": "33042419770202333X"})
print(case.pk)
"""


def _gongkai(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from gongkai.cli import main; sys.argv[0] = 'gongkai'; main()", *args]


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except Exception as error:
        missing(f"Redis does not answer at {REDIS_URL}: {error}")
    queue = f"gongkai-test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "GONGKAI_DATA_DIR": str(tmp_path),
        "GONGKAI_SECRET_KEY": "worker-tests-only",
        "GONGKAI_BROKER_URL": REDIS_URL,
        "GONGKAI_QUEUE": queue,
        "GONGKAI_BROKER_VISIBILITY_TIMEOUT": "3",
        "GONGKAI_SMS_BACKEND": "tests.platform.service.blocking_sms.BlockingSms",
        "GONGKAI_SMS_QUIET_HOURS": "",
        "GONGKAI_EMAIL_BACKEND": "file",
        "PYTHONPATH": os.pathsep.join([str(SOURCE), str(REPO)]),
    }
    env.pop("GONGKAI_DATABASE_URL", None)
    subprocess.run(
        _gongkai("serve", "--migrate-only", "--no-input"), env=env, check=True, timeout=300, stdout=subprocess.DEVNULL
    )
    yield tmp_path, env
    with contextlib.suppress(Exception):
        import redis

        redis.Redis.from_url(REDIS_URL).delete(queue, *(f"{queue}.unacked{part}" for part in ("", "_index", "_mutex")))


LAPSED = """
import datetime as dt
from gongkai.platform import setup
setup()
from gongkai.platform.accounts.models import Role, User
from gongkai.platform.agencies.models import Agency, AgencyKind
from gongkai.platform.desk import services
agency = Agency.objects.create(name="海盐县人民政府", kind=AgencyKind.COUNTY)
clerk = User.objects.create(username="clerk", role=Role.CLERK, agency=agency)
case = services.register(clerk, agency, channel="in_person", submitted_on=dt.date(2020, 9, 8),
                         applicant={"applicant_name": "赵六"}, description="海盐县2020年财政预算执行情况")
services.ask_clarification(clerk, case, dt.date(2020, 9, 10), "请写明年份")  # deadline 24 September 2020
"""


@contextlib.contextmanager
def worker(data: Path, env: dict[str, str], *options: str) -> Iterator[subprocess.Popen[bytes]]:
    log = (data / "worker.log").open("ab")
    process = subprocess.Popen(
        _gongkai("worker", "--concurrency", "1", *options),
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def _rows(data: Path) -> dict[str, str]:
    with contextlib.closing(sqlite3.connect(data / "gongkai.sqlite3", timeout=30)) as db:
        return dict(db.execute("SELECT dedupe_key, status FROM notifications_message").fetchall())


def _wait(what: Callable[[], bool], data: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while not what():
        if time.monotonic() > deadline:
            log = (data / "worker.log").read_text(errors="replace")[-3000:] if (data / "worker.log").exists() else ""
            raise AssertionError(f"timed out; messages {_rows(data)}\n{log}")
        time.sleep(0.3)


_MAIL_END = "\n" + "-" * 79 + "\n"  # Django's file backend ends each message with this line


def _mails(data: Path) -> list[str]:
    """The messages sent, not the files: Django's file backend names a file by the second and the
    backend's id(), so two backends in one second at the same address append to the same file."""
    folder = data / "mail"
    texts = [p.read_text(errors="replace") for p in folder.iterdir()] if folder.is_dir() else []
    return sorted(m + _MAIL_END for text in texts for m in text.split(_MAIL_END) if m.strip())


def test_jobs_wait_on_the_queue_and_run_on_a_worker_process(platform: tuple[Path, dict[str, str]]) -> None:
    data, env = platform
    subprocess.run([sys.executable, "-c", PRODUCE], env=env, check=True, timeout=120, capture_output=True)
    time.sleep(1)
    assert _rows(data) == {} and _mails(data) == []  # the request only queued the job
    with worker(data, env):
        _wait(lambda: len(_rows(data)) == 4 and set(_rows(data).values()) == {"sent"}, data)
    assert len(_mails(data)) == 2 and (data / "sms-sent.log").read_text().count("\n") == 1


def test_a_worker_killed_mid_job_loses_no_job_and_sends_nothing_twice(platform: tuple[Path, dict[str, str]]) -> None:
    data, env = platform
    (data / "block").touch()  # the SMS gateway hangs: the job stops after the applicant's e-mail
    subprocess.run([sys.executable, "-c", PRODUCE], env=env, check=True, timeout=120, capture_output=True)
    with worker(data, env) as first:
        _wait(lambda: (data / "sms-started").exists(), data)
        rows = _rows(data)
        assert sorted(rows.values()) == ["pending", "pending", "sending", "sent"], rows  # staff not reached yet
        os.killpg(first.pid, signal.SIGKILL)  # the machine dies: no warm shutdown, no requeue by the worker
        first.wait()
    assert len(_mails(data)) == 1
    (data / "block").unlink()
    # A starting worker gives back the jobs whose visibility timeout (3 s) has passed, then looks again
    # only every 100 s (kombu's throttle): start it once the timeout is surely over.
    time.sleep(4)
    with worker(data, env):  # Redis hands the unacknowledged job out again
        _wait(lambda: sorted(_rows(data).values()) == ["sending", "sent", "sent", "sent"], data)
    mails = _mails(data)
    assert len(mails) == 2, mails  # the applicant's e-mail once, the clerk's once
    assert sum("zhao@example.cn" in m for m in mails) == 1 and sum("clerk@haiyan.gov.cn" in m for m in mails) == 1
    assert not (data / "sms-sent.log").exists()  # the SMS in flight when the worker died is not sent again
    rows = _rows(data)
    assert [k for k, v in rows.items() if v == "sending"] == [k for k in rows if ":sms:" in k]


def test_the_scheduler_runs_the_periodic_work_on_the_queue(platform: tuple[Path, dict[str, str]]) -> None:
    """celery beat (``gongkai worker --beat``) sends ``tick`` every GONGKAI_TICK_SECONDS: the lapsed
    clarification is closed, once, however many ticks run."""
    data, env = platform
    env = {**env, "GONGKAI_TICK_SECONDS": "1"}
    subprocess.run([sys.executable, "-c", LAPSED], env=env, check=True, timeout=120, capture_output=True)

    def closed() -> list[tuple[str, str]]:
        with contextlib.closing(sqlite3.connect(data / "gongkai.sqlite3", timeout=30)) as db:
            return db.execute("SELECT status, outcome FROM desk_application").fetchall()

    def ticks() -> int:
        return (
            (data / "worker.log").read_text(errors="replace").count("gongkai.tick[")
            if (data / "worker.log").exists()
            else 0
        )

    with worker(data, env, "--beat"):
        _wait(lambda: closed() == [("closed", "other_no_correction")], data)
        _wait(lambda: ticks() >= 6, data)  # at least three ticks (each logged as received and succeeded)
    with contextlib.closing(sqlite3.connect(data / "gongkai.sqlite3", timeout=30)) as db:
        [(n,)] = db.execute("SELECT count(*) FROM audit_auditentry WHERE action = 'desk.close_no_clarification'")
    assert n == 1


ANSWERED = """
import datetime as dt
from gongkai.platform import setup
setup()
from gongkai.platform.accounts.models import Role, User
from gongkai.platform.agencies.models import Agency, AgencyKind
from gongkai.platform.desk import approval, services
agency = Agency.objects.create(name="海盐县人民政府", kind=AgencyKind.COUNTY)
clerk = User.objects.create(username="clerk", role=Role.CLERK, agency=agency)
head = User.objects.create(username="head", role=Role.HEAD, agency=agency)
case = services.register(clerk, agency, channel="in_person", submitted_on=dt.date(2020, 9, 8),
                         applicant={"applicant_name": "赵六"}, description="海盐县2020年财政预算执行情况")
draft = approval.draft_answer(clerk, case, outcome="granted", reply_text="所申请信息见附件。")
approval.sign(head, draft, on=dt.date(2020, 9, 15))
"""


def test_the_letters_pdf_is_rendered_on_a_worker_not_in_the_step_that_issued_it(
    platform: tuple[Path, dict[str, str]],
) -> None:
    from tests.environment import need_tool

    need_tool("soffice")
    data, env = platform

    def letters() -> list[tuple[str, bytes | None]]:
        with contextlib.closing(sqlite3.connect(data / "gongkai.sqlite3", timeout=30)) as db:
            return db.execute("SELECT kind, pdf FROM letters_issuedletter").fetchall()

    subprocess.run([sys.executable, "-c", ANSWERED], env=env, check=True, timeout=120, capture_output=True)
    time.sleep(1)
    assert letters() == [("reply", None)]  # issued, numbered, its DOCX kept; the PDF waits for a worker
    with worker(data, env):
        _wait(lambda: all(pdf for _, pdf in letters()), data, seconds=180)
    ((_, pdf),) = letters()
    assert pdf is not None and bytes(pdf).startswith(b"%PDF")


PUBLISHED = (
    ANSWERED
    + """
from gongkai.platform.annual import publishing
publishing.publish_report(head, agency, 2020, confirmed=True)
"""
)


def test_the_annual_reports_pdf_is_rendered_on_a_worker_when_it_is_published(
    platform: tuple[Path, dict[str, str]],
) -> None:
    from tests.environment import need_tool

    need_tool("soffice")
    data, env = platform

    def renderings() -> list[tuple[int, str, bytes | None]]:
        with contextlib.closing(sqlite3.connect(data / "gongkai.sqlite3", timeout=30)) as db:
            return db.execute("SELECT year, fmt, file FROM annual_renderedreport").fetchall()

    subprocess.run([sys.executable, "-c", PUBLISHED], env=env, check=True, timeout=120, capture_output=True)
    time.sleep(1)
    assert renderings() == [(2020, "pdf", None)]  # published; its PDF waits for a worker
    with worker(data, env):
        _wait(lambda: all(file for *_, file in renderings()), data, seconds=180)
    ((_, _, pdf),) = renderings()
    assert pdf is not None and bytes(pdf).startswith(b"%PDF")
