from __future__ import annotations

import datetime as dt

from django import forms

from ..accounts.models import APPLICANT_TYPE_CHOICES
from ..agencies.models import Agency
from .fees import FeeMethod
from .identity import IdKind, applicant_problems
from .models import ANSWER_OUTCOMES, OUTCOME_LABELS, AttachmentKind, ConsultationKind, DeliveryMethod
from .receipt import Channel


def date_widget() -> forms.DateInput:
    """An <input type=date>: browsers accept only ISO values, whatever the locale's date format."""
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


FORM_CHOICES = [("电子邮件", "电子邮件"), ("纸质", "纸质"), ("光盘", "光盘"), ("当场查阅", "当场查阅、抄录")]


class ApplicantFields(forms.Form):
    """第二十九条: 姓名或者名称、身份证明、联系方式 and the description, all required."""

    required_css_class = "required"  # the label says which fields must be filled
    applicant_type = forms.ChoiceField(label="申请人类型", choices=APPLICANT_TYPE_CHOICES)
    applicant_name = forms.CharField(label="姓名或名称", max_length=200)
    id_kind = forms.ChoiceField(
        label="身份证明类型", choices=IdKind.choices, initial=IdKind.RESIDENT_ID, required=False
    )  # left out: 居民身份证
    id_number = forms.CharField(label="证件号码（法人或其他组织填统一社会信用代码）", max_length=40)
    phone = forms.CharField(label="联系电话", max_length=40)
    address = forms.CharField(label="通信地址", max_length=300, required=False)
    email = forms.CharField(label="电子邮箱", max_length=200, required=False)
    description = forms.CharField(
        label="所需政府信息的名称、文号或者便于查询的其他特征性描述", widget=forms.Textarea, min_length=2
    )
    form_wanted = forms.ChoiceField(label="获取信息的方式", choices=FORM_CHOICES)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        data["id_kind"] = data.get("id_kind") or IdKind.RESIDENT_ID
        problems = applicant_problems(
            str(data.get("id_kind") or ""),
            str(data.get("id_number") or ""),
            str(data.get("phone") or ""),
            str(data.get("email") or ""),
            str(data.get("address") or ""),
        )
        for name, problem in problems.items():
            if name not in self.errors:
                self.add_error(name, problem)
        return data


class ApplyForm(ApplicantFields):
    agency = forms.ModelChoiceField(label="向哪个机关申请", queryset=Agency.objects.order_by("path"))
    # One per form shown: sending the same form again finds the case it filed (services.submit_online).
    token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    field_order = ("agency",)


class RegisterForm(ApplicantFields):
    channel = forms.ChoiceField(label="提交方式", choices=Channel.choices)
    submitted_on = forms.DateField(label="提交（寄出、发送）日期", widget=date_widget(), initial=dt.date.today)
    signed_on = forms.DateField(label="签收日期（需签收的邮件）", required=False, widget=date_widget())
    confirmed_on = forms.DateField(label="双方确认日期（平信、网络、传真）", required=False, widget=date_widget())
    field_order = ("channel", "submitted_on", "signed_on", "confirmed_on")


def _date(label: str) -> forms.DateField:
    return forms.DateField(label=label, initial=dt.date.today, widget=date_widget())


class DateForm(forms.Form):
    on = _date("日期")


class ClarifiedForm(forms.Form):
    on = _date("收到补正日期")
    content = forms.CharField(label="补正后的申请内容（所需政府信息的名称、文号或特征性描述）", widget=forms.Textarea)


class ClarificationForm(forms.Form):
    on = _date("补正通知日期")
    request = forms.CharField(label="需要补正的事项", widget=forms.Textarea)
    deadline = forms.DateField(label="补正期限（空：10 个工作日）", required=False, widget=date_widget())


class ConsultationForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=ConsultationKind.choices)
    party = forms.CharField(label="征求对象", max_length=200)
    on = _date("发出日期")


