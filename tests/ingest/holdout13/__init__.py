"""The thirteenth hold-out set: new figures in an old 政务 site's report published as preformatted
text, its tables drawn with box-drawing characters (``┌─┬─┐│``) or ASCII rules (``+---+|``),
labels wrapped inside their cells (one character a line in narrow merged columns), padding in
full-width spaces, the whole report one ``<pre>`` or its tables ``<pre>`` blocks between paragraphs,
and its Word original, no reader was built on (``generate.py``); scored before any reader change."""

from pathlib import Path

from ..holdout2 import CLASSES as HOLDOUT2_CLASSES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLASSES = HOLDOUT2_CLASSES  # the same classes of issue 9, made by the same generator code
# report → the equation its printed figures break on purpose (``holdout.generate._contradict``) and
# the rule of ``report/checks.py`` that must report it
CONTRADICTIONS = {
    "p2020-a": ("row_total", "requests.row_sum"),
    "p2023-b": ("appeal_total", "appeals.group_sum"),
}
