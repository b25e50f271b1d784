"""pandas DataFrames over a store, for analysis in notebooks and scripts.

Figure values stay :class:`~decimal.Decimal` (object dtype) so nothing is
rounded; use ``df["value"].astype(float)`` when exactness does not matter.
The figure, entity and official frames lead with the article's ``doc_id``,
``article_source`` and ``published`` so they can be filtered without a join.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import ColumnElement, Engine, Select, Table, exists, select

from hynlp.errors import StoreError
from hynlp.store.tables import TABLES, articles, entities, figures, officials

REGION_ENTITY_TYPES = ("PLACE", "GOV")


def table_frame(engine: Engine, table_name: str) -> pd.DataFrame:
    """Every row and column of one table, in primary-key order."""
    table = TABLES.get(table_name)
    if table is None:
        raise StoreError(
            f"no table {table_name!r} in a hynlp store",
            hint=f"Tables: {', '.join(sorted(TABLES))}.",
        )
    return read_frame(engine, select(table).order_by(*table.primary_key.columns))


def figures_frame(
    engine: Engine,
    kind: str | None = None,
    since: date | str | None = None,
    doc_id: str | None = None,
    region: str | None = None,
) -> pd.DataFrame:
    """Figures, optionally only of one kind, one document, articles published on/after
    ``since``, or articles that mention ``region`` (see :func:`mentions_region`)."""
    return read_frame(engine, figures_query(kind=kind, since=since, doc_id=doc_id, region=region))


def entities_frame(engine: Engine, type: str | None = None) -> pd.DataFrame:
    return read_frame(engine, entities_query(type=type))


def officials_frame(engine: Engine) -> pd.DataFrame:
    return read_frame(engine, officials_query())


def figures_query(
    kind: str | None = None,
    since: date | str | None = None,
    doc_id: str | None = None,
    region: str | None = None,
) -> Select:
    query = _with_article(figures)
    if kind is not None:
        query = query.where(figures.c.kind == kind)
    if since is not None:
        since_date = date.fromisoformat(since) if isinstance(since, str) else since
        query = query.where(articles.c.published >= since_date)
    if doc_id is not None:
        query = query.where(articles.c.doc_id == doc_id)
    if region is not None:
        query = query.where(mentions_region(figures.c.article_id, region))
    return query


def entities_query(type: str | None = None) -> Select:
    query = _with_article(entities)
    if type is not None:
        query = query.where(entities.c.type == type)
    return query


def officials_query() -> Select:
    return _with_article(officials)


def mentions_region(article_id: ColumnElement[int], region: str) -> ColumnElement[bool]:
    """Whether the article names ``region`` in a PLACE or GOV entity: the region
    itself (``青禾区``) or a body of it (``青禾区住房和城乡建设局``, ``青禾经济开发区``
    for ``青禾``). An article names the district it reports on in its body and
    in its source line."""
    # A second alias: the region test looks at any entity of the article, so it
    # must not be confused with a query that reads from the entities table itself.
    named = entities.alias("region_entities")
    return exists().where(
        named.c.article_id == article_id,
        named.c.type.in_(REGION_ENTITY_TYPES),
        named.c.text.startswith(region, autoescape=True),
    )


def read_frame(engine: Engine, query: Select) -> pd.DataFrame:
    with engine.connect() as conn:
        result = conn.execute(query)
        return pd.DataFrame(result.all(), columns=list(result.keys()))


def _with_article(table: Table) -> Select:
    """A child table's rows with their article's identity and date in front."""
    own = [column for column in table.c if column.name != "article_id"]
    return (
        select(
            table.c.article_id,
            articles.c.doc_id,
            # A child's own "source" (entities: rule/gazetteer/model) keeps its name.
            articles.c.source.label("article_source"),
            articles.c.published,
            *own,
        )
        .join_from(table, articles, table.c.article_id == articles.c.id)
        .order_by(table.c.article_id, table.c.idx)
    )
