from __future__ import annotations

from tests.platform.registry.conftest import staff

__all__ = ["staff"]
