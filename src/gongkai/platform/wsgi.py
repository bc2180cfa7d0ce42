"""WSGI entry point: ``gongkai.platform.wsgi:application``."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.platform.settings")
application = get_wsgi_application()
