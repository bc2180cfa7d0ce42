"""The automatic part of 保密审查: personal data and secrecy marks found, office contacts only warned."""

from __future__ import annotations

from gongkai.platform.registry.scan import id_checksum_ok, mask, scan, scan_text
from tests.environment import RAW

CORPUS = RAW


def test_finds_id_numbers_mobiles_bank_cards_and_secrecy_marks() -> None:
    text = (
        "申请人李某，身份证号330424198001011113，手机138 0013 8000，"
        "银行卡6222021234567890128。本件为内部资料，不得外传。★机密"
    )
    kinds = [f.kind for f in scan_text(text, "正文")]
    assert kinds.count("id_number") == 1
    assert "mobile" in kinds and "bank_card" in kinds and kinds.count("secret_mark") >= 2
    assert all(f.blocking for f in scan_text(text, "正文"))


def test_office_contacts_are_warnings_or_nothing() -> None:
    """The office's landline is not reported at all; an e-mail address is a warning, never a block."""
    findings = scan_text("咨询电话：0573-86123456，邮箱 gk@haiyan.gov.cn", "正文")
    assert [f.kind for f in findings] == ["email"]
    assert not any(f.blocking for f in findings)


def test_no_false_alarm_on_document_numbers_dates_and_amounts() -> None:
    text = "盐政发〔2021〕12号，2021年1月1日起施行，采购总金额1250000.50元，索引号001008003009001/2021-29025"
    assert [f.kind for f in scan_text(text, "正文")] == []


def test_findings_are_masked() -> None:
    (finding,) = scan_text("手机13912345678", "正文")
    assert finding.excerpt == mask("13912345678") == "139******78"


def test_id_checksum() -> None:
    assert id_checksum_ok("11010519491231002X")
    assert not id_checksum_ok("110105194912310021")


def test_corpus_reports_flag_only_office_contacts() -> None:
    """The published reports carry the offices' phones and addresses, never a citizen's ID number."""
    for path in sorted(CORPUS.glob("*.txt")):
        findings = scan([("正文", path.read_text(encoding="utf-8"))])
        assert not [f for f in findings if f.kind == "id_number"], path.name
