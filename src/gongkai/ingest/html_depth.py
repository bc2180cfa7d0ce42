"""Cap how deep a web page nests, before the HTML parser sees it.

The HTML tree builder checks, for every start tag, whether an element is "in scope" by walking
down the stack of open elements: a page nested n deep costs O(n²) to parse (lexbor: 30,000 nested
``<div>`` take 3.6 s, 500,000 would take hours). No real page nests past a few dozen levels;
Chrome's parser stops nesting at 512 and puts deeper elements beside each other instead. This
does the same on the text: a start tag that would open an element deeper than ``MAX_DEPTH`` is
dropped with its matching end tag, and the text inside stays, one level up. The walk down the
stack stops at a table (a scope boundary), so depth is counted from the innermost table, and a
table is never dropped: the statutory tables of a page wrapped in 100,000 ``<div>`` still read.

Only a page of more than ``_SCAN_FROM`` tags is scanned, in a single linear pass over the tags;
elements that close themselves or may be left open (``<br>``, ``<p>``, ``<td>`` …) do not count,
and comments and script, style or title contents are stepped over, as the parser does.
"""

from __future__ import annotations

import functools
import re

MAX_DEPTH = 512
_TOKEN = re.compile(r"<(?:(/?)([A-Za-z][A-Za-z0-9:_-]*)|!--)")
# Void elements, and those whose end tag may be left out (the parser closes them itself).
_UNCOUNTED = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
        "basefont",
        "bgsound",
        "frame",
        "image",
        "p",
        "li",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "option",
        "optgroup",
        "thead",
        "tbody",
        "tfoot",
        "colgroup",
        "caption",
        "rb",
        "rt",
        "rtc",
        "rp",
        "html",
        "head",
        "body",
    }
)
# Their content is text, not tags (svg and math are never read, so stepped over alike).
_RAW = frozenset(
    {
        "script",
        "style",
        "textarea",
        "title",
        "xmp",
        "iframe",
        "noembed",
        "noframes",
        "plaintext",
        "svg",
        "math",
    }
)
# A page with fewer tags parses in under half a second however it nests (lexbor: 10,000 nested
# divs in 0.4 s), so the scan, a few ms on a large report page, is spared for it.
_SCAN_FROM = 8192
_MATCH_WITHIN = 64  # an end tag closes the nearest open element of its name this near the top


@functools.cache
def _raw_end(name: str) -> re.Pattern[str]:
    return re.compile(f"</{name}", re.IGNORECASE)


def flatten_deep(text: str, limit: int = MAX_DEPTH) -> str:
    """``text`` with the tags that would nest deeper than ``limit`` removed (as a rule: unchanged)."""
    if text.count("<") <= max(limit, _SCAN_FROM):
        return text
    stack: list[str] = []
    tables: list[int] = []  # where in ``stack`` each open table is: depth counts from the last
    dropped: dict[str, int] = {}  # start tags dropped, by name: their end tags go too
    cuts: list[tuple[int, int]] = []
    next_close = -1  # the first ">" at or after the last place looked: never searched for twice
    skip_to = 0  # tags before this are inside a comment, a script or a cut tag
    for match in _TOKEN.finditer(text):
        if match.start() < skip_to:
            continue
        pos = match.end()
        name = match.group(2)
        if name is None:  # a comment
            end = text.find("-->", pos)
            if end < 0:
                break
            skip_to = end + 3
            continue
        name = name.lower()
        closing = bool(match.group(1))
        if closing and not dropped.get(name):
            for i in range(len(stack) - 1, max(-1, len(stack) - 1 - _MATCH_WITHIN), -1):
                if stack[i] == name:
                    del stack[i:]
                    while tables and tables[-1] >= i:
                        tables.pop()
                    break
            continue
        if not closing:
            if name in _UNCOUNTED:
                continue
            if name in _RAW:
                if name == "plaintext":
                    break
                found = _raw_end(name).search(text, pos)
                if found is None:
                    break
                skip_to = found.start()
                continue
            if name == "table":
                tables.append(len(stack))
                stack.append(name)
                continue
            if len(stack) - (tables[-1] + 1 if tables else 0) < limit:
                stack.append(name)
                continue
        # A start tag past the limit, or the end tag of one: cut out, up to its ">".
        dropped[name] = dropped.get(name, 0) + (-1 if closing else 1)
        if next_close < pos:
            next_close = text.find(">", pos)
            if next_close < 0:
                next_close = len(text)
        cuts.append((match.start(), min(next_close + 1, len(text))))
        skip_to = cuts[-1][1]
    if not cuts:
        return text
    pieces: list[str] = []
    last = 0
    for start, end in cuts:
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
