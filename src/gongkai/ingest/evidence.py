"""What a reading rests on: where each value was read, and each judgement made on the way."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, MutableSequence, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from gongkai.ingest.numbers import CellKind, tidy
from gongkai.ingest.records import Token
from gongkai.ingest.row_reading import Number
from gongkai.ingest.table_choice import Choice
from gongkai.report.envelope import Doubt
from gongkai.report.equations import Cell
from gongkai.report.templates import Kind

# Why a cell is left unknown where the readings the arithmetic allows give it different values.
DIFFER_ZH = "合乎勾稽关系的几种读法在此格不一致（{readings}），记为未知"
DIFFER_EN = "readings the arithmetic cannot tell apart differ here ({readings}); left unknown"


@dataclass
class Evidence:
    """``provenance`` (cell path → where it was read) and ``uncertain`` (the judgements)."""

    provenance: dict[str, str] = field(default_factory=dict)
    uncertain: list[Doubt] = field(default_factory=list)

    def doubt(self, cell: str, value: Any, zh: str, en: str, where: str | None = None) -> None:
        self.uncertain.append(Doubt(cell, value, zh, en, where or None))

    def doubt_more(self, cell: str, zh: str, en: str, where: str | None = None) -> None:
        """One more reason to doubt ``cell``: added to its entry if it has one (one entry per cell)."""
        for i, entry in enumerate(self.uncertain):
            if entry.cell == cell:
                self.uncertain[i] = replace(
                    entry, reason_zh=f"{entry.reason_zh}；{zh}", reason_en=f"{entry.reason_en}; {en}"
                )
                return
        self.doubt(cell, None, zh, en, where)

    def write_cells(
        self,
        rows: Mapping[str, MutableSequence[Any]],
        cells: Mapping[Cell, int],
        zh: str,
        en: str,
        keep: Callable[[Cell], bool] = lambda cell: False,
    ) -> None:
        """Write ``cells`` worked out (not read) into ``rows``, except those to ``keep``, and doubt
        each changed row, naming its columns: ``zh`` and ``en`` say why, ``{where}`` the columns."""
        changed: dict[str, list[int]] = {}
        for cell, value in cells.items():
            values, column = rows.get(cell.row), int(cell.column)
            if values is None or keep(cell) or values[column] == value:
                continue
            values[column] = value
            changed.setdefault(cell.row, []).append(column)
        for key, columns in changed.items():
            where = ", ".join(map(str, sorted(columns)))
            self.doubt_more(f"{next(iter(cells)).table}.{key}", zh.format(where=where), en.format(where=where))

    def undecided(
        self,
        cell: str,
        readings: Sequence[Any],
        *,
        zh: str = DIFFER_ZH,
        en: str = DIFFER_EN,
        where: str | None = None,
    ) -> None:
        """``cell`` left unknown (null) because the readings that fit give it different values
        (``readings``): doubted, ``zh`` and ``en`` saying why (``{readings}`` in them lists the
        values), each value one alternative for a person to choose."""
        self.doubt(
            cell,
            None,
            zh.replace("{readings}", "、".join(map(str, readings))),
            en.replace("{readings}", ", ".join(map(str, readings))),
            where,
        )
        if readings:  # none known: nothing to choose from
            self.alternatives([[value] for value in readings])

    def alternatives(self, readings: Iterable[Iterable[Any]]) -> None:
        """The readings the last doubt could not choose between, for a person to decide."""
        self.uncertain[-1] = replace(self.uncertain[-1], alternatives=[list(values) for values in readings])

    def forget(self, prefix: str) -> None:
        """Drop the doubts about the cells under ``prefix`` (a table read again another way)."""
        self.uncertain[:] = [u for u in self.uncertain if not u.cell.startswith(prefix)]


def count_value(value: Number | None, kind: Kind, path: str, evidence: Evidence, where: str | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, float) and not value.is_integer():
        evidence.doubt(path, None, f"计数印为小数 {value}", f"a count printed as a fraction {value}", where)
        return None
    number = int(value)
    if kind is Kind.COUNT and number < 0:
        evidence.doubt(path, None, f"计数印为负数 {number}", f"a count printed negative ({number})", where)
        return None
    return number


def fmt(value: Number) -> str:
    return str(tidy(value))


def note_dashes(tokens: Iterable[Token], path: str, evidence: Evidence) -> None:
    """Note cells printed as a dash (read as 0) or as 未知 (read as null)."""
    dashes: list[Token] = []
    unknown: list[Token] = []
    for t in tokens:  # one pass: most rows print neither
        kind = t.value.kind
        if kind is CellKind.DASH:
            dashes.append(t)
        elif kind is CellKind.UNKNOWN:
            unknown.append(t)
    if dashes:
        shown = "、".join(f"“{t.text.strip()}”" for t in dashes)
        evidence.doubt(
            path, None, f"单元格印为 {shown}，按 0 计", f"cells printed as {shown} are read as 0", dashes[0].where
        )
    if unknown:
        evidence.doubt(
            path,
            None,
            f"{len(unknown)} 个单元格印为“未知”，记为未知（null）",
            f"{len(unknown)} cell(s) printed as 未知 (unknown) are read as null",
            unknown[0].where,
        )


def apply_choice(choice: Choice, path: str, label: str, where: str, evidence: Evidence) -> list[Number | None]:
    """The chosen reading's values (None where tied readings disagree), its judgement noted."""
    reading = choice.reading
    values: list[Number | None] = list(reading.values)
    for column in choice.unknown:
        values[column] = None
    if choice.unknown:
        columns = ", ".join(str(c) for c in sorted(choice.unknown))
        evidence.doubt(
            path,
            values,
            f"“{label}”：{reading.how_zh}；勾稽关系无法确定第 {columns} 列（从 0 起），记为未知",
            f"{label}: {reading.how}; the arithmetic cannot decide column(s) {columns}, left unknown",
            where,
        )
        if len(choice.alternatives) > 1:
            # The readings the arithmetic could not choose between, for a person to decide.
            evidence.alternatives(choice.alternatives)
    elif choice.rivals == 1 and reading.cost:
        # One reading only (e.g. every placement of the printed cells gives the same values).
        evidence.doubt(path, values, f"“{label}”：{reading.how_zh}", f"{label}: {reading.how}", where)
    elif reading.cost or choice.rivals > 1:
        evidence.doubt(
            path,
            values,
            f"“{label}”：{reading.how_zh or '按原样读取'}（在 {choice.rivals} 种读法中按勾稽关系选定）",
            f"{label}: {reading.how or 'read as printed'} (chosen by the statutory arithmetic among "
            f"{choice.rivals} readings)",
            where,
        )
    return values
