"""A report on the 2021 template printing the 2019 template's single （六）其他处理 row of table 三
for the three rows 2021 splits it into: found (``merged_other``), weighed and read (``MergedOther``)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass

from gongkai.ingest.evidence import Evidence, apply_choice
from gongkai.ingest.request_rows import RequestRaw
from gongkai.ingest.row_reading import Value
from gongkai.ingest.table_choice import Choice
from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATES, RequestRow, Template


@dataclass
class MergedOther:
    """A report on the 2021 template printing the 2019 template's single （六）其他处理 row for
    the three rows 2021 splits it into (``parts``). The printed row is read with the table's
    arithmetic standing in for the three; all zero, it says each part is zero; otherwise
    only its sum is known, the parts stay unknown and the sum goes to ``uncertain``."""

    row: RequestRow
    parts: tuple[str, ...]
    template_id: str  # the other template, whose equations hold the printed row's own sum

    def failures(
        self, failures: Callable[[dict[Hashable, tuple[Value, ...]]], int], n: int
    ) -> Callable[[dict[Hashable, tuple[Value, ...]]], int]:
        key, first, rest = self.row.key, self.parts[0], self.parts[1:]

        def with_parts(table: dict[Hashable, tuple[Value, ...]]) -> int:
            if key not in table:
                return failures(table)
            split = dict(table)
            split[first] = split.pop(key)
            for part in rest:
                split[part] = (0,) * n
            return failures(split)

        return with_parts

    def read(self, choice: Choice | None, raw: dict[str, RequestRaw], report: Report, evidence: Evidence) -> None:
        if choice is None:
            return
        found = raw[self.row.key]
        path = f"requests.{self.row.key}"
        values = apply_choice(choice, path, self.row.full_label, found.label.where, evidence)
        where = found.label.where
        if all(v == 0 for v in values):
            for part in self.parts:
                report.requests[part] = [0] * len(values)
                for i, cell in enumerate(choice.reading.wheres):
                    if cell:
                        evidence.provenance[f"requests.{part}[{i}]"] = cell
            evidence.doubt(
                path,
                list(values),
                f"报告按 2019 模板印出“{self.row.full_label}”一行（均为 0），其三个子项均按 0 读入",
                f"the report prints the 2019 template's single row {self.row.full_label} (all zero); "
                "its three 2021 sub-rows are read as 0",
                where,
            )
            return
        for part in self.parts:
            evidence.doubt(
                f"requests.{part}",
                None,
                f"报告按 2019 模板印出“{self.row.full_label}”一行（{_shown(values)}），"
                "无法分到 2021 模板的三个子项，记为未知",
                f"the report prints the 2019 template's single row {self.row.full_label} "
                f"({_shown(values)}); the 2021 sub-rows cannot be told apart, left unknown",
                where,
            )
        evidence.doubt(
            path,
            list(values),
            f"“{self.row.full_label}”一行印出的合计：{_shown(values)}",
            f"the printed sum of row {self.row.full_label}: {_shown(values)}",
            where,
        )


def _shown(values: list[Value]) -> str:
    return " ".join("未知" if v is None else str(v) for v in values)


def merged_other(template: Template, raw: dict[str, RequestRaw]) -> MergedOther | None:
    """The single 其他处理 row of the other template, printed where this template splits it."""
    ours = {row.key for row in template.request_rows}
    for other in TEMPLATES.values():
        if other.id == template.id:
            continue
        for row in other.request_rows:
            found = raw.get(row.key)
            if row.key in ours or found is None or not found.values:
                continue
            # The rows this template prints under the other's single row as their heading.
            parts = tuple(r.key for r in template.request_rows if r.group == row.printed)
            if len(parts) > 1 and not any(raw.get(p) is not None and raw[p].values for p in parts):
                return MergedOther(row, parts, other.id)
    return None
