"""The foundation: the agency tree, roles and permissions, the audit trail, database settings."""

from __future__ import annotations

import os
from typing import Any

import pytest

from gongkai.platform.accounts.models import APPLICANT_TYPE_CHOICES, Role
from gongkai.platform.accounts.permissions import (
    may_change,
    may_view,
    may_view_agency_records,
    scope,
)
from gongkai.platform.agencies.models import Agency
from gongkai.platform.audit.models import AuditEntry
from gongkai.platform.database import DatabaseUrlError, database_config
from gongkai.report.templates import REQUEST_COLUMNS
from tests.environment import missing


def test_subtree_is_a_prefix_query(tree: dict[str, Agency]) -> None:
    names = set(tree["hy"].subtree().values_list("name", flat=True))
    assert names == {"海盐县人民政府", "秦山街道办事处", "海盐县发展和改革局"}
    assert tree["qs"].is_within(tree["zj"]) and not tree["qs"].is_within(tree["wz"])
    assert [a.name for a in tree["qs"].ancestors()] == ["浙江省人民政府", "嘉兴市人民政府", "海盐县人民政府"]
    assert tree["qs"].depth == 3


def test_moving_an_agency_moves_its_subtree(tree: dict[str, Agency]) -> None:
    hy = tree["hy"]
    hy.parent = tree["wz"]
    hy.save()  # what the administrator's edit in the audited admin does
    qs = Agency.objects.get(pk=tree["qs"].pk)
    assert qs.path.startswith(Agency.objects.get(pk=tree["wz"].pk).path)
    assert qs.depth == 3
    assert set(Agency.objects.get(pk=tree["wz"].pk).subtree().values_list("pk", flat=True)) >= {
        tree["hy"].pk,
        tree["qs"].pk,
        tree["cn"].pk,
    }
    wz = Agency.objects.get(pk=tree["wz"].pk)
    wz.parent = qs
    with pytest.raises(ValueError):
        wz.save()


def test_only_administrators_create_agencies_and_it_is_audited(tree: dict[str, Agency], make_user: Any) -> None:
    from django.test import Client

    clerk, admin = Client(), Client()
    clerk.force_login(make_user("clerk", Role.CLERK, tree["hy"]))
    admin.force_login(make_user("root", Role.ADMIN))
    form = {"name": "海盐县财政局", "kind": "department", "parent": tree["hy"].pk}
    assert clerk.post("/admin/agencies/agency/add/", form).status_code == 302  # to the admin's login
    assert not Agency.objects.filter(name="海盐县财政局").exists()
    assert admin.post("/admin/agencies/agency/add/", form).status_code == 302
    agency = Agency.objects.get(name="海盐县财政局")
    assert agency.is_within(tree["hy"])
    entry = AuditEntry.objects.get(action="admin.add", object_id=str(agency.pk))
    assert entry.actor is not None and entry.actor.username == "root"
    assert entry.after and entry.after["name"] == "海盐县财政局"


def test_applicant_types_are_the_template_columns() -> None:
    assert [key for key, _ in APPLICANT_TYPE_CHOICES] == [c.key for c in REQUEST_COLUMNS[:6]]


class _Record:
    """Anything with an agency and an applicant is judged the same way as a case."""

    def __init__(self, agency: Agency, applicant_user_id: int | None = None) -> None:
        self.agency = agency
        self.applicant_user_id = applicant_user_id


def test_roles_see_what_they_may(tree: dict[str, Agency], make_user: Any) -> None:
    clerk = make_user("clerk", Role.CLERK, tree["hy"])
    other_clerk = make_user("clerk2", Role.CLERK, tree["cn"])
    supervisor = make_user("sup", Role.SUPERVISOR, tree["jx"])
    applicant = make_user("a", Role.APPLICANT)
    record = _Record(tree["hy"], applicant.pk)
    town_record = _Record(tree["qs"])
    assert may_view(clerk, record) and may_change(clerk, record)
    assert not may_view(other_clerk, record)
    assert may_view(supervisor, record) and may_view(supervisor, town_record) and not may_change(supervisor, record)
    assert not may_view_agency_records(supervisor, tree["cn"])
    assert may_view(applicant, record) and not may_view(applicant, town_record)
    assert not may_view(make_user("b"), record)
    visible = scope(supervisor, Agency.objects.all(), agency_prefix="")
    assert set(visible.values_list("pk", flat=True)) == {tree[k].pk for k in ("jx", "hy", "qs", "fgj")}
    assert scope(clerk, Agency.objects.all(), agency_prefix="").get() == tree["hy"]


def test_database_urls() -> None:
    pg = database_config("postgresql://postgres@127.0.0.1:5432/test")
    assert pg["ENGINE"] == "django.db.backends.postgresql"
    assert (pg["NAME"], pg["USER"], pg["HOST"], pg["PORT"]) == ("test", "postgres", "127.0.0.1", "5432")
    assert database_config(None)["ENGINE"] == "django.db.backends.sqlite3"
    with pytest.raises(DatabaseUrlError):
        database_config("mysql://x/y")
    with pytest.raises(DatabaseUrlError):
        database_config("postgresql://host:5432/")


def test_api_lists_agencies_under_one(client: Any, tree: dict[str, Agency]) -> None:
    response = client.get(f"/api/agencies/?under={tree['hy'].pk}")
    assert response.status_code == 200
    assert {a["name"] for a in response.json()} == {"海盐县人民政府", "秦山街道办事处", "海盐县发展和改革局"}
    assert client.get("/api/openapi.json").json()["info"]["title"].startswith("gongkai")


def test_pages_render_in_chinese(client: Any, tree: dict[str, Agency]) -> None:
    page = client.get(f"/agencies/{tree['hy'].pk}/").content.decode()
    assert "海盐县人民政府" in page and "秦山街道办事处" in page and 'name="viewport"' in page
    assert client.get("/accounts/login/").status_code == 200


def test_the_suite_runs_on_the_database_it_was_asked_for(db: Any) -> None:
    from django.db import connection

    expected = "postgresql" if os.environ.get("GONGKAI_DATABASE_URL") else "sqlite"
    assert connection.vendor == expected


@pytest.mark.postgres
def test_postgresql_is_there_for_the_platform() -> None:
    import psycopg

    url = os.environ.get("GONGKAI_DATABASE_URL") or "postgresql://postgres@127.0.0.1:5432/test"
    try:
        with psycopg.connect(url, connect_timeout=3) as connection:
            version = connection.execute("show server_version").fetchone()
    except psycopg.OperationalError as error:
        missing(f"PostgreSQL is not reachable at {url}: {error}")
    assert version is not None and int(str(version[0]).split(".")[0]) >= 13
