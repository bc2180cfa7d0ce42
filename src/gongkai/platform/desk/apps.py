from __future__ import annotations

from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "gongkai.platform.desk"
    label = "desk"
    verbose_name = "依申请公开"

    def ready(self) -> None:
        from typing import Any

        from ..workdays.signals import schedule_changed
        from .services import recompute_due_dates

        def on_schedule_changed(sender: Any, actor: Any = None, **kwargs: Any) -> int:
            return recompute_due_dates(actor)

        # weak=False: the closure has no other reference that would keep it alive
        schedule_changed.connect(on_schedule_changed, weak=False, dispatch_uid="desk.recompute_due_dates")
