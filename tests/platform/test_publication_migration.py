"""Moving ``ReportPublication`` from the registry into ``annual`` moves no data: a database at the old
state keeps its publications, their audit trail follows them, and the way back works too."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

OLD = [("annual", "0001_initial"), ("registry", "0004_search_long_parts")]
NEW = [("annual", "0002_reportpublication"), ("registry", "0005_reportpublication_to_annual")]


def _migrate(targets: list[tuple[str, str]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    applied = MigrationExecutor(connection).loader.applied_migrations or {}
    return executor.loader.project_state(list(applied)).apps  # every app as the database now is


@pytest.mark.django_db(transaction=True)
def test_publications_and_their_trail_survive_the_move_and_the_way_back() -> None:
    old = _migrate(OLD)
    try:
        agency = old.get_model("agencies", "Agency").objects.create(name="海盐县人民政府")
        kept = old.get_model("registry", "ReportPublication").objects.create(
            agency=agency, year=2021, data={"year": 2021}, html="<p>报告</p>", published_at=timezone.now()
        )
        entries = old.get_model("audit", "AuditEntry").objects
        for action in ("registry.publish_report", "registry.withdraw_report", "registry.publish"):
            entries.create(action=action, object_type="registry.reportpublication", object_id=str(kept.pk))

        new = _migrate(NEW)
        moved = new.get_model("annual", "ReportPublication").objects.get()
        assert (moved.pk, moved.year, moved.data, moved.html) == (kept.pk, 2021, {"year": 2021}, "<p>报告</p>")
        assert moved._meta.db_table == "registry_reportpublication"
        trail = set(new.get_model("audit", "AuditEntry").objects.values_list("action", "object_type"))
        assert trail == {
            ("annual.publish_report", "annual.reportpublication"),
            ("annual.withdraw_report", "annual.reportpublication"),
            ("registry.publish", "annual.reportpublication"),  # another kind keeps its name
        }

        back = _migrate(OLD)
        assert back.get_model("registry", "ReportPublication").objects.get().html == "<p>报告</p>"
        trail = set(back.get_model("audit", "AuditEntry").objects.values_list("action", flat=True))
        assert trail == {"registry.publish_report", "registry.withdraw_report", "registry.publish"}
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
