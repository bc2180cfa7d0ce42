"""How well gongkai reads report pages laid out by other publishers (not gongkai's renderer).

    PYTHONPATH=src .venv/bin/python bench/publishers_score.py [--show N] [--by-publisher]
        [--holdout | --holdout2 | --set SET] [CLASS ...]

Reads every file of ``tests/ingest/publishers/fixtures/<class>/`` (made by
``tests/ingest/publishers/generate.py``: pages as agency sites and Word files lay them out, printed
by chromium and LibreOffice, turned into text by the real tools) and scores it against
``fixtures/gold``. Prints per class: cells right / total, non-zero cells right / total, wrong cells,
wrong cells not named in ``uncertain`` and refused files; ``--show`` lists mismatches.

``--holdout`` scores the hold-out set instead (``tests/ingest/holdout``: new figures in a page style
the reader was not built on; its first score is the estimate for reports never seen).
``--holdout2`` (or ``--set holdout2``) scores the second hold-out set (``tests/ingest/holdout2``:
a gazette page style, made after the first hold-out had been tuned on). ``--set pdfvariants``
scores ``tests/ingest/pdfvariants`` (PDF table styles and producers the other sets never use:
vertical headers, landscape and split pages, tiny type, a Python PDF library); ``--set holdout3``
scores the third hold-out set (``tests/ingest/holdout3``: a county-portal page style, made after
the second hold-out had been tuned on); ``--set holdout4`` scores the fourth
(``tests/ingest/holdout4``: a department-site style with tables pasted from Excel, made after the
third had been tuned on); ``--set holdout5`` scores the fifth (``tests/ingest/holdout5``: a
township / street office's 红头 document on a county portal and its Word copy, made after the
fourth had been tuned on); ``--set holdout6`` scores the sixth (``tests/ingest/holdout6``: a city
bureau's paginated document converted to its web page, tables broken across pages with their
headers repeated and the page numbers and running heads between the parts, 斜线表头, and its Word
original, made after the fifth had been tuned on); ``--set holdout7`` scores the seventh
(``tests/ingest/holdout7``: a development zone's committee or a provincial department's platform
page, a 序号 column in tables 二 and 三, table 三's 总计 at the left or a 小计 column, figures with a
unit, OCR-like label misprints, table 四's header in two rows, and its Word original, made after
the sixth had been tuned on); ``--set holdout8`` scores the eighth (``tests/ingest/holdout8``: a
city government office's or a county bureau's 微信公众号 article, WeChat markup, vertical group
cells, table 三 cut by columns into two tables, non-statutory tables alike the statute's, footnote
markers on figures, table 二 transposed, abbreviated labels, and its Word original, made after the
seventh had been tuned on); ``--set holdout9`` scores the ninth (``tests/ingest/holdout9``: a
province's 政务公开 集约化平台 page rendered by a front-end framework, the tables as CSS grid or flex
``<div>`` rows without ``<table>``, thousands separators, full-width digits, zero cells as ``—``
``/`` ``-`` ``无``, 【一】 / 第一部分 headings, table 四 transposed, and its Word original, made after
the eighth had been tuned on); ``--set holdout10`` scores the tenth (``tests/ingest/holdout10``: a
市 / 区 人民政府办公室's report page with non-statutory comparison material inside the statutory
tables (上年数 / 增减 / 同比 columns in table 二, a 占比 column or row in table 三, a 上年 or 同比 row
in table 四), footnote markers on labels with notes under the tables, table 三 continued under a 续表
caption with its header repeated, and its Word original with table 三 in a landscape section, made
after the ninth had been tuned on); ``--set holdout11`` scores the eleventh (``tests/ingest/holdout11``:
a 县 department's report typeset as a 公文 in WPS, 三线表 tables without vertical rules, cell borders
or merged cells (group titles centred over blank cells), 分散对齐 labels (``自 然 人``), zebra rows,
right-aligned figures, ``— 3 —`` page numbers, the tables as 附件 after the signature, 抄送 / 印发
lines, table 三 broken across pages without its header repeated, and its Word original, made after
the tenth had been tuned on); ``--set holdout12`` scores the twelfth (``tests/ingest/holdout12``: a
国务院部门's or 省厅's report whose statutory tables were made in Excel and published as Excel's
web-page export, thousands separators, zero shown as ``-`` or by the accounting format's padded
dash, table 三's numbering in a narrow column of its own and its section and group labels in bold
rows of their own, 法人或其他组织 over five two-line labels, the header rows printed again on every
page, page breaks at arbitrary rows, fit-to-width tiny type, landscape sheets, ``第 1 页，共 5 页``
footers, and its Word original, made after the eleventh had been tuned on); ``--set holdout13`` scores
the thirteenth (``tests/ingest/holdout13``: an old 政务 site's report published as preformatted text,
its tables drawn in ``<pre>`` with box-drawing characters ``┌─┬─┐│`` or ASCII ``+---+|`` rules, labels
wrapped inside their cells (one character a line in narrow merged columns), full-width space padding,
the whole report one ``<pre>`` with hard-wrapped prose or its tables ``<pre>`` blocks between
paragraphs, and its Word original, made after the twelfth had been tuned on); ``--set holdout14``
scores the fourteenth (``tests/ingest/holdout14``: reports published as PDFs whose text layer is
defective as real producers make it, common characters as Kangxi radicals, CJK Radicals Supplement
code points or compatibility ideographs in the whole page or one font only, 分散对齐 labels typed
with spaces, full-width digits and figures with a trailing 件, a running title and ``— 3 —`` between
the rows of a table crossing pages, table 三 on a landscape page, and its Word original, made after
the thirteenth had been tuned on); ``--set holdout15`` scores the fifteenth (``tests/ingest/holdout15``:
reports published as searchable scans, the PDF's text layer the scanner's OCR output, digits read as
look-alike letters in some figures (``1O``, ``l2``), label characters read as look-alikes (申/甲,
人/入, 己/已) or dropped or doubled, blanks inside labels and between a figure's digits, table rules
read as ``|`` ``丨`` ``l`` at cell borders, the title's agency and year with an OCR slip, ASCII
punctuation, rows split into two text lines, and its Word export, made after the fourteenth had
been tuned on); ``--set holdout16`` scores the sixteenth
(``tests/ingest/holdout16``: a portal's report pages printed to PDF from a browser with its headers
and footers on, the print's date, the page's title and URL and a ``1/5`` counter on every page, the
site's chrome with 浏览次数, dated 相关链接 and ICP numbers, the tables' header repeated on every page
and a row split across a page, two pages printed in a narrow window with their wide tables cut into
a second block, and its Word original); ``--set holdout17`` scores the seventeenth
(``tests/ingest/holdout17``: a city or county agency's 信息公开专栏 page with the catalogue's 索引号
block, its PDF print and its Word original's turned into text by researchers' Python libraries as
well as poppler: pypdf (plain and layout mode), pdfminer.six, pdfplumber's layout text and PDFium,
each with its own order and spacing); ``--set holdout18`` scores the eighteenth
(``tests/ingest/holdout18``: a city or county agency's report PDF converted back into an editable or
web document, by pdf2docx, LibreOffice's PDF import (every line a positioned text frame), poppler's
pdftohtml and PyMuPDF's HTML (every run an absolutely positioned element), besides every class of
issue 9); ``--set holdout19`` scores the nineteenth (``tests/ingest/holdout19``: a 区/县
government's 政府信息公开 年报 page with its left nav, breadcrumb and 字号 / 打印 / 关闭 chrome, the
tables pasted from Word into a ``TRS_Editor`` body, saved by a crawler and turned into text by
html2text, inscriptis, trafilatura (plain and Markdown), w3m, lynx, pandoc, BeautifulSoup's
``get_text`` and markdownify, besides every class of issue 9); ``--set holdout`` is
``--holdout``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(REPO))

from tests.ingest import (  # noqa: E402
    holdout,
    holdout2,
    holdout3,
    holdout4,
    holdout5,
    holdout6,
    holdout7,
    holdout8,
    holdout9,
    holdout10,
    holdout11,
    holdout12,
    holdout13,
    holdout14,
    holdout15,
    holdout16,
    holdout17,
    holdout18,
    holdout19,
    pdfvariants,
)
from tests.ingest.publishers.layouts import PUBLISHERS  # noqa: E402
from tests.ingest.publishers.scoring import CLASSES, FIXTURES, ClassScore, score_class  # noqa: E402

SETS = {
    "holdout": holdout,
    "holdout2": holdout2,
    "holdout3": holdout3,
    "holdout4": holdout4,
    "holdout5": holdout5,
    "holdout6": holdout6,
    "holdout7": holdout7,
    "holdout8": holdout8,
    "holdout9": holdout9,
    "holdout10": holdout10,
    "holdout11": holdout11,
    "holdout12": holdout12,
    "holdout13": holdout13,
    "holdout14": holdout14,
    "holdout15": holdout15,
    "holdout16": holdout16,
    "holdout17": holdout17,
    "holdout18": holdout18,
    "holdout19": holdout19,
    "pdfvariants": pdfvariants,
}


def _variants(fixtures: Path) -> tuple[str, ...]:
    """The layouts (the part after ``~``, before ``-``) of a set's PDFs, for ``--by-publisher``."""
    return tuple(sorted({p.stem.split("~", 1)[1].split("-")[0] for p in (fixtures / "pdf").iterdir()}))


