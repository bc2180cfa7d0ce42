"""A drawn table (``box_tables``) run onto one line: a crawler's text of an old site's ``<pre>``,
every line break a space (or nothing), given back its lines so that ``box_tables`` reads it.

The rule lines stay whole (a run of ``───`` pieces between junctions); between two of them stand
the row's lines, each the same number of cells and each closed by its border, so that one blank
piece (the line break, between a line's right border and the next line's left) separates them.
The cells a line has are the cells of the rule line above or below it (with the cells either
leaves open: ``│ 三 ├───``, a label merged down, before the rule; ``┤ │``, a header cell merged
down, after it); the first count under which every line break falls on a blank piece is taken.
Bounded: a few counts tried per row, each a pass over the row's pieces.
"""

from __future__ import annotations

_BOX_SEPARATORS = "│┃║┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬┝┥┯┷┿"
_BOX_SPLIT = str.maketrans(dict.fromkeys(_BOX_SEPARATORS, "\x01"))
_ASCII_SPLIT = str.maketrans(dict.fromkeys("|+", "\x01"))
_OPEN = 4  # cells a rule line may leave open on either side
_FEWEST_TRIED = 40  # cells a line may have when neither rule line tells


def _is_rule(piece: str, style: str) -> bool:
    s = piece.strip()
    return bool(s) and not s.strip("─━═" if style == "box" else "-=")


def _regions(line: str) -> list[tuple[int, int, str]]:
    """Where drawn tables stand on a line: box drawing from ``┌`` (or the first box character: a
    table's part after a page break) to its ``┘`` (or the last box character before the next
    table); ASCII from the first ``+--`` to the last rule after which a ``|`` or ``+`` still
    follows."""
    out: list[tuple[int, int, str]] = []
    at, n = 0, len(line)
    while at < n:
        start = next((i for i in range(at, n) if line[i] in _BOX_SEPARATORS), -1)
        if start < 0:
            break
        corner = line.find("┘", start)
        following = line.find("┌", start + 1)
        if corner >= 0 and (following < 0 or corner < following):
            end = corner + 1
        else:
            limit = following if following >= 0 else n
            end = next(i for i in range(limit - 1, start - 1, -1) if line[i] in _BOX_SEPARATORS) + 1
        out.append((start, end, "box"))
        at = end
    if out:
        return out
    start = line.find("+--")
    while start >= 0:
        end = j = start
        while j < n:
            k = j
            while k < n and line[k] in "+-=":
                k += 1
            if k - j >= 3 and line[k - 1] == "+":
                end = k  # a rule's end
            while k < n and line[k] == " ":
                k += 1
            if k >= n or line[k] not in "|+":
                break
            nxt = line.find("+-", k + 1)
            if nxt < 0:
                break
            j = nxt
        if end > start:
            out.append((start, end, "ascii"))
        start = line.find("+--", max(end, start + 1))
    return out


def _rule_runs(pieces: list[str], style: str) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(pieces):
        if _is_rule(pieces[i], style):
            j = i
            while j < len(pieces) and _is_rule(pieces[j], style):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _split_row(between: list[str], above: int, below: int) -> tuple[int, int, int] | None:
    """(trail, cells, lead): the pieces between two rule runs as ``trail`` open pieces of the rule
    above, then lines of ``cells`` cells each between blank breaks, then ``lead`` open pieces of the
    rule below; None when no count fits. ``above`` is the cells of the rule line above, ``below``
    the rule pieces of the one below: of the counts that fit (a blank cell may pass for a break),
    the one both rule lines agree with first, then one of them; a rule line open on its right (a
    header cell merged down) only where nothing else fits, the fewest open pieces first."""
    n = len(between)
    best: tuple[float, tuple[int, int, int]] | None = None
    for trail in range(min(_OPEN, n)):
        for lead in range(min(_OPEN, n - trail)):
            # the rule lines' counts first; any other only where neither fits (a ┴ above a merged row)
            for cells in (above, lead + below, *range(1, min(n, _FEWEST_TRIED))):
                rest = n - trail - lead - 1  # a break before each line, and one after the last
                if cells < 1 or rest < cells + 1 or rest % (cells + 1):
                    continue
                if any(between[b].strip() for b in range(trail, trail + rest + 1, cells + 1)):
                    continue
                score = (cells == above) + (cells == lead + below) - 1.1 * trail - 0.01 * lead - 0.001 * cells
                if best is None or score > best[0]:
                    best = (score, (trail, cells, lead))
    return None if best is None else best[1]


def unflattened(line: str) -> list[str] | None:
    """``line`` with each drawn table run onto it given back its lines (the text around on lines
    of its own); None when it holds no drawn table whose rows could be cut apart."""
    regions = _regions(line)
    if not regions:
        return None
    out: list[str] = []
    at = 0
    found = False
    for start, end, style in regions:
        lines = _table_lines(line[start:end], style)
        if lines is None:
            continue
        out.append(line[at:start])
        out += lines
        at = end
        found = True
    if not found:
        return None
    out.append(line[at:])
    return [part for part in out if part.strip()]


def _table_lines(region: str, style: str) -> list[str] | None:
    pieces = region.translate(_BOX_SPLIT if style == "box" else _ASCII_SPLIT).split("\x01")[1:-1]
    runs = _rule_runs(pieces, style)
    if len(runs) < 2:
        return None
    left, right, rule = ("│", "│", "┼") if style == "box" else ("|", "|", "+")
    lines: list[str] = []
    lead_pieces: list[str] = []
    for k, (i, j) in enumerate(runs):
        ahead = runs[k + 1][0] if k + 1 < len(runs) else len(pieces)
        between = pieces[j:ahead]
        last = k + 1 == len(runs)
        if last:
            lines.append(rule + rule.join(lead_pieces + pieces[i:j]) + rule)
            if not any(p.strip() for p in between):
                break
            # rows after the last rule: a table's part before a page break, its lines to the end
            split = _split_row([*between, ""], len(lead_pieces) + (j - i), j - i)
            if split is None or split[0] or split[2]:
                return None
            cells = split[1]
            lines += [left + left.join(between[b : b + cells]) + right for b in range(1, len(between), cells + 1)]
            break
        above = len(lead_pieces) + (j - i)
        below = runs[k + 1][1] - runs[k + 1][0]
        split = _split_row(between, above, below)
        if split is None:  # a row whose pieces came out of order (a PDF's reading order): left out
            lines.append(rule + rule.join(lead_pieces + pieces[i:j]) + rule)
            lead_pieces = []
            continue
        trail, cells, lead = split
        lines.append(rule + rule.join(lead_pieces + pieces[i:j] + between[:trail]) + rule)
        body = between[trail + 1 : len(between) - lead]
        for b in range(0, len(body), cells + 1):
            lines.append(left + left.join(body[b : b + cells]) + right)
        lead_pieces = between[len(between) - lead :] if lead else []
    return lines
