"""The registry over the JSON API: the same steps and permissions as the pages."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.test import Client

from gongkai.platform.registry.search import parse_query, tokens


def _post(client: Client, url: str, body: dict[str, Any] | None = None) -> Any:
    return client.post(url, data=json.dumps(body or {}), content_type="application/json")


def test_workflow_over_the_api(staff: dict[str, Any], client: Client) -> None:
    client.force_login(staff["clerk"])
    made = _post(
        client,
        "/api/registry/items",
        {
            "category": "normative",
            "title": "关于政务公开的实施办法",
            "made_on": dt.date.today().isoformat(),
            "body": "正文",
        },
    )
    assert made.status_code == 200, made.content
    item = made.json()
    assert item["status"] == "draft" and item["index_number"].startswith("002541000/")
    assert _post(client, f"/api/registry/items/{item['id']}/submit").json()["status"] == "submitted"
    assert _post(client, f"/api/registry/items/{item['id']}/approve").status_code == 403  # a clerk does not review

    client.force_login(staff["cn_head"])  # another agency's head: the item does not exist for him
    assert _post(client, f"/api/registry/items/{item['id']}/approve").status_code == 404

    client.force_login(staff["head"])
    assert _post(client, f"/api/registry/items/{item['id']}/return", {"comment": ""}).status_code == 400
    assert (
        _post(client, f"/api/registry/items/{item['id']}/approve", {"comment": "同意"}).json()["status"] == "approved"
    )
    assert _post(client, f"/api/registry/items/{item['id']}/publish", {}).json()["status"] == "published"
    table = client.get(f"/api/registry/table/{staff['hy'].pk}/{dt.date.today().year}").json()
    assert table["normative_documents"]["made"] == 1

    client.logout()
    assert client.get("/api/registry/items").status_code == 401
    found = client.get("/api/portal/search", {"q": "政务公开"}).json()
    assert [i["id"] for i in found["items"]] == [item["id"]]


def test_tokens_and_query_terms() -> None:
    assert tokens("最多跑一次") == ["最多", "多跑", "跑一", "一次", "次"]
    assert tokens("ＧＢ１１６４３，Abc") == ["gb11643", "abc"]
    (phrase,) = parse_query("最多跑一次")
    assert phrase.parts == ("最多", "多跑", "跑一", "一次") and not phrase.prefix
    (number,) = parse_query("盐政发〔2021〕12号")
    assert number.parts == ("盐政", "政发", "发", "2021", "12", "号") and number.prefix
    assert len(parse_query("政务公开 营商环境")) == 2
    assert parse_query("，。！") == []
