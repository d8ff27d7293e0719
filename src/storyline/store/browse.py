"""Reads for browsing a store (CLI tables, the web app, the report): one query per view.

Every query here is bounded by an id or a page (``limit``/``offset``) and uses an index, so
that a page on a store of tens of thousands of articles stays fast; none loads the corpus.
Article list columns are read through the covering index ``articles_listing`` (named:
SQLite's planner otherwise takes the primary key and reads each row past its record).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storyline.model import Article
from storyline.store.db import Store
from storyline.store.provenance import chunks


@dataclass(frozen=True)
class StorylineFilter:
    """What the storyline list is narrowed to (each ``None`` or empty: not narrowed).

    ``word`` is an FTS5 query (see :func:`storyline.narrate.timeline.fts_query`): a storyline
    matches when one of its sentences or its title does. ``entity`` is a name key
    (:func:`storyline.language.names.name_key`).
    """

    word: str | None = None
    entity: str | None = None
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None


_STORYLINE_STATS = """
    SELECT s.storyline_id AS storyline_id, s.title AS title,
           MIN(e.date) AS start, MAX(e.date) AS end,
           COUNT(DISTINCT e.event_id) AS event_count,
           COUNT(DISTINCT ea.article_id) AS article_count,
           COUNT(DISTINCT COALESCE(a.source, a.wire)) AS outlet_count,
           MAX(a.ingested_at) AS last_activity
    FROM storylines s
    JOIN events e ON e.storyline_id = s.storyline_id
    JOIN event_articles ea ON ea.event_id = e.event_id
    JOIN articles a INDEXED BY articles_listing ON a.id = ea.article_id
