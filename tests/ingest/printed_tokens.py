"""Tokens as ``pdftotext`` prints a table's figures, for tests that build records by hand."""

from __future__ import annotations

from gongkai.ingest.numbers import parse_cell
from gongkai.ingest.records import Token


def line_tokens(lines: list[str], start: int) -> list[Token]:
    """Figures as pdftotext prints them, one string per line; an empty line is a blank token."""
    out: list[Token] = []
    for k, line in enumerate(lines):
        parts = line.split() or [""]
        for j, text in enumerate(parts):
            where = f"line {start + k}" + (f" part {j + 1}" if len(parts) > 1 else "")
            out.append(Token(text, where, parse_cell(text)))
    return out


def label_token(text: str) -> Token:
    return Token(text, "line 1", parse_cell(text))
