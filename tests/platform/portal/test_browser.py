"""In a real browser: the review before publishing, a visitor's search in Chinese, and a repealed
normative document moving in the year's table 二."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from gongkai.platform.registry.models import Item
from tests.platform.e2e.conftest import fill_form
from tests.platform.registry.helpers import publish_item

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TODAY = dt.date.today()


def test_drafter_proposes_reviewer_sends_back_then_approves_and_visitor_finds_it(
    staff: dict[str, Any], login: Callable[[str], Any], open_page: Callable[[], Any]
) -> None:
    drafter = login("hy_clerk")
    drafter.goto("/registry/new/")
    fill_form(
        drafter,
        "#item-form",
        {
            "category": "normative",
            "title": "海盐县深化“最多跑一次”改革实施办法",
            "doc_number": "盐政发〔2026〕7号",
            "made_on": TODAY.isoformat(),
            "body": "为推进政务服务“最多跑一次”改革，制定本办法。联系人手机 13912345678。",
            "attribute": "proactive",
        },
    )
    item = Item.objects.get(title="海盐县深化“最多跑一次”改革实施办法")
    assert item.index_number.startswith("002541000/")
    with drafter.expect_navigation():
        drafter.click("#submit-review")
    assert drafter.inner_text("#item-status") == "待审核"

    reviewer = login("hy_head")
    reviewer.goto(f"/registry/{item.pk}/")
    assert "手机号码" in reviewer.inner_text("#scan-findings")  # the automatic scan, for the reviewer
    assert "13912345678" not in reviewer.inner_text("#scan-findings")  # the finding itself is masked
    reviewer.fill("form[action$='/return/'] textarea[name=comment]", "请删除联系人手机号码后再提交")
    with reviewer.expect_navigation():
        reviewer.click("#send-back")
    assert reviewer.inner_text("#item-status") == "退回修改"

    drafter.goto(f"/registry/{item.pk}/")
    assert "请删除联系人手机号码后再提交" in drafter.inner_text("#review-comment")
    drafter.goto(f"/registry/{item.pk}/edit/")
    fill_form(drafter, "#item-form", {"body": "为推进政务服务“最多跑一次”改革，优化营商环境，制定本办法。"})
    with drafter.expect_navigation():
        drafter.click("#submit-review")

    reviewer.goto(f"/registry/{item.pk}/")
    assert reviewer.locator("#scan-findings").count() == 0
    with reviewer.expect_navigation():
        reviewer.click("#approve")
    assert reviewer.inner_text("#item-status") == "审核通过"
    with reviewer.expect_navigation():
        reviewer.click("#publish")
    assert reviewer.inner_text("#item-status") == "已发布"

    visitor = open_page()
    visitor.set_viewport_size({"width": 390, "height": 844})  # a phone
    visitor.goto("/portal/002541000/")
    visitor.fill("form.search input[name=q]", "最多跑一次")
    with visitor.expect_navigation():
        visitor.press("form.search input[name=q]", "Enter")
    assert "找到 1 条结果" in visitor.inner_text("#result-count")
    with visitor.expect_navigation():
        visitor.click("#results a")
    item.refresh_from_db()
    assert visitor.url.endswith(f"/portal/002541000/items/{item.serial_key}/")
    assert "盐政发〔2026〕7号" in visitor.inner_text("main")
    assert "海盐县人民政府" in visitor.inner_text("article")  # 发布机构: the agency when left empty
    assert "13912345678" not in visitor.content()
    visitor.goto("/portal/search/?q=量子计算")
    assert "没有找到" in visitor.inner_text("#result-count")


def _cell(page: Any, row: str, field: str) -> int:
    return int(page.inner_text(f"#active-table tr[data-row='{row}'] [data-field='{field}']"))


def test_repealed_normative_document_leaves_in_force_and_enters_repealed(
    staff: dict[str, Any], login: Callable[[str], Any]
) -> None:
    year = TODAY.year
    start = min(dt.date(year, 1, 2), TODAY)
    document = publish_item(
        staff["clerk"],
        staff["head"],
        staff["hy"],
        category="normative",
        title="海盐县行政规范性文件管理办法",
        made_on=start,
        on=start,
    )
    publish_item(
        staff["clerk"],
        staff["head"],
        staff["hy"],
        category="normative",
        title="另一件规范性文件",
        made_on=start,
        on=start,
    )
    clerk = login("hy_clerk")
    clerk.goto(f"/registry/table/{staff['hy'].pk}/{year}/")
    assert (
        _cell(clerk, "normative_documents", "made"),
        _cell(clerk, "normative_documents", "repealed"),
        _cell(clerk, "normative_documents", "in_force"),
    ) == (2, 0, 2)

    clerk.goto(f"/registry/{document.pk}/")
    fill_form(clerk, "form[action$='/repeal/']", {"on": TODAY.isoformat(), "note": "已被新办法替代"})
    assert "已登记废止" in clerk.inner_text("main")

    clerk.goto(f"/registry/table/{staff['hy'].pk}/{year}/")
    assert (
        _cell(clerk, "normative_documents", "made"),
        _cell(clerk, "normative_documents", "repealed"),
        _cell(clerk, "normative_documents", "in_force"),
    ) == (2, 1, 1)
    # The annual report of the year shows the same figures (table 二 comes from the registry).
    clerk.goto(f"/annual/{staff['hy'].pk}/{year}/")
    assert "行政规范性文件" in clerk.inner_text("main")
    # And the public page says so.
    clerk.goto(f"/portal/002541000/items/{document.serial_key}/")
    assert "已废止" in clerk.inner_text("#validity")


def test_item_metadata_reads_on_a_phone(staff: dict[str, Any], open_page: Callable[[], Any]) -> None:
    """D18/5e: at 390 px the 索引号/发布机构/文号/日期 labels stay on one line and nothing scrolls sideways."""
    item = publish_item(
        staff["clerk"],
        staff["head"],
        staff["hy"],
        category="normative",
        title="海盐县人民政府办公室关于印发海盐县城乡居民最低生活保障资金管理办法（试行）的通知",
        doc_number="盐政办发〔2026〕123号",
        issuer="海盐县人民政府办公室、海盐县民政局、海盐县财政局",
        made_on=TODAY,
        on=TODAY,
    )
    phone = open_page()
    phone.set_viewport_size({"width": 390, "height": 844})
    phone.goto(f"/portal/002541000/items/{item.serial_key}/")
    layout = phone.evaluate(
        """() => {
          const page = document.scrollingElement;
          const labels = [...document.querySelectorAll('#item-meta dt')].map(dt => {
            const text = document.createRange();  // the label's own line boxes, whatever its row's height
            text.selectNodeContents(dt);
            return [dt.innerText, new Set([...text.getClientRects()].map(r => Math.round(r.top))).size];
          });
          const values = [...document.querySelectorAll('#item-meta dd')].map(dd => dd.scrollWidth - dd.clientWidth);
          return {overflow: page.scrollWidth - page.clientWidth, labels, values};
        }"""
    )
    assert layout["overflow"] <= 0, layout
    assert [label for label, _ in layout["labels"]][:6] == [
        "索引号",
        "分类",
        "发布机构",
        "文号",
        "成文日期",
        "发布日期",
    ]
    assert all(lines == 1 for _, lines in layout["labels"]), layout["labels"]  # never 索/引/号 down the page
    assert all(extra <= 0 for extra in layout["values"]), layout["values"]
    assert "盐政办发〔2026〕123号" in phone.inner_text("#item-meta")
