"""Figures an OCR text layer misread, put back: a searchable scan's letters for digits and rules.

A report published as a searchable scan (a paper report scanned, its PDF's text layer the
scanner's OCR output, or the OCR's Word export) prints some figures with a letter for a digit
(``1O`` ``l2`` ``S`` ``B`` ``Z``: 0→O/o, 1→l/I/|, 5→S, 8→B, 2→Z), a blank between the digits of one
figure (``2 7``) and the table's rules read as characters at a cell's border (``| 12``, ``丨 3``,
``45 ［``, or touching the figure: ``9［``). To every reader such a cell is words, not a figure,
and its row is lost.

Only a document that shows the OCR's hand is mended: at least ``MIN_EVIDENCE`` of its cells hold a
letter-digit mixture no text prints (``1O``, ``2o``, ``l5``: a digit and a look-alike letter in one
figure), a rule mark beside a figure or a lone look-alike letter in a row of figures; or, in a
grid with figures spaced (``2 7``), its row labels are misread (one character off a template's).
In such a document a cell that is a figure once its look-alike letters are read as digits, its
border marks dropped and one blank inside closed, is read so, and given a low OCR confidence
(``CONFIDENCE``): ``ocr_doubts`` keeps it only where the statutory equations confirm it and
otherwise names it in ``uncertain``. Labels are left to the template aligner's fuzzy match; only
their border marks are dropped.

A text (pdftotext, a Markdown converter's) is mended the same way line by line
(``mend_ocr_text``), in the lines of a table's rows only, each mended line named for
``ocr_doubts``: its figures have no cell of their own to carry a confidence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

from gongkai.ingest.document import Cell, Document, TableBlock
from gongkai.ingest.ocr_bar_edges import bars_by_sum
from gongkai.ingest.ocr_label_runs import MIN_RUN, mend_label_runs
from gongkai.ingest.ocr_labels import MIN_LENGTH as LABEL_LENGTH
from gongkai.ingest.ocr_labels import mend_label

CONFIDENCE = 0.5  # below ``ocr_doubts.LOW_CONFIDENCE``: a mended figure is the arithmetic's to confirm
MAX_WORDS = 40  # a row of table 三 with its label in pieces, its rule marks and figures
MIN_EVIDENCE = 2  # cells with a letter-digit mixture or a rule mark beside a figure

_LOOKALIKES = "OoIlSBZ|"
_AS_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", "S": "5", "B": "8", "Z": "2"})
# A digit and a look-alike letter in one figure: no report prints this but an OCR
_MIXTURE = re.compile(r"(?:^|\s)-?(?:\d[\d.]*[OoIlSBZ]|[OoIlSZB][\d.]*\d)[\dOoIlSBZ.]*(?:\s|$)")
# A rule mark at a figure cell's border (``| 12``, ``丨 3``, ``45 ［``)
_MARKED = re.compile(r"^[|丨［\]lI]\s+-?[\d.OoIlSBZ]+$|^-?[\d.OoIlSBZ]+\s+[|丨［\[lI]$")
_LONE = frozenset("OoIlSBZ|")
OWN_CELLS = frozenset({"html", "docx"})  # formats whose table cells are the page's own
_LETTERS_ONLY = re.compile(r"[lI|SBZ][lI|OoSBZ]{1,3}")  # ``||`` 11, ``SZ`` 52, ``lO`` 10: no leading nought
_PLAIN = re.compile(r"-?\d+")
_CHEAP = re.compile(r"[OoIlSBZ|丨［]")
# What ``_shows_ocr`` needs in some cell: a look-alike letter or rule mark, or a blank between
# digits (``2 7``). The blank is searched for first and its digit behind asked after: a search that
# begins at a class of two characters skips the rest of the text fast, one beginning at \d does not.
_SUSPECT_CHARACTERS = "OoIlSBZ|丨［"
_SPACED_DIGITS = re.compile(r"[ \u3000](?<=\d[ \u3000])\d")
# What a figure cell may hold after its marks are dropped: figure characters, one blank inside
_FIGURE = re.compile(r"-?[\dOoIlSBZ|][\dOoIlSBZ|.]*(?:[ \u3000]+[\dOoIlSBZ|.]+)?")
_MARKS = re.compile(r"[lI|丨［\[\]]")  # what a rule is read as
_LEAD_MARKS = "|丨［[lI"
_TAIL_MARKS = "|丨［[]lI"
_LABEL_MARKS = "|丨［"


def _shows_ocr(tables: list[TableBlock]) -> bool:
    """At least ``MIN_EVIDENCE`` cells read as an OCR reads a figure and no text prints one: a
    letter-digit mixture, a rule mark beside a figure, or a lone look-alike letter (``O``, ``l``)
    in a row of three figures or more; or spaced figures with misread labels (``_misread_labels``)."""
    seen = spaced = 0
    for table in tables:
        for row in table.rows:
            lone = 0
            for cell in row:
                text = cell.text
                if " " in text and _spaced(text.strip()):
                    spaced += 1
                if not _CHEAP.search(text):
                    continue
                if _MIXTURE.search(text) or _MARKED.match(text.strip()):
                    seen += 1
                elif text.strip() in _LONE:
                    lone += 1
            if lone and sum(_PLAIN.fullmatch(cell.text.strip()) is not None for cell in row) >= 3:
                seen += lone
            if seen >= MIN_EVIDENCE:
                return True
    return spaced >= MIN_EVIDENCE and _misread_labels(tables)


def _spaced(text: str) -> bool:
    """A figure with one blank inside (``2 7``; no regex: a digit run searched is quadratic)."""
    if not 3 <= len(text) <= 24 or (not text.isascii() and "\u3000" not in text):
        return False
    bare = text.replace("\u3000", " ")
    return bare.count(" ") == 1 and bare.replace(" ", "").isdigit() and bare[0] != " " and bare[-1] != " "


def _misread_labels(tables: list[TableBlock]) -> bool:
    """A grid (with figures spaced, ``2 7``) whose row labels an OCR misread
    (``ocr_labels.mend_label``: one character off a template's label, ``本年新收政府信息公开甲请数量``):
    at least ``MIN_EVIDENCE`` of the labels. Asked only of a grid with spaced figures."""
    cells = (cell.text.strip() for table in tables for row in table.rows for cell in row)
    labels = (text for text in cells if len(text) >= LABEL_LENGTH and not text.isascii())
    return sum(mend_label(text) != text for text in labels) >= MIN_EVIDENCE


def _unmarked(core: str) -> str:
    """A cell's text without the rule's marks an OCR read at its borders."""
    # the mark a blank apart, or on a line of its own in the cell (``1320<br>I``: a rule under it)
    if len(core) > 2 and core[0] in _LEAD_MARKS and core[1] in " \u3000\n":
        core = core[2:].lstrip()
    if len(core) > 2 and core[-1] in _TAIL_MARKS and core[-2] in " \u3000\n":
        core = core[:-2].rstrip()
    if len(core) > 1 and core[0] in "丨［":
        core = core[1:].lstrip()
    if len(core) > 1 and core[-1] in "丨［]":
        core = core[:-1].rstrip()
    return core


def mend_figure(text: str, letters_only: bool = False, spaced: bool | None = None) -> str | None:
    """The figure an OCR-read cell stands for (``1O`` → ``10``, ``| 12`` → ``12``, ``2 7`` → ``27``),
    or None when the cell is no misread figure (a plain figure, a label, a blank). ``letters_only``:
    the cell is the page's own (a Word or web table's), so ``||``, ``SZ`` or ``lO`` in it is 11, 52
    or 10 and ``2 7`` is 27; in a PDF's grid a rule's marks may make a cell of their own, and a
    text's cell may hold two figures. ``spaced``: whether one blank inside is one figure's
    (``2 7``; by default as ``letters_only``)."""
    core = _unmarked(text.strip())
    if not core or len(core) > 24:
        return None
    one_figure = letters_only if spaced is None else spaced
    if not _FIGURE.fullmatch(core) or (not one_figure and (" " in core or "\u3000" in core)):
        return None  # a blank inside: one figure spaced only in a page's own cell (a text's has two)
    joined = "".join(core.split()).translate(_AS_DIGITS)
    if joined == text.strip() or joined.count(".") > 1 or joined.endswith(".") or joined.lstrip("-").startswith("."):
        return None
    letters = sum(c in _LOOKALIKES for c in core)
    bare = core.replace(" ", "")
    if (
        letters
        and not any(c.isdigit() for c in core)
        and len(bare) > 1
        and not (letters_only and _LETTERS_ONLY.fullmatch(bare))
    ):
        return None  # letters only: a figure only in a page's own cell
    return joined


def other_reading(text: str, placed: bool = False) -> int | None:
    """The other figure an OCR-read cell may stand for, when a ``|`` ``l`` ``I`` at its border is a
    rule's mark or a misread 1 and nothing tells which (``| 12``: 12 or 112; ``l0``: 10 or 0; ``3 l``:
    3 or 31); None when the cell reads one way only. ``placed``: the text keeps every blank its page
    shows beside such a letter (``Cell.spaced``), so one that touches the figure is a 1 of it (a
    rule's mark stands a blank apart): ``l0`` is 10."""
    core = text.strip()
    if len(core) < 2 or len(core) > 12:
        return None
    for mark_first in (True, False):
        mark, rest = (core[0], core[1:]) if mark_first else (core[-1], core[:-1])
        if mark not in "|lI" or (placed and rest[0 if mark_first else -1] not in " \u3000"):
            continue
        rest = rest.strip()
        if rest.isdigit() and len(rest) < len(core.replace(" ", "")) + 1:
            figure = mend_figure(text)
            if figure is None or not figure.lstrip("-").isdigit():
                return None
            other = rest if int(figure) != int(rest) else (f"1{rest}" if mark_first else f"{rest}1")
            return int(other)
    return None


def _mend_label(text: str) -> str:
    """A label cell without the rule marks an OCR read at its border (``|自然人``, ``总计丨``)."""
    core = text.strip()
    if len(core) > 2 and core[0] in _LABEL_MARKS and "\u4e00" <= core[1] <= "\u9fff":
        core = core[1:]
    if len(core) > 2 and core[-1] in _LABEL_MARKS and "\u4e00" <= core[-2] <= "\u9fff":
        core = core[:-1]
    return core if core != text.strip() else text


def _placed(cell: Cell) -> str | None:
    """The cell's text as its page places it (``Cell.spaced``: ``l 0``), when the reader knows it
    and it is the same text (a cell joined with another since has none)."""
    spaced = cell.spaced
    if spaced is None or "".join(spaced.split()) != "".join(cell.text.split()):
        return None
    return spaced


def _mend_cell(cell: Cell, letters_only: bool) -> Cell:
    if not _CHEAP.search(cell.text) and not ("\u3000" in cell.text or " " in cell.text.strip()):
        return cell
    placed = _placed(cell)
    if letters_only:
        figure = mend_figure(cell.text, True)
    else:  # letters only (``|B``, ``SZ``) a figure where the page shows no rule's mark apart
        letters = placed is not None or not _MARKS.search(cell.text)
        figure = mend_figure(placed or cell.text, letters, spaced=False)
    if figure is not None:
        return cell._replace(text=figure, confidence=min(CONFIDENCE, cell.confidence or 1.0))
    bare = _unmarked(cell.text.strip())
    if not letters_only and bare != cell.text.strip() and _spaced(bare):
        # ``2 0［``: two figures or one spaced, the rule's mark dropped; the row's sums choose (``spaced_joins``)
        return cell._replace(text=bare, confidence=min(CONFIDENCE, cell.confidence or 1.0))
    label = _mend_label(cell.text)
    return cell if label == cell.text else cell._replace(text=label)


def _other_reading(cell: Cell) -> int | None:
    placed = _placed(cell)
    return other_reading(cell.text) if placed is None else other_reading(placed, placed=True)


def _suspect(text: str) -> bool:
    """Whether ``text`` holds a look-alike letter, a rule mark or a blank between two digits (what
    every cell ``_shows_ocr`` counts holds): ten substring scans, then one search."""
    return any(c in text for c in _SUSPECT_CHARACTERS) or _SPACED_DIGITS.search(text) is not None


def mend_ocr_figures(document: Document) -> Document:
    """``document`` with its OCR-misread figures mended and marked, when it shows an OCR's hand;
    else ``document`` itself (one cheap search a cell)."""
    tables = document.tables
    if not tables:
        return document
    # the cells' text joined, searched once: most documents hold no look-alike letter nor spaced figure
    if not _suspect("\n".join([cell.text for table in tables for row in table.rows for cell in row])):
        return document
    if not _shows_ocr(tables):
        return document
    own_cells = document.format in OWN_CELLS
    blocks = [
        replace(block, rows=[[_mend_cell(cell, own_cells) for cell in row] for row in block.rows])
        if isinstance(block, TableBlock)
        else block
        for block in document.blocks
    ]
    readings = {
        cell.where: other
        for table in tables
        for row in table.rows
        for cell in row
        if _CHEAP.search(cell.text) and (other := _other_reading(cell)) is not None
    }
    return replace(document, blocks=blocks, mended=True, readings=readings)


# A text's word with a digit and a look-alike letter (``1O``, ``l2``, ``|64``): an OCR's figure
# (a Markdown text's words end at its pipes too: ``|I39|``)
_TEXT_MIXTURE = {
    False: re.compile(r"(?<!\S)-?(?:\d[\d.]*[OoIlSBZ]|[OoIlSBZ|][\d.]*\d)[\dOoIlSBZ.]*(?!\S)"),
    True: re.compile(r"(?<![^\s|])-?(?:\d[\d.]*[OoIlSBZ]|[OoIlSBZ][\d.]*\d)[\dOoIlSBZ.]*(?![^\s|])"),
}
_TEXT_WORD = {False: re.compile(r"\S+"), True: re.compile(r"[^\s|]+")}
_NUMBER_WORD = {
    False: re.compile(r"(?<!\S)-?\d+(?:\.\d+)?(?!\S)"),
    True: re.compile(r"(?<![^\s|])-?\d+(?:\.\d+)?(?![^\s|])"),
}
_TEXT_LONE = frozenset("OoIlSBZ")  # ``|`` alone is a pipe table's or a rule's, not a figure's
# A pipe row's empty cell before a figure (the OCR's ``|`` of ``|64`` taken for a pipe) or a figure
# struck through (a converter's ~~ for a rule across the scanned figure)
_PIPE_DOUBT = re.compile(r"\|\|\s*-?\d|~~\s*-?\d")
_RULE_MARKS = frozenset("丨［］")  # a rule read as a character: a word of its own between cells
_GLUED_MARKS = frozenset("丨［］")  # the same touching a figure: only a rule reads so
_LABEL_RUN = re.compile(rf"[\u4e00-\u9fff]{{{MIN_RUN}}}")  # a run of ideographs: a label's stretch, maybe misread
_BARS = frozenset("|lI")  # alone between figures: a rule's mark or a misread 1
_CELL_END = frozenset("0123456789OoIlSBZ|丨［")  # what a line ending in a row's figures ends in


def _text_figure(word: str, markdown: bool) -> str | None:
    """The figure a word of a row of figures stands for (a rule's mark alone: a blank), or None (a
    plain figure, a label)."""
    if word in _RULE_MARKS:
        return " "
    if word in _TEXT_LONE:
        return word.translate(_AS_DIGITS)
    if word[0] in _GLUED_MARKS or word[-1] in _GLUED_MARKS:
        # a rule's mark glued to the figure (``9［``, ``O［``, ``丨2``): no digit looks like these
        core = word.strip("".join(_GLUED_MARKS))
        if core and core != word and (core.isdigit() or core in _TEXT_LONE):
            return core.translate(_AS_DIGITS)
        return _text_figure(core, markdown) if core and core != word else None
    if markdown and "|" in word:
        return None
    if not _FIGURE.fullmatch(word) or not any(c.isdigit() for c in word):
        return None
    figure = word.translate(_AS_DIGITS)
    if figure == word or figure.count(".") > 1 or figure.endswith(".") or figure.lstrip("-").startswith("."):
        return None
    return figure


def _apart(line: str, start: int, end: int) -> bool:
    """Whether the word ``line[start:end]`` stands apart as a cell of its own: two blanks, a pipe or
    the line's edge on either side (``74 I``: one blank, the rule's mark beside a figure)."""
    before = line[max(start - 2, 0) : start]
    after = line[end : end + 2]
    left = start == 0 or before.endswith("|") or before in ("  ", "| ") or (start == 1 and before == " ")
    right = (
        end == len(line) or after.startswith("|") or after in ("  ", " |") or (end == len(line) - 1 and after == " ")
    )
    return left and right


def _mend_line(line: str, markdown: bool, letters: bool = False, bars: str | None = None) -> str:
    """``letters``: the line holds nothing but figures (``_figures_only``), so a word of look-alike
    letters only (``SZ``) is a figure too; ``bars``: what a lone ``|`` ``l`` ``I`` there stands for
    (``_lone_bars``)."""

    def mend(match: re.Match[str]) -> str:
        word = match.group()
        if bars is not None and word in _BARS:
            return bars
        if markdown and word in "lI" and not _apart(line, match.start(), match.end()):
            return word  # ``|74 I|``: a rule's mark beside the figure in its cell, or a 1 of it
        if letters and _LETTERS_ONLY.fullmatch(word):
            return word.translate(_AS_DIGITS)
        return _text_figure(word, markdown) or word

    return _TEXT_WORD[markdown].sub(mend, line)


def _figure_word(word: str) -> bool:
    """A figure, a misread one (``o``, ``SZ``, ``l3``) or a rule's mark, as a text's word."""
    return bool(
        _PLAIN.fullmatch(word)
        or word in _LONE
        or word in _RULE_MARKS
        or _LETTERS_ONLY.fullmatch(word)
        or _text_figure(word, False) is not None
    )


def _figures_only(line: str) -> bool:
    """A text's line of nothing but figures, misread ones and rule marks, one at least with a
    digit: a row's figures on a line of their own, or a column's printed across (pdftotext's
    ``4 o``, ``SZ 7``), whatever the count of plain figures."""
    words = line.split()
    if len(words) == 1 and _LETTERS_ONLY.fullmatch(words[0]):
        return True  # ``|B`` alone: a cell a line (pdftotext), its digits all misread
    if not 1 < len(words) <= MAX_WORDS or not any(c.isdigit() for c in line):
        return False
    return all(_figure_word(word) for word in words)


def _cells(line: str) -> list[str]:
    """The figure words ending a line (its row's cells after the label), rule marks left out."""
    words = line.split()
    start = len(words)
    while start and _figure_word(words[start - 1]):
        start -= 1
    return [word for word in words[start:] if word not in _RULE_MARKS]


def _row_width(lines: list[str]) -> int | None:
    """How many cells a table's rows print: the commonest count of figures ending the lines of a
    row (three at least, no lone ``|`` ``l`` ``I`` among them), if most such lines agree."""
    counts: dict[int, int] = {}
    for line in lines:
        if line.rstrip()[-1:] not in _CELL_END:
            continue
        cells = _cells(line)
        if len(cells) >= 3 and not any(word in _BARS for word in cells):
            counts[len(cells)] = counts.get(len(cells), 0) + 1
    if not counts:
        return None
    width = max(counts, key=counts.__getitem__)
    return width if 2 * counts[width] > sum(counts.values()) else None


def _lone_bars(line: str, width: int | None) -> str | None:
    """What the lone ``|`` ``l`` ``I`` among the figures ending a line stand for, where the count of
    the row's cells tells: 1s where the line then holds as many figures as a row has cells, rules'
    marks (a blank) where it does without them; None where neither (the default reading)."""
    if width is None:
        return None
    cells = _cells(line)
    bars = sum(word in _BARS for word in cells)
    if not bars:
        return None
    if len(cells) == width:
        return "1"
    return " " if len(cells) - bars == width else None


def _letters_fill_row(line: str, width: int | None) -> bool:
    """Whether the figures ending a row's line are as many as a row has cells only with a word of
    look-alike letters among them (``6 4 1 0 0 0 ［ ||``: the 总计 11 read as ``||``): a figure
    there, not a rule."""
    if width is None:
        return False
    cells = _cells(line)
    return len(cells) == width and any(_LETTERS_ONLY.fullmatch(word) for word in cells)


def _label_part(line: str) -> str:
    """A line without the figures ending it (and the rule marks among them)."""
    starts = [match.start() for match in re.finditer(r"\S+", line)]
    words = line.split()
    first = len(words)
    while first and _figure_word(words[first - 1]):
        first -= 1
    return line[: starts[first]].rstrip() if 0 < first < len(words) else line


def _stacked(line: str) -> bool:
    """Two rows' figures a text merged digit by digit into one line (``00 00 00 01 00 01``: the
    OCR set them on one baseline): every figure ending the line two digits, three at least with a
    leading nought, which no count prints. Whose figures are whose no reader can say: the line
    keeps its label only, its row (and the row it took them from) read as printing none."""
    cells = _cells(line)
    return (
        len(cells) >= 3
        and all(len(cell) == 2 and cell.isdigit() for cell in cells)
        and (sum(cell[0] == "0" for cell in cells) >= 3)
    )


def _row_of_figures(line: str, markdown: bool) -> bool:
    """A line of a table's row as a text prints it: two plain figures or more among at most
    ``MAX_WORDS`` words, or one word alone (pdftotext's cell a line). A crawler's run-together
    page (a report in one line) is none: its marks cut digit runs the arithmetic must cut."""
    words = _TEXT_WORD[markdown].findall(line)
    if len(words) == 1:
        return True
    return len(words) <= MAX_WORDS and len(_NUMBER_WORD[markdown].findall(line)) >= 2


def mend_ocr_text(text: str, markdown: bool) -> tuple[str, frozenset[str]]:
    """A text's lines with the figures an OCR misread mended (``1O`` → ``10``, a lone ``O`` → ``0``)
    in the lines of a table's rows (``_row_of_figures``) when the text shows an OCR's hand
    (``MIN_EVIDENCE`` words mixing digits and look-alike letters, or lone look-alike letters in
    such rows); with the lines mended (``line N``, from 1), for ``ocr_doubts`` to keep only what
    the equations confirm."""
    lines = text.split("\n")
    evidence = len(_TEXT_MIXTURE[markdown].findall(text))
    changed: dict[int, str] = {}
    doubted: set[int] = set()
    width = None if markdown else _row_width(lines)
    labelled: dict[int, str] = {}
    for n, line in enumerate(lines):
        if markdown and ("||" in line or "~~" in line) and _PIPE_DOUBT.search(line):
            doubted.add(n)  # ``||64|``: the OCR's | for a 1, or a rule; ``~~807~~``: a rule across it
        if not markdown and "0" in line and _stacked(line):
            changed[n] = _label_part(line)
            continue
        row = _row_of_figures(line, markdown)
        if row and _LABEL_RUN.search(line) and (mended := mend_label_runs(line)) != line:
            labelled[n] = mended  # a label's misread characters: the OCR's hand too (as in a grid)
            evidence += 1
        if not _CHEAP.search(line):
            continue
        letters = not markdown and (_figures_only(line) or _letters_fill_row(line, width))
        if not letters and not row:
            continue
        bars = None if markdown else _lone_bars(line, width)
        new = _mend_line(line, markdown, letters, bars)
        if not markdown and row and new != line:  # ``6|``: 61, or 6 beside a rule? the row's sum tells
            again = partial(_mend_line, markdown=False, letters=letters, bars=bars)
            new = bars_by_sum(line, width, again, _figure_word, _cells) or new
        if new != line:
            changed[n] = new
            evidence += sum(word in _TEXT_LONE for word in _TEXT_WORD[markdown].findall(line))
    if evidence < MIN_EVIDENCE:  # no OCR's hand: only the struck figures are doubted
        changed = {}
        doubted = {n for n in doubted if "~~" in lines[n]}
    else:
        for n in labelled:
            changed[n] = mend_label_runs(changed[n]) if n in changed else labelled[n]
    if not (changed or doubted):
        return text, frozenset()
    for n, new in changed.items():
        lines[n] = new
    return "\n".join(lines), frozenset(f"line {n + 1}" for n in {*changed, *doubted})
