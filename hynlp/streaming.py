"""``nlp.pipe``: stream results for many texts, in order, with their context.

Like spaCy's ``nlp.pipe``: plain texts give results; with ``as_tuples=True``
``(text, context)`` pairs give ``(result, context)`` pairs, the context passed
back untouched. When a context is a mapping, its ``doc_id``, ``source``,
``title`` and ``published`` keys become the document's fields; other
documents are called ``doc-0``, ``doc-1``… by position.

A coded error (an empty document, undecodable bytes) stops the stream, as a
failing ``nlp(text)`` would; :func:`hynlp.extract_paths` instead stores such
documents as error rows and goes on.

>>> from hynlp.pipeline import Pipeline
>>> nlp = Pipeline()
>>> texts = [("项目总投资3.2亿元。", {"doc_id": "a", "url": "https://example.org/a"}),
...          ("签约率达97.43%。", {"doc_id": "b"})]
>>> [(r.doc_id, ctx.get("url"), r.figures[0].kind) for r, ctx in nlp.pipe(texts, as_tuples=True)]
[('a', 'https://example.org/a', 'investment'), ('b', None, 'rate')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import TYPE_CHECKING, Any

from hynlp.errors import ConfigError

if TYPE_CHECKING:
    from hynlp.pipeline import Pipeline

# Context keys that become Document fields.
DOCUMENT_FIELDS = ("doc_id", "source", "title", "published")


def stream_results(pipeline: Pipeline, texts: Iterable[Any], *, as_tuples: bool = False,
                   batch_size: int, n_process: int = 1) -> Iterator[Any]:
    """Results (or ``(result, context)`` pairs) for ``texts``, read ``batch_size`` at a time."""
    check_options(batch_size, n_process)
    return _stream(pipeline, texts, as_tuples, batch_size)


def check_options(batch_size: int, n_process: int) -> None:
    """Refuse options this pipe cannot honour, before any text is read."""
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ConfigError(f"batch_size must be a positive integer, got {batch_size!r}")
    if n_process != 1:
        raise ConfigError(
            f"nlp.pipe runs in one process; n_process={n_process!r} is not supported yet",
            hint="Call nlp.pipe(..., n_process=1), or extract files and archives in parallel "
                 "with hynlp.extract_paths(..., workers=N) / `hynlp extract --workers N`.",
        )


def _stream(pipeline: Pipeline, texts: Iterable[Any], as_tuples: bool, batch_size: int) -> Iterator[Any]:
    items = iter(texts)
    position = 0
    while batch := list(islice(items, batch_size)):
        for item in batch:
            text, context = _split(item, as_tuples, position)
            result = pipeline(text, **_fields(context, position))
            yield (result, context) if as_tuples else result
            position += 1


def _split(item: Any, as_tuples: bool, position: int) -> tuple[str | bytes, Any]:
    if not as_tuples:
        return item, None
    if not (isinstance(item, tuple) and len(item) == 2):
        raise ConfigError(
            f"with as_tuples=True every item must be a (text, context) pair; item {position} is {type(item).__name__}",
            hint="Pass pairs such as (text, {'doc_id': 'a1'}), or leave as_tuples=False for plain texts.",
        )
    return item


def _fields(context: Any, position: int) -> dict[str, Any]:
    fields = {"doc_id": f"doc-{position}"}
    if isinstance(context, Mapping):
        fields.update({key: context[key] for key in DOCUMENT_FIELDS if key in context})
    return fields
