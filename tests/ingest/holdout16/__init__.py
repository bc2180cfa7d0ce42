"""The sixteenth hold-out set: new figures in a portal's report pages PRINTED TO PDF FROM A BROWSER
(Chrome / Edge / Firefox "Save as PDF" with headers and footers on: the print's date and time, the
page's title, its URL full of digits and a ``1/5`` counter on every page; the site's chrome printed
too: navigation, breadcrumb, 浏览次数, a sidebar of dated 相关链接, 网站标识码, ICP and 公网安备
numbers; the tables' ``thead`` repeated on every page they cross and tall rows split across a page;
two pages printed in a narrow window, their wide tables cut into a second block) and their Word
originals, no reader was built on (``generate.py``); scored before any reader change."""

from pathlib import Path

from ..holdout2 import CLASSES as HOLDOUT2_CLASSES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLASSES = HOLDOUT2_CLASSES  # the same classes of issue 9, made by the same generator code
# report → the equation its printed figures break on purpose (``holdout.generate._contradict``) and
# the rule of ``report/checks.py`` that must report it
CONTRADICTIONS = {
    "b2022-a": ("row_total", "requests.row_sum"),
    "b2024-a": ("appeal_total", "appeals.group_sum"),
}
