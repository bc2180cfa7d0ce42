"""The catalogue's pages read their ids from the index first (``queries.page_of``), and every portal page
finds its agency through the cache: neither may change what the public sees."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.cache import cache
from django.test import Client

from gongkai.platform.portal import queries
from gongkai.platform.registry import services
from tests.platform.registry.helpers import publish_item

ROW_TITLE = re.compile(r"第(\d+)号工作动态")


def _titles(client: Client, **params: Any) -> list[int]:
    page = client.get("/portal/002541000/catalogue/", params).content.decode()
    return [int(n) for n in ROW_TITLE.findall(page)]


def test_pages_run_newest_first_without_gaps_or_repeats(staff: dict[str, Any], client: Client) -> None:
    clerk, head, hy = staff["clerk"], staff["head"], staff["hy"]
    first = dt.date(2021, 1, 1)
    for n in range(45):  # two of them on each day: the id breaks the tie, newest first
        publish_item(clerk, head, hy, title=f"第{n}号工作动态", made_on=first, on=first + dt.timedelta(days=n // 2))
    draft = services.create_item(clerk, hy, category="work", title="第99号工作动态", made_on=first)
    assert draft.status != "published"

    pages = [_titles(client, page=n) for n in (1, 2, 3)]
    assert [len(p) for p in pages] == [queries.PAGE_SIZE, queries.PAGE_SIZE, 5]
    # every item once, newest first, the draft never
    assert [n for page in pages for n in page] == list(range(44, -1, -1))
    assert _titles(client, page=4) == []
    assert _titles(client, page=2, year=2021)[:3] == [24, 23, 22]


def test_a_renamed_agency_shows_at_once(staff: dict[str, Any], client: Client) -> None:
    hy = staff["hy"]
    assert hy.name in client.get("/portal/002541000/catalogue/").content.decode()
    assert cache.get(queries.agency_cache_key("002541000")) is not None  # the lookup was kept

    hy.name = "海盐县人民政府（更名）"
    hy.save()
    assert cache.get(queries.agency_cache_key("002541000")) is None
    assert "海盐县人民政府（更名）" in client.get("/portal/002541000/catalogue/").content.decode()


def test_a_hostile_address_is_never_a_cache_key(staff: dict[str, Any], client: Client) -> None:
    key = "x" * 300 + "%0a"
    assert client.get(f"/portal/{key}/catalogue/").status_code == 404
    assert client.get("/portal/不存在/catalogue/").status_code == 404
