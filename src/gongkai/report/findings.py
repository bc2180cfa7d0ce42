"""What a check says about a report: a named rule broken at one place, in Chinese and English.

Kept apart from ``checks.py`` (which runs the rules) because a report carries its findings
(``model.Report.findings``): the model needs the type, the checks need the model.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"  # the report contradicts the statutory arithmetic
    WARNING = "warning"  # a figure that cannot be right, though no equation is broken
    INFO = "info"  # worth knowing: unknown cells, checks that could not run

    @property
    def label_zh(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


@dataclass(frozen=True)
class Rule:
    name: str
    severity: Severity
    title_zh: str
    title_en: str


@dataclass(frozen=True)
class Finding:
    """One rule broken at one place of one report."""

    rule: str
    severity: Severity
    table: str
    row: str | None
    column: str | int | None
    values: dict[str, Any]
    message_zh: str
    message_en: str
    agency: str = ""
    year: int | None = None
    source: str | None = field(default=None, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def place(self) -> str:
        """``requests.carried_forward[0]``: the cell or row the finding is about."""
        where = self.table
        if self.row is not None:
            where += f".{self.row}"
        if isinstance(self.column, int):
            where += f"[{self.column}]"
        elif self.column is not None:
            where += f".{self.column}"
        return where

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON data (``source`` only when set). Shallow: a report carries many
        findings and writes them all, and nothing holds on to the dict."""
        data = {name: getattr(self, name) for name in _FIELDS}
        data["severity"] = self.severity.value
        data["values"] = dict(self.values)
        if self.source is None:
            data.pop("source")
        return data

    def with_source(self, source: str) -> Finding:
        return Finding(**{**asdict(self), "source": source})


_FIELDS = tuple(f.name for f in fields(Finding))
