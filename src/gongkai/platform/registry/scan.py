"""保密审查's automatic part: find personal data and secrecy marks in an item's text for the reviewer.

The scan flags; the reviewer decides. Findings of ``BLOCKING`` kinds (ID numbers, mobile numbers,
bank cards, secrecy marks) keep an item from being approved until the text is fixed: these never
belong on a public page. E-mail addresses and home addresses are shown as warnings for the reviewer
to confirm: an office's own e-mail and a company's registered address are public.

Landlines are not reported: a document's 咨询电话 is the office's own number, and flagging it on
every item would teach reviewers to click past the scan.

Secrecy marks (密级标志): ``绝密/机密/秘密`` followed or preceded by ``★`` (spaces allowed between
the characters), after ``密级：``, or standing alone on a line (with an optional period such as
``秘密 一年``), which is where a document carries its mark. The words inside a sentence
(商业秘密, 国家秘密, 保守工作秘密) are ordinary prose and are not flagged; nor is 涉密 (涉密人员管理).

Every pattern is linear: text is folded first (``normalise.fold``), numbers are assembled from digit
groups in one pass (``numbers.py``), e-mail addresses are grown outwards from each ``@`` with bounded
repeats, and the other patterns have bounded repeats and a fixed first character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass

from .normalise import fold
from .numbers import find_numbers, id_checksum_ok

__all__ = ["BLOCKING", "LABELS", "Finding", "blocking", "id_checksum_ok", "mask", "redact", "scan", "scan_text"]

BLOCKING = frozenset({"id_number", "mobile", "bank_card", "secret_mark"})
LABELS = {
    "id_number": "身份证号码",
    "mobile": "手机号码",
    "bank_card": "银行卡号",
    "secret_mark": "密级标志或内部资料字样",
    "email": "电子邮箱",
    "address": "住址（请确认是否为个人住址）",
    "more": "同类内容过多，其余未逐条列出",
}
MAX_PER_PART = 50  # findings listed per field or attachment part; the rest are counted

_SPACE = "[ \\t]{0,3}"
_SECRET_LEVEL = f"(?:绝|机|秘){_SPACE}密"
_PERIOD = f"(?:[0-9一二三四五六七八九十]{{1,3}}{_SPACE}(?:年|个月|月)|长期)"
_SECRET = re.compile(
    f"{_SECRET_LEVEL}{_SPACE}[★☆*]"  # 机密★, 秘 密 ★一年
    f"|[★☆*]{_SPACE}{_SECRET_LEVEL}"  # ★机密
    f"|密级{_SPACE}[:：]?{_SPACE}{_SECRET_LEVEL}"  # 密级：秘密
    f"|(?m:^[ \\t]{{0,20}}{_SECRET_LEVEL}(?:{_SPACE}{_PERIOD})?[ \\t]{{0,20}}$)"  # 秘密 alone on its line
    "|内部资料|注意保管|不得外传"
)
_ADDRESS_NUMBER = "[0-9一二三四五六七八九十百零〇两]"
_GAP = "[ \\t]{0,2}"
_ADDRESS = re.compile(
    # 路/街/巷/弄 N号 then a flat: 幢/栋/单元/室 (an office address usually stops at 号)
    f"(?:路|街|巷|弄|大道|胡同){_GAP}{_ADDRESS_NUMBER}{{1,5}}{_GAP}号{_GAP}(?:院{_GAP})?"
    f"{_ADDRESS_NUMBER}{{1,4}}{_GAP}(?:幢|栋|单元|室)"
    # N幢/栋 (N单元) N室, N单元N室
    f"|{_ADDRESS_NUMBER}{{1,4}}{_GAP}(?:幢|栋){_GAP}(?:{_ADDRESS_NUMBER}{{1,3}}{_GAP}单元{_GAP})?"
    f"{_ADDRESS_NUMBER}{{1,5}}{_GAP}室"
    f"|{_ADDRESS_NUMBER}{{1,3}}{_GAP}单元{_GAP}{_ADDRESS_NUMBER}{{1,5}}{_GAP}室"
    # a village home: 村/社区 (N组) N号
    f"|(?:村|社区){_GAP}(?:{_ADDRESS_NUMBER}{{1,3}}{_GAP}组{_GAP})?{_ADDRESS_NUMBER}{{1,5}}{_GAP}号"
)
_EMAIL_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_EMAIL_DOMAIN = re.compile(r"(?<![A-Za-z0-9-])[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){1,8}")


@dataclass(frozen=True)
class Finding:
    kind: str
    label: str
    where: str  # 名称 / 正文 / 附件：文件名 · 页眉
    excerpt: str  # masked, so the finding itself never spreads the data
    blocking: bool

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def mask(value: str) -> str:
    """Keep the first three and last two characters: enough to find it, not enough to use it."""
    if len(value) <= 5:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 5) + value[-2:]


def _emails(text: str) -> Iterator[tuple[int, int]]:
    """Spans of e-mail addresses, grown from each ``@``: each costs at most a few hundred steps."""
    at = text.find("@")
    while at != -1:
        start = at  # walk back over the local part; it stops at the previous @, so each character once
        while start > 0 and at - start < 64 and text[start - 1] in _EMAIL_LOCAL:
            start -= 1
        domain = _EMAIL_DOMAIN.match(text, at + 1)
        if start < at and domain:
            name = domain.group().rstrip(".-")
            if name.rsplit(".", 1)[-1].isalpha():
                yield start, at + 1 + len(name)
        at = text.find("@", at + 1)


def _spans(text: str) -> Iterator[tuple[str, int, int]]:
    for number in find_numbers(text):
        yield number.kind, number.start, number.end
    for start, end in _emails(text):
        yield "email", start, end
    for match in _SECRET.finditer(text):
        yield "secret_mark", match.start(), match.end()
    for match in _ADDRESS.finditer(text):
        yield "address", match.start(), match.end()


def scan_text(text: str, where: str) -> list[Finding]:
    """Findings in one field or attachment part, at most ``MAX_PER_PART`` listed."""
    folded = fold(text)
    order = {kind: n for n, kind in enumerate(("id_number", "bank_card", "mobile", "secret_mark", "email", "address"))}
    spans = sorted(_spans(folded), key=lambda s: (s[1], order[s[0]]))
    found: list[Finding] = []
    more: list[str] = []
    reach = -1
    for kind, start, end in spans:
        if start < reach:
            continue  # an ID inside an e-mail address, …: reported once
        reach = end
        if len(found) >= MAX_PER_PART:
            more.append(kind)
            continue
        excerpt = " ".join(folded[start:end].split())
        if kind != "secret_mark":  # a secrecy mark is shown as it is: it is no one's data
            excerpt = mask(excerpt)
        found.append(Finding(kind, LABELS[kind], where, excerpt, kind in BLOCKING))
    if more:
        found.append(Finding("more", f"另有 {len(more)} 处未列出", where, "", any(kind in BLOCKING for kind in more)))
    return found


def redact(text: str) -> str:
    """``text`` folded, with every blocking finding masked: for naming a file without repeating an ID in it."""
    folded = fold(text)
    out, at = [], 0
    for kind, start, end in sorted(_spans(folded), key=lambda s: s[1]):
        if kind in BLOCKING and kind != "secret_mark" and start >= at:
            out += [folded[at:start], mask(folded[start:end])]
            at = end
    return "".join([*out, folded[at:]])


def scan(parts: Iterable[tuple[str, str]]) -> list[Finding]:
    """Findings over ``(where, text)`` pairs: the title, the body, each attachment's text."""
    return [finding for where, text in parts if text for finding in scan_text(text, where)]


def blocking(findings: Iterable[dict[str, object]]) -> list[dict[str, object]]:
    return [f for f in findings if f.get("blocking")]
