"""How often the likelihoods that cut a run of table 二 figures (``ingest.active_plausible.LIKELY``) would
choose right, measured on every gold report the project holds.

    PYTHONPATH=src .venv/bin/python bench/active_priors.py

For each table 二 row of each gold report (``tests/ingest/*/fixtures/gold``,
``../shared/corpus/gold``) whose figures are plain counts, the row's figures are run together as a
crawler prints them; every cut of the run into the row's cells that keeps the report layer's
warnings quiet is a reading. Where several remain, the row's test decides only if exactly one
passes. Prints per test: rows decided right, decided wrong, left undecided, and rows with one
reading only (nothing to decide), for the real reports and the synthetic ones apart.

Then the repeat (``active_prior.repeated_cut``: the one cut printing a figure of two digits or more
twice) against the reader's other priors: rows each reads right, where they differ.

Then a prior the reader does not use, measured to say why: each row cut where every cell has the
number of digits most usual for its column (counted on the other reports, the hold-out left out).
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from gongkai.ingest.active_plausible import LIKELY, is_plausible, likely_cut  # noqa: E402
from gongkai.ingest.active_prior import prior_cut, repeated_cut  # noqa: E402
from gongkai.ingest.digits import every_cut  # noqa: E402


def cuts(digits: str, parts: int) -> Iterator[tuple[int, ...]]:
    return (tuple(map(int, cut)) for cut in every_cut(digits, parts))


def main() -> int:
    files: dict[str, Path] = {}
    for pattern in ("tests/ingest/*/fixtures/gold/*.json",):
        for path in sorted(REPO.glob(pattern)):
            files.setdefault(path.name, path)
    for path in sorted((REPO.parent / "shared" / "corpus" / "gold").glob("*.json")):
        files.setdefault(path.name, path)
    print(f"{len(files)} gold reports")
    for keys, test, _, en in LIKELY:
        counts = {kind: {"right": 0, "wrong": 0, "undecided": 0, "one reading": 0} for kind in ("real", "synthetic")}
        for name, path in files.items():
            gold = json.loads(path.read_text(encoding="utf-8"))
            for cells in gold["active"].values():
                if tuple(cells) != keys:
                    continue
                values = tuple(cells[k] for k in keys)
                if any(not isinstance(v, int) or v < 0 for v in values):
                    continue
                found = [c for c in cuts("".join(map(str, values)), len(keys)) if is_plausible(list(keys), c)]
                tally = counts["synthetic" if name.startswith("synth") else "real"]
                if len(found) < 2:
                    tally["one reading"] += 1
                    continue
                passing = [c for c in found if test(c)]
                if len(passing) != 1:
                    tally["undecided"] += 1
                else:
                    tally["right" if passing[0] == values else "wrong"] += 1
        print(f"{en:45} real {counts['real']}  synthetic {counts['synthetic']}")
    repeats(files)
    digit_counts(files)
    return 0


def repeats(files: dict[str, Path]) -> None:
    """Rows of plain counts whose cut the repeat decides: how many the other priors (``LIKELY``,
    then the magnitudes) read right and wrong, and how many the repeat does."""
    tally: Counter[str] = Counter()
    for path in files.values():
        for cells in json.loads(path.read_text(encoding="utf-8"))["active"].values():
            keys = list(cells)
            values = tuple(cells[k] for k in keys)
            if len(keys) < 2 or any(not isinstance(v, int) or v < 0 for v in values) or "amount_yuan" in keys:
                continue
            found = [c for c in cuts("".join(map(str, values)), len(keys)) if is_plausible(keys, c)]
            repeat = repeated_cut(list(found), set(found))
            if repeat is None:
                continue
            other = likely_cut(keys, list(found), set(found)) or prior_cut(keys, list(found), set(found))
            tally[f"repeat {'right' if repeat[0] == values else 'wrong'}"] += 1
            tally[f"others {'right' if other is not None and other[0] == values else 'not right'}"] += 1
    print(f"{'a figure printed twice (repeated_cut)':45} {dict(sorted(tally.items()))}")


def digit_counts(files: dict[str, Path]) -> None:
    """The most likely cut by each column's digit counts, leaving each report out of its own
    counts (and the hold-out out of all): right and wrong per kind of report."""
    rows = []
    for name, path in files.items():
        if "holdout" in path.parts:
            continue
        for cells in json.loads(path.read_text(encoding="utf-8"))["active"].values():
            values = tuple(cells.values())
            if len(values) > 1 and all(isinstance(v, int) and v >= 0 for v in values):
                rows.append((name, tuple(cells), values))
    tally: Counter[str] = Counter()
    for name, keys, values in rows:
        found = [c for c in cuts("".join(map(str, values)), len(keys)) if is_plausible(list(keys), c)]
        if len(found) < 2:
            continue
        lengths: defaultdict[int, Counter[int]] = defaultdict(Counter)
        for other, other_keys, other_values in rows:
            if other != name and other_keys == keys:
                for i, v in enumerate(other_values):
                    lengths[i][len(str(v))] += 1

        def likelihood(cut: tuple[int, ...], lengths: defaultdict[int, Counter[int]] = lengths) -> float:
            p = 1.0
            for i, v in enumerate(cut):
                p *= (lengths[i][len(str(v))] + 1) / (sum(lengths[i].values()) + 10)
            return p

        best = max(found, key=likelihood)
        kind = "synthetic" if name.startswith("synth") else "real"
        tally[f"{kind} {'right' if best == values else 'wrong'}"] += 1
    print(f"{'digit counts per column (not used)':45} {dict(sorted(tally.items()))}")


if __name__ == "__main__":
    sys.exit(main())
