from __future__ import annotations

from django.contrib import admin

from .models import ImportBatch, ImportFile, PublishedReport, ReportVersion

admin.site.register(ImportBatch)
admin.site.register(ImportFile)
admin.site.register(PublishedReport)
admin.site.register(ReportVersion)
