"""Radical code points a PDF's text layer gives for ordinary characters, mapped back.

A CJK font often draws 一 and the Kangxi radical ⼀ (U+2F00) with one glyph, and a PDF's ToUnicode
map (or a converter reading it: pdfminer, pdftotext) may then name the radical: ``⼀、本年新收``,
``海盐县人⺠政府``. Kangxi radicals (U+2F00–U+2FD5) fold to the unified character by NFKC; the
CJK Radicals Supplement (U+2E80–U+2EF3) has no decomposition, so the ones that stand for a
character of their own in simplified Chinese are listed here (Unicode's CJKRadicals.txt).
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
RADICALS = str.maketrans(
    {**{chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6)}, **_SUPPLEMENT}
)


# Every code point ``RADICALS`` maps (U+2E80–U+2FD5): most texts hold none, and a search for one
# is far cheaper than ``translate`` looking up each character of the text in the table.
_ANY_RADICAL = re.compile("[\u2e80-\u2fd5]")


def unradical(text: str) -> str:
    """``text`` with radical code points read as the characters they stand for."""
    return text.translate(RADICALS) if _ANY_RADICAL.search(text) else text
