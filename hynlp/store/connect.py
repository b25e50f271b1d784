"""From a ``--db`` target (a file path or a database URL) to a configured Engine.

* a path, or a ``sqlite:///path`` URL: SQLite with WAL journaling (readers
  never block the writer), foreign keys on, and write transactions that start
  with ``BEGIN IMMEDIATE`` so two writers queue instead of failing midway;
* ``postgresql://`` or ``postgresql+psycopg://``: PostgreSQL through psycopg 3.

>>> describe_target("out/hynlp.sqlite")
'sqlite:///out/hynlp.sqlite'
>>> describe_target("postgresql://hynlp:secret@db/hynlp")
'postgresql+psycopg://hynlp:***@db/hynlp'
"""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, Engine, Insert, Table, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from hynlp.errors import StoreError

DEFAULT_STORE = "hynlp.sqlite"

# Execution option that marks a connection as a writer (see _begin_sqlite).
WRITE_OPTION = "hynlp_write"

_POSTGRES_DRIVERS = ("postgresql", "postgresql+psycopg")
_SQLITE_BUSY_TIMEOUT_S = 60

# PostgreSQL deadlock_detected and serialization_failure: the transaction was
# aborted only because of another writer, so running it again is safe.
_TRANSIENT_SQLSTATES = frozenset({"40P01", "40001"})
_TRANSIENT_ATTEMPTS = 5
_TRANSIENT_BACKOFF_S = 0.05

T = TypeVar("T")


def target_url(target: str | Path) -> URL:
    """The SQLAlchemy URL for a path or URL; raises StoreError for unsupported schemes."""
    text = str(target)
    if "://" not in text:
        return _sqlite_url(Path(text))
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise StoreError(f"cannot parse database URL {text!r}: {exc}") from exc
    if url.drivername in _POSTGRES_DRIVERS:
        return url.set(drivername="postgresql+psycopg")
    if url.drivername == "sqlite" and url.database:
        return _sqlite_url(Path(url.database))
    raise StoreError(
        f"unsupported database URL scheme {url.drivername!r}",
        hint="Use a file path, sqlite:///path, postgresql://... or postgresql+psycopg://...",
    )


def require_sqlite_file(target: str | Path) -> None:
    """Raise StoreError when the target is a SQLite file that does not exist yet."""
    url = target_url(target)
    if url.get_backend_name() == "sqlite" and not Path(url.database).is_file():
        raise StoreError(
            f"no store at {url.database}",
            hint=f"Check the --db path, or create the store with `hynlp extract INPUT... --db {url.database}`.",
        )


def describe_target(target: str | Path) -> str:
    """The target as a URL with any password masked, for messages and logs."""
    return target_url(target).render_as_string(hide_password=True)


def _sqlite_url(path: Path) -> URL:
    if path.is_dir():
        raise StoreError(
            f"{path} is a directory",
            hint=f"Give a file path such as {path / DEFAULT_STORE}.",
        )
    return URL.create("sqlite", database=str(path))


def create_store_engine(target: str | Path) -> Engine:
    """An Engine for the target; SQLite parent folders are created as needed."""
    url = target_url(target)
    # Chinese text stays readable in JSON columns instead of \\uXXXX escapes.
    serializer = functools.partial(json.dumps, ensure_ascii=False)
    if url.get_backend_name() == "sqlite":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            json_serializer=serializer,
            connect_args={"timeout": _SQLITE_BUSY_TIMEOUT_S},
        )
        event.listen(engine, "connect", _configure_sqlite_connection)
        event.listen(engine, "begin", _begin_sqlite)
        return engine
    try:
        return create_engine(url, json_serializer=serializer, pool_pre_ping=True)
    except ModuleNotFoundError as exc:  # the driver is an optional dependency
        raise StoreError(
            "PostgreSQL stores need the psycopg 3 driver",
            hint='pip install "psycopg[binary]>=3.1,<4"',
        ) from exc


def _configure_sqlite_connection(dbapi_connection, connection_record) -> None:
    # Take BEGIN away from the sqlite3 module so transactions (DDL and
    # SAVEPOINT included) are exactly the ones SQLAlchemy opens; see the
    # SQLAlchemy pysqlite notes on "Serializable isolation / Savepoints".
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        # In WAL mode NORMAL cannot corrupt the file; it only may lose the
        # last commits on power loss, which a resumed run redoes.
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _begin_sqlite(conn) -> None:
    # A deferred transaction that reads and then writes fails with
    # "database is locked" when another writer got in between; IMMEDIATE
    # takes the write lock up front and waits (busy timeout) for its turn.
    if conn.get_execution_options().get(WRITE_OPTION):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def dialect_insert(engine: Engine, table: Table) -> Insert:
    """An INSERT with ``on_conflict_do_*`` support for the engine's backend."""
    if is_postgres(engine):
        return postgresql.insert(table)
    return sqlite.insert(table)


def write_transaction(engine: Engine, work: Callable[[Connection], T]) -> T:
    """Run ``work`` in one write transaction, retrying it when PostgreSQL aborts
    it for a deadlock or serialization failure between concurrent writers."""
    for attempt in range(1, _TRANSIENT_ATTEMPTS + 1):
        try:
            with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
                return work(conn)
        except DBAPIError as exc:
            sqlstate = getattr(exc.orig, "sqlstate", None)
            if sqlstate not in _TRANSIENT_SQLSTATES or attempt == _TRANSIENT_ATTEMPTS:
                raise
            time.sleep(_TRANSIENT_BACKOFF_S * attempt)
    raise AssertionError("unreachable: the last attempt returns or raises")
