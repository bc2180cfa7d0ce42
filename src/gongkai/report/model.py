"""One annual report's data, read from and written to the JSON of ``spec/report-data.md``.

Validation is strict and driven by the template: the template decides which tables, rows and
fields must be present; counts are non-negative integers (``change`` may be negative), money is a
number, ``null`` means unknown. The pydantic models are built from the template data, so the JSON
Schema (``gongkai schema``) and the validation can never drift from the templates.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Strict, TypeAdapter, ValidationError, create_model
from pydantic import Field as PydField

from .envelope import ENVELOPE_KEYS, Doubt, SectionText, Source
from .findings import Finding
from .templates import REQUEST_COLUMNS, TEMPLATES, Kind, Template, get_template

_COLUMNS = len(REQUEST_COLUMNS)

CellValue = int | float | None
TABLE_KEYS = ("active", "requests", "appeals")

_Count = Annotated[int, Strict(), PydField(ge=0)]
_Change = Annotated[int, Strict()]
_Money = Annotated[Union[Annotated[int, Strict()], Annotated[float, Strict()]], PydField(ge=0)]  # noqa: UP007
_KIND_TYPES: dict[Kind, Any] = {Kind.COUNT: _Count, Kind.CHANGE: _Change, Kind.MONEY: _Money}


# ---------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a report file: where (a JSON path) and what, in Chinese and English."""

    path: str
    message_zh: str
    message_en: str

    def __str__(self) -> str:
        where = self.path or "(top)"
        return f"{where}: {self.message_zh} / {self.message_en}"


class ReportDataError(ValueError):
    """The data is not a report of the interchange format: it cannot be checked at all."""

    def __init__(self, problems: list[Problem], source: str | None = None) -> None:
        self.problems = problems
        self.source = source
        head = f"{source}: " if source else ""
        super().__init__(head + "; ".join(str(p) for p in problems))


_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("缺少此项", "is missing"),
    "extra_forbidden": ("模板中没有此项", "is not in the template"),
    "int_type": ("应为整数", "must be an integer"),
    "int_parsing": ("应为整数", "must be an integer"),
    "int_from_float": ("应为整数", "must be an integer"),
    "float_type": ("应为数字", "must be a number"),
    "string_type": ("应为文字", "must be a string"),
    "greater_than_equal": ("不能为负数", "must not be negative"),
    "less_than_equal": ("超出范围", "is out of range"),
    "too_short": (f"值的个数不对（应为 {_COLUMNS} 个）", f"has the wrong number of values ({_COLUMNS} expected)"),
    "too_long": (f"值的个数不对（应为 {_COLUMNS} 个）", f"has the wrong number of values ({_COLUMNS} expected)"),
    "list_type": (f"应为 {_COLUMNS} 个值的列表", f"must be a list of {_COLUMNS} values"),
    "dict_type": ("应为对象", "must be an object"),
    "model_type": ("应为对象", "must be an object"),
    "literal_error": ("取值不在允许范围内", "has a value that is not allowed"),
}


def _problems_from(error: ValidationError) -> list[Problem]:
    problems = []
    for item in error.errors():
        path = ".".join(str(step) for step in item["loc"] if not _is_union_tag(step))
        zh, en = _MESSAGES.get(item["type"], ("取值无效", "is not valid"))
        value = item.get("input")
        if item["type"] not in ("missing",) and not isinstance(value, dict | list):
            en += f" (got {json.dumps(value, ensure_ascii=False)})"
            zh += f"（实为 {json.dumps(value, ensure_ascii=False)}）"
        problems.append(Problem(path, zh, en))
    # One bad value in a union shows up once per branch: keep each place once.
    unique: dict[str, Problem] = {}
    for problem in problems:
        unique.setdefault(problem.path, problem)
    return list(unique.values())


def _is_union_tag(step: Any) -> bool:
    return isinstance(step, str) and step in {"int", "float", "constrained-int", "constrained-float"}


# ---------------------------------------------------------------------------------------------
# Validation models, built from the templates
# ---------------------------------------------------------------------------------------------


def _forbid(name: str, fields: dict[str, Any]) -> type[BaseModel]:
    return create_model(name, __config__=ConfigDict(extra="forbid"), **fields)


