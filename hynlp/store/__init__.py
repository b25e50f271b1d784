"""Storage of extraction results: SQLite files or PostgreSQL, via SQLAlchemy Core.

This package is the only code that writes results to disk. See
:func:`open_store` and :class:`Store`; the table layout is in
:mod:`hynlp.store.tables`.

>>> from hynlp.store import DEFAULT_STORE
>>> DEFAULT_STORE
'hynlp.sqlite'
"""

from types import MappingProxyType

from hynlp.lazy import lazy_exports

# The package's names are imported on first use (PEP 562): loading a model
# from hynlp.store.ner_models must not pay for SQLAlchemy, pandas and pyarrow
# (0.6 s of the 3 s start-up budget).
_LAZY = MappingProxyType({
    "DEFAULT_STORE": "hynlp.store.connect",
    "EXPORT_FORMATS": "hynlp.store.export",
    "DoneKey": "hynlp.store.reader",
    "Store": "hynlp.store.store",
    "open_store": "hynlp.store.store",
})
__getattr__, __dir__ = lazy_exports(__name__, _LAZY, globals())

__all__ = ["DEFAULT_STORE", "EXPORT_FORMATS", "DoneKey", "Store", "open_store"]
