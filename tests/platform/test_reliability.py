"""Reliability in one process: the database settings, lost updates from a stale read, and server
errors that reach the log (with their traceback) but not the visitor. The same under real
concurrency, on a real server: test_concurrency.py."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from gongkai.platform.appeals import services as appeals
from gongkai.platform.audit.services import history
from gongkai.platform.database import DatabaseUrlError, create_private_sqlite_file, database_config
from gongkai.platform.desk import services
from gongkai.platform.desk.models import Application
from gongkai.platform.desk.receipt import Channel
from gongkai.platform.registry import services as registry
from gongkai.platform.registry.models import Item

from .conftest import APPLICANT

TODAY = dt.date.today()


def test_sqlite_writers_queue_and_postgresql_waits_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    sqlite = database_config(None)["OPTIONS"]
    assert sqlite["transaction_mode"] == "IMMEDIATE"  # the write lock at BEGIN: no failing lock upgrade
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "busy_timeout=30000"):
        assert f"PRAGMA {pragma}" in sqlite["init_command"]
    pg = database_config("postgresql://postgres@127.0.0.1:5432/test")
    assert pg["OPTIONS"]["options"] == "-c statement_timeout=30000 -c lock_timeout=10000"
    assert pg["CONN_HEALTH_CHECKS"] is True
    monkeypatch.setenv("GONGKAI_DB_LOCK_TIMEOUT", "2.5")
    monkeypatch.setenv("GONGKAI_DB_STATEMENT_TIMEOUT", "0")
    assert database_config("postgresql://h/db")["OPTIONS"]["options"] == "-c statement_timeout=0 -c lock_timeout=2500"
    monkeypatch.setenv("GONGKAI_SQLITE_BUSY_TIMEOUT", "soon")
    with pytest.raises(DatabaseUrlError, match="GONGKAI_SQLITE_BUSY_TIMEOUT"):
        database_config(None)


def test_the_connection_has_the_settings(db: Any) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone() == ("30s",)
            cursor.execute("SHOW lock_timeout")
            assert cursor.fetchone() == ("10s",)
        else:
            cursor.execute("PRAGMA busy_timeout")
            assert cursor.fetchone() == (30000,)


def test_the_sqlite_file_and_its_wal_are_created_private(tmp_path: Path) -> None:
    name = tmp_path / "gongkai.sqlite3"
    old = os.umask(0o022)
    try:
        create_private_sqlite_file(database_config(f"sqlite://{name}"))
        with sqlite3.connect(name) as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE t (x)")
            db.execute("INSERT INTO t VALUES (1)")
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()}
    finally:
        os.umask(old)
    assert modes == {"gongkai.sqlite3": 0o600, "gongkai.sqlite3-wal": 0o600, "gongkai.sqlite3-shm": 0o600}


def _registered(office: dict[str, Any]) -> Application:
    return services.register(
        office["clerk"],
        office["hy"],
        channel=Channel.IN_PERSON,
        submitted_on=TODAY,
        applicant=APPLICANT,
        description="某地块国有土地使用权出让合同",
    )


def test_an_answer_from_a_stale_read_is_refused_and_not_audited(office: dict[str, Any]) -> None:
    """Two clerks opened the same registered case; the first answers; the second's answer must not
    overwrite it (before: both succeeded, two audit entries, the record kept the last)."""
    case = _registered(office)
    mine, theirs = Application.objects.get(pk=case.pk), Application.objects.get(pk=case.pk)
    services.answer(office["head"], mine, outcome="granted", on=TODAY, reply_text="予以公开")
    with pytest.raises(services.DeskConflict, match=r"已被他人修改.*已答复.*changed by someone else"):
        services.answer(office["head"], theirs, outcome="unavailable_needs_creation", on=TODAY, reply_text="需加工")
    case.refresh_from_db()
    assert case.outcome == "granted"
    assert history(case).filter(action="desk.answer").count() == 1


def test_a_publication_and_an_appeal_result_from_stale_reads_are_refused(office: dict[str, Any]) -> None:
    item = registry.create_item(office["clerk"], office["hy"], category="work", title="某事项", made_on=TODAY)
    registry.submit(office["clerk"], item)
    registry.approve(office["head"], item)
    mine, theirs = Item.objects.get(pk=item.pk), Item.objects.get(pk=item.pk)
    registry.publish(office["clerk"], mine)
    with pytest.raises(registry.RegistryConflict):
        registry.publish(office["head"], theirs)
    assert history(item).filter(action="registry.publish").count() == 1

    appeal = appeals.file_appeal(office["clerk"], _registered(office), kind="review", filed_on=TODAY, body="市政府")
    stale = type(appeal).objects.get(pk=appeal.pk)
    appeals.record_result(office["clerk"], appeal, result="upheld", decided_on=TODAY)
    with pytest.raises(services.DeskConflict):
        appeals.record_result(office["head"], stale, result="corrected", decided_on=TODAY)
    stale.refresh_from_db()
    assert stale.result == "upheld"


def test_a_step_the_state_no_longer_allows_is_409_in_the_api_and_a_message_on_the_page(
    office: dict[str, Any], client: Any
) -> None:
    case = _registered(office)
    client.force_login(office["head"])  # the head signs answers (a clerk's own is refused, test_approval)
    body = {"on": TODAY.isoformat(), "outcome": "granted", "reply_text": "予以公开"}
    assert client.post(f"/api/cases/{case.pk}/answer", body, content_type="application/json").status_code == 200
    again = client.post(f"/api/cases/{case.pk}/answer", body, content_type="application/json")
    assert again.status_code == 409 and "已答复" in again.json()["detail"] and " / " in again.json()["detail"]
    assert again.json()["code"] == "conflict"  # every refusal derives from RuleError and names its kind
    fresh = _registered(office)
    wrong = client.post(
        f"/api/cases/{fresh.pk}/answer", {**body, "outcome": "no_such_outcome"}, content_type="application/json"
    )
    assert wrong.status_code == 400 and wrong.json()["code"] == "desk"
    page = client.post(f"/desk/{case.pk}/answer/", body, follow=True)
    assert page.status_code == 200 and "“答复”只适用于" in page.content.decode()


def test_a_server_error_is_logged_with_its_traceback_and_the_visitor_sees_none(
    office: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    log = Path(settings.ERROR_LOG)
    before = log.read_text(encoding="utf-8") if log.exists() else ""

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("磁盘已满 disk-full-7731")

    monkeypatch.setattr(services, "submit_online", broken)
    visitor = Client(raise_request_exception=False)
    api = visitor.post(
        "/api/public/applications",
        {"agency_id": office["hy"].pk, "applicant_name": "赵六", "description": "某文件"},
        content_type="application/json",
    )
    page = visitor.post(
        "/apply/",
        {
            "agency": office["hy"].pk,
            "applicant_type": "natural_person",
            "applicant_name": "赵六",
            "phone": "13700007777",
            "description": "某文件",
            "id_number": "33042419770202333X",
            "form_wanted": "电子邮件",
        },
    )
    for response in (api, page):
        assert response.status_code == 500
        assert b"disk-full-7731" not in response.content and b"Traceback" not in response.content
    written = log.read_text(encoding="utf-8")[len(before) :]
    assert written.count("RuntimeError: 磁盘已满 disk-full-7731") == 2
    assert written.count("Traceback (most recent call last)") == 2
    assert "/api/public/applications" in written and "/apply/" in written
