from __future__ import annotations

from django import forms

from .models import APPLICANT_TYPE_CHOICES


class SignUpForm(forms.Form):
    username = forms.CharField(label="用户名", max_length=150)
    password = forms.CharField(label="密码", widget=forms.PasswordInput, min_length=8)
    display_name = forms.CharField(label="姓名或名称", max_length=200)
    applicant_type = forms.ChoiceField(label="申请人类型", choices=APPLICANT_TYPE_CHOICES)
    phone = forms.CharField(label="联系电话", max_length=40, required=False)
    email = forms.EmailField(label="电子邮箱", required=False)
