"""ID numbers, mobile numbers and bank cards in folded text (see ``normalise.fold``), however split.

A number may be written whole (``330424198001011234``) or in groups (``330424 19800101 1234``,
``138.1234.5678``, ``(138)1234-5678``, ``6222 0212 3456 7890 128``), or broken over two lines.
The text is cut into groups of digits; neighbouring groups with only a few separators between
them (spaces, dashes, dots, slashes, parentheses, a line break) form a chain, and every run of
whole groups in a chain is a candidate. A candidate must start and end at a group's edge, so
``…1234 2份`` still yields the ID before the ``2``, and digits glued to other digits never match.

Each kind has a test that keeps table figures and dates from passing for personal data:

* 18-digit ID (GB 11643): a real province code, a real birth date (1900 to this year), and the
  check character; written as one unbroken number, a wrong check character is still flagged (a
  mistyped ID is still someone's ID; region and date already make a chance match rare).
* 15-digit ID (before 1999): province code and a real date (19YYMMDD), unbroken or 6-6-3.
* Mobile: ``1[3-9]`` and 11 digits, with an optional ``86``/``0086`` prefix; unbroken, or grouped
  the way people write phones (3-4-4, 3-8, 7-4), and then only when the groups are the whole
  chain (not three figures of a table row) and split by at most one line break.
* Bank card: 16–19 digits with a UnionPay/Visa/Mastercard prefix and a valid Luhn digit; unbroken
  or in groups of four.

A number in three or more groups counts only when its groups are the whole chain, and an ID only
in the shapes IDs are written in (6-8-4, 6-4-4-4 …): inside a longer chain, groups are a table
row's figures that happen to add up. On 13.5 M characters of random table figures this took the
false findings from 170 to 0 (``bench/scan.py`` counts them). A number written digit by digit
(``1 3 8 1 2 3 4 5 6 7 8``) is likewise read only as a whole chain.

Time is linear: one pass of a simple regex over the text, and per group at most a bounded number
of candidates (no candidate is longer than 19 digits).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .normalise import SEPARATORS

# The weights and check characters of GB 11643 (居民身份证号码).
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# GB/T 2260 province-level codes: the first two digits of every ID.
_PROVINCES = frozenset(
    {
        11,
        12,
        13,
        14,
        15,
        21,
        22,
        23,
        31,
        32,
        33,
        34,
        35,
        36,
        37,
        41,
        42,
        43,
        44,
        45,
        46,
        50,
        51,
        52,
        53,
        54,
        61,
        62,
        63,
        64,
        65,
        71,
        81,
        82,
        83,
        91,
    }
)
_GROUP = re.compile(r"[0-9]+")
_MAX_SEPARATOR = 8  # characters between two groups of one number (indentation after a line break)
_MAX_PUNCT = 2  # of which not whitespace
_LONGEST = 19 + 4  # digits of the longest candidate: a bank card, or 0086 and a mobile
_CARD_PREFIX = re.compile(r"62|4|5[1-5]")  # UnionPay, Visa, Mastercard
_MOBILE_DIGITS = re.compile(r"1[3-9][0-9]{9}")
_DECIMALS = re.compile(r"\.[0-9]{1,2}(?![0-9.])")
_LENGTHS = frozenset({11, 13, 15, 16, 17, 18, 19})
_MAX_GROUPS = 6  # of a number in groups (6-4-4-4, 3-3-4-4-4, 0086-138-1234-5678 …), or digit by digit
# 6-8-4 (region, birth date, sequence), 6-4-4-4, 3-3-4-4-4, fours; anything else in 3+ groups is a
# run of table figures far more often than an ID.
_ID_SHAPES = frozenset(
    {(6, 8, 4), (6, 4, 4, 4), (3, 3, 4, 4, 4), (4, 4, 4, 4, 2), (6, 6, 6), (6, 4, 2, 2, 4), (6, 8, 3, 1)}
)
_MOBILE_SHAPES = frozenset({(11,), (3, 4, 4), (3, 8), (7, 4), (4, 3, 4), (1,) * 11})
_PUNCT = frozenset(SEPARATORS) - frozenset(" \t\r\n\u00a0")


@dataclass(frozen=True)
class Number:
    kind: str  # id_number / mobile / bank_card
    text: str  # as written (folded), for the masked excerpt
    start: int
    end: int


def id_checksum_ok(number: str) -> bool:
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17].upper()


def luhn_ok(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _date_ok(year: int, month: int, day: int) -> bool:
    if not 1900 <= year <= dt.date.today().year:
        return False
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _region_ok(digits: str) -> bool:
    return int(digits[:2]) in _PROVINCES


def is_id18(digits: str, *, whole: bool) -> bool:
    """``digits``: 17 digits and a check character. ``whole``: written as one unbroken number."""
    if len(digits) != 18 or not _region_ok(digits):
        return False
    if not _date_ok(int(digits[6:10]), int(digits[10:12]), int(digits[12:14])):
        return False
    return whole or id_checksum_ok(digits)


def is_id15(digits: str) -> bool:
    return (
        len(digits) == 15
        and _region_ok(digits)
        and _date_ok(1900 + int(digits[6:8]), int(digits[8:10]), int(digits[10:12]))
    )


def _id_shape(shape: tuple[int, ...]) -> bool:
    """Whether 18 digits in groups of these sizes are written the way IDs are (a trailing 1 may be the X)."""
    if len(shape) <= 2 or all(n == 1 for n in shape):  # unbroken, split once (a line break), digit by digit
        return True
    if shape[-1] == 1 and sum(shape[-2:]) in (3, 4):  # …002 X, …0 0 2 X: the check character on its own
        shape = (*shape[:-2], shape[-2] + 1)
    return shape in _ID_SHAPES


def _joins(separator: str) -> bool:
    """Whether two digit groups with ``separator`` between them may be one number."""
    if not separator or len(separator) > _MAX_SEPARATOR:
        return False
    punct = 0
    for ch in separator:
        if ch in _PUNCT:
            punct += 1
        elif not ch.isspace():
            return False
    return punct <= _MAX_PUNCT


def _chains(text: str) -> Iterator[list[re.Match[str]]]:
    chain: list[re.Match[str]] = []
    for group in _GROUP.finditer(text):
        if chain and not _joins(text[chain[-1].end() : group.start()]):
            yield chain
            chain = []
        chain.append(group)
    if chain:
        yield chain


def _check_x(text: str, end: int) -> int:
    """The end of an ID's check character X right after ``end`` (directly or after one separator), or 0."""
    for offset in (0, 1):
        at = end + offset
        if at < len(text) and text[at] in "Xx" and (offset == 0 or _joins(text[end:at])):
            after = text[at + 1 : at + 2]
            if not (after.isascii() and after.isalnum()):
                return at + 1
    return 0