"""


# Columns: the event holding article ``a`` and the storyline of its event.
_EVENT_OF_ARTICLE = """(SELECT ea.event_id FROM event_articles ea WHERE ea.article_id = a.id
                        LIMIT 1) AS event_id,
                       (SELECT e.storyline_id FROM event_articles ea
                        JOIN events e ON e.event_id = ea.event_id
                        WHERE ea.article_id = a.id LIMIT 1) AS storyline_id"""


def storyline_page(store: Store, narrow: StorylineFilter, limit: int, offset: int
                   ) -> tuple[list[dict[str, Any]], int]:
    """One page of storylines with their figures, most articles first, and the total count.

    Row keys: ``storyline_id``, ``title``, ``start``, ``end``, ``event_count``,
    ``article_count``, ``outlet_count``, ``last_activity`` (when an article of it was last
    stored).
    """
    where: list[str] = []
    params: list[Any] = []
    if narrow.word:
        where.append(
            """(s.storyline_id IN (
                   SELECT e2.storyline_id FROM sentences_fts f
                   JOIN sentences st ON st.rowid = f.rowid
                   JOIN event_articles ea2 ON ea2.article_id = st.article_id
                   JOIN events e2 ON e2.event_id = ea2.event_id
                   WHERE sentences_fts MATCH ?)
                OR s.title LIKE ? ESCAPE '\\')""")
        params += [narrow.word, "%" + _like(narrow.word.replace('"', "")) + "%"]
    if narrow.entity:
        where.append(
            """s.storyline_id IN (
                   SELECT e3.storyline_id FROM entity_names n
                   JOIN event_articles ea3 ON ea3.article_id = n.article_id
                   JOIN events e3 ON e3.event_id = ea3.event_id
                   WHERE n.key = ?)""")
        params.append(narrow.entity)
    if narrow.outlet:
        where.append(
            """s.storyline_id IN (
                   SELECT e4.storyline_id FROM articles a4
                   JOIN event_articles ea4 ON ea4.article_id = a4.id
                   JOIN events e4 ON e4.event_id = ea4.event_id
                   WHERE a4.source = ? COLLATE NOCASE)""")
        params.append(narrow.outlet)
    having: list[str] = []
    if narrow.date_from:
        having.append("MAX(e.date) >= ?")
        params.append(narrow.date_from)
    if narrow.date_to:
        # A date known to the day sorts after its month: compare on the prefix.
        having.append("MIN(e.date) <= ?")
        params.append(narrow.date_to + "\uffff")
    query = _STORYLINE_STATS + (" WHERE " + " AND ".join(where) if where else "")
    query += " GROUP BY s.storyline_id" + (" HAVING " + " AND ".join(having) if having else "")
    total = store.conn.execute(f"SELECT COUNT(*) FROM ({query})", params).fetchone()[0]
    rows = store.conn.execute(
        query + " ORDER BY article_count DESC, start, s.storyline_id LIMIT ? OFFSET ?",
        (*params, limit, offset))
    return [dict(row) for row in rows], int(total)


def storyline_stats(store: Store, storyline_id: str) -> dict[str, Any] | None:
    """The list row of one storyline (as :func:`storyline_page` gives it), or ``None``."""
    row = store.conn.execute(
        _STORYLINE_STATS + " WHERE s.storyline_id = ? GROUP BY s.storyline_id",
        (storyline_id,)).fetchone()
    return dict(row) if row else None


def storyline_article_ids(store: Store, storyline_id: str) -> list[str]:
    """Ids of the articles of one storyline, in arrival order."""
    return storylines_article_ids(store, [storyline_id]).get(storyline_id, [])


def storylines_article_ids(store: Store, storyline_ids: Sequence[str]) -> dict[str, list[str]]:
    """Ids of the articles of each of several storylines, in arrival order (one read).

    A storyline without articles is left out of the result.
    """
    found: dict[str, list[str]] = {}
    for chunk in chunks(list(dict.fromkeys(storyline_ids))):
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(
            f"""SELECT DISTINCT e.storyline_id, a.id, a.seq FROM events e
                JOIN event_articles ea ON ea.event_id = e.event_id
                JOIN articles a INDEXED BY articles_listing ON a.id = ea.article_id
                WHERE e.storyline_id IN ({marks}) ORDER BY a.seq""", tuple(chunk))
        for storyline_id, article_id, _ in rows:
            found.setdefault(storyline_id, []).append(article_id)
    return found


def events_of_storyline(store: Store, storyline_id: str) -> list[dict[str, Any]]:
    """The events of one storyline by date (undated last), with their article counts.

    Row keys: ``event_id``, ``storyline_id``, ``date``, ``date_precision``, ``title``,
    ``summary`` (parsed), ``article_count``.
    """
    return _event_list(store, "e.storyline_id = ?", (storyline_id,))


def events_by_id(store: Store, event_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The given events' rows (keys as :func:`events_of_storyline`), by id; unknown ids left out."""
    found: dict[str, dict[str, Any]] = {}
    for chunk in chunks(list(dict.fromkeys(event_ids))):
        marks = ",".join("?" * len(chunk))
        found.update((row["event_id"], row) for row in
                     _event_list(store, f"e.event_id IN ({marks})", tuple(chunk)))
    return found


