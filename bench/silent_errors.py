"""Hunt for silent errors: corrupt the text fixtures as real documents are corrupted, read them, and
count the wrong cells the reading does not name in ``uncertain``.

    PYTHONPATH=src .venv/bin/python bench/silent_errors.py [--seed N] [--per-file K] [--show N]
        [--kinds figure_changed,...] [CLASS ...]

Every text fixture of ``tests/ingest/{wild,publishers,holdout}/fixtures/<class>/`` gets ``--per-file``
corruptions of each kind (seeded), each scored against its gold corrupted the same way:

- figure_changed: one figure printed differently (a typo: the table contradicts itself; the gold
  carries the printed figure, and the OTHER cells must not be "repaired");
- digits_swapped: two adjacent digits of a figure swapped (gold: the printed figure);
- cell_dropped: one figure missing (a row one figure short: that cell's gold is unknowable, null);
- cell_duplicated: one figure printed twice (a row one figure long; gold unchanged);
- rows_swapped: two adjacent rows, label and figures, printed in the other order (gold unchanged);
- label_ocr: one or two characters of a row label missing or read as a look-alike (己/已, 未/末 …);
- label_dropped: a row label missing, its figures kept (gold unchanged);
- row_dropped: a whole row, label and figures, missing (its cells' gold unknowable, null);
- footnote: a note with figures (注：本年度共12件) printed inside a table, between two rows;
- page_break: a page footer and a date line (第 3 页 共 7 页) printed between two rows;
- fullwidth: every digit printed full-width (０１２…);
- thousands: figures of four digits or more printed with thousands separators (12,345).

A figure is corrupted only where the text prints it once and the gold has that value in one cell, so
the corrupted cell is known; a row only where its label is followed by exactly its gold figures.
Prints per kind × class: files, scored cells, wrong cells, UNFLAGGED wrong cells, with examples;
for the typos (figure_changed, digits_swapped) in tables 三 and 四, which the arithmetic covers: how
many were read as printed, and how many of those ``check_report`` found no broken rule for.
"""

from __future__ import annotations

import argparse
import copy
import itertools
import json
import random
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(REPO))

from tests.ingest.wild.scoring import _flagged, scorer  # noqa: E402

from gongkai.ingest.read import read_report  # noqa: E402
from gongkai.report.checks import check_report  # noqa: E402
from gongkai.report.templates import TEMPLATES  # noqa: E402

TEXT_CLASSES = ("crawler", "crawler-nospace", "pdftotext", "pdftotext-layout", "pymupdf4llm", "markitdown")
SETS = ("wild", "publishers", "holdout")
TABLES = ("active", "requests", "appeals")
Path_ = tuple[Any, ...]
Gold = dict[str, Any]

LOOKALIKES = {
    "已": "己",
    "己": "已",
    "未": "末",
    "末": "未",
    "人": "入",
    "入": "人",
    "理": "埋",
    "开": "幵",
    "申": "由",
    "由": "申",
    "其": "共",
    "他": "地",
    "处": "外",
    "公": "么",
    "政": "攻",
    "决": "诀",
    "请": "情",
    "予": "矛",
    "无": "天",
    "复": "夏",
    "议": "仪",
    "〇": "O",
    "0": "O",
    "1": "l",
    "一": "-",
}
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


# ---------------------------------------------------------------------------------------------
# What a fixture prints: its figures and its rows
# ---------------------------------------------------------------------------------------------


def gold_cells(gold: Gold) -> Iterator[tuple[Path_, Any]]:
    yield from scorer().cells({t: gold[t] for t in TABLES if t in gold})


def figures(text: str) -> list[re.Match[str]]:
    return list(re.finditer(r"(?<![0-9.,])[0-9]+(?![0-9])", text))