def _mobile(text: str, chain: list[re.Match[str]], i: int, j: int, digits: str, shape: tuple[int, ...]) -> bool:
    prefix = ""
    if len(shape) > 1 and chain[i].group() in ("86", "0086"):
        prefix, digits, shape = chain[i].group(), digits[len(chain[i].group()) :], shape[1:]
    elif len(shape) == 1 and len(digits) in (13, 15) and digits.startswith(("86", "0086")):
        digits = digits[len(digits) - 11 :]
        shape = (11,)
    if len(digits) != 11 or not _MOBILE_DIGITS.fullmatch(digits) or shape not in _MOBILE_SHAPES:
        return False
    if len(shape) == 1:
        return True
    # Grouped: the groups (with their prefix) must be the whole chain, and at most one line break.
    if i != 0 or j != len(chain) - 1:
        return False
    start = chain[i + (1 if prefix else 0)].start()
    return text[start : chain[j].end()].count("\n") <= 1


def find_numbers(text: str) -> Iterator[Number]:
    """Every ID, mobile and bank card number in folded ``text`` (longest reading first, no overlaps)."""
    for chain in _chains(text):
        groups = [m.group() for m in chain]
        lengths = [len(g) for g in groups]
        if sum(lengths) < 11:
            continue  # too few digits for any number: most chains (dates, figures) stop here
        if len(chain) >= 11 and max(lengths) == 1:  # written digit by digit: the whole chain or nothing
            found = _classify(text, chain, 0, len(chain) - 1, "".join(groups), tuple(lengths))
            if found is not None:
                yield found
            continue
        taken = -1  # end of the last number found in this chain: numbers do not overlap
        for i in range(len(chain)):
            if chain[i].start() < taken:
                continue
            digits = ""
            best: Number | None = None
            for j in range(i, min(i + _MAX_GROUPS, len(chain))):
                digits += groups[j]
                if len(digits) > _LONGEST:
                    break
                if len(digits) in _LENGTHS:
                    found = _classify(text, chain, i, j, digits, tuple(lengths[i : j + 1]))
                    if found is not None:
                        best = found  # keep extending: the longest reading wins (a card over a phone)
            if best is not None:
                taken = best.end
                yield best


def _classify(
    text: str, chain: list[re.Match[str]], i: int, j: int, digits: str, shape: tuple[int, ...]
) -> Number | None:
    found = _read(text, chain, i, j, digits, shape)
    if found is None:
        return None
    start, end = chain[i].start(), chain[j].end()
    if _DECIMALS.match(text, end) or (start > 1 and text[start - 1] == "." and text[start - 2].isdigit()):
        return None  # an amount with its decimals (13456789012.50元), or the decimals of one
    return found


def _read(text: str, chain: list[re.Match[str]], i: int, j: int, digits: str, shape: tuple[int, ...]) -> Number | None:
    start, end = chain[i].start(), chain[j].end()
    whole = len(shape) == 1
    # Three or more groups are a number only when they are the whole chain: in a longer chain they are
    # figures of a table row that happen to add up.
    alone = len(shape) <= 2 or (i == 0 and j == len(chain) - 1)
    size = len(digits)
    if size == 17:
        x_end = _check_x(text, end)
        if x_end and alone and _id_shape((*shape, 1)) and is_id18(digits + "X", whole=whole and x_end == end + 1):
            return Number("id_number", text[start:x_end], start, x_end)
    elif size == 18:
        if alone and _id_shape(shape) and is_id18(digits, whole=whole):
            return Number("id_number", text[start:end], start, end)
    elif size == 15 and (whole or (shape == (6, 6, 3) and alone)) and is_id15(digits):
        return Number("id_number", text[start:end], start, end)
    if (
        size >= 16
        and (whole or (alone and all(n == 4 for n in shape[:-1])))
        and _CARD_PREFIX.match(digits)
        and luhn_ok(digits)
    ):
        return Number("bank_card", text[start:end], start, end)
    if size in (11, 13, 15) and _mobile(text, chain, i, j, digits, shape):
        if start > 0 and text[start - 1] == "+":  # +86…
            start -= 1
        return Number("mobile", text[start:end], start, end)
    return None
