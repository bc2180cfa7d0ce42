"""Rules for the whole suite.

In CI (``CI=true``) a skipped test is a failure: a test that found nothing to test (an empty
parameter set, a missing corpus, a missing service) must not pass as green. Tests that only make
sense on one database are deselected on the other (``@pytest.mark.postgres_only``), not skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.environment import in_ci


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome: Any = yield
    report = outcome.get_result()
    if in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, which counts as a failure: {reason}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect the PostgreSQL-only tests when the platform runs on SQLite, and the tests that start
    their own servers on both databases when the platform's suite runs again on PostgreSQL."""
    import os

    on_postgres = os.environ.get("GONGKAI_DATABASE_URL", "").startswith("postgres")
    unwanted = "own_servers" if on_postgres else "postgres_only"
    kept, dropped = [], []
    for item in items:
        (dropped if item.get_closest_marker(unwanted) else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
