"""Bounds of the numbers a request may carry, in one place: a value outside them is refused (400/404/422)
before it reaches the database or the calendar, where it would raise (a 500) instead.

* API parameters: the ``Year``, ``Id``, ``Offset`` and ``Limit`` types (pydantic bounds, 422).
* Page URLs: the ``year`` path converter (4 digits in range, else 404).
* Page query strings: ``query_int`` / ``query_year`` / ``query_id`` (out of range → ignored).
* API request bodies: ``Input``, the base of every body schema: no NUL character (PostgreSQL refuses it:
  a 500) and no text longer than ``MAX_TEXT``; a field stored in a limited column says its limit with
  ``column(Model, "field")`` (SQLite would store more silently, PostgreSQL answer 500).
"""

from __future__ import annotations

from typing import Annotated, Any

from django.db.models import Model
from django.urls import register_converter
from ninja import Schema
from pydantic import ConfigDict, Field, field_validator

YEAR_MIN, YEAR_MAX = 1949, 2200  # the People's Republic … far enough ahead; dates of year ± 1 exist
MAX_ID = 2**63 - 1  # a 64-bit database key
MAX_OFFSET = 10**9
MAX_LIMIT = 5000
MAX_TEXT = 50_000  # characters of any one text field in a request body

Year = Annotated[int, Field(ge=YEAR_MIN, le=YEAR_MAX)]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Offset = Annotated[int, Field(ge=0, le=MAX_OFFSET)]
Limit = Annotated[int, Field(ge=1, le=MAX_LIMIT)]


def query_int(value: str | None, lowest: int, highest: int) -> int | None:
    """An integer query value within bounds, else None (the filter is then not applied)."""
    try:
        number = int(value) if value else None
    except ValueError:
        return None
    return number if number is not None and lowest <= number <= highest else None


def query_year(value: str | None) -> int | None:
    return query_int(value, YEAR_MIN, YEAR_MAX)


def query_id(value: str | None) -> int | None:
    return query_int(value, 1, MAX_ID)


class YearConverter:
    """``<year:year>`` in page URLs: four digits within the bounds (else the URL does not match: 404)."""

    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        year = int(value)
        if not YEAR_MIN <= year <= YEAR_MAX:
            raise ValueError(year)
        return year

    def to_url(self, value: int) -> str:
        return f"{int(value):04d}"


register_converter(YearConverter, "year")


class Input(Schema):
    model_config = ConfigDict(str_max_length=MAX_TEXT)

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("含有不允许的字符（NUL）/ contains a NUL character")
        return value


def column(model: type[Model], name: str) -> int:
    """The column limit of ``model.name`` (a CharField's max_length)."""
    limit = getattr(model._meta.get_field(name), "max_length", None)
    assert limit is not None, f"{model.__name__}.{name} has no max_length"
    return int(limit)
