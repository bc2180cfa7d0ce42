"""Lines a converter joined with ``<br>`` outside a pipe table, one a line again (and the
``<br>`` pattern a cell's text is cleaned of)."""

from __future__ import annotations

import re

BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def br_lines(lines: list[str]) -> list[str]:
    """Lines a converter joined with ``<br>`` outside a pipe table (pymupdf4llm sets the text of
    a table it took for a picture as one paragraph: ``规章 5 5 46<br>规范性文件 610 610 1197``),
    one a line again."""
    out: list[str] = []
    for line in lines:
        if "<br" in line and not line.lstrip().startswith("|"):
            out += BR.split(line)
        else:
            out.append(line)
    return out