class ConsultationEndForm(forms.Form):
    consultation = forms.IntegerField(widget=forms.HiddenInput)
    on = _date("收到意见日期")
    opinion = forms.CharField(label="意见", widget=forms.Textarea, required=False)


class ExtensionForm(forms.Form):
    days = forms.IntegerField(label="延长工作日数（最多 20）", min_value=1, max_value=20, initial=20)
    reason = forms.CharField(label="延期理由", widget=forms.Textarea)
    on = _date("批准日期")


class FeeForm(forms.Form):
    method = forms.ChoiceField(label="收费方式（按件、按量只能择一）", choices=FeeMethod.choices)
    pages = forms.IntegerField(label="页数（按量计收）", required=False, min_value=1)
    on = _date("收费通知日期")


class AnswerForm(forms.Form):
    outcome = forms.ChoiceField(label="办理结果", choices=[(k, OUTCOME_LABELS[k]) for k in ANSWER_OUTCOMES])
    on = _date("答复日期")
    reply_text = forms.CharField(label="答复内容：公开的信息、获取的方式和途径", widget=forms.Textarea, required=False)
    withheld_reason = forms.CharField(label="不予公开（部分）的理由", widget=forms.Textarea, required=False)
    legal_basis = forms.CharField(label="法律依据（如《条例》第十四条）", max_length=300, required=False)
    responsible_agency = forms.CharField(
        label="负责公开的机关名称及联系方式（本机关不掌握时）", max_length=300, required=False
    )


class WithdrawForm(forms.Form):
    on = _date("撤回日期")
    note = forms.CharField(label="说明", required=False)


class DraftForm(forms.Form):
    """拟办: the answer as the clerk proposes it; the head dates it when signing."""

    outcome = forms.ChoiceField(label="办理结果", choices=[(k, OUTCOME_LABELS[k]) for k in ANSWER_OUTCOMES])
    reply_text = forms.CharField(label="答复内容：公开的信息、获取的方式和途径", widget=forms.Textarea, required=False)
    withheld_reason = forms.CharField(label="不予公开（部分）的理由", widget=forms.Textarea, required=False)
    legal_basis = forms.CharField(label="法律依据（如《条例》第十四条）", required=False)
    responsible_agency = forms.CharField(label="负责公开的机关名称及联系方式（不属于本机关负责公开时）", required=False)


class ExtensionRequestForm(forms.Form):
    days = forms.IntegerField(label="延长工作日数（最多 20）", min_value=1, max_value=20, initial=20)
    reason = forms.CharField(label="延期理由", widget=forms.Textarea)


class SignForm(forms.Form):
    approval = forms.IntegerField(widget=forms.HiddenInput)
    on = _date("签发日期")
    comment = forms.CharField(label="审核意见", required=False)


class ReturnForm(forms.Form):
    approval = forms.IntegerField(widget=forms.HiddenInput)
    comment = forms.CharField(label="退回意见", widget=forms.Textarea)


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label="材料类别", choices=AttachmentKind.choices)
    file = forms.FileField(label="文件（PDF、DOCX 或图片，20 MB 以内）")


class DeliveryForm(forms.Form):
    letter = forms.CharField(label="送达的文书", max_length=200, initial="政府信息公开申请答复告知书")
    method = forms.ChoiceField(label="送达方式", choices=DeliveryMethod.choices)
    sent_on = _date("发出日期")
    received_on = forms.DateField(label="签收日期", required=False, widget=date_widget())
    reference = forms.CharField(label="邮件号码或签收人", required=False, max_length=100)


class ForwardForm(forms.Form):
    to = forms.ModelChoiceField(label="负责公开的机关", queryset=Agency.objects.order_by("path"))
    on = _date("转送日期")
    note = forms.CharField(label="转送理由", required=False)


class RepeatForm(forms.Form):
    code = forms.CharField(label="原申请的查询码", max_length=20)
