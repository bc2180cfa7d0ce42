"""保密审查's automatic part: find personal data and secrecy marks in an item's text for the reviewer.

The scan flags; the reviewer decides. Findings of ``BLOCKING`` kinds (ID numbers, mobile numbers,
bank cards, secrecy marks) keep an item from being approved until the text is fixed: these never
belong on a public page. Landlines and e-mail addresses are usually the office's own contacts, so
they are shown as warnings only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

# The weights and check characters of GB 11643 (居民身份证号码).
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

_ID = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
                 r"\d{3}[\dXx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)")
_BANK = re.compile(r"(?<!\d)(?:62|4\d|5[1-5])\d{14,17}(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)0\d{2,3}[-－ ]?\d{7,8}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SECRET = re.compile(r"(?:绝密|机密|秘密)\s*[★*☆]|[★*☆]\s*(?:绝密|机密|秘密)|内部资料|注意保管|不得外传|涉密")

BLOCKING = frozenset({"id_number", "mobile", "bank_card", "secret_mark"})
LABELS = {
    "id_number": "身份证号码",
    "mobile": "手机号码",
    "bank_card": "银行卡号",
    "secret_mark": "密级标志或内部资料字样",
    "landline": "固定电话",
    "email": "电子邮箱",
}


@dataclass(frozen=True)
class Finding:
    kind: str
    label: str
    where: str  # 名称 / 正文 / 附件：文件名
    excerpt: str  # masked, so the finding itself never spreads the data
    blocking: bool

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def id_checksum_ok(number: str) -> bool:
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17].upper()


def mask(value: str) -> str:
    """Keep the first three and last two characters: enough to find it, not enough to use it."""
    if len(value) <= 5:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 5) + value[-2:]


def _luhn_ok(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def scan_text(text: str, where: str) -> list[Finding]:
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, match: re.Match[str]) -> None:
        span = match.span()
        if any(a < span[1] and span[0] < b for a, b in taken):
            return
        taken.append(span)
        found.append(Finding(kind, LABELS[kind], where, mask(match.group()), kind in BLOCKING))

    # Every 18-digit number shaped like an ID is flagged, valid checksum or not: a typo in an ID
    # number is still personal data.
    for match in _ID.finditer(text):
        add("id_number", match)
    for match in _BANK.finditer(text):
        if _luhn_ok(match.group()):
            add("bank_card", match)
    for match in _MOBILE.finditer(text):
        add("mobile", match)
    for match in _LANDLINE.finditer(text):
        add("landline", match)
    for match in _EMAIL.finditer(text):
        add("email", match)
    for match in _SECRET.finditer(text):
        add("secret_mark", match)
    return found


def scan(parts: Iterable[tuple[str, str]]) -> list[Finding]:
    """Findings over ``(where, text)`` pairs: the title, the body, each attachment's text."""
    return [finding for where, text in parts if text for finding in scan_text(text, where)]


def blocking(findings: Iterable[dict[str, object]]) -> list[dict[str, object]]:
    return [f for f in findings if f.get("blocking")]
