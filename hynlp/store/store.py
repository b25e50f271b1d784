"""The :class:`Store`: where extraction results, errors and runs are kept.

>>> import tempfile
>>> from hynlp.records import Article, ExtractionResult
>>> result = ExtractionResult(article=Article(doc_id="a1", raw_sha256="0" * 64, text="项目开工"),
...                           pipeline_version="0.1.0", config_hash="c" * 16)
>>> with tempfile.TemporaryDirectory() as tmp, open_store(f"{tmp}/hynlp.sqlite") as store:
...     store.write([result]), store.write([result]), store.get("a1") == result
(1, 0, True)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from datetime import date
from pathlib import Path
from types import TracebackType

import pandas as pd
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from hynlp.config import PIPELINE_VERSION
from hynlp.errors import StoreError
from hynlp.records import ErrorRecord, ExtractionResult
from hynlp.store import frames, reader, runs, writer
from hynlp.store.connect import DEFAULT_STORE, create_store_engine, describe_target, require_sqlite_file
from hynlp.store.export import ExportFormat, export_tables
from hynlp.store.projects import ProjectFrames, project_frames
from hynlp.store.reader import DoneKey
from hynlp.store.stats import store_stats
from hynlp.store.versioning import ensure_schema


def open_store(target: str | Path = DEFAULT_STORE, *, create: bool = True) -> Store:
    """Open (creating if needed) the store at a file path or a database URL.

    A path or ``sqlite:///path`` opens SQLite; ``postgresql://`` and
    ``postgresql+psycopg://`` URLs open PostgreSQL. Raises StoreError when the
    target cannot be opened and StoreSchemaMismatch when it holds another
    schema version. With ``create=False`` a SQLite file that does not exist
    is a StoreError instead of a new empty store (for commands that only
    read). Open one Store per process: engines do not survive fork.
    """
    where = describe_target(target)
    if not create:
        require_sqlite_file(target)
    engine = create_store_engine(target)
    try:
        ensure_schema(engine, where)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"cannot open store {where}: {_reason(exc)}") from exc
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, where)


class Store:
    """Results, errors and runs in SQLite or PostgreSQL; use :func:`open_store`.

    Inputs are identified by ``(doc_id, source)``; each has at most one stored
    outcome, a result or an error, and the latest write wins (see
    :mod:`hynlp.store.writer`). Database failures surface as StoreError.
    """

    def __init__(self, engine: Engine, where: str):
        self._engine = engine
        self.where = where

    # -- writing ------------------------------------------------------------

    def write(self, results: Iterable[ExtractionResult], run_id: str | None = None) -> int:
        """Write a batch in one transaction; returns how many were new or replaced.

        A result already stored with the same raw_sha256 and pipeline_version
        is skipped; a changed one replaces all rows of that input.
        """
        with self._database_errors():
            return writer.write_results(self._engine, results, run_id)

    def write_error(
        self, err: ErrorRecord, run_id: str | None = None, pipeline_version: str = PIPELINE_VERSION
    ) -> None:
        """Record a failed input; it replaces any stored result or error of that input."""
        with self._database_errors():
            writer.write_error(self._engine, err, pipeline_version, run_id)

    def start_run(self, config_json: str, config_hash: str, pipeline_version: str = PIPELINE_VERSION) -> str:
        """Record the start of a run and return its run_id."""
        with self._database_errors():
            return runs.start_run(self._engine, config_json, config_hash, pipeline_version)

    def finish_run(self, run_id: str, counts: Mapping[str, int]) -> None:
        with self._database_errors():
            runs.finish_run(self._engine, run_id, counts)

    # -- resuming -----------------------------------------------------------

    def is_done(self, doc_id: str, raw_sha256: str, pipeline_version: str, *, source: str | None) -> bool:
        """Whether this exact input already has a result from this pipeline version.

        ``source`` is part of the input's identity (None when the input has
        none), so it must be given. Failed inputs are not done: they are retried.
        """
        with self._database_errors():
            return reader.is_done(self._engine, doc_id, raw_sha256, pipeline_version, source)

    def done_keys(self, *, include_errors: bool = False) -> set[DoneKey]:
        """``is_done`` for every stored result at once: test ``DoneKey(...) in keys``.

        With ``include_errors``, error rows count too (their raw_sha256 may be None)."""
        with self._database_errors():
            return reader.done_keys(self._engine, include_errors)

    def done_among(self, keys: Iterable[DoneKey], *, include_errors: bool = False) -> set[DoneKey]:
        """The keys among ``keys`` that are already stored: as results, and with
        ``include_errors`` also as error rows of the same hash and version.

        Batch extraction asks this a chunk of inputs at a time, so memory stays
        flat for any store size and inputs stored meanwhile by other writers count.
        """
        with self._database_errors():
            return reader.stored_outcomes(self._engine, keys, include_errors)

    def unfinished_run(self, config_hash: str, pipeline_version: str = PIPELINE_VERSION) -> str | None:
        """The latest run of this configuration that was never finished, for ``--resume``."""
        with self._database_errors():
            return runs.unfinished_run(self._engine, config_hash, pipeline_version)

    # -- reading ------------------------------------------------------------

    def get(self, doc_id: str, source: str | None = None) -> ExtractionResult:
        """The stored result of doc_id; raises DocumentNotFound, or
        AmbiguousDocument when several sources share doc_id and none is given."""
        with self._database_errors():
            return reader.get_result(self._engine, doc_id, source)

    def results(self) -> Iterator[ExtractionResult]:
        """Every stored result, oldest first, streamed in pages."""
        with self._database_errors():
            yield from reader.iter_results(self._engine)

    def stats(self) -> dict:
        with self._database_errors():
            return store_stats(self._engine)

    def frame(self, table_name: str) -> pd.DataFrame:
        """One table as a DataFrame (articles, entities, figures, officials, runs, errors, ...)."""
        with self._database_errors():
            return frames.table_frame(self._engine, table_name)

    def figures(
        self, kind: str | None = None, since: date | str | None = None, doc_id: str | None = None,
        region: str | None = None,
    ) -> pd.DataFrame:
        """Figures, optionally of one ``kind``, published on/after ``since``, of one
        ``doc_id``, or from articles that name ``region`` in a PLACE or GOV entity."""
        with self._database_errors():
            return frames.figures_frame(self._engine, kind=kind, since=since, doc_id=doc_id, region=region)

    def entities(self, type: str | None = None) -> pd.DataFrame:
        with self._database_errors():
            return frames.entities_frame(self._engine, type=type)

    def officials(self) -> pd.DataFrame:
        with self._database_errors():
            return frames.officials_frame(self._engine)

    def project(self, name: str) -> ProjectFrames:
        """Everything known about one project, over time: its mentions, the figures
        about it and the officials in its articles; raises ProjectNotFound."""
        with self._database_errors():
            return project_frames(self._engine, name)

    def export(self, out_dir: str | Path, format: ExportFormat = "parquet") -> list[Path]:
        """Write one ``<table>.<format>`` file per table into out_dir; returns their paths."""
        with self._database_errors():
            return export_tables(self._engine, out_dir, format)

    # -- lifetime -----------------------------------------------------------

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.where!r})"

    def _database_errors(self) -> AbstractContextManager[None]:
        return _database_errors(self.where)


@contextmanager
def _database_errors(where: str) -> Iterator[None]:
    """Turn SQLAlchemy errors into StoreError, keeping the original as __cause__."""
    try:
        yield
    except SQLAlchemyError as exc:
        raise StoreError(f"database error in {where}: {_reason(exc)}") from exc


def _reason(exc: SQLAlchemyError) -> str:
    # The driver's own message, without SQLAlchemy's statement dump and links.
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
