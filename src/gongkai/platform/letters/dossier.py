"""The whole case file (案卷) as one document: the printable 办理审批表 for signatures, every letter as
issued, the delivery records, the list of filed documents and the audit trail; DOCX, then PDF
through the render layer's LibreOffice converter."""

from __future__ import annotations

import io
from typing import Any

from ...render.to_pdf import docx_bytes_to_pdf
from ..audit.labels import labelled_history
from ..desk.models import Application, ApprovalStatus
from .models import IssuedLetter
from .render import CJK_FONT, _cn_date, chinese_document


def _table(document: Any, rows: list[tuple[str, str]], widths: tuple[float, float] = (4.0, 12.0)) -> None:
    from docx.shared import Cm

    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
        cells[0].width, cells[1].width = Cm(widths[0]), Cm(widths[1])


def dossier_docx(case: Application) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Pt

    document = chinese_document(CJK_FONT, 11)

    def heading(text: str, size: int = 18) -> None:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold, run.font.size = True, Pt(size)

    def new_page() -> None:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    approvals = list(case.approvals.select_related("drafted_by", "decided_by"))
    answer = next((a for a in reversed(approvals) if a.kind == "answer" and a.status == ApprovalStatus.SIGNED), None)
    deliveries = list(case.deliveries.all())
    heading("政府信息公开申请办理审批表")
    document.add_paragraph(f"{case.agency.name}　　查询码：{case.tracking_code}").alignment = WD_ALIGN_PARAGRAPH.CENTER
    _table(
        document,
        [
            ("申请人", f"{case.applicant_name}（{case.get_applicant_type_display()}）"),
            ("身份证明", f"{case.get_id_kind_display() or '—'} {case.id_number or ''}".strip()),
            ("联系方式", "；".join(v for v in (case.phone, case.email, case.address) if v) or "—"),
            ("提交方式、日期", f"{case.get_channel_display()}，{_cn_date(case.submitted_on)}"),
            ("收到申请日期", _cn_date(case.receipt_date)),
            ("申请内容", case.description),
            (
                "补正",
                f"{_cn_date(case.clarification_sent_on)} 要求补正：{case.clarification_request}；"
                f"{_cn_date(case.clarified_on)} 收到补正：{case.clarified_description}"
                if case.clarification_sent_on
                else "无",
            ),
            (
                "延期",
                f"延长 {case.extension_days} 个工作日（{case.extension_reason}）" if case.extension_days else "无",
            ),
            ("答复期限", _cn_date(case.due_date)),
            (
                "拟办意见",
                (
                    f"{answer.drafted_by}：{answer.proposal.get('outcome_label', '')}。"
                    f"{answer.proposal.get('reply_text', '')}"
                )
                if answer
                else "（经办人填写）",
            ),
            (
                "审核意见",
                "；".join(
                    f"{a.decided_by}：{a.get_status_display()}{('，' + a.comment) if a.comment else ''}"
                    for a in approvals
                    if a.decided_by
                )
                or "（负责人填写）",
            ),
            ("办理结果", f"{case.outcome_label}（{_cn_date(case.decided_on)}）" if case.outcome else "尚未答复"),
            (
                "送达",
                "；".join(f"{d.letter}：{d.get_method_display()}，{_cn_date(d.sent_on)}" for d in deliveries)
                or "（未登记）",
            ),
        ],
    )
    document.add_paragraph()
    document.add_paragraph("经办人（签字）：＿＿＿＿＿＿　　日期：＿＿＿＿＿＿")
    document.add_paragraph("负责人（签字）：＿＿＿＿＿＿　　日期：＿＿＿＿＿＿")

    for letter in IssuedLetter.objects.filter(application=case).order_by("issued_at", "id"):
        new_page()
        heading(letter.title)
        document.add_paragraph(letter.number).alignment = WD_ALIGN_PARAGRAPH.CENTER
        for text in letter.paragraphs:
            document.add_paragraph(text)
        for line in (letter.signature, letter.date_text):
            document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT

    new_page()
    heading("送达记录", 14)
    _table(
        document,
        [
            (
                f"{d.letter}",
                f"{d.get_method_display()}，{_cn_date(d.sent_on)} 发出"
                + (f"，{_cn_date(d.received_on)} 签收" if d.received_on else "")
                + (f"（{d.reference}）" if d.reference else ""),
            )
            for d in deliveries
        ]
        or [("—", "未登记送达")],
    )
    heading("案卷材料目录", 14)
    _table(
        document,
        [(a.get_kind_display(), f"{a.name}（{a.size // 1024 + 1} KB）") for a in case.attachments.all()]
        or [("—", "无")],
    )
    heading("办理记录", 14)
    _table(
        document,
        [
            (
                f"{e.at:%Y-%m-%d %H:%M} {e.actor_label}",
                e.action_label
                + (f"：{e.note}" if e.note else "")
                + "".join(f"\n{c.label}：{c.before} 改为 {c.after}" for c in e.changes),
            )
            for e in labelled_history(case)
        ],
        widths=(5.0, 11.0),
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def dossier_pdf(case: Application) -> bytes:
    return docx_bytes_to_pdf(dossier_docx(case), f"dossier-{case.tracking_code}")
