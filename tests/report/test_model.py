"""Reading and writing the interchange JSON: exact, strict, and clear about what is wrong."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from gongkai.report.model import Report, ReportDataError, json_schema
from gongkai.report.templates import Template

from .builders import gold_data, gold_files


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem)
def test_gold_files_round_trip_exactly(path: Path, tmp_path: Path) -> None:
    original = json.loads(path.read_text(encoding="utf-8"))
    report = Report.load(path)
    assert report.to_dict() == original
    out = tmp_path / "again.json"
    report.save(out)
    assert json.loads(out.read_text(encoding="utf-8")) == original
    assert report.extra["notes"] == original["notes"]  # extra keys kept, not scored, not lost


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem)
def test_gold_files_satisfy_the_published_schema(path: Path) -> None:
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), json_schema())


def test_schema_rejects_what_the_model_rejects() -> None:
    data = gold_data("000_21925bfca89cb37b")
    data["requests"]["granted"][0] = -1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())


def test_empty_report_has_every_cell(template: Template) -> None:
    report = Report.empty("某局", 2023, template, fill=None)
    cells = list(report.cells())
    assert len(cells) == sum(len(r.fields) for r in template.active_rows) + 7 * len(template.request_rows) + 15
    assert all(value is None for *_, value in cells)
    assert Report.from_dict(report.to_dict()).to_dict() == report.to_dict()


def _broken(mutate: Any) -> ReportDataError:
    data = copy.deepcopy(gold_data("000_21925bfca89cb37b"))
    mutate(data)
    with pytest.raises(ReportDataError) as caught:
        Report.from_dict(data, source="x.json")
    return caught.value


def _paths(error: ReportDataError) -> list[str]:
    return [p.path for p in error.problems]


def test_negative_count_is_rejected_with_its_place() -> None:
    error = _broken(lambda d: d["requests"]["granted"].__setitem__(3, -2))
    assert _paths(error) == ["requests.granted.3"]
    assert "不能为负数" in str(error) and "must not be negative" in str(error) and "x.json" in str(error)


def test_change_may_be_negative_but_must_be_an_integer() -> None:
    data = gold_data("000_21925bfca89cb37b")
    assert Report.from_dict(data).active["coercion"]["change"] == -3
    error = _broken(lambda d: d["active"]["coercion"].__setitem__("change", 1.5))
    assert _paths(error) == ["active.coercion.change"]


@pytest.mark.parametrize("bad", ["5", 5.0, True, [1]])
def test_counts_are_strict_integers(bad: Any) -> None:
    error = _broken(lambda d: d["appeals"]["review"].__setitem__("upheld", bad))
    assert _paths(error) == ["appeals.review.upheld"]


def test_money_may_have_decimals_but_not_be_negative_or_text() -> None:
    data = gold_data("000_21925bfca89cb37b")
    data["active"]["procurement"]["amount_yuan"] = 2715300.5
    assert Report.from_dict(data).active["procurement"]["amount_yuan"] == 2715300.5
    assert _paths(_broken(lambda d: d["active"]["procurement"].__setitem__("amount_yuan", -1))) == [
        "active.procurement.amount_yuan"
    ]
    assert _paths(_broken(lambda d: d["active"]["procurement"].__setitem__("amount_yuan", "271.53万元"))) == [
        "active.procurement.amount_yuan"
    ]


def test_null_means_unknown_and_is_accepted() -> None:
    data = gold_data("000_21925bfca89cb37b")
    data["requests"]["granted"][2] = None
    data["active"]["licensing"]["change"] = None
    report = Report.from_dict(data)
    assert report.requests["granted"][2] is None


def test_the_template_decides_which_keys_must_be_present() -> None:
    # template 2021 has no （六）其他处理 single row: a 2019 key is unknown there
    data = gold_data("shuyang-fgj-2023")
    data["requests"]["other"] = [0] * 7
    assert "requests.other" in _paths(_broken_2021(data))
    data = gold_data("shuyang-fgj-2023")
    del data["requests"]["other_unpaid_fee"]
    assert _paths(_broken_2021(data)) == ["requests.other_unpaid_fee"]


def _broken_2021(data: dict[str, Any]) -> ReportDataError:
    with pytest.raises(ReportDataError) as caught:
        Report.from_dict(data)
    return caught.value


def test_missing_table_wrong_length_and_unknown_template() -> None:
    assert _paths(_broken(lambda d: d.pop("appeals"))) == ["appeals"]
    assert _paths(_broken(lambda d: d["requests"].__setitem__("granted", [1, 2, 3]))) == ["requests.granted"]
    error = _broken(lambda d: d.__setitem__("template", "2018"))
    assert "未知模板" in str(error) and "unknown template" in str(error)
    assert _paths(_broken(lambda d: d.pop("template"))) == ["template"]


def test_not_json_and_not_an_object() -> None:
    with pytest.raises(ReportDataError) as caught:
        Report.from_json("{'agency': 1}", source="bad.json")
    assert "line 1" in caught.value.problems[0].path and "不是有效的 JSON" in str(caught.value)
    with pytest.raises(ReportDataError, match="JSON 对象"):
        Report.from_json("[1, 2]")


def test_unreadable_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(ReportDataError, match="无法读取文件"):
        Report.load(tmp_path / "nowhere.json")
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes('{"agency": "海盐县"}'.encode("gbk"))
    with pytest.raises(ReportDataError, match="UTF-8"):
        Report.load(gbk)
