"""The audit trail in words: one table of action types with their Chinese labels, and the fields'
own labels (their models' verbose names, the choices' display labels) for the before/after values.

Every audit entry written in the platform names one of ``Action``: ``audit.services.record`` takes
nothing else (mypy checks the calls, and ``record`` refuses anything else at run time), and every
kind carries its Chinese label, so that no page ever shows a code such as ``desk.submit`` or
``status: a → b``. A new kind of entry is one line here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from .models import AuditEntry


class Action(models.TextChoices):
    ACCOUNT_CREATE = "account.create", "创建账号"
    ACCOUNT_LOGIN = "account.login", "登录"
    ACCOUNT_LOGIN_FAILED = "account.login_failed", "登录失败"
    ACCOUNT_LOGOUT = "account.logout", "退出登录"
    ACCOUNT_TOKEN_CREATE = "account.token_create", "创建接口令牌"
    ACCOUNT_TOKEN_REVOKE = "account.token_revoke", "吊销接口令牌"
    ADMIN_ADD = "admin.add", "后台新增记录"
    ADMIN_CHANGE = "admin.change", "后台修改记录"
    ADMIN_DELETE = "admin.delete", "后台删除记录"
    NOTIFY_SENT = "notify.sent", "发送通知"
    OVERSIGHT_IMPORT = "oversight.import", "导入监督数据"
    OVERSIGHT_MATCH = "oversight.match", "匹配监督数据"
    OVERSIGHT_VERSION = "oversight.version", "监督数据新版本"
    OVERSIGHT_FILING_SUBMITTED = "oversight.filing.submitted", "报送年度报告"
    OVERSIGHT_FILING_ACCEPTED = "oversight.filing.accepted", "审核通过报送的年度报告"
    OVERSIGHT_FILING_RETURNED = "oversight.filing.returned", "退回报送的年度报告"
    OVERSIGHT_FILING_PUBLISHED = "oversight.filing.published", "发布审核通过的年度报告"
    OVERSIGHT_FINDING_CONFIRMED = "oversight.finding.confirmed", "确认校验发现"
    OVERSIGHT_FINDING_DISMISSED = "oversight.finding.dismissed", "排除校验发现"
    OVERSIGHT_FINDING_RECTIFIED = "oversight.finding.rectified", "校验发现已整改"
    OVERSIGHT_FINDING_OPEN = "oversight.finding.open", "重新打开校验发现"
    OVERSIGHT_FINDING_SENT_BACK = "oversight.finding.sent_back", "校验发现退回机关"
    OVERSIGHT_FINDING_ANSWERED = "oversight.finding.answered", "机关答复校验发现"
    ANNUAL_ENTRIES = "annual.entries", "录入年度报告数据"
    ANNUAL_IMPORT = "annual.import", "导入年度报告"
    ANNUAL_PUBLISH_REPORT = "annual.publish_report", "发布年度报告"
    ANNUAL_WITHDRAW_REPORT = "annual.withdraw_report", "撤回年度报告"
    APPEALS_FILE = "appeals.file", "登记行政复议或诉讼"
    APPEALS_RESULT = "appeals.result", "登记复议诉讼结果"
    APPEALS_CORRECT = "appeals.correct", "更正复议诉讼登记"
    APPEALS_WITHDRAW = "appeals.withdraw", "撤销复议诉讼登记"
    DESK_SUBMIT = "desk.submit", "在线提交申请"
    DESK_REGISTER = "desk.register", "登记申请"
    DESK_CONFIRM_RECEIPT = "desk.confirm_receipt", "确认收到申请"
    DESK_ASK_CLARIFICATION = "desk.ask_clarification", "要求补正"
    DESK_RECEIVE_CLARIFICATION = "desk.receive_clarification", "收到补正后的申请"
    DESK_CLOSE_NO_CLARIFICATION = "desk.close_no_clarification", "逾期不补正，办结"
    DESK_START_CONSULTATION = "desk.start_consultation", "发出征求意见"
    DESK_END_CONSULTATION = "desk.end_consultation", "收到征求意见的答复"
    DESK_EXTEND = "desk.extend", "延长答复期限"
    DESK_FEE_NOTICE = "desk.fee_notice", "发出收费通知"
    DESK_FEE_PAID = "desk.fee_paid", "登记缴费"
    DESK_CLOSE_UNPAID_FEE = "desk.close_unpaid_fee", "逾期未缴费，办结"
    DESK_ANSWER = "desk.answer", "答复"
    DESK_DRAFT_ANSWER = "desk.draft_answer", "拟办答复，提交负责人审核"
    DESK_REQUEST_EXTENSION = "desk.request_extension", "申请延长答复期限，提交负责人审核"
    DESK_SIGN = "desk.sign", "负责人签发"
    DESK_ATTACH = "desk.attach", "上传案卷材料"
    DESK_FORWARD = "desk.forward", "转送负责公开的机关"
    DESK_FORWARDED_IN = "desk.forwarded_in", "收到其他机关转送的申请"
    DESK_LINK_REPEAT = "desk.link_repeat", "关联重复申请"
    DESK_DELIVERY = "desk.delivery", "登记送达"
    DESK_RETURN = "desk.return", "负责人退回拟办"
    DESK_WITHDRAW = "desk.withdraw", "申请人撤回申请"
    DESK_CLOSE = "desk.close", "办结归档"
    DESK_RECOMPUTE_DUE = "desk.recompute_due", "放假安排变更，重新计算答复期限"
    DESK_RECOMPUTE_DUE_DATES = "desk.recompute_due_dates", "重新计算全部答复期限"
    LETTERS_TEMPLATE = "letters.template", "修改告知书模板"
    LETTERS_ISSUE = "letters.issue", "出具告知书"
    REGISTRY_CREATE = "registry.create", "拟稿"
    REGISTRY_UPDATE = "registry.update", "修改草稿"
    REGISTRY_ATTACH = "registry.attach", "上传附件"
    REGISTRY_DETACH = "registry.detach", "删除附件"
    REGISTRY_SUBMIT = "registry.submit", "提交审核"
    REGISTRY_RETURN = "registry.return", "退回修改"
    REGISTRY_APPROVE = "registry.approve", "审核通过"
    REGISTRY_PUBLISH = "registry.publish", "在门户网站发布"
    REGISTRY_AMEND = "registry.amend", "更正已发布信息"
    REGISTRY_REPEAL = "registry.repeal", "标注废止"
    REGISTRY_WITHDRAW = "registry.withdraw", "撤回发布"
    REGISTRY_FIGURES = "registry.figures", "录入年度报告数字"
    WORKDAYS_SCHEDULE = "workdays.schedule", "录入放假安排"


ACTION_LABELS: dict[str, str] = dict(Action.choices)


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, "其他操作")


def _field(model: type[models.Model] | None, key: str) -> models.Field[Any, Any] | None:
    if model is None:
        return None
    for name in (key, key.removesuffix("_id")):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        return field if isinstance(field, models.Field) else None
    return None


def value_text(field: models.Field[Any, Any] | None, value: Any) -> str:
    """A stored value as a person reads it: the choice's label, a Chinese date, 是/否, no dicts."""
    if value is None or value == "":
        return "—"
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return value
        return f"{day.year}年{day.month}月{day.day}日"
    if isinstance(value, dict):
        return "；".join(f"{k}：{value_text(None, v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return "、".join(value_text(None, v) for v in value)
    return str(value)


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class LabelledEntry:
    entry: AuditEntry
    action_label: str
    changes: list[Change]

    def __getattr__(self, name: str) -> Any:  # at, actor_label, note, agency … as the entry has them
        return getattr(self.entry, name)


def model_of(object_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


# Keys an entry records that are not fields of its object (a message's channel and addressee).
KEY_LABELS = {
    "channel": "渠道",
    "to": "收件人",
    "subject": "主题",
    "attachment": "附件",
    "size": "大小",
    "replaced": "被替换的发布",
    "year": "年度",
    "active": "表二数据",
    "withdrawn": "已撤回",
}


def labelled(entry: AuditEntry) -> LabelledEntry:
    # The object's own fields label the keys only for its own app's actions (the desk's on a case);
    # another app's entry about it (a message sent) records keys of its own.
    own = entry.action.split(".", 1)[0] == entry.object_type.split(".", 1)[0]
    model = model_of(entry.object_type) if own else None
    changes = []
    for key, before, after in entry.changes():
        field = _field(model, key)
        if field is not None and field.verbose_name != key.replace("_", " "):
            label = str(field.verbose_name)
        else:
            label = KEY_LABELS.get(key, key)
        changes.append(Change(label, value_text(field, before), value_text(field, after)))
    return LabelledEntry(entry, action_label(entry.action), changes)


def labelled_history(obj: models.Model) -> list[LabelledEntry]:
    from .services import history

    return [labelled(entry) for entry in history(obj)]
