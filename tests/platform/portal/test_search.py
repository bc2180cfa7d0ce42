"""Search on real Chinese text: the corpus reports published as items, found by the words in them
and not by words that are not — on whichever database the tests run (FTS5 or PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client

from gongkai.platform.portal import queries
from gongkai.platform.registry import search, services
from gongkai.platform.registry.models import Item
from tests.platform.registry.helpers import publish_item

from .corpus import contains, corpus_texts, title_of

PRESENT = [
    "最多跑一次",
    "政务公开",
    "依申请公开",
    "行政复议",
    "规范性文件",
    "政府信息公开指南",
    "苍南",
    "盐池县",
    "营商环境",
    "国办公开办函",
    "2020",
]
ABSENT = ["量子计算", "火星探测", "跑一次最多", "公开政务信息化大数据"]


@pytest.fixture
def corpus_items(staff: dict[str, Any]) -> dict[str, Item]:
    texts = corpus_texts()
    assert len(texts) == 6
    items = {}
    for n, (name, text) in enumerate(texts.items()):
        items[name] = publish_item(
            staff["clerk"],
            staff["head"],
            staff["hy"],
            title=title_of(text),
            body=text,
            category="other",
            on=dt.date(2021, 1, 10 + n),
        )
    return items


def _found(query: str) -> set[int]:
    """The items holding the query as written (they come first; related ones follow, see below)."""
    hits = search.search(query, limit=50)
    return set(hits.ids if hits.exact is None else hits.ids[: hits.exact])


def _everything(query: str) -> list[int]:
    return search.search(query, limit=50).ids


@pytest.mark.parametrize("word", PRESENT)
def test_found_exactly_by_the_words_they_contain(corpus_items: dict[str, Item], word: str) -> None:
    expected = {item.pk for name, item in corpus_items.items() if contains(item.body, word)}
    assert expected, f"{word} should be in some corpus report"
    assert _found(word) == expected


@pytest.mark.parametrize("word", ABSENT)
def test_not_found_by_words_they_do_not_contain(corpus_items: dict[str, Item], word: str) -> None:
    assert not any(contains(item.body, word) for item in corpus_items.values())
    assert _everything(word) == []  # nor by their words: a lone character (跑, 大) never widens a term


def test_every_term_must_occur(corpus_items: dict[str, Item]) -> None:
    both = {i.pk for i in corpus_items.values() if contains(i.body, "最多跑一次") and contains(i.body, "营商环境")}
    assert _found("最多跑一次 营商环境") == both
    assert _found("最多跑一次 火星探测") == set()


def test_one_character_and_index_number_and_document_number(
    corpus_items: dict[str, Item], staff: dict[str, Any]
) -> None:
    assert _found("跑") == {i.pk for i in corpus_items.values() if "跑" in i.body}
    item = publish_item(
        staff["clerk"],
        staff["head"],
        staff["hy"],
        category="normative",
        title="关于印发某办法的通知",
        doc_number="盐政发〔2021〕12号",
    )
    near = publish_item(
        staff["clerk"],
        staff["head"],
        staff["hy"],
        category="normative",
        title="另一个通知",
        doc_number="盐政发〔2012〕21号",
    )
    assert _found("盐政发〔2021〕12号") == {item.pk}  # the number as written, not its parts anywhere
    assert _found("盐政发[2021]12号") == {item.pk}  # whatever brackets the visitor types
    assert _found("盐政发〔2012〕21号") == {near.pk}
    assert _found("〔2021〕12") == {item.pk}
    assert item.pk in _found(item.index_number)


def test_words_near_the_end_of_the_longest_report_are_found(corpus_items: dict[str, Item]) -> None:
    """A report longer than one indexed part (PostgreSQL) is found by the words of its last part."""
    longest = max(corpus_items.values(), key=lambda i: len(search.tokens(i.body)))
    assert len(search.tokens(longest.body)) > 2 * search.PART_SIZE
    tail = re.findall(r"[\u4e00-\u9fff]{6,}", longest.body)[-1]
    assert longest.body.rindex(tail) > len(longest.body) * 0.9
    assert longest.pk in _found(tail)


def test_filters_by_agency_category_and_year(corpus_items: dict[str, Item], staff: dict[str, Any]) -> None:
    other = publish_item(
        staff["cn_clerk"],
        staff["cn_head"],
        staff["cn"],
        title="苍南县推进政务公开工作",
        body="全面推进政务公开",
        on=dt.date(2022, 3, 1),
    )
    everything = _found("政务公开")
    assert other.pk in everything
    every = set(_everything("政务公开"))

    def found(filters: search.Filters) -> set[int]:
        return set(search.search("政务公开", filters, limit=50).ids)

    in_hy = found(search.Filters(agency_path=staff["hy"].path))
    assert other.pk not in in_hy and in_hy == every - {other.pk}
    assert found(search.Filters(agency_path=staff["zj"].path)) == every  # the province covers its subtree
    assert found(search.Filters(year=2022)) == {other.pk}
    assert found(search.Filters(category="work")) == {other.pk}


def test_withdrawn_items_leave_the_search(corpus_items: dict[str, Item], staff: dict[str, Any]) -> None:
    item = next(i for i in corpus_items.values() if contains(i.body, "最多跑一次"))
    services.withdraw(staff["head"], item, "更正后重新发布")
    assert item.pk not in _found("最多跑一次")


def test_portal_search_page_in_chinese(corpus_items: dict[str, Item], client: Client) -> None:
    response = client.get("/portal/search/", {"q": "最多跑一次"})
    page = response.content.decode()
    expected = [i for i in corpus_items.values() if contains(i.body, "最多跑一次")]
    assert f"找到 {len(expected)} 条结果" in page
    for item in expected:
        assert f"/portal/002541000/items/{item.serial_key}/" in page
    assert "<mark>最多跑一次</mark>" in page
    assert "没有找到" in client.get("/portal/search/", {"q": "量子计算"}).content.decode()
    api = client.get("/api/portal/search", {"q": "最多跑一次"}).json()
    assert {i["id"] for i in api["items"]} == {i.pk for i in expected}


def test_every_search_plan_gives_the_same_answers(
    corpus_items: dict[str, Item], staff: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL picks a plan by how common a word is and how selective the filters are (bounded
    windows of the newest ids, key lookups, the whole GIN list): each must give the same hits."""
    words = ["最多跑一次", "政务公开", "营商环境 行政复议", "跑", "量子计算"]
    wanted = {
        w: (search.search(w, limit=50).ids, search.search(w, search.Filters(year=2021), limit=50).ids) for w in words
    }
    for window, selective in ((1, 0), (2, 10_000), (4, 0), (10**9, 0)):
        monkeypatch.setattr(search, "WINDOW", window)
        monkeypatch.setattr(search, "SELECTIVE", selective)
        monkeypatch.setattr(search, "SQLITE_WINDOW", window)
        monkeypatch.setattr(search, "SQLITE_SELECTIVE", selective)
        for word, (everywhere, in_2021) in wanted.items():
            assert search.search(word, limit=50).ids == everywhere, (word, window)
            assert search.search(word, search.Filters(year=2021), limit=50).ids == in_2021, (word, window)
            hits = search.search(word, limit=2, offset=1)
            assert hits.ids == everywhere[1:3]


