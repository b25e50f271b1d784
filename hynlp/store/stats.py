"""Summary counts of a store, as shown by ``hynlp stats``."""

from __future__ import annotations

from sqlalchemy import Column, Connection, Engine, Table, func, select

from hynlp.store.tables import articles, entities, errors, figures, officials, runs
from hynlp.store.versioning import stored_schema_version


def store_stats(engine: Engine) -> dict:
    """Counts with a stable set of top-level keys.

    ``duplicates`` counts stored articles beyond the first for one input
    identity; the unique constraint keeps it 0, and reporting it lets users
    and CI check that invariant rather than trust it.
    """
    with engine.connect() as conn:
        return {
            "schema_version": int(stored_schema_version(conn)),
            "articles_ok": _count(conn, articles),
            "articles_error": _count(conn, errors),
            "duplicates": _duplicates(conn),
            "entities_by_type": _count_by(conn, entities.c.type),
            "figures_by_kind": _count_by(conn, figures.c.kind),
            "officials": _count(conn, officials),
            "errors_by_code": _count_by(conn, errors.c.code),
            "pipeline_versions": _count_by(conn, articles.c.pipeline_version),
            "runs": _count(conn, runs),
        }


def _count(conn: Connection, table: Table) -> int:
    return conn.execute(select(func.count()).select_from(table)).scalar_one()


def _count_by(conn: Connection, column: Column) -> dict[str, int]:
    query = select(column, func.count()).group_by(column).order_by(column)
    return {key: count for key, count in conn.execute(query)}


def _duplicates(conn: Connection) -> int:
    per_identity = (
        select(func.count().label("n"))
        .select_from(articles)
        .group_by(articles.c.doc_id, articles.c.source_key)
        .subquery()
    )
    extra = select(func.coalesce(func.sum(per_identity.c.n - 1), 0))
    return int(conn.execute(extra).scalar_one())
