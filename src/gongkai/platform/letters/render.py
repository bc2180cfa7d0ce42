"""A case's reply letter: the text from its template, then DOCX (python-docx) and PDF (LibreOffice)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from django.template import Context, Template

from ...render.to_pdf import docx_bytes_to_pdf
from ..accounts.models import NATURAL_PERSON
from ..desk.fees import fee_basis
from ..desk.models import Application
from .defaults import CONSULTATION_LETTERS, NOTICES, TITLE, body_key, default_body
from .models import LetterTemplate
from .placeholders import clause, fill, sentence, tidy


@dataclass
class Letter:
    title: str
    number: str
    paragraphs: list[str]
    signature: str
    date: str


def _cn_date(day: Any) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "（未定）"


def _names_responsible_agency(case: Application) -> bool:
    return bool(case.responsible_agency.strip())


def template_for(case: Application) -> tuple[str, str]:
    """(title, body) for the case's outcome: the agency's, the platform's, or the built-in one.

    An outcome whose legal wording depends on the answer (（四）1: 不存在 or 不属于本机关负责公开)
    uses the built-in body that fits, unless the office wrote its own.
    """
    found = (
        LetterTemplate.objects.filter(agency=case.agency, outcome=case.outcome).first()
        or LetterTemplate.objects.filter(agency__isnull=True, outcome=case.outcome).first()
    )
    if found is not None:
        return found.title, found.body
    return TITLE, default_body(case.outcome, _names_responsible_agency(case))


def salutation(case: Application) -> str:
    """您 to a person, 贵单位 to a legal person or other organisation."""
    return "您" if case.applicant_type == NATURAL_PERSON else "贵单位"


def _contact(agency: Any) -> str:
    office = agency.office_name or f"{agency.name}政府信息公开工作机构"
    parts = [f"联系机构：{office}"]
    if agency.address:
        parts.append(f"地址：{agency.address}")
    if agency.phone:
        parts.append(f"电话：{agency.phone}")
    return "，".join(parts) + "。"


def placeholder_values(case: Application) -> dict[str, str]:
    """Every placeholder's value for ``case``. Only the applicant's name: no ID number, phone or address."""
    agency = case.agency
    reply, reason = case.reply_text.strip(), case.withheld_reason.strip()
    if not reason and case.outcome and (case.outcome == "partially_granted" or body_key(case.outcome) == "denied"):
        reply, reason = "", reply  # one text given: it is the reason, said once
    return {
        "申请人": case.applicant_name,
        "称呼": salutation(case),
        "收到申请日期": _cn_date(case.receipt_date),
        "申请内容": clause(case.clarified_description or case.description),
        "获取方式": case.form_wanted,
        "答复日期": _cn_date(case.decided_on),
        "答复内容": sentence(reply)
        if reply.strip()
        else (
            f"现按【称呼】要求的“{case.form_wanted}”方式提供。".replace("【称呼】", salutation(case))
            if case.outcome == "granted"
            else ""
        ),
        "不予公开的情形": case.outcome_label.split(".", 1)[-1] if "." in case.outcome_label else case.outcome_label,
        "不予公开理由": sentence(f"理由是：{clause(reason)}") if reason.strip() else "",
        "依据": f"依据{clause(case.legal_basis)}，" if case.legal_basis.strip() else "",
        "负责公开的机关": clause(case.responsible_agency),
        "补正通知日期": _cn_date(case.clarification_sent_on),
        "补正期限": _cn_date(case.clarification_deadline),
        "补正事项": sentence(case.clarification_request),
        "延期理由": clause(case.extension_reason),
        "延长工作日数": str(case.extension_days),
        "延长后的答复期限": _cn_date(case.due_date),
        "收费依据": clause(fee_basis(case.fee_method, case.fee_units)) if case.fee_method else "",
        "收费金额": str(case.fee_amount),
        "收费通知日期": _cn_date(case.fee_notice_on),
        "缴费期限": _cn_date(case.fee_deadline),
        "机关名称": agency.name,
        "工作机构": agency.office_name or f"{agency.name}政府信息公开工作机构",
        "联系方式": _contact(agency),
        "行政复议机关": agency.review_body
        or f"{agency.parent.name if agency.parent else '上一级行政机关'}或者本级人民政府",
        "人民法院": agency.court or "有管辖权的人民法院",
        "查询码": case.tracking_code,
    }


def letter_context(case: Application) -> dict[str, Any]:
    """The context of templates stored before placeholders (Django syntax): kept so they still render."""
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
        "tracking_code": case.tracking_code,
    }


def render_body(body: str, case: Application) -> list[str]:
    text: str
    if "{{" in body or "{%" in body:  # a template saved before placeholders existed
        text = str(Template(body).render(Context(letter_context(case), autoescape=False)))
    else:
        text = fill(body, placeholder_values(case))
    return [tidy(p.strip()) for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def compose_letter(case: Application) -> Letter:
    if not case.outcome:
        raise ValueError("该申请尚未答复 / the application has not been answered")
    title, body = template_for(case)
    return Letter(
        title=title,
        number=f"查询码 {case.tracking_code}",
        paragraphs=render_body(body, case),
        signature=case.agency.name,
        date=_cn_date(case.decided_on),
    )


def compose_consultation(case: Application, consultation: Any) -> Letter:
    """征求第三方意见函 / 征求其他机关意见函 for one consultation of ``case``."""
    title, body = CONSULTATION_LETTERS[consultation.kind]
    values = placeholder_values(case) | {
        "征求对象": consultation.party,
        "征求意见期限": _cn_date(consultation.deadline),
    }
    paragraphs = [tidy(p.strip()) for p in fill(body, values).split("\n\n") if p.strip()]
    return Letter(
        title=title,
        number="",
        paragraphs=paragraphs,
        signature=case.agency.name,
        date=_cn_date(consultation.started_on),
    )


def notice_ready(case: Application, kind: str) -> bool:
    """Whether the event a notice tells of has happened."""
    return {
        "clarification": case.clarification_sent_on is not None,
        "extension": bool(case.extension_days),
        "fee": bool(case.fee_method),
    }.get(kind, False)


def compose_notice(case: Application, kind: str) -> Letter:
    """A notice sent while the case is open: 补正告知书, 延期答复告知书, 收费通知书."""
    if not notice_ready(case, kind):
        raise ValueError(f"no {kind} notice for this application")
    title, body = NOTICES[kind]
    sent = {
        "clarification": case.clarification_sent_on,
        "extension": case.extension_approved_on,
        "fee": case.fee_notice_on,
    }[kind]
    return Letter(
        title=title,
        number=f"查询码 {case.tracking_code}",
        paragraphs=render_body(body, case),
        signature=case.agency.name,
        date=_cn_date(sent),
    )


# Simplified Chinese glyph forms: the SC face of Noto (Debian's fonts-noto-cjk) and the zh-CN language
# tag, so that LibreOffice (and Word/WPS) never falls back to the JP face python-docx's default implies.
CJK_FONT = "Noto Serif CJK SC"
LATIN_FONT = "Noto Serif CJK SC"


def chinese_document(latin_font: str, size_pt: float) -> Any:
    """A new python-docx document whose Normal style is set in ``latin_font`` and the CJK font,
    tagged Simplified Chinese (letters, notices and the case file all start from it)."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name = latin_font
    style.font.size = Pt(size_pt)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), CJK_FONT)
    _simplified_chinese(document)
    return document


