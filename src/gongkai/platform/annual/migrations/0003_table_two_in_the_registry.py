# ruff: noqa: RUF012  (Django declares migrations with class-level lists)
"""Table 二 has one home: the registry's entered figures (``registry.ActiveFigures``).

The annual report's own ``active`` / ``active_source`` were written by the entries API but never
read (the compiled report counts table 二 from the registry). Figures an office entered there are
carried over to the registry where it holds none for that agency and year, so nothing is lost, and
then the two fields go.
"""

from typing import Any

from django.db import migrations

from gongkai.platform.registry.tables import COUNTED_ROWS  # rows the registry counts, never entered


def carry_to_registry(apps: Any, schema_editor: Any) -> None:
    AnnualReport = apps.get_model("annual", "AnnualReport")
    ActiveFigures = apps.get_model("registry", "ActiveFigures")
    for stored in AnnualReport.objects.exclude(active={}).iterator():
        values = {
            row: {field: value for field, value in fields.items() if value not in (None, 0, "")}
            for row, fields in (stored.active or {}).items()
        }
        values = {row: fields for row, fields in values.items() if fields and row not in COUNTED_ROWS}
        if not values or ActiveFigures.objects.filter(agency_id=stored.agency_id, year=stored.year).exists():
            continue
        source = stored.active_source or "年度报告填报（迁移）"
        ActiveFigures.objects.create(
            agency_id=stored.agency_id,
            year=stored.year,
            values=values,
            sources={row: source for row in values},
            updated_by_id=stored.updated_by_id,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("annual", "0002_reportpublication"),
        ("registry", "0005_reportpublication_to_annual"),
    ]

    operations = [
        migrations.RunPython(carry_to_registry, migrations.RunPython.noop),
        migrations.RemoveField(model_name="annualreport", name="active"),
        migrations.RemoveField(model_name="annualreport", name="active_source"),
    ]
