# ruff: noqa: RUF012  (Django declares migrations with class-level lists)
"""The annual report's PDF leaves the request (issue 11): a job renders it, kept under the digest of
the report it shows (``documents.py``)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0001_initial"),
        ("annual", "0003_table_two_in_the_registry"),
    ]

    operations = [
        migrations.CreateModel(
            name="RenderedReport",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("digest", models.CharField(max_length=64, unique=True, verbose_name="摘要")),
                ("fmt", models.CharField(max_length=10, verbose_name="格式")),
                ("year", models.PositiveSmallIntegerField(verbose_name="年度")),
                ("aggregate", models.BooleanField(default=False, verbose_name="含下级机关")),
                ("data", models.JSONField(verbose_name="报告数据")),
                ("file", models.BinaryField(blank=True, null=True, verbose_name="文件")),
                ("error", models.TextField(blank=True, default="", verbose_name="生成失败原因")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("rendered_at", models.DateTimeField(blank=True, null=True)),
                (
                    "agency",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="agencies.agency",
                        verbose_name="机关",
                    ),
                ),
            ],
            options={
                "verbose_name": "年度报告文件",
                "verbose_name_plural": "年度报告文件",
                "indexes": [models.Index(fields=["agency", "year", "aggregate", "fmt"], name="annual_rendered_report")],
            },
        ),
    ]
