"""The scan in linear time: 120,000-character runs aimed at each of its patterns finish within a second.

The e-mail pattern it replaced took 35 s on a 120,000-character run (O(n²)), holding the GIL: the whole
server stopped answering. Bound: 3 s of this process's CPU each (the runs take a few hundredths of a second
here; CPU time, not wall time, so that a loaded machine does not fail a linear scan).
"""

from __future__ import annotations

import io
import time
import zipfile

import docx
import pytest

from gongkai.platform.registry.contents import MAX_XML_BYTES, read_contents
from gongkai.platform.registry.item_scan import scan_item
from gongkai.platform.registry.scan import scan_text

from .attachments import attachment, item

N = 120_000
LIMIT = 3.0  # seconds of CPU
UNITS = [
    "a",
    "1",
    "０",
    "一",
    " ",
    ".",
    "\n",
    "-",
    "@",
    "a@",
    "@a.",
    "a.",
    "1 ",
    "1-",
    "1.",
    "1\n",
    "一 ",
    "1\u200b",
    "62",
    "86 ",
    "138 ",
    "a" * 62 + "!@",
    "3" * 17 + "X ",
    "X",
    "密★",
    "机 ",
    "秘密\n",
    "\n秘密\n",
    "★",
    "路1号",
    "1幢",
    "村1组",
    "1单元",
    "a@b.cn ",
    "x@" + "a." * 9,
    "+",
    "(1)",
    "号",
    "1" * 18 + " ",
]


@pytest.mark.parametrize("unit", UNITS, ids=repr)
def test_adversarial_runs_finish_within_a_second(unit: str) -> None:
    scan_text("３", "正文")  # the folding table is built once per process, not timed here
    text = (unit * (N // len(unit) + 1))[:N]
    for variant in (text, text + "@"):
        start = time.process_time()
        scan_text(variant, "正文")
        elapsed = time.process_time() - start
        assert elapsed < LIMIT, f"{unit!r}×{N // len(unit)}: {elapsed:.2f} s"


def test_the_reviews_long_run_docx_is_scanned_within_a_second() -> None:
    """The review's reproduction: one 120,000-character paragraph in a DOCX, scanned at submit."""
    document = docx.Document()
    document.add_paragraph("a" * N)
    out = io.BytesIO()
    document.save(out)
    scan_text("３", "正文")
    start = time.process_time()
    findings = scan_item(item([attachment("longrun120k.docx", out.getvalue())]))
    elapsed = time.process_time() - start
    assert findings == [] and elapsed < LIMIT, f"{elapsed:.2f} s"


def test_a_docx_expanding_past_the_limit_is_left_to_the_reviewer() -> None:
    """Decompression stops at ``MAX_XML_BYTES``: the parts past it are not parsed, and the finding says so."""
    out = io.BytesIO()
    docx.Document().save(out)
    padded = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(out.getvalue())) as source,
        zipfile.ZipFile(padded, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/document.xml":
                content = content.replace(b"<w:body>", b"<w:body>" + b"<w:p/>" * (MAX_XML_BYTES // 6 + 1))
            target.writestr(info, content)
    contents = read_contents("bomb.docx", padded.getvalue())
    assert len(padded.getvalue()) < MAX_XML_BYTES // 100
    assert any("过大" in reason for reason in contents.manual)
