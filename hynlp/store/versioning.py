"""Create a store's tables, or check that an existing store has our schema version.

The ``meta`` table records :data:`hynlp.records.SCHEMA_VERSION` when the tables
are created. A store from another schema version is refused with
:class:`~hynlp.errors.StoreSchemaMismatch` instead of being read wrongly.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, inspect, select, text

from hynlp.errors import StoreError, StoreSchemaMismatch
from hynlp.records import SCHEMA_VERSION
from hynlp.store.connect import WRITE_OPTION, dialect_insert, is_postgres
from hynlp.store.tables import METADATA, TABLES, meta, utc_now

SCHEMA_VERSION_KEY = "schema_version"

# Arbitrary constant key: PostgreSQL writers opening the same empty database
# at once take turns creating the tables instead of racing.
_CREATE_LOCK_KEY = 0x68796E6C70


def ensure_schema(engine: Engine, where: str) -> None:
    """Create the tables in a database without them, else check the schema version.

    ``where`` names the store in error messages.
    """
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        if is_postgres(engine):
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CREATE_LOCK_KEY})
        present = set(inspect(conn).get_table_names()) & set(TABLES)
        if not present:
            _create(conn, engine)
            return
        if meta.name not in present:
            raise StoreSchemaMismatch(
                f"{where} has hynlp tables ({', '.join(sorted(present))}) but no schema version",
                hint="It was not written by a released hynlp; use a new --db file or database.",
            )
        _check_version(conn, where)
        missing = set(TABLES) - present
        if missing:
            raise StoreError(f"{where} lacks the tables {', '.join(sorted(missing))}; the store is damaged")


def stored_schema_version(conn: Connection) -> str | None:
    return conn.execute(select(meta.c.value).where(meta.c.key == SCHEMA_VERSION_KEY)).scalar_one_or_none()


def _create(conn: Connection, engine: Engine) -> None:
    METADATA.create_all(conn)
    rows = [
        {"key": SCHEMA_VERSION_KEY, "value": str(SCHEMA_VERSION)},
        {"key": "created_at", "value": utc_now().isoformat()},
    ]
    conn.execute(dialect_insert(engine, meta).on_conflict_do_nothing(), rows)


def _check_version(conn: Connection, where: str) -> None:
    found = stored_schema_version(conn)
    if found == str(SCHEMA_VERSION):
        return
    message = f"{where} has store schema version {found}; this hynlp uses version {SCHEMA_VERSION}"
    if found is not None and found.isdigit() and int(found) > SCHEMA_VERSION:
        hint = "The store was written by a newer hynlp: upgrade hynlp (pip install -U hynlp) to read it."
    else:
        hint = (
            "Re-run `hynlp extract` with this hynlp into a new --db to rebuild the results; "
            "the hynlp release that wrote the old store can still read and export it."
        )
    raise StoreSchemaMismatch(message, hint=hint)
