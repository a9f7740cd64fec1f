"""One search box over articles, claims, evidence and sources, using the
database's own full-text search.

SQLite: FTS5 tables (articles_fts, claims_fts, evidence_fts, sources_fts)
kept in sync by triggers created in the migration. PostgreSQL: a stored
generated column ``search_vector`` (``to_tsvector('simple', ...)`` of the text
below) with a GIN index on each table, kept by the database itself.

Articles, claims and evidence come newest first, twenty at a time, with a
link to older matches: a common word matches a third of a year's evidence,
and ranking every match (or even collecting them through the index) cost
more than the rest of the page. Sources, a short registry, come best first.
"""

import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from factcheck.extensions import db
from factcheck.models import Article, Claim, Evidence, Source

# The text behind each table's search_vector on PostgreSQL (see the 0002
# migration); the vector is made from its first INDEXED_CHARS characters
# (0011), so a huge article stays under PostgreSQL's 1 MB tsvector limit.
INDEXED_CHARS = 100_000
PG_EXPRESSIONS = {
    "articles": "title || ' ' || byline || ' ' || desk || ' ' || body",
    "claims": "exact || ' ' || note",
    "evidence": "title || ' ' || excerpt || ' ' || note || ' ' || url || ' ' || file_name",
    "sources": "name || ' ' || affiliation || ' ' || reliability_notes",
    "source_aliases": "alias",
}
MODELS = {"articles": Article, "claims": Claim, "evidence": Evidence, "sources": Source}
MAX_TERMS = 8
_WORD = re.compile(r"\w+", re.UNICODE)


def terms(query: str) -> list[str]:
    """The words of a query, lower-cased; every operator and quote dropped,
    so user input can never be read as query syntax."""
    seen: list[str] = []
    for word in _WORD.findall(query.lower()):
        word = word.strip("_")
        if word and word not in seen:
            seen.append(word)
    return seen[:MAX_TERMS]


def fts5_query(words: list[str]) -> str:
    """Every word, as a prefix: ``"hama"* "army"*``."""
    return " ".join(f'"{w}"*' for w in words)


def tsquery(words: list[str]) -> str:
    """``hama:* & army:*`` for to_tsquery; words are \\w only."""
    return " & ".join(f"{w}:*" for w in words)


# Tables listed newest first (the others, best first).
NEWEST_FIRST = ("articles", "claims", "evidence")
# How many of a table's newest rows PostgreSQL reads one by one before it
# asks the GIN index instead (see _pg_newest). An article's search vector
# is large (6 kB at a year of data; reading 2,000 took 7 ms), a claim's or
# a piece of evidence's small (2,000 in 1 ms).
RECENT_WINDOW = {"articles": 50, "claims": 2000, "evidence": 2000}


def _best(table: str, words: list[str], limit: int) -> sa.TextualSelect:
    """The best ``limit`` matches of ``table`` (sources): their ids and
    ``rank_order``, lower first."""
    if db.engine.dialect.name == "postgresql":
        query = "to_tsquery('simple', :q)"
        where = f"search_vector @@ {query}"
        rank = f"ts_rank(search_vector, {query})"
        if table == "sources":
            where = (
                f"({where} OR id IN (SELECT source_id FROM source_aliases "
                f"WHERE search_vector @@ {query}))"
            )
        statement = sa.text(
            f"SELECT id, -{rank} AS rank_order FROM {table} WHERE {where} "
            f"ORDER BY {rank} DESC, id LIMIT :limit"
        ).bindparams(q=tsquery(words), limit=limit)
    else:
        fts = f"{table}_fts"
        statement = sa.text(
            f"SELECT rowid AS id, rank AS rank_order FROM {fts} WHERE {fts} MATCH :q "
            "ORDER BY rank LIMIT :limit"
        ).bindparams(q=fts5_query(words), limit=limit)
    return statement.columns(id=sa.Integer, rank_order=sa.Float)


def _sqlite_newest(table: str, words: list[str], limit: int, before: int | None) -> sa.TextClause:
    fts = f"{table}_fts"
    below = " AND rowid < :before" if before is not None else ""
    return sa.text(
        f"SELECT rowid AS id FROM {fts} WHERE {fts} MATCH :q{below} "
        "ORDER BY rowid DESC LIMIT :limit"
    ).bindparams(q=fts5_query(words), limit=limit, **({"before": before} if below else {}))


def _pg_newest(table: str, words: list[str], limit: int, before: int | None) -> sa.TextClause:
    """The newest ``limit`` matches (below ``before``), in one statement that
    reads as little as the word allows. A common word is found among the
    newest rows: they are read newest first and the scan stops at the
    ``limit``-th match, a few hundred rows at most. Only when the newest
    RECENT_WINDOW[table] rows hold fewer matches does the GIN index collect them
    all (a rarer word, so fewer), and those are sorted. (Collecting a common
    word through the index alone took 10 ms per table at a year of data.)"""
    below = "WHERE id < :before" if before is not None else ""
    matches = "search_vector @@ to_tsquery('simple', :q)"
    statement = f"""
        WITH recent AS MATERIALIZED (
            SELECT id FROM (
                SELECT id, search_vector FROM {table} {below}
                ORDER BY id DESC LIMIT :window
            ) AS newest
            WHERE {matches} ORDER BY id DESC LIMIT :limit
        ),
        every AS MATERIALIZED (
            SELECT id FROM {table} WHERE {matches} {"AND id < :before" if below else ""}
        )
        SELECT id FROM recent WHERE (SELECT count(*) FROM recent) >= :limit
        UNION ALL
        (SELECT id FROM every WHERE (SELECT count(*) FROM recent) < :limit
         ORDER BY id DESC LIMIT :limit)
    """
    values = {"q": tsquery(words), "limit": limit, "window": RECENT_WINDOW[table]}
    return sa.text(statement).bindparams(**values, **({"before": before} if below else {}))


