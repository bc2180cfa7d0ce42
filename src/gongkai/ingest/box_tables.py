"""Tables drawn in text with box-drawing characters (``┌─┬─┐│├┼┤└┴┘``) or ASCII rules
(``+---+|``), as an old site publishes them in ``<pre>`` (and its Word copy and PDF print keep
them): each drawn table as rows of cells.

Read by the drawing's structure, not by where characters stand (a PDF's text or a proportional font
moves them): a rule line (``├───┼───┤``) ends a row; the lines between two rule lines are one row,
each cell the pieces between its verticals joined over those lines (a label wrapped in its cell,
``一、本年新收政府信息公开`` / ``申请数量``, is one label again). A cell the rule line leaves open on
the left (``│ 三 ├────┼``: the statute's section and group labels merged down over their rows, one
character a line) is one cell spanning those rows: the grid's ``rowspan``, or in plain text a line
of its own before its first row.

Gated: a run needs two rule lines and a content line between; bounded: each line is split once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.ingest.document import Block, Cell, Document, TableBlock, TextBlock
from gongkai.ingest.flat_boxes import unflattened

_VERTICALS = "│┃║"
_JUNCTIONS = "┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬┝┥┯┷┿"
_HORIZONTALS = "─━═"
_BOX_SPLIT = str.maketrans(dict.fromkeys(_VERTICALS + _JUNCTIONS, "\x01"))
_ASCII_SPLIT = str.maketrans(dict.fromkeys("|+", "\x01"))
_BOX_MARKS = ("┼", "├", "┬", "┴", "┌", "└")


def has_boxes(text: str) -> bool:
    """Whether ``text`` may hold a drawn table (a few substring tests, for the gates)."""
    return any(mark in text for mark in _BOX_MARKS) or ("+---" in text and "---+" in text)


def _kind(line: str, inside: bool = False) -> tuple[str, bool] | None:
    """("box" | "ascii", whether a rule line) for a line of a drawn table, else None. ``inside`` a
    drawn table, a line of cells may have lost its left border (a PDF's text: ``一、… │ 27 │``)."""
    s = line.strip(" \f\u3000")
    if not s:
        return None
    if s[0] in _VERTICALS or s[0] in _JUNCTIONS or s[0] in _HORIZONTALS:
        return "box", any(h in s for h in _HORIZONTALS)
    if inside and sum(s.count(v) for v in _VERTICALS) >= 2:
        return "box", False
    if s[0] in "|+" and len(s) > 1:
        return "ascii", "+--" in s or "--+" in s
    return None


def _segments(line: str, style: str, open_left: bool = False) -> list[str]:
    """The pieces between a line's verticals and junctions; with ``open_left`` (the table's left
    border lost) the piece before the first one too, blank or not; a line that lost its left border
    alone (text before its first vertical) keeps that text as its first piece."""
    parts = line.rstrip(" \f\u3000").translate(_BOX_SPLIT if style == "box" else _ASCII_SPLIT).split("\x01")
    return parts[:-1] if open_left or parts[0].strip(" \f\u3000") else parts[1:-1]


def _blank_first_cells_back(block: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """A row's lines one piece short where a line lost its left border with a blank first cell
    (``   │ 27 │`` beside ``一、… │ 27 │``): the blank cell put back."""
    most = max(len(segments) for _n, segments in block)
    return [(n, ["", *segments] if len(segments) == most - 1 else segments) for n, segments in block]


def _is_rule(segment: str, style: str) -> bool:
    s = segment.strip()
    return bool(s) and not s.strip(_HORIZONTALS if style == "box" else "-=")


@dataclass
class _Span:
    row: int
    pos: int
    pieces: list[str] = field(default_factory=list)


@dataclass
class DrawnCell:
    text: str
    rowspan: int = 1
    line: int = 0  # the first line (0-based, of the lines given) the cell was read on


def _join(pieces: list[str]) -> str:
    return "".join(p.strip(" \u3000") for p in pieces)


def drawn_rows(lines: list[tuple[int, str]], style: str) -> list[list[DrawnCell]]:
    """The rows of one drawn table (its lines with their numbers, blank ones left out): each row's
    cells, a cell merged down over rows once, in its first row, with its ``rowspan``."""
    kinds = [_kind(line, True) for _n, line in lines]
    open_left = any(
        k is not None and k[1] and line.strip(" \f\u3000")[0] in _HORIZONTALS
        for k, (_n, line) in zip(kinds, lines, strict=True)
    )
    rules: list[list[str]] = []
    blocks: list[list[tuple[int, list[str]]]] = []
    for kind, (number, line) in zip(kinds, lines, strict=True):
        segments = _segments(line, style, open_left)
        if kind is not None and kind[1]:
            if blocks and not blocks[-1]:
                rules[-1] = segments  # two rule lines running: the later one bounds the row
                continue
            rules.append(segments)
            blocks.append([])
        elif blocks:
            blocks[-1].append((number, segments))
    if blocks and not blocks[-1]:
        blocks.pop()
    blocks = [_blank_first_cells_back(block) for block in blocks]
    if any(len({len(segments) for _n, segments in block}) > 1 for block in blocks):
        return []  # a row's lines cut apart otherwise (pdftotext's reading order): not a drawing read
    leads = [_lead(r, style) for r in rules] + [0]
    rows: list[list[DrawnCell | None]] = []
    spans: dict[int, _Span] = {}
    for k, block in enumerate(blocks):
        above, below = leads[k], leads[k + 1]
        for i in range(above):  # the open left part of the rule line: text of a cell merged down
            if i in spans and i < len(rules[k]):
                spans[i].pieces.append(rules[k][i])
        width = max(len(segments) for _n, segments in block)
        texts = [_join([segments[i] for _n, segments in block if i < len(segments)]) for i in range(width)]
        first = block[0][0]
        row: list[DrawnCell | None] = []
        for i, text in enumerate(texts):
            if i < above and i in spans:
                spans[i].pieces.append(text)
            elif i < below:
                spans[i] = _Span(len(rows), len(row), [text])
                row.append(DrawnCell("", 1, first))
            else:
                row.append(DrawnCell(text, 1, first))
        rows.append(row)
        for i in [i for i in spans if i >= below]:
            span = spans.pop(i)
            _close(rows, span)
    for span in spans.values():
        _close(rows, span)
    return [[c for c in row if c is not None] for row in rows]


def _close(rows: list[list[DrawnCell | None]], span: _Span) -> None:
    cell = rows[span.row][span.pos]
    assert cell is not None
    rows[span.row][span.pos] = DrawnCell(_join(span.pieces), len(rows) - span.row, cell.line)


def _lead(segments: list[str], style: str) -> int:
    """How many cells on a rule line's left it leaves open (merged down across it)."""
    n = 0
    for segment in segments:
        if _is_rule(segment, style):
            break
        n += 1
    return n if n < len(segments) else 0


def drawn_runs(lines: list[str]) -> list[tuple[int, int, str]]:
    """Each drawn table's (first line, end line, style): box lines running (blank lines between
    them allowed), two rule lines or more, one line of cells at least."""
    runs: list[tuple[int, int, str]] = []
    i, n = 0, len(lines)
    while i < n:
        kind = _kind(lines[i])
        if kind is None:
            i += 1
            continue
        style, start, end, rules, cells = kind[0], i, i, 0, 0
        j = i
        while j < n:
            k = _kind(lines[j], True)
            if k is None:
                if lines[j].strip(" \f\u3000"):
                    break
                j += 1
                continue
            if k[0] != style:
                break
            rules += k[1]
            cells += not k[1]
            end = j + 1
            j += 1
        if rules >= 2 and cells >= 1:
            runs.append((start, end, style))
        i = max(end, i + 1)
    return runs


def boxes_as_tab_lines(lines: list[str]) -> list[str]:
    """Plain text: each drawn table's rows as tab-separated lines (a cell merged down over rows a
    line of its own before them), in place of the drawing; the rest as it was. A drawing run onto
    one line (a crawler's) is given its lines back first (``flat_boxes``)."""
    if any("`" in line for line in lines):  # pymupdf4llm marks a monospaced font's text as code
        lines = [_unquoted(line) for line in lines]
    lines = _cells_a_line_joined(lines)
    if any(_may_be_flat(line) for line in lines):
        lines = [part for line in lines for part in ((_may_be_flat(line) and unflattened(line)) or [line])]
    runs = drawn_runs(lines)
    if not runs:
        return [_loose(line) for line in lines]
    out: list[str] = []
    at = 0
    for start, end, style in runs:
        out += lines[at:start]
        numbered = [(n, lines[n]) for n in range(start, end) if lines[n].strip(" \f\u3000")]
        rows = drawn_rows(numbered, style)
        if not rows:  # a cell a line (pdftotext's reading order): the drawing's lines run together
            flat = unflattened(" ".join(line.strip() for _n, line in numbered))
            rows = drawn_rows(list(enumerate(flat)), style) if flat and len(flat) > 2 else []
        if not rows:
            out += lines[start:end]
            at = end
            continue
        for row in rows:
            for cell in row:
                if cell.rowspan > 1 and cell.text:
                    out.append(cell.text)
            texts = [c.text for c in row if c.rowspan == 1]
            if any(texts):
                out.append("\t".join(texts))
        at = end
    out += lines[at:]
    return [_loose(line) for line in out]


_LOOSE = str.maketrans(dict.fromkeys(_VERTICALS + _JUNCTIONS + _HORIZONTALS, "\t"))


def _loose(line: str) -> str:
    """A line left of a drawing no cut could read (a converter's pieces out of order): its rules
    and verticals as tabs between its cells, so that a row on it still reads as one."""
    if not any(v in line for v in _VERTICALS):
        return line
    return "\t".join(part.strip() for part in line.translate(_LOOSE).split("\t") if part.strip())


_SHORT = 30  # characters: a cell's piece on a line of its own, not prose


def _is_rule_line(line: str) -> bool:
    s = line.strip(" \f\u3000")
    # (with its left border: a drawing that lost it lost more than its order, not pieced together)
    return (s[:1] in ("├", "┌", "└") and "──" in s) or ("+--" in s and s[:1] in ("+", "|"))


def _cells_a_line_joined(lines: list[str]) -> list[str]:
    """A drawing printed a cell a line (pdftotext's reading order: ``| 规章 |`` / ``75 |`` / …): the
    short lines between its rule lines run together onto one line, for ``flat_boxes`` to cut; three
    such lines at least between two rule lines or more."""
    rules = [n for n, line in enumerate(lines) if _is_rule_line(line)]
    if len(rules) < 3:
        return lines
    out: list[str] = []
    at = 0
    k = 0
    while k < len(rules):
        first = last = rules[k]
        pieces = 0  # lines holding a cell's piece with its right border only
        j = k
        while j + 1 < len(rules):
            between = lines[rules[j] + 1 : rules[j + 1]]
            if rules[j + 1] - rules[j] > 80 or any(len(line.strip()) > _SHORT for line in between):
                break
            pieces += sum(1 for line in between if line.rstrip().endswith(("|", "│")) and line.strip()[:1] not in "|│")
            j += 1
            last = rules[j]
        # (two rule lines around one row are enough: table 四's row of figures, its last)
        if j - k >= 1 and pieces >= 3:
            out += lines[at:first]
            out.append(" ".join(line.strip() for line in lines[first : last + 1] if line.strip()))
            at = last + 1
        k = j + 1
    return out + lines[at:]


def _unquoted(line: str) -> str:
    """A line of a drawing without Markdown's code marks (``` `│` 规章 `| 75 |` ```), a code fence
    around one a blank line."""
    if line.strip() == "```":
        return ""
    if "`" in line and ("│" in line or "+--" in line or "|" in line):
        return line.replace("`", "")
    return line


def _may_be_flat(line: str) -> bool:
    """Whether a line may hold a drawing's lines run together (a crawler's or pymupdf4llm's text):
    a vertical and a rule's junction on one line, or two ASCII rules."""
    return ("│" in line and ("├" in line or "┌" in line or "└" in line)) or line.count("+--") > 1


def boxed(document: Document) -> Document:
    """A document's drawn tables as table blocks: its lines of text (and the lines inside a table
    of one column, the old page's layout table) read for drawn tables."""
    if not any_has_boxes(_texts(document)):
        return document
    lines: list[tuple[str, str]] = []  # (line, where)
    kept: list[tuple[int, Block]] = []  # blocks kept whole, by the line index before which they stand
    for block in document.blocks:
        if isinstance(block, TextBlock):
            lines += [(line, block.where) for line in block.text.split("\n")]
        elif _cells_have_boxes(block) and all(len(row) <= 1 for row in block.rows):
            lines += [(line, cell.where) for row in block.rows for cell in row for line in cell.text.split("\n")]
        else:
            kept.append((len(lines), block))
    texts = [line for line, _where in lines]
    runs = drawn_runs(texts)
    blocks: list[tuple[int, Block]] = list(kept)
    at = 0
    for start, end, style in runs:
        blocks += [(n, TextBlock(texts[n], lines[n][1])) for n in range(at, start) if texts[n].strip()]
        numbered = [(n, texts[n]) for n in range(start, end) if texts[n].strip(" \f\u3000")]
        rows = drawn_rows(numbered, style)
        if not rows:
            continue
        table = [[Cell(c.text, f"{lines[c.line][1]} line {c.line + 1}", c.rowspan) for c in row] for row in rows]
        blocks.append((start, TableBlock(table, f"{lines[start][1]} drawn table")))
        at = end
    if at == 0:
        return document  # no drawing read: the document as it was
    blocks += [(n, TextBlock(texts[n], lines[n][1])) for n in range(at, len(texts)) if texts[n].strip()]
    blocks.sort(key=lambda pair: pair[0])  # stable: a kept block before the lines after it
    document.blocks = [b for _n, b in blocks]
    return document


def _texts(document: Document) -> list[str]:
    """The document's paragraphs and its tables' cells, in order."""
    texts: list[str] = []
    for block in document.blocks:
        if isinstance(block, TextBlock):
            texts.append(block.text)
        else:
            texts.extend(cell.text for row in block.rows for cell in row)
    return texts


def any_has_boxes(texts: list[str]) -> bool:
    """``any(has_boxes(t) for t in texts)``, asked of the texts joined (in C, not a call a text):
    a mark is one character, which no join makes; the ASCII rule's two ends must stand in one text."""
    joined = "\n".join(texts)
    if any(mark in joined for mark in _BOX_MARKS):
        return True
    return "+---" in joined and "---+" in joined and any("+---" in t and "---+" in t for t in texts)


def _cells_have_boxes(block: Block) -> bool:
    return isinstance(block, TableBlock) and any(has_boxes(c.text) for row in block.rows for c in row)
