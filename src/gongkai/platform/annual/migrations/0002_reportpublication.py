# ruff: noqa
"""The published annual report moves from the registry into this app (issue 15: one door for one
report). State only: the table keeps its name ``registry_reportpublication`` and not a row moves.

The audit trail and the content type follow the model, so that a publication's history stays one
series: entries about ``registry.reportpublication`` become ``annual.reportpublication`` and the two
action types ``registry.publish_report``/``registry.withdraw_report`` become ``annual.…`` (the same
kinds under the app that now owns them; ``audit.labels.Action`` knows only the new names).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

OLD, NEW = "registry", "annual"
ACTIONS = ("publish_report", "withdraw_report")


def _relabel(apps, frm, to):  # type: ignore[no-untyped-def]
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label=to, model="reportpublication").exists():
        ContentType.objects.filter(app_label=frm, model="reportpublication").update(app_label=to)
    AuditEntry = apps.get_model("audit", "AuditEntry")
    AuditEntry.objects.filter(object_type=f"{frm}.reportpublication").update(object_type=f"{to}.reportpublication")
    for action in ACTIONS:
        AuditEntry.objects.filter(action=f"{frm}.{action}").update(action=f"{to}.{action}")


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    _relabel(apps, OLD, NEW)


def backward(apps, schema_editor):  # type: ignore[no-untyped-def]
    _relabel(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0001_initial"),
        ("annual", "0001_initial"),
        ("audit", "0002_ip"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("registry", "0004_search_long_parts"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ReportPublication",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("year", models.PositiveSmallIntegerField(verbose_name="年度")),
                        ("data", models.JSONField(verbose_name="报告数据")),
                        ("html", models.TextField(verbose_name="报告正文")),
                        ("published_at", models.DateTimeField(verbose_name="发布时间")),
                        ("withdrawn", models.BooleanField(default=False, verbose_name="已撤回")),
                        (
                            "agency",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="agencies.agency",
                                verbose_name="机关",
                            ),
                        ),
                        (
                            "published_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "已发布年度报告",
                        "verbose_name_plural": "已发布年度报告",
                        "db_table": "registry_reportpublication",
                        "ordering": ("agency", "-year", "-published_at"),
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forward, backward, elidable=False),
    ]
