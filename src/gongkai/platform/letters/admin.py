from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin

from ..audit.admin_base import AuditedAdmin
from .models import LetterTemplate
from .services import LetterTemplateError, check_template


class LetterTemplateForm(forms.ModelForm):
    class Meta:
        model = LetterTemplate
        fields = ("agency", "outcome", "title", "body")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "outcome" in data and "body" in data:
            try:  # the same check as the template page: a broken template would break every letter
                check_template(data["outcome"], data["body"])
            except LetterTemplateError as error:
                self.add_error("body", str(error))
        return data


@admin.register(LetterTemplate)
class LetterTemplateAdmin(AuditedAdmin):
    form = LetterTemplateForm
    list_display = ("outcome", "agency", "title", "updated_at")
    list_filter = ("outcome",)
    raw_id_fields = ("agency",)

    def save_model(self, request: Any, obj: LetterTemplate, form: Any, change: bool) -> None:
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
