"""A case's reply letter: the text from its template, then DOCX (python-docx) and PDF (LibreOffice)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from django.template import Context, Template

from ...render.to_pdf import docx_bytes_to_pdf
from ..desk.fees import fee_basis
from ..desk.models import Application
from .defaults import NOTICES, TITLE, default_body
from .models import LetterTemplate


@dataclass
class Letter:
    title: str
    number: str
    paragraphs: list[str]
    signature: str
    date: str


def _cn_date(day: Any) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "（未定）"


def template_for(case: Application) -> tuple[str, str]:
    """(title, body) for the case's outcome: the agency's, the platform's, or the built-in one."""
    found = (LetterTemplate.objects.filter(agency=case.agency, outcome=case.outcome).first()
             or LetterTemplate.objects.filter(agency__isnull=True, outcome=case.outcome).first())
    if found is not None:
        return found.title, found.body
    return TITLE, default_body(case.outcome)


def letter_context(case: Application) -> dict[str, Any]:
    """What a template may use. Only the applicant's name: no ID number, phone or address."""
    agency = case.agency
    label = case.outcome_label
    return {
        "applicant_name": case.applicant_name,
        "receipt_date": _cn_date(case.receipt_date),
        "description": case.description,
        "form_wanted": case.form_wanted,
        "outcome": case.outcome,
        "outcome_label": label,
        "outcome_short": label.split(".", 1)[-1] if "." in label else label,
        "decided_on": _cn_date(case.decided_on),
        "reply_text": case.reply_text,
        "legal_basis": case.legal_basis,
        "responsible_agency": case.responsible_agency,
        "clarification_sent_on": _cn_date(case.clarification_sent_on),
        "clarification_deadline": _cn_date(case.clarification_deadline),
        "fee_notice_on": _cn_date(case.fee_notice_on),
        "fee_amount": case.fee_amount,
        "agency_name": agency.name,
        "office_name": agency.office_name or f"{agency.name}政府信息公开工作机构",
        "address": agency.address,
        "phone": agency.phone,
        "review_body": agency.review_body
        or f"{agency.parent.name if agency.parent else '上一级行政机关'}或者本级人民政府",
        "court": agency.court or "有管辖权的人民法院",
        "tracking_code": case.tracking_code,
        "clarification_request": case.clarification_request,
        "extension_days": case.extension_days,
        "extension_reason": case.extension_reason,
        "due_date": _cn_date(case.due_date),
        "fee_basis": fee_basis(case.fee_method, case.fee_units) if case.fee_method else "",
        "fee_deadline": _cn_date(case.fee_deadline),
    }


def compose_letter(case: Application) -> Letter:
    if not case.outcome:
        raise ValueError("该申请尚未答复 / the application has not been answered")
    title, body = template_for(case)
    text = Template(body).render(Context(letter_context(case), autoescape=False))
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return Letter(title=title, number=f"查询码 {case.tracking_code}", paragraphs=paragraphs,
                  signature=case.agency.name, date=_cn_date(case.decided_on))


def notice_ready(case: Application, kind: str) -> bool:
    """Whether the event a notice tells of has happened."""
    return {"clarification": case.clarification_sent_on is not None, "extension": bool(case.extension_days),
            "fee": bool(case.fee_method)}.get(kind, False)


def compose_notice(case: Application, kind: str) -> Letter:
    """A notice sent while the case is open: 补正告知书, 延期答复告知书, 收费通知书."""
    if not notice_ready(case, kind):
        raise ValueError(f"no {kind} notice for this application")
    title, body = NOTICES[kind]
    text = Template(body).render(Context(letter_context(case), autoescape=False))
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    sent = {"clarification": case.clarification_sent_on, "extension": case.extension_approved_on,
            "fee": case.fee_notice_on}[kind]
    return Letter(title=title, number=f"查询码 {case.tracking_code}", paragraphs=paragraphs,
                  signature=case.agency.name, date=_cn_date(sent))


def letter_docx(case: Application) -> bytes:
    return write_docx(compose_letter(case))


def notice_docx(case: Application, kind: str) -> bytes:
    return write_docx(compose_notice(case, kind))


def write_docx(letter: Letter) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Noto Serif CJK SC"
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(letter.title)
    run.bold = True
    run.font.size = Pt(20)
    number = document.add_paragraph(letter.number)
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for index, text in enumerate(letter.paragraphs):
        paragraph = document.add_paragraph(text)
        if index > 0:
            paragraph.paragraph_format.first_line_indent = Pt(28)
    for line in (letter.signature, letter.date):
        closing = document.add_paragraph(line)
        closing.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def letter_pdf(case: Application) -> bytes:
    """Through LibreOffice (the render layer's converter): the DOCX, converted."""
    return docx_bytes_to_pdf(letter_docx(case), case.tracking_code)