# The envelope (``envelope.py``): optional, one shape each.
_ENVELOPE_FIELDS: dict[str, Any] = {
    "source": (Source | None, PydField(default=None, description="读取的文件 / the file read")),
    "sections": (list[SectionText] | None, PydField(default=None, description="正文六个部分 / the six parts")),
    "provenance": (dict[str, str] | None, PydField(default=None, description="单元格 → 原文位置 / where printed")),
    "uncertain": (list[Doubt] | None, PydField(default=None, description="读取中的判断 / judgements made")),
    "findings": (list[Finding] | None, PydField(default=None, description="校验结果 / check results")),
}


@cache
def validation_model(template_id: str) -> type[BaseModel]:
    """The pydantic model of a whole report in template ``template_id``."""
    template = get_template(template_id)
    suffix = template.id
    active_fields: dict[str, Any] = {}
    for row in template.active_rows:
        row_fields = {f.key: (_KIND_TYPES[f.kind] | None, PydField(description=f.label)) for f in row.fields}
        row_model = _forbid(f"Active{suffix}_{row.key}", row_fields)
        active_fields[row.key] = (row_model, PydField(description=row.label))
    columns = len(template.request_columns)
    row_type = Annotated[list[_Count | None], PydField(min_length=columns, max_length=columns)]
    request_fields = {row.key: (row_type, PydField(description=row.full_label)) for row in template.request_rows}
    group_model = _forbid(
        "AppealGroup",
        {f.key: (_Count | None, PydField(description=f.label)) for f in template.appeal_fields},
    )
    appeal_fields = {g.key: (group_model, PydField(description=g.full_label)) for g in template.appeal_groups}
    return create_model(
        f"Report{suffix}",
        __config__=ConfigDict(extra="allow", title=f"Annual report, template {suffix}"),
        agency=(Annotated[str, Strict()], PydField(description="发布机关，按标题原文")),
        year=(Annotated[int, Strict(), PydField(ge=1990, le=2200)], PydField(description="报告年度")),
        template=(Literal[suffix], PydField(description=template.document)),  # type: ignore[arg-type]
        active=(_forbid(f"Active{suffix}", active_fields), PydField(description="表二 主动公开")),
        requests=(_forbid(f"Requests{suffix}", request_fields), PydField(description="表三 依申请")),
        appeals=(_forbid(f"Appeals{suffix}", appeal_fields), PydField(description="表四 复议诉讼")),
        **_ENVELOPE_FIELDS,
    )


def json_schema() -> dict[str, Any]:
    """A JSON Schema of the interchange format, one branch per template."""
    models = tuple(validation_model(t) for t in TEMPLATES)
    union = Annotated[Union[models], PydField(discriminator="template")]  # type: ignore[valid-type]  # noqa: UP007
    schema: dict[str, Any] = TypeAdapter(union).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "政府信息公开工作年度报告数据 / Annual report on government information disclosure"
    return schema


# ---------------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------------


