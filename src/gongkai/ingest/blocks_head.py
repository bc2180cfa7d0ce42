"""Table 三's figures from its header on, where a table of other figures stands before it.

A WeChat article may print a small table of its own right before table 三 (applications by
channel: 当面申请 网络申请 … 合计, a row of counts and a row of shares, ``14.3%``); its labels name
no table, so split by labels its records stay with table 三's (the 合计 word of a channel table is
no row label table 三 owns alone, and its header comes first). Read as table 三's figures in
printed order (``column_blocks``), its shares are no counts and the whole table 三 is left unread.

The rule: where the records before table 三's header (the first record naming three or more
applicant columns by their titles, ``report/templates``) hold a figure that is no count, those
records are no part of table 三's figures and the block readers start at the header. Anything
else leaves the records as they are.
"""

from __future__ import annotations

from gongkai.ingest.records import Record, printed_counts
from gongkai.ingest.run_column_parts import columns_named

_TITLES = 3  # applicant columns a header names: more than a stray 其他 or 总计


def from_header(records: list[Record]) -> list[Record]:
    """Table 三's records from its header on, where the records before it hold a figure that is
    no count (another table's shares); else ``records`` unchanged."""
    head = next((i for i, r in enumerate(records) if len(columns_named(r)) >= _TITLES), 0)
    if head == 0 or printed_counts(records[:head]) is not None:
        return records
    return records[head:]
