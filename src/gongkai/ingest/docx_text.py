"""A Word file whose statutory rows are paragraphs, not table rows (a PDF converted back by pdf2docx:
where it finds no rules to rebuild a table from, a row is a paragraph of its cells apart by tabs,
``规章<tab>106<tab>167<tab>106``). Such a file is read as text, its paragraphs and table rows one
line each in body order with their cells apart by tabs, by the text reader, which finds tables by
their columns of figures (its tab-separated rows, wrapped labels, rows cut apart)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gongkai.ingest.document import Block, TextBlock
from gongkai.ingest.pdf_laid_out import label_with_figures

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_P, _TBL, _TR, _TC = (f"{{{W}}}{t}" for t in ("p", "tbl", "tr", "tc"))
_T, _TAB, _BR, _CR = (f"{{{W}}}{t}" for t in ("t", "tab", "br", "cr"))
_ROWS = 3  # statutory rows printed as paragraphs before the file is read as text


def rows_in_paragraphs(blocks: list[Block]) -> bool:
    """Do the file's paragraphs hold statutory rows: a table label with its figures after it?"""
    found = 0
    for block in blocks:
        if isinstance(block, TextBlock) and label_with_figures(block.text):
            found += 1
            if found >= _ROWS:
                return True
    return False


def _line(p: Any) -> str:
    parts = []
    for node in p.iter(_T, _TAB, _BR, _CR):
        parts.append(node.text or "" if node.tag == _T else "\t" if node.tag == _TAB else "\n")
    return "".join(parts)


def body_text(children: list[Any], unshown: Any) -> str:
    """The body as text: a paragraph a line (tabs kept), a table row a line of its cells apart by
    tabs (a cell's paragraphs run together: a wrapped label). ``unshown(node)``: text not on the
    page (a text box's second copy, moved text)."""
    lines: list[str] = []
    for child in children:
        if unshown(child):
            continue
        if child.tag == _P:
            lines.append(_line(child))
        elif child.tag == _TBL:
            for tr in child.iter(_TR):
                cells = ("".join(_line(p) for p in tc.iter(_P)) for tc in tr.iter(_TC))
                lines.append("\t".join(cell.replace("\n", "") for cell in cells))
    return "\n".join(lines)


def text_blocks(source: str, text: str) -> list[Block]:
    from gongkai.ingest.text import read_text

    return list(read_text(Path(f"{source}.txt"), text.encode("utf-8")).blocks)
