"""The case list as an Excel workbook (openpyxl): what the list shows, for the office's own reports."""

from __future__ import annotations

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.styles import Font

from .models import Application

HEADERS = (
    "查询码",
    "受理机关",
    "申请人",
    "申请人类型",
    "申请内容",
    "提交方式",
    "提交日期",
    "收到申请日期",
    "状态",
    "答复期限",
    "办理结果",
    "答复日期",
    "是否逾期答复",
)


def workbook(cases: Iterable[Application], *, names: bool) -> bytes:
    """``names``: the applicant's name is personal data, written for the handling office only."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "依申请公开办理情况"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for case in cases:
        late = bool(case.decided_on and case.due_date and case.decided_on > case.due_date)
        sheet.append(
            (
                case.tracking_code,
                case.agency.name,
                case.applicant_name if names else "（不显示）",
                case.get_applicant_type_display(),
                case.description,
                case.get_channel_display(),
                case.submitted_on,
                case.receipt_date,
                case.get_status_display(),
                case.due_date,
                case.outcome_label,
                case.decided_on,
                "是" if late else "",
            )
        )
    for column, width in zip("ABCDEFGHIJKLM", (16, 20, 14, 18, 50, 10, 12, 12, 12, 12, 30, 12, 8), strict=True):
        sheet.column_dimensions[column].width = width
    for column in "GHJL":  # the date columns
        for cell in sheet[column][1:]:
            cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
