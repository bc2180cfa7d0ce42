"""Issue 12 D7, D8: letters as documents of record — numbered, frozen when issued, legally consistent
wording per outcome, clean punctuation, 您/贵单位, the date kept with the body, Simplified Chinese."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

import pytest
from django.test import Client
from docx import Document

from gongkai.platform.desk import services
from gongkai.platform.desk.models import Application
from gongkai.platform.desk.receipt import Channel
from gongkai.platform.letters.issue import pdf_of
from gongkai.platform.letters.models import IssuedLetter, LetterKind
from gongkai.render.to_pdf import docx_bytes_to_pdf
from tests.environment import need_tool

from .conftest import APPLICANT

pytestmark = pytest.mark.django_db
D = dt.date


def case_of(office: dict[str, Any], applicant_type: str = "natural_person", description: str = "某文件") -> Application:
    return services.register(
        office["clerk"],
        office["hy"],
        channel=Channel.IN_PERSON,
        submitted_on=D(2021, 3, 1),
        applicant={**APPLICANT, "applicant_type": applicant_type},
        description=description,
    )


def text_of(data: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def reply(case: Application) -> str:
    return text_of(bytes(IssuedLetter.objects.get(application=case, kind=LetterKind.REPLY).docx))


def test_letters_are_numbered_per_agency_and_year_when_issued(office: dict[str, Any]) -> None:
    first, second = case_of(office), case_of(office)
    services.ask_clarification(office["clerk"], first, D(2021, 3, 2), "请写明年份。")
    services.answer(office["head"], second, outcome="granted", on=D(2021, 3, 5), reply_text="见附件")
    numbers = list(IssuedLetter.objects.order_by("id").values_list("number", flat=True))
    prefix = office["hy"].short_name or office["hy"].name
    assert numbers == [f"{prefix}依申请公开〔2021〕1号", f"{prefix}依申请公开〔2021〕2号"]
    assert numbers[1] in reply(second)


def test_not_held_and_not_ours_never_share_wording(office: dict[str, Any]) -> None:
    absent = services.answer(
        office["head"],
        case_of(office),
        outcome="unavailable_not_held",
        on=D(2021, 3, 5),
        reply_text="经检索档案未找到。",
    )
    elsewhere = services.answer(
        office["head"],
        case_of(office),
        outcome="unavailable_not_held",
        on=D(2021, 3, 5),
        responsible_agency="海盐县审计局，电话 0573-86000000",
    )
    absent_text, elsewhere_text = reply(absent), reply(elsewhere)
    assert "不存在" in absent_text and "第三十六条第（四）项" in absent_text and "负责公开" not in absent_text
    assert "不属于本机关负责公开" in elsewhere_text and "海盐县审计局" in elsewhere_text
    assert "不存在" not in elsewhere_text and "第三十六条第（五）项" in elsewhere_text


def test_punctuation_salutation_and_reasons(office: dict[str, Any]) -> None:
    firm = case_of(office, "legal_services", description="盐政发〔2024〕15号文件及其附件。")
    services.answer(
        office["head"],
        firm,
        outcome="partially_granted",
        on=D(2021, 3, 5),
        reply_text="公开征收决定正文，见附件。",
        withheld_reason="附件中的被征收人身份信息属于个人隐私。",
        legal_basis="《中华人民共和国政府信息公开条例》第十五条",
    )
    text = reply(firm)
    assert "贵单位" in text and "您" not in text
    assert "“盐政发〔2024〕15号文件及其附件”。" in text and "。”。" not in text and "。，" not in text
    withheld = next(line for line in text.splitlines() if line.startswith("其余部分"))
    assert "个人隐私" in withheld and "公开征收决定正文" not in withheld  # the reason, not the whole reply
    # D21: the public tracking page names the outcome without table 三's counting note.
    tracked = Client().get(f"/track/?code={firm.tracking_code}").content.decode()
    assert "（二）部分公开（" in tracked and "只计这一情形" not in tracked
    person = case_of(office)
    services.extend(office["head"], person, days=10, reason="需要调取档案。", on=D(2021, 3, 10))
    extension = text_of(bytes(IssuedLetter.objects.get(application=person, kind=LetterKind.EXTENSION).docx))
    assert "因需要调取档案，不能" in extension and "您" in extension and "贵单位" not in extension


def test_the_docx_is_simplified_chinese(office: dict[str, Any]) -> None:
    case = services.answer(office["head"], case_of(office), outcome="granted", on=D(2021, 3, 5), reply_text="见附件")
    data = bytes(IssuedLetter.objects.get(application=case).docx)
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        styles = docx.read("word/styles.xml").decode()
        body = re.sub(r"<[^>]+>", "", docx.read("word/document.xml").decode())
    assert "ja-JP" not in styles and 'w:eastAsia="zh-CN"' in styles and "Noto Serif CJK SC" in styles
    # The seal's place (印章) sits between the signature and the date, at the letter's end.
    assert body.endswith("海盐县人民政府（印章）2021年3月5日")


def test_the_pdf_keeps_the_date_with_the_body_in_sc_fonts(office: dict[str, Any]) -> None:
    need_tool("soffice")
    import pdfplumber

    long_reason = "经审查，" + "该信息涉及多个项目的审批过程，" * 38 + "依法不予公开。"
    case = services.answer(
        office["head"], case_of(office), outcome="denied_process_info", on=D(2021, 3, 5), reply_text=long_reason
    )
    pdf = pdf_of(IssuedLetter.objects.get(application=case))
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        pages = [(page.extract_text() or "").replace(" ", "") for page in document.pages]
        fonts = {char["fontname"] for page in document.pages for char in page.chars}
    last = pages[-1]
    assert "2021年3月5日" in last and "海盐县人民政府" in last
    assert len(last.replace("海盐县人民政府", "").replace("2021年3月5日", "").strip()) > 20  # not alone
    assert fonts and all("NotoSerifCJK" in font for font in fonts), fonts
    # Noto's collection shares one glyph program named "…CJKjp" among its SC/TC/JP/KR faces, so the
    # name proves nothing: the glyphs do. The same letter tagged ja-JP embeds other glyphs (JP forms).
    docx = bytes(IssuedLetter.objects.get(application=case).docx)
    as_japanese = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(as_japanese, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/styles.xml":
                data = data.replace(b'w:eastAsia="zh-CN"', b'w:eastAsia="ja-JP"')
            target.writestr(item, data)
    japanese = docx_bytes_to_pdf(as_japanese.getvalue(), "ja")
    assert font_programs(pdf) != font_programs(japanese)


def font_programs(pdf: bytes) -> set[bytes]:
    return {s for s in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S) if len(s) > 2000}


def test_a_sent_letter_is_served_as_issued(office: dict[str, Any]) -> None:
    case = services.answer(office["head"], case_of(office), outcome="granted", on=D(2021, 3, 5), reply_text="见附件")
    public = Client()
    before = public.get(f"/letters/track/{case.tracking_code}.docx").content
    office["hy"].name = "海盐县人民政府（更名后）"
    office["hy"].save()
    Application.objects.filter(pk=case.pk).update(reply_text="事后改动的答复")
    assert public.get(f"/letters/track/{case.tracking_code}.docx").content == before


def test_a_consultation_letter_is_issued_to_the_party_without_the_applicant(office: dict[str, Any]) -> None:
    from gongkai.platform.desk.models import ConsultationKind

    case = case_of(office, description="某地块出让合同及其附件")
    services.start_consultation(
        office["clerk"], case, kind=ConsultationKind.THIRD_PARTY, party="浙江某建设有限公司", on=D(2021, 3, 3)
    )
    letter = IssuedLetter.objects.get(application=case, kind=LetterKind.CONSULTATION)
    text = text_of(bytes(letter.docx))
    assert letter.title == "政府信息公开征求第三方意见函" and text.startswith("政府信息公开征求第三方意见函")
    assert "浙江某建设有限公司：" in text and "第三十二条" in text and "某地块出让合同及其附件" in text
    assert APPLICANT["applicant_name"] not in text and case.tracking_code not in text
    clerk = Client()
    clerk.force_login(office["clerk"])
    assert f"/letters/issued/{letter.pk}.docx" in clerk.get(f"/desk/{case.pk}/").content.decode()
    assert clerk.get(f"/letters/issued/{letter.pk}.docx").content == bytes(letter.docx)
    applicant = Client()
    applicant.force_login(office["alice"])
    assert applicant.get(f"/letters/issued/{letter.pk}.docx").status_code == 404
