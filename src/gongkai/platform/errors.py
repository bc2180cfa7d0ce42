"""The one base of the platform's refusals: a rule said no, and the caller can do something about it.

Every app's error (``DeskError``, ``RegistryError`` …) derives from ``RuleError`` with its own
``code``; the API answers each with its HTTP ``status`` and ``{"detail": message, "code": code}``,
pages show the message. Messages are bilingual: Chinese for the office, English for developers.
"""

from __future__ import annotations


class RuleError(ValueError):
    """A request the platform's rules refuse (400)."""

    code = "rule"
    status = 400
