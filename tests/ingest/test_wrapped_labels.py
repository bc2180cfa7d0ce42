"""``pdftotext`` default text of Word originals whose table 三 label cells wrap often (（四）无法 /
提供, a long item over three lines): read blank-separated where that holds more rows of the
table's usual figure count (``ingest/wrapped_labels.py``); a table the tight reading reads whole
(a township's Word original, labels it would merge) stays as it was."""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.document import TableBlock
from gongkai.ingest.text import read_text

from . import holdout5, holdout7


def _rows(path: Path, firsts: tuple[str, ...]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for block in read_text(path, path.read_bytes()).blocks:
        if isinstance(block, TableBlock):
            for row in block.rows:
                texts = [cell.text for cell in row]
                for k, text in enumerate(texts):
                    if text in firsts and text not in found:
                        found[text] = texts[k + 1 :]
    return found


def test_a_word_print_with_wrapped_labels_reads_its_rows_whole() -> None:
    path = holdout7.FIXTURES / "pdftotext" / "z2021-a~platform-word.txt"
    rows = _rows(path, ("（一）予以公开", "1.属于国家秘密", "（七）总计"))
    # eight figures (自然人, five kinds of 法人, 小计, 总计), then the next row's 序号
    assert rows["（一）予以公开"][:8] == ["86", "0", "33", "0", "0", "23", "56", "142"]
    assert rows["1.属于国家秘密"][:8] == ["4", "0", "2", "0", "0", "0", "2", "6"]
    assert rows["（七）总计"][:8] == ["254", "0", "86", "0", "0", "83", "169", "423"]


def test_a_table_the_tight_reading_reads_whole_stays_tight() -> None:
    path = holdout5.FIXTURES / "pdftotext" / "t2022-a~township-word.txt"
    rows = _rows(path, ("（一）予以公开", "1.属于国家秘密"))
    assert [t for t in rows["（一）予以公开"] if t] == ["1", "—", "—", "—", "—", "1", "2"]
    assert [t for t in rows["1.属于国家秘密"] if t] == ["—"] * 7
