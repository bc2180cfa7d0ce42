"""A title an OCR misread: a look-alike letter in the year (``2o19``, ``202Z``, ``20l8``) and,
with it, most likely a character of the agency's name (``民政后`` for ``民政局``).

A searchable scan's title is the largest type on the page and the OCR's worst line. Its year is
read back (each look-alike letter as its digit) so the title still names the report; a title that
needed it is a slipped title: the agency is then taken from the signature when the signature names
the same body but for one character (a misread, not another body), and both are named in
``uncertain`` for a person to check. No year is read from letters alone: the year must be 19xx or
20xx once read, with at least one real digit left.
"""

from __future__ import annotations

import re

_AS_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", "S": "5", "B": "8", "Z": "2"})
# Four characters before 年, digits and look-alike letters, at least one of each
_SLIPPED_YEAR = re.compile(r"(?<![0-9A-Za-z])(?=[0-9]{0,3}[OoIlSBZ|])(?=[OoIlSBZ|]{0,3}[0-9])[0-9OoIlSBZ|]{4}(?=\s*年)")


def _read(match: re.Match[str]) -> str:
    year = match.group().translate(_AS_DIGITS)
    return year if year[:2] in ("19", "20") else match.group()


def mend_title_year(text: str) -> str:
    """``text`` with a year the OCR misread before 年 read back (``2o19年`` → ``2019年``)."""
    if not any(c in text for c in "OoIlSBZ|"):
        return text
    return _SLIPPED_YEAR.sub(_read, text)


def slipped(text: str) -> bool:
    """Whether ``text`` (a title) holds a year the OCR misread."""
    return mend_title_year(text) != text


def one_apart(a: str, b: str) -> bool:
    """Two names of the same length that differ in one character."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def body_name(name: str, body: str) -> str | None:
    """The name the body prints at least twice that is ``name`` but for one character (the body's
    type read right where the title's big type was misread), or None (none, or two such names)."""
    if not 3 <= len(name) <= 40:
        return None
    slips = (f"{re.escape(name[:i])}[^\\s\\d]{re.escape(name[i + 1 :])}" for i in range(len(name)))
    pattern = re.compile("|".join(slips))  # each slip a literal but one character: linear
    counts: dict[str, int] = {}
    for match in pattern.finditer(body):
        if match.group() != name:
            counts[match.group()] = counts.get(match.group(), 0) + 1
    best = [found for found, n in counts.items() if n >= 2]
    return best[0] if len(best) == 1 else None
