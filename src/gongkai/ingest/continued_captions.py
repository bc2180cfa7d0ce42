"""A table's bare caption (``表 3``, ``续表2``, ``表2（续）``) on a line of its own, blanked in text.

A table broken across pages is often continued under a caption that repeats the table's number:
``续表2``, ``续表 2``, ``表2（续）``. Cut into a label and its figures like a row whose cells run
together (``规章000``), that caption gives the table one figure (the ``2``) that is no cell, and
a table read from its figures in printed order is then one figure out. The caption says only that
the table goes on: it is blanked, as the page breaks around it are. So is a table's number with
no title on its line (``表 3``: a Word caption whose title pdftotext set on the next line), cut so
into ``表`` and a figure 3 that table 四 would read as its first cell.
"""

from __future__ import annotations

import re

# The table's number in Arabic or Chinese figures, at most three characters; nothing else on the
# line but spaces and a colon (a caption naming its table, ``续表2 收到和处理…``, is a title, kept).
_NUMBER = r"[0-9０-９一二三四五六七八九十]{1,3}"
_CONTINUED = r"[（(]续表?[)）]"  # 表2（续）
# Matched whole on the stripped line; one optional blank between the parts, never two unbounded
# runs side by side (a run of blanks would backtrack over every way to share it out).
_CAPTION = re.compile(rf"(?:续表[ \t\u3000]?(?:{_NUMBER})?|表[ \t\u3000]?{_NUMBER}(?:[ \t\u3000]?{_CONTINUED})?)[:：]?")


def is_continued_caption(line: str) -> bool:
    """Is ``line`` nothing but a table's caption without its title, or a continued table's?"""
    return "表" in line and len(line) <= 40 and _CAPTION.fullmatch(line.strip()) is not None


def continued_captions_blanked(lines: list[str]) -> list[str]:
    """``lines`` with every bare or continued table's caption blanked (a page break's ``\\f`` kept)."""
    return [_blanked(line) if "表" in line else line for line in lines]  # (表: a caption's, cheap)


def _blanked(line: str) -> str:
    body = line.lstrip("\f")
    return line[: len(line) - len(body)] if is_continued_caption(body) else line
