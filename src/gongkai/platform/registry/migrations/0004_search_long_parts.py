# ruff: noqa
"""PostgreSQL: an index of the long documents' later parts (multi-term search checks them by key)."""

from django.db import migrations


def create(apps: object, schema_editor: object) -> None:
    from gongkai.platform.registry.search import LONG_PARTS_INDEX

    if schema_editor.connection.vendor == "postgresql":  # type: ignore[attr-defined]
        schema_editor.execute(LONG_PARTS_INDEX)  # type: ignore[attr-defined]


def drop(apps: object, schema_editor: object) -> None:
    if schema_editor.connection.vendor == "postgresql":  # type: ignore[attr-defined]
        schema_editor.execute("DROP INDEX IF EXISTS registry_search_long")  # type: ignore[attr-defined]


class Migration(migrations.Migration):
    dependencies = [("registry", "0003_catalogue_indexes")]
    operations = [migrations.RunPython(create, drop)]
