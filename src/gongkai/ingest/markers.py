"""Footnote markers printed after figures: ``60①``, ``25②``, ``3*``, ``12※``, ``60注1``.

Offices mark a figure and explain it in a 注 under the table (``注：①含通过12345热线转办的申请``).
Unicode normalisation (NFKC, which every cell goes through) folds ① to ``1``: ``60①`` would read
601, ``1③`` 13. The marker is not part of the figure, so it is taken out of the text before any
reader's normalisation, in every reader: the text classes on the decoded text (``drop_in_text``:
``60①25`` where a crawler ran cells together, a marker wrapped onto a line of its own), HTML,
Word and PDF cells on the document read (``drop_in_document``).

What counts as a marker, right after a figure's digit:

* a circled or parenthesised number or letter (①–⑳, ⑴, ⒜, ⓐ, ❶, ➀, ㈠, ㉑, ㊀), ※, †, ‡ — glyphs
  no figure is printed with, taken out with any ``注`` before them (``60注①``);
* ``注1`` / ``注12`` (a note's number after the figure);
* a single ``*`` that is not Markdown emphasis (no ``*`` right before the figure nor after the star);
* a superscript digit (¹²³ …) only where the document explains that mark (the same glyph opens a
  note: ``注：¹含…``, ``¹含…`` at a line's start): elsewhere ``10²`` may be a power, left as printed.

A line or a cell's line holding only circled marks (the mark wrapped under its figure in a narrow
column) goes too. The figure itself is as printed: nothing to doubt.
"""

from __future__ import annotations

import re
from dataclasses import replace

from gongkai.ingest.document import Block, Cell, Document, TableBlock, TextBlock

# Circled / parenthesised numbers and letters, dingbat numbers, parenthesised and circled ideographs.
_CIRCLED = "\u2460-\u24ff\u2776-\u2793\u3220-\u3229\u3251-\u325f\u3280-\u3289\u32b1-\u32bf"
_GLYPHS = _CIRCLED + "\u203b\u2020\u2021"  # ※ † ‡
_SUPERSCRIPTS = "\u00b9\u00b2\u00b3\u2070\u2074-\u2079"
_DIGIT = "0-9\uff10-\uff19"
# Anything that could be a marker: the cheap gate (most texts hold none after a figure).
_ANY = re.compile(rf"[{_DIGIT}](?:[ \t]*(?:<br>)?[ \t]*)(?:注?[{_GLYPHS}]|注\d|\*|[{_SUPERSCRIPTS}])")
# A figure's marks (several may follow: 60①*); between figure and mark blanks or a <br> (pymupdf4llm).
# Neither a mark nor a note's number before a colon: ``…170000017 ②：本年新收…`` and
# ``…0375注2：本年新收…`` are a note's explanation after a crawler's run of digits.
_GLYPH_MARKS = re.compile(rf"(?<=[{_DIGIT}])[ \t]*(?:<br>[ \t]*)?(?:注?[{_GLYPHS}])+(?![：:])")
_NOTE_NUMBER = re.compile(rf"(?<=[{_DIGIT}])注\d{{1,2}}(?![\d：:])")
# A star after a figure that no star stands before (``**60**`` and ``*60*`` are emphasis).
_STAR = re.compile(rf"(?<![*{_DIGIT},.])([{_DIGIT}][{_DIGIT},.]*)\*(?!\*)")
_LONE_LINE = re.compile(rf"^[ \t]*[{_CIRCLED}]+[ \t]*(?:\n|\Z)", re.MULTILINE)
# A superscript that opens a note (line start, after 注/：/a blank or bracket), before a non-figure.
_EXPLAINED = re.compile(rf"(?:^|[\s注:：（(])([{_SUPERSCRIPTS}])(?=[^\s{_DIGIT}{_SUPERSCRIPTS}])", re.MULTILINE)


def _superscript_marks(explained: frozenset[str]) -> re.Pattern[str] | None:
    if not explained:
        return None
    return re.compile(rf"(?<=[{_DIGIT}])[{''.join(sorted(explained))}]+")


def explained_superscripts(text: str) -> frozenset[str]:
    """The superscript digits ``text`` explains in a note (so marks, not powers, after figures)."""
    if not any(glyph in text for glyph in "¹²³⁰⁴⁵⁶⁷⁸⁹"):
        return frozenset()
    return frozenset(match[1] for match in _EXPLAINED.finditer(text))


def drop_marks(text: str, superscripts: re.Pattern[str] | None = None) -> str:
    """``text`` without the footnote marks after its figures (itself when it holds none)."""
    if _ANY.search(text) is None:
        return text
    text = _GLYPH_MARKS.sub("", text)
    if "注" in text:
        text = _NOTE_NUMBER.sub("", text)
    if "*" in text:
        text = _STAR.sub(r"\1", text)
    if superscripts is not None:
        text = superscripts.sub("", text)
    return text


# What ``_ANY`` or ``_LONE_LINE`` needs somewhere in a text: searches that skip along the text in
# C, where theirs test each character (a report's text holding none: most), and a star after a
# figure (Markdown's ``**emphasis**`` stars follow no figure).
_MARK_GLYPH = re.compile(rf"[{_GLYPHS}{_SUPERSCRIPTS}]")
_NOTE_DIGIT = re.compile(r"注\d")
_DIGITS = frozenset("0123456789０１２３４５６７８９")  # _DIGIT's


def _star_after_figure(text: str) -> bool:
    """A ``*`` after a digit, blanks and a ``<br>`` between them or not (``_ANY``'s star)."""
    at = text.find("*")
    while at >= 0:
        k = at - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        if text[max(0, k - 3) : k + 1] == "<br>":
            k -= 4
            while k >= 0 and text[k] in " \t":
                k -= 1
        if k >= 0 and text[k] in _DIGITS:
            return True
        at = text.find("*", at + 1)
    return False


def drop_in_text(text: str) -> str:
    """A decoded text file without figures' marks, and without lines of marks alone."""
    if _MARK_GLYPH.search(text) is None and _NOTE_DIGIT.search(text) is None and not _star_after_figure(text):
        return text
    if _ANY.search(text) is None and _LONE_LINE.search(text) is None:
        return text
    text = _LONE_LINE.sub("", text)
    return drop_marks(text, _superscript_marks(explained_superscripts(text)))


def _cell(cell: Cell, superscripts: re.Pattern[str] | None) -> Cell:
    text = cell.text
    if "\n" in text:
        lines = [line for line in text.split("\n") if _LONE_LINE.fullmatch(line) is None]
        text = "\n".join(lines)
    text = drop_marks(text, superscripts)
    return cell if text == cell.text else cell._replace(text=text)


def _table(block: TableBlock, superscripts: re.Pattern[str] | None) -> TableBlock:
    rows = [[_cell(cell, superscripts) for cell in row] for row in block.rows]
    return block if rows == block.rows else replace(block, rows=rows)


def drop_in_document(document: Document) -> Document:
    """``document``'s cells and paragraphs without figures' marks (itself when none holds any)."""
    texts = [b.text for b in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row]
    joined = "\n".join(texts)
    # One search over the texts joined: no match of ``_ANY`` holds a line break, so none spans two.
    if _ANY.search(joined) is None:
        return document
    superscripts = _superscript_marks(explained_superscripts(joined))
    blocks: list[Block] = []
    for block in document.blocks:
        if isinstance(block, TextBlock):
            blocks.append(replace(block, text=drop_marks(block.text, superscripts)))
        else:
            blocks.append(_table(block, superscripts))
    return replace(document, blocks=blocks)