def unique_figures(text: str, gold: Gold) -> list[tuple[re.Match[str], Path_]]:
    """Figures printed once in the text whose value is in exactly one gold cell."""
    where: dict[int, list[Path_]] = defaultdict(list)
    for path, value in gold_cells(gold):
        if isinstance(value, int) and not isinstance(value, bool):
            where[value].append(path)
    found = figures(text)
    printed = Counter(m.group() for m in found)
    out = []
    for m in found:
        value = int(m.group())
        if printed[m.group()] == 1 and len(where.get(value, ())) == 1 and str(value) == m.group():
            out.append((m, where[value][0]))
    return out


@dataclass
class Row:
    start: int  # the label's first character
    label_end: int
    end: int  # after the row's last figure
    paths: list[Path_]


def row_values(gold: Gold) -> Iterator[tuple[tuple[str, ...], list[Path_], list[Any]]]:
    template = TEMPLATES.get(str(gold.get("template", "")))
    if template is None:
        return
    for row in template.request_rows:
        values = gold.get("requests", {}).get(row.key)
        if isinstance(values, list):
            yield row.labels, [("requests", row.key, i) for i in range(len(values))], values
    for arow in template.active_rows:
        got = gold.get("active", {}).get(arow.key)
        if isinstance(got, dict):
            yield arow.labels, [("active", arow.key, k) for k in got], list(got.values())


def rows(text: str, gold: Gold) -> list[Row]:
    """Rows printed as their label followed by exactly their gold figures (and nothing else)."""
    out: list[Row] = []
    for labels, paths, values in row_values(gold):
        if any(not isinstance(v, int) or isinstance(v, bool) or v < 0 for v in values):
            continue
        digits = "".join(map(str, values))
        for label in sorted(labels, key=len, reverse=True):
            hits = [m.start() for m in re.finditer(re.escape(label), text)]
            if len(hits) != 1:
                continue
            start = hits[0]
            after = start + len(label)
            tail = re.match(r"[^0-9\n]{0,40}?((?:[ \t|]*[0-9]+)+)", text[after : after + 400])
            if tail is None:
                continue
            printed = re.findall(r"[0-9]+", tail.group(1))
            if printed == [str(v) for v in values] or ("".join(printed) == digits and len(printed) < len(values)):
                out.append(Row(start, after, after + tail.end(1), paths))
            break
    return sorted(out, key=lambda r: r.start)


# ---------------------------------------------------------------------------------------------
# Corruptions: (text, gold, rng) → (text, gold, what) or None when the fixture offers no place
# ---------------------------------------------------------------------------------------------

Corrupted = tuple[str, Gold, str] | None


def _set(gold: Gold, path: Path_, value: Any) -> None:
    node = gold
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value


def _pick(rng: random.Random, items: list[Any]) -> Any:
    return items[rng.randrange(len(items))] if items else None


def figure_changed(text: str, gold: Gold, rng: random.Random) -> Corrupted:
    got = _pick(rng, unique_figures(text, gold))
    if got is None:
        return None
    m, path = got
    old = m.group()
    i = rng.randrange(len(old))
    choices = [d for d in "0123456789" if d != old[i] and not (d == "0" and i == 0 and len(old) > 1)]
    new = old[:i] + rng.choice(choices) + old[i + 1 :]
    gold = copy.deepcopy(gold)
    _set(gold, path, int(new))
    return text[: m.start()] + new + text[m.end() :], gold, f"{'.'.join(map(str, path))} {old}→{new}"


def digits_swapped(text: str, gold: Gold, rng: random.Random) -> Corrupted:
    places = [
        (m, p, i)
        for m, p in unique_figures(text, gold)
        for i in range(len(m.group()) - 1)
        if m.group()[i] != m.group()[i + 1] and not (i == 0 and m.group()[1] == "0")
    ]
    got = _pick(rng, places)
    if got is None:
        return None
    m, path, i = got
    old = m.group()
    new = old[:i] + old[i + 1] + old[i] + old[i + 2 :]
    gold = copy.deepcopy(gold)
    _set(gold, path, int(new))
    return text[: m.start()] + new + text[m.end() :], gold, f"{'.'.join(map(str, path))} {old}→{new}"


