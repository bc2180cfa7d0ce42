"""The six numbered parts of a report's text (一、总体情况 … 六、其他需要报告的事项): each part's
heading as printed, where it stands and the text up to the next part."""

from __future__ import annotations

from gongkai.ingest.document import Document, TextBlock
from gongkai.ingest.section_headings import MARKUP, clean_line, match_section_heading
from gongkai.report.envelope import SectionText
from gongkai.report.templates import SECTIONS


def sections(document: Document) -> list[SectionText]:
    """The six numbered parts: heading as printed, where, and the text up to the next part."""
    found: dict[str, tuple[str, str, list[str]]] = {}  # number → (printed heading, where, paragraphs)
    current: list[str] | None = None
    next_index = 0
    for block in document.blocks:
        if not isinstance(block, TextBlock):
            continue
        section = match_section_heading(block.text)
        if section is not None and SECTIONS.index(section) >= next_index:
            next_index = SECTIONS.index(section) + 1
            current = []
            found[section.number] = (clean_line(block.text), block.where, current)
        elif current is not None:
            line = block.text.strip()
            if line:
                # Stripped, a line holds markup to drop only at a marker first or a * last.
                current.append(MARKUP.sub("", line) if line[0] in "#>*" or line[-1] == "*" else line)
    result = []
    for section in SECTIONS:
        entry = found.get(section.number)
        if entry is None:
            result.append(SectionText(section.number, section.title))
        else:
            printed, where, paragraphs = entry
            result.append(SectionText(section.number, section.title, "\n".join(paragraphs), printed, where))
    return result
