"""Reading results back: one document, all documents, and the keys of finished inputs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple

from sqlalchemy import Connection, Engine, exists, select

from hynlp.errors import AmbiguousDocument, DocumentNotFound
from hynlp.records import ExtractionResult
from hynlp.store.rows import result_from_rows
from hynlp.store.tables import CHILD_TABLES, articles, errors, source_key

# Articles per page when iterating: bounds memory and the size of IN (...) lists.
_PAGE_SIZE = 500


class DoneKey(NamedTuple):
    """What makes a stored result current for an input (see Store.done_keys)."""

    doc_id: str
    source: str | None
    raw_sha256: str
    pipeline_version: str


def get_result(engine: Engine, doc_id: str, source: str | None) -> ExtractionResult:
    query = select(articles).where(articles.c.doc_id == doc_id)
    if source is not None:
        query = query.where(articles.c.source_key == source_key(source))
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
        if not rows:
            raise DocumentNotFound(_not_found_message(conn, doc_id, source))
        if len(rows) > 1:
            sources = ", ".join(repr(row["source"]) for row in rows)
            raise AmbiguousDocument(f"doc_id {doc_id!r} is stored for several sources: {sources}")
        return _assemble(conn, rows)[0]


def iter_results(engine: Engine) -> Iterator[ExtractionResult]:
    """All stored results in insertion order, read a page at a time.

    Each page uses its own short connection, so an abandoned iterator holds
    no connection and long exports never block writers.
    """
    last_id = 0
    while True:
        with engine.connect() as conn:
            query = select(articles).where(articles.c.id > last_id).order_by(articles.c.id).limit(_PAGE_SIZE)
            rows = conn.execute(query).mappings().all()
            page = _assemble(conn, rows)
        if not rows:
            return
        yield from page
        last_id = rows[-1]["id"]


def is_done(engine: Engine, doc_id: str, raw_sha256: str, pipeline_version: str, source: str | None) -> bool:
    query = select(
        exists().where(
            articles.c.doc_id == doc_id,
            articles.c.source_key == source_key(source),
            articles.c.raw_sha256 == raw_sha256,
            articles.c.pipeline_version == pipeline_version,
        )
    )
    with engine.connect() as conn:
        return bool(conn.execute(query).scalar_one())


def done_keys(engine: Engine, include_errors: bool = False) -> set[DoneKey]:
    keys: set[DoneKey] = set()
    with engine.connect() as conn:
        for table in (articles, errors) if include_errors else (articles,):
            query = select(table.c.doc_id, table.c.source, table.c.raw_sha256, table.c.pipeline_version)
            keys.update(DoneKey(*row) for row in conn.execute(query))
    return keys


def stored_outcomes(engine: Engine, keys: Iterable[DoneKey], include_errors: bool) -> set[DoneKey]:
    """The keys among ``keys`` whose input already has a result (or, with
    ``include_errors``, an error row) with that content hash and pipeline version.

    Reads only the rows of the keys' doc_ids, a page at a time, so checking a
    batch costs the same however large the store is.
    """
    wanted = set(keys)
    doc_ids = sorted({key.doc_id for key in wanted})
    tables = (articles, errors) if include_errors else (articles,)
    found: set[DoneKey] = set()
    with engine.connect() as conn:
        for start in range(0, len(doc_ids), _PAGE_SIZE):
            page = doc_ids[start:start + _PAGE_SIZE]
            for table in tables:
                query = select(table.c.doc_id, table.c.source, table.c.raw_sha256, table.c.pipeline_version)
                found.update(DoneKey(*row) for row in conn.execute(query.where(table.c.doc_id.in_(page))))
    return found & wanted


def _assemble(conn: Connection, article_rows: Sequence[Mapping]) -> list[ExtractionResult]:
    """Results for the given articles rows, loading each child table in one query."""
    ids = [row["id"] for row in article_rows]
    children: dict[int, dict[str, list[Mapping]]] = defaultdict(lambda: defaultdict(list))
    for name, table in CHILD_TABLES.items():
        query = select(table).where(table.c.article_id.in_(ids)).order_by(table.c.article_id, table.c.idx)
        for row in conn.execute(query).mappings():
            children[row["article_id"]][name].append(row)
    return [result_from_rows(row, children[row["id"]]) for row in article_rows]


def _not_found_message(conn: Connection, doc_id: str, source: str | None) -> str:
    where = f"doc_id {doc_id!r}" + (f" from source {source!r}" if source is not None else "")
    query = select(errors.c.code, errors.c.message).where(errors.c.doc_id == doc_id)
    if source is not None:
        query = query.where(errors.c.source_key == source_key(source))
    failure = conn.execute(query.limit(1)).first()
    if failure is not None:
        return f"no result for {where}: it failed with [{failure.code}] {failure.message}"
    return f"no result for {where} in this store"
