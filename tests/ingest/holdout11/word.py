"""The Word original of the eleventh hold-out's 公文 (``layout.gongwen`` opened in LibreOffice and saved
as Word), finished as WPS leaves it: every table a 三线表 (the table's top and bottom rules, a rule
under the header, no other border), the short labels 分散对齐 (``w:jc="distribute"``, where the page
spread them by the cell's alignment), and the 公文 page number ``— 1 —`` in the footer."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _border(parent: Any, side: str, size: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "single" if size else "nil")
    if size:
        edge.set(qn("w:sz"), str(size))
        edge.set(qn("w:space"), "0")
        edge.set(qn("w:color"), "000000")
    parent.append(edge)


def _table_rules(table: Any, head: int) -> None:
    """Three lines: the table's top and bottom, and under its ``head`` header rows."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = table._tbl.tblPr
    for old in props.findall(qn("w:tblBorders")):
        props.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side, size in (("top", 12), ("left", 0), ("bottom", 12), ("right", 0), ("insideH", 0), ("insideV", 0)):
        _border(borders, side, size)
    props.append(borders)
    for i, row in enumerate(table.rows):
        for cell in row.cells:
            tc_pr = cell._tc.get_or_add_tcPr()
            for old in tc_pr.findall(qn("w:tcBorders")):
                tc_pr.remove(old)
            edges = OxmlElement("w:tcBorders")
            for side in ("top", "left", "bottom", "right"):
                _border(edges, side, 6 if (side == "bottom" and i == head - 1) else 0)
            tc_pr.append(edges)


def _distribute(table: Any, labels: frozenset[str]) -> None:
    """Short label cells 分散对齐, as WPS's 分散对齐 button leaves them."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                if paragraph.text.strip() in labels:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.DISTRIBUTE


def _page_number(document: Any) -> None:
    """The footer's ``— PAGE —``, centred (what LibreOffice prints of a 公文's page number)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for k, section in enumerate(document.sections):
        if k and section.footer.is_linked_to_previous:
            continue  # the footer of the section before (LibreOffice's sections share it)
        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("— ")
        run = paragraph.add_run()
        for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
            if kind:
                mark = OxmlElement("w:fldChar")
                mark.set(qn("w:fldCharType"), kind)
                run._r.append(mark)
            elif text == " PAGE ":
                code = OxmlElement("w:instrText")
                code.set(qn("xml:space"), "preserve")
                code.text = text
                run._r.append(code)
            else:
                shown = OxmlElement("w:t")
                shown.text = text
                run._r.append(shown)
        paragraph.add_run(" —")


def finish_word(path: Path, style: Any, spread_labels: frozenset[str]) -> None:
    import docx

    document = docx.Document(str(path))
    for k, table in enumerate(document.tables):
        head = {0: 0, 1: 3, 2: 3}.get(k, 0)
        _table_rules(table, head)
        if style.spread == "css":
            _distribute(table, spread_labels)
    _page_number(document)
    document.save(str(path))
