"""The likeliest of the cuts of a table 四 run that its arithmetic cannot choose between: a page
stripped of its markup runs a group's cells together (``127633140261``), and two cuts may both add
up (127 63 31 40 and 12 76 33 140 under 261). A group's parts share the agency's size, so the cut
whose parts are of like magnitude is taken (``active_prior.likelihood``). A likelihood is no
proof: the group stays in ``uncertain`` with the other cuts as alternatives."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from gongkai.ingest.active_prior import likelihood
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.row_reading import Value
from gongkai.ingest.table_choice import Choice


def _score(values: Sequence[Value], fields: Sequence[str]) -> float:
    """``likelihood`` of each group's parts (its total left out: the arithmetic fixes it)."""
    width = len(fields)
    score = 0.0
    for start in range(0, len(values), width):
        parts = [(key, v) for key, v in zip(fields, values[start : start + width], strict=True) if key != "total"]
        score += likelihood([key for key, _ in parts], tuple(v for _, v in parts))  # type: ignore[misc]
    return score


def cut_run(choice: Choice) -> bool:
    """Whether ``choice`` left cells unknown among readings cutting a run of digits: its reading
    takes every cell from the print (no blank supposed) and two cells or more from one printed
    run. Not the ties of figures placed among blank cells: later passes may place those."""
    wheres = choice.reading.wheres
    return bool(choice.unknown) and None not in wheres and len(set(wheres)) < len(wheres)


def likeliest(alternatives: Sequence[tuple[Value, ...]], fields: Sequence[str]) -> tuple[Value, ...] | None:
    """The likeliest of ``alternatives`` (tied cuts, every cell a figure): the cut whose parts
    are likeliest, or where several tie for it (two groups' cuts, one of them 1 11 or 11 1: the
    same parts either way), the cells those agree on, the others None. None where fewer than two,
    any cell unknown, or the likeliest decide no cell the alternatives leave open."""
    whole = [a for a in alternatives if a and all(isinstance(v, int) for v in a) and len(a) % len(fields) == 0]
    if len(whole) < 2 or len(whole) != len(alternatives):
        return None
    scores = [_score(a, fields) for a in whole]
    best = max(scores)
    top = [a for a, score in zip(whole, scores, strict=True) if score == best]
    agreed = tuple(v if all(t[i] == v for t in top) else None for i, v in enumerate(top[0]))
    decided = any(v is not None and any(a[i] != v for a in whole) for i, v in enumerate(agreed))
    return agreed if decided else None


def likeliest_taken(evidence: Evidence, path: str, values: tuple[Value, ...]) -> list[Value]:
    """``values`` written into the doubt on ``path`` (it held them unknown), the reason added; a
    cell the likeliest cuts leave open (None) stays unknown."""
    whole = None not in values
    evidence.doubt_more(
        path,
        "按各项数字量级相近的常见情形选定其一（仅为可能性），其余读法列为备选"
        if whole
        else "按各项数字量级相近的常见情形（仅为可能性）定出最可能的几种读法一致的单元格，其余读法列为备选",
        "the cut whose parts are of like magnitude is taken (a likelihood only), the others listed"
        if whole
        else "the cells the cuts whose parts are likeliest agree on are taken (a likelihood only), the others listed",
    )
    for i, entry in enumerate(evidence.uncertain):
        if entry.cell != path:
            continue
        zh, en = entry.reason_zh, entry.reason_en
        if whole:  # (no longer left unknown: apply_choice's words said it was)
            zh, en = zh.replace("，记为未知", ""), en.replace(", left unknown", "")
        evidence.uncertain[i] = replace(entry, value=list(values), reason_zh=zh, reason_en=en)
    return list(values)
