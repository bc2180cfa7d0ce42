from __future__ import annotations

from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "gongkai.platform.letters"
    label = "letters"
    verbose_name = "答复告知书"

    def ready(self) -> None:
        from ..desk.signals import case_changed
        from .issue import on_case_changed

        case_changed.connect(on_case_changed, dispatch_uid="letters.issue")
