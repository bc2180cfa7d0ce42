"""What a page tells its user: Chinese only, with the fields' own labels.

Service errors carry "中文 / English" (the API and the logs keep both); a page shows the Chinese
half. Form errors name the field by its label (“答复日期：…”), never by its name in the code.
"""

from __future__ import annotations

from django import forms


def chinese(message: str) -> str:
    head, sep, _ = message.partition(" / ")
    return head if sep else message


def form_errors(form: forms.Form) -> str:
    parts = []
    for name, errors in form.errors.items():
        text = "".join(str(e).rstrip("。") + "。" for e in errors)
        field = form.fields.get(name)
        parts.append(f"{field.label}：{text}" if field is not None and field.label else text)
    return "".join(parts)
