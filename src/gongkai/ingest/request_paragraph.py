"""Table 三 set as one paragraph by a PDF-to-Markdown converter, cut back into its rows.

pymupdf4llm takes a rule-less Word table for text and prints it as a paragraph, line after line of
the page: the header's words, then each row's label lines with its figures among them where they
stood (``本年新收政府信息公开申请数 一、 505 39 29 67 640 量``: the label wrapped, its last
character under the figures; ``5. 属于三类内部事 公开 10 2 12 务信息``: a group label's line
between). Zero cells left blank leave nothing, so a row prints fewer figures than columns, or none.

The rows still come in the table's order and each begins with its label's first line, so the
paragraph is cut where each row label of table 三 begins (searched in the template's order, each
after the one before): a row is what lies between its label's start and the next row's. Each
becomes a line of its own — its numbering, the pieces of its label, its figures in printed order —
and the words of other cells that ran into it (the group labels 三、本年度 / （三）不予公开 beside
it, a mark broken off the next label) lines of their own, before the row's line when printed
before its figures, after it when after, so that no label is read with another's words.
"""

from __future__ import annotations

import re
from functools import cache

from gongkai.ingest.vocabulary import vocabulary
from gongkai.report.labels import bare_label_key, label_key

_GATE = "自然人"  # table 三's first column title: a paragraph without it is no table 三
_MIN_ROWS = 3  # row labels found in order that make a paragraph table 三's rows
_NUMBER = re.compile(r"[-−－]?\d+(?:[.．]\d+)?")
# A row's own numbering as its own word: 一、 （三） (六) 1. 2、
# a run of numerals starts only where the run starts: tried from every character of a long run, the
# unanchored form is quadratic (a page of 一一一…)
_NUMBERING = re.compile(
    r"(?<![一二三四五六七八九十])[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.．、]"
)
_START_KEY = 4  # a label's first line holds at least this many characters (or the whole label)
_EMPHASIS = re.compile(r"\*\*|__")


@cache
def _rows() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Table 三's rows in printed order (both templates' rows merged), with their bare label keys."""
    return tuple((row.key, tuple(sorted(row.keys, key=len, reverse=True))) for row in vocabulary().request_rows)


def _starts(word: str, labels: tuple[str, ...]) -> bool:
    """Whether ``word`` (its numbering stripped) is the first line of one of ``labels``."""
    key = bare_label_key(word)
    if not key:
        return False
    return any(key == label or (len(key) >= _START_KEY and label.startswith(key)) for label in labels)


def _piece_of(word: str, labels: tuple[str, ...]) -> bool:
    key = label_key(word)
    return bool(key) and any(key in label for label in labels)


def request_paragraph_rows(line: str) -> list[str] | None:
    """The lines of a paragraph holding table 三's rows (see the module's doc): the words before
    the first row, then each row's lines; None if the paragraph is not one (no 自然人 column title,
    fewer than three row labels found in order, no figure)."""
    if _GATE not in line or "|" in line:
        return None
    words = _EMPHASIS.sub(" ", line).split()
    if not any(_NUMBER.fullmatch(w) for w in words):
        return None
    found: list[tuple[int, tuple[str, ...]]] = []  # (word index of the row's start, its labels)
    at = 0
    for _key, labels in _rows():
        for i in range(at, len(words)):
            if _starts(words[i], labels):
                start = i - 1 if i and _NUMBERING.fullmatch(words[i - 1]) else i
                found.append((start, labels))
                at = i + 1
                break
    if len(found) < _MIN_ROWS:
        return None
    out = [" ".join(words[: found[0][0]])] if found[0][0] else []
    ends = [start for start, _ in found[1:]] + [len(words)]
    for (start, labels), end in zip(found, ends, strict=True):
        out.extend(_row_lines(words[start:end], labels))
    return out


def _row_lines(words: list[str], labels: tuple[str, ...]) -> list[str]:
    """One row's words as lines: the row (numbering, label pieces, figures) with the other cells'
    words before or after it, as printed before or after its first figure."""
    own: list[str] = []
    figures: list[str] = []
    before: list[str] = []
    after: list[str] = []
    for k, word in enumerate(words):
        if _NUMBER.fullmatch(word):
            figures.append(word)
        elif _NUMBERING.fullmatch(word):
            if k == 0 or not any(_NUMBERING.fullmatch(w) for w in own):
                own.insert(0, word)  # the row's numbering (printed in a column of its own: after its label)
            else:
                (after if figures else before).append(word)  # a group label's: （三）不予公开
        elif _piece_of(word, labels):
            own.append(word)
        else:
            (after if figures else before).append(word)
    lines = [" ".join(before)] if before else []
    lines.append(" ".join(own + figures))
    if after:
        lines.append(" ".join(after))
    return lines