def test_a_repealed_document_is_marked_in_the_results(
    corpus_items: dict[str, Item], staff: dict[str, Any], client: Client
) -> None:
    expected = [i for i in corpus_items.values() if contains(i.body, "最多跑一次")]
    repealed = expected[0]
    Item.objects.filter(pk=repealed.pk).update(repealed_on=dt.date(2022, 1, 1))
    page = client.get("/portal/search/", {"q": "最多跑一次"}).content.decode()
    marks = re.findall(r'href="([^"]+)">[^<]*</a> <span class="badge overdue validity">已废止</span>', page)
    assert marks == [f"/portal/002541000/items/{repealed.serial_key}/"]


def test_words_and_abbreviations_find_more_but_exact_phrases_come_first(staff: dict[str, Any]) -> None:
    """D13: 就业补贴 finds 就业创业补贴, 低保 finds 最低生活保障 (and back), 部门预算2025 finds 2025年部门预算;
    an item holding the query as written always ranks above one holding it in other words."""

    def item(title: str, n: int) -> Item:
        return publish_item(
            staff["clerk"], staff["head"], staff["hy"], title=title, body="", on=dt.date(2025, 3, 1 + n)
        )

    # The related items are the newer ones: exact phrases rank first for what they are, not their age.
    exact_grant = item("关于申领就业补贴的通知", 0)
    grant = item("海盐县2025年就业创业补贴政策", 1)
    item("2025年惠农补贴发放名单", 2)  # 补贴 without 就业: never found by 就业补贴
    exact_abbr = item("2025年第一季度低保对象名单公示", 3)
    full = item("关于调整城乡居民最低生活保障标准的通知", 4)
    budget = item("海盐县2025年部门预算", 5)

    def ranked(query: str) -> tuple[list[int], list[int]]:
        hits = search.search(query, limit=20)
        assert hits.exact is not None and hits.count == len(hits.ids)
        return hits.ids[: hits.exact], hits.ids[hits.exact :]

    assert ranked("就业补贴") == ([exact_grant.pk], [grant.pk])
    assert ranked("低保") == ([exact_abbr.pk], [full.pk])
    assert ranked("最低生活保障") == ([full.pk], [exact_abbr.pk])
    assert ranked("部门预算2025") == ([], [budget.pk])
    assert ranked("海盐县 就业补贴") == ([], [grant.pk])  # every term must still occur
    # A page boundary falls between the exact and the related hits without losing or repeating one.
    first, second = search.search("低保", limit=1), search.search("低保", limit=1, offset=1)
    assert first.ids == [exact_abbr.pk] and second.ids == [full.pk] and first.count == second.count == 2
    assert (first.exact, second.exact) == (1, 0)


