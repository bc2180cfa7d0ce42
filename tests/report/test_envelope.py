"""The envelope of a report (source, sections, provenance, uncertain, findings): one typed shape."""

from __future__ import annotations

import json
from typing import Any

import pytest

from gongkai.report.checks import Severity, check_report
from gongkai.report.envelope import Doubt, SectionText, Source
from gongkai.report.model import Report, ReportDataError, json_schema

from .builders import gold_data, gold_files


def _read_like(stem: str) -> dict[str, Any]:
    """Report data as ``gongkai read`` writes it: the tables, then the envelope."""
    data = gold_data(stem)
    data.pop("notes", None)
    report = Report.from_dict(data)
    data["source"] = {"file": f"{stem}.pdf", "format": "pdf", "encoding": None, "pages": 3}
    data["sections"] = [
        {"number": "一", "title": "总体情况", "printed": "一、总体情况", "where": "page 1 line 3", "text": "正文。"}
    ]
    data["provenance"] = {"requests.granted[0]": "page 2 line 7 cell 2"}
    data["uncertain"] = [
        {
            "cell": "requests.granted",
            "value": [1, 0, 0, 0, 0, 0, 1],
            "reason_zh": "按勾稽关系选定",
            "reason_en": "chosen by the arithmetic",
            "where": "page 2 line 7",
        },
        {"cell": "agency", "value": None, "reason_zh": "未写明", "reason_en": "not printed"},
        {
            "cell": "active.rules",
            "value": None,
            "reason_zh": "无法确定",
            "reason_en": "undecided",
            "alternatives": [[3, 1, 0], [31, 0, 0]],
        },
    ]
    data["findings"] = [f.to_dict() for f in check_report(report)]
    return data


def test_the_envelope_reads_into_types_and_writes_back_the_same_json() -> None:
    data = _read_like("001_cf5ac85f95ca13ec")
    report = Report.from_dict(json.loads(json.dumps(data)))
    assert report.source == Source("pdf", "001_cf5ac85f95ca13ec.pdf", None, 3)
    assert report.sections == [SectionText("一", "总体情况", "正文。", "一、总体情况", "page 1 line 3")]
    assert report.uncertain is not None and report.uncertain[1] == Doubt("agency", None, "未写明", "not printed")
    assert report.uncertain[2].alternatives == [[3, 1, 0], [31, 0, 0]]  # the readings left for a person
    assert report.findings == check_report(report)  # the same findings, typed again
    assert report.findings and report.findings[0].severity is Severity.ERROR
    assert report.extra == {}
    assert report.to_dict() == data
    assert list(report.to_dict()) == list(data)  # the keys in the order gongkai read writes them


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem)
def test_data_without_an_envelope_stays_without_one(path) -> None:  # type: ignore[no-untyped-def]
    original = json.loads(path.read_text(encoding="utf-8"))
    report = Report.from_dict(original)
    assert (report.source, report.sections, report.uncertain, report.findings) == (None, None, None, None)
    assert report.to_dict() == original


@pytest.mark.parametrize(
    ("key", "value", "path"),
    [
        ("source", "gongkai platform", "source"),  # a sentence is not a source
        ("sections", {"一": "正文"}, "sections"),  # a dict of titles is not the list of parts
        ("uncertain", [{"value": 1, "reason_zh": "理由", "reason_en": "why"}], "uncertain.0.cell"),
        ("provenance", {"requests.granted[0]": 7}, "provenance.requests.granted[0]"),
        ("findings", [{"rule": "requests.row_sum"}], "findings.0.severity"),
    ],
)
def test_a_key_of_the_envelope_in_another_shape_is_refused_where_it_is(key: str, value: Any, path: str) -> None:
    data = gold_data("000_21925bfca89cb37b")
    data[key] = value
    with pytest.raises(ReportDataError) as refused:
        Report.from_dict(data, source="x.json")
    assert path in [p.path for p in refused.value.problems]
    assert all(p.message_zh and p.message_en for p in refused.value.problems)


def test_the_schema_shows_the_envelope() -> None:
    branch = json.dumps(json_schema(), ensure_ascii=False)
    for key in ("source", "sections", "provenance", "uncertain", "findings", "reason_zh", "message_en"):
        assert f'"{key}"' in branch
