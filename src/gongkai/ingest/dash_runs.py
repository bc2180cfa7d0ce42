"""Where a row's figures and its dash cells (/ — or hyphens printed for none) ran together at
the end of a line, told apart from minus signs, dates and fractions."""

from __future__ import annotations

import re

from gongkai.ingest.vocabulary import (
    ends_with_appeal_group,
    ends_with_request_row,
    is_active_row,
)

CJK = re.compile(r"[\u3400-\u9fff（(]")


# The end of a row whose figures and dash cells ran together: digits and dashes (/ — for none;
# not "-", a minus) only, right after the label's last word (or after a space, with two dashes).
# A hyphen there only as a minus sign right before a figure, after a dash cell (行政处罚—-4—).
DASHED_FIGURES = re.compile(
    r"(?<=[\u3400-\u9fff）)”\s])(?:[0-9/／—,，]|(?<=[/／—])-(?=[0-9]))*[/／—](?:[0-9/／—,，]|(?<=[/／—])-(?=[0-9]))*$"
)


DASH_OR_RUN = re.compile(r"[0-9]+(?:[,，\u201a][0-9]{3})*|[/／—-]")


SIGNED_DASH_OR_RUN = re.compile(r"(?<=[/／—])-[0-9]+|[0-9]+(?:[,，\u201a][0-9]{3})*|[/／—-]")


# The same with hyphens for none (a crawler's ``102----12``, ``-1----1``, ``-------``): a hyphen
# is a minus sign too (行政强制76-3), so only a run with two side by side or one at an end.
_HYPHENED_FIGURES = re.compile(r"(?<=[\u3400-\u9fff）)”\s])[0-9,，-]*-[0-9,，-]*$")


_DATE = re.compile(r"(?:19|20)\d{2}[/／]\d{1,2}(?:[/／]\d{1,2})?")


def dashed_figures(line: str) -> int | None:
    """Where the run of figures and dash cells ending ``line`` starts, if it has one."""
    match = DASHED_FIGURES.search(line)
    if match is None:
        return _hyphened_figures(line)
    if _DATE.fullmatch(match.group()):
        return None
    run = match.group()
    dashes = sum(run.count(d) for d in "/／—")
    if line[match.start() - 1].isspace() and dashes < 2:
        return None  # "数量 3/4": one slash after a space may be a fraction or a page count
    if (
        "/" not in run
        and "／" not in run
        and dashes < 2
        and not run.endswith("—")
        and not ends_with_request_row(line[: match.start()])  # table 三 holds no negative figure
        and not ends_with_appeal_group(line[: match.start()])  # nor table 四 (its groups as rows)
    ):
        return None  # "76—3": one dash before a figure is Word's minus sign (本年增/减 —3)
    return match.start()


def _hyphened_figures(line: str) -> int | None:
    """Where a run of figures and hyphens printed for none ends ``line`` (``（七）总计102----12``):
    two hyphens side by side or one at either end of the run (not a minus sign between two
    figures, a date or a phone number), after a label that is not table 二's (where 本年增/减 may
    be negative)."""
    if "-" not in line:
        return None
    match = _HYPHENED_FIGURES.search(line)
    if match is None:
        return None
    run = match.group()
    apart = line[match.start() - 1].isspace()  # after a space: a laid-out cell of its own (-5)
    if "--" not in run and (apart or not (run.startswith("-") or run.endswith("-"))):
        head = line[: match.start()]
        if (apart and not head.rstrip().endswith(_TOTAL)) or not (
            ends_with_request_row(head) or ends_with_appeal_group(head) or head.rstrip().endswith(_TOTAL)
        ):
            # (tables 三 and 四 print no negative figure, nor a figure after a 总计 header, set
            # apart by a space or not: table 四's flat header ``…总计 27213331742-231542223``)
            return None
    words = [word for word in line[: match.start()].split() if CJK.search(word)]
    if not words or (is_active_row(words[-1]) and not _dash_cells_only(run)):
        return None
    return match.start()


_TOTAL = "总计"  # a header's last cell (table 四 set flat): the counts after it are never negative


def _dash_cells_only(run: str) -> bool:
    """Whether every hyphen of a table 二 row's run is a cell printed for none, never a minus
    sign of 本年增/减: the run ends in one (a minus sign stands before its figure), and none
    stands between two figures (``76-3``: 76 and −3), so ``-47-`` is three cells: –, 47, –."""
    return run.endswith("-") and re.search(r"[0-9]-+[0-9]", run) is None
