"""Which encoding a page is read in, when the page says one thing and its bytes another."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.ingest.encoding import EncodingUnknown, declared_html_charset, decode
from gongkai.ingest.html import read_html

LABEL = "三、本年度办理结果（二）部分公开"
TRADITIONAL = "三、本年度辦理結果（二）部分公開"


def _page(charset: str, label: str) -> str:
    return f'<html><head><meta charset="{charset}"></head><body><p>{label}</p></body></html>'


@pytest.mark.parametrize(
    ("declared", "written_in", "read_as"),
    [
        ("gb2312", "gb18030", "gb18030"),  # as declared
        ("gb2312", "utf-8", "utf-8"),  # site moved to UTF-8, kept its old <meta>
        ("utf-8", "gbk", "gb18030"),  # the other way round
        ("iso-8859-1", "gbk", "gb18030"),  # a Western charset decodes anything: tried last
        ("big5", "big5", "big5"),  # a Taiwanese or Hong Kong page, as declared
    ],
)
def test_declared_and_actual_encodings(declared: str, written_in: str, read_as: str) -> None:
    label = TRADITIONAL if written_in == "big5" else LABEL
    doc = read_html(Path("p.html"), _page(declared, label).encode(written_in))
    assert doc.encoding == read_as
    assert doc.paragraphs[0].text == label


def test_declaration_is_found_in_either_meta_form() -> None:
    assert declared_html_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GBK">') == "gb18030"
    assert declared_html_charset(b"<META CHARSET=utf-8>") == "utf-8"
    assert declared_html_charset(b'<meta charset="no-such-codec">') is None
    assert declared_html_charset(b"<p>no meta</p>") is None


def test_utf16_with_bom() -> None:
    text, encoding = decode("\ufeff年度报告".encode("utf-16-le"))
    assert (text, encoding) == ("年度报告", "utf-16")


def test_binary_is_not_text() -> None:
    with pytest.raises(EncodingUnknown):
        decode(bytes(range(32)) * 100)
