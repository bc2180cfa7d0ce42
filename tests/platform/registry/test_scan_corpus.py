"""The scan against a corpus of spellings (``scan_corpus.json``): every spelling of personal data or a
secrecy mark caught, in every field and attachment part the portal shows; no look-alike (dates, 文号,
索引号, amounts, the office's landline, table figures, 商业秘密 in prose) flagged at all.

Each spelling goes where its ``where`` says: a field of the item (发文机关, 名称 …), the attachment's
file name, or one part of a DOCX or PDF built for it; the finding must name that place.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import docx
import pytest

from gongkai.platform.registry.item_scan import scan_item
from gongkai.platform.registry.scan import scan_text
from gongkai.render.to_pdf import docx_to_pdf
from tests.environment import RAW, need_tool
from tests.ingest.make_files import scanned_pdf

from .attachments import DOCX_PLACES, FIELD_PLACES, NEUTRAL, PDF_PLACES, attachment, docx_with, item, pdf_with

CORPUS = json.loads((Path(__file__).with_name("scan_corpus.json")).read_text(encoding="utf-8"))


def _findings(where: str, text: str) -> list[dict[str, Any]]:
    if where in DOCX_PLACES:
        return scan_item(item([attachment("通知.docx", docx_with(where, text))]))
    if where in PDF_PLACES:
        return scan_item(item([attachment("通知.pdf", pdf_with(where, text))]))
    if where == "attachment_name":
        return scan_item(item([attachment(text, pdf_with("pdf_text", "Notice"))]))
    return scan_item(item(**{"body" if where == "正文" else where: text}))


def _place(where: str) -> str:
    return {**DOCX_PLACES, **PDF_PLACES, **FIELD_PLACES}[where]


def test_every_spelling_is_caught_where_it_is() -> None:
    cases = CORPUS["caught"]
    missed = []
    for case in cases:
        findings = _findings(case["where"], case["text"])
        hits = [f for f in findings if f["kind"] == case["kind"] and _place(case["where"]) in str(f["where"])]
        if not hits:
            missed.append((case["note"], case["text"], [(f["kind"], f["where"]) for f in findings]))
        elif case["kind"] in ("id_number", "mobile", "bank_card"):
            # The finding masks the number: its middle digits appear nowhere in it.
            digits = "".join(ch for ch in case["text"] if ch in "0123456789")
            assert len(digits) < 11 or all(digits[3:-2] not in str(f) for f in findings), case
    print(f"\nscan catch rate: {len(cases) - len(missed)}/{len(cases)}")
    assert len(cases) >= 50
    assert not missed, missed


def test_no_look_alike_is_flagged() -> None:
    cases = CORPUS["lookalikes"]
    alarms = [
        (case["note"], case["text"], [(f.kind, f.excerpt) for f in scan_text(case["text"], "正文")]) for case in cases
    ]
    alarms = [alarm for alarm in alarms if alarm[2]]
    print(f"\nscan false alarms: {len(alarms)}/{len(cases)}")
    assert len(cases) >= 50
    assert not alarms, alarms


def test_look_alikes_in_every_field_and_part_give_no_finding() -> None:
    texts = [case["text"] for case in CORPUS["lookalikes"]]
    whole = "\n".join(texts)
    attachments = [
        attachment("2021年工作要点（浙政办发〔2020〕12号）.docx", docx_with("docx_header", whole)),
        attachment("附件2 统计表 2020-01-01.docx", docx_with("docx_comment", whole)),
        attachment("索引号330424000-2020-00012.pdf", pdf_with("pdf_keywords", whole)),
    ]
    findings = scan_item(
        item(
            attachments,
            issuer="海盐县人民政府办公室（咨询电话：0573-86012345）",
            summary=" ".join(texts[:20]),
            body=whole,
            doc_number="浙政办发〔2020〕12号",
        )
    )
    assert findings == []


@pytest.mark.parametrize("path", sorted(RAW.glob("*")), ids=lambda p: p.name)
def test_published_annual_reports_give_no_finding(path: Path) -> None:
    """Real reports of real offices (tables of figures, dates, 文号, the offices' phones and addresses)."""
    findings = scan_item(item(body=path.read_text(encoding="utf-8")))
    assert findings == []


def test_image_only_pdf_is_for_manual_review() -> None:
    findings = scan_item(item([attachment("扫描件.pdf", scanned_pdf(pages=2))]))
    assert [(f["kind"], f["blocking"]) for f in findings] == [("manual", False)]
    assert "没有文字层" in str(findings[0]["label"])
    assert "扫描件" in str(findings[0]["where"])


def test_an_attachment_name_with_an_id_is_masked_where_findings_name_it() -> None:
    findings = scan_item(item([attachment("张三身份证330424198001011234.pdf", pdf_with("pdf_text", "Notice"))]))
    assert findings and all("330424198001011234" not in str(f) for f in findings)
    assert NEUTRAL  # the other fields are neutral: only the file name is found
    assert {f["where"] for f in findings} == {"附件1（张三身份证330*************34.pdf） · 文件名"}


def test_a_pdf_made_by_libreoffice_is_read_text_and_properties(tmp_path: Path) -> None:
    """A real Chinese PDF (a Word file exported by LibreOffice): full-width ID in the text, mobile in /Author."""
    need_tool("soffice", "libreoffice")
    word = docx.Document(io.BytesIO(docx_with("docx_author", "张三 13912345678")))
    word.add_paragraph("申请人身份证号：３３０４２４１９８００１０１１２３４，请妥善保管。")
    source = tmp_path / "通知.docx"
    word.save(str(source))
    (pdf,) = docx_to_pdf([source], tmp_path / "out")
    findings = scan_item(item([attachment("通知.pdf", pdf.read_bytes())]))
    places = {(f["kind"], str(f["where"]).split(" · ")[-1]) for f in findings}
    assert places >= {("id_number", "第1页"), ("mobile", "文档属性")}
