"""Table 三 as the readers have read it so far, copied and scored once per state of its rows.

Each fallback reader of flowed text first asks whether table 三 is read whole and adds up. On a
report contradicting itself every cell is known and some equation breaks, so all of them go on:
asked afresh by each (a copy of the rows, a look for unknown cells, the equations' score) the
question cost ~30 µs a reader. The answer is a function of the template and the rows' contents
only, so the last one is kept with a copy of the rows it was given and handed out again while the
rows compare equal (issue 9: read_report's speed).
"""

from __future__ import annotations

from collections.abc import Hashable

from gongkai.report.equations import Value, requests_bound
from gongkai.report.model import Report
from gongkai.report.templates import Template

Table = dict[Hashable, tuple[int | None, ...]]


class RequestsNow:
    """Table 三's rows as tuples, whether every cell is known, and (asked once) the equations broken."""

    __slots__ = ("_broken", "_table", "complete", "template_id")

    def __init__(self, template_id: str, table: Table) -> None:
        self.template_id = template_id
        self._table = table
        self.complete = all(None not in values for values in table.values())  # every cell known
        self._broken: int | None = None

    def table(self) -> Table:
        """A copy each reader may change: the rows are tuples, the dict its own."""
        return dict(self._table)

    def values_table(self) -> dict[Hashable, tuple[Value, ...]]:
        """The same copy, typed for the readers that put fractions of a search into it."""
        return dict(self._table)

    def broken(self) -> int:
        """How many of table 三's equations the rows break (``Bound.broken``)."""
        if self._broken is None:
            self._broken = requests_bound(self.template_id).broken(self._table)
        return self._broken


# the last state asked of: the template's id, the rows' keys in order and a copy of the rows as
# they were (dicts compare equal in any order: the order is the readers' too), the answer
_last: list[tuple[str, tuple[str, ...], dict[str, list[int | None]], RequestsNow]] = []


def requests_now(template: Template, report: Report) -> RequestsNow:
    """Table 三 of ``report`` as read so far: the answer for the same template and rows of equal
    contents (in the same order) handed out again: the rows are copied, so one changed since
    compares unequal."""
    rows = report.requests
    keys = tuple(rows)
    if _last and _last[0][0] == template.id and _last[0][1] == keys and _last[0][2] == rows:
        return _last[0][3]
    now = RequestsNow(template.id, {key: tuple(values) for key, values in rows.items()})
    _last[:] = [(template.id, keys, {key: list(values) for key, values in rows.items()}, now)]
    return now
