"""A crawler's run-on text of a searchable scan: the OCR's figures put back inside the digit runs.

A crawler that strips a scanned report's page (its text layer the scanner's OCR output) runs the
page into one line, every cell into the next: ``…申请数量49 |0Z96O［ 488二、…``. The OCR's
misreadings sit inside the digit runs the table's arithmetic must cut (``run_cuts``): look-alike
letters for digits (``O`` ``o`` ``l`` ``I`` ``|`` ``S`` ``B`` ``Z``), a blank inside one figure
(``29 8``) and the table's rules read as characters at a figure cell's border, a blank between
the mark and its figure (``49 |``, ``［ 4``). To the run cutter such a run is words, and its row is
lost.

Only a run-on line (``runon.is_run_on``) of a text showing the OCR's hand (``MIN_EVIDENCE`` runs
straight after a word mixing digits and look-alike letters) is mended, and only its runs that
follow a word and hold a digit: ``丨`` ``［`` are always a rule's marks (dropped); ``|`` ``l`` ``I``
is a rule's mark where a blank parts it from a figure on one side and it does not touch figures
on both (``49 |0``: 49, then 0), else a misread 1 (``160l44``, ``数量|000001``); look-alike
letters are read as their digits and the blanks closed, the run's last figure kept apart where
it numbers the next label (``001000| 6.属于``). The cells cut from such a run are the arithmetic's
to confirm: ``mend_ocr_runs`` says it mended, and every line cut from the run is doubted
(``ocr_doubts`` keeps a figure silent only where its equations hold).
"""

from __future__ import annotations

import itertools
import re

from gongkai.ingest.digits import cut_groups
from gongkai.ingest.ocr_labels import MIN_LENGTH as LABEL_LENGTH
from gongkai.ingest.ocr_labels import mend_label
from gongkai.ingest.runon import is_run_on

MAX_BARS = 4  # bar marks of one run read both ways: at most 2**4 readings tried
_ROW_GROUPS = ((7,), (5, 5, 5))  # a row of table 三 (six counts, 总计); table 四 (three groups)
_SHORTEST_ROW = 7
MIN_EVIDENCE = 2  # runs mixing digits and look-alike letters (or marks) that show an OCR's hand

_AS_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", "S": "5", "B": "8", "Z": "2"})
_FIGURE_CHARS = frozenset("0123456789OoIlSBZ|")
_RULES = frozenset("丨［[]")  # never a digit
_BAR_MARKS = frozenset("|lI")  # a rule's mark or a misread 1
# A run after a word: figure characters, marks and blanks between them (no blank at either end)
_RUN = re.compile(r"(?<=[\u4e00-\u9fff）)”\s])[0-9OoIlSBZ|丨［\[\]]+(?:[ \u3000]+[0-9OoIlSBZ|丨［\[\]]+)*")
_EVIDENCE = re.compile(r"\d[OoIlSBZ|丨［]|[OoIlSBZ|丨［]\d")
_PHRASE_AFTER = frozenset("年月日件个项条次%％")
_FIGURES_END = "0123456789 \u3000"
# A label's numbering as printed (（六）其他处理1. / 3.): kept before the label read back
_NUMBERING = re.compile(
    r"(?:[（(]?[一二三四五六七八九十]{1,3}[)）、])?(?:[\u4e00-\u9fff]{2,4}(?=[0-9]))?(?:[0-9]{1,2}[.．、]+)?"
)
_ITEM_NUMBER = re.compile(r"[|丨［lI]?([1-9])")  # a label's item number (8.属于…), a rule's mark glued on


def _figure(char: str) -> bool:
    return char in _FIGURE_CHARS


def _is_rule(run: str, at: int) -> bool:
    """Whether the ``|`` ``l`` ``I`` at ``run[at]`` is a rule's mark: a blank parts it from a figure on
    one side and it does not touch figures on both (a rule stands a blank apart from its figure; a
    mark touching another rule's mark, ``|［ 0``, is a figure's 1 beside the next cell's rule)."""
    left = run[at - 1] if at else ""
    right = run[at + 1] if at + 1 < len(run) else ""
    glued_left = left != "" and (_figure(left) or left in _RULES)
    glued_right = right != "" and (_figure(right) or right in _RULES)
    if glued_left and glued_right:
        return False
    # the gap's other side a figure, not another bar (``0Ol l``: the last l the rule, the first a 1)
    gap_left = left.isspace() and at >= 2 and _figure(run[at - 2]) and run[at - 2] not in _BAR_MARKS
    gap_right = right.isspace() and at + 2 < len(run) and _figure(run[at + 2]) and run[at + 2] not in _BAR_MARKS
    if gap_left or gap_right:
        return True
    return not (glued_left or glued_right)  # alone between blanks or at the run's edges: a mark


def _read(run: str, bars: dict[int, bool]) -> tuple[str, tuple[int, ...]]:
    """The run's digits with each bar mark read as ``bars`` says (True: a rule's mark), and where
    the rules' marks stood between them (a cell's border)."""
    out: list[str] = []
    joints: list[int] = []
    for at, char in enumerate(run):
        if char in _RULES or (char in _BAR_MARKS and bars[at]):
            joints.append(len(out))
        elif not char.isspace():
            out.append(char)
    digits = "".join(out).translate(_AS_DIGITS)
    return digits, tuple(sorted({j for j in joints if 0 < j < len(digits)}))


