"""Full-text search in Chinese over the published items: one module, two backends.

Text is cut into overlapping character bigrams (最多跑一次 → 最多 多跑 跑一 一次, plus the run's
last character alone so that a one-character query can match by prefix); Latin letters and digits
stay whole words. A query term becomes the *phrase* of its bigrams, so a document matches exactly
when the term occurs in it as written — no word list to maintain, no false hits from words that
merely share characters.

* SQLite (default): an FTS5 table ``registry_search`` (rowid = item id) over the bigram text.
* PostgreSQL: a table ``registry_search`` with a ``tsvector`` of the same bigrams (joined by spaces,
  ``to_tsvector('simple', …)``: one lexeme per token, no stemming, no stop words) and a GIN index;
  a query is a ``tsquery`` of ``<->`` phrases built from the same tokens. A long text is indexed
  in overlapping parts of 2000 tokens (tsvector positions stop at 16383 and keep 256 per lexeme).

Only published, proactively disclosed items are ever put in the index (``services.publish`` adds,
``services.withdraw`` removes), and every query joins back to the item and checks it is public —
two locks on the same door.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection

_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+|[0-9a-z]+")
MAX_COUNT = 1000  # beyond this the portal says "1000+": counting every hit of a common word is wasted work
PART_SIZE = 2000  # tokens per indexed part on PostgreSQL
PART_OVERLAP = 64  # a phrase of up to 64 characters is never cut between two parts
WINDOW = 5_000  # PostgreSQL: the newest candidates searched first
POPULATION_CAP = 20_001  # filtered items counted up to this (more: the estimate of a total is a floor)
SQLITE_SELECTIVE = 4_000  # SQLite: filters leaving at most this many items: all checked by rowid
SQLITE_WINDOW = 2_000  # SQLite: otherwise the newest this many filtered items first
# The bigrams joined by spaces, through the 'simple' configuration: every token is one lexeme at its
# position (CJK characters are letters to PostgreSQL's parser in any UTF-8 database).
TO_TSVECTOR = "to_tsvector('simple', %s)"


# Full-width Latin letters and digits (ＡＢＣ１２３) as ASCII: what NFKC would do for the characters
# that matter here, at a fraction of its cost (indexing a million items spends its time here).
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_WIDE_ALNUM = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def fold(text: str) -> str:
    """Text as the index sees it: full-width letters and digits as ASCII, lower case. (Full-width
    punctuation, common in Chinese text, separates tokens either way: no need to translate it.)"""
    if _WIDE_ALNUM.search(text):
        text = text.translate(_FULLWIDTH)
    return text.lower()


def tokens(text: str) -> list[str]:
    """The index tokens of ``text``: CJK bigrams (+ each run's last character), Latin/digit words."""
    out: list[str] = []
    add = out.append
    for run in _RUN.findall(fold(text)):
        if run[0].isascii() or len(run) == 1:
            add(run)
        else:
            out += map(str.__add__, run, run[1:])
            add(run[-1])
    return out


@dataclass(frozen=True)
class Phrase:
    """One query term: its tokens in order; ``prefix`` for a lone CJK character."""

    parts: tuple[str, ...]
    prefix: bool = False


def parse_query(query: str) -> list[Phrase]:
    """Terms separated by spaces must all occur; each term is matched as written (one phrase), its
    punctuation ignored: 盐政发〔2021〕12号 also finds 盐政发[2021]12号."""
    phrases: list[Phrase] = []
    for term in query.split():
        runs = _RUN.findall(fold(term))
        parts: list[str] = []
        prefix = False
        for n, run in enumerate(runs):
            last = n == len(runs) - 1
            if run[0].isascii():
                parts.append(run)
            elif len(run) == 1:
                parts.append(run)
                prefix = last  # a lone last character may begin a longer run in the text
            else:
                parts.extend(run[i : i + 2] for i in range(len(run) - 1))
                if not last:  # the text's run ends here too, where the term's punctuation is
                    parts.append(run[-1])
        if parts:
            phrases.append(Phrase(tuple(parts), prefix))
    return phrases


@dataclass(frozen=True)
class AllOf:
    """Every part, anywhere in the item (a term's words)."""

    parts: tuple[Node, ...]


@dataclass(frozen=True)
class AnyOf:
    """One of the options (a phrase as written, its words, its abbreviation …)."""

    options: tuple[Node, ...]


Node = Phrase | AllOf | AnyOf  # a query term (``expand``); a plain term is a Phrase


def fts5(node: Node) -> str:
    """The term in SQLite FTS5's query syntax (a Phrase exactly as before expansion existed)."""
    if isinstance(node, Phrase):
        return '"' + " ".join(node.parts) + '"' + (" *" if node.prefix else "")
    if isinstance(node, AllOf):
        return "(" + " AND ".join(map(fts5, node.parts)) + ")"
    return "(" + " OR ".join(map(fts5, node.options)) + ")"


def tsquery(node: Node, nested: bool = False) -> str:
    """The term as a PostgreSQL tsquery: a phrase of ``<->``, groups of ``&`` and ``|``."""
    if isinstance(node, Phrase):
        text = " <-> ".join(f"'{t}'" for t in node.parts) + (":*" if node.prefix else "")
        return f"({text})" if nested and len(node.parts) > 1 else text
    if isinstance(node, AllOf):
        return "(" + " & ".join(tsquery(p, True) for p in node.parts) + ")"
    return "(" + " | ".join(tsquery(o, True) for o in node.options) + ")"


@dataclass(frozen=True)
class Filters:
    agency_path: str | None = None  # an agency and everything under it
    category: str | None = None
    year: int | None = None  # the year published


@dataclass
class Hits:
    ids: list[int]
    count: int  # capped at MAX_COUNT + 1
    capped: bool
    estimated: bool = False  # scaled from the newest candidates, not counted
    exact: int | None = None  # how many of ``ids`` (the first ones) hold the terms as written; None: all


SMALL_SUBTREE = 2000  # agency ids listed in the query (the planner then uses the catalogue index)
SELECTIVE = 10_000  # filters leaving at most this many items: search among them, item by item


def _filter_sql(filters: Filters) -> tuple[str, list[Any]]:
    sql = " AND i.status = 'published' AND i.attribute = 'proactive'"
    params: list[Any] = []
    if filters.agency_path:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id FROM agencies_agency WHERE path LIKE %s LIMIT %s",
                [filters.agency_path + "%", SMALL_SUBTREE + 1],
            )
            ids = [row[0] for row in cursor.fetchall()]
        if len(ids) <= SMALL_SUBTREE:
            sql += f" AND i.agency_id IN ({', '.join(str(int(i)) for i in ids) or 'NULL'})"
        else:
            sql += " AND i.agency_id IN (SELECT a.id FROM agencies_agency a WHERE a.path LIKE %s)"
            params.append(filters.agency_path + "%")
    if filters.category:
        sql += " AND i.category = %s"
        params.append(filters.category)
    if filters.year:
        sql += " AND i.published_on >= %s AND i.published_on <= %s"
        params += [f"{filters.year:04d}-01-01", f"{filters.year:04d}-12-31"]
    return sql, params