def _row_figures(text: str, gold: Gold) -> list[tuple[re.Match[str], Path_]]:
    """Unique figures inside a printed row (a dropped or doubled figure elsewhere is prose)."""
    spans = [(r.label_end, r.end) for r in rows(text, gold)]
    return [(m, p) for m, p in unique_figures(text, gold) if any(a <= m.start() < b for a, b in spans)]


def _laid_out(text: str) -> bool:
    """Text laid out by x position: many lines with wide runs of spaces between figures."""
    return len(re.findall(r"[0-9] {3,}[0-9]", text)) >= 20 and "|" not in text


def cell_dropped(text: str, gold: Gold, rng: random.Random) -> Corrupted:
    got = _pick(rng, _row_figures(text, gold))
    if got is None:
        return None
    m, path = got
    start, end = m.start(), m.end()
    gold = copy.deepcopy(gold)
    _set(gold, path, None)
    if _laid_out(text):
        # Text laid out by x position (pdftotext -layout): a cell not printed leaves its place blank.
        return text[:start] + " " * (end - start) + text[end:], gold, f"{'.'.join(map(str, path))} {m.group()} blank"
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    if text[start - 1 : start] == "|":  # a Markdown cell goes whole, as a cell of a short row
        start -= 1
    return text[:start] + text[end:], gold, f"{'.'.join(map(str, path))} {m.group()} dropped"


def cell_duplicated(text: str, gold: Gold, rng: random.Random) -> Corrupted:
    got = _pick(rng, _row_figures(text, gold))
    if got is None:
        return None
    m, path = got
    before = text[: m.start()]
    sep = re.search(r"[ \t|]*$", before)
    gap = sep.group() if sep else ""
    if not gap:
        return None  # a figure run into its neighbour, doubled, prints another figure (437437)
    return before + m.group() + gap + text[m.start() :], gold, f"{'.'.join(map(str, path))} {m.group()} twice"


def rows_swapped(text: str, gold: Gold, rng: random.Random) -> Corrupted:
    found = rows(text, gold)
    pairs = [
        (a, b)
        for a, b in itertools.pairwise(found)
        if b.start >= a.end and not re.search(r"[0-9\u4e00-\u9fff]", text[a.end : b.start])
    ]
    got = _pick(rng, pairs)
    if got is None:
        return None
    a, b = got
    first, gap, second = text[a.start : a.end], text[a.end : b.start], text[b.start : b.end]
    out = text[: a.start] + second + gap + first + text[b.end :]
    return out, gold, f"{a.paths[0][1]} ↔ {b.paths[0][1]}"


