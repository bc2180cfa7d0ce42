from __future__ import annotations

from typing import Any

from django import forms

from ..agencies.models import Agency
from .categories import CATEGORY_CHOICES, INTERPRETATION
from .models import Attribute, Item, Status


def date_widget() -> forms.DateInput:
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class ItemForm(forms.Form):
    category = forms.ChoiceField(label="分类", choices=CATEGORY_CHOICES)
    title = forms.CharField(label="名称", max_length=300)
    doc_number = forms.CharField(label="文号", max_length=120, required=False)
    issuer = forms.CharField(label="发文机关（默认为本机关）", max_length=200, required=False)
    made_on = forms.DateField(label="成文日期", widget=date_widget())
    expires_on = forms.DateField(label="有效期至（可不填）", widget=date_widget(), required=False)
    interprets = forms.ModelChoiceField(
        label="解读的文件（政策解读必填）", queryset=Item.objects.none(), required=False
    )
    summary = forms.CharField(label="内容概述", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    body = forms.CharField(label="正文", widget=forms.Textarea(attrs={"rows": 12}), required=False)
    attribute = forms.ChoiceField(label="拟定公开属性", choices=Attribute.choices)
    attribute_reason = forms.CharField(
        label="依申请公开或不予公开的理由", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        documents = (
            Item.objects.filter(agency=agency)
            .exclude(category=INTERPRETATION)
            .exclude(status=Status.WITHDRAWN)
            .order_by("-made_on", "-id")
        )
        field = self.fields["interprets"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = documents[:500]


class ReturnForm(forms.Form):
    comment = forms.CharField(label="修改意见", widget=forms.Textarea(attrs={"rows": 3}))


class ApproveForm(forms.Form):
    comment = forms.CharField(label="审核意见（可不填）", required=False)
    attribute = forms.ChoiceField(label="公开属性", choices=Attribute.choices)
    attribute_reason = forms.CharField(label="理由（非主动公开时必填）", required=False)


class DateNoteForm(forms.Form):
    on = forms.DateField(label="日期", widget=date_widget())
    note = forms.CharField(label="说明", required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 2}))


class PublishForm(forms.Form):
    on = forms.DateField(label="发布日期（默认今天）", widget=date_widget(), required=False)