class Backend:
    vendor = ""
    delete_sql = ""

    def index(self, rows: Iterable[tuple[int, str]]) -> None:
        raise NotImplementedError

    def remove(self, item_ids: Sequence[int]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(self.delete_sql, [(item_id,) for item_id in item_ids])

    def base(self, phrases: list[Node]) -> tuple[str, list[Any]]:
        """``FROM … WHERE …`` matching the terms; the item table is ``i``."""
        raise NotImplementedError

    order = ""

    def search(self, phrases: list[Node], filters: Filters, limit: int, offset: int) -> Hits:
        if not phrases:
            return Hits([], 0, False)
        base, params = self.base(phrases)
        extra, extra_params = _filter_sql(filters)
        base += extra
        params += extra_params
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT i.id {base} ORDER BY {self.order} DESC LIMIT %s OFFSET %s", [*params, limit, offset]
            )
            ids = [row[0] for row in cursor.fetchall()]
            cursor.execute(f"SELECT count(*) FROM (SELECT 1 {base} LIMIT %s) t", [*params, MAX_COUNT + 1])
            count = cursor.fetchone()[0]
        return Hits(ids, count, count > MAX_COUNT)


class SqliteBackend(Backend):
    vendor = "sqlite"
    delete_sql = "DELETE FROM registry_search WHERE rowid = %s"
    order = "s.rowid"  # FTS5 walks its doclists by rowid: newest first, stopping at the LIMIT

    def index(self, rows: Iterable[tuple[int, str]]) -> None:
        data = [(item_id, " ".join(tokens(text))) for item_id, text in rows]
        with connection.cursor() as cursor:
            cursor.executemany(self.delete_sql, [(d[0],) for d in data])
            cursor.executemany("INSERT INTO registry_search(rowid, tokens) VALUES (%s, %s)", data)

    def base(self, phrases: list[Node]) -> tuple[str, list[Any]]:
        parts = [fts5(p) for p in phrases]
        return (
            "FROM registry_search s JOIN registry_item i ON i.id = s.rowid WHERE registry_search MATCH %s",
            [" AND ".join(parts)],
        )

    def search(self, phrases: list[Node], filters: Filters, limit: int, offset: int) -> Hits:
        """Without filters FTS5 walks the word's list newest first and stops at the page. With
        filters that walk may pass most of a common word's list before it meets the filtered
        items (a county's year long ago): then the filtered items are the candidates — all of them
        when few, else the newest SQLITE_WINDOW — each looked up in the index by rowid, in one pass."""
        if not (filters.agency_path or filters.year or filters.category):
            return super().search(phrases, filters, limit, offset)
        if not phrases:
            return Hits([], 0, False)
        _, (match,) = self.base(phrases)
        extra, extra_params = _filter_sql(filters)
        need = offset + limit
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM registry_item i WHERE 1{extra} LIMIT %s) t",
                [*extra_params, POPULATION_CAP],
            )
            population = int(cursor.fetchone()[0])
            everything = population <= SQLITE_SELECTIVE
            window = "" if everything else f" ORDER BY i.id DESC LIMIT {int(SQLITE_WINDOW)}"
            cursor.execute(
                f"SELECT s.rowid FROM registry_search s WHERE registry_search MATCH %s AND s.rowid IN "
                f"(SELECT i.id FROM registry_item i WHERE 1{extra}{window}) ORDER BY s.rowid DESC",
                [match, *extra_params],
            )
            ids = [row[0] for row in cursor.fetchall()]
        if everything:
            return Hits(ids[offset:need], min(len(ids), MAX_COUNT + 1), len(ids) > MAX_COUNT)
        if len(ids) >= need:  # the newest candidates filled the page: the total scaled from them
            estimate = round(len(ids) * population / SQLITE_WINDOW)
            if estimate > MAX_COUNT or population < POPULATION_CAP:  # (a capped population gives a floor)
                return Hits(ids[offset:need], min(estimate, MAX_COUNT + 1), estimate > MAX_COUNT, estimated=True)
        return super().search(phrases, filters, limit, offset)  # a word rare here: its list is short


