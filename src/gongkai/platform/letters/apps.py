from __future__ import annotations

from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "gongkai.platform.letters"
    label = "letters"
    verbose_name = "答复告知书"