def _event_list(store: Store, where: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
    """Events matching ``where`` by date (undated last), with their article counts."""
    rows = store.conn.execute(
        f"""SELECT e.event_id, e.storyline_id, e.date, e.date_precision, e.title, e.summary,
                   COUNT(ea.article_id) AS article_count
            FROM events e LEFT JOIN event_articles ea ON ea.event_id = e.event_id
            WHERE {where} GROUP BY e.event_id
            ORDER BY e.date IS NULL, e.date, e.event_id""", params)
    return [_event(row) for row in rows]


def event_row(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event's stored columns with its member ids in arrival order, or ``None``."""
    row = store.conn.execute(
        """SELECT e.event_id, e.storyline_id, e.date, e.date_precision, e.title, e.summary,
                  s.title AS storyline_title
           FROM events e LEFT JOIN storylines s ON s.storyline_id = e.storyline_id
           WHERE e.event_id = ?""", (event_id,)).fetchone()
    if row is None:
        return None
    found = _event(row)
    found["storyline_title"] = row["storyline_title"]
    found["articles"] = [r[0] for r in store.conn.execute(
        """SELECT a.id FROM event_articles ea
           JOIN articles a INDEXED BY articles_listing ON a.id = ea.article_id
           WHERE ea.event_id = ? ORDER BY a.seq""", (event_id,))]
    return found


def _event(row: Any) -> dict[str, Any]:
    found = dict(row)
    found["summary"] = json.loads(found.get("summary") or "[]")
    return found


def article_rows(store: Store, ids: Sequence[str]) -> list[dict[str, Any]]:
    """List columns of the given articles (no body), with provenance and event.

    Row keys: ``id``, ``title``, ``url``, ``source``, ``wire``, ``published``,
    ``published_precision``, ``seq``, ``ingested_at``, ``duplicate_group``, ``reprint_of``,
    ``version_of``, ``exact_duplicate_of``, ``event_id``, ``storyline_id``; arrival order.
    """
    rows: list[dict[str, Any]] = []
    for chunk in chunks(list(dict.fromkeys(ids))):
        marks = ",".join("?" * len(chunk))
        rows.extend(dict(row) for row in store.conn.execute(
            f"""SELECT a.id, a.title, a.url, a.source, a.wire, a.published,
                       a.published_precision, a.seq, a.ingested_at,
                       p.duplicate_group, p.reprint_of, p.version_of, p.exact_duplicate_of,
                       {_EVENT_OF_ARTICLE}
                FROM articles a INDEXED BY articles_listing
                LEFT JOIN provenance p ON p.article_id = a.id
                WHERE a.id IN ({marks})""", tuple(chunk)))
    rows.sort(key=lambda row: row["seq"])
    return rows


def article(store: Store, article_id: str) -> Article | None:
    """The whole stored record of one article, or ``None``."""
    row = store.conn.execute("SELECT record FROM articles WHERE id = ?",
                             (article_id,)).fetchone()
    return Article.from_dict(json.loads(row[0])) if row else None


def related_ids(store: Store, article_id: str) -> dict[str, list[str]]:
    """Ids of the article's copies (``reprints``), later versions and copy-group mates."""
    group = store.conn.execute("SELECT duplicate_group FROM provenance WHERE article_id = ?",
                               (article_id,)).fetchone()
    reprints = [r[0] for r in store.conn.execute(
        "SELECT article_id FROM provenance WHERE reprint_of = ? OR exact_duplicate_of = ?",
        (article_id, article_id))]
    versions = [r[0] for r in store.conn.execute(
        "SELECT article_id FROM provenance WHERE version_of = ?", (article_id,))]
    mates: list[str] = []
    if group and group[0]:
        mates = [r[0] for r in store.conn.execute(
            "SELECT article_id FROM provenance WHERE duplicate_group = ? AND article_id != ?",
            (group[0], article_id))]
    return {"reprints": reprints, "versions": versions, "group": mates}


def passages_of(store: Store, article_id: str, other: str | None = None
                ) -> list[dict[str, Any]]:
    """Passages the article shares, seen from its side (``start``/``end`` in its text).

    Row keys: ``other``, ``start``, ``end``, ``other_start``, ``other_end``, ``text``,
    ``other_text``, ``similarity``; only those shared with ``other`` when given.
    """
    rows = store.conn.execute(
        """SELECT b AS other, a_start AS start, a_end AS end, b_start AS other_start,
                  b_end AS other_end, a_text AS text, b_text AS other_text, similarity
           FROM passages WHERE a = ?
           UNION ALL
           SELECT a, b_start, b_end, a_start, a_end, b_text, a_text, similarity
           FROM passages WHERE b = ?""", (article_id, article_id))
    found = [dict(row) for row in rows if other is None or row["other"] == other]
    found.sort(key=lambda row: (row["other"], row["start"]))
    return found


def search_sentences(store: Store, fts: str, limit: int, offset: int,
                     outlet: str | None = None, date_from: str | None = None,
                     date_to: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """Sentences matching the FTS5 query ``fts``, best first (bm25), and how many match.

    Row keys: ``article_id``, ``idx``, ``start``, ``end``, ``text``, ``title``, ``source``,
    ``published``, ``event_id``, ``storyline_id``.
    """
    where = ["sentences_fts MATCH ?"]
    params: list[Any] = [fts]
    if outlet:
        where.append("a.source = ? COLLATE NOCASE")
        params.append(outlet)
    if date_from:
        where.append("a.published >= ?")
        params.append(date_from)
    if date_to:
        where.append("a.published <= ?")
        params.append(date_to + "\uffff")
    base = f"""FROM sentences_fts f JOIN sentences s ON s.rowid = f.rowid
               JOIN articles a INDEXED BY articles_listing ON a.id = s.article_id
               WHERE {' AND '.join(where)}"""
    total = store.conn.execute(f"SELECT COUNT(*) {base}", params).fetchone()[0]
    rows = store.conn.execute(
        f"""SELECT s.article_id, s.idx, s.start, s.end, s.text, a.title, a.source, a.published,
                   {_EVENT_OF_ARTICLE}
            {base} ORDER BY bm25(sentences_fts), a.seq, s.idx LIMIT ? OFFSET ?""",
        (*params, limit, offset))
    return [dict(row) for row in rows], int(total)


def entity_articles(store: Store, key: str) -> list[dict[str, Any]]:
    """Articles naming an entity (by its name key), with their dates.

    Row keys: ``article_id``, ``label``, ``spelling``, ``count``, ``published``, ``source``,
    ``title``, ``event_id``; by publication date (undated last).
    """
    rows = store.conn.execute(
        """SELECT n.article_id, n.label, n.spelling, n.count, a.published, a.source, a.title,
                  (SELECT ea.event_id FROM event_articles ea WHERE ea.article_id = a.id
                   LIMIT 1) AS event_id
           FROM entity_names n JOIN articles a INDEXED BY articles_listing ON a.id = n.article_id
           WHERE n.key = ?
           ORDER BY a.published IS NULL, a.published, a.seq""", (key,))
    return [dict(row) for row in rows]


def outlet_days(store: Store, ids: Sequence[str]) -> list[tuple[str, str, int]]:
    """(day, outlet, articles) among the given articles; undated articles left out."""
    counts: dict[tuple[str, str], int] = {}
    for chunk in chunks(list(ids)):
        marks = ",".join("?" * len(chunk))
        for row in store.conn.execute(
                f"""SELECT substr(published, 1, 10) AS day,
                           COALESCE(source, wire, 'unknown outlet') AS outlet, COUNT(*) AS n
                    FROM articles INDEXED BY articles_listing
                    WHERE id IN ({marks}) AND published IS NOT NULL GROUP BY day, outlet""",
                tuple(chunk)):
            key = (row["day"], row["outlet"])
            counts[key] = counts.get(key, 0) + int(row["n"])
    return sorted((day, outlet, n) for (day, outlet), n in counts.items())


def outlets(store: Store) -> list[tuple[str, int]]:
    """(outlet, articles) of every named outlet, most articles first."""
    rows = store.conn.execute(
        "SELECT source, COUNT(*) AS n FROM articles WHERE source IS NOT NULL "
        "GROUP BY source ORDER BY n DESC, source")
    return [(row[0], int(row[1])) for row in rows]


def resolve_kind(store: Store, some_id: str) -> str | None:
    """Which kind of record ``some_id`` names: storyline, event, article, or ``None``."""
    for kind, query in (("storyline", "SELECT 1 FROM storylines WHERE storyline_id = ?"),
                        ("event", "SELECT 1 FROM events WHERE event_id = ?"),
                        ("article", "SELECT 1 FROM articles WHERE id = ?")):
        if store.conn.execute(query, (some_id,)).fetchone():
            return kind
    return None


def _like(text: str) -> str:
    """``text`` with LIKE wildcards escaped (backslash is the escape character)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def quotes_of(store: Store, ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """Article id → its quotes (``text``, ``start``, ``end``, ``speaker``, ``speaker_id``).

    Read with SQLite's JSON functions: the stored record also holds the raw input, which
    a page listing an event's quotes must not parse.
    """
    found: dict[str, list[dict[str, Any]]] = {}
    for chunk in chunks(list(dict.fromkeys(ids))):
        marks = ",".join("?" * len(chunk))
        for row in store.conn.execute(
                f"SELECT id, json_extract(record, '$.quotes') AS q FROM articles "
                f"WHERE id IN ({marks})", tuple(chunk)):
            found[row["id"]] = json.loads(row["q"] or "[]")
    return found


def names_of(store: Store, ids: Sequence[str]) -> list[dict[str, Any]]:
    """The names the given articles mention, most articles first.

    Row keys: ``key``, ``label``, ``spelling`` (the most used), ``articles``, ``mentions``.
    """
    counts: dict[tuple[str, str], dict[str, Any]] = {}
    for chunk in chunks(list(dict.fromkeys(ids))):
        marks = ",".join("?" * len(chunk))
        for row in store.conn.execute(
                f"""SELECT key, label, spelling, COUNT(DISTINCT article_id) AS articles,
                           SUM(count) AS mentions FROM entity_names
                    WHERE article_id IN ({marks}) GROUP BY key, label, spelling""",
                tuple(chunk)):
            entry = counts.setdefault((row["key"], row["label"]), {
                "key": row["key"], "label": row["label"], "spelling": row["spelling"],
                "articles": 0, "mentions": 0, "_best": 0})
            entry["articles"] += int(row["articles"])
            entry["mentions"] += int(row["mentions"])
            if int(row["mentions"]) > entry["_best"]:
                entry["spelling"], entry["_best"] = row["spelling"], int(row["mentions"])
    rows = [{k: v for k, v in entry.items() if k != "_best"} for entry in counts.values()]
    rows.sort(key=lambda r: (-r["articles"], -r["mentions"], r["key"]))
    return rows


def totals(store: Store) -> dict[str, int]:
    """How much the store holds: articles, copies, events, storylines, outlets."""
    row = store.conn.execute(
        """SELECT (SELECT COUNT(*) FROM articles) AS articles,
                  (SELECT COUNT(*) FROM provenance
                   WHERE reprint_of IS NOT NULL OR exact_duplicate_of IS NOT NULL) AS copies,
                  (SELECT COUNT(*) FROM events) AS events,
                  (SELECT COUNT(*) FROM storylines) AS storylines,
                  (SELECT COUNT(DISTINCT COALESCE(source, wire)) FROM articles) AS outlets"""
    ).fetchone()
    return {key: int(value) for key, value in dict(row).items()}


def unlinked_events(store: Store) -> list[dict[str, Any]]:
    """Events in no storyline, by date (rows as :func:`events_of_storyline` gives them)."""
    return _event_list(store, "e.storyline_id IS NULL", ())


def article_ids(store: Store, in_no_event: bool = False) -> list[str]:
    """Ids of every stored article (or of those in no event), in arrival order."""
    query = "SELECT id FROM articles"
    if in_no_event:
        query += " WHERE id NOT IN (SELECT article_id FROM event_articles)"
    return [row[0] for row in store.conn.execute(query + " ORDER BY seq")]


def reuse_pairs(store: Store, ids: Sequence[str]) -> list[tuple[str, str, int]]:
    """(original's outlet, copy's outlet, copies) among the given articles' copies."""
    counts: dict[tuple[str, str], int] = {}
    for chunk in chunks(list(ids)):
        marks = ",".join("?" * len(chunk))
        for row in store.conn.execute(
                f"""SELECT COALESCE(o.source, o.wire, 'unknown outlet') AS original,
                           COALESCE(c.source, c.wire, 'unknown outlet') AS copy, COUNT(*) AS n
                    FROM provenance p
                    JOIN articles c INDEXED BY articles_listing ON c.id = p.article_id
                    JOIN articles o INDEXED BY articles_listing
                         ON o.id = COALESCE(p.reprint_of, p.exact_duplicate_of)
                    WHERE p.article_id IN ({marks}) GROUP BY original, copy""", tuple(chunk)):
            key = (row["original"], row["copy"])
            counts[key] = counts.get(key, 0) + int(row["n"])
    return sorted(((a, b, n) for (a, b), n in counts.items()), key=lambda t: (-t[2], t[0], t[1]))
