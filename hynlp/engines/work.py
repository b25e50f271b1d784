"""One document's work, the same for every engine: from an input to an outcome.

An outcome is an :class:`~hynlp.records.ExtractionResult` or, for a document
that cannot be processed, an :class:`~hynlp.records.ErrorRecord`; a bad
document never stops a batch.

>>> item = prepare(InputDoc("a", "a.txt", "项目总投资3亿元。"), max_doc_bytes=1000)
>>> item.doc_id, len(item.raw_sha256)
('a', 64)
>>> prepare(InputDoc("big", "big.txt", "字" * 400), max_doc_bytes=1000).code
'E104'
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, TypeVar, Union

from pydantic_core import PydanticSerializationError

from hynlp.errors import DocumentTooLarge, ExtractionFailed, HynlpError
from hynlp.records import ErrorRecord, ExtractionResult, sha256_text
from hynlp.store.inputs import InputDoc, InputError

if TYPE_CHECKING:  # the parent of a worker pool never loads a pipeline
    from hynlp.pipeline import Pipeline

# News articles are a few KB; a document past 1 MiB is a dump or a mistake,
# and would hold a worker for minutes.
MAX_DOC_BYTES = 1 << 20

T = TypeVar("T")


@dataclass(frozen=True)
class StoreTarget:
    """The store and run that worker processes write their outcomes to themselves."""

    db: str
    run_id: str


@dataclass(frozen=True)
class Stored:
    """What a worker that wrote an outcome to the store tells the parent: enough to count it.

    >>> Stored.of(ErrorRecord(doc_id="a", code="E101", message="empty")).error_code
    'E101'
    """

    doc_id: str
    chars: int = 0
    entity_types: tuple[str, ...] = ()
    figure_kinds: tuple[str, ...] = ()
    error_code: str | None = None

    @classmethod
    def of(cls, outcome: ExtractionResult | ErrorRecord) -> Stored:
        if isinstance(outcome, ErrorRecord):
            return cls(outcome.doc_id, error_code=outcome.code)
        return cls(outcome.article.doc_id, len(outcome.article.text), tuple(e.type for e in outcome.entities),
                   tuple(f.kind for f in outcome.figures))


Outcome = Union[ExtractionResult, ErrorRecord, Stored]


@dataclass(frozen=True)
class WorkItem:
    """A readable input with its content hash, ready for the pipeline."""

    doc_id: str
    source: str
    raw: str | bytes
    raw_sha256: str
    title: str | None = None
    published: str | None = None


def prepare(item: InputDoc | InputError, max_doc_bytes: int = MAX_DOC_BYTES) -> WorkItem | ErrorRecord:
    """Hash an input, or give its error row when it was unreadable or is too large."""
    if isinstance(item, InputError):
        return ErrorRecord(doc_id=item.doc_id, source=item.source, code=item.error.code,
                           message=item.error.message)
    content_hash = sha256_text(item.raw)
    size = len(item.raw) if isinstance(item.raw, bytes) else len(item.raw.encode("utf-8", "surrogatepass"))
    if size > max_doc_bytes:
        error = DocumentTooLarge(f"document has {size:,} bytes, over the limit of {max_doc_bytes:,}")
        return error_record(item.doc_id, item.source, error, content_hash)
    return WorkItem(item.doc_id, item.source, item.raw, content_hash,
                    item.fields.get("title"), item.fields.get("published"))


def process_item(item: WorkItem, pipeline: Pipeline) -> Outcome:
    """Run the pipeline on one item; every failure becomes an error row."""
    try:
        return pipeline(item.raw, doc_id=item.doc_id, source=item.source,
                        title=item.title, published=item.published)
    except HynlpError as error:
        return error_record(item.doc_id, item.source, error, item.raw_sha256)
    except Exception as exc:  # noqa: BLE001 - a bug met on one document must not stop an archive
        return error_record(item.doc_id, item.source, ExtractionFailed(describe_exception(exc)), item.raw_sha256)


def encode_outcome(outcome: Outcome) -> tuple[type[Outcome] | None, str | Outcome]:
    """An outcome as JSON to send between processes, with its type.

    pydantic writes and reads JSON in Rust: a third of what pickling the
    nested models costs in the worker, two thirds in the parent (which, with
    as many workers as cores, shares a core with one of them). JSON cannot
    carry a lone surrogate (a file name that was not UTF-8 keeps its bytes
    as surrogates); such an outcome travels as the object, pickled.

    >>> decode_outcome(*encode_outcome(ErrorRecord(doc_id="a", code="E101", message="empty"))).code
    'E101'
    >>> decode_outcome(*encode_outcome(ErrorRecord(doc_id=chr(0xDCE9) + ".txt", code="E101", message="empty"))).doc_id
    '\\udce9.txt'
    """
    if isinstance(outcome, Stored):
        return None, outcome  # a few fields: pickled as it is
    try:
        return type(outcome), outcome.model_dump_json()
    except PydanticSerializationError:
        return None, outcome


def decode_outcome(kind: type[Outcome] | None, data: str | Outcome) -> Outcome:
    """The outcome :func:`encode_outcome` encoded, equal to the one sent."""
    return data if kind is None else kind.model_validate_json(data)  # type: ignore[arg-type,union-attr]


def error_record(doc_id: str, source: str | None, error: HynlpError, raw_sha256: str | None) -> ErrorRecord:
    return ErrorRecord(doc_id=doc_id, source=source, code=error.code, message=error.message,
                       raw_sha256=raw_sha256)


def describe_exception(exc: BaseException) -> str:
    """``Type: message (at file:line)`` of the innermost frame, for a bug report."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (at {frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {exc}{where}"


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items (the last one shorter); itertools.batched needs Python 3.12."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
