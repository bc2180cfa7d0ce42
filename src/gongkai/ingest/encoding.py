"""Bytes to text for files published in China: UTF-8 or the GB family, sometimes Big5.

Order of trust: a byte-order mark, then strict UTF-8, then what the file declares (an HTML
``<meta charset>``), then strict GB18030 (a superset of GBK and GB2312, which most older
government pages use), then charset-normalizer's guess. A declared GB2312 or GBK is read as GB18030, because
pages labelled GB2312 routinely hold characters only GBK or GB18030 has.
"""

from __future__ import annotations

import codecs
import re

# Declared names that mean "some member of the GB family": read all of them as the superset.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312", "gb_2312-80"}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WESTERN = {"latin-1", "iso8859-1", "iso8859-15", "cp1252", "ascii", "windows-1252"}
# Control characters (\x00-\x08, \x0b, \x0e-\x1f, \x7f): binary data decoded as text holds many.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


class EncodingUnknown(ValueError):
    """The bytes are not text in any encoding we can tell."""


def canonical(name: str) -> str | None:
    """The Python codec name for a declared charset, GB family widened to GB18030."""
    lowered = name.strip().lower()
    if lowered in _GB_FAMILY:
        return "gb18030"
    try:
        return codecs.lookup(lowered).name
    except LookupError:
        return None


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` near its start, if any."""
    match = _META_CHARSET.search(data, 0, 4096)
    if match is None:
        return None
    return canonical(match.group(1).decode("ascii", "replace"))


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; returns the text and the encoding used.

    Raises ``EncodingUnknown`` when the bytes are not text (binary data, random bytes).
    """
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(bom_codec), bom_codec.replace("-sig", "")
            except UnicodeDecodeError:
                break  # a lookalike of a byte-order mark: fall through to the other tests
    # Valid UTF-8 with Chinese in it is UTF-8 whatever the page declares (sites moved to UTF-8
    # and kept their old gb2312 <meta>); GBK text is practically never valid UTF-8. A declared
    # Western single-byte charset decodes any bytes at all, so it is tried after GB18030.
    western = declared in _WESTERN
    order = ("utf-8", "gb18030", declared) if western else ("utf-8", declared, "gb18030")
    tried: list[str] = []
    for codec in order:
        if codec is None or codec in tried:
            continue
        tried.append(codec)
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        # (UTF-8 text short enough to be its own sample: its bytes are the sample's, not encoded again)
        if _looks_like_text(text, data if codec == "utf-8" and len(text) <= _SAMPLE else None):
            return text, codec
    guess = _guess(data)
    if guess is not None:
        return guess
    raise EncodingUnknown("not text in UTF-8, GB18030 or any encoding charset-normalizer recognises")


def _guess(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    name = canonical(best.encoding) or best.encoding
    try:
        text = data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None
    return (text, name) if _looks_like_text(text) else None


_SAMPLE = 20_000  # characters of a text looked at for control characters


def _looks_like_text(text: str, utf8: bytes | None = None) -> bool:
    """Few control characters: GB18030 decodes almost any bytes, so random data must be caught.
    (``utf8``: the text's own UTF-8 bytes, where the text is no longer than the sample.)"""
    if not text:
        return True
    sample = text[:_SAMPLE]
    # The control characters are ASCII: in UTF-8 a byte each, and no other character holds such a
    # byte (counted in C by deleting them, not by a regex over every character).
    encoded = utf8 if utf8 is not None else sample.encode("utf-8", "surrogatepass")
    return (len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))) * 100 <= len(sample)