def parts_of(words: list[str]) -> list[list[str]]:
    """A long text as overlapping parts of PART_SIZE tokens: tsvector positions stop at 16383 and keep
    256 per lexeme, so one vector per long document would lose phrases near its end."""
    if len(words) <= PART_SIZE:
        return [words]
    step = PART_SIZE - PART_OVERLAP
    return [words[start : start + PART_SIZE] for start in range(0, len(words) - PART_OVERLAP, step)]


class PostgresBackend(Backend):
    vendor = "postgresql"
    delete_sql = "DELETE FROM registry_search WHERE item_id = %s"
    order = "i.id"

    def index(self, rows: Iterable[tuple[int, str]]) -> None:
        data = [(item_id, n, " ".join(part)) for item_id, text in rows for n, part in enumerate(parts_of(tokens(text)))]
        with connection.cursor() as cursor:
            cursor.executemany(self.delete_sql, sorted({(d[0],) for d in data}))
            cursor.executemany(
                f"INSERT INTO registry_search(item_id, part, tokens) VALUES (%s, %s, {TO_TSVECTOR})", data
            )

    @staticmethod
    def tsqueries(phrases: list[Node]) -> list[str]:
        # One tsquery per term: a long document's terms may sit in different parts.
        return [tsquery(p) for p in phrases]

    def base(self, phrases: list[Node]) -> tuple[str, list[Any]]:
        queries = self.tsqueries(phrases)
        where = " AND ".join(
            "i.id IN (SELECT s.item_id FROM registry_search s WHERE s.tokens @@ %s::tsquery)" for _ in queries
        )
        return f"FROM registry_item i WHERE {where}", queries

    def search(self, phrases: list[Node], filters: Filters, limit: int, offset: int) -> Hits:
        """The planner cannot know how common a phrase is (it guesses one row), so the plans are
        chosen here, each bounded:

        * few candidates (filters leaving at most SELECTIVE items, or the newest WINDOW of the items
          the filters leave): taken newest first, each checked through its key, stopping when the
          page is full — a common word fills it at once;
        * a word too rare for that: all its matches through the GIN index (few, by definition).

        When the page fills long before the candidates run out, the total is estimated from how
        soon it filled, and shown as "1000 以上" only when plainly above 1000; otherwise counted.
        """
        if not phrases:
            return Hits([], 0, False)
        queries = self.tsqueries(phrases)
        extra, extra_params = _filter_sql(filters)
        need = offset + limit
        with connection.cursor() as cursor:
            cursor.execute("SELECT coalesce(max(id), 0) FROM registry_item")
            population = int(cursor.fetchone()[0])
            if filters.agency_path or filters.year or filters.category:
                cursor.execute(
                    f"SELECT count(*) FROM (SELECT 1 FROM registry_item i WHERE true{extra} LIMIT %s) t",
                    [*extra_params, POPULATION_CAP],
                )
                population = min(population, int(cursor.fetchone()[0]))
            hits = None
            if population <= SELECTIVE:
                hits = self._scan(cursor, extra, extra_params, queries, need, population, everything=True)
            elif population > WINDOW:
                hits = self._scan(cursor, extra, extra_params, queries, need, population, everything=False)
            if hits is None:
                hits = self._gin(cursor, queries, extra, extra_params, need)
        return Hits(hits.ids[offset:need], hits.count, hits.capped)

    @staticmethod
    def _scan(
        cursor: Any, extra: str, params: list[Any], queries: list[str], need: int, population: int, everything: bool
    ) -> Hits | None:
        """Candidates (all the filtered items, or the newest WINDOW of them) newest first, each
        checked by key; None when they cannot decide the answer."""
        checks = " AND ".join(
            "(SELECT bool_or(s.tokens @@ %s::tsquery) FROM registry_search s WHERE s.item_id = w.id)" for _ in queries
        )
        window = "" if everything else f" LIMIT {int(WINDOW)}"
        # A materialized CTE is read in the order it was written: newest first, stopping at LIMIT.
        base = (
            f"WITH w AS MATERIALIZED (SELECT i.id, row_number() OVER (ORDER BY i.id DESC) AS rn "
            f"FROM registry_item i WHERE true{extra} ORDER BY i.id DESC{window}) "
        )
        cursor.execute(f"{base}SELECT id, rn FROM w WHERE {checks} LIMIT %s", [*params, *queries, need])
        rows = cursor.fetchall()
        if len(rows) < need:
            # Every candidate was checked: exact among them — the answer when they were all the
            # items the filters allow; otherwise the word is rare and goes to the GIN list.
            return Hits([r[0] for r in rows], len(rows), False) if everything else None
        if need * population / rows[-1][1] > MAX_COUNT:
            return Hits([r[0] for r in rows], MAX_COUNT + 1, True)
        if not everything:
            return None  # few matches overall: the GIN list is short and exact
        cursor.execute(
            f"{base}SELECT count(*) FROM (SELECT 1 FROM w WHERE {checks} LIMIT %s) t",
            [*params, *queries, MAX_COUNT + 1],
        )
        count = int(cursor.fetchone()[0])
        return Hits([r[0] for r in rows], count, count > MAX_COUNT)

    @staticmethod
    def _gin(cursor: Any, queries: list[str], extra: str, extra_params: list[Any], need: int) -> Hits:
        """Through the GIN index: every term at once (the index intersects their bigrams), plus the
        few long documents whose terms may sit in different parts, each term then checked by key."""
        combined = " & ".join(f"({q})" for q in queries)
        checks = (
            "".join(
                " AND (SELECT bool_or(s.tokens @@ %s::tsquery) FROM registry_search s WHERE s.item_id = i.id)"
                for _ in queries
            )
            if len(queries) > 1
            else ""
        )
        long_parts = " UNION SELECT item_id FROM registry_search WHERE part > 0" if len(queries) > 1 else ""
        base = (
            f"WITH matched AS MATERIALIZED (SELECT item_id FROM registry_search WHERE tokens @@ %s::tsquery"
            f"{long_parts}) "
        )
        where = f"FROM registry_item i WHERE i.id IN (SELECT item_id FROM matched){extra}{checks}"
        params = [combined, *extra_params, *(queries if checks else [])]
        cursor.execute(f"{base}SELECT i.id {where} ORDER BY i.id DESC LIMIT %s", [*params, need])
        ids = [row[0] for row in cursor.fetchall()]
        cursor.execute(f"{base}SELECT count(*) FROM (SELECT 1 {where} LIMIT %s) t", [*params, MAX_COUNT + 1])
        count = int(cursor.fetchone()[0])
        return Hits(ids, count, count > MAX_COUNT)


