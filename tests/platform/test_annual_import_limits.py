"""The annual import reads an uploaded report in a worker under a time and memory limit, and a
zip bomb is refused before it inflates: a hostile upload neither freezes nor bloats the server."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.test import Client

from gongkai.platform.annual import services
from gongkai.platform.annual.models import AnnualReport

from ..ingest import hostile

pytestmark = pytest.mark.django_db


def _import(office: dict[str, Any], name: str, data: bytes) -> list[str]:
    client = Client()
    client.force_login(office["clerk"])
    upload = io.BytesIO(data)
    upload.name = name
    response = client.post(f"/annual/{office['hy'].pk}/import/", {"file": upload})
    assert response.status_code == 200  # the form again, with the reason
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_a_zip_bomb_upload_is_refused(office: dict[str, Any]) -> None:
    messages = _import(office, "2020年报.docx", hostile.docx_bomb(300))
    assert any("压缩炸弹" in m and "zip bomb" in m for m in messages), messages
    assert not AnnualReport.objects.filter(agency=office["hy"]).exists()


def test_the_upload_is_read_under_the_time_limit(office: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(services, "IMPORT_SECONDS", 0.001)  # no file reads this fast: the limit must stop it
    messages = _import(office, "deep.html", hostile.nested_html(100_000).encode())
    assert any("超过时间上限" in m and "limit" in m for m in messages), messages
