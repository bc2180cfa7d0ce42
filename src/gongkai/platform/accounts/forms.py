from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation

from .models import APPLICANT_TYPE_CHOICES, User


class SignUpForm(forms.Form):
    username = forms.CharField(label="用户名", max_length=150)
    password = forms.CharField(
        label="密码", widget=forms.PasswordInput, help_text=password_validation.password_validators_help_text_html()
    )
    display_name = forms.CharField(label="姓名或名称", max_length=200)
    applicant_type = forms.ChoiceField(label="申请人类型", choices=APPLICANT_TYPE_CHOICES)
    phone = forms.CharField(label="联系电话", max_length=40, required=False)
    email = forms.EmailField(label="电子邮箱", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if password := data.get("password"):
            # Django's AUTH_PASSWORD_VALIDATORS: length, common passwords, all digits, like the user's name
            candidate = User(
                username=data.get("username", ""),
                display_name=data.get("display_name", ""),
                email=data.get("email", ""),
            )
            try:
                password_validation.validate_password(password, candidate)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data
