"""Template context: the user's role, for menus."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .models import Role
from .permissions import role_of


def role(request: HttpRequest) -> dict[str, Any]:
    current = role_of(getattr(request, "user", None))
    return {
        "role": current,
        "role_label": Role(current).label if current else "",
        "is_staff_role": current in (Role.CLERK, Role.HEAD),
        "is_supervisor": current == Role.SUPERVISOR,
        "is_admin_role": current == Role.ADMIN,
    }
