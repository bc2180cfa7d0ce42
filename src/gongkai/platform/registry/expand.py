"""What a query term may also mean: its words (jieba) and the 政务 abbreviations of ``abbreviations.txt``.

The index stays as it is (character bigrams, see ``search``); only the query grows. A term becomes
"the phrase as written, OR all of its words anywhere, each word OR its equivalents":

* 就业补贴 → “就业补贴” OR (就业 AND 补贴): finds 就业创业补贴政策;
* 低保 → “低保” OR “最低生活保障” (and the other way round);
* 部门预算2025 → … OR (部门 AND 预算 AND 2025): finds 2025年部门预算.

A term is cut into words only when every word has at least two characters: a lone character (跑 of
跑一次最多, 号 of a 文号) matches nearly everything, so such a term stays a phrase (with its
abbreviations replaced, as phrases). The search ranks the exact phrases first (``search.search``).
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from importlib import resources
from typing import Any

from .search import AllOf, AnyOf, Node, Phrase, parse_query

_lock = threading.Lock()


@functools.cache
def equivalents() -> dict[str, tuple[str, ...]]:
    """Each form of the table → every form of its line (itself first)."""
    table: dict[str, tuple[str, ...]] = {}
    text = resources.files(__package__).joinpath("abbreviations.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        forms = line.split("#", 1)[0].split()
        for form in forms:
            table[form] = (form, *(f for f in forms if f != form))
    return table


@functools.cache
def _segmenter() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    with _lock:
        tokenizer.initialize()
        for form in equivalents():
            tokenizer.add_word(form, freq=10**6)  # a name of the table is never cut
    return tokenizer


def warm() -> float:
    """Load jieba's dictionary now (about 1 s; 7 s the very first time on a machine, building jieba's
    cache) rather than in the first search a user makes. The server calls it once in the master
    process before it forks its workers (``server.run``): every worker, and every worker started
    later to replace one, has it loaded. Returns the seconds it took."""
    start = time.perf_counter()
    words("政府信息公开")
    return time.perf_counter() - start


def words(term: str) -> list[str]:
    """The words of ``term`` (punctuation dropped), as jieba cuts them with the table's forms kept whole."""
    tokenizer = _segmenter()
    return [w for w in tokenizer.lcut(term, HMM=False) if parse_query(w)]


def _phrase(text: str) -> Phrase | None:
    phrases = parse_query(text)
    return phrases[0] if len(phrases) == 1 else None


def _any(nodes: list[Node]) -> Node:
    unique = list(dict.fromkeys(nodes))
    return unique[0] if len(unique) == 1 else AnyOf(tuple(unique))


def _forms(word: str) -> Node:
    return _any([p for p in map(_phrase, equivalents().get(word, (word,))) if p is not None])


def expand(term: str) -> Node | None:
    """The term's alternatives, or None when it has none beyond the phrase as written."""
    exact = _phrase(term)
    if exact is None:
        return None
    cut = words(term)
    options: list[Node] = [exact]
    table = equivalents()
    if len(cut) >= 2 and all(len(w) >= 2 for w in cut):
        options.append(AllOf(tuple(_forms(w) for w in cut)))
    else:
        for n, word in enumerate(cut):
            for other in table.get(word, ())[1:]:
                variant = _phrase("".join([*cut[:n], other, *cut[n + 1 :]]))
                if variant is not None:
                    options.append(variant)
    node = _any(options)
    return None if node == exact else node


def expand_query(query: str) -> list[Node] | None:
    """Every term of ``query`` with its alternatives; None when no term has any (search as written)."""
    terms: list[Node] = []
    grown = False
    for term in query.split():
        exact = _phrase(term)
        if exact is None:  # punctuation only: nothing to find
            continue
        node = expand(term)
        grown = grown or node is not None
        terms.append(node or exact)
    return terms if grown else None
