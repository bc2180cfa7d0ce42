"""Text placed on a page by coordinates, as converters of a PDF write it: LibreOffice's PDF import
(every line a text frame at its place: ``docx_frames``), poppler's ``pdftohtml`` and PyMuPDF's
HTML (every run an absolutely positioned element: ``html_positioned``). Such a document has no
table and no line order a reader can trust; its runs are laid out again as a page of text, each
character at its place, by the PDF reader's own engine (``pdf_laid_out.chars_laid_out``), and the
text reader finds the tables by their columns of figures, as it does in ``pdftotext -layout``.

A run knows where it starts and its type size, not where each character ends: a character's
advance is the type size for a wide (CJK, full-width) character and half of it otherwise, scaled
to the run's width where the converter gives it (a frame's extent)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongkai.ingest.document import Block
from gongkai.ingest.pdf_laid_out import chars_laid_out

MIN_RUNS = 40  # positioned runs a document needs before it is read as placed text (cheap gates)
_NARROW = 0.5  # a Latin letter's or digit's advance, in type sizes


@dataclass(frozen=True)
class Run:
    page: int
    left: float  # points from the page's left
    top: float  # points from the page's top
    size: float  # type size, points
    text: str
    width: float = 0.0  # the run's width in points where the converter gives it (else estimated)


def _advance(char: str) -> float:
    return 1.0 if unicodedata.east_asian_width(char) in "WF" else _NARROW


def _chars(run: Run) -> list[dict[str, Any]]:
    advances = [_advance(ch) for ch in run.text]
    total = sum(advances)
    unit = run.width / total if run.width > 0 and total else run.size
    out: list[dict[str, Any]] = []
    x = run.left
    for ch, advance in zip(run.text, advances, strict=True):
        step = advance * unit
        if not ch.isspace():
            out.append({"text": ch, "x0": x, "x1": x + step, "top": run.top, "bottom": run.top + run.size})
        x += step
    return out


def laid_out_text(runs: Sequence[Run]) -> str:
    """The runs' pages laid out as text (pages apart by a form feed); empty lines left out: an
    empty line after a row's figures would read as a blank cell (``pdf_laid_out``)."""
    pages: dict[int, list[dict[str, Any]]] = {}
    for run in runs:
        pages.setdefault(run.page, []).extend(_chars(run))
    texts = []
    for page in sorted(pages):
        chars = pages[page]
        if not chars:
            continue
        width = max(c["x1"] for c in chars) + 1
        height = max(c["bottom"] for c in chars) + 1
        laid_out = chars_laid_out(chars, width, height)
        texts.append("\n".join(line.rstrip() for line in laid_out.split("\n") if line.strip()))
    return "\n\f".join(texts)


def positioned_blocks(source: str, runs: Sequence[Run]) -> list[Block]:
    """The blocks the text reader finds in the runs laid out as a page."""
    from gongkai.ingest.text import read_text

    return list(read_text(Path(f"{source}.txt"), laid_out_text(runs).encode("utf-8")).blocks)


def holds_most(runs: Sequence[Run], all_text: int) -> bool:
    """Enough runs, holding at least half of the document's visible characters: the document is
    its placed text (not a page with a few positioned badges)."""
    placed = sum(len(run.text.strip()) for run in runs)
    return len(runs) >= MIN_RUNS and placed * 2 >= all_text
