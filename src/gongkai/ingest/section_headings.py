"""A line cleaned of Markdown and spacing, and the numbered part of a report a heading line starts.

Every reader step that looks for the six parts (一、总体情况 … 六、其他需要报告的事项) asks here, so
the test is cheap first (a heading is short and starts with one of ``HEADING_FIRST``) and cached.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from gongkai.report.labels import label_key
from gongkai.report.templates import SECTIONS, Section

_NUMERALS = "一二三四五六"
HEADING_FIRST = "#>*" + _NUMERALS  # what a heading line starts with, blanks aside
_HEADING = re.compile(r"^[#>\s*]*(?P<num>[一二三四五六])\s*[、.．，,]\s*(?P<title>.+?)[*\s。.:：]*$")
SPACE = re.compile(r"[\s\u3000\xa0\u200b\ufeff]+")
MARKUP = re.compile(r"^[#>*\s]+|(?<![*\s])[*\s]+$")  # the tail tried once per run of blanks
_SECTION_KEYS: tuple[tuple[str, ...], ...] = tuple(
    tuple(label_key(title) for title in section.titles) for section in SECTIONS
)


def clean_line(text: str) -> str:
    """One line without Markdown markers or spacing."""
    text = unicodedata.normalize("NFKC", text)
    if "#" in text or ">" in text or "*" in text:
        text = MARKUP.sub("", text)  # without these marks it strips only blanks, which SPACE takes
    return SPACE.sub("", text)


@lru_cache(maxsize=32768)
def match_section_heading(text: str) -> Section | None:
    """The section a heading line starts (``### 三、收到和处理政府信息公开申请情况``), if it is one."""
    stripped = text.strip()
    if not stripped or len(stripped) > 60 or stripped[0] not in HEADING_FIRST:
        return None
    match = _HEADING.match(stripped)
    if match is None:
        return None
    index = _NUMERALS.index(match["num"])
    key = label_key(match["title"])
    if not key:
        return None
    for candidate in _SECTION_KEYS[index]:
        if key == candidate or key.startswith(candidate):
            return SECTIONS[index]
        common = _common_prefix(key, candidate)
        if common >= min(4, len(candidate)) and len(candidate) >= 4:
            return SECTIONS[index]
    return None


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
