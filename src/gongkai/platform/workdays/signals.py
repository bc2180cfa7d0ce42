"""What the calendar announces: a year's holiday schedule was entered or changed.

The desk listens (its due dates are counted in working days) without the calendar importing it:
``workdays`` is a foundation app that knows nothing of the apps built on it.
"""

from __future__ import annotations

from django.dispatch import Signal

from ..accounts.models import Actor

# sent with actor=<who entered it>, year=<int>; receivers return how many records they changed
schedule_changed = Signal()


def announce_schedule_change(actor: Actor, year: int) -> int:
    """Send ``schedule_changed``; the number of records the receivers changed (due dates …)."""
    changed = 0
    for _receiver, result in schedule_changed.send(sender=None, actor=actor, year=year):
        if isinstance(result, int):
            changed += result
    return changed
