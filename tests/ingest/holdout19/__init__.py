"""The nineteenth hold-out set: new figures in a 区/县 government's 政府信息公开 年报 page as its CMS
serves it (a left nav, breadcrumb, 字号 大中小 / 打印 / 关闭 chrome, the tables pasted from Word into a
``TRS_Editor`` body with inline styles and merged header cells, table 四 one table of fifteen
columns), saved by a crawler and turned into text by the tools crawlers use: html2text, inscriptis,
trafilatura (plain and Markdown), w3m, lynx, pandoc, BeautifulSoup's ``get_text`` and markdownify
(``generate.py``), besides every class of issue 9; no reader was built on them; scored before any
reader change."""

from pathlib import Path

from ..holdout2 import CLASSES as HOLDOUT2_CLASSES
from .extractors import FROM_HTML

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# the classes of issue 9, made by the same generator code, and the HTML-to-text tools' own
CLASSES = (*HOLDOUT2_CLASSES, *FROM_HTML)
# report → the equation its printed figures break on purpose (``holdout.generate._contradict``) and
# the rule of ``report/checks.py`` that must report it
CONTRADICTIONS = {
    "d2020-a": ("row_total", "requests.row_sum"),
    "d2024-a": ("carried_forward", "requests.column_balance"),
}
