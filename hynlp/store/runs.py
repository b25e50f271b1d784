"""The runs table: one row per ``hynlp extract`` invocation, with its configuration and counts."""

from __future__ import annotations

import secrets
from collections.abc import Mapping

from sqlalchemy import Connection, Engine, insert, select, update

from hynlp.errors import UnknownRun
from hynlp.store.connect import write_transaction
from hynlp.store.tables import runs, utc_now


def new_run_id() -> str:
    """A sortable, readable id: UTC start time plus random bits against collisions."""
    return f"{utc_now():%Y%m%dT%H%M%SZ}-{secrets.token_hex(4)}"


def start_run(engine: Engine, config_json: str, config_hash: str, pipeline_version: str) -> str:
    run_id = new_run_id()
    row = {
        "run_id": run_id,
        "started_at": utc_now(),
        "pipeline_version": pipeline_version,
        "config": config_json,
        "config_hash": config_hash,
    }
    write_transaction(engine, lambda conn: conn.execute(insert(runs), row))
    return run_id


def finish_run(engine: Engine, run_id: str, counts: Mapping[str, int]) -> None:
    def work(conn: Connection) -> None:
        require_run(conn, run_id)
        conn.execute(
            update(runs).where(runs.c.run_id == run_id).values(finished_at=utc_now(), counts=dict(counts))
        )

    write_transaction(engine, work)


def unfinished_run(engine: Engine, config_hash: str, pipeline_version: str) -> str | None:
    """The latest run with this configuration that never finished (killed or
    interrupted), or None."""
    query = (
        select(runs.c.run_id)
        .where(runs.c.finished_at.is_(None), runs.c.config_hash == config_hash,
               runs.c.pipeline_version == pipeline_version)
        .order_by(runs.c.started_at.desc(), runs.c.run_id.desc())
        .limit(1)
    )
    with engine.connect() as conn:
        return conn.execute(query).scalar_one_or_none()


def require_run(conn: Connection, run_id: str | None) -> None:
    """Raise UnknownRun unless ``run_id`` is None or a started run."""
    if run_id is None:
        return
    if conn.execute(select(runs.c.run_id).where(runs.c.run_id == run_id)).first() is None:
        raise UnknownRun(f"no run {run_id!r} in this store")