def _adds_up(digits: str, joints: tuple[int, ...]) -> bool:
    """Whether some cut of the run is a row of table 三 (six counts and their 总计) or of table 四
    (three groups of four results and their 总计), no cell across a rule's mark."""
    for groups in _ROW_GROUPS:
        if len(digits) >= sum(groups) and cut_groups(digits, groups, joints, most=1) != []:
            return True
    return False


def mend_run(run: str) -> str:
    """The digits an OCR-read run stands for (``49 |0Z96O［ 488`` → ``4902960488``). Each ``|`` ``l``
    ``I`` is read by the blanks beside it (``_is_rule``); where that reading cuts into no row that
    adds up and the run holds few such marks, the other readings are tried, and the one string of
    digits all those that add up give is taken (a crawler that dropped the blanks: ``49|0Z96O［488``)."""
    at_bars = [at for at, char in enumerate(run) if char in _BAR_MARKS]
    default = {at: _is_rule(run, at) for at in at_bars}
    digits, joints = _read(run, default)
    if not at_bars or len(at_bars) > MAX_BARS or len(digits) < _SHORTEST_ROW or _adds_up(digits, joints):
        return digits
    fits = set()
    for choice in itertools.product((False, True), repeat=len(at_bars)):
        read = _read(run, dict(zip(at_bars, choice, strict=True)))
        if _adds_up(*read):
            fits.add(read[0])
    return fits.pop() if len(fits) == 1 else digits


def _mend_line(line: str) -> tuple[str, bool]:
    """``line`` with its runs read back, and whether a figure changed (not only a label's item
    number set apart)."""
    pieces: list[str] = []
    done = 0
    figures = False
    for match in _RUN.finditer(line):
        run = match.group()
        if not any(c.isdigit() for c in run):
            continue
        if line[match.start() - 1].isspace() and run.isascii() and run.replace(" ", "").isdigit():
            continue  # after a blank, plain figures: a crawler's cells kept apart, not the OCR's
        after = line[match.end() : match.end() + 1]
        if after in _PHRASE_AFTER:
            continue  # a figure of the prose (2O21年, 42件): no cell, and a title's slip is title_slips'
        tail = ""
        if after in (".", "．", "、"):
            if line[match.end() + 1 : match.end() + 2].isdigit():
                continue  # a decimal (807.13): a money cell, read as printed
            last = run.rsplit(None, 1)
            if len(last) == 1 and len(run) > 1 and run[-1] in "12345678":
                last = [run[:-1], run[-1]]  # the blanks dropped: the run's last digit numbers the label
            item = _ITEM_NUMBER.fullmatch(last[-1]) if len(last) == 2 else None
            if item is None:
                continue  # a figure before a stop (1.5): left as printed
            run, tail = last[0], " " + item.group(1)
        digits = mend_run(run)
        figures = figures or digits != run
        mended = digits + tail
        end = match.end()
        if tail and line[end : end + 2] in ("..", "．．"):
            end += 1  # the stop after the item's number read twice (3..补正后…)
        if mended != line[match.start() : end]:
            pieces.append(line[done : match.start()])
            pieces.append(mended)
            done = end
    if not pieces:
        return line, False
    pieces.append(line[done:])
    return "".join(pieces), figures


def _label_of(piece: str) -> str:
    """A piece's label: the piece without the figures ending it."""
    return piece.rstrip(_FIGURES_END)


def _shows_ocr(lines: list[str]) -> bool:
    """Runs after a word mixing digits and look-alike letters or marks, ``MIN_EVIDENCE`` of them
    (a mixture in the prose or a URL, ``l6``, is no figure's)."""
    runs = (match.group() for line in lines for match in _RUN.finditer(line))
    return sum(_EVIDENCE.search(run) is not None for run in runs) >= MIN_EVIDENCE


def mend_run_labels(lines: list[str]) -> list[str]:
    """The pieces cut from a mended run (``mend_ocr_runs``) with each row label the OCR misread
    read as the template's (its numbering kept): ``1.甲请人无正当理由…申请6010209``."""
    out = []
    for line in lines:
        label = _label_of(line)
        if len(label) >= LABEL_LENGTH and any(c.isdigit() for c in line[len(label) :]):
            mended = mend_label(label)
            if mended != label:
                numbering = _NUMBERING.match(label)
                line = (numbering.group() if numbering else "") + mended + line[len(label) :]
        out.append(line)
    return out


def mend_ocr_runs(lines: list[str], shown: bool = False) -> tuple[list[str], bool, bool]:
    """``lines`` with the OCR's figures mended in each run-on line, when the text shows an OCR's
    hand (``shown``: its labels' look-alike characters were read back, ``ocr_glyphs``); whether
    a run changed (its labels are then ``mend_run_labels``'), and whether a figure did (the lines
    cut from the runs are then the arithmetic's to confirm)."""
    run_on = [n for n, line in enumerate(lines) if is_run_on(line)]
    if not run_on or not (shown or _shows_ocr([lines[n] for n in run_on])):
        return lines, False, False
    out = list(lines)
    figures = False
    for n in run_on:
        out[n], changed = _mend_line(lines[n])
        figures = figures or changed
    return out, out != lines, figures
