# ruff: noqa
"""The published annual report now belongs to ``annual`` (its migration 0002): the registry forgets
the model; the table stays where it is (state only)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0004_search_long_parts"),
        ("annual", "0002_reportpublication"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ReportPublication")],
            database_operations=[],
        ),
    ]
