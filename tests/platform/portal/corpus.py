"""The corpus reports' text, as items to publish: real Chinese text for the search tests."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from tests.environment import RAW

CORPUS = RAW
_WIDE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}  # full-width letters and digits


def corpus_texts() -> dict[str, str]:
    """File name → plain text (the HTML report through its text content)."""
    texts: dict[str, str] = {}
    for path in sorted(CORPUS.iterdir()):
        if path.suffix == ".txt":
            texts[path.name] = path.read_text(encoding="utf-8")
        elif path.suffix == ".html":
            tree = LexborHTMLParser(path.read_bytes())
            tree.strip_tags(["style", "script", "noscript"])
            texts[path.name] = tree.text(separator="\n")
    return texts


def contains(text: str, word: str) -> bool:
    """The ground truth: does ``word`` occur in ``text`` (width and case folded, as the search does)."""
    return word.translate(_WIDE).lower() in text.translate(_WIDE).lower()


def title_of(text: str) -> str:
    for line in text.splitlines():
        if "年度报告" in line and len(line.strip()) < 80:
            return line.strip()
    return text.strip().splitlines()[0][:80]
