"""Radical code points a PDF's text layer gives for ordinary characters, mapped back.

A CJK font often draws 一 and the Kangxi radical ⼀ (U+2F00) with one glyph, and a PDF's ToUnicode
map (or a converter reading it: pdfminer, pdftotext) may then name the radical: ``⼀、本年新收``,
``海盐县人⺠政府``. Kangxi radicals (U+2F00–U+2FD5) fold to the unified character by NFKC; the
CJK Radicals Supplement (U+2E80–U+2EF3) has no decomposition, so the ones that stand for a
character of their own in simplified Chinese are listed here (Unicode's CJKRadicals.txt). Some
fonts name CJK compatibility ideographs instead (``不 年 理``, U+F900–U+FAD9 and U+2F800–U+2FA1D):
each is canonically the unified character, which NFKC gives.
"""

from __future__ import annotations

import re
import unicodedata

_SUPPLEMENT = {
    "\u2e81": "厂",
    "\u2e87": "几",
    "\u2e8c": "小",
    "\u2e95": "彐",
    "\u2e9d": "月",
    "\u2e9f": "母",
    "\u2ea0": "民",
    "\u2ea9": "王",
    "\u2eab": "目",
    "\u2eb6": "羊",
    "\u2ec1": "虎",
    "\u2ec4": "西",
    "\u2ec5": "见",
    "\u2ec6": "角",
    "\u2ec9": "贝",
    "\u2ecb": "车",
    "\u2ed1": "長",
    "\u2ed3": "长",
    "\u2ed4": "门",
    "\u2ed8": "青",
    "\u2eda": "页",
    "\u2edb": "风",
    "\u2edc": "飞",
    "\u2edd": "食",
    "\u2ee2": "马",
    "\u2ee3": "骨",
    "\u2ee4": "鬼",
    "\u2ee5": "鱼",
    "\u2ee6": "鸟",
    "\u2ee7": "卤",
    "\u2ee8": "麦",
    "\u2ee9": "黄",
    "\u2eec": "齐",
    "\u2eee": "齿",
    "\u2ef0": "龙",
    "\u2ef3": "龟",
}
_FOLDED = (range(0x2F00, 0x2FD6), range(0xF900, 0xFADA), range(0x2F800, 0x2FA1E))
RADICALS = str.maketrans(
    {
        **{chr(c): unicodedata.normalize("NFKC", chr(c)) for span in _FOLDED for c in span},
        **_SUPPLEMENT,
    }
)


# Every code point ``RADICALS`` maps: most texts hold none, and a search for one is far cheaper
# than ``translate`` looking up each character of the text in the table.
_ANY_RADICAL = re.compile("[\u2e80-\u2fd5\uf900-\ufad9\U0002f800-\U0002fa1d]")
# The UTF-8 of those code points starts with one of these byte pairs (U+2E80–U+2FFF, U+F900–U+FAFF,
# U+2F800–U+2FA3F): bytes holding none decode to a text holding none (a search led by a byte).
RADICAL_BYTES = re.compile(rb"\xe2[\xba-\xbf]|\xef[\xa4-\xab]|\xf0\xaf[\xa0-\xa8]")
# The same, one pattern a lead byte: each searched by its literal first byte (an alternation is
# tried at every byte of the text, three times slower on a report's page).
_RADICAL_LEADS = tuple(re.compile(branch) for branch in RADICAL_BYTES.pattern.split(b"|"))


def holds_radical_bytes(data: bytes) -> bool:
    """Whether ``data`` holds the UTF-8 of a code point ``RADICALS`` maps (``RADICAL_BYTES``)."""
    return any(lead.search(data) for lead in _RADICAL_LEADS)


def unradical(text: str) -> str:
    """``text`` with radical code points read as the characters they stand for."""
    return text.translate(RADICALS) if _ANY_RADICAL.search(text) else text
