"""A saved report page's text as crawlers and researchers' scripts make it (the nineteenth hold-out's
new classes), each the tool's ordinary call on the whole page as saved:

=================  ==========================================================================
class              made by
=================  ==========================================================================
html2text          ``html2text.html2text(page)`` (Markdown, tables as pipes, lines wrapped at
                   78 characters as by default)
inscriptis         ``inscriptis.get_text(page)`` (layout text, tables drawn as a text grid)
trafilatura        ``trafilatura.extract(page, include_tables=True)`` (main content, plain text)
trafilatura-md     the same with ``output_format="markdown"``
w3m                ``w3m -dump -T text/html`` (80 columns, tables drawn as a grid)
lynx               ``lynx -dump -nolist -stdin`` (tables flowed cell by cell)
pandoc             ``pandoc -f html -t plain`` (tables as pandoc draws them, or their cells)
bs4-lines          BeautifulSoup's ``get_text("\\n")`` (every text node a line, script and
                   style text included)
bs4-space          BeautifulSoup's ``get_text(" ")`` (the same joined by spaces)
markdownify        ``markdownify.markdownify(page)`` (Markdown, tables as pipes)
=================  ==========================================================================

Needs the ``fixtures`` extra (html2text, inscriptis, trafilatura, markdownify, beautifulsoup4) and
Debian's ``w3m``, ``lynx`` and ``pandoc`` (``apt-get install w3m lynx pandoc``).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable

# the Markdown classes are written as ``.md`` (what the tools' users save them as)
MARKDOWN = ("html2text", "trafilatura-md", "markdownify")


def html2text_md(page: str) -> str:
    import html2text

    return str(html2text.html2text(page))


def inscriptis_text(page: str) -> str:
    from inscriptis import get_text

    return str(get_text(page))


def trafilatura_text(page: str, markdown: bool = False) -> str:
    import trafilatura

    kind = "markdown" if markdown else "txt"
    return str(trafilatura.extract(page, include_tables=True, output_format=kind) or "")


def _run(command: list[str], page: str) -> str:
    done = subprocess.run(command, input=page.encode("utf-8"), capture_output=True, check=True, timeout=120)
    return done.stdout.decode("utf-8")


def w3m_dump(page: str) -> str:
    return _run(["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"], page)


def lynx_dump(page: str) -> str:
    command = ["lynx", "-dump", "-nolist", "-stdin", "-assume_charset=utf-8", "-display_charset=utf-8"]
    return _run([*command, "-cfg=/dev/null"], page)


def pandoc_plain(page: str) -> str:
    return _run(["pandoc", "-f", "html", "-t", "plain"], page)


def bs4_text(page: str, separator: str) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(page, "html.parser").get_text(separator)


def markdownify_md(page: str) -> str:
    from markdownify import markdownify

    return str(markdownify(page))


FROM_HTML: dict[str, Callable[[str], str]] = {
    "html2text": html2text_md,
    "inscriptis": inscriptis_text,
    "trafilatura": trafilatura_text,
    "trafilatura-md": lambda page: trafilatura_text(page, markdown=True),
    "w3m": w3m_dump,
    "lynx": lynx_dump,
    "pandoc": pandoc_plain,
    "bs4-lines": lambda page: bs4_text(page, "\n"),
    "bs4-space": lambda page: bs4_text(page, " "),
    "markdownify": markdownify_md,
}