def line(label: str, s: ClassScore) -> str:
    return (
        f"{label:26} {s.right:>6}/{s.total:<6} {s.accuracy:6.2f}% {s.nonzero_right:>6}/{s.nonzero_total:<6}"
        f" {s.nonzero:6.2f}% {len(s.wrong):>6} {len(s.unflagged):>9} {len(s.refused)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, default=0, help="mismatches to list per class")
    parser.add_argument("--by-publisher", action="store_true", help="one line per publisher too")
    parser.add_argument("--holdout", action="store_true", help="score the hold-out set (tests/ingest/holdout)")
    parser.add_argument("--holdout2", action="store_true", help="score the second hold-out set (tests/ingest/holdout2)")
    parser.add_argument("--set", choices=("publishers", *SETS), default="publishers", help="the fixture set to score")
    parser.add_argument("classes", nargs="*")
    args = parser.parse_args()
    chosen = SETS.get("holdout" if args.holdout else "holdout2" if args.holdout2 else args.set)
    fixtures = chosen.FIXTURES if chosen else FIXTURES
    publishers = _variants(fixtures) if chosen else tuple(PUBLISHERS)
    args.classes = args.classes or list(chosen.CLASSES if chosen else CLASSES)
    print(f"{'class':26} {'cells right/total':>22} {'non-zero right/total':>24} {'wrong':>6} {'unflagged':>9} refused")
    for name in args.classes:
        s = score_class(name, fixtures=fixtures)
        print(line(name, s))
        if args.by_publisher:
            for publisher in publishers:
                print(line(f"  {publisher}", score_class(name, publisher, fixtures)))
        if args.show:
            for text in s.unflagged[: args.show]:
                print(f"    UNFLAGGED {text}")
            for text in [w for w in s.wrong if w not in s.unflagged][: args.show]:
                print(f"    flagged   {text}")
            for text in s.missing[: args.show]:
                print(f"    missing   {text}")
            for text in s.refused:
                print(f"    refused   {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
