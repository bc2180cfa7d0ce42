"""What a report carries besides its three tables: where it came from and what the reading rests on.

``gongkai read`` writes, after the tables, ``source`` (the file), ``sections`` (the six numbered
parts of the text), ``provenance`` (cell path → where it was printed), ``uncertain`` (each
judgement made and each value left unknown) and ``findings`` (the checks' results). These are the
one shape of those keys: the readers produce them, the renderers and the platform consume them,
``Report.from_dict`` validates them (``gongkai schema`` shows them), and the JSON they write is
the JSON ``gongkai read`` has always written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Source:
    """The file a report was read from (``format``: text, html, docx, pdf …), or ``platform``
    for a report the platform compiled from its case records (no file)."""

    format: str
    file: str | None = None
    encoding: str | None = None
    pages: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"file": self.file, "format": self.format, "encoding": self.encoding}
        if self.pages is not None:
            data["pages"] = self.pages
        return data


PLATFORM = Source("platform")


@dataclass(frozen=True)
class SectionText:
    """One of the six numbered parts (一 … 六): its heading as printed and where, and its text
    (``None`` where the document has no such part). A part the statute does not name has no
    ``number``; a renderer places it by its ``title``, or keeps it under 六."""

    number: str = ""
    title: str = ""
    text: str | None = None
    printed: str | None = None
    where: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "title": self.title,
            "printed": self.printed,
            "where": self.where,
            "text": self.text,
        }


@dataclass(frozen=True)
class Doubt:
    """A judgement the reading made, or a value it left unknown: the cell (``requests.granted[0]``,
    ``appeals``, ``agency`` …), the value decided (``None``: unknown), why, and where."""

    cell: str
    value: Any
    reason_zh: str
    reason_en: str
    where: str | None = None
    # The readings the arithmetic could not choose between, for a person to decide.
    alternatives: list[list[Any]] | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "cell": self.cell,
            "value": self.value,
            "reason_zh": self.reason_zh,
            "reason_en": self.reason_en,
        }
        if self.where:
            data["where"] = self.where
        if self.alternatives:
            data["alternatives"] = self.alternatives
        return data


ENVELOPE_KEYS = ("source", "sections", "provenance", "uncertain", "findings")
