"""Names of a package imported on first use (PEP 562), so importing it stays fast.

>>> getattr_, dir_ = lazy_exports("demo", {"sqrt": "math"}, {"pi": 3.14})
>>> getattr_("sqrt")(9.0), dir_()
(3.0, ['pi', 'sqrt'])
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping


def lazy_exports(package: str, lazy: Mapping[str, str],
                 namespace: Mapping[str, object]) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """A package's ``__getattr__`` and ``__dir__`` for names that ``lazy`` maps to their modules."""

    def __getattr__(name: str) -> object:
        if name in lazy:
            return getattr(importlib.import_module(lazy[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted({*namespace, *lazy})

    return __getattr__, __dir__
