# ruff: noqa
"""The full-text index of published items: FTS5 on SQLite, tsvector + GIN on PostgreSQL."""

from django.db import migrations


def create(apps: object, schema_editor: object) -> None:
    from gongkai.platform.registry.search import create_table

    create_table(schema_editor)


def drop(apps: object, schema_editor: object) -> None:
    from gongkai.platform.registry.search import drop_table

    drop_table(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
