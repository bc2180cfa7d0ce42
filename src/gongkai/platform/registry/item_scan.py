"""The confidentiality scan of one item: every field the portal shows, every attachment's every part.

Fields: 名称, 文号, 发文机关, 内容概述, 正文. Attachments: the file name (shown on the portal and in the
download) and each part of the file as ``contents.read_contents`` reads it (the stored file is read
again, so a file attached before the scan learnt a part is scanned whole too). Where a finding is
names the field, or the attachment (its name with any number in it masked) and the part.
"""

from __future__ import annotations

from typing import Any

from . import files
from .contents import Contents, read_contents
from .scan import redact, scan

FIELDS = (("名称", "title"), ("文号", "doc_number"), ("发文机关", "issuer"), ("内容概述", "summary"), ("正文", "body"))


def _read(attachment: Any) -> Contents:
    try:
        with attachment.file.open("rb") as stream:
            data = stream.read(files.MAX_BYTES + 1)
    except (OSError, ValueError):  # the stored file is gone: scan the text read when it was attached
        return Contents(
            parts=[("正文", attachment.text)],
            manual=["附件文件缺失，只审查了上传时提取的文字 / the stored file is missing"],
        )
    return read_contents(attachment.name, data, attachment.content_type)


def scan_item(item: Any) -> list[dict[str, object]]:
    """The findings (dicts, as stored in ``Item.scan_findings``) over all of ``item``'s public texts."""
    parts = [(label, getattr(item, name) or "") for label, name in FIELDS]
    manual: list[dict[str, object]] = []
    for number, attachment in enumerate(item.attachments.all(), start=1):
        where = f"附件{number}（{redact(attachment.name)}）"
        parts.append((f"{where} · 文件名", attachment.name))
        contents = _read(attachment)
        parts += [(f"{where} · {label}", text) for label, text in contents.parts]
        manual += [
            {"kind": "manual", "label": reason, "where": where, "excerpt": "", "blocking": False}
            for reason in contents.manual
        ]
    findings: list[dict[str, object]] = []
    seen: set[tuple[object, ...]] = set()
    for finding in [f.to_dict() for f in scan(parts)] + manual:
        key = (finding["where"], finding["kind"], finding["excerpt"])
        if key not in seen:  # a text box's text is stored twice in a DOCX (the drawing and its VML copy)
            seen.add(key)
            findings.append(finding)
    return findings