def test_the_portal_says_where_the_related_results_begin(staff: dict[str, Any], client: Client) -> None:
    for n, title in enumerate(["城乡居民最低生活保障标准", "低保对象名单"]):
        publish_item(staff["clerk"], staff["head"], staff["hy"], title=title, body="", on=dt.date(2025, 3, 1 + n))
    page = client.get("/portal/search/", {"q": "低保"}).content.decode()
    assert "找到 2 条结果" in page
    exact, note, related = page.index("低保对象名单"), page.index('id="related-note"'), page.index("最低生活保障标准")
    assert exact < note < related
    api = client.get("/api/portal/search", {"q": "低保"}).json()
    assert [i["title"] for i in api["items"]] == ["低保对象名单", "城乡居民最低生活保障标准"]


def test_the_search_api_says_which_results_hold_the_terms_as_written(
    staff: dict[str, Any], client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each result of ``/api/portal/search`` says ``exact`` (the query as written; ranked first) or
    ``widened`` (its words anywhere, or an abbreviation for a full name), on every page."""
    titles = ["城乡居民最低生活保障标准", "低保对象名单", "低保资金发放情况", "最低生活保障审批办法"]
    for n, title in enumerate(titles):
        publish_item(staff["clerk"], staff["head"], staff["hy"], title=title, body="", on=dt.date(2025, 3, 1 + n))

    def matches(query: str, page: int = 1) -> list[tuple[str, str]]:
        answer = client.get("/api/portal/search", {"q": query, "page": str(page)}).json()
        return [(i["title"], i["match"]) for i in answer["items"]]

    assert matches("低保") == [
        ("低保资金发放情况", "exact"),
        ("低保对象名单", "exact"),
        ("最低生活保障审批办法", "widened"),
        ("城乡居民最低生活保障标准", "widened"),
    ]
    assert matches("最低生活保障") == [
        ("最低生活保障审批办法", "exact"),
        ("城乡居民最低生活保障标准", "exact"),
        ("低保资金发放情况", "widened"),
        ("低保对象名单", "widened"),
    ]
    assert matches("对象名单") == [("低保对象名单", "exact")]  # nothing widened: every hit is exact
    assert matches("量子计算") == []
    # a page boundary between the exact and the widened hits: each page says it of its own items
    monkeypatch.setattr(queries, "PAGE_SIZE", 3)
    assert matches("低保", 1) == [
        ("低保资金发放情况", "exact"),
        ("低保对象名单", "exact"),
        ("最低生活保障审批办法", "widened"),
    ]
    assert matches("低保", 2) == [("城乡居民最低生活保障标准", "widened")]
    schema = client.get("/api/openapi.json").json()["components"]["schemas"]
    assert schema["SearchItem"]["properties"]["match"]["enum"] == ["exact", "widened"]
    assert (
        "match" in schema["SearchItem"]["required"]
        and "jieba" in schema["SearchItem"]["properties"]["match"]["description"]
    )
