# ruff: noqa
"""The catalogue's indexes take the item's attribute too: the portal lists published, proactive items,
and without it PostgreSQL preferred the date index and filtered out most of what it read."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0001_initial"),
        ("registry", "0005_reportpublication_to_annual"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="item",
            name="registry_catalogue",
        ),
        migrations.RemoveIndex(
            model_name="item",
            name="registry_catalogue_category",
        ),
        migrations.AddIndex(
            model_name="item",
            index=models.Index(
                fields=["agency", "status", "attribute", "published_on", "id"], name="registry_catalogue"
            ),
        ),
        migrations.AddIndex(
            model_name="item",
            index=models.Index(
                fields=["agency", "status", "attribute", "category", "published_on", "id"],
                name="registry_catalogue_category",
            ),
        ),
    ]
