"""Storage of extraction results: SQLite files or PostgreSQL, via SQLAlchemy Core.

This package is the only code that writes results to disk. See
:func:`open_store` and :class:`Store`; the table layout is in
:mod:`hynlp.store.tables`.
"""

from hynlp.store.connect import DEFAULT_STORE
from hynlp.store.export import EXPORT_FORMATS
from hynlp.store.reader import DoneKey
from hynlp.store.store import Store, open_store

__all__ = ["DEFAULT_STORE", "EXPORT_FORMATS", "DoneKey", "Store", "open_store"]