def newest_matches(
    table: str, words: list[str], limit: int, before: int | None = None
) -> sa.TextualSelect:
    """A statement of the ids of the newest ``limit`` rows of ``table``
    (below id ``before``) matching every word, for use as a subquery."""
    if db.engine.dialect.name == "postgresql":
        statement = _pg_newest(table, words, limit, before)
    else:
        statement = _sqlite_newest(table, words, limit, before)
    return statement.columns(id=sa.Integer)


def matching_ids(table: str, query: str, limit: int = 20, before: int | None = None) -> list[int]:
    """Ids of the rows of ``table`` matching every word of ``query``: newest
    first (ids below ``before``, for older matches) for articles, claims and
    evidence, best first for sources."""
    words = terms(query)
    if not words:
        return []
    if table in NEWEST_FIRST:
        ids = db.session.scalars(newest_matches(table, words, limit, before))
        return sorted(ids, reverse=True)
    return list(db.session.scalars(_best(table, words, limit)))


@dataclass
class Results:
    """Articles, claims and evidence as rows of what the page shows (one
    statement each, no objects to build); sources as objects, with aliases."""

    query: str
    articles: list[sa.Row] = field(default_factory=list)
    claims: list[sa.Row] = field(default_factory=list)
    evidence: list[sa.Row] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    # The one kind asked for (older matches of it), or None for every kind.
    kind: str | None = None
    # Kinds whose list is full: there may be older matches.
    more: set[str] = field(default_factory=set)

    @property
    def total(self) -> int:
        return len(self.articles) + len(self.claims) + len(self.evidence) + len(self.sources)


# What the results page shows of each kind listed newest first.
SHOWN = {
    "articles": lambda: sa.select(
        Article.id, Article.title, Article.status, Article.desk, Article.body
    ),
    "claims": lambda: sa.select(
        Claim.id, Claim.exact, Claim.status, Claim.note, Article.title.label("article_title")
    ).join(Article, Article.id == Claim.article_id),
    "evidence": lambda: sa.select(
        Evidence.id,
        Evidence.claim_id,
        Evidence.title,
        Evidence.stance,
        Evidence.excerpt,
        Evidence.note,
        Evidence.url,
        Claim.exact.label("claim_exact"),
    ).join(Claim, Claim.id == Evidence.claim_id),
}


def _load_best_sources(words: list[str], limit: int) -> list[Source]:
    """The best matching sources with their aliases, in one statement."""
    best = _best("sources", words, limit).subquery()
    query = (
        sa.select(Source)
        .join(best, best.c.id == Source.id)
        .options(joinedload(Source.aliases))
        .order_by(best.c.rank_order, Source.id)
    )
    return list(db.session.scalars(query).unique())


def _load_newest(table: str, words: list[str], limit: int, before: int | None) -> list[sa.Row]:
    """The matches and what the page shows beside them, in one statement."""
    model = MODELS[table]
    ids = newest_matches(table, words, limit, before).subquery()
    query = SHOWN[table]().where(model.id.in_(sa.select(ids.c.id))).order_by(model.id.desc())
    return list(db.session.execute(query))


def search(
    query: str, limit: int = 20, kind: str | None = None, before: int | None = None
) -> Results:
    """Every kind's first ``limit`` matches; or, with ``kind`` (one of
    NEWEST_FIRST), that kind's matches older than id ``before``."""
    results = Results(query=query.strip(), kind=kind)
    words = terms(query)
    if not words:
        return results
    with _index_over_table_scan():
        for table in NEWEST_FIRST:
            if kind is None or table == kind:
                found = _load_newest(table, words, limit, before if kind else None)
                setattr(results, table, found)
                if len(found) == limit:
                    results.more.add(table)
    if kind is None:
        results.sources = _load_best_sources(words, limit)
    return results


@contextmanager
def _index_over_table_scan():
    """PostgreSQL: while searching, the GIN indexes rather than reading
    every row. The planner reads a small table (a year's 1,000 articles)
    whole for a rare word, not counting that each row's search vector must
    be unpacked to check it (7 ms for the articles); the index answers a
    rare word in well under 1 ms. Set for these three searches only (the
    sources' search, with its aliases, needs its table scans)."""
    if db.engine.dialect.name != "postgresql":
        yield
        return
    db.session.execute(sa.text("SET LOCAL enable_seqscan = off"))
    yield
    db.session.execute(sa.text("SET LOCAL enable_seqscan TO DEFAULT"))


@lru_cache(maxsize=64)
def _first_word_patterns(query: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(rf"\b{re.escape(w)}") for w in terms(query))


@lru_cache(maxsize=64)
def _match_pattern(query: str) -> re.Pattern | None:
    words = terms(query)
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\w*", re.I)


def _first_hit(text: str, query: str) -> int:
    lower = text.lower()
    hits = [m.start() for p in _first_word_patterns(query) if (m := p.search(lower))]
    return min(hits, default=0)


def excerpt(text: str, query: str, width: int = 180) -> str:
    """A window of ``text`` around the first word that matches the query."""
    hit = _first_hit(text, query)
    start = max(0, hit - width // 3)
    end = min(len(text), start + width)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def highlight_spans(text: str, query: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, matched) runs; words that start with a query
    term are matched. The template escapes each piece."""
    pattern = _match_pattern(query)
    if pattern is None:
        return [(text, False)]
    runs, last = [], 0
    for m in pattern.finditer(text):
        if m.start() > last:
            runs.append((text[last : m.start()], False))
        runs.append((m.group(0), True))
        last = m.end()
    if last < len(text):
        runs.append((text[last:], False))
    return runs
