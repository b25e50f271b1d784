"""Reading a SQLite store from outside a run, as the kill/resume tests do."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def stored_rows(db: Path) -> int:
    """Articles plus error rows in the store at ``db`` (0 before it exists)."""
    if not db.exists():
        return 0
    connection = sqlite3.connect(db, timeout=30)
    try:
        return sum(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                   for table in ("articles", "errors"))
    except sqlite3.OperationalError:  # the tables are not created yet
        return 0
    finally:
        connection.close()
