from __future__ import annotations

# The registry's office fixture, and the platform's browser fixtures (Debian's chromium, a context per
# person, sign-in): one definition each.
from tests.platform.e2e.conftest import browser, fill_form, login, open_page
from tests.platform.registry.conftest import staff

__all__ = ["browser", "fill_form", "login", "open_page", "staff"]