def backend() -> Backend:
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()


def index_texts(rows: Iterable[tuple[int, str]]) -> None:
    backend().index(rows)


def remove(item_ids: Sequence[int]) -> None:
    backend().remove(item_ids)


def search(query: str, filters: Filters | None = None, limit: int = 20, offset: int = 0) -> Hits:
    """The items holding every term as written first (newest first), then those holding them in other
    words (``expand``: a term's words anywhere, abbreviations for full names), newest first."""
    from .expand import expand_query

    engine, filters = backend(), filters or Filters()
    exact_terms: list[Node] = list(parse_query(query))
    wider = expand_query(query)
    if wider is None:
        return engine.search(exact_terms, filters, limit, offset)
    need = offset + limit
    exact = engine.search(exact_terms, filters, need, 0)
    if len(exact.ids) >= need and exact.capped:  # a page of exact hits and "1000 以上" either way
        return Hits(exact.ids[offset:need], exact.count, True, exact.estimated, exact=len(exact.ids[offset:need]))
    # Fewer exact hits than the page needs: they are all known, and the wider ones follow them.
    broad = engine.search(wider, filters, need + len(exact.ids), 0)
    first = set(exact.ids)
    ids = exact.ids + [i for i in broad.ids if i not in first]
    page = ids[offset:need]
    count = max(broad.count, exact.count)
    return Hits(
        page,
        min(count, MAX_COUNT + 1),
        broad.capped or exact.capped,
        broad.estimated or exact.estimated,
        exact=min(len(page), max(0, len(exact.ids) - offset)),
    )


