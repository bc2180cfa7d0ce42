"""The web platform (Django 5.2): agencies, roles, the request desk, appeals, the annual report.

Settings live in :mod:`gongkai.platform.settings`; ``setup()`` configures Django for code that runs
outside ``manage.py`` (the CLI, tests, benchmarks).
"""

from __future__ import annotations

import os


def setup() -> None:
    """Point Django at the platform's settings and load the apps (idempotent)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.platform.settings")
    import django

    django.setup()
