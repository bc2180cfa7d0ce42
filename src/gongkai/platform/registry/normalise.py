"""Text as the confidentiality scan reads it: one spelling for the many ways a number can be written.

An ID number typed in full-width digits (``３３０４２４…``), with zero-width spaces between its
digits, or in Chinese numerals (``三三〇四二四…``) is the same ID number on the public page. Folding
the text first lets one set of patterns catch every spelling:

* NFKC: full-width digits, letters and punctuation become ASCII (``０``→``0``, ``＠``→``@``,
  ``－``→``-``, ``（``→``(``), the ideographic space a space, circled digits plain digits.
* Invisible characters (Unicode format characters: zero-width space and joiners, BOM, soft hyphen,
  bidi controls; combining marks; control characters other than line breaks and tabs) are dropped.
* Digits of any script become ASCII digits.
* Chinese numerals (〇一二…九, 零壹贰…玖, 幺) become digits, but only in a run holding at least
  ``NUMERAL_RUN`` of them, so that ordinary words (一二三, 二〇二〇年, 李四 before a number) stay.

Separators inside digit runs are not removed here: ``numbers.py`` decides which groups of digits
belong together, since removing them blindly would glue unrelated table figures into one number.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata

# Characters a numeral run may have between its digits (a space, a dash, a line break …).
SEPARATORS = " \t\r\n\u00a0-‐‑‒–—―−_./\\·・•()[]"
NUMERAL_RUN = 7  # fewest numerals in a run read as a number (an ID or phone has ≥ 11 digits)
_NUMERALS = {
    **dict.fromkeys("〇零洞", "0"),
    **dict.fromkeys("一壹幺", "1"),
    **dict.fromkeys("二贰貳两", "2"),
    **dict.fromkeys("三叁參", "3"),
    **dict.fromkeys("四肆", "4"),
    **dict.fromkeys("五伍", "5"),
    **dict.fromkeys("六陆陸", "6"),
    **dict.fromkeys("七柒", "7"),
    **dict.fromkeys("八捌", "8"),
    **dict.fromkeys("九玖", "9"),
}
_NUMERAL_TABLE = str.maketrans(_NUMERALS)
_DIGIT_LIKE = "0-9" + "".join(_NUMERALS)
_SEP_CLASS = re.escape(SEPARATORS)
# A digit-like character, then (at most three separators and a digit-like character) repeated. The
# two classes are disjoint, so each character is consumed once: linear time.
_NUMERAL_RUN_RE = re.compile(f"[{_DIGIT_LIKE}](?:[{_SEP_CLASS}]{{0,3}}[{_DIGIT_LIKE}])*")
_HAS_NUMERAL = re.compile(f"[{''.join(_NUMERALS)}]")
_NUMERAL_RE = re.compile(f"[{''.join(_NUMERALS)}]")


@functools.cache
def _fold_table() -> dict[int, str | None]:
    """Code point → replacement: invisible characters dropped, other scripts' digits made ASCII.

    Built once (a pass over all code points takes a fraction of a second)."""
    table: dict[int, str | None] = {}
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        category = unicodedata.category(char)
        if category in ("Cf", "Mn", "Me") or (category == "Cc" and char not in "\n\t\r"):
            table[code] = None
        elif category == "Nd" and not ("0" <= char <= "9"):
            table[code] = str(unicodedata.digit(char))
    table[0x3164] = table[0x115F] = table[0x1160] = table[0xFFA0] = None  # Hangul fillers: blank letters
    return table


def _numerals(match: re.Match[str]) -> str:
    run = match.group()
    if len(_NUMERAL_RE.findall(run)) < NUMERAL_RUN:
        return run  # a name before a number (李四440301…) keeps its 四
    return run.translate(_NUMERAL_TABLE)


def fold(text: str) -> str:
    """``text`` in the one spelling the scan matches against (see the module's docstring)."""
    text = unicodedata.normalize("NFKC", text).translate(_fold_table())
    if _HAS_NUMERAL.search(text):
        text = _NUMERAL_RUN_RE.sub(_numerals, text)
    return text
