"""Labels printed 分散对齐 (distributed) in a PDF's text or a crawler's: ``自 然 人``, ``规　章``,
``3 . 其 他``, each character apart. The text readers find a row by its label at the head of the
line; spread out, its characters look like words of prose (or a numbered label's ``3`` like a
figure of the row above). A run of characters a blank apart that is one statutory label or a few
in a row (``总 计 商 业 企 业``: two header cells run together) is closed up, the blanks moved
after it so that a laid-out line keeps its columns where they were."""

from __future__ import annotations

import re
from functools import lru_cache

from gongkai.ingest.vocabulary import is_table_label

# A run of single ideographs a blank apart, after an optional ``3 .`` numbering: linear (each
# repetition starts with the one blank)
_SPREAD = re.compile(r"(?:\d[ \u3000]?[.．][ \u3000]?)?[\u4e00-\u9fff](?:[ \u3000][\u4e00-\u9fff])+")
_BLANKS = " \u3000"
_MAX_RUN = 24  # characters of a run tried (a row of header cells); longer runs are prose
_MIN_LABEL = 2  # a label's characters: one alone is no cell (a 他 wrapped from its column)


# What every run of _SPREAD holds, and where one holds it a run starts: a blank between two
# ideographs. Led by the blank (the engine skips to the blanks; a pattern led by an optional group,
# as _SPREAD is, is tried at every character of the text: a tenth of reading a report).
_SPREAD_PAIR = re.compile(r"[ \u3000](?<=[\u4e00-\u9fff][ \u3000])(?=[\u4e00-\u9fff])")


def has_spread_labels(text: str) -> bool:
    """Cheap gate: a blank between two ideographs somewhere (most texts hold few)."""
    return _SPREAD_PAIR.search(text) is not None


# A run's numbering (``3 .``) ending where the run's first character stands.
_NUMBERING_END = re.compile(r"\d[ \u3000]?[.．][ \u3000]?\Z")
_NUMBERING = 4  # characters of the longest numbering


def spread_labels_closed(line: str) -> str:
    """``line`` with every run of spaced characters that is statutory labels closed up: what
    ``_SPREAD.sub(_closed, line)`` gives, each run found from its first blank between two ideographs
    (a prose line is then not tried at every character)."""
    pair = _SPREAD_PAIR.search(line)
    if pair is None:
        return line  # no run on the line (most lines): _SPREAD would find none
    pieces: list[str] = []
    at = 0
    while pair is not None:
        # the first pair after the last run: its ideograph before the blank starts the next run
        # (a run is taken whole, so none goes on from the last), its numbering before it if any
        first = pair.start() - 1
        numbering = _NUMBERING_END.search(line, max(at, first - _NUMBERING), first)
        run = _SPREAD.match(line, numbering.start() if numbering else first)
        if run is None:  # (never: a pair always starts a run)
            break
        pieces += [line[at : run.start()], _closed(run)]
        at = run.end()
        pair = _SPREAD_PAIR.search(line, at)
    return "".join(pieces) + line[at:]


def _closed(match: re.Match[str]) -> str:
    return _closed_run(match.group(0))


@lru_cache(maxsize=8192)  # a pure function of the run's text: prose repeats its spaced words too
def _closed_run(run: str) -> str:
    chars = "".join(c for c in run if c not in _BLANKS)
    blanks = "".join(c for c in run if c in _BLANKS)
    if len(chars) > _MAX_RUN:
        return run
    pieces = _as_labels(chars)
    if pieces is None:
        return run
    joined = " ".join(pieces)
    return joined + blanks[: len(run) - len(joined)]


def _as_labels(chars: str) -> list[str] | None:
    """``chars`` cut into statutory labels, the fewest pieces (dynamic programming over at most
    ``_MAX_RUN`` places), or None when no cut gives labels only."""
    n = len(chars)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(_MIN_LABEL, n + 1):
        for start in range(0, end - _MIN_LABEL + 1):
            before = best[start]
            if before is None or (best[end] is not None and len(best[end] or ()) <= len(before) + 1):
                continue
            piece = chars[start:end]
            if is_table_label(piece):
                best[end] = [*before, piece]
    return best[n]


# A numbered label's stop starting a line (``. 其``), its number left on a line above (``3``):
# pdftotext's default flow sets a 分散对齐 label ``3 . 其 他`` in a tall cell a piece a line.
_STOP_FIRST = re.compile(r"^[ \u3000]*[.．][ \u3000]?[\u4e00-\u9fff]", re.MULTILINE)
_BLANK_LINES = 2  # empty lines between the number and its stop (pdftotext: one after each piece)


def has_stop_first(text: str) -> bool:
    """Cheap gate: a line starting with a numbering's stop before an ideograph (most texts: none)."""
    return _STOP_FIRST.search(text) is not None


def _item_number(line: str) -> bool:
    """A line holding one digit 1–9 alone (a row's item number: no line of figures)."""
    text = line.strip(_BLANKS)
    return len(text) == 1 and text in "123456789"


def numbering_rejoined(lines: list[str]) -> list[str]:
    """``lines`` with each item number alone on a line (``3``) joined to the stop and ideograph
    the flow set a line or a few below it (``. 其``): ``3. 其``. Alone, the number reads as a
    figure of the table (one cell too many, which no cut of the flow takes) and the label as no
    row's."""
    out = list(lines)
    for i, line in enumerate(out):
        if not _STOP_FIRST.match(line):
            continue
        above = i - 1
        while above >= 0 and i - above <= _BLANK_LINES and not out[above].strip():
            above -= 1
        if above >= 0 and _item_number(out[above]):
            out[above] = out[above].strip() + line.strip()
            out[i] = ""
    return out