@dataclass
class Report:
    """The data of one annual report: its three statutory tables and what identifies it.

    ``source``, ``sections``, ``provenance``, ``uncertain`` and ``findings`` are the envelope
    (``envelope.py``): ``None`` where the data has no such key. ``extra`` keeps every other
    top-level key of the JSON (``notes`` …) so that nothing read is lost on saving.
    """

    agency: str
    year: int
    template: Template
    active: dict[str, dict[str, CellValue]]
    requests: dict[str, list[int | None]]
    appeals: dict[str, dict[str, int | None]]
    extra: dict[str, Any] = field(default_factory=dict)
    source: Source | None = None
    sections: list[SectionText] | None = None
    provenance: dict[str, str] | None = None
    uncertain: list[Doubt] | None = None
    findings: list[Finding] | None = None

    # -- construction -----------------------------------------------------------------------

    @classmethod
    def empty(cls, agency: str, year: int, template: Template, fill: int | None = 0) -> Report:
        """A report of ``template`` whose every cell is ``fill`` (0, or None for unknown)."""
        columns = len(template.request_columns)
        return cls(
            agency=agency,
            year=year,
            template=template,
            active={row.key: {f.key: fill for f in row.fields} for row in template.active_rows},
            requests={row.key: [fill] * columns for row in template.request_rows},
            appeals={g.key: {f.key: fill for f in template.appeal_fields} for g in template.appeal_groups},
        )

    @classmethod
    def from_dict(cls, data: Any, source: str | None = None) -> Report:
        """Validate ``data`` (parsed JSON) and build the report; ``ReportDataError`` if it is not one."""
        if not isinstance(data, dict):
            raise ReportDataError(
                [Problem("", "应为 JSON 对象", f"must be a JSON object, not {type(data).__name__}")], source
            )
        template_id = data.get("template")
        if template_id is None:
            missing = Problem("template", "缺少模板（2019 或 2021）", "is missing (2019 or 2021)")
            raise ReportDataError([missing], source)
        if template_id not in TEMPLATES:
            raise ReportDataError(
                [
                    Problem(
                        "template",
                        f"未知模板 {json.dumps(template_id, ensure_ascii=False)}（应为 2019 或 2021）",
                        f"unknown template {json.dumps(template_id, ensure_ascii=False)} (2019 or 2021)",
                    )
                ],
                source,
            )
        try:
            valid = validation_model(template_id).model_validate(data)
        except ValidationError as error:
            raise ReportDataError(_problems_from(error), source) from None
        template = get_template(template_id)
        return cls(
            agency=data["agency"],
            year=data["year"],
            template=template,
            active={row.key: dict(data["active"][row.key]) for row in template.active_rows},
            requests={row.key: list(data["requests"][row.key]) for row in template.request_rows},
            appeals={g.key: dict(data["appeals"][g.key]) for g in template.appeal_groups},
            extra={
                k: v for k, v in data.items() if k not in ("agency", "year", "template", *TABLE_KEYS, *ENVELOPE_KEYS)
            },
            **{key: getattr(valid, key) for key in ENVELOPE_KEYS},
        )

    @classmethod
    def from_json(cls, text: str, source: str | None = None) -> Report:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ReportDataError(
                [
                    Problem(
                        f"line {error.lineno} column {error.colno}",
                        f"不是有效的 JSON：{error.msg}",
                        f"not valid JSON: {error.msg}",
                    )
                ],
                source,
            ) from None
        return cls.from_dict(data, source)

    @classmethod
    def load(cls, path: str | Path) -> Report:
        path = Path(path)
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise ReportDataError(
                [Problem("", f"无法读取文件：{error.strerror}", f"cannot read the file: {error.strerror}")], str(path)
            ) from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ReportDataError(
                [Problem(f"byte {error.start}", "不是 UTF-8 编码的文本", "not UTF-8 text")], str(path)
            ) from None
        return cls.from_json(text, str(path))

    # -- output -----------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The JSON of the spec, keys in template order, extra keys after the tables."""
        t = self.template
        data: dict[str, Any] = {"agency": self.agency, "year": self.year, "template": t.id}
        data["active"] = {row.key: {f.key: self.active[row.key][f.key] for f in row.fields} for row in t.active_rows}
        data["requests"] = {row.key: list(self.requests[row.key]) for row in t.request_rows}
        data["appeals"] = {g.key: {f.key: self.appeals[g.key][f.key] for f in t.appeal_fields} for g in t.appeal_groups}
        if self.source is not None:
            data["source"] = self.source.to_dict()
        if self.sections is not None:
            data["sections"] = [s.to_dict() for s in self.sections]
        if self.provenance is not None:
            data["provenance"] = self.provenance
        if self.uncertain is not None:
            data["uncertain"] = [u.to_dict() for u in self.uncertain]
        if self.findings is not None:
            data["findings"] = [f.to_dict() for f in self.findings]
        data.update(self.extra)
        return data

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.to_json() + "\n", encoding="utf-8")

    # -- reading cells ----------------------------------------------------------------------

    def cells(self) -> Iterator[tuple[str, str, str | int, CellValue]]:
        """Every statutory cell as (table, row, column, value), in template order."""
        t = self.template
        for row in t.active_rows:
            for f in row.fields:
                yield "active", row.key, f.key, self.active[row.key][f.key]
        for rrow in t.request_rows:
            for column in t.request_columns:
                yield "requests", rrow.key, column.index, self.requests[rrow.key][column.index]
        for group in t.appeal_groups:
            for af in t.appeal_fields:
                yield "appeals", group.key, af.key, self.appeals[group.key][af.key]

    def request_total(self, row: str) -> int | None:
        return self.requests[row][self.template.total_column]
