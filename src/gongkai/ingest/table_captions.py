"""A table's caption (附表3 政府信息公开行政复议、行政诉讼情况) as a label that names the table.

A report may print its three tables as annexes after its prose, each under a caption: the
annex's number, then the table's statutory title. ``pdftotext`` in its default mode sets that
caption as a label among the table's header words, and a header split over lines (结果 / 维持,
行政复议 / 其他 / 结果) names table 四 no more than table 三's column words (其他, 总计) name
table 三, so split by labels table 四's first records stayed with table 三 and its figures were
taken for table 三's. The caption names its table outright. Only a caption counts: the prose's
section heading (四、政府信息公开行政复议、行政诉讼情况) comes before the tables and names none.
Only table 四's caption is taken so (``records._label_hits``): tables 二 and 三 are named by their
many row labels already, and a 表2 caption on the line of table 二's last row label (a Word print
through gongwen) would cut that row's record short.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gongkai.report.labels import label_key
from gongkai.report.templates import TABLES

# An annex's or a table's number before the title (label_key has dropped spaces and punctuation).
_NUMBER = re.compile(r"(?:附表|附件|表)[0-9一二三四五六七八九十]{1,2}")


@lru_cache(maxsize=4096)
def captioned_table(text: str) -> int | None:
    """The index (in ``TABLES``' order: 二, 三, 四) of the table whose caption ``text`` is; else None."""
    key = label_key(text)
    for index, table in enumerate(TABLES):
        title = label_key(table.title)
        if key.endswith(title) and _NUMBER.fullmatch(key[: len(key) - len(title)]):
            return index
    return None
