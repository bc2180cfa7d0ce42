"""Shared steps of the registry tests: an office with a drafter and a reviewer, items taken through review."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gongkai.platform.registry import services
from gongkai.platform.registry.models import Item


def publish_item(clerk: Any, head: Any, agency: Any, *, on: dt.date | None = None, **fields: Any) -> Item:
    """Draft → submit → approve → publish, each through the services (as an office does it)."""
    fields.setdefault("category", "work")
    fields.setdefault("made_on", on or dt.date.today())
    item = services.create_item(clerk, agency, **fields)
    services.submit(clerk, item)
    services.approve(head, item)
    return services.publish(clerk, item, on=on)


def publish_document(
    staff: dict[str, Any], made: dt.date, published: dt.date, category: str = "normative", **fields: Any
) -> Item:
    """A 规范性文件 (or ``category``) of 海盐县 made on ``made`` and published on ``published``."""
    return publish_item(
        staff["clerk"],
        staff["head"],
        staff["hy"],
        category=category,
        made_on=made,
        on=published,
        title=fields.pop("title", f"文件 {made}"),
        **fields,
    )