def label_ocr(text: str, gold: Gold, rng: random.Random) -> Corrupted:
    row = _pick(rng, rows(text, gold))
    if row is None:
        return None
    label = text[row.start : row.label_end]
    chars = list(label)
    spots = [i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"]
    if not spots:
        return None
    for i in sorted(rng.sample(spots, min(len(spots), rng.choice((1, 2)))), reverse=True):
        if chars[i] in LOOKALIKES and rng.random() < 0.7:
            chars[i] = LOOKALIKES[chars[i]]
        else:
            del chars[i]
    new = "".join(chars)
    return text[: row.start] + new + text[row.label_end :], gold, f"{label} → {new}"


def label_dropped(text: str, gold: Gold, rng: random.Random) -> Corrupted:
    row = _pick(rng, rows(text, gold))
    if row is None:
        return None
    label = text[row.start : row.label_end]
    return text[: row.start] + text[row.label_end :], gold, f"{label} dropped"


def row_dropped(text: str, gold: Gold, rng: random.Random) -> Corrupted:
    row = _pick(rng, rows(text, gold))
    if row is None:
        return None
    start, end = row.start, row.end
    # the whole printed line goes when the row is a line of its own
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if not re.search(r"[0-9\u4e00-\u9fff]", text[line_start:start] + text[end:line_end]):
        start, end = line_start, min(line_end + 1, len(text))
    gold = copy.deepcopy(gold)
    for path in row.paths:
        _set(gold, path, None)
    return text[:start] + text[end:], gold, f"{row.paths[0][1]} dropped"


def _between_rows(text: str, gold: Gold, rng: random.Random, insert: Callable[[bool], str]) -> Corrupted:
    found = rows(text, gold)
    row = _pick(rng, found[:-1])
    if row is None:
        return None
    at = text.find("\n", row.end)
    lines = at >= 0 and "\n" in text[row.start : found[-1].end]
    if not lines:
        at = row.end
    what = insert(lines)
    return text[:at] + what + text[at:], gold, f"after {row.paths[0][1]}: {what.strip()}"


def footnote(text: str, gold: Gold, rng: random.Random) -> Corrupted:
    n = rng.randrange(2, 400)
    return _between_rows(text, gold, rng, lambda lines: ("\n" if lines else " ") + f"注：本年度共{n}件")


def page_break(text: str, gold: Gold, rng: random.Random) -> Corrupted:
    page = rng.randrange(2, 9)
    year = gold.get("year", 2021)
    date = f"{year + 1}年{rng.randrange(1, 13)}月{rng.randrange(1, 29)}日"

    def insert(lines: bool) -> str:
        sep = "\n" if lines else " "
        return f"{sep}第 {page} 页 共 {page + 3} 页{sep}{date}"

    return _between_rows(text, gold, rng, insert)


def fullwidth(text: str, gold: Gold, rng: random.Random) -> Corrupted:
    return text.translate(FULLWIDTH), gold, "every digit full-width"


def thousands(text: str, gold: Gold, rng: random.Random) -> Corrupted:
    spans = [(r.label_end, r.end) for r in rows(text, gold)]
    if not any(re.search(r"[0-9]{4}", text[a:b]) for a, b in spans):
        return None
    out, last = [], 0
    for a, b in spans:
        out.append(text[last:a])
        out.append(re.sub(r"(?<![0-9])[0-9]{4,}(?![0-9])", lambda m: f"{int(m.group()):,}", text[a:b]))
        last = b
    out.append(text[last:])
    return "".join(out), gold, "figures of table rows with thousands separators"


KINDS: dict[str, Callable[[str, Gold, random.Random], Corrupted]] = {
    f.__name__: f
    for f in (
        figure_changed,
        digits_swapped,
        cell_dropped,
        cell_duplicated,
        rows_swapped,
        label_ocr,
        label_dropped,
        row_dropped,
        footnote,
        page_break,
        fullwidth,
        thousands,
    )
}
ONCE = {"fullwidth", "thousands"}
TYPOS = {
    "figure_changed",
    "digits_swapped",
}  # the table then contradicts itself  # the same corruption every time: one per fixture


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


@dataclass
class Tally:
    files: int = 0
    cells: int = 0
    wrong: int = 0
    unflagged: list[str] = field(default_factory=list)
    typos: int = 0  # typos in tables 三/四 read as printed
    unreported: list[str] = field(default_factory=list)  # … of which check_report found nothing


def fixtures(classes: tuple[str, ...]) -> Iterator[tuple[str, Path, Path]]:
    """(class, fixture, gold) of every text fixture of the three sets."""
    for name in SETS:
        root = REPO / "tests" / "ingest" / name / "fixtures"
        for cls in classes:
            folder = root / cls
            if not folder.is_dir():
                continue
            for path in sorted(folder.iterdir()):
                gold = root / "gold" / f"{path.stem.split('~', 1)[0]}.json"
                if gold.exists():
                    yield cls, path, gold


def read(path: Path) -> tuple[dict[str, Any], set[tuple[str, ...]]]:
    """The reading's data and the rules ``check_report`` finds broken in it."""
    result = read_report(path)
    if result.report is None:
        return {}, set()
    data: dict[str, Any] = json.loads(result.report.to_json())
    return data, {(f.rule, f.table, str(f.row), str(f.column)) for f in check_report(result.report)}


def score_one(text: str, gold: Gold, name: str, tmp: Path) -> tuple[int, int, list[str], Gold, set[tuple[str, ...]]]:
    """(scored cells, wrong cells, unflagged wrong cells, the reading, its broken rules) of one
    corrupted text."""
    target = tmp / name
    target.write_text(text, encoding="utf-8")
    pred, broken = read(target)
    right, wrong, missing, _, _ = scorer().score(gold, pred)
    uncertain = pred.get("uncertain", [])
    unflagged = [
        f"{'.'.join(map(str, cell))} gold {expected!r} read {got!r}"
        for cell, expected, got in wrong
        if cell[0] in TABLES and not _flagged(cell, uncertain)
    ]
    return right + len(wrong) + len(missing), len(wrong), unflagged, pred, broken


def run(classes: tuple[str, ...], kinds: tuple[str, ...], seed: int, per_file: int) -> dict[tuple[str, str], Tally]:
    """Tallies per (kind, class). The corruptions depend only on the seed and the fixture."""
    out: dict[tuple[str, str], Tally] = defaultdict(Tally)
    baseline: dict[str, set[tuple[str, ...]]] = {}  # rules the uncorrupted fixture breaks
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        for cls, path, gold_file in fixtures(classes):
            text = path.read_text(encoding="utf-8")
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            key = f"{path.parent.parent.parent.name}/{cls}/{path.name}"
            for kind in kinds:
                rng = random.Random(f"{seed}:{kind}:{cls}:{path.parent.parent.parent.name}:{path.name}")
                seen: set[str] = set()
                for _ in range(1 if kind in ONCE else per_file):
                    got = KINDS[kind](text, gold, rng)
                    if got is None or got[0] in seen:
                        continue
                    seen.add(got[0])
                    corrupted, cgold, what = got
                    cells, wrong, unflagged, pred, broken = score_one(corrupted, cgold, path.name, tmp)
                    tally = out[(kind, cls)]
                    tally.files += 1
                    tally.cells += cells
                    tally.wrong += wrong
                    tally.unflagged += [f"{path.name} [{what}]: {u}" for u in unflagged]
                    if kind in TYPOS:
                        # A typo in a table the arithmetic covers, read as printed: check_report
                        # must find a rule broken that the fixture as printed does not break.
                        lookup = scorer().lookup
                        for cell, value in gold_cells(cgold):
                            printed = cell[0] in ("requests", "appeals") and lookup(gold, cell) != value
                            if printed and lookup(pred, cell) == value:
                                tally.typos += 1
                                if key not in baseline:
                                    baseline[key] = read(path)[1]
                                if not broken - baseline[key]:
                                    tally.unreported.append(f"{path.name} [{what}]")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--per-file", type=int, default=3, help="corruptions of each kind per fixture")
    parser.add_argument("--show", type=int, default=3, help="unflagged examples per kind × class")
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated kinds")
    parser.add_argument("classes", nargs="*", default=list(TEXT_CLASSES))
    args = parser.parse_args()
    kinds = tuple(k for k in args.kinds.split(",") if k)
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        parser.error(f"unknown kinds {unknown}; known: {', '.join(KINDS)}")
    tallies = run(tuple(args.classes), kinds, args.seed, args.per_file)
    print(f"{'kind':16} {'class':17} {'files':>5} {'cells':>6} {'wrong':>6} {'UNFLAGGED':>9}  typos unreported")
    totals: Counter[str] = Counter()
    for kind in kinds:
        per_kind = 0
        for cls in args.classes:
            t = tallies.get((kind, cls))
            if t is None:
                continue
            per_kind += len(t.unflagged)
            typos = f"  {t.typos:>5} {len(t.unreported):>10}" if kind in TYPOS else ""
            print(f"{kind:16} {cls:17} {t.files:>5} {t.cells:>6} {t.wrong:>6} {len(t.unflagged):>9}{typos}")
            for line in t.unflagged[: args.show]:
                print(f"      {line}")
            for line in t.unreported[: args.show]:
                print(f"      typo not reported by check_report: {line}")
        totals[kind] = per_kind
    print("unflagged wrong per kind: " + ", ".join(f"{k} {totals[k]}" for k in kinds))
    print(f"total unflagged wrong cells: {sum(totals.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
