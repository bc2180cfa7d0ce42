"""The catalogue's rows and its filters' options as HTML, made in Python.

The catalogue is the portal's busiest page; Django's template engine spent about half of its CPU in
three loops (about thirty category options, twenty years, twenty items), resolving each variable
through the context. The same markup made here, every text escaped by ``html.escape``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from html import escape

from django.utils.safestring import SafeString, mark_safe

from ..registry.categories import Category
from ..registry.models import Item

REPEALED = ' <span class="badge">已废止</span>'


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def category_options(categories: Iterable[Category], selected: str) -> SafeString:
    return mark_safe(  # every text escaped
        "".join(
            f'<option value="{escape(c.key)}"{" selected" if c.key == selected else ""}>'
            f"{escape(c.group)} · {escape(c.label)}</option>"
            for c in categories
        )
    )


def year_options(years: Iterable[int], selected: int | None) -> SafeString:
    return mark_safe("".join(f"<option{' selected' if y == selected else ''}>{y}</option>" for y in years))


def catalogue_rows(items: Iterable[Item], key: str) -> SafeString:
    """A ``<tr>`` per item: 索引号, the title linking to the item (已废止 when repealed), 文号, dates."""
    key = escape(key)
    return mark_safe(  # every text escaped
        "\n".join(
            f"<tr><td>{escape(item.index_number)}</td>"
            f'<td><a href="/portal/{key}/items/{item.index_year}-{item.index_serial}/">{escape(item.title)}</a>'
            f"{REPEALED if item.repealed_on else ''}</td>"
            f"<td>{escape(item.doc_number)}</td><td>{_day(item.made_on)}</td><td>{_day(item.published_on)}</td></tr>"
            for item in items
        )
    )
