"""The suite's own isolation: each xdist worker keeps its files (the file cache above all) apart."""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings


def test_each_xdist_worker_has_a_data_directory_and_cache_of_its_own() -> None:
    # Shared, one worker's cache.clear() before a test emptied another's mid-test (a CI failure).
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    location = Path(settings.CACHES["default"]["LOCATION"])
    if worker:
        assert Path(settings.DATA_DIR).name == worker
    assert location.is_relative_to(settings.DATA_DIR)
