"""Idempotent writes of results and error rows.

An input is identified by ``(doc_id, source)``. Writing a result whose
``(raw_sha256, pipeline_version)`` is already stored for that input does
nothing; a different hash or pipeline version replaces the input's rows in the
same transaction. Each input has at most one row in ``articles`` or
``errors`` (never both): the latest outcome wins, so ok + error = inputs.

Concurrent writers: SQLite writers take turns (``BEGIN IMMEDIATE``). On
PostgreSQL every write first takes a transaction-scoped advisory lock on the
input's identity, so a result and an error for one input can never interleave
(row locks cannot guard the row that is not there yet). The unique
constraints on the identity are the last line: a duplicate insert fails
instead of creating a second row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import Connection, Engine, Table, and_, bindparam, delete, func, insert, select, update
from sqlalchemy.sql import ColumnElement

from hynlp.records import ErrorRecord, ExtractionResult
from hynlp.store.connect import dialect_insert, is_postgres, write_transaction
from hynlp.store.rows import article_row, child_rows, error_row
from hynlp.store.runs import require_run
from hynlp.store.tables import CHILD_TABLES, articles, errors, source_key, utc_now


def write_results(engine: Engine, results: Iterable[ExtractionResult], run_id: str | None) -> int:
    """Write all results in one transaction; returns how many were inserted or replaced.

    Articles are written one by one (each needs its id and the check of what
    is stored); their child rows, and the clearing of earlier errors, go in
    one statement per table for the whole batch: with one parent process
    writing for many workers, per-row statements made it the bottleneck.
    """
    # Concurrent writers lock identities in the same order, so they cannot
    # deadlock each other; sorted() is stable, so the last duplicate wins.
    batch = sorted(results, key=lambda r: (r.article.doc_id, source_key(r.article.source)))
    # Rows are made before the transaction: SQLite writers take turns, and
    # none should hold the lock while it converts records.
    now = utc_now()
    rows = [(article_row(result, run_id, now), child_rows(result)) for result in batch]

    def work(conn: Connection) -> int:
        require_run(conn, run_id)
        children: dict[int, dict[str, list[dict]]] = {}  # by article id: a later duplicate replaces an earlier one
        identities = []
        for row, child in rows:
            article_id = _write_article(conn, engine, row)
            if article_id is not None:
                children[article_id] = child
                identities.append({"doc": row["doc_id"], "key": row["source_key"]})
        _insert_children(conn, children)
        if identities:
            conn.execute(delete(errors).where(errors.c.doc_id == bindparam("doc"),
                                              errors.c.source_key == bindparam("key")), identities)
        return len(identities)

    return write_transaction(engine, work)


def write_error(engine: Engine, err: ErrorRecord, pipeline_version: str, run_id: str | None) -> None:
    """Record a failed input, replacing any stored result or earlier error for it."""
    row = error_row(err, pipeline_version, run_id, utc_now())
    upsert = dialect_insert(engine, errors)
    upsert = upsert.on_conflict_do_update(
        index_elements=[errors.c.doc_id, errors.c.source_key],
        set_={name: upsert.excluded[name] for name in row},
    )

    def work(conn: Connection) -> None:
        require_run(conn, run_id)
        _lock_identity(conn, engine, err.doc_id, row["source_key"])
        conn.execute(delete(articles).where(_identity(articles, err.doc_id, row["source_key"])))
        conn.execute(upsert, row)

    write_transaction(engine, work)


def _write_article(conn: Connection, engine: Engine, row: dict) -> int | None:
    """The id of the input's article row, inserted or replaced; None when it is stored unchanged."""
    _lock_identity(conn, engine, row["doc_id"], row["source_key"])
    insert_new = (
        dialect_insert(engine, articles)
        .on_conflict_do_nothing(index_elements=[articles.c.doc_id, articles.c.source_key])
        .returning(articles.c.id)
    )
    article_id = conn.execute(insert_new, row).scalar_one_or_none()
    if article_id is None:
        identity = _identity(articles, row["doc_id"], row["source_key"])
        stored = conn.execute(
            select(articles.c.id, articles.c.raw_sha256, articles.c.pipeline_version).where(identity)
        ).one()
        if (stored.raw_sha256, stored.pipeline_version) == (row["raw_sha256"], row["pipeline_version"]):
            return None
        article_id = stored.id
        conn.execute(update(articles).where(articles.c.id == article_id).values(row))
        _delete_children(conn, article_id)
    return article_id


def _lock_identity(conn: Connection, engine: Engine, doc_id: str, key: str) -> None:
    """Serialize writers of one input on PostgreSQL until the transaction ends."""
    if is_postgres(engine):
        name = json.dumps([doc_id, key], ensure_ascii=False)  # unambiguous for any strings
        conn.execute(select(func.pg_advisory_xact_lock(func.hashtextextended(name, 0))))


def _identity(table: Table, doc_id: str, key: str) -> ColumnElement[bool]:
    return and_(table.c.doc_id == doc_id, table.c.source_key == key)


def _delete_children(conn: Connection, article_id: int) -> None:
    for table in CHILD_TABLES.values():
        conn.execute(delete(table).where(table.c.article_id == article_id))


def _insert_children(conn: Connection, children: dict[int, dict[str, list[dict]]]) -> None:
    """The child rows of every article in ``children``, one executemany per table."""
    rows_by_table: dict[str, list[dict]] = {name: [] for name in CHILD_TABLES}
    for article_id, tables in children.items():
        for name, rows in tables.items():
            rows_by_table[name] += [{"article_id": article_id, **row} for row in rows]
    for name, rows in rows_by_table.items():
        if rows:
            conn.execute(insert(CHILD_TABLES[name]), rows)
