"""Runs of figures printed with thousands separators and run together (``5,0185148181471185,400``),
cut where the separators show that a figure ends."""

from __future__ import annotations

import re

from gongkai.ingest.numbers import RUN_COMMA

# Digits and thousands separators run together (a crawler's text of a row printing 5,018 51 …
# 5,400 ran into 5,0185148181471185,400): a run of digits holding a separator.
_THOUSANDS_RUN = re.compile(r"(?<![0-9])(?<![0-9][,，])[-−－]?[0-9]+(?:[,，][0-9]{3})+[0-9,，]*")


_COMMA_BETWEEN_CELLS = re.compile(r"[0-9][,，](?![0-9])|(?<![0-9])[,，][0-9]")


_PROPER_THOUSANDS = re.compile(r"[0-9]{1,3}(?:[,，][0-9]{3})+")


def _cut_at_separators(match: re.Match[str], ran_together: bool = False) -> str:
    """A run of figures printed with thousands separators, cut where the separators show that a
    figure ends (three digits after a figure's last separator): ``5,0185148181471185,400`` →
    ``5,018 5148181471185‚400``. Only a run's first figure is kept as printed (it starts where the
    run does); in the pieces after it, where a figure with separators starts among the digits
    before it cannot be seen, so they are runs of digits for the row's arithmetic to cut, their
    separators kept as ``RUN_COMMA`` (a cell of its own, the run reads as its digits; table 二,
    which has no arithmetic, cuts by them: ``active_cuts.separator_cuts``). After a minus sign the first
    figure is no more certain (``-48,458``: -4 and 8,458?). ``ran_together``: the run is known to
    hold several cells (a crawler's row with dash cells between its runs: ``782647740—711,376``),
    so its first figure is kept whole only where no cell can end before its separator (``1,021``,
    ``10,890``; not ``711,376``, which may be 71 and 1,376)."""
    text = match.group()
    sign = text[0] if text[0] in "-−－" else ""
    pieces = re.split("[,，]", text[len(sign) :])
    out: list[str] = []
    current = pieces[0]  # what is not cut yet, separators kept
    for i, piece in enumerate(pieces[1:], start=1):
        current += "," + piece[:3]
        rest = piece[3:]
        if rest or i == len(pieces) - 1:
            whole = (
                not out
                and not sign
                and _PROPER_THOUSANDS.fullmatch(current)
                and (not ran_together or not pieces[0][1:].strip("0"))
            )
            out.append(current if whole else current.replace(",", RUN_COMMA))
            current = rest
    if current:
        out.append(current)
    return sign + " ".join(out)


def separated(text: str, ran_together: bool = False) -> str:
    """``text`` with its runs of figures printed with thousands separators cut (``_cut_at_separators``;
    ``ran_together``: as there)."""
    if ("," not in text and "，" not in text) or _COMMA_BETWEEN_CELLS.search(text):
        return text  # "行政强制，76，-3，8844": commas between cells, not inside figures
    return _THOUSANDS_RUN.sub(lambda match: _cut_at_separators(match, ran_together), text)
