"""The lines a web browser prints at the edges of every page when a page is saved as PDF with its
headers and footers on (Chrome, Edge, Firefox: "Print → Save as PDF"), the way researchers collect
reports from portals in bulk: the print's date and time (``2021/1/29 下午3:25``, ``2024/2/19 08:15``)
with the page's title, the page's URL (``http://www.x.gov.cn/art/2021/1/29/art_1229_5812345.html``)
with a page counter (``1/5``), or ``第 1 页，共 5 页``. They are full of digits and stand between the
rows of a table the page cuts (a converter may even set them as a row of it); none is part of the
report, so they are dropped before anything is read.

A line is dropped only when the whole of it is such furniture: a date WITH a time of day first
(a report's own dates carry no time), a URL with at most a counter or a few words around it (the
page's title, a sidebar's heading run into it), a page counter ``n/m`` (n ≤ m) alone, or
``第 n 页，共 m 页`` (with the date after it). A table's row holds none of these.
"""

from __future__ import annotations

import re

# 2021/1/29 下午3:25 (a Chinese browser), 2021/1/29 15:25:07, 1/29/21, 3:25 PM (an English one)
_DATE_TIME = (
    r"(?:(?:19|20)\d{2}/\d{1,2}/\d{1,2}[ \u3000]*(?:[上下]午[ \u3000]*)?\d{1,2}:\d{2}(?::\d{2})?"
    r"|\d{1,2}/\d{1,2}/\d{2,4},?[ ]\d{1,2}:\d{2}(?::\d{2})?[ ]?[AP]M)"
)
_COUNTER = r"\d{1,3}[ \u3000]*/[ \u3000]*\d{1,3}"
_PAGE_OF = r"第[ \u3000]*\d{1,3}[ \u3000]*[页⻚][ \u3000]*[，,][ \u3000]*共[ \u3000]*\d{1,3}[ \u3000]*[页⻚]"
_URL = r"https?://[!-~]+"
_WORDS = r"[^\s，。；：,;:]{1,80}"  # the page's title (or a sidebar's heading) beside the URL
# (the words begin a line, matched whole: led by a look-behind that fails inside a run of them, so a
# search over a long run does not try 80 characters at each of its positions)
_LINE = re.compile(
    rf"(?:(?P<date>{_DATE_TIME})(?:[ \u3000]*(?P<after>{_WORDS}))?"
    rf"|(?:(?<![^\s，。；：,;:])(?P<before>{_WORDS})[ \u3000]*)?"
    rf"{_URL}(?:[ \u3000]+{_COUNTER})?(?:[ \u3000]+[^\s\d]{{1,8}})?"
    rf"|{_COUNTER}"
    rf"|{_PAGE_OF}(?:[ \u3000]+{_DATE_TIME})?)"
)
_NUMBERS = re.compile(r"\d+")
_DATE_MARK = "\x00browser-date"  # where a lone date was, until its title is found (then dropped)
_SENTENCE = re.compile(r"[\s，。；：,;:]")
_NOT_PIPE = re.compile(r"[^|\f]")


def is_browser_line(text: str) -> bool:
    """Is ``text`` (a line; a converter's table row of it, its pipes and empty cells aside) wholly
    a browser's header or footer line?"""
    return _browser_line(text) is not None


def browser_title(text: str) -> str | None:
    """The page's title a browser's header line prints beside the date or the URL (what the
    page's ``<title>`` said), None if ``text`` is no such line or prints none."""
    match = _browser_line(text)
    if match is None:
        return None
    return match["after"] or match["before"] or None


def _browser_line(text: str) -> re.Match[str] | None:
    if "|" in text:
        text = " ".join(part.strip() for part in text.split("|") if part.strip())
    text = text.strip().lstrip("\f").strip()
    if not text or ("/" not in text and "页" not in text and "⻚" not in text):
        return None
    match = _LINE.fullmatch(text)
    if match is None:
        return None
    if "/" in text and "://" not in text and ":" not in text:  # a counter alone: n of m pages
        n, m = (int(x) for x in _NUMBERS.findall(text)[:2])
        return match if 1 <= n <= m else None
    return match


def has_browser_lines(text: str) -> bool:
    """Cheap test first (substring scans, no pattern): every browser prints the page's URL, or
    ``第 n 页，共 m 页``; a text holding neither holds none of these lines."""
    return "://" in text or "页，共" in text or "页,共" in text


def browser_lines_dropped(lines: list[str]) -> tuple[list[str], str | None]:
    """``lines`` without the browser's header and footer lines (a page break they carried kept); a
    converter's table row of one (markitdown sets the header line as the head of the table below
    it) kept with its cells emptied, so that the table keeps its shape; and the page's title
    the first header line printed (None if none did)."""
    out: list[str] = []
    title: str | None = None
    alone = False  # a date and time alone on its line: the title may be on a line of its own
    for line in lines:
        if ("/" in line or "页" in line or "⻚" in line) and (match := _browser_line(line)) is not None:
            title = title or match["after"] or match["before"]
            if match["date"] and not match["after"]:
                alone = True
                out.append(_DATE_MARK + ("\f" if line.startswith("\f") else ""))
                continue
            if "|" in line:
                out.append(_NOT_PIPE.sub(" ", line))
            elif line.startswith("\f"):
                out.append("\f")
            continue
        out.append(line)
    if alone:
        if title is None:
            out, title = _title_under_dates(out)
        out = [("\f" if line.endswith("\f") else "") if line.startswith(_DATE_MARK) else line for line in out]
    return out, title


def _title_under_dates(lines: list[str]) -> tuple[list[str], str | None]:
    """A converter that prints each cell of the browser's header line as a line of its own
    (pdftotext: the date, then the page's title a line or two below): the line standing just
    under the dropped dates on two pages or more (or on the only page, when it ends in a site's
    name after ``_``) is the title, dropped there too."""
    under: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if line.startswith(_DATE_MARK):
            after = [j for j in range(i + 1, min(i + 4, len(lines))) if lines[j].strip()]
            if after and not _SENTENCE.search(lines[after[0]].strip()):
                under.setdefault(lines[after[0]].strip(), []).append(after[0])
    for title, places in under.items():
        if len(places) >= 2 or "_" in title:
            drop = set(places)
            return [line for i, line in enumerate(lines) if i not in drop], title
    return lines, None
