"""Comparing printed labels with the template's, whatever the typesetting did to them.

Real reports split labels with spaces and line breaks (``三、 本年 度办 理结 果``), mix full- and
half-width brackets, digits and quotes, and drop or change the numbering, and write 其它 for 其他
(the two spellings of one word). ``label_key`` folds all of that away so that two spellings of one
label compare equal.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"“": "", "”": "", '"': "", "‘": "", "’": "", "'": "", "「": "", "」": ""})
_NOISE = re.compile(r"[\s\u3000\xa0\u200b\ufeff*#|:：;；,，、.．。·•/／\-—_~]+")
_SPACE = re.compile(r"[\s\u3000\xa0\u200b\ufeff]+")
_OTHER_VARIANT, _OTHER = "其它", "其他"  # one word, two spellings
_BRACKETS = re.compile(r"[()（）\[\]【】〔〕<>《》]")
# Leading numbering: 一、 （三） (3) 1. 1、 第一项 …
_NUMBERING = re.compile(
    r"^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．]|[（(]?\d{1,2}[)）.、．]|\d{1,2}(?=\D))+"
)
# A footnote marker ending a label (``行政许可注1``, ``行政许可①``, ``（七）总计*``): no part of it.
# Stripped one at a time: a repeated group with ``\*{1,3}`` inside would split a long run of
# asterisks every way, exponential on hostile text.
_MARK_END = re.compile(r"(?:注\d{1,2}|[\u2460-\u2473]|\*{1,3})$")
_MAX_MARKS = 4  # markers ending one label: ``注1①`` at most, in print


def fold(text: str) -> str:
    """Unicode-normalise: full-width digits, letters and brackets to half-width; no-break spaces."""
    return unicodedata.normalize("NFKC", text).replace("\u3000", " ")


# Pure and called for every cell of every table, the same few hundred texts over and over: cached.
@lru_cache(maxsize=1 << 16)
def label_key(text: str) -> str:
    """A comparison key for a label: no spacing, punctuation, quotes or brackets; 其它 as 其他."""
    folded = fold(text).translate(_QUOTES)
    folded = _BRACKETS.sub("", folded)
    return _NOISE.sub("", folded).replace(_OTHER_VARIANT, _OTHER)


def strip_numbering(text: str) -> str:
    """``（三）1.属于国家秘密`` → ``属于国家秘密``; works on raw or folded text."""
    compact = _SPACE.sub("", fold(text))
    previous = None
    while previous != compact:
        previous = compact
        compact = _NUMBERING.sub("", compact)
    return compact


@lru_cache(maxsize=1 << 16)
def bare_label_key(text: str) -> str:
    """``label_key`` without the leading numbering, so that misnumbered rows still match."""
    return label_key(strip_numbering(without_marks(text)))


def without_marks(text: str) -> str:
    """A label without the footnote markers ending it (``注1``, ``①``, ``*``)."""
    stripped = text.rstrip()
    for _ in range(_MAX_MARKS):
        mark = _MARK_END.search(stripped)
        if mark is None:
            break
        stripped = stripped[: mark.start()].rstrip()
    return stripped if stripped.strip() and stripped != text.rstrip() else text
