"""Finding cases: the desk list's search box, filters and sort (pages, export and API alike)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from .models import Application, Status

SORTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "due": ("答复期限（先到期在前）", ("due_date", "id")),
    "newest": ("提交日期（新的在前）", ("-submitted_on", "-id")),
    "oldest": ("提交日期（早的在前）", ("submitted_on", "id")),
    "received": ("收到日期（新的在前）", ("-receipt_date", "-id")),
    "decided": ("答复日期（新的在前）", ("-decided_on", "-id")),
}


@dataclass(frozen=True)
class Criteria:
    q: str = ""  # tracking code (with or without dashes), applicant, or words of the content
    date_from: dt.date | None = None  # submitted on or after
    date_to: dt.date | None = None
    status: str = ""
    sort: str = ""

    @classmethod
    def from_query(cls, params: Any) -> Criteria:
        def day(name: str) -> dt.date | None:
            try:
                return dt.date.fromisoformat(params.get(name, "") or "")
            except ValueError:
                return None

        status = params.get("status", "")
        sort = params.get("sort", "")
        return cls(
            q=(params.get("q") or "").strip()[:100],
            date_from=day("from"),
            date_to=day("to"),
            status=status if status in Status.values else "",
            sort=sort if sort in SORTS else "",
        )

    @property
    def active(self) -> bool:
        return bool(self.q or self.date_from or self.date_to or self.status)


def _code(text: str) -> str | None:
    compact = "".join(ch for ch in text.upper() if ch.isalnum())
    return f"{compact[:4]}-{compact[4:8]}-{compact[8:]}" if len(compact) == 12 and compact.isascii() else None


def filtered(cases: QuerySet[Application], criteria: Criteria, *, names: bool) -> QuerySet[Application]:
    """``names``: whether the searcher may search by applicant (the handling office only)."""
    if criteria.q:
        match = (
            Q(description__icontains=criteria.q)
            | Q(clarified_description__icontains=criteria.q)
            | Q(tracking_code__icontains=criteria.q)
        )
        if code := _code(criteria.q):
            match |= Q(tracking_code=code)
        if names:
            match |= Q(applicant_name__icontains=criteria.q)
        cases = cases.filter(match)
    if criteria.date_from:
        cases = cases.filter(submitted_on__gte=criteria.date_from)
    if criteria.date_to:
        cases = cases.filter(submitted_on__lte=criteria.date_to)
    if criteria.status:
        cases = cases.filter(status=criteria.status)
    return cases


def ordered(cases: QuerySet[Application], criteria: Criteria, default: tuple[str, ...]) -> QuerySet[Application]:
    return cases.order_by(*(SORTS[criteria.sort][1] if criteria.sort else default))
