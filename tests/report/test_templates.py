"""The templates as data agree with the interchange spec, key for key."""

from __future__ import annotations

import re

import pytest

from gongkai.report.labels import bare_label_key, label_key
from gongkai.report.templates import (
    SECTIONS,
    TEMPLATE_2019,
    TEMPLATE_2021,
    TEMPLATES,
    Template,
    UnknownTemplate,
    get_template,
    template_for_year,
)

from .builders import SPEC_DIR


def _spec_keys(section: str) -> list[str]:
    """Backticked row keys from the first column of the spec's tables under ``section``."""
    text = (SPEC_DIR / "report-data.md").read_text(encoding="utf-8")
    start = text.index(section)
    end = text.find("\n## ", start + 1)
    return re.findall(r"^\| `(\w+)` \|", text[start : end if end > 0 else None], flags=re.M)


def test_request_rows_are_the_spec_rows_in_printed_order() -> None:
    spec = _spec_keys("## `requests` (table 三)")
    only_2019 = {"other"}
    only_2021 = {"other_no_correction", "other_unpaid_fee", "other_other"}
    assert [r.key for r in TEMPLATE_2019.request_rows] == [k for k in spec if k not in only_2021]
    assert [r.key for r in TEMPLATE_2021.request_rows] == [k for k in spec if k not in only_2019]


def test_active_rows_match_the_spec() -> None:
    spec = _spec_keys("## `active` (table 二)")
    # the spec lists template 2019's rows first, then template 2021's
    assert spec == [r.key for r in TEMPLATE_2019.active_rows] + [r.key for r in TEMPLATE_2021.active_rows]


def test_appeal_groups_match_the_spec() -> None:
    spec = _spec_keys("## `appeals` (table 四)")
    for template in TEMPLATES.values():
        assert [g.key for g in template.appeal_groups] == spec
        assert [f.key for f in template.appeal_fields] == ["upheld", "corrected", "other", "pending", "total"]


def test_seven_columns_with_total_last(template: Template) -> None:
    assert [c.label for c in template.request_columns] == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    assert template.total_column == 6


def test_outcome_rows_are_those_between_carried_over_and_total(template: Template) -> None:
    keys = [r.key for r in template.request_rows]
    between = keys[keys.index("carried_over") + 1 : keys.index("total_processed")]
    assert [r.key for r in template.outcome_rows] == between


def test_template_2021_splits_other_handling_into_three() -> None:
    assert "other" in TEMPLATE_2019.requests_by_key
    assert "other" not in TEMPLATE_2021.requests_by_key
    split = [r for r in TEMPLATE_2021.request_rows if r.group == "（六）其他处理"]
    assert [r.number for r in split] == ["1.", "2.", "3."]


def test_template_by_year() -> None:
    assert template_for_year(2019) is TEMPLATE_2019
    assert template_for_year(2020) is TEMPLATE_2019
    assert template_for_year(2021) is TEMPLATE_2021
    assert template_for_year(2035) is TEMPLATE_2021
    assert get_template("2021") is TEMPLATE_2021
    with pytest.raises(UnknownTemplate):
        get_template("2018")


def test_labels_are_unique_within_their_table(template: Template) -> None:
    full = [label_key(r.full_label) for r in template.request_rows]
    assert len(full) == len(set(full))
    active = [label_key(r.label) for r in template.active_rows]
    assert len(active) == len(set(active))


@pytest.mark.parametrize(
    ("printed", "label"),
    [
        ("三、 本年 度办 理结 果", "本年度办理结果"),
        ("（ 三 ） 不予公开", "不予公开"),
        ("3. 危及 “三安全一稳定”", "危及三安全一稳定"),
        ("一、上年结转政府信息公开申请数量", "上年结转政府信息公开申请数量"),  # misnumbered in 002
        ("（四）1.本机关不掌握相关\n政府信息", "本机关不掌握相关政府信息"),
        ("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "部分公开区分处理的只计这一情形不计其他情形"),
    ],
)
def test_printed_labels_fold_to_the_template_label(printed: str, label: str) -> None:
    assert bare_label_key(printed) == label


def test_every_row_label_matches_its_own_printed_form(template: Template) -> None:
    for row in template.request_rows:
        assert bare_label_key(row.printed) == label_key(row.label)


def test_six_sections_in_order() -> None:
    assert [s.number for s in SECTIONS] == ["一", "二", "三", "四", "五", "六"]
    assert SECTIONS[4].heading == "五、存在的主要问题及改进情况"
