"""The office's own table 二 figures (what the registry cannot count), each row with its source."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ...report.templates import Kind, template_for_year
from ..accounts.models import Actor, stored_user
from ..accounts.permissions import PermissionDenied, may_change_agency_records
from ..agencies.models import Agency
from ..audit.labels import Action
from ..audit.services import record
from ..locking import locked
from .models import ActiveFigures
from .services import RegistryError
from .tables import COUNTED_ROWS


def _number(value: Any, kind: Kind, where: str) -> int | float:
    if value in ("", None):
        return 0
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        try:
            value = float(text) if "." in text else int(text)
        except ValueError:
            raise RegistryError(f"{where}：“{value}”不是数字 / not a number") from None
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise RegistryError(f"{where}：不是数字 / not a number")
    if kind != Kind.MONEY and value != int(value):
        raise RegistryError(f"{where}：须为整数 / must be a whole number")
    if kind != Kind.CHANGE and value < 0:
        raise RegistryError(f"{where}：不能为负数 / must not be negative")
    return value if kind == Kind.MONEY else int(value)


def save_figures(
    actor: Actor, agency: Agency, year: int, values: dict[str, dict[str, Any]], sources: dict[str, str]
) -> ActiveFigures:
    """Store the entered rows of ``year``'s template; a row with any figure needs its source."""
    if not may_change_agency_records(actor, agency):
        raise PermissionDenied("只有本机关政府信息公开工作机构可以填报 / only the agency's office enters figures")
    template = template_for_year(year)
    clean: dict[str, dict[str, int | float]] = {}
    clean_sources: dict[str, str] = {}
    for row in template.active_rows:
        if row.key in COUNTED_ROWS:
            if any(values.get(row.key, {}).values()):
                raise RegistryError(f"{row.label}由主动公开目录统计，不能填报 / counted from the registry, not entered")
            continue
        given = values.get(row.key) or {}
        clean[row.key] = {f.key: _number(given.get(f.key), f.kind, f"{row.label}·{f.label}") for f in row.fields}
        source = (sources.get(row.key) or "").strip()
        if any(clean[row.key].values()) and not source:
            raise RegistryError(f"{row.label}：请注明数据来源 / say where the figures come from")
        if source:
            clean_sources[row.key] = source
    with transaction.atomic():
        stored, _ = ActiveFigures.objects.get_or_create(agency=agency, year=year)
        stored = locked(ActiveFigures, stored.pk)  # the "before" of the audit entry is what this change replaced
        before = {"values": stored.values, "sources": stored.sources}
        stored.values, stored.sources, stored.updated_by = clean, clean_sources, stored_user(actor)
        stored.save()
        record(
            actor,
            Action.REGISTRY_FIGURES,
            stored,
            before=before,
            after={"values": clean, "sources": clean_sources},
            agency=agency,
        )
    return stored
