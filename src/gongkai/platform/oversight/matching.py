"""Which agency of the tree and which year a published report is about.

Tried in order, each only when it gives exactly one agency: the mapping file's or list's name (or
code), the title's agency as the reader found it, then the file name. Names compare without
spacing and, failing that, by their core — the name without 人民政府 / 办公室 / 办事处 — or by one
containing the other (柯桥区 ↔ 绍兴市柯桥区人民政府). Two candidates are as bad as none: the file
waits for a person, with the candidates in the reason.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

SUFFIXES = ("人民政府办公厅", "人民政府办公室", "政府办公室", "人民政府", "办事处", "政府")
_YEAR_IN_NAME = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def key(name: str) -> str:
    return "".join(name.split())


def core(name: str) -> str:
    name = key(name)
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


@dataclass(frozen=True)
class Candidate:
    pk: int
    name: str
    short_name: str = ""
    code: str = ""


@dataclass
class Match:
    agency: int | None
    year: int | None
    reason_zh: str = ""
    reason_en: str = ""


class Matcher:
    """The agencies of one subtree, indexed once per batch."""

    def __init__(self, agencies: list[Candidate]) -> None:
        self.agencies = agencies
        self.by_key: dict[str, set[int]] = defaultdict(set)
        self.by_core: dict[str, set[int]] = defaultdict(set)
        for agency in agencies:
            for name in (agency.name, agency.short_name):
                if name:
                    self.by_key[key(name)].add(agency.pk)
                    self.by_core[core(name)].add(agency.pk)
            if agency.code:
                self.by_key[key(agency.code)].add(agency.pk)
        self.names = {a.pk: a.name for a in agencies}

    def _by_name(self, name: str) -> set[int]:
        if not key(name):
            return set()
        for found in (self.by_key.get(key(name)), self.by_core.get(core(name))):
            if found:
                return found
        wanted = core(name)
        if len(wanted) < 2:
            return set()
        return {
            a.pk for a in self.agencies if wanted in key(a.name) or (len(core(a.name)) >= 2 and core(a.name) in wanted)
        }

    def _in_file_name(self, file_name: str) -> set[int]:
        text = key(file_name)
        found = {a.pk: len(core(a.name)) for a in self.agencies if len(core(a.name)) >= 2 and core(a.name) in text}
        if not found:
            return set()
        longest = max(found.values())  # 海盐县发展和改革局 over 海盐县
        return {pk for pk, size in found.items() if size == longest}

    def agency(self, hint: str, title: str, file_name: str) -> tuple[int | None, set[int]]:
        """The one agency, or None with the candidates seen."""
        seen: set[int] = set()
        for found in (self._by_name(hint), self._by_name(title), self._in_file_name(file_name)):
            if len(found) == 1:
                return next(iter(found)), found
            seen |= found
        return None, seen

    def match(self, hint_agency: str, hint_year: int | None, title: str, year: int | None, file_name: str) -> Match:
        agency, seen = self.agency(hint_agency, title, file_name)
        if year is None and hint_year is None:
            years = _YEAR_IN_NAME.findall(file_name)
            year = int(years[0]) if len(set(years)) == 1 else None
        result = Match(agency, hint_year or year)
        if agency is None:
            named = title or hint_agency or "（未读出）"
            if seen:
                listed = "、".join(sorted(self.names[pk] for pk in seen)[:5])
                result.reason_zh = f"报告机关“{named}”对应多个机关：{listed}，请人工选择"
                result.reason_en = f"the report's agency '{named}' fits several agencies: {listed}; choose one"
            else:
                result.reason_zh = f"所辖范围内找不到报告机关“{named}”，请人工选择"
                result.reason_en = f"no agency in the region is called '{named}'; choose one"
        elif result.year is None:
            result.reason_zh = "无法确定报告年度，请人工填写"
            result.reason_en = "the report's year is unknown; enter it"
        return result