# -- the index table, created by the migration for the database in use ------------------------------

SQLITE_CREATE = "CREATE VIRTUAL TABLE IF NOT EXISTS registry_search USING fts5(tokens, tokenize = 'unicode61')"
# The long documents (indexed in several parts): found at once when a query's terms may sit apart.
LONG_PARTS_INDEX = "CREATE INDEX IF NOT EXISTS registry_search_long ON registry_search (item_id) WHERE part > 0"
POSTGRES_CREATE = (
    "CREATE TABLE IF NOT EXISTS registry_search ("
    # No foreign key: Django's flush truncates registry_item, and items are never deleted anyway.
    " item_id bigint NOT NULL, part integer NOT NULL, tokens tsvector NOT NULL,"
    " PRIMARY KEY (item_id, part))",
    "CREATE INDEX IF NOT EXISTS registry_search_tokens ON registry_search USING gin (tokens)",
    LONG_PARTS_INDEX,
)


def create_table(schema_editor: Any) -> None:
    statements = POSTGRES_CREATE if schema_editor.connection.vendor == "postgresql" else (SQLITE_CREATE,)
    for sql in statements:
        schema_editor.execute(sql)


def drop_table(schema_editor: Any) -> None:
    schema_editor.execute("DROP TABLE IF EXISTS registry_search")
