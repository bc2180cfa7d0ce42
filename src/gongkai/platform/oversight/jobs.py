"""The one door to background work: today it runs the job inline.

When the task queue (issue 11) is merged, ``run_job`` sends the job there instead; callers do not
change. Jobs take only plain arguments (ids), so they can be queued as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def run_job(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run ``func(*args, **kwargs)`` — inline for now — and return its result."""
    return func(*args, **kwargs)
