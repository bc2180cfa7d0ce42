"""What the desk announces: a case changed (inside the change's transaction, after its audit entry).

Receivers (the letters of record, notifications) act on ``action`` — one of ``audit.labels.Action`` —
and must not change the case. They run in the same transaction: a letter is issued with the state
that produced it, or not at all.
"""

from __future__ import annotations

from django.dispatch import Signal

case_changed = Signal()  # sender=Application, case=, action=, actor=
