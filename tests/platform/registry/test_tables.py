"""Table 二 counted from the registry, for both templates, and the annual report that uses it
(publishing that report: ``test_annual_publishing.py``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from gongkai.platform.accounts.permissions import PermissionDenied
from gongkai.platform.annual.compile import compile_report
from gongkai.platform.registry import figures, services
from gongkai.platform.registry.services import RegistryError
from gongkai.platform.registry.tables import active_table
from gongkai.report.checks import check_series
from gongkai.report.templates import TEMPLATE_2019, TEMPLATE_2021

from .helpers import publish_document, publish_item


def test_template_2021_made_repealed_in_force_follow_the_documents_life(staff: dict[str, Any]) -> None:
    old = publish_document(staff, dt.date(2021, 3, 1), dt.date(2021, 3, 5))
    publish_document(staff, dt.date(2021, 6, 1), dt.date(2021, 6, 2))
    publish_document(staff, dt.date(2022, 2, 1), dt.date(2022, 2, 3), category="regulation")
    late = publish_document(staff, dt.date(2021, 12, 28), dt.date(2022, 1, 4))  # made in 2021, issued in 2022
    expiring = publish_document(staff, dt.date(2021, 1, 4), dt.date(2021, 1, 5), expires_on=dt.date(2022, 6, 30))
    publish_document(staff, dt.date(2022, 5, 1), dt.date(2022, 5, 2), category="work")  # not a document: not counted

    t2021 = active_table(staff["hy"], 2021, TEMPLATE_2021)
    assert t2021["normative_documents"] == {"made": 3, "repealed": 0, "in_force": 3}
    assert t2021["regulations"] == {"made": 0, "repealed": 0, "in_force": 0}

    services.repeal(staff["clerk"], old, dt.date(2022, 9, 1), "被新文件替代")
    t2022 = active_table(staff["hy"], 2022, TEMPLATE_2021)
    # repealed (old) and expired (expiring) both leave 现行有效 and count in 本年废止
    assert t2022["normative_documents"] == {"made": 1, "repealed": 2, "in_force": 2}
    assert t2022["regulations"] == {"made": 1, "repealed": 0, "in_force": 1}
    # the series identity 现行有效 = 上年现行有效 + 本年制发 − 本年废止 holds by construction
    for row in ("normative_documents", "regulations"):
        assert t2022[row]["in_force"] == t2021[row]["in_force"] + t2022[row]["made"] - t2022[row]["repealed"]
    assert late.published_on is not None and expiring.expires_on is not None


def test_template_2019_counts_made_published_and_total(staff: dict[str, Any]) -> None:
    publish_document(staff, dt.date(2019, 12, 20), dt.date(2020, 1, 6))
    publish_document(staff, dt.date(2020, 4, 1), dt.date(2020, 4, 3))
    publish_document(staff, dt.date(2018, 5, 1), dt.date(2018, 5, 3), category="regulation")
    t2020 = active_table(staff["hy"], 2020, TEMPLATE_2019)
    assert t2020["normative_documents"] == {"new_made": 1, "new_published": 2, "total_published": 2}
    assert t2020["regulations"] == {"new_made": 0, "new_published": 0, "total_published": 1}


def test_withdrawn_and_unpublished_items_do_not_count_as_issued(staff: dict[str, Any]) -> None:
    published = publish_document(staff, dt.date(2021, 3, 1), dt.date(2021, 3, 5))
    draft = services.create_item(
        staff["clerk"], staff["hy"], category="normative", title="草稿", made_on=dt.date(2021, 4, 1)
    )
    assert draft.published_on is None
    services.withdraw(staff["head"], published, "网页更新")
    # Withdrawal takes the page off the portal; the document stays issued and in force.
    assert active_table(staff["hy"], 2021, TEMPLATE_2021)["normative_documents"] == {
        "made": 1,
        "repealed": 0,
        "in_force": 1,
    }


def test_entered_figures_need_a_source_and_cannot_override_counted_rows(staff: dict[str, Any]) -> None:
    hy, clerk = staff["hy"], staff["clerk"]
    with pytest.raises(RegistryError, match="来源"):
        figures.save_figures(clerk, hy, 2021, {"licensing": {"decisions": 120}}, {})
    with pytest.raises(RegistryError, match="统计"):
        figures.save_figures(clerk, hy, 2021, {"normative_documents": {"made": 5}}, {})
    with pytest.raises(RegistryError, match="负数"):
        figures.save_figures(clerk, hy, 2021, {"licensing": {"decisions": -1}}, {"licensing": "x"})
    with pytest.raises(PermissionDenied):
        figures.save_figures(staff["cn_clerk"], hy, 2021, {}, {})
    figures.save_figures(
        clerk,
        hy,
        2021,
        {"licensing": {"decisions": "1,234"}, "fees": {"amount_10k_yuan": "12.5"}},
        {"licensing": "县行政审批局统计报表", "fees": "县财政局非税收入系统"},
    )
    table = active_table(hy, 2021, TEMPLATE_2021)
    assert table["licensing"] == {"decisions": 1234}
    assert table["fees"] == {"amount_10k_yuan": 12.5}
    # 2019 rows (previous items, change, procurement) are entered for 2019/2020 only
    figures.save_figures(
        clerk,
        hy,
        2020,
        {
            "procurement": {"projects": 3, "amount_yuan": 1250000.5},
            "licensing": {"previous_items": 10, "change": -2, "decisions": 7},
        },
        {"procurement": "政府采购网", "licensing": "审批系统"},
    )
    t2020 = active_table(hy, 2020, TEMPLATE_2019)
    assert t2020["procurement"] == {"projects": 3, "amount_yuan": 1250000.5}
    assert t2020["licensing"] == {"previous_items": 10, "change": -2, "decisions": 7}


def test_annual_report_takes_table_2_from_the_registry_and_aggregates_the_subtree(
    staff: dict[str, Any], make_user: Callable[..., Any]
) -> None:
    publish_document(staff, dt.date(2021, 3, 1), dt.date(2021, 3, 5))
    figures.save_figures(
        staff["clerk"], staff["hy"], 2021, {"punishment": {"decisions": 9}}, {"punishment": "执法平台"}
    )
    fgj_clerk = make_user("fgj", "clerk", staff["fgj"])
    fgj_head = make_user("fgj_head", "head", staff["fgj"])
    publish_item(
        fgj_clerk,
        fgj_head,
        staff["fgj"],
        category="normative",
        title="发改文件",
        made_on=dt.date(2021, 5, 1),
        on=dt.date(2021, 5, 6),
    )
    own = compile_report(staff["hy"], 2021).report
    assert own.active["normative_documents"] == {"made": 1, "repealed": 0, "in_force": 1}
    assert own.active["punishment"] == {"decisions": 9}
    whole = compile_report(staff["hy"], 2021, aggregate=True).report
    assert whole.active["normative_documents"] == {"made": 2, "repealed": 0, "in_force": 2}


def test_the_series_check_passes_across_years_of_registry_counts(staff: dict[str, Any]) -> None:
    first = publish_document(staff, dt.date(2021, 3, 1), dt.date(2021, 3, 5))
    publish_document(staff, dt.date(2022, 3, 1), dt.date(2022, 3, 5))
    services.repeal(staff["clerk"], first, dt.date(2022, 12, 31))
    reports_ = [compile_report(staff["hy"], y, with_previous=False).report for y in (2021, 2022)]
    assert not [f for f in check_series(reports_) if f.is_error]