def _simplified_chinese(document: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    for rpr in [*(defaults.iter(qn("w:rPr")) if defaults is not None else []), *styles.iter(qn("w:rPr"))]:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), "zh-CN")
        lang.set(qn("w:eastAsia"), "zh-CN")
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is not None:
            for attribute in ("w:eastAsia", "w:ascii", "w:hAnsi"):
                fonts.set(qn(attribute), CJK_FONT)
            for theme in ("w:eastAsiaTheme", "w:asciiTheme", "w:hAnsiTheme"):
                fonts.attrib.pop(qn(theme), None)


def letter_docx(case: Application) -> bytes:
    return write_docx(compose_letter(case))


def notice_docx(case: Application, kind: str) -> bytes:
    return write_docx(compose_notice(case, kind))


SEAL_PLACEHOLDER = "（印章）"


def write_docx(letter: Letter) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = chinese_document(LATIN_FONT, 14)
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
        if index == len(letter.paragraphs) - 1:
            # The last paragraph, the signature and the date stay on one page: a date is never alone.
            paragraph.paragraph_format.keep_with_next = True
            paragraph.paragraph_format.keep_together = True
    document.add_paragraph().paragraph_format.keep_with_next = True  # a blank line before the signature
    # Where the office stamps the letter: its seal covers the signature and the date (GB/T 9704 7.3.5).
    for line in (letter.signature, SEAL_PLACEHOLDER, letter.date):
        closing = document.add_paragraph(line)
        closing.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        closing.paragraph_format.keep_with_next = line is not letter.date
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def letter_pdf(case: Application) -> bytes:
    """Through LibreOffice (the render layer's converter): the DOCX, converted."""
    return docx_bytes_to_pdf(letter_docx(case), case.tracking_code)
